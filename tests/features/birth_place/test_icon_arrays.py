"""The birth-place figures as pictures (lmo.features.birth_place.icon_arrays): every picture
shows as many squares in each group as its sentence says, is named by that sentence, carries
no style attribute, and every id on the page is used once."""

from __future__ import annotations

import re
from collections import Counter

import pytest
import yaml
from bs4 import BeautifulSoup, Tag
from sitebuild import REPO

from lmo.features.birth_place import icon_arrays
from lmo.features.birth_place import schema as birth_place_schema

pytestmark = pytest.mark.unit

SETTINGS = {
    "home": "Home birth",
    "freestanding_midwifery_unit": "Freestanding midwifery unit",
    "alongside_midwifery_unit": "Alongside midwifery unit",
    "obstetric_unit": "Obstetric unit (labour ward)",
}


def words(lang: str = "en", *, rtl: bool = False) -> icon_arrays.Words:
    from lmo.features.birth_place.place import STRINGS

    return icon_arrays.Words(
        lang=lang,
        rtl=rtl,
        ways_sentence=STRINGS["ways_sentence"],
        moved_sentence=STRINGS["transfer_sentence"],
        moved=STRINGS["moved"],
        did_not_move=STRINGS["did_not_move"],
        settings=SETTINGS,
        outcomes={o: o.replace("_", " ") for o in birth_place_schema.WAYS_OF_GIVING_BIRTH},
    )


def shipped() -> birth_place_schema.BirthplaceFiguresFile:
    text = (REPO / "data" / "birthplace_figures.yml").read_text("utf-8")
    return birth_place_schema.BirthplaceFiguresFile.model_validate(yaml.safe_load(text))


def every_picture(
    pictures: dict[str, icon_arrays.ParityPictures],
) -> list[icon_arrays.Picture]:
    return [p for drawn in pictures.values() for p in (*drawn.ways, *drawn.moved)]


def svg_of(markup: str) -> Tag:
    svg = BeautifulSoup(markup, "html.parser").find("svg")
    assert isinstance(svg, Tag)
    return svg


def squares_per_group(svg: Tag) -> dict[int, int]:
    """How many 1-woman squares each group covers, measured from the rectangles drawn:
    group 0 is the plain colour, group n the fill url(#...-tn)."""
    counted: Counter[int] = Counter()
    for rect in svg.find_all("rect", recursive=False):
        fill = rect["fill"]
        if fill.endswith("-grid)"):
            continue
        group = 0 if fill == icon_arrays.FILLS[0] else int(re.search(r"-t(\d+)\)$", fill)[1])
        area = int(rect["width"]) * int(rect["height"])
        assert area % (icon_arrays.CELL**2) == 0, "a rectangle covers whole squares"
        counted[group] += area // icon_arrays.CELL**2
    return dict(counted)


def numbers_in(text: str) -> list[int]:
    return [int(n.replace(",", "")) for n in re.findall(r"\d[\d,]*\d|\d", text)]


def test_every_picture_shows_the_numbers_its_sentence_says() -> None:
    pictures = icon_arrays.page_pictures(shipped(), words())
    drawn = every_picture(pictures)
    # Four settings' ways of giving birth and three settings' moves, for each kind of birth.
    assert len(drawn) == 2 * (4 + 3)
    for picture in drawn:
        groups = squares_per_group(svg_of(picture.svg))
        said = numbers_in(picture.text)
        assert said[0] == 1000, picture.text
        if picture.id.endswith("-ways"):
            # Every group is a number in the sentence, in the same order.
            assert [groups.get(i, 0) for i in range(3)] == said[1:], picture.id
        else:
            # The highlighted (textured) group is the women who moved.
            assert groups.get(1, 0) == said[1], picture.id
            assert groups[0] == 1000 - said[1], picture.id


