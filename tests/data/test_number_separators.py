"""Numbers in translations read the way their reader reads them: a number the English groups
with "," is flagged where the translation keeps a separator the language misreads, with the
form CLDR (through Babel) gives; genuine decimals, years and phone numbers are left alone."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
import yaml
from sitebuild import make_site, run

from lmo.data.number_separators import describe, wrong_numbers
from lmo.data.schema import source_hash

NBSP = "\u00a0"
AREA = "About 785,000 people, with about 7,500 births a year. Call 0808 2000 247. Since 2026."


def flagged(english: str, translation: str, lang: str) -> list[tuple[str, str]]:
    return [(w.found, w.expected) for w in wrong_numbers(english, translation, lang)]


def test_polish_reads_an_english_thousands_comma_as_a_decimal_sign() -> None:
    found = flagged(
        AREA, "Około 785,000 osób i 7,500 porodów. Zadzwoń 0808 2000 247. Od 2026.", "pl"
    )
    assert found == [("785,000", f"785{NBSP}000"), ("7,500", f"7{NBSP}500")]
    wrong = next(wrong_numbers(AREA, "około 7,500 porodów", "pl"))
    assert describe(wrong, "pl") == (
        'the English "7,500" is written "7,500"; a Polish reader reads "," as a decimal sign:'
        f' write "7{NBSP}500" (thousands separated by a no-break space, U+00A0), or the digits'
        " alone"
    )


@pytest.mark.parametrize("written", [f"7{NBSP}500", "7 500", "7\u202f500", "7500"])
def test_polish_accepts_its_own_separator_a_typed_space_or_the_digits_alone(written: str) -> None:
    assert flagged("about 7,500 births", f"około {written} porodów", "pl") == []


def test_a_genuine_polish_decimal_is_not_taken_for_the_english_number() -> None:
    # "7,5 tys." is 7.5 thousand: the digits differ from the English 7,500, so it is left alone;
    # so is a decimal the English writes with a point.
    assert flagged("about 7,500 births", "około 7,5 tys. porodów", "pl") == []
    assert flagged("4.3 in every 1,000 births", "4,3 na każde 1000 porodów", "pl") == []


def test_ranges_are_checked_number_by_number() -> None:
    found = flagged("between 1,500 and 2,000", "od 1,500 do 2 000", "pl")
    assert found == [("1,500", f"1{NBSP}500")]


def test_lithuanian_like_polish_groups_with_a_no_break_space() -> None:
    assert flagged(AREA, "apie 785,000 gyventojų, 7 500 gimdymų", "lt") == [
        ("785,000", f"785{NBSP}000")
    ]
    assert "Lithuanian reader" in describe(next(wrong_numbers(AREA, "785,000", "lt")), "lt")


def test_romanian_groups_with_a_full_stop_and_reads_a_comma_as_decimal() -> None:
    assert flagged(AREA, "aproximativ 785.000 de locuitori și 7.500 de nașteri", "ro") == []
    assert flagged(AREA, "aproximativ 7,500 de nașteri", "ro") == [("7,500", "7.500")]


def test_urdu_groups_as_english_does_in_either_kind_of_digit() -> None:
    assert flagged(AREA, "تقریباً 785,000 لوگ اور 7,500 بچے", "ur") == []
    assert flagged(AREA, "تقریباً ۷,۵۰۰ بچے", "ur") == []
    # A point is Urdu's decimal sign: 7.500 would read as seven and a half.
    found = list(wrong_numbers(AREA, "تقریباً 7.500 بچے", "ur"))
    assert [(w.found, w.expected) for w in found] == [("7.500", "7,500")]
    assert 'reads "." as a decimal sign' in describe(found[0], "ur")


def test_english_is_its_own_form() -> None:
    assert flagged(AREA, AREA, "en") == []
    assert flagged(AREA, "about 7.500 births", "en") == [("7.500", "7,500")]


def test_check_warns_at_the_translation_and_fails_under_strict(tmp_path: Path) -> None:
    site = make_site(tmp_path)
    lmns = site / "data" / "lmns.yml"
    english = "Testshire: about 7,500 births a year."
    lmns.write_text(
        lmns.read_text(encoding="utf-8").replace("area: Testshire", f'area: "{english}"', 1),
        encoding="utf-8",
    )
    translations = site / "data" / "translations" / "pl.yml"
    doc = yaml.safe_load(translations.read_text(encoding="utf-8"))
    doc["translations"]["lmns.area"] = {
        "text": "Testshire: około 7,500 porodów rocznie.",
        "method": "machine",
        "source": source_hash(english),
    }
    translations.write_text(yaml.safe_dump(doc, allow_unicode=True), encoding="utf-8")
    line = next(
        i
        for i, text in enumerate(translations.read_text(encoding="utf-8").splitlines(), 1)
        if "7,500" in text
    )
    result = run([sys.executable, "-m", "lmo", "check"], site)
    assert result.returncode == 0, result.stderr
    assert (
        f"data/translations/pl.yml:{line}:11: warning: translations.lmns.area.text: the English"
        f' "7,500" is written "7,500"; a Polish reader reads "," as a decimal sign: write'
        f' "7{NBSP}500"'
    ) in result.stderr
    assert run([sys.executable, "-m", "lmo", "check"], site, STRICT="1").returncode == 1
