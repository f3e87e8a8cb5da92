"""The engine's own inline scripts, written into every page as they are here.

An inline script costs her no request: the script that holds the search index back must run
before the theme's, and as a file of its own it was one more request in front of the theme's
script on her first page (Lighthouse put the first paint 150 ms later on simulated slow 4G,
on the home page and a service page). Each is listed, by its exact text, in
lmo.delivery.script_policy.ALLOWED_INLINE_SCRIPTS, so the page policy allows it by hash.

The sources keep their comments; a page carries them without the comment lines and the
indentation (``compact``), which is safe for these sources only because no line of their
code starts with ``//`` inside a string or a regular expression.
"""

from __future__ import annotations

from pathlib import Path

SOURCES = Path(__file__).parent / "inline"


def compact(source: str) -> str:
    """``source`` without its whole-line comments, blank lines and indentation."""
    lines = (line.strip() for line in source.splitlines())
    return "\n".join(line for line in lines if line and not line.startswith("//"))


def _inline(name: str) -> str:
    text = compact((SOURCES / name).read_text(encoding="utf-8"))
    if "</" in text:  # would end the <script> element early
        raise RuntimeError(f"{SOURCES / name} cannot be written inline: it contains '</'")
    return text


# Holds the theme's request for the search index until she goes to search.
SEARCH_ON_DEMAND = _inline("search-on-demand.js")
