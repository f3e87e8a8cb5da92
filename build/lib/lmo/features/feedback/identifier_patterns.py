"""Identifiers with a written form: numbers (NHS, phone, reference), addresses on the
internet and on the street, and dates that could be a birthday.

Each detector yields a Hit for every match in a comment; the written-out forms ("seven seven
double oh") are in lmo.features.feedback.identifier_numbers.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from lmo.features.feedback.identifier_hits import REASONS, Hit, hit

# --- numbers ---------------------------------------------------------------------------------

_NHS = re.compile(r"(?<![\d+])(\d{3})[ .\-]?(\d{3})[ .\-]?(\d{4})(?!\d)")


def nhs_check_digit_is_valid(digits: str) -> bool:
    """The modulus 11 check on a 10-digit NHS number."""
    if len(digits) != 10 or not digits.isdigit():
        return False
    total = sum(int(d) * weight for d, weight in zip(digits[:9], range(10, 1, -1), strict=True))
    check = 11 - total % 11
    if check == 11:
        check = 0
    return check != 10 and check == int(digits[9])


def nhs_numbers(text: str) -> Iterator[Hit]:
    for match in _NHS.finditer(text):
        if nhs_check_digit_is_valid("".join(match.groups())):
            yield hit(match, "nhs_number")


# A country code or a leading 0, then digits that may be split by spaces, hyphens and the
# brackets people put round an area code. Digit counts are checked in code, not here.
_PHONE = re.compile(
    r"(?<![\w+])(?:(?:\+|00)[ ]?44[ ]?(?:\(0\)[ ]?)?|\(?0)\d(?:[ \-]?\)?[ \-]?\d){6,12}(?!\d)"
)


def is_uk_phone(candidate: str) -> bool:
    digits = re.sub(r"\D", "", candidate)
    if candidate.startswith(("+", "00")):
        digits = digits[4:] if digits.startswith("0044") else digits[2:]
        if not digits.startswith("0"):
            digits = "0" + digits
    return len(digits) in (10, 11) and digits[0] == "0" and digits[1] in "12378"


def phones(text: str) -> Iterator[Hit]:
    for match in _PHONE.finditer(text):
        # The pattern may run on into a following number ("07700 900123 3 times"), so drop
        # trailing groups until what is left is a phone number, if it ever is.
        end = match.end()
        while end > match.start():
            if is_uk_phone(text[match.start() : end]):
                yield Hit(match.start(), end, "phone", REASONS["phone"])
                break
            gap = max(text.rfind(" ", match.start(), end), text.rfind("-", match.start(), end))
            if gap <= match.start():
                break
            end = len(text[:gap].rstrip(" -"))


_LONG_NUMBER = re.compile(r"(?<!\d)\d(?:[ \-]?\d){9,}(?!\d)")
# Hospital and other reference numbers: a short letter prefix then six or more digits.
_REFERENCE = re.compile(r"(?<![^\W\d_])[A-Za-z]{1,3}\d{6,}(?!\w)")


def long_numbers(text: str) -> Iterator[Hit]:
    for match in _LONG_NUMBER.finditer(text):
        yield hit(match, "long_number")
    for match in _REFERENCE.finditer(text):
        yield hit(
            match,
            "long_number",
            reason="a reference number that could identify someone, such as a hospital number",
        )


# --- addresses on the internet ---------------------------------------------------------------

_EMAIL = re.compile(r"[\w.%+'\-]+@[\w\-]+(?:\.[\w\-]+)+")
_EMAIL_IN_WORDS = re.compile(
    r"[\w.\-]+\s*(?:\(at\)|\[at\]|\bat\b)\s*[\w\-]+\s*(?:\(dot\)|\[dot\]|\bdot\b)\s*[a-z]{2,6}\b",
    re.IGNORECASE,
)
_TRAILING_PUNCTUATION = ".,;:!?)]}'\"’"


def emails(text: str) -> Iterator[Hit]:
    for match in _EMAIL.finditer(text):
        yield _trimmed(match, "email")
    for match in _EMAIL_IN_WORDS.finditer(text):
        yield hit(match, "email", reason="an email address written out in words")


def _trimmed(match: re.Match[str], kind: str) -> Hit:
    """A match without the full stop or bracket that ends the sentence around it."""
    found = match.group().rstrip(_TRAILING_PUNCTUATION)
    return Hit(match.start(), match.start() + len(found), kind, REASONS[kind])


_URL = re.compile(r"(?<!\w)(?:https?://|www\.)[^\s<>\"]+", re.IGNORECASE)
_LABELS = r"(?<![\w@.\-])(?:[a-z0-9](?:[a-z0-9\-]*[a-z0-9])?\.)+"
_PATH = r"(?![\w\-])(?:/[^\s<>\"]*)?"
# These endings are never English words, so "Facebook.COM" counts in any case.
_BARE_DOMAIN = re.compile(_LABELS + r"(?:(?:co|org|nhs|gov|ac)\.uk|com|net|org|uk)" + _PATH, re.I)
# These are, or read like, words ("lovely.Me and my partner" is a missing space, not a site),
# so only the all-lowercase form counts.
_SHORT_DOMAIN = re.compile(
    _LABELS + r"(?:me|co|io|tv|ie|eu|pl|ro|lt|ly|gg|info|biz|app|online|site|link)" + _PATH
)


def urls(text: str) -> Iterator[Hit]:
    for pattern in (_URL, _BARE_DOMAIN, _SHORT_DOMAIN):
        for match in pattern.finditer(text):
            yield _trimmed(match, "url")


_HANDLE = re.compile(r"(?<![\w@.])@(?=[\w.]*[^\W\d_])[\w.]{2,30}")


def handles(text: str) -> Iterator[Hit]:
    for match in _HANDLE.finditer(text):
        yield _trimmed(match, "social_handle")


# --- postal addresses ------------------------------------------------------------------------

# Outward code (A9, A99, AA9, AA99, A9A, AA9A), then the inward code, whose last two letters
# are never C, I, K, M, O or V. A lone outward code ("XY5") is a place, not a person.
_POSTCODE = re.compile(
    r"(?<![A-Za-z0-9])[A-Z]{1,2}\d[A-Z\d]?[ ]{0,2}\d[ABD-HJLNP-UW-Z]{2}(?![A-Za-z0-9])",
    re.IGNORECASE,
)


def postcodes(text: str) -> Iterator[Hit]:
    for match in _POSTCODE.finditer(text):
        yield hit(match, "postcode")


_STREET = re.compile(
    r"(?<!\w)\d{1,4}[a-z]?,?[ ]+((?:[^\W\d_][\w'’\-]*[ ]+){1,3}?)"
    r"(road|rd|street|st|avenue|ave|lane|close|drive|way|crescent|court|place|gardens|grove"
    r"|terrace|walk|mews|square|hill|row|view|rise|park|parade|croft|green)\b",
    re.IGNORECASE,
)
# Lower case, only street words that never follow a number in ordinary speech count:
# "a 5 minute walk" and "a 2 hour drive" are not addresses.
_UNAMBIGUOUS_STREETS = {"road", "rd", "street", "avenue", "ave", "lane", "crescent", "terrace"}
_NOT_STREET_NAMES = {
    "the", "a", "an", "on", "in", "at", "down", "up", "to", "from", "of", "and", "or", "our",
    "my", "your", "their", "his", "her", "this", "that", "minute", "minutes", "mins", "hour",
    "hours", "day", "days", "week", "weeks", "mile", "miles", "metres", "away", "times",
}  # fmt: skip


def addresses(text: str) -> Iterator[Hit]:
    for match in _STREET.finditer(text):
        words = match.group(1).lower().split()
        suffix = match.group(2)
        if any(word in _NOT_STREET_NAMES for word in words):
            continue
        if suffix[0].isupper() or suffix.lower() in _UNAMBIGUOUS_STREETS:
            yield hit(match, "address")


# --- dates -----------------------------------------------------------------------------------

_MONTH = (
    r"\b(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\b\.?"
)
_DAY = r"\b(?:3[01]|[12]\d|0?[1-9])(?!\d)(?:st|nd|rd|th)?\b"
_YEAR = r"(?:\d{4}|['’]\d{2})(?!\d)"
_DAY_MONTH = rf"{_DAY}\s+(?:of\s+)?{_MONTH}|{_MONTH}\s+(?:the\s+)?{_DAY}"
_NAMED_DATE = re.compile(rf"(?:{_DAY_MONTH}),?\s+(?P<year>{_YEAR})", re.IGNORECASE)
_NUMERIC_DATE = re.compile(
    r"(?<![\d/.\-])(?P<a>\d{1,2})[/.\-](?P<b>\d{1,2})[/.\-](?P<year>\d{4}|\d{2})(?![\d/\-]|\.\d)"
)
_ISO_DATE = re.compile(
    r"(?<![\d/.\-])(?P<year>\d{4})[/.\-](?P<b>\d{1,2})[/.\-](?P<a>\d{1,2})(?![\d/\-]|\.\d)"
)
_COMPACT_DATE = re.compile(r"(?<!\d)\d{8}(?!\d)")
# A day and month with no year still gives a birthday away when it follows one of these.
_BIRTH_DATE = re.compile(
    r"(?:\b(?:born|birth|birthday|dob|delivered|arrived)\b|\bd\.o\.b\b\.?)[^.!?\n]{0,40}?"
    rf"(?P<date>{_DAY_MONTH}|(?<![\d.])\d{{1,2}}[/.\-]\d{{1,2}}(?![\d/.\-]?\d))",
    re.IGNORECASE,
)
_TIME_AFTER = re.compile(r"\s*(?:[ap]\.?m\b|hrs?\b|hours\b|o'?clock\b)", re.IGNORECASE)


def _plausible_birth_year(year: int, this_year: int) -> bool:
    # Next year is included because a due date is as identifying as the birthday it becomes.
    return 1940 <= year <= this_year + 1


def _full_year(written: str, this_year: int) -> int:
    digits = written.lstrip("'’")
    if len(digits) == 4:
        return int(digits)
    year = 2000 + int(digits)
    return year if year <= this_year + 1 else year - 100


def _is_day_and_month(a: int, b: int) -> bool:
    # Either order: British writers put the day first, American forms the month first.
    return (1 <= a <= 31 and 1 <= b <= 12) or (1 <= a <= 12 and 1 <= b <= 31)


def dates(text: str, this_year: int) -> Iterator[Hit]:
    for match in _NAMED_DATE.finditer(text):
        if _plausible_birth_year(_full_year(match["year"], this_year), this_year):
            yield hit(match, "date_of_birth")
    for pattern in (_NUMERIC_DATE, _ISO_DATE):
        for match in pattern.finditer(text):
            year = _full_year(match["year"], this_year)
            if _is_day_and_month(int(match["a"]), int(match["b"])) and _plausible_birth_year(
                year, this_year
            ):
                yield hit(match, "date_of_birth")
    for match in _COMPACT_DATE.finditer(text):
        digits = match.group()
        day_first = (digits[:2], digits[2:4], digits[4:])
        year_first = (digits[6:], digits[4:6], digits[:4])
        for day, month, written_year in (day_first, year_first):
            if _is_day_and_month(int(day), int(month)) and _plausible_birth_year(
                int(written_year), this_year
            ):
                yield hit(match, "date_of_birth")
                break
    for match in _BIRTH_DATE.finditer(text):
        found = match["date"]
        numeric = re.fullmatch(r"(\d+)[/.\-](\d+)", found)
        if numeric:
            first, second = int(numeric[1]), int(numeric[2])
            # "born at 9.15" is a time, not the fifteenth of September.
            if not _is_day_and_month(first, second) or _TIME_AFTER.match(text, match.end("date")):
                continue
            if "." in found and re.search(r"\bat\s*$", text[: match.start("date")], re.I):
                continue
        yield hit(match, "date_of_birth", "date", "a birth date (day and month)")
