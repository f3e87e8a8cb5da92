"""Personal names that no staff list holds: "Thanks to Ngozi on the ward", "ask for Kowalczyk".

Two rules, both leaning towards withholding:

- a word on the forename or surname lists (US Census Bureau 1990 frequency files, public
  domain; the 50,000 commonest surnames) that is not an English word;
- a capitalised word in the middle of a sentence that is not an English word, not a place
  or service of this area, and not a day, month, festival or language: English capitalises
  little else but names.

The word lists in ``lmo/features/feedback/wordlists`` (see its README) come from Debian's wbritish
(SCOWL) and
the census files; ``scripts/make_word_lists.py`` rebuilds them.
"""

from __future__ import annotations

import gzip
import re
import unicodedata
from collections.abc import Iterator
from functools import cache, lru_cache
from pathlib import Path

Span = tuple[int, int, str, str]

WORDLISTS = Path(__file__).parent / "wordlists"
LISTED_NAME = "a forename or surname from the lists of names"
UNLISTED_NAME = (
    "a capitalised word mid-sentence that is not an English word, a place or a service:"
    " it may be a name"
)
# Census surnames that are far more often something else in a comment about maternity care
# in England; the dictionary list drops every surname, so these come back by hand.
ALWAYS_PROPER = frozenset(
    {
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january",
        "february", "april", "june", "july", "august", "september", "october", "november",
        "december", "christmas", "easter", "eid", "diwali", "ramadan", "english", "england",
        "britain", "british", "london", "wales", "welsh", "scotland", "scottish", "ireland",
        "irish", "europe", "european", "polish", "romanian", "lithuanian", "urdu", "punjabi",
        "bengali", "arabic", "french", "german", "spanish", "italian", "portuguese", "asian",
        "african", "caribbean", "muslim", "christian", "jewish", "hindu", "sikh", "nhs", "covid",
        "google", "facebook", "instagram", "whatsapp", "tiktok", "youtube", "amazon", "apple",
        "android", "iphone", "tesco", "asda", "boots", "mothercare", "zoom", "teams", "badger",
    }
)  # fmt: skip
# Characters after which a capital letter starts a sentence or a quotation, not a name.
_OPENERS = ".!?:;\"“”'‘’([{-–—…*•"
_WORD = re.compile(r"[^\W\d_][^\W\d_'’\-]*")


@cache
def word_list(name: str) -> frozenset[str]:
    with gzip.open(WORDLISTS / f"{name}.txt.gz", "rt", encoding="utf-8") as handle:
        return frozenset(line.strip() for line in handle if line.strip())


def _plain(word: str) -> str:
    """Lower case, without accents or a possessive: "Łukasz's" -> "lukasz"."""
    word = re.sub(r"['’]s?$", "", word).casefold().replace("ł", "l")
    if word.isascii():
        return word
    decomposed = unicodedata.normalize("NFKD", word)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def is_word(plain: str, places: frozenset[str]) -> bool:
    """An English word, a place or service of the area, or a day, festival or language."""
    return (
        plain in word_list("english")
        or plain in word_list("proper")
        or plain in ALWAYS_PROPER
        or plain in places
        or _compound(plain)
    )


def _compound(plain: str) -> bool:
    """ "Breast-feeding", "co-ordinator": a word when each part is one."""
    parts = re.split(r"[\-'’]", plain)
    return len(parts) > 1 and all(p in word_list("english") for p in parts if p)


@lru_cache(maxsize=1)
def _names() -> frozenset[str]:
    return word_list("forenames") | word_list("surnames")


def _starts_sentence(text: str, start: int) -> bool:
    # Walk back over spaces rather than slicing: a long comment has thousands of words.
    i = start - 1
    while i >= 0 and text[i].isspace():
        i -= 1
    return i < 0 or text[i] in _OPENERS


def personal_names(text: str, places: frozenset[str]) -> Iterator[Span]:
    names = _names()
    for match in _WORD.finditer(text):
        word = match.group()
        end = match.start() + len(re.sub(r"['’]s?$", "", word))
        plain = _plain(word)
        if len(plain) < 3 or is_word(plain, places):
            continue
        capital = word[0].isupper() and not word.isupper()
        # In lower case only a forename counts: census surnames include everyday words of
        # Polish and Romanian ("mało", "amabile"), which the service's users write in.
        if (plain in names and capital) or (plain in word_list("forenames") and len(plain) >= 4):
            yield match.start(), end, "listed_name", LISTED_NAME
        elif capital and not _starts_sentence(text, match.start()):
            yield match.start(), end, "unlisted_name", UNLISTED_NAME
