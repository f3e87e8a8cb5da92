"""People's names: a title with a name, a name on the staff list, a common first name.

Names that no list holds have their own module, lmo.features.feedback.identifier_names.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from lmo.features.feedback.identifier_hits import REASONS, Hit, fold, hit

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


def titles_with_names(text: str) -> Iterator[Hit]:
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
            yield Hit(title.start(), end, "title_and_name", REASONS["title_and_name"])


_MY_NAME_IS = re.compile(
    r"(?i:\b(?:my name is|my name's|i am called|i'm called|(?:named|called) "
    r"(?:him|her|them|our (?:son|daughter|baby|boy|girl)))\s+)(?P<name>[^\W\d_][\w'’\-]*)"
)
_PARTICLES = {"van", "von", "der", "den", "de", "la", "le", "da", "di", "del", "bin", "al", "el"}


def _name_pattern(name: str) -> str:
    """A listed name as a regex: apostrophes and hyphens optional, spacing flexible."""
    tokens = []
    for token in fold(name).split():
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
            letters = _NON_WORD.sub("", fold(piece).casefold())
            if letters:
                found.add(letters)
    return tuple(found)


_NON_WORD = re.compile(r"\W+")


def staff_list_names(text: str, folded: str, names: tuple[str, ...]) -> Iterator[Hit]:
    # A name can only match where its letters appear in a row once spaces, hyphens and
    # apostrophes are dropped; most comments fail that test, and it costs far less than the
    # full patterns.
    squeezed = _NON_WORD.sub("", folded.casefold())
    if not any(letters in squeezed for letters in _staff_letters(names)):
        return
    whole, parts = _staff_patterns(names)
    if whole:
        for match in whole.finditer(folded):
            yield hit(match, "staff_name")
    if parts:
        for match in parts.finditer(folded):
            if text[match.start()].isupper():
                yield hit(match, "staff_name")


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
_FIRST_NAME_SET = frozenset(fold(n).casefold() for n in FIRST_NAMES - EXCLUDED_NAMES)
_WORD = re.compile(r"(?<!\w)[^\W\d_]+(?!\w)")


def first_names(text: str, folded: str) -> Iterator[Hit]:
    names_here = not _FIRST_NAME_SET.isdisjoint(_WORD.findall(folded.casefold()))
    for match in _WORD.finditer(folded) if names_here else ():
        if match.group().casefold() not in _FIRST_NAME_SET:
            continue
        # Comments typed on a phone are often all lower case, so "sarah" counts too, unless
        # the name is also an everyday word.
        if text[match.start()].isupper() or match.group().casefold() not in _LOWERCASE_WORDS:
            yield hit(match, "first_name")
    for match in _MY_NAME_IS.finditer(text):
        if match["name"][0].isupper():
            yield hit(match, "first_name", "name", "a name")
