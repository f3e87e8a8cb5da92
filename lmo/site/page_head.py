"""Changes to the theme's finished page that its templates give no block for.

The theme's script: Material loads its one script at the end of the page as a classic
script, which holds back the first paint on a slow phone until it has been fetched and run.
Marked ``defer``, it runs at the same point (after the page is parsed, in order with the
other deferred scripts), without blocking the paint. Nothing on the page calls it earlier.

Language alternates: Material writes a ``<link rel="alternate" hreflang>`` for each language
into every page's head, with the page-relative links mkdocs-static-i18n gives it. Two things
go wrong with them:
- Material's script treats every ``link[rel=alternate]`` as the root of a language and
  fetches ``sitemap.xml`` beside it. For a page's alternates that is a missing file in each
  language, on every page view: five wasted requests on a phone with poor signal, and five
  errors in the console.
- Search engines want hreflang addresses in full; relative ones are ignored.

The sitemap that mkdocs-static-i18n writes already lists every page's alternates in full
(``xhtml:link rel="alternate" hreflang``), which is one of the three ways search engines
accept, so the head links are removed rather than repaired. The language menu is separate
and keeps working. Feed discovery links (which also say rel="alternate") are kept.

The theme's base address: mkdocs-static-i18n gives every page the site's root as the base of the
theme's script, which fetches the search index from there. Each language now has its own index
beside its home page (``lmo.delivery.search_split``), so a page outside the default language
gets its language's home page as base: the script then fetches that language's index only, and
builds the links of her results from there. Nothing else the site uses reads this base (the
theme's version menu and instant loading, which do, are not used).
"""

from __future__ import annotations

import re
from html import escape
from typing import Any

_HEAD_END = "</head>"
# Material's own tag: <link rel="alternate" href="..." hreflang="..."> (attributes in that
# order, as its base.html writes them), with no type attribute; feeds carry a type.
_HREFLANG_LINK = re.compile(r'[ \t]*<link rel="alternate" href="[^"]*" hreflang="[^"]*"\s*/?>\n?')


_THEME_SCRIPT = re.compile(r'<script src="([^"]*assets/javascripts/bundle\.[0-9a-f]+\.min\.js)">')


# The site's one "page not found" page (MkDocs' name for it, which hosts look for).
NOT_FOUND_PAGE = "404.html"


def with_theme_script_deferred(html: str) -> str:
    return _THEME_SCRIPT.sub(r'<script defer src="\1">', html)


def without_language_alternates(html: str) -> str:
    """The page with the head's hreflang links removed; the body is left exactly as it was."""
    head, found, rest = html.partition(_HEAD_END)
    if not found:
        return html
    return _HREFLANG_LINK.sub("", head) + found + rest


_THEME_CONFIG = re.compile(
    r'(<script id="__config" type="application/json">[^<]*?"base": ")([^"]*)(")'
)


def with_base_at_language_home(html: str, language: str) -> str:
    """The page with the theme's base moved from the site's root to ``language``'s home page
    (one folder below the root, as mkdocs-static-i18n publishes every other language)."""

    def moved(found: re.Match[str]) -> str:
        root = found.group(2).rstrip("/") or "."
        return f"{found.group(1)}{root}/{language}/{found.group(3)}"

    return _THEME_CONFIG.sub(moved, html, count=1)


def finished_page(html: str, other_language: str | None = None) -> str:
    """Every change here, for a page as the theme wrote it. ``other_language``: the page's
    language when it is not the default (whose pages are at the site's root)."""
    html = with_theme_script_deferred(without_language_alternates(html))
    return with_base_at_language_home(html, other_language) if other_language else html


def language_homes(
    alternates: list[dict[str, Any]], base_path: str, default_language: str
) -> list[dict[str, Any]]:
    """The language menu for a page that exists in no language (the 404 page): each entry
    leads to that language's home page. mkdocs-static-i18n leaves the menu of whichever page
    was built last, which would send her to an unrelated service."""
    base = base_path if base_path.endswith("/") else base_path + "/"
    homes = []
    for entry in alternates:
        lang = str(entry.get("lang", ""))
        link = base if lang == default_language else f"{base}{lang}/"
        homes.append({**entry, "link": link})
    return homes


_CHARSET = re.compile(r"<meta charset=\"[^\"]*\">")


def with_policy_meta(html: str, policy: str) -> str:
    """The page with its Content-Security-Policy as the first thing after the character set
    (a meta policy applies only to what follows it, and the character set must stay within
    the first kilobyte). Hosts that send the header as well apply both; this one is never
    looser than the header."""
    tag = f'<meta http-equiv="Content-Security-Policy" content="{escape(policy, quote=True)}">'
    tag += '<meta name="referrer" content="strict-origin-when-cross-origin">'
    head, found, rest = html.partition("<head>")
    if not found:
        return html
    charset = _CHARSET.search(rest)
    if charset is not None and rest[: charset.start()].strip() == "":
        return head + found + rest[: charset.end()] + tag + rest[charset.end() :]
    return head + found + tag + rest
