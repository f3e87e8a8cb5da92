"""What makes an HTML attribute or address run script: shared by the check of hand-written
pages (lmo.site.page_safety) and the check of every built page
(lmo.delivery.script_policy)."""

from __future__ import annotations

import re

EMBEDDING_ELEMENTS = frozenset({"iframe", "object", "embed", "frame", "applet", "base"})
URL_ATTRIBUTES = frozenset(
    {"href", "src", "action", "formaction", "xlink:href", "poster", "background", "cite"}
)
# Browsers ignore ASCII whitespace and control characters inside a scheme ("java\tscript:").
_IGNORED_IN_SCHEME = re.compile(r"[\x00-\x20\x7f]+")
DANGEROUS_SCHEMES = ("javascript:", "vbscript:", "data:")


def dangerous_address(value: str) -> bool:
    """True for an address that runs code or embeds a document when followed."""
    return _IGNORED_IN_SCHEME.sub("", value).lower().startswith(DANGEROUS_SCHEMES)


def unsafe_attributes(attrs: list[tuple[str, str | None]]) -> list[tuple[str, str]]:
    """(name, what it is) for each attribute that runs code: "handler" for an event handler
    (onclick=), "address" for a link, source or form target with a dangerous address. The
    one rule for both the check of hand-written pages (lmo.site.page_safety) and of built pages."""
    found = []
    for name, value in attrs:
        if name.startswith("on"):
            found.append((name, "handler"))
        elif name in URL_ATTRIBUTES and value and dangerous_address(value):
            found.append((name, "address"))
    return found
