"""Numbers and dates written in words: "nine four three four seven six five nine one nine".

People read numbers out as they would on the phone, and a survey box takes words as readily
as digits, so a run of number words (with any digits among them) is turned back into digits
and held to the same tests as a number typed in digits. Standard library only.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

# (start, end, kind, reason) in the original text.
Span = tuple[int, int, str, str]

_UNITS = {
    "zero": 0, "nought": 0, "oh": 0, "nil": 0, "one": 1, "two": 2, "three": 3, "four": 4,
    "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
}  # fmt: skip
_TEENS = {
    "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
}  # fmt: skip
_TENS = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90,
}  # fmt: skip
_REPEATS = {"double": 2, "treble": 3, "triple": 3}
_NUMBER_WORDS = {*_UNITS, *_TEENS, *_TENS, *_REPEATS}
_TOKEN = re.compile(r"\d+|[A-Za-z]+")
# What may sit between two parts of one number: spaces, hyphens, commas.
_JOIN = re.compile(r"[\s,\-]*")
# Fewer digits than this read out in words is an amount or a time, not an identifier.
MIN_DIGITS = 6


def _runs(text: str) -> Iterator[list[re.Match[str]]]:
    """Maximal runs of number tokens (words or digits) with only joiners between them."""
    run: list[re.Match[str]] = []
    for match in _TOKEN.finditer(text):
        numeric = match.group().isdigit() or match.group().casefold() in _NUMBER_WORDS
        joined = run and _JOIN.fullmatch(text, run[-1].end(), match.start()) is not None
        if numeric and (not run or joined):
            run.append(match)
            continue
        if run:
            yield run
        run = [match] if numeric else []
    if run:
        yield run


def _digits(words: list[str]) -> str:
    out: list[str] = []
    repeat = 1
    i = 0
    while i < len(words):
        word = words[i]
        low = word.casefold()
        if word.isdigit():
            out.append(word)
        elif low in _REPEATS:
            repeat = _REPEATS[low]
            i += 1
            continue
        elif low in _UNITS:
            out.append(str(_UNITS[low]) * repeat)
        elif low in _TEENS:
            out.append(str(_TEENS[low]))
        elif low in _TENS:
            following = words[i + 1].casefold() if i + 1 < len(words) else ""
            if _UNITS.get(following):
                out.append(str(_TENS[low] + _UNITS[following]))
                i += 1
            else:
                out.append(str(_TENS[low]))
        repeat = 1
        i += 1
    return "".join(out)


def numbers_in_words(
    text: str, nhs_valid: Callable[[str], bool], is_phone: Callable[[str], bool]
) -> Iterator[Span]:
    """Runs that mix or spell out digits and read as a phone, NHS or other long number."""
    for run in _runs(text):
        words = [m.group() for m in run]
        if all(w.isdigit() for w in words) or len(words) < 2:
            continue  # digits alone are the digit detectors' job
        digits = _digits(words)
        start, end = run[0].start(), run[-1].end()
        if len(digits) == 10 and nhs_valid(digits):
            yield (
                start,
                end,
                "nhs_number",
                "an NHS number written in words (the check digit is valid)",
            )
        elif is_phone(digits):
            yield start, end, "phone", "a UK phone number written in words"
        elif len(digits) >= MIN_DIGITS:
            yield start, end, "long_number", "a long number written in words"


_ORDINAL_UNITS = "first|second|third|fourth|fifth|sixth|seventh|eighth|ninth"
_ORDINAL_DAY = (
    rf"(?:(?:twenty|thirty)[\s\-]*(?:{_ORDINAL_UNITS})|twentieth|thirtieth|tenth|eleventh"
    rf"|twelfth|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth"
    rf"|{_ORDINAL_UNITS})"
)
_MONTHS = "january|february|march|april|may|june|july|august|september|october|november|december"
_WORD_DATE = re.compile(
    rf"\b(?:(?P<day>{_ORDINAL_DAY})\s+(?:of\s+)?(?P<month>{_MONTHS})"
    rf"|(?P<month2>{_MONTHS})\s+(?:the\s+)?(?P<day2>{_ORDINAL_DAY}))\b",
    re.IGNORECASE,
)
# Also verbs ("the first may help", "the third march"): only the month when capitalised.
_VERB_MONTHS = {"may", "march"}


def dates_in_words(text: str) -> Iterator[Span]:
    for match in _WORD_DATE.finditer(text):
        month = match["month"] or match["month2"]
        dated = " of " in match.group().casefold()  # "the first of may" is a date
        if month.casefold() in _VERB_MONTHS and not month[0].isupper() and not dated:
            continue
        yield match.start(), match.end(), "date_of_birth", "a date written in words"
