"""Decide whether a free-text survey comment could identify a person.

A comment may be published as a quote only when ``find_identifiers`` returns nothing. Every
rule leans towards withholding: a false alarm costs one quote, a miss can expose a woman, her
baby or a member of staff. Standard library only, so the check runs anywhere the data does;
numbers in words and names that no list holds have their own modules.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from lmo.features.feedback.identifier_hits import KINDS, Hit, fold
from lmo.features.feedback.identifier_names import personal_names
from lmo.features.feedback.identifier_numbers import dates_in_words, numbers_in_words
from lmo.features.feedback.identifier_patterns import (
    addresses,
    dates,
    emails,
    handles,
    is_uk_phone,
    long_numbers,
    nhs_check_digit_is_valid,
    nhs_numbers,
    phones,
    postcodes,
    urls,
)
from lmo.features.feedback.identifier_people import first_names, staff_list_names, titles_with_names

_PRIORITY = {kind: rank for rank, kind in enumerate(KINDS)}


@dataclass(frozen=True)
class Finding:
    kind: str
    text: str
    reason: str


def find_identifiers(
    text: str,
    staff_names: Iterable[str] = (),
    *,
    today: dt.date | None = None,
    places: frozenset[str] = frozenset(),
) -> list[Finding]:
    """Every identifying detail found, in order of position. Empty list = passes.

    ``today`` fixes the latest plausible birth year, so tests do not change with the calendar.
    ``places`` are the area's own names (lower case), which are not people's names.
    """
    year = (today or dt.date.today()).year
    folded = fold(text)
    lowered = text.casefold()
    # Cheap guards first: most comments have no digit, no "@" and no web address, and the
    # detectors behind each guard cannot match without it (100,000 comments in seconds).
    has_digit = _DIGIT.search(text) is not None
    hits: list[Hit] = []
    if "@" in text or "dot" in lowered:
        hits += [*emails(text), *handles(text)]
    if "http" in lowered or "www" in lowered or _DOMAIN_HINT.search(text):
        hits += urls(text)
    if has_digit:
        hits += [
            *phones(text),
            *nhs_numbers(text),
            *postcodes(text),
            *addresses(text),
            *dates(text, year),
            *long_numbers(text),
        ]
    hits += titles_with_names(text)
    if staff_names:
        hits += staff_list_names(text, folded, tuple(staff_names))
    hits += first_names(text, folded)
    hits += [Hit(*span) for span in numbers_in_words(text, nhs_check_digit_is_valid, is_uk_phone)]
    hits += [Hit(*span) for span in dates_in_words(text)]
    hits += [Hit(*span) for span in personal_names(text, places)]
    return [Finding(h.kind, text[h.start : h.end], h.reason) for h in _without_overlaps(hits)]


_DIGIT = re.compile(r"\d")
_DOMAIN_HINT = re.compile(
    r"\.(?:uk|com|net|org|me|co|io|tv|ie|eu|pl|ro|lt|ly|gg|info|biz|app|online|site|link)"
    r"(?![a-z0-9])",
    re.IGNORECASE,
)


def load_staff_names(path: Path) -> list[str]:
    """One name per line; ``#`` starts a comment, blank lines are ignored."""
    # utf-8-sig because lists saved from Excel or Notepad often start with a byte order mark.
    names: list[str] = []
    for line in path.read_text(encoding="utf-8-sig").splitlines():
        name = " ".join(line.split("#", 1)[0].split())
        if name:
            names.append(name)
    return names


def _without_overlaps(hits: list[Hit]) -> list[Hit]:
    kept: list[Hit] = []
    for hit in sorted(hits, key=lambda h: (_PRIORITY[h.kind], h.start - h.end, h.start)):
        if all(hit.end <= k.start or hit.start >= k.end for k in kept):
            kept.append(hit)
    return sorted(kept, key=lambda h: h.start)
