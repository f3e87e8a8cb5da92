"""Heading ids that keep every script's letters and marks.

The common slug functions keep only what Python calls word characters, which leaves out the
vowel signs of Gurmukhi, Bengali, Devanagari and other Indic scripts: "ਦੁੱਧ" became "ਦਧ",
a different word. Here a heading keeps its letters, marks and digits in any script, lower
case where the script has case; everything else between words becomes one separator."""

from __future__ import annotations

import unicodedata


def heading_id(text: str, separator: str = "-") -> str:
    """An id for a heading such as "Dudh pilaun" or "ਦੁੱਧ ਪਿਲਾਉਣ" ("ਦੁੱਧ-ਪਿਲਾਉਣ")."""
    words: list[str] = []
    current: list[str] = []
    for character in unicodedata.normalize("NFC", text).lower():
        kind = unicodedata.category(character)
        # Letters, marks (vowel signs, diacritics), digits, and the joiners inside words.
        if kind[0] in "LMN" or character in "\u200c\u200d" or character in "_-":
            if character == "-" and separator == "-":
                if current:
                    words.append("".join(current))
                    current = []
                continue
            current.append(character)
        elif current:
            words.append("".join(current))
            current = []
    if current:
        words.append("".join(current))
    return separator.join(words)
