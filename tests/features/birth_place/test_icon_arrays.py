"""The birth-place figures as pictures (lmo.features.birth_place.icon_arrays): every picture
shows as many squares in each group as its sentence says, is named by that sentence, carries
no style attribute, and every id on the page is used once."""

from __future__ import annotations

import re
import shutil
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup, Tag
from sitebuild import REPO, build, make_site

from lmo.features.birth_place import icon_arrays
from lmo.features.birth_place import schema as birth_place_schema

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


@pytest.fixture(scope="module")
def english_and_urdu(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """The tiny site in English and Urdu, with the project's Urdu catalogue."""
    site = make_site(tmp_path_factory.mktemp("pictures"), ["en", "ur"])
    shutil.copytree(REPO / "locales" / "ur", site / "locales" / "ur")
    result = build(site)
    assert result.returncode == 0, result.stderr
    yield site / "site"


def built_pictures(page: Path) -> tuple[BeautifulSoup, dict[str, Tag]]:
    html = BeautifulSoup(page.read_text("utf-8"), "html.parser")
    article = html.select_one("article")
    assert article is not None
    return html, {svg["aria-labelledby"]: svg for svg in article.select("svg.app-bp__picture")}


def placed(svg: Tag, *, mirror: bool = False) -> set[tuple[int, int, int, int]]:
    """Where the groups' rectangles are (the grid overlay has no x), seen in a mirror if asked."""
    found = set()
    for r in svg.find_all("rect", recursive=False):
        if r.has_attr("x"):
            x, width = int(r["x"]), int(r["width"])
            found.add((icon_arrays.WIDTH - x - width if mirror else x, int(r["y"]), width, 0))
    return found


def test_the_built_page_shows_each_picture_with_its_sentence_in_english_and_urdu(
    english_and_urdu: Path,
) -> None:
    found = {}
    for lang, page in (("en", english_and_urdu), ("ur", english_and_urdu / "ur")):
        html, pictures = built_pictures(page / "birth-place" / "index.html")
        assert len(pictures) == 14, lang
        ids = [t["id"] for t in html.find_all(id=True)]
        assert len(ids) == len(set(ids)), [i for i, n in Counter(ids).items() if n > 1]
        for text_id, svg in pictures.items():
            assert svg["role"] == "img"
            assert not [t for t in svg.find_all(True) if t.has_attr("style")]
            caption = html.find(id=text_id)
            # The name is the picture's own caption, shown on the page, never hidden.
            assert caption.name == "figcaption" and caption.parent is svg.parent, text_id
            assert not [p for p in caption.parents if p.has_attr("hidden")], text_id
            said = numbers_in(caption.get_text())
            groups = squares_per_group(svg)
            assert said[0] == 1000, caption.get_text()
            if text_id.endswith("-ways-text"):
                assert [groups.get(i, 0) for i in range(3)] == said[1:], (lang, text_id)
            else:
                assert groups.get(1, 0) == said[1], (lang, text_id)
        keys = html.select(".app-bp-pictures .app-bp__key")
        assert [len(k.select("li")) for k in keys] == [3, 2, 3, 2]
        assert all(s["aria-hidden"] == "true" for k in keys for s in k.select("svg"))
        found[lang] = (html, pictures)
    ur_html, ur_pictures = found["ur"]
    assert ur_html.find("body")["dir"] == "rtl"
    home = ur_html.find(id="bp-pic-first_birth-home-ways-text").get_text()
    assert re.search("[\u0600-\u06ff]", home) and "794" in home, home
    # The same squares, filled from the right in Urdu.
    for text_id, svg in found["en"][1].items():
        assert placed(svg, mirror=True) == placed(ur_pictures[text_id]), text_id
