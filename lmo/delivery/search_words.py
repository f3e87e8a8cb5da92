"""What counts as a word in each language's search index, in every script.

The theme's search (lunr in a web worker) cuts text into words with the index's
``separator`` and then runs each word through a "trimmer" that deletes, from both ends,
every letter outside a per-language alphabet. With several languages configured
(``lang: [en, ro, ar]``) lunr.multiLanguage adds a combined trimmer of its own, which the
theme's ``pipeline`` setting cannot remove: measured in Chromium, it turned "ہسپتال" into
"سپتال" (ہ is an Urdu letter, not an Arabic one) and every Bengali word into nothing, so
those words could never be found.

Here each language's index gets:

- one lunr language (its own if the site's ``search.lang`` lists it, for its stop words;
  otherwise English), so no combined trimmer exists, and no trimmer in its pipeline;
- a separator that splits at everything that is not a Unicode letter, mark or digit (from
  Python's Unicode tables), which does the trimmer's job of taking punctuation off words in
  every script, and keeps the marks that Bengali and Devanagari vowels are written with;
- a hidden ``folded`` field holding each entry's words that have Latin diacritics, written
  without them ("położną" -> "polozna"), so a reader who types without them finds the page.
  The reader never sees this field: the theme shows only the title and the text.
"""

from __future__ import annotations

import html
import re
import unicodedata
from functools import cache, lru_cache
from typing import Any

FOLDED = "folded"

# Latin letters whose plain form is not reached by removing combining marks.
_STROKED = {"ł": "l", "đ": "d", "ø": "o", "ħ": "h", "ŧ": "t", "æ": "ae", "œ": "oe"}
_PLAIN = str.maketrans(
    {**_STROKED, **{k.upper(): v.upper() for k, v in _STROKED.items()}, "ı": "i", "ß": "ss"}
)

_TAG = re.compile(r"<[^>]*>")

# Joiners are format characters, but Urdu, Persian and Bengali write them inside words.
_JOINERS = (0x200C, 0x200D)
# The separator is used without the regular expression "u" flag, so a character outside
# the Basic Multilingual Plane arrives as two surrogates: they stay inside words.
_SURROGATES = range(0xD800, 0xE000)


def _is_word_character(code: int) -> bool:
    if code in _JOINERS or code in _SURROGATES:
        return True
    return unicodedata.category(chr(code))[0] in "LMN"


def _escaped(code: int) -> str:
    return chr(code) if chr(code).isascii() and chr(code).isalnum() else f"\\u{code:04X}"


@cache
def word_separator() -> str:
    """A JavaScript regular expression matching a run of characters that are not letters,
    marks or digits of any script (written as ranges of the Basic Multilingual Plane)."""
    ranges: list[tuple[int, int]] = []
    start: int | None = None
    for code in range(0x10000):
        if _is_word_character(code):
            start = code if start is None else start
        elif start is not None:
            ranges.append((start, code - 1))
            start = None
    if start is not None:
        ranges.append((start, 0xFFFF))
    parts = (_escaped(low) + ("" if low == high else "-" + _escaped(high)) for low, high in ranges)
    return "[^" + "".join(parts) + "]+"


@cache
def _separator_pattern() -> re.Pattern[str]:
    # JavaScript's \uXXXX escapes mean the same in Python's regular expressions.
    return re.compile(word_separator())


def fold(word: str) -> str:
    """The word without the diacritics of its Latin letters ("moașă" -> "moasa"). Letters of
    other scripts are kept as they are: their marks are often vowels, not accents."""
    # Most words of an index are plain ASCII, which folding leaves alone; the rest recur
    # page after page, so each is worked out once (this was 4 s of a 605-page build).
    return word if word.isascii() else _fold_letters(word)


@lru_cache(maxsize=65536)
def _fold_letters(word: str) -> str:
    plain = []
    for character in word.translate(_PLAIN):
        if unicodedata.name(character, "").startswith("LATIN "):
            decomposed = unicodedata.normalize("NFD", character)
            plain.append("".join(c for c in decomposed if not unicodedata.combining(c)))
        else:
            plain.append(character)
    return "".join(plain)


def folded_words(*fields: str) -> str:
    """The words of these HTML fields that change when folded, folded, each once."""
    seen: dict[str, None] = {}
    for field in fields:
        text = html.unescape(_TAG.sub(" ", field))
        for word in _separator_pattern().split(text.lower()):
            plain = fold(word)
            if plain != word:
                seen.setdefault(plain, None)
    return " ".join(seen)


def with_folded_words(doc: dict[str, Any]) -> dict[str, Any]:
    """The entry with its folded words added, when it has any."""
    words = folded_words(doc.get("title", ""), doc.get("text", ""))
    return {**doc, FOLDED: words} if words else doc


def language_settings(settings: dict[str, Any], lang: str) -> dict[str, Any]:
    """The search settings of one language's index, from the site's merged settings.

    ``settings["config"]["lang"]`` lists the languages whose lunr support the site asked
    for (``plugins: - search: lang:``); a language outside it searches with English's."""
    config = dict(settings.get("config", {}))
    configured = config.get("lang") or ["en"]
    config["lang"] = [lang if lang in configured else "en"]
    config["separator"] = word_separator()
    # Whatever the site's mkdocs.yml says: no trimmer (it deletes letters it does not know)
    # and no stemmer (a typed word is looked up as a word beginning, never stemmed, so a
    # stemmed index misses whole words such as "położna").
    config["pipeline"] = [step for step in config.get("pipeline", []) if step == "stopWordFilter"]
    config["fields"] = {**config.get("fields", {}), FOLDED: {"boost": 1.0}}
    return {**settings, "config": config}
