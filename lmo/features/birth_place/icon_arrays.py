"""The birth-place page's figures as pictures, drawn at build time: icon arrays of 1,000
women, each next to the sentence that says the same in words.

Out of 1,000, not out of 100: the page's tables, its sources and the widget's pictures all
count per 1,000, and a reader who meets two denominators for one figure on one page may take
them for two figures. Per 1,000 needs no rounding either, so a picture never shows a number
the table does not (out of 100, a rate of 7 and one of 12 per 1,000 would both be 1).

Each picture and its sentence are made here from the same count, so they cannot disagree.
The sentence is visible text (the page puts it in the figure's caption) and names the picture
(``aria-labelledby``); groups differ by texture as well as colour; nothing uses a ``style``
attribute, which the pages' Content-Security-Policy refuses. The same counts always make the
same markup, byte for byte.

The grid, colours, textures and the cutting of each group into rectangles are the widget's
own (widgets/birthplace/birthplace/pictures.py, installed with the engine), so the page and
her own view draw the same picture language from one definition.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from birthplace.pictures import CELL, COLUMNS, FILLS, ROWS, TEXTURES, blocks, texture
from markupsafe import Markup, escape

from lmo.core.i18n import number
from lmo.features.birth_place import schema as birth_place_schema

TOTAL = COLUMNS * ROWS
WIDTH = COLUMNS * CELL
HEIGHT = ROWS * CELL
# Settings a woman can move from to a labour ward: from a labour ward, "moving" means to
# another one, which the table says in words and a picture of "moved" would not.
MOVE_FROM = tuple(k for k in birth_place_schema.PerThousand.model_fields if k != "obstetric_unit")


def _fill(index: int, pattern_id: str) -> tuple[str, str]:
    """The definitions and the fill of group ``index``: plain for the first, textured after."""
    if index == 0:
        return "", FILLS[0]
    return texture(TEXTURES[index], pattern_id, FILLS[index]), f"url(#{pattern_id})"


def draw(picture_id: str, counts: Sequence[int], labelled_by: str, *, rtl: bool) -> Markup:
    """1,000 squares: ``counts[0]`` in the first group, then ``counts[1]``... In a
    right-to-left page the squares fill from the top right, where her eye starts, as they
    fill from the top left in English; a picture has no digits to keep in order."""
    if sum(counts) != TOTAL or any(c < 0 for c in counts):
        raise ValueError(f"an icon array needs counts adding up to {TOTAL}, got {list(counts)}")
    if len(counts) > len(FILLS):
        raise ValueError(f"at most {len(FILLS)} groups in one icon array, got {len(counts)}")
    pid = escape(picture_id)
    defs, shapes = [], []
    start = 0
    for index, count in enumerate(counts):
        pattern, fill = _fill(index, f"{pid}-t{index}")
        if count:
            defs.append(pattern)
        for column, row, width, height in blocks(start, count):
            x = COLUMNS - column - width if rtl else column
            shapes.append(
                f'<rect x="{x * CELL}" y="{row * CELL}" width="{width * CELL}"'
                f' height="{height * CELL}" fill="{fill}"/>'
            )
        start += count
    # White lines between the squares, drawn once over the groups, so each woman is a square.
    defs.append(
        f'<pattern id="{pid}-grid" width="{CELL}" height="{CELL}" patternUnits="userSpaceOnUse">'
        f'<path d="M{CELL} 0V{CELL}H0" fill="none" stroke="#fff" stroke-width="2"/></pattern>'
    )
    return Markup(
        f'<svg class="app-bp__picture" viewBox="0 0 {WIDTH} {HEIGHT}" role="img"'
        f' aria-labelledby="{escape(labelled_by)}" focusable="false">'
        f"<defs>{''.join(defs)}</defs>{''.join(shapes)}"
        f'<rect width="{WIDTH}" height="{HEIGHT}" fill="url(#{pid}-grid)"/></svg>'
    )


def swatch(swatch_id: str, index: int) -> Markup:
    """A small square like group ``index`` of a picture, for the key beside its words."""
    pattern, fill = _fill(index, f"{escape(swatch_id)}-t{index}")
    return Markup(
        '<svg class="app-bp__swatch" width="16" height="16" viewBox="0 0 16 16"'
        f' aria-hidden="true" focusable="false"><defs>{pattern}</defs>'
        f'<rect width="16" height="16" fill="{fill}"/></svg>'
    )


@dataclass(frozen=True)
class Picture:
    """One figure as a picture and as a sentence, both from ``counts``."""

    id: str
    counts: tuple[int, ...]
    text: str
    svg: Markup

    @property
    def text_id(self) -> str:
        return f"{self.id}-text"


@dataclass(frozen=True)
class KeyEntry:
    swatch: Markup
    label: str


@dataclass(frozen=True)
class ParityPictures:
    """One kind of birth's pictures: how women gave birth in each setting, and how many
    moved to a labour ward from each setting a woman can move from."""

    ways: list[Picture]
    ways_key: list[KeyEntry]
    moved: list[Picture]
    moved_key: list[KeyEntry]


@dataclass(frozen=True)
class Words:
    """The page's words for the pictures, already in its language (the widget's sentences,
    so the page and her own view say the same)."""

    lang: str
    rtl: bool
    ways_sentence: str
    moved_sentence: str
    moved: str
    did_not_move: str
    settings: Mapping[str, str]
    outcomes: Mapping[str, str]


def picture(picture_id: str, counts: Sequence[int], text: str, words: Words) -> Picture:
    svg = draw(picture_id, counts, f"{picture_id}-text", rtl=words.rtl)
    return Picture(picture_id, tuple(counts), text, svg)


def _key(key_id: str, labels: Sequence[str]) -> list[KeyEntry]:
    return [KeyEntry(swatch(f"{key_id}-{i}", i), label) for i, label in enumerate(labels)]


def parity_pictures(
    figures: birth_place_schema.BirthplaceFiguresFile, parity: str, words: Words
) -> ParityPictures:
    rows: dict[str, birth_place_schema.PerThousand] = {
        r.outcome: r.per_1000 for r in figures.figures if r.parity == parity
    }

    def say(value: int) -> str:
        return number(value, words.lang)

    ways = []
    for kind in birth_place_schema.PerThousand.model_fields:
        counts = [getattr(rows[o], kind) for o in birth_place_schema.WAYS_OF_GIVING_BIRTH]
        text = words.ways_sentence % {
            "setting": words.settings[kind],
            "spontaneous": say(counts[0]),
            "instrumental": say(counts[1]),
            "caesarean": say(counts[2]),
        }
        ways.append(picture(f"bp-pic-{parity}-{kind}-ways", counts, text, words))
    moved = []
    for kind in MOVE_FROM:
        count = getattr(rows["transferred"], kind)
        text = words.moved_sentence % {"setting": words.settings[kind], "count": say(count)}
        moved.append(picture(f"bp-pic-{parity}-{kind}-moved", [TOTAL - count, count], text, words))
    ways_labels = [words.outcomes[o] for o in birth_place_schema.WAYS_OF_GIVING_BIRTH]
    return ParityPictures(
        ways=ways,
        ways_key=_key(f"bp-key-{parity}-ways", ways_labels),
        moved=moved,
        moved_key=_key(f"bp-key-{parity}-moved", [words.did_not_move, words.moved]),
    )


def page_pictures(
    figures: birth_place_schema.BirthplaceFiguresFile, words: Words
) -> dict[str, ParityPictures]:
    return {p: parity_pictures(figures, p, words) for p in birth_place_schema.PARITIES}
