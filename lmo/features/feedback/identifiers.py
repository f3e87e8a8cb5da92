"""Decide whether a free-text survey comment could identify a person.

A comment may be published as a quote only when ``find_identifiers`` returns nothing. Every
rule leans towards withholding: a false alarm costs one quote, a miss can expose a woman, her
baby or a member of staff. Standard library only, so the check runs anywhere the data does;
numbers in words and names that no list holds have their own modules.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from lmo.features.feedback.identifier_names import personal_names
from lmo.features.feedback.identifier_numbers import dates_in_words, numbers_in_words

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
_PRIORITY = {kind: rank for rank, kind in enumerate(KINDS)}


@dataclass(frozen=True)
class Finding:
    kind: str
    text: str
    reason: str


@dataclass(frozen=True)
class _Hit:
    start: int
    end: int
    kind: str
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
    folded = _fold(text)
    lowered = text.casefold()
    # Cheap guards first: most comments have no digit, no "@" and no web address, and the
    # detectors behind each guard cannot match without it (100,000 comments in seconds).
    has_digit = _DIGIT.search(text) is not None
    hits: list[_Hit] = []
    if "@" in text or "dot" in lowered:
        hits += [*_emails(text), *_handles(text)]
    if "http" in lowered or "www" in lowered or _DOMAIN_HINT.search(text):
        hits += _urls(text)
    if has_digit:
        hits += [
            *_phones(text),
            *_nhs_numbers(text),
            *_postcodes(text),
            *_addresses(text),
            *_dates(text, year),
            *_long_numbers(text),
        ]
    hits += _titles_with_names(text)
    if staff_names:
        hits += _staff_names(text, folded, tuple(staff_names))
    hits += _first_names(text, folded)
    hits += [_Hit(*span) for span in numbers_in_words(text, nhs_check_digit_is_valid, _is_uk_phone)]
    hits += [_Hit(*span) for span in dates_in_words(text)]
    hits += [_Hit(*span) for span in personal_names(text, places)]
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


def _without_overlaps(hits: list[_Hit]) -> list[_Hit]:
    kept: list[_Hit] = []
    for hit in sorted(hits, key=lambda h: (_PRIORITY[h.kind], h.start - h.end, h.start)):
        if all(hit.end <= k.start or hit.start >= k.end for k in kept):
            kept.append(hit)
    return sorted(kept, key=lambda h: h.start)


def _hit(match: re.Match[str], kind: str, group: int | str = 0, reason: str = "") -> _Hit:
    return _Hit(match.start(group), match.end(group), kind, reason or REASONS[kind])


# Curly apostrophes and letters without a decomposition are mapped by hand, one character to
# one, so positions in the folded text are positions in the original.
_EXTRA_FOLDS = str.maketrans(
    {"’": "'", "‘": "'", "ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "đ": "d", "Đ": "D", "ı": "i"}
)


def _fold(text: str) -> str:
    """Drop accents so "Lukasz" typed on an English keyboard still matches "Łukasz"."""
    if text.isascii():
        return text  # most comments: nothing to fold
    out = []
    for char in text.translate(_EXTRA_FOLDS):
        base = unicodedata.normalize("NFKD", char)
        out.append(base[0] if base and not unicodedata.combining(base[0]) else char)
    return "".join(out)


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


def _nhs_numbers(text: str) -> Iterator[_Hit]:
    for match in _NHS.finditer(text):
        if nhs_check_digit_is_valid("".join(match.groups())):
            yield _hit(match, "nhs_number")


# A country code or a leading 0, then digits that may be split by spaces, hyphens and the
# brackets people put round an area code. Digit counts are checked in code, not here.
_PHONE = re.compile(
    r"(?<![\w+])(?:(?:\+|00)[ ]?44[ ]?(?:\(0\)[ ]?)?|\(?0)\d(?:[ \-]?\)?[ \-]?\d){6,12}(?!\d)"
)


def _is_uk_phone(candidate: str) -> bool:
    digits = re.sub(r"\D", "", candidate)
    if candidate.startswith(("+", "00")):
        digits = digits[4:] if digits.startswith("0044") else digits[2:]
        if not digits.startswith("0"):
            digits = "0" + digits
    return len(digits) in (10, 11) and digits[0] == "0" and digits[1] in "12378"


def _phones(text: str) -> Iterator[_Hit]:
    for match in _PHONE.finditer(text):
        # The pattern may run on into a following number ("07700 900123 3 times"), so drop
        # trailing groups until what is left is a phone number, if it ever is.
        end = match.end()
        while end > match.start():
            if _is_uk_phone(text[match.start() : end]):
                yield _Hit(match.start(), end, "phone", REASONS["phone"])
                break
            gap = max(text.rfind(" ", match.start(), end), text.rfind("-", match.start(), end))
            if gap <= match.start():
                break
            end = len(text[:gap].rstrip(" -"))


_LONG_NUMBER = re.compile(r"(?<!\d)\d(?:[ \-]?\d){9,}(?!\d)")
# Hospital and other reference numbers: a short letter prefix then six or more digits.
_REFERENCE = re.compile(r"(?<![^\W\d_])[A-Za-z]{1,3}\d{6,}(?!\w)")


def _long_numbers(text: str) -> Iterator[_Hit]:
    for match in _LONG_NUMBER.finditer(text):
        yield _hit(match, "long_number")
    for match in _REFERENCE.finditer(text):
        yield _hit(
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


def _emails(text: str) -> Iterator[_Hit]:
    for match in _EMAIL.finditer(text):
        yield _trimmed(match, "email")
    for match in _EMAIL_IN_WORDS.finditer(text):
        yield _hit(match, "email", reason="an email address written out in words")


def _trimmed(match: re.Match[str], kind: str) -> _Hit:
    """A match without the full stop or bracket that ends the sentence around it."""
    found = match.group().rstrip(_TRAILING_PUNCTUATION)
    return _Hit(match.start(), match.start() + len(found), kind, REASONS[kind])


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


def _urls(text: str) -> Iterator[_Hit]:
    for pattern in (_URL, _BARE_DOMAIN, _SHORT_DOMAIN):
        for match in pattern.finditer(text):
            yield _trimmed(match, "url")


_HANDLE = re.compile(r"(?<![\w@.])@(?=[\w.]*[^\W\d_])[\w.]{2,30}")


def _handles(text: str) -> Iterator[_Hit]:
    for match in _HANDLE.finditer(text):
        yield _trimmed(match, "social_handle")


# --- postal addresses ------------------------------------------------------------------------

# Outward code (A9, A99, AA9, AA99, A9A, AA9A), then the inward code, whose last two letters
# are never C, I, K, M, O or V. A lone outward code ("WR5") is a place, not a person.
_POSTCODE = re.compile(
    r"(?<![A-Za-z0-9])[A-Z]{1,2}\d[A-Z\d]?[ ]{0,2}\d[ABD-HJLNP-UW-Z]{2}(?![A-Za-z0-9])",
    re.IGNORECASE,
)


def _postcodes(text: str) -> Iterator[_Hit]:
    for match in _POSTCODE.finditer(text):
        yield _hit(match, "postcode")


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


def _addresses(text: str) -> Iterator[_Hit]:
    for match in _STREET.finditer(text):
        words = match.group(1).lower().split()
        suffix = match.group(2)
        if any(word in _NOT_STREET_NAMES for word in words):
            continue
        if suffix[0].isupper() or suffix.lower() in _UNAMBIGUOUS_STREETS:
            yield _hit(match, "address")


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


def _dates(text: str, this_year: int) -> Iterator[_Hit]:
    for match in _NAMED_DATE.finditer(text):
        if _plausible_birth_year(_full_year(match["year"], this_year), this_year):
            yield _hit(match, "date_of_birth")
    for pattern in (_NUMERIC_DATE, _ISO_DATE):
        for match in pattern.finditer(text):
            year = _full_year(match["year"], this_year)
            if _is_day_and_month(int(match["a"]), int(match["b"])) and _plausible_birth_year(
                year, this_year
            ):
                yield _hit(match, "date_of_birth")
    for match in _COMPACT_DATE.finditer(text):
        digits = match.group()
        day_first = (digits[:2], digits[2:4], digits[4:])
        year_first = (digits[6:], digits[4:6], digits[:4])
        for day, month, written_year in (day_first, year_first):
            if _is_day_and_month(int(day), int(month)) and _plausible_birth_year(
                int(written_year), this_year
            ):
                yield _hit(match, "date_of_birth")
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
        yield _hit(match, "date_of_birth", "date", "a birth date (day and month)")


# --- names -----------------------------------------------------------------------------------

_TITLE = re.compile(
    r"\b(?:(?:dr|mr|mrs|ms|mx|prof|sr)(?:\.[ \t]*|[ \t]+)"
    r"|(?:doctor|professor|nurse|sister|midwife|matron|consultant|miss|hca|msw)[ \t]+)",
    re.IGNORECASE,
)
_NAME_WORD = re.compile(r"[ \t]*([^\W\d_][\w'’\-]*)")
# Capitalised words that follow a title without being a name: pronouns, sentence starters
# after "Dr." and the names of places and roles ("the Midwife Led Unit").
_NOT_NAMES = {
    "i", "i'm", "i've", "i'd", "i'll", "a", "an", "the", "and", "but", "or", "so", "then",
    "she", "he", "they", "we", "it", "it's", "my", "our", "your", "his", "her", "their",
    "this", "that", "who", "what", "when", "where", "why", "how", "was", "were", "is", "are",
    "had", "has", "have", "did", "do", "does", "said", "told", "came", "on", "at", "in", "of",
    "to", "for", "with", "from", "by", "thank", "thanks", "yes", "no", "please", "also",
    "very", "really", "all", "not", "just", "well", "even", "led", "unit", "team", "lead",
    "practitioner", "station", "ward", "wards", "care", "service", "services", "clinic",
    "centre", "center", "hospital", "staff", "support", "assistant", "manager", "home",
    "birth", "birthing", "appointment", "appointments", "nurse", "nurses", "midwife",
    "midwives", "doctor", "doctors", "sister", "consultant", "consultants", "registrar",
    "student", "students", "visitor", "visitors", "matron", "nhs", "mlu", "nicu", "scbu",
    "icu", "hdu", "gp", "a&e", "ae", "triage", "labour", "delivery", "antenatal", "postnatal",
    "you", "there", "if", "as", "because", "although", "after", "before", "however", "overall",
    "everyone", "everything", "nothing", "sadly", "unfortunately", "luckily", "can", "could",
    "would", "should",
}  # fmt: skip
_TITLE_WORDS = {"dr", "mr", "mrs", "ms", "mx", "prof", "sr", "professor", "miss", "hca", "msw"}


def _titles_with_names(text: str) -> Iterator[_Hit]:
    # Each title is a separate search so "Consultant Midwife Sarah" still finds "Midwife Sarah".
    for title in _TITLE.finditer(text):
        end = None
        position = title.end()
        for _ in range(3):
            word = _NAME_WORD.match(text, position)
            if not word:
                break
            name = re.sub(r"['’]s?$", "", word.group(1))
            if not name or not name[0].isupper() or name.casefold() in _NOT_NAMES:
                break
            end = word.start(1) + len(name)
            position = word.end()
        if end is not None:
            yield _Hit(title.start(), end, "title_and_name", REASONS["title_and_name"])


_MY_NAME_IS = re.compile(
    r"(?i:\b(?:my name is|my name's|i am called|i'm called|(?:named|called) "
    r"(?:him|her|them|our (?:son|daughter|baby|boy|girl)))\s+)(?P<name>[^\W\d_][\w'’\-]*)"
)
_PARTICLES = {"van", "von", "der", "den", "de", "la", "le", "da", "di", "del", "bin", "al", "el"}


def _name_pattern(name: str) -> str:
    """A listed name as a regex: apostrophes and hyphens optional, spacing flexible."""
    tokens = []
    for token in _fold(name).split():
        pieces = []
        for char in token:
            if char == "'":
                pieces.append("'?")
            elif char == "-":
                pieces.append(r"[-\s]?")
            else:
                pieces.append(re.escape(char))
        tokens.append("".join(pieces))
    return r"(?<!\w)" + r"[\s\-]+".join(tokens) + r"(?!\w)"


_Pattern = re.Pattern[str]


@lru_cache(maxsize=16)
def _staff_patterns(names: tuple[str, ...]) -> tuple[_Pattern | None, _Pattern | None]:
    """Listed names (any case) and the parts of listed full names (capitalised only).

    A part such as "Will" of "Will Osei" would otherwise withhold every "I will".
    """
    whole = {" ".join(n.split()) for n in names if n.strip()}
    parts: set[str] = set()
    for full in whole:
        if len(full.split()) < 2 and "-" not in full:
            continue
        for token in re.split(r"[\s\-]+", full):
            letters = re.sub(r"\W", "", token)
            lowered = letters.casefold()
            if len(letters) >= 3 and lowered not in _PARTICLES and lowered not in _TITLE_WORDS:
                parts.add(token)
    parts -= whole

    def compiled(group: set[str]) -> _Pattern | None:
        if not group:
            return None
        ordered = sorted(group, key=len, reverse=True)
        return re.compile("|".join(_name_pattern(n) for n in ordered), re.IGNORECASE)

    return compiled(whole), compiled(parts)


@lru_cache(maxsize=16)
def _staff_letters(names: tuple[str, ...]) -> tuple[str, ...]:
    """Each listed name (and part of a name) as its letters only, for a quick first test."""
    found = set()
    for name in names:
        for piece in (name, *re.split(r"[\s\-]+", name)):
            letters = _NON_WORD.sub("", _fold(piece).casefold())
            if letters:
                found.add(letters)
    return tuple(found)


_NON_WORD = re.compile(r"\W+")


def _staff_names(text: str, folded: str, names: tuple[str, ...]) -> Iterator[_Hit]:
    # A name can only match where its letters appear in a row once spaces, hyphens and
    # apostrophes are dropped; most comments fail that test, and it costs far less than the
    # full patterns.
    squeezed = _NON_WORD.sub("", folded.casefold())
    if not any(letters in squeezed for letters in _staff_letters(names)):
        return
    whole, parts = _staff_patterns(names)
    if whole:
        for match in whole.finditer(folded):
            yield _hit(match, "staff_name")
    if parts:
        for match in parts.finditer(folded):
            if text[match.start()].isupper():
                yield _hit(match, "staff_name")


# Common given names in England and Wales, including the Polish, Romanian, Lithuanian and
# South Asian communities the service cares for. Names that are everyday words were left out
# (see EXCLUDED_NAMES); the staff list can still name any of them.
def _words(block: str) -> frozenset[str]:
    return frozenset(block.split())


FIRST_NAMES: frozenset[str] = _words(
    """
    Olivia Amelia Isla Ava Mia Lily Isabella Sophia Sophie Emily Ella Freya Evie Charlotte
    Poppy Isabelle Millie Daisy Sienna Alice Phoebe Matilda Willow Florence Harper Esme Ellie
    Sarah Emma Laura Rebecca Hannah Jessica Lucy Amy Rachel Katie Kate Claire Nicola Helen
    Karen Lisa Louise Michelle Jennifer Jenny Samantha Gemma Natalie Zoe Chloe Megan Lauren
    Abigail Elizabeth Victoria Catherine Kelly Stacey Jane Mary Margaret Susan Julie Linda
    Tracey Tracy Joanne Donna Angela Alison Ruth Anne Ann Amanda Beth Becky Jess Liz Vicky Kim
    Georgia Jasmine Harriet Leah Molly Erin Eleanor Heather Carol Jean Debbie Deborah Kirsty
    Kerry Leanne Danielle Shannon Bethany Amelie Aria Layla Lola Nancy Elsie Maisie Eliza Rosie
    Oliver George Harry Noah Jack Leo Arthur Oscar Charlie Jacob Thomas Henry James William
    Alfie Joshua Freddie Archie Ethan Isaac Alexander Joseph Edward Samuel Daniel David Michael
    John Paul Peter Andrew Richard Robert Christopher Matthew Ryan Adam Luke Ben Benjamin Lewis
    Liam Tom Dan Jamie Chris Steven Stephen Simon Gary Ian Kevin Lee Craig Darren Jason Scott
    Neil Wayne Tony Sam Theo Teddy Finley Reggie Tommy Harrison Riley Mason Logan Lucas Dylan
    Tyler Callum Connor Nathan Jordan Aaron Owen Elliot Toby Sebastian Hugo Albert
    Muhammad Mohammed Mohammad Ahmed Ali Hassan Hussain Yusuf Ibrahim Omar Hamza Bilal Imran
    Amir Zain Ayesha Aisha Fatima Maryam Zainab Amina Khadija Hafsa Iqra Zara Sana Noor Nadia
    Samira Simran Harpreet Gurpreet Jaspreet Kiran Neha Pooja Priya Ravi Raj Sunil Amit Arjun
    Aarav Anaya
    Zofia Zuzanna Julia Maja Hanna Lena Alicja Oliwia Natalia Agnieszka Katarzyna Magdalena
    Joanna Monika Karolina Aleksandra Ewa Marta Dorota Justyna Paulina Kinga Anna Piotr
    Krzysztof Tomasz Paweł Michał Jakub Kacper Łukasz Wojciech Kamil Mateusz Szymon Bartosz
    Marcin
    Andreea Ioana Elena Maria Alexandra Mihaela Ana Cristina Roxana Andrei Alexandru Mihai
    Ionuț Ion Gabriel Florin Bogdan Vasile Cristian Adrian Stefan
    Rūta Greta Ieva Gabija Austėja Aistė Eglė Miglė Lukas Jonas Mantas Tomas Darius Matas
    Domantas Rokas Kajus Nojus
    Niamh Siobhan Aoife Ciara Orla Sinead Roisin Shona Morag Fiona Kirsten Ailsa Eilidh Catrin
    Cerys Seren Ffion Megan Rhian Sian Carys Bronwen Gareth Rhys Dafydd Sean Ciaran Declan
    """
)
EXCLUDED_NAMES: frozenset[str] = _words(
    """
    Hope Joy Faith May Will Grace Rose Summer Bill Mark Frank Sunny Amber Iris Ruby Jade Holly
    Ivy Dawn Patience Pat Sue Guy Rich Art Max Eve Violet Miles Hunter Sky Autumn Star Angel
    Precious Honey
    """
)
# Written in lower case these are usually the word, not the name ("jack of all trades").
_LOWERCASE_WORDS = {
    "jack", "harry", "lily", "daisy", "poppy", "willow", "jasmine", "heather", "carol", "jean",
    "peter", "teddy", "mason", "ion", "aria", "lee", "florence", "georgia", "jordan",
}  # fmt: skip
# A set lookup per word: one regex alternation of 300 names took a thousand times longer.
_FIRST_NAME_SET = frozenset(_fold(n).casefold() for n in FIRST_NAMES - EXCLUDED_NAMES)
_WORD = re.compile(r"(?<!\w)[^\W\d_]+(?!\w)")


def _first_names(text: str, folded: str) -> Iterator[_Hit]:
    names_here = not _FIRST_NAME_SET.isdisjoint(_WORD.findall(folded.casefold()))
    for match in _WORD.finditer(folded) if names_here else ():
        if match.group().casefold() not in _FIRST_NAME_SET:
            continue
        # Comments typed on a phone are often all lower case, so "sarah" counts too, unless
        # the name is also an everyday word.
        if text[match.start()].isupper() or match.group().casefold() not in _LOWERCASE_WORDS:
            yield _hit(match, "first_name")
    for match in _MY_NAME_IS.finditer(text):
        if match["name"][0].isupper():
            yield _hit(match, "first_name", "name", "a name")
