"""Which scripts a finished page may run: an explicit list, never read off the output.

The Content-Security-Policy allows scripts from the site's own files and, by hash, the
inline scripts on the list below, which are the theme's own (Material for MkDocs writes a few
tiny inline scripts into every page). A build used to hash every inline script it found in
the output, so a ``<script>`` that reached a page from a content page or a catalogue was
approved along with the theme's. Now every finished page is read before anything is
published, and the build stops if it finds:

- an inline script that is not on the list (compared by its exact text);
- an event-handler attribute (``onclick=``, ``onerror=`` ...) on any element;
- a ``javascript:``, ``vbscript:`` or ``data:`` address in a link, a source or a form;
- an element that embeds other documents or code (``iframe``, ``object``, ``embed``,
  ``frame``, ``applet``, ``base``).

Every page is read on every build; one whose exact text was scanned clean by the last build
of the site, by this same scanner, takes that scan's result (CleanPages).

The list is short on purpose. When a theme upgrade changes one of its scripts, the build
names it, and a person reads the new text before adding it here.
"""

from __future__ import annotations

import base64
import hashlib
import json
import re
import sys
from dataclasses import dataclass, field
from functools import cached_property
from html import unescape
from html.parser import HTMLParser
from pathlib import Path

from lmo.core import html_safety
from lmo.core.html_safety import (
    DANGEROUS_SCHEMES,
    EMBEDDING_ELEMENTS,
    URL_ATTRIBUTES,
    dangerous_address,
    unsafe_attributes,
)
from lmo.delivery.build_cache import BuildCache, folder_slot
from lmo.site.inline_scripts import SEARCH_ON_DEMAND


@dataclass(frozen=True)
class AllowedScript:
    """An inline script the build itself writes. ``text`` is exact, except that ``{base}``
    stands for the page's address of the site's root, which differs with the page's depth
    ("..", "../..", "/maternity/"): only the letters of a path may fill it."""

    name: str
    origin: str
    text: str

    @cached_property  # compiled once: every page's scripts are compared with it
    def pattern(self) -> re.Pattern[str]:
        before, _, after = self.text.partition("{base}")
        if not _:
            return re.compile(re.escape(self.text))
        return re.compile(re.escape(before) + r"[A-Za-z0-9./_~%-]*" + re.escape(after))


# Material for MkDocs 9.8.1. Each is copied from the file named, as the theme writes it.
ALLOWED_INLINE_SCRIPTS: tuple[AllowedScript, ...] = (
    AllowedScript(
        "theme: local storage scope",
        "material/templates/partials/javascripts/base.html",
        '__md_scope=new URL("{base}",location),__md_hash=e=>[...e].reduce(((e,_)=>(e<<5)-e+_'
        ".charCodeAt(0)),0),__md_get=(e,_=localStorage,t=__md_scope)=>JSON.parse(_.getItem(t."
        'pathname+"."+e)),__md_set=(e,_,t=localStorage,a=__md_scope)=>{try{t.setItem(a.pathnam'
        'e+"."+e,JSON.stringify(_))}catch(e){}}',
    ),
    AllowedScript(
        "theme: colour palette chosen earlier",
        "material/templates/partials/javascripts/palette.html",
        'var palette=__md_get("__palette");if(palette&&palette.color){if("(prefers-color-schem'
        'e)"===palette.color.media){var media=matchMedia("(prefers-color-scheme: light)"),input'
        "=document.querySelector(media.matches?\"[data-md-color-media='(prefers-color-scheme: l"
        "ight)']\":\"[data-md-color-media='(prefers-color-scheme: dark)']\");palette.color.medi"
        'a=input.getAttribute("data-md-color-media"),palette.color.scheme=input.getAttribute("'
        'data-md-color-scheme"),palette.color.primary=input.getAttribute("data-md-color-primar'
        'y"),palette.color.accent=input.getAttribute("data-md-color-accent")}for(var[key,value'
        ']of Object.entries(palette.color))document.body.setAttribute("data-md-color-"+key,val'
        "ue)}",
    ),
    AllowedScript(
        "theme: open the tab a link points at",
        "material/templates/partials/javascripts/content.html",
        "var target=document.getElementById(location.hash.slice(1));target&&target.name&&(tar"
        'get.checked=target.name.startsWith("__tabbed_"))',
    ),
)

