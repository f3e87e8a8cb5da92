"""The care-plan drafter's page and files in a built site, and the data file's checks."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from careplan.api import Drafter
from sitebuild import copy_data, edit

from lmo.delivery.pyodide_runtime import RUNTIME_FILES
from lmo.pipeline import load_dataset


@pytest.fixture
def built(tiny_site: Path) -> Path:
    return tiny_site / "site"


def soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def test_the_page_is_a_plain_form_in_each_language(built: Path) -> None:
    for lang_dir in (built, built / "pl"):
        page = soup(lang_dir / "care-plan" / "index.html")
        article = page.select_one("article")
        assert article is not None
        assert article.find("form") is None, "nothing she writes can be submitted"
        questions = [q["data-question"] for q in article.select("[data-question]")]
        assert questions == ["what-matters", "interpreter", "place", "pain-relief", "own-questions"]
        # Every field has a visible label or legend, and "not sure yet" is always there.
        for field in article.select("textarea, select, input[type=checkbox], input[type=radio]"):
            if field.get("id") == "plan-import":
                continue
            assert article.select_one(f'label[for="{field["id"]}"]') is not None, field["id"]
        assert article.select_one("#plan-q-what-matters-not-sure") is not None
        assert article.select_one('#plan-q-interpreter-not-sure[value="not-sure"]') is not None
        assert article.select_one('#plan-q-place option[value="not-sure"]') is not None
        places = [o["value"] for o in article.select("#plan-q-place optgroup option")]
        assert sorted(places) == ["home-birth", "town-labour-ward"]
        assert article.select_one(".app-plan__tools")["hidden"] is not None
        assert "999" in article.select_one(".app-notice--safety").get_text()
        signposts = article.select(".app-plan__signposts a")
        assert [a["href"] for a in signposts] == ["../services/feeding/"]


def test_only_the_widget_page_loads_the_widget(built: Path) -> None:
    for page in built.rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        is_widget_page = page.parent.name in ("care-plan", "birth-place")
        assert ("assets/widgets/care-plan.js" in html) == (page.parent.name == "care-plan"), page
        assert ("assets/widgets/python-widget.js" in html) == is_widget_page, page
        assert "pyodide" not in html.replace('data-pyodide="', "") or is_widget_page, page


def test_the_runtime_and_the_wheel_are_self_hosted_and_compressed(built: Path) -> None:
    for name in RUNTIME_FILES:
        assert (built / "assets" / "pyodide" / name).is_file(), name
    assert (built / "assets" / "pyodide" / "pyodide.asm.wasm.br").is_file()
    assert (built / "assets" / "widgets" / "careplan-1.0.0-py3-none-any.whl.br").is_file()
    tag = soup(built / "pl" / "care-plan" / "index.html").select_one("script[data-wheel]")
    assert tag["src"] == "../../assets/widgets/care-plan.js"
    assert tag["data-pyodide"] == "../../assets/pyodide/"
    assert tag["data-wheel"] == "../../assets/widgets/careplan-1.0.0-py3-none-any.whl"


def test_the_definition_pairs_her_language_with_english(built: Path) -> None:
    definition = json.loads((built / "pl" / "care-plan" / "plan.json").read_text("utf-8"))
    assert definition["lang"] == "pl" and definition["dir"] == "ltr"
    prompt = definition["sections"][0]["questions"][0]["prompt"]
    assert prompt == {"local": "Co jest dla ciebie ważne?", "en": "What matters to you?"}
    # Not translated yet: English in both, never an empty question.
    untranslated = definition["sections"][1]["questions"][0]["prompt"]
    english = "Where would you like to give birth?"
    assert untranslated == {"local": english, "en": english}
    assert definition["settings"]["town-labour-ward"]["url"].endswith(
        "/pl/birth-settings/town-labour-ward/"
    )
    assert set(definition["services"]) == {"feeding"}


def test_the_widget_python_reads_the_definition_the_build_wrote(built: Path) -> None:
    """The build and the widget agree on the format (the browser test runs the rest)."""
    drafter = Drafter((built / "pl" / "care-plan" / "plan.json").read_text("utf-8"))
    answers = json.dumps({"what-matters": {"text": "Spokój"}, "place": {"not_sure": True}})
    page = json.loads(drafter.export(answers, "bilingual", "2026-06-01T09:00:00Z"))["content"]
    assert '<td lang="pl" dir="ltr">Co jest dla ciebie ważne?</td>' in page
    assert '<td lang="en">What matters to you?</td>' in page


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        (
            "      - id: interpreter\n",
            "      - id: what-matters\n",
            'data/care_plan.yml:13:13: sections[0].questions[1].id: id "what-matters" is already'
            " used on line 8; saved plans find their answers by id, so each needs its own",
        ),
        (
            "      - feeding\n",
            "      - feedng\n",
            "data/care_plan.yml:22:9: sections[0].signposts[0]: no record with this id in"
            ' data/services.yml; did you mean "feeding"? (got "feedng")',
        ),
        (
            '          - id: "no"\n            label: No, thank you\n',
            "",
            "data/care_plan.yml:13:9: sections[0].questions[1]: a question with 'kind: choice'"
            " needs at least two 'options' (got a mapping (key: value lines))",
        ),
    ],
)
def test_mistakes_in_the_plan_file_are_reported_on_their_line(
    tmp_path: Path, old: str, new: str, expected: str
) -> None:
    data = copy_data(tmp_path)
    edit(data, "care_plan.yml", old, new)
    dataset, problems = load_dataset(data, today=dt.date(2026, 6, 1))
    assert dataset is None
    assert [str(p) for p in problems] == [expected]


def test_a_site_without_a_plan_file_has_no_drafter(tmp_path: Path) -> None:
    data = copy_data(tmp_path)
    (data / "care_plan.yml").unlink()
    dataset, problems = load_dataset(data, today=dt.date(2026, 6, 1))
    # Its translations are left behind, and said to be: delete them with the file.
    assert [p.path for p in problems] == ["translations.care_plan.about-me.what-matters.prompt"]
    assert dataset is None
    edit(data, "translations/pl.yml", "  care_plan.about-me.what-matters.prompt:", "  unused:")
    (data / "translations" / "pl.yml").write_text(
        (data / "translations" / "pl.yml").read_text("utf-8").split("  unused:")[0], "utf-8"
    )
    dataset, problems = load_dataset(data, today=dt.date(2026, 6, 1))
    assert problems == [] and dataset is not None and "care_plan" not in dataset.features