def test_the_pictures_are_drawn_from_the_figures_in_the_data() -> None:
    figures = shipped()
    pictures = icon_arrays.page_pictures(figures, words())
    for row in figures.figures:
        if row.outcome != "transferred":
            continue
        moved = {p.id: p.counts[1] for p in pictures[row.parity].moved}
        for kind in icon_arrays.MOVE_FROM:
            assert moved[f"bp-pic-{row.parity}-{kind}-moved"] == getattr(row.per_1000, kind)
    home = pictures["first_birth"].ways[0]
    assert home.counts == (794, 126, 80)
    assert home.text == (
        "Home birth: out of every 1,000 women, 794 had a vaginal birth without forceps or"
        " ventouse, 126 had a birth with forceps or ventouse and 80 had a caesarean birth."
    )


def test_each_picture_is_an_image_named_by_its_visible_sentence() -> None:
    for picture in every_picture(icon_arrays.page_pictures(shipped(), words())):
        svg = svg_of(picture.svg)
        assert svg["role"] == "img"
        assert svg["aria-labelledby"] == picture.text_id == f"{picture.id}-text"
        assert svg["focusable"] == "false"
        assert svg.find("title") is None, "the name is the sentence on the page, not hidden text"


def test_no_style_attribute_or_element_anywhere() -> None:
    pictures = icon_arrays.page_pictures(shipped(), words())
    markup = [p.svg for p in every_picture(pictures)]
    markup += [k.swatch for d in pictures.values() for k in (*d.ways_key, *d.moved_key)]
    for piece in markup:
        parsed = BeautifulSoup(piece, "html.parser")
        assert parsed.find("style") is None
        assert not [t.name for t in parsed.find_all(True) if t.has_attr("style")], piece
        assert "style" not in piece.lower()


def test_every_id_on_the_page_is_used_once_and_every_reference_finds_its_target() -> None:
    pictures = icon_arrays.page_pictures(shipped(), words())
    markup = "".join(p.svg for p in every_picture(pictures))
    markup += "".join(k.swatch for d in pictures.values() for k in (*d.ways_key, *d.moved_key))
    ids = re.findall(r'\bid="([^"]+)"', markup)
    ids += [p.text_id for p in every_picture(pictures)]
    assert len(ids) == len(set(ids)), [i for i, n in Counter(ids).items() if n > 1]
    for target in re.findall(r'url\(#([^)]+)\)|aria-labelledby="([^"]+)"', markup):
        assert next(t for t in target if t) in ids


def test_right_to_left_fills_from_the_top_right_and_draws_the_same_numbers() -> None:
    ltr = svg_of(icon_arrays.draw("p", [995, 5], "p-text", rtl=False))
    rtl = svg_of(icon_arrays.draw("p", [995, 5], "p-text", rtl=True))
    assert squares_per_group(ltr) == squares_per_group(rtl) == {0: 995, 1: 5}
    last_ltr, last_rtl = (
        ltr.find_all("rect", recursive=False)[-2:-1] + rtl.find_all("rect", recursive=False)[-2:-1]
    )
    # The 5 women who are the last of 1,000 are at the end of the last row: on the right
    # in English, on the left in Urdu.
    assert (last_ltr["x"], last_ltr["y"]) == ("350", "240")
    assert (last_rtl["x"], last_rtl["y"]) == ("0", "240")


def test_the_same_counts_draw_the_same_bytes() -> None:
    first = icon_arrays.page_pictures(shipped(), words("ur", rtl=True))
    second = icon_arrays.page_pictures(shipped(), words("ur", rtl=True))
    assert first == second


@pytest.mark.parametrize("counts", [[500, 499], [1001, -1], [250, 250, 250, 125, 125]])
def test_counts_that_are_not_1000_women_in_at_most_four_groups_are_refused(
    counts: list[int],
) -> None:
    with pytest.raises(ValueError, match="icon array"):
        icon_arrays.draw("p", counts, "p-text", rtl=False)


def test_a_picture_is_small() -> None:
    pictures = icon_arrays.page_pictures(shipped(), words())
    # Rectangles per block of rows, not a shape per woman: a picture stays under 2 kB
    # (most of it its own ids, which brotli takes down to a few bytes on the page).
    assert max(len(p.svg) for p in every_picture(pictures)) < 2000