# The engine's own (lmo.site.inline_scripts), which every page runs before the theme's.
ALLOWED_INLINE_SCRIPTS += (
    AllowedScript(
        "engine: the search index fetched when she goes to search",
        "lmo/site/inline/search-on-demand.js",
        SEARCH_ON_DEMAND,
    ),
)

# Script types a browser does not run: data for a script, such as the theme's settings.
DATA_SCRIPT_TYPES = frozenset({"application/json", "application/ld+json"})


def csp_hash(script: str) -> str:
    digest = hashlib.sha256(script.encode("utf-8")).digest()
    return f"'sha256-{base64.b64encode(digest).decode('ascii')}'"


def allowed(script: str) -> AllowedScript | None:
    for entry in ALLOWED_INLINE_SCRIPTS:
        if entry.pattern.fullmatch(script):
            return entry
    return None


@dataclass(frozen=True)
class Finding:
    line: int
    column: int
    what: str

    def shown(self, file: str) -> str:
        return f"{file}:{self.line}:{self.column}: {self.what}"


@dataclass
class PageScan:
    hashes: set[str] = field(default_factory=set)  # of the listed inline scripts it carries
    findings: list[Finding] = field(default_factory=list)
    text: str = ""  # the page as read, so the next step need not read it again


def _excerpt(text: str, limit: int = 60) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


def element_findings(tag: str, attrs: list[tuple[str, str | None]]) -> list[str]:
    """What on one start tag may run code: the rule both ways of reading a page apply."""
    found = []
    if tag in EMBEDDING_ELEMENTS:
        found.append(f"a <{tag}> element, which can load another page or code into this one")
    values = dict(attrs)
    for name, kind in unsafe_attributes(attrs):
        if kind == "handler":
            found.append(f"an event-handler attribute ({name}=) on <{tag}>, which runs script")
        else:
            found.append(
                f"a {_excerpt(values[name] or '', 24)!r} address in <{tag} {name}=>, which"
                " runs script or embeds a document when followed"
            )
    refresh = (values.get("content") or "").lower() if tag == "meta" else ""
    if "url=" in refresh and dangerous_address(refresh.split("url=", 1)[1]):
        found.append("a page redirect to a script address")
    return found


def script_runs(attrs: list[tuple[str, str | None]]) -> bool:
    """False for a script that loads a file or carries data: its text never runs."""
    values = dict(attrs)
    kind = (values.get("type") or "").strip().lower()
    return "src" not in values and kind not in DATA_SCRIPT_TYPES


