"""Heading ids keep every script's letters and marks (lmo.core.slugs)."""

import pytest

from lmo.core.slugs import heading_id

pytestmark = pytest.mark.unit


@pytest.mark.parametrize(
    ("heading", "expected"),
    [
        ("Where you can give birth", "where-you-can-give-birth"),
        ("Słowniczek", "słowniczek"),
        ("Moașă (midwife)", "moașă-midwife"),
        ("ہمارے استعمال کردہ الفاظ", "ہمارے-استعمال-کردہ-الفاظ"),
        # Vowel signs are letters of the word: "ਦੁੱਧ" (milk) is not "ਦਧ".
        ("ਦੁੱਧ ਪਿਲਾਉਣ ਵਿੱਚ ਮਦਦ", "ਦੁੱਧ-ਪਿਲਾਉਣ-ਵਿੱਚ-ਮਦਦ"),
        ("দুধ খাওয়ানো", "দুধ-খাওয়ানো"),
        ("October 2025 – December 2025", "october-2025-december-2025"),
        ("Hubs & places: A-Z", "hubs-places-a-z"),
    ],
)
def test_a_heading_keeps_its_words(heading: str, expected: str) -> None:
    assert heading_id(heading, "-") == expected


def test_an_id_never_holds_a_space_or_markup_characters() -> None:
    made = heading_id("<b>\"Quote\" & 'apostrophe'</b>  two  spaces", "-")
    assert made == "b-quote-apostrophe-b-two-spaces"
    assert not set(made) & set(" <>\"'&")
