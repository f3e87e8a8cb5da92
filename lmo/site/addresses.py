"""Where each generated page lives, how one page links to another, and text made safe for
a Markdown heading. Links between generated pages are written as final relative URLs,
because MkDocs does not rewrite links inside raw HTML blocks."""

from __future__ import annotations

import html
import posixpath
import re

from markupsafe import Markup

# The offline page's address in each language, relative to the language's home (the
# service worker shows it for a page it never saved: lmo.delivery.offline).
OFFLINE_URL = "offline/"

# Where each kind of record lives in the site. The id is the last part of the URL.
SECTION = {
    "hubs": "hubs",
    "birth_settings": "birth-settings",
    "services": "services",
    "organisations": "organisations",
    "places": "places",
    "mnvps": "mnvp",
}


def page_url(collection: str, record_id: str | None = None) -> str:
    base = SECTION[collection] + "/"
    return base if record_id is None else f"{base}{record_id}/"


def relative_url(from_url: str, to_url: str) -> str:
    """A link from one directory-style URL to another, both relative to the language root."""
    target, _, anchor = to_url.partition("#")
    rel = _relative_path(target, from_url)
    rel = "./" if rel == "." else rel + "/"
    return rel + (f"#{anchor}" if anchor else "")


def _relative_path(target: str, start: str) -> str:
    """``posixpath.relpath(target or ".", start or ".")`` for the plain relative paths the
    generator links between, without its two calls to abspath (every link of every page in
    every language comes here). Anything else goes to relpath itself."""
    to = [part for part in target.split("/") if part]
    here = [part for part in start.split("/") if part]
    if target.startswith("/") or start.startswith("/") or {".", ".."} & {*to, *here}:
        return posixpath.relpath(target or ".", start or ".")
    common = 0
    while common < min(len(to), len(here)) and to[common] == here[common]:
        common += 1
    return "/".join([".."] * (len(here) - common) + to[common:]) or "."


def source_path_for(url: str) -> str:
    return "index.md" if url == "" else url.rstrip("/") + ".md"


def index_path_for(url: str) -> str:
    return url + "index.md"


_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+!|~])")


def md_inline(text: str) -> Markup:
    """Escape text for a Markdown heading: HTML-escaped (once: a translation arrives already
    escaped, as Markup), Markdown syntax neutralised."""
    raw = html.unescape(str(text)) if isinstance(text, Markup) else str(text)
    return Markup(_MD_SPECIAL.sub(r"\\\1", html.escape(raw, quote=False)))