class _PageReader(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.scan = PageScan()
        self._script: tuple[int, int, bool] | None = None  # line, column, runs
        self._script_text: list[str] = []

    def _find(self, what: str) -> None:
        line, offset = self.getpos()
        self.scan.findings.append(Finding(line, offset + 1, what))

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_startendtag(tag, attrs)
        if tag == "script":
            line, offset = self.getpos()
            self._script = (line, offset + 1, script_runs(attrs))
            self._script_text = []

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for what in element_findings(tag, attrs):
            self._find(what)

    def handle_data(self, data: str) -> None:
        if self._script is not None:
            self._script_text.append(data)

    def handle_endtag(self, tag: str) -> None:
        if tag != "script" or self._script is None:
            return
        line, column, runs = self._script
        text = "".join(self._script_text)
        self._script = None
        if not runs:
            return
        if allowed(text) is None:
            self.scan.findings.append(
                Finding(
                    line,
                    column,
                    f"an inline script the build did not write ({_excerpt(text)!r}); if a"
                    " theme upgrade added it, read it and add it to"
                    " lmo/delivery/script_policy.py ALLOWED_INLINE_SCRIPTS",
                )
            )
        else:
            self.scan.hashes.add(csp_hash(text))


def read_fully(html: str) -> PageScan:
    """The page read by HTMLParser: every finding, at its line and column."""
    reader = _PageReader()
    reader.feed(html)
    reader.close()
    return reader.scan


# Reading every page with HTMLParser was most of the time the check took, yet nearly every
# page the build writes keeps to a strict subset of HTML: text without "<", comments without
# "-", "<" or ">", quoted attribute values without "<" or ">", attributes parted by spaces or
# newlines, scripts without "</" or "<!" inside, no other raw-text element, no CDATA. On such
# a page HTMLParser can find a tag nowhere but where these expressions do (the subset leaves
# out every construct its later releases read differently; the tests ran on 3.11 to 3.13),
# so they read it instead. A page outside the subset, or one on which the quick reading
# finds anything at all, is read again by HTMLParser: every finding, and its place, comes
# from the one parser.
_ATTRS = r"""(?:[ \n]+[a-zA-Z_:][a-zA-Z0-9_:.-]*+(?:="[^"<>]*+"|='[^'<>]*+')?)*+"""
_ATTR = re.compile(r"""[ \n]+([a-zA-Z_:][a-zA-Z0-9_:.-]*)(?:=("[^"<>]*"|'[^'<>]*'))?""")
_SCRIPT = "<script{0}[ \n]*+>{1}</script>".format
_SCRIPT_TEXT = "(?:[^<]++|<(?![/!]))*+"
# Elements whose text some version of HTMLParser reads raw, up to their end tag.
_RAW_TEXT = "script|style|title|textarea|xmp|iframe|noembed|noframes|noscript|plaintext"
# No capturing group: Python 3.11's re fails on one inside a possessive repeat.
_PLAIN_PAGE = re.compile(
    "(?:[^<]++"
    "|<!--[^<>-]++-->"
    "|<!(?i:doctype html)>"
    "|</[a-zA-Z][a-zA-Z0-9-]*+>"
    f"|{_SCRIPT(_ATTRS, _SCRIPT_TEXT)}"
    + "".join(f"|<{raw}{_ATTRS}[ \n]*+>[^<]*+</{raw}>" for raw in ("style", "title", "textarea"))
    + f"|<(?!(?i:{_RAW_TEXT})[ \n/>])[a-zA-Z][a-zA-Z0-9-]*+{_ATTRS}[ \n]*+/?>"
    ")*+"
)
# Where the page is known to be plain, simpler expressions find the same things.
_SCRIPT_ELEMENT = re.compile(r"<script((?:[ \n][^<>]*)?)>([^<]*(?:<(?![/!])[^<]*)*)</script>")
# A start tag that may carry a finding, by the rules of lmo.core.html_safety and the meta
# redirect above: an element that embeds, a meta tag with "url=" or a character reference,
# an attribute named on..., or an address whose value has a character reference or, past
# the characters dangerous_address ignores, the first letter of a dangerous scheme and then
# a colon. Any other start tag has nothing to find.
_ANY = "|".join(sorted(re.escape(name) for name in EMBEDDING_ELEMENTS))
_URL = "|".join(sorted(re.escape(name) for name in URL_ATTRIBUTES))
_FIRST = "".join(sorted({c for scheme in DANGEROUS_SCHEMES for c in scheme[0] + scheme[0].upper()}))
_VALUE = "|".join(f"{q}[^{q}<>&]*+&|{q}[\\x00-\\x20\\x7f]*+[{_FIRST}][^{q}<>:]*+:" for q in "\"'")
_MARK = f"(?:(?i:on)|(?i:{_URL})=(?:{_VALUE}))"
_RISKY_TAG = re.compile(
    f"<(?:(?i:{_ANY})(?=[ \\n/>])"
    "|(?i:meta)(?=[ \\n/>])[^<>]*?(?:&|(?i:url=))"
    f"|[a-zA-Z](?:[^<> \\n]++|[ \\n](?!{_MARK}))*+[ \\n]{_MARK})[^<>]*+>"
)
_TAG = re.compile(r"<([a-zA-Z][a-zA-Z0-9-]*)([^<>]*)>")


def _attributes(source: str) -> list[tuple[str, str | None]]:
    """As HTMLParser gives them: names lower-cased, values unquoted and unescaped."""
    found: list[tuple[str, str | None]] = []
    for match in _ATTR.finditer(source):
        value = match[2]
        found.append((match[1].lower(), None if value is None else unescape(value[1:-1])))
    return found


def read_plain(html: str) -> PageScan | None:
    """The quick reading: the scan of a plain page with nothing on it that may run code
    but the listed scripts, or None for every other page."""
    if _PLAIN_PAGE.fullmatch(html) is None:
        return None
    scan = PageScan()
    gaps = []
    start = 0
    for script in _SCRIPT_ELEMENT.finditer(html):
        gaps.append((start, script.start()))
        start = script.end()
        attrs = _attributes(script[1])
        if element_findings("script", attrs):
            return None
        if script_runs(attrs):
            if allowed(script[2]) is None:
                return None
            scan.hashes.add(csp_hash(script[2]))
    gaps.append((start, len(html)))
    for begin, end in gaps:
        for risky in _RISKY_TAG.finditer(html, begin, end):
            tag = _TAG.fullmatch(risky[0])
            if tag is None or element_findings(tag[1].lower(), _attributes(tag[2])):
                return None
    return scan


def scan_page(html: str) -> PageScan:
    """The listed inline scripts a page carries, and everything on it that may run code."""
    scan = read_plain(html)
    if scan is None:
        scan = read_fully(html)
    scan.text = html
    return scan


@dataclass
class SiteScan:
    hashes: set[str] = field(default_factory=set)
    problems: list[str] = field(default_factory=list)
    pages: dict[Path, PageScan] = field(default_factory=dict)


def scan_site(site_dir: Path, kept: BuildCache | None = None) -> SiteScan:
    """Every HTML file the site publishes. A page whose exact text passed the last scan of
    this site (by this scanner, kept in ``kept``) takes that scan's hashes."""
    result = SiteScan()
    memo = CleanPages.recall(site_dir, BuildCache.named("page-scans") if kept is None else kept)
    for path in sorted(site_dir.rglob("*.html")):
        scan = memo.scan(path.read_text(encoding="utf-8"))
        result.pages[path] = scan
        result.hashes |= scan.hashes
        shown = path.relative_to(site_dir.parent).as_posix()
        result.problems += [finding.shown(shown) for finding in scan.findings]
    memo.keep()
    return result


# What a scan finds depends only on the page's text, this module, the HTML safety rules and
# Python's regular expressions and HTML parser: all of them are in the key of a kept scan.
_SCANNER = hashlib.sha256(
    sys.version.encode() + Path(__file__).read_bytes() + Path(html_safety.__file__).read_bytes()
).digest()
# A kept hash goes into the site's policy: only the form csp_hash writes is taken back.
_CSP_HASH = re.compile(r"'sha256-[A-Za-z0-9+/]{43}='")


class CleanPages:
    """The pages a site's last scan found nothing on, by their text's digest, with the
    listed scripts' hashes: a rebuild leaves most pages byte for byte as they were, and
    scanning them again was a third of a second of the example's build. Only pages with no
    finding are kept; a page with one is scanned again each time (the build stops anyway).
    Kept as JSON, one file per site, holding only the pages of the last build."""

    def __init__(self, kept: BuildCache, slot: str, known: dict[str, list[str]]) -> None:
        self.kept, self.slot, self.known = kept, slot, known
        self.seen: dict[str, list[str]] = {}

    @classmethod
    def recall(cls, site_dir: Path, kept: BuildCache) -> CleanPages:
        slot = folder_slot(site_dir)
        known: dict[str, list[str]] = {}
        try:
            stored = json.loads(kept.get(slot) or b"{}")
            known = {
                str(page): [str(h) for h in hashes]
                for page, hashes in stored.items()
                if isinstance(hashes, list) and all(_CSP_HASH.fullmatch(str(h)) for h in hashes)
            }
        except (ValueError, AttributeError):
            pass  # cut short or not ours: every page is scanned
        return cls(kept, slot, known)

    def scan(self, html: str) -> PageScan:
        key = hashlib.sha256(_SCANNER + html.encode("utf-8")).hexdigest()
        hashes = self.known.get(key)
        if hashes is not None:
            self.seen[key] = hashes
            return PageScan(hashes=set(hashes), text=html)
        scan = scan_page(html)
        if not scan.findings:
            self.seen[key] = sorted(scan.hashes)
        return scan

    def keep(self) -> None:
        if self.seen != self.known:
            self.kept.put(self.slot, json.dumps(self.seen, sort_keys=True).encode())
