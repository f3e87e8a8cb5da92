"""Numbers in translations written the way a reader of the language reads them.

"7,500 births" in a Polish translation reads as seven and a half: in Polish the comma is
the decimal sign and thousands are separated by a (no-break) space. CLDR, through Babel,
says what each language uses. A number is only checked where the English writes the same
digits with an English thousands separator, so a genuine decimal ("7,5"), a year or a phone
number is never taken for one.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal

from babel import Locale
from babel.numbers import format_decimal, get_decimal_symbol, get_group_symbol

from lmo.core.i18n import babel_locale
from lmo.core.problems import Problem, Severity
from lmo.core.yamlsource import SourceDocument
from lmo.data.schema import LocalText, TranslationsFile

# An English number with thousands separators: "7,500", "785,000", "1,234.5".
_ENGLISH_GROUPED = re.compile(r"(?<![\d.,])\d{1,3}(?:,\d{3})+(?:\.\d+)?(?![\d]|[.,]\d)")
# Characters a translator may have put between groups of digits.
_SEPARATORS = ",.'’ \u00a0\u202f\u2009"
_SPACES = " \u00a0\u202f\u2009"
_SEPARATOR_NAMES = {
    "\u00a0": "a no-break space, U+00A0",
    "\u202f": "a narrow no-break space, U+202F",
    "\u2009": "a thin space, U+2009",
    " ": "a space",
    ",": "a comma",
    ".": "a full stop",
    "'": "an apostrophe",
    "’": "an apostrophe",
}


@dataclass(frozen=True)
class WrongNumber:
    found: str  # as the translation writes it
    english: str  # as the English writes it
    expected: str  # as Babel writes it for the language
    group: str  # the language's thousands separator


def _ascii_digits(text: str) -> str:
    """The text with every decimal digit (Arabic-Indic, Devanagari...) as 0-9, one
    character for one, so positions stay the same."""
    return "".join(
        str(unicodedata.decimal(c)) if c.isdecimal() and not c.isascii() else c for c in text
    )


def _accepted(separator: str, group: str) -> bool:
    """A separator a reader of the language reads as thousands: its own, or any kind of
    space (no language reads a space as a decimal sign, so it cannot mislead)."""
    return separator == group or separator in _SPACES


def wrong_numbers(english: str, translation: str, lang: str) -> Iterator[WrongNumber]:
    """Each number the English writes with thousands separators that the translation writes
    with a separator the language does not read as thousands."""
    locale = babel_locale(lang)
    group = get_group_symbol(locale)
    digits = _ascii_digits(translation)
    seen: set[str] = set()
    for match in _ENGLISH_GROUPED.finditer(english):
        written = match.group()
        whole = written.partition(".")[0]
        if whole in seen:
            continue
        seen.add(whole)
        groups = whole.split(",")
        sep = f"[{re.escape(_SEPARATORS)}]"
        pattern = re.compile(
            r"(?<![\d.,])" + groups[0] + "".join(f"({sep}){g}" for g in groups[1:]) + r"(?!\d)"
        )
        for found in pattern.finditer(digits):
            separators = set(found.groups())
            if len(separators) == 1 and _accepted(separators.pop(), group):
                continue
            yield WrongNumber(
                found=translation[found.start() : found.end()],
                english=written,
                expected=format_decimal(Decimal(written.replace(",", "")), locale=locale),
                group=group,
            )


def describe(wrong: WrongNumber, lang: str) -> str:
    """What to tell the translator: what the reader would read, and the right form."""
    locale = babel_locale(lang)
    name = Locale.parse(locale).get_language_name("en") or lang
    decimal = get_decimal_symbol(locale)
    misread = next((s for s in wrong.found if not s.isdecimal()), "")
    reading = (
        f'; a {name} reader reads "{decimal}" as a decimal sign'
        if misread == decimal
        else f"; {name} does not separate thousands that way"
    )
    group_name = _SEPARATOR_NAMES.get(wrong.group, f'"{wrong.group}"')
    return (
        f'the English "{wrong.english}" is written "{wrong.found}"{reading}: write'
        f' "{wrong.expected}" (thousands separated by {group_name}), or the digits alone'
    )


def number_problems(
    doc: SourceDocument, model: TranslationsFile, texts: dict[str, LocalText]
) -> list[Problem]:
    """A warning at each translation that writes a number the way its reader misreads."""
    problems = []
    for key, entry in model.translations.items():
        if key not in texts:
            continue
        for wrong in wrong_numbers(texts[key].en, entry.text, model.language):
            line, col = doc.locate(("translations", key, "text"))
            problems.append(
                Problem(
                    doc.file,
                    line,
                    col,
                    f"translations.{key}.text",
                    describe(wrong, model.language),
                    Severity.WARNING,
                )
            )
    return problems
