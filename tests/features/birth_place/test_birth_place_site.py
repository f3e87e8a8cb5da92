"""The birth-place page and its data: the published figures are whole, sourced and add up;
the page is complete without JavaScript; the widget reads what the build wrote; mistakes
in the data files are reported on their lines."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
import yaml
from birthplace.api import Explorer
from bs4 import BeautifulSoup, Tag
from sitebuild import REPO, copy_data, edit

from lmo.data import schema
from lmo.features.birth_place import place as birth_place
from lmo.features.birth_place import schema as birth_place_schema
from lmo.pipeline import load_dataset

TYPES = schema.BIRTH_SETTING_TYPES
WAYS = birth_place_schema.WAYS_OF_GIVING_BIRTH
# Transfer during or after labour, per 100 (Birthplace, as summarised by NCT), from
# ../shared/brief/birthplace-figures.md: the per-1,000 rows must agree with them.
NCT_TRANSFER_PERCENT = {
    "first_birth": {"home": 45, "freestanding_midwifery_unit": 36, "alongside_midwifery_unit": 40},
    "later_birth": {"home": 12, "freestanding_midwifery_unit": 9, "alongside_midwifery_unit": 13},
}


def shipped() -> dict:  # type: ignore[type-arg]
    return yaml.safe_load((REPO / "data" / "birthplace_figures.yml").read_text("utf-8"))


def rows(parity: str) -> dict[str, dict]:  # type: ignore[type-arg]
    return {r["outcome"]: r for r in shipped()["figures"] if r["parity"] == parity}


@pytest.mark.parametrize("parity", ["first_birth", "later_birth"])
def test_the_three_ways_of_giving_birth_add_up_to_1000_in_every_setting(parity: str) -> None:
    found = rows(parity)
    for kind in TYPES:
        assert sum(found[way]["per_1000"][kind] for way in WAYS) == 1000, (parity, kind)


def test_every_figure_has_a_source_and_a_verification_status() -> None:
    data = shipped()
    sources = [r["source"] for r in data["figures"]]
    sources += [data["transfer_reasons"]["source"]]
    sources += [t["source"] for t in data["transfer_times"]]
    sources += [f["source"] for f in data["findings"]]
    for source in sources:
        assert source["title"].strip()
        assert source["verification"] in ("checked", "to_confirm")
    # Exactly as in birthplace-figures.md: only the first-birth baby outcomes (NG235
    # Table 5) of the per-1,000 rows have been checked against a retrieved copy.
    checked = {
        (r["outcome"], r["parity"])
        for r in data["figures"]
        if r["source"]["verification"] == "checked"
    }
    assert checked == {("baby_serious_problems", "first_birth")}
    assert len(data["figures"]) == 16


@pytest.mark.parametrize("parity", ["first_birth", "later_birth"])
def test_the_transfer_rows_match_the_published_percentages(parity: str) -> None:
    transferred = rows(parity)["transferred"]["per_1000"]
    for kind, percent in NCT_TRANSFER_PERCENT[parity].items():
        assert abs(transferred[kind] / 10 - percent) <= 0.6, (parity, kind)


def test_the_reasons_for_transfer_cover_every_transfer() -> None:
    reasons = shipped()["transfer_reasons"]["reasons"]
    for kind in TYPES[:3]:
        assert abs(sum(r["share"][kind] for r in reasons) - 100) <= 1, kind


@pytest.fixture
def built(tiny_site: Path) -> Path:
    return tiny_site / "site"


def soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def figure_cell(td: Tag, kind: str) -> str:
    """A cell's text after its label, which names the cell's column when the row is a card."""
    label = td.select_one(".app-table__label")
    assert label is not None, f"the {kind} cell says what it is on a phone"
    name = label.extract().get_text(strip=True)
    assert name, kind
    return str(td.get_text(" ", strip=True))


def test_without_javascript_the_page_has_every_figure_with_its_source(built: Path) -> None:
    for lang_dir in (built, built / "pl"):
        article = soup(lang_dir / "birth-place" / "index.html").select_one("article")
        assert article is not None and article.find("form") is None
        tables = article.select("table.app-bp__all")
        assert len(tables) == 2, "one table for first births, one for later births"
        for table, parity in zip(tables, ("first_birth", "later_birth"), strict=True):
            body = table.select("tbody tr")
            assert len(body) == 8
            expected = rows(parity)
            # The rows come in the order the page explains them, each with its figures.
            for tr, outcome in zip(body, birth_place_schema.BIRTH_OUTCOMES, strict=True):
                cells = [
                    figure_cell(td, kind)
                    for td, kind in zip(tr.select("td"), (*TYPES, "source"), strict=True)
                ]
                numbers = [int(c.split()[0]) for c in cells[:4]]
                assert numbers == [expected[outcome]["per_1000"][k] for k in TYPES], outcome
                # Women who planned a labour ward and "moved to a labour ward" went from
                # one to another: the cell says so, and no other cell needs to.
                notes = [c.split(maxsplit=1)[1:] for c in cells[:4]]
                if outcome == "transferred":
                    assert notes == [[], [], [], ["(from one labour ward to another)"]]
                else:
                    assert notes == [[], [], [], []], outcome
                assert "NICE guideline NG235" in cells[4], outcome
                assert tr.select_one(".app-bp__check") is not None, "checked or awaiting"
        pending = article.select(".app-bp__check--pending")
        assert len(pending) == 15, "every row awaiting confirmation says so"
        assert article.select_one("#bp-pending") is not None
        # The tool is there but hidden until its script runs, and says so without it.
        assert article.select_one(".app-bp__tool")["hidden"] is not None
        assert article.select_one(".app-bp__nojs") is not None
        # The area's settings, each linked to its page, by type.
        links = [a["href"] for a in article.select(".app-bp__places a")]
        assert "../birth-settings/town-labour-ward/" in links
        assert "../birth-settings/home-birth/" in links


def test_the_page_says_where_to_talk_it_through_and_offers_no_hand_off_without_a_place_for_it(
    built: Path,
) -> None:
    article = soup(built / "birth-place" / "index.html").select_one("article")
    assert [a["href"] for a in article.select(".app-notice a")] == ["../services/booking/"]
    # The tiny site's care plan has no question that receives birth-place notes.
    assert article.select_one(".app-bp__handoff") is None
    assert "data-care-plan" not in str(article)


def test_the_widget_reads_the_definition_the_build_wrote(built: Path) -> None:
    definition = (built / "pl" / "birth-place" / "places.json").read_text("utf-8")
    data = json.loads(definition)
    assert data["lang"] == "pl" and data["strings"]["decimal_separator"] == ","
    assert [d["code"] for d in data["districts"]] == ["WR1", "WR11"]
    explorer = Explorer(definition)
    choice = {"parity": "first_birth", "where": "WR11 4AB"}
    reply = json.loads(explorer.explore(json.dumps(choice)))
    assert reply["where"] == "WR11"
    html = reply["html"]
    assert "794" in html and "984" not in html
    assert 'href="../birth-settings/town-labour-ward/"' in html
    later = json.loads(explorer.explore(json.dumps({"parity": "later_birth"})))["html"]
    assert "984" in later and "794" not in later


def messages(data: Path) -> list[str]:
    dataset, problems = load_dataset(data, today=dt.date(2026, 6, 1))
    assert dataset is None
    return [str(p) for p in problems]


def test_figures_that_do_not_add_up_are_reported_on_their_line(tmp_path: Path) -> None:
    data = copy_data(tmp_path)
    edit(data, "birthplace_figures.yml", "{home: 794,", "{home: 795,")
    assert messages(data) == [
        "data/birthplace_figures.yml:28:22: figures[0].per_1000.home: for first_birth at home,"
        " spontaneous_vaginal_birth 795 + instrumental_birth 126 + caesarean_birth 80 = 1001;"
        " the three ways of giving birth must add up to 1000: check each against the source"
    ]


def test_a_repeated_row_and_an_unknown_service_are_reported(tmp_path: Path) -> None:
    data = copy_data(tmp_path)
    edit(
        data,
        "birthplace_figures.yml",
        "  - outcome: instrumental_birth\n    parity: first_birth",
        "  - outcome: spontaneous_vaginal_birth\n    parity: first_birth",
    )
    edit(data, "birthplace_figures.yml", "  - booking", "  - bookng")
    assert messages(data) == [
        "data/birthplace_figures.yml:26:3: figures: first_birth needs a row for each of"
        " instrumental_birth: the page's pictures are drawn from them",
        "data/birthplace_figures.yml:33:14: figures[1]: spontaneous_vaginal_birth for"
        " first_birth is already given on line 26; keep one",
        "data/birthplace_figures.yml:226:5: signposts[0]: no record with this id in"
        ' data/services.yml; did you mean "booking"? (got "bookng")',
    ]


def test_a_bad_or_repeated_district_is_reported(tmp_path: Path) -> None:
    data = copy_data(tmp_path)
    edit(data, "postcode_districts.yml", "code: WR11", "code: WR1")
    assert messages(data) == [
        'data/postcode_districts.yml:7:11: districts[1].code: id "WR1" is already used on'
        " line 3; a district is looked up by its code, so each needs its own"
    ]
    edit(data, "postcode_districts.yml", "code: WR1\n", "code: wr1\n")
    assert messages(data)[0] == (
        "data/postcode_districts.yml:3:11: districts[0].code: expected the first half of a"
        ' postcode in capitals, such as "XY1" or "XY12" (got "wr1")'
    )


def test_a_site_without_the_figures_has_no_birth_place_page(tmp_path: Path) -> None:
    data = copy_data(tmp_path)
    (data / "birthplace_figures.yml").unlink()
    dataset, problems = load_dataset(data, today=dt.date(2026, 6, 1))
    assert dataset is not None and "birth_place" not in dataset.features
    assert problems == []


def test_the_widget_and_the_build_agree_on_the_fixed_lists() -> None:
    """The widget runs in her browser without lmo, so it keeps its own copy of the lists it
    explains and of the definition's format; they must be the build's."""
    from birthplace import definition

    assert definition.SETTING_TYPES == schema.BIRTH_SETTING_TYPES
    assert definition.PARITIES == birth_place_schema.PARITIES
    assert definition.OUTCOMES == birth_place_schema.BIRTH_OUTCOMES
    assert definition.WAYS_OF_GIVING_BIRTH == birth_place_schema.WAYS_OF_GIVING_BIRTH
    assert set(definition.INTERVENTIONS) <= set(birth_place_schema.BIRTH_OUTCOMES)
    assert definition.Definition.FORMAT == birth_place.FORMAT
