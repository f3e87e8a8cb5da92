"""What the identifier check reports, and the helpers every detector shares.

A detector yields Hits (where in the comment, which kind, why); find_identifiers in
lmo.features.feedback.identifiers keeps one hit per stretch of text and turns them into
Findings.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

# When two findings overlap only one is reported (the quote is withheld either way); the order
# of REASONS decides which, so the reviewer sees the most specific description. A phone number
# outranks an NHS number because NHS numbers never start with 0 and phone numbers always do.
REASONS: dict[str, str] = {
    "email": "an email address",
    "url": "a web address",
    "social_handle": "a social media username",
    "phone": "a UK phone number",
    "nhs_number": "an NHS number (the check digit is valid)",
    "postcode": "a full postcode",
    "address": "a street address",
    "date_of_birth": "a date that could be a date of birth",
    "long_number": "a long number that could identify someone",
    "title_and_name": "a title with a name",
    "staff_name": "a name on the staff list",
    "first_name": "a first name",
    "listed_name": "a forename or surname from the lists of names",
    "unlisted_name": "a capitalised word mid-sentence that may be a name",
}
KINDS: tuple[str, ...] = tuple(REASONS)


@dataclass(frozen=True)
class Hit:
    start: int
    end: int
    kind: str
    reason: str


def hit(match: re.Match[str], kind: str, group: int | str = 0, reason: str = "") -> Hit:
    return Hit(match.start(group), match.end(group), kind, reason or REASONS[kind])


# Curly apostrophes and letters without a decomposition are mapped by hand, one character to
# one, so positions in the folded text are positions in the original.
_EXTRA_FOLDS = str.maketrans(
    {"’": "'", "‘": "'", "ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "đ": "d", "Đ": "D", "ı": "i"}
)


def fold(text: str) -> str:
    """Drop accents so "Lukasz" typed on an English keyboard still matches "Łukasz"."""
    if text.isascii():
        return text  # most comments: nothing to fold
    out = []
    for char in text.translate(_EXTRA_FOLDS):
        base = unicodedata.normalize("NFKD", char)
        out.append(base[0] if base and not unicodedata.combining(base[0]) else char)
    return "".join(out)
