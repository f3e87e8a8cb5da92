"""Phone numbers and digit-grouped numbers in text: linked, and kept in reading order.

In a right-to-left page the spaces inside "01632 960100" take the direction of the Urdu
around them, so the browser shows the digit groups in reverse ("960100 01632"): tapping
dials right, reading and dialling by hand does not. A number isolated from the text around
it (dir="ltr" on an element, which the HTML user-agent stylesheet gives unicode-bidi:
isolate; or the invisible LRI ... PDI where no markup can go) keeps its groups in order.
Numbers joined by a comma, point, colon, slash or hyphen are not touched: the bidi algorithm
keeps those together already.

Everything here works on text that is already HTML-escaped and only ever adds markup of its
own around runs of digits: it never unescapes, so it cannot turn data into markup.
"""

from __future__ import annotations

import re

from markupsafe import Markup

# The UK numbers the schema accepts in phone fields (0 then 9 or 10 digits; freephone 0800
# and 0808 numbers are of that form and are the helplines she most needs) and the two short
# numbers she may be told to call. 112 is left out in text: it is as often a count.
_UK_NUMBER = re.compile(r"0\d{9,10}")
SHORT_NUMBERS = frozenset({"999", "111"})

_SPACE = "[ \u00a0\u202f]"
# A run of digit groups split by single spaces, not touching other digits, nor a number
# written with a comma or point ("7,500", "2.5"), nor a character reference ("&#39;").
_RUN = re.compile(
    rf"(?<![\d#&+])(?<!\d[,.])\d+(?:{_SPACE}\d+)*(?!\d|[,.]\d)",
)
# Thousands grouped with spaces, as Polish, Lithuanian and Romanian write "7 500".
_GROUPED = re.compile(rf"\d{{1,3}}(?:{_SPACE}\d{{3}})+")
_FIRST_GROUP = re.compile(rf"(\d+{_SPACE})(.+)", re.DOTALL)
_NHS_BEFORE = re.compile(r"\bNHS\s$")
_TAG = re.compile(r"(<[^>]*>)")
# Elements inside which a link would be nested interactive content: a number there is only
# isolated. The disclosure label "When to call 999" is a <summary>.
_NO_LINK = frozenset({"a", "summary", "button", "label", "select", "textarea", "option"})
# Code shown as code on a hand-written page: a number there is an example, not a number to
# call. (A link would be valid HTML, but would change what the example shows.)
_NO_LINK |= {"code", "pre"}
_TAG_NAME = re.compile(r"<(/?)([a-zA-Z][a-zA-Z0-9-]*)")

LRI, PDI = "\u2066", "\u2069"


def is_uk_phone(number: str) -> bool:
    """Whether a number as written (digits and spaces) is one she can dial in the UK."""
    digits = re.sub(r"\D", "", number)
    return digits in SHORT_NUMBERS or _UK_NUMBER.fullmatch(digits) is not None


def _leading_phone(run: str, after_nhs: bool = False) -> str | None:
    """The phone number a run of digit groups starts with, if any. A run may go on into a
    following number ("01632 960100 7 days a week"), so trailing groups are dropped until
    what is left is a phone number. A bare 111 is too often a count ("111 births"): it is
    a number to call only as "NHS 111", as the NHS and every translation write it."""
    if (run[0] != "0" and run[:3] not in SHORT_NUMBERS) or (run[:3] == "111" and not after_nhs):
        return None
    groups = re.split(_SPACE, run)
    while groups:
        candidate = run[: len(" ".join(groups))]
        if is_uk_phone(candidate):
            return candidate
        groups.pop()
    return None


def phone_link(number: str) -> str:
    """The markup of a tap-to-call link for an escaped number (digits and spaces only)."""
    digits = re.sub(r"\D", "", number)
    return f'<a class="app-phone" href="tel:{digits}" dir="ltr">{number}</a>'


def _isolated(number: str) -> str:
    return f'<span class="app-num" dir="ltr">{number}</span>'


def _mark_run(run: str, link: bool, after_nhs: bool = False) -> str:
    phone = _leading_phone(run, after_nhs)
    if phone is not None:
        rest = run[len(phone) :]
        marked = phone_link(phone) if link else _isolated(phone)
        return marked + (rest[0] + _mark_run(rest[1:], link) if rest else "")
    grouped = _GROUPED.match(run)
    if grouped is not None:
        rest = run[grouped.end() :]
        return _isolated(grouped.group()) + (rest[0] + _mark_run(rest[1:], link) if rest else "")
    split = _FIRST_GROUP.match(run)
    return run if split is None else split[1] + _mark_run(split[2], link)


def _after_nhs(match: re.Match[str]) -> bool:
    return _NHS_BEFORE.search(match.string, 0, match.start()) is not None


def _mark_text(text: str, link: bool) -> str:
    return _RUN.sub(lambda m: _mark_run(m.group(), link, _after_nhs(m)), text)


def mark_numbers(escaped: str, *, link: bool = True) -> Markup:
    """Escaped HTML with every UK phone number in its text made a tap-to-call link and every
    number written in digit groups isolated from the text direction. Tags and attributes are
    left as they are; numbers inside a link or other control are isolated, not linked."""
    parts = _TAG.split(str(escaped))
    open_controls = 0
    for i, part in enumerate(parts):
        if i % 2:
            name = _TAG_NAME.match(part)
            if name and name.group(2).lower() in _NO_LINK and not part.endswith("/>"):
                open_controls += -1 if name.group(1) else 1
        elif part:
            parts[i] = _mark_text(part, link and open_controls <= 0)
    return Markup("".join(parts))


def isolate_plain(text: str) -> str:
    """Plain text (a page title, a description, a map label) with each phone number and
    digit-grouped number between LRI and PDI, the isolates that need no markup."""

    def isolate(match: re.Match[str]) -> str:
        run = match.group()
        phone = _leading_phone(run, _after_nhs(match))
        found = phone or (grouped.group() if (grouped := _GROUPED.match(run)) else None)
        if found is None or re.search(_SPACE, found) is None:
            return run
        return LRI + found + PDI + run[len(found) :]

    return _RUN.sub(isolate, text)
