"""What a hand-written page may not contain: anything that runs script or loads another page.

Markdown lets an editor write raw HTML, and Python-Markdown passes it through as it is, so a
``<script>`` or an ``onclick=`` in ``content/en/questions.md`` would be published. The pages
are for reading; nothing on them needs code. This finds, with file:line:col and a plain
reason, before anything is built:

- the elements ``script``, ``iframe``, ``object``, ``embed``, ``form``, ``frame``,
  ``applet``, ``base``, ``meta``, ``link`` and ``style``;
- event-handler attributes (``onclick=``, ``onerror=`` ...), in raw HTML or in the
  ``{: ... }`` attribute lists the attr_list extension reads;
- ``javascript:``, ``vbscript:`` and ``data:`` addresses, in raw HTML, Markdown links,
  images, reference definitions and ``<...>`` autolinks.

Code blocks and code spans are skipped: Markdown shows their text as text. The finished
pages are checked again after the build (``lmo.delivery.script_policy``), whatever wrote them.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

from lmo.core.html_safety import URL_ATTRIBUTES, dangerous_address, unsafe_attributes
from lmo.core.problems import Problem
from lmo.core.yamlsource import compose_text

REFUSED_ELEMENTS = {
    "script": "runs code",
    "iframe": "loads another page into this one",
    "frame": "loads another page into this one",
    "object": "loads code or another document",
    "embed": "loads code or another document",
    "applet": "loads code",
    "form": "can send what she types to another site",
    "base": "changes where every link on the page goes",
    "meta": "can send her to another page",
    "link": "loads files into the page",
    "style": "can restyle or hide the page's warnings",
}

_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")
_CODE_SPAN = re.compile(r"(`+)(?!`).+?(?<!`)\1(?!`)", re.S)
_LINK_TARGET = re.compile(r"\]\(\s*<?([^)>\s]*)")
_REFERENCE = re.compile(r"^ {0,3}\[[^\]]+\]:\s*<?(\S+?)>?(?:\s|$)", re.M)
_AUTOLINK = re.compile(r"<([A-Za-z][A-Za-z0-9+.\-]*:[^>\s]*)>")
_ATTR_LIST = re.compile(r"\{:?([^{}\n]*)\}")
_ATTR = re.compile(r"""([^\s=]+)\s*=\s*(?:"([^"]*)"|'([^']*)'|(\S+))""")


def _blank(match: re.Match[str]) -> str:
    """The same number of characters and line breaks, so positions stay true."""
    return re.sub(r"[^\n]", " ", match.group(0))


def _without_code(text: str) -> str:
    lines = text.split("\n")
    fence: str | None = None
    for index, line in enumerate(lines):
        opened = _FENCE.match(line)
        if fence is None and opened:
            fence = opened.group(1)[0] * len(opened.group(1))
            lines[index] = " " * len(line)
        elif fence is not None:
            if line.strip().startswith(fence):
                fence = None
            lines[index] = " " * len(line)
    return _CODE_SPAN.sub(_blank, "\n".join(lines))


def _position(text: str, offset: int) -> tuple[int, int]:
    line = text.count("\n", 0, offset) + 1
    return line, offset - (text.rfind("\n", 0, offset) + 1) + 1


class _RawHtml(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[tuple[int, int, str]] = []

    def _at(self, message: str) -> None:
        line, offset = self.getpos()
        self.found.append((line, offset + 1, message))

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in REFUSED_ELEMENTS:
            self._at(f"a <{tag}> element {REFUSED_ELEMENTS[tag]}; pages may not contain one")
        for name, kind in unsafe_attributes(attrs):
            if kind == "handler":
                self._at(f"the attribute {name}= on <{tag}> runs code; remove it")
            else:
                self._at(f"<{tag} {name}=> has a script or data address; link to a web page")

    handle_startendtag = handle_starttag


def unsafe_markup(text: str) -> list[tuple[int, int, str]]:
    """(line, column, reason) for everything in a page's Markdown that could run code."""
    scanned = _without_code(text)
    parser = _RawHtml()
    parser.feed(scanned)
    parser.close()
    found = list(parser.found)
    for pattern, kind in ((_LINK_TARGET, "link"), (_REFERENCE, "link"), (_AUTOLINK, "link")):
        for match in pattern.finditer(scanned):
            if dangerous_address(match.group(1)):
                found.append(
                    (
                        *_position(scanned, match.start(1)),
                        f"this {kind} goes to a script or data address"
                        f" ({match.group(1)[:30]!r}); link to a web page (https://...)",
                    )
                )
    for match in _ATTR_LIST.finditer(scanned):
        for attr in _ATTR.finditer(match.group(1)):
            name = attr.group(1).lower()
            value = next(v for v in attr.groups()[1:] if v is not None)
            offset = match.start(1) + attr.start()
            if name.startswith("on"):
                found.append(
                    (*_position(scanned, offset), f"the attribute {name}= runs code; remove it")
                )
            elif name in URL_ATTRIBUTES and dangerous_address(value):
                found.append((*_position(scanned, offset), f"{name}= has a script or data address"))
    return sorted(set(found))


# Front-matter values the theme writes into the page's head as they are: the description
# into an attribute (a double quote would end it), the title into <title>.
HEAD_FIELDS = ("title", "description")


def unsafe_head_fields(text: str) -> list[tuple[int, int, str]]:
    """(line, column, reason) for a title or description that would break out of the
    page's head, where the theme puts them without escaping."""
    if not text.startswith("---\n"):
        return []
    end = text.find("\n---", 4)
    if end == -1:
        return []
    doc, problems = compose_text(text[4:end], "front matter", first_line=2)
    if problems or not isinstance(doc.data, dict):
        return []  # the front-matter check reports a block it cannot read
    found = []
    for key in HEAD_FIELDS:
        value = doc.data.get(key)
        if isinstance(value, str) and any(c in value for c in '"<>'):
            found.append(
                (
                    *doc.locate((key,)),
                    f"the {key} goes into the page's head as it is: write it without double"
                    " quotes or < > (use curly quotes instead)",
                )
            )
    return found


def check_page_markup(shown: str, text: str) -> list[Problem]:
    return [
        Problem(shown, line, column, "page", reason)
        for line, column, reason in unsafe_markup(text) + unsafe_head_fields(text)
    ]
