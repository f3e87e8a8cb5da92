"""The published side of MNVP feedback: what the build refuses, and the pages it makes."""

from __future__ import annotations

import datetime as dt
import gettext
import subprocess
import sys
from pathlib import Path
from types import SimpleNamespace

import pytest
from bs4 import BeautifulSoup
from sitebuild import copy_data, edit

from lmo.features.feedback.pages import FeedbackView
from lmo.features.feedback.validate import FeedbackData
from lmo.pipeline import load_dataset

TODAY = dt.date(2026, 6, 1)
SUMMARY = "feedback/2026-27-q1.yml"


@pytest.fixture
def data(tmp_path: Path) -> Path:
    return copy_data(tmp_path)


def errors(data: Path) -> list[str]:
    _, problems = load_dataset(data, today=TODAY)
    return [str(p) for p in problems if p.severity == "error"]


def test_raw_rows_are_refused(data: Path) -> None:
    edit(
        data,
        SUMMARY,
        "quotes:\n",
        "rows:\n  - submitted: 2026-05-01\n    comment: my baby was born at 3am\nquotes:\n",
    )
    assert errors(data) == [
        "data/feedback/2026-27-q1.yml:39:1: rows: 'rows' belongs to raw survey responses, which"
        " must never be in the repository or on the site: publish only the summary written by"
        " 'make feedback', and delete this"
    ]


def test_raw_fields_inside_a_quote_are_refused(data: Path) -> None:
    edit(
        data,
        SUMMARY,
        "    stage: birth\n",
        "    stage: birth\n    consent_to_publish: no\n",
    )
    found = errors(data)
    assert len(found) == 1
    assert "quotes[0].consent_to_publish: 'consent_to_publish' belongs to raw" in found[0]


def test_any_field_outside_the_schema_is_refused(data: Path) -> None:
    edit(data, SUMMARY, "\nby_rating:", "\nmedian_age: 31\nby_rating:")
    found = errors(data)
    assert len(found) == 1 and "unknown field 'median_age'" in found[0]


def test_a_count_from_1_to_4_is_refused(data: Path) -> None:
    edit(data, SUMMARY, "  neither: fewer than 5\n  poor", "  neither: 3\n  poor")
    found = errors(data)
    assert len(found) == 1
    assert found[0] == (
        "data/feedback/2026-27-q1.yml:12:12: by_rating.neither: a count from 1 to 4 could"
        ' identify someone: publish it as "fewer than 5" (got 3)'
    )


def test_filling_in_a_hidden_count_is_refused(data: Path) -> None:
    # poor is "not shown"; putting its true value back lets a reader subtract the rest.
    edit(data, SUMMARY, "  poor: not shown\n", "  poor: 13\n")
    found = errors(data)
    assert found, "a table that reveals small counts must not build"
    assert all("let a reader work out this 'fewer than 5' count" in f for f in found)
    assert any("by_rating.neither" in f for f in found)


def test_counts_that_do_not_add_up_are_refused(data: Path) -> None:
    edit(data, SUMMARY, "  very_good: 30\n  good: 15\n", "  very_good: 90\n  good: 15\n")
    found = errors(data)
    assert len(found) == 1 and "do not add up" in found[0]


def test_hiding_the_number_of_responses_is_refused(data: Path) -> None:
    edit(data, SUMMARY, "responses: 60\npercent_positive: 75\n", "responses: not shown\n")
    assert errors(data) == [
        "data/feedback/2026-27-q1.yml:7:12: responses: the number of responses is always"
        " published: run 'make feedback' again instead of editing counts (got \"not shown\")"
    ]


def test_a_percentage_on_a_small_base_is_refused(data: Path) -> None:
    edit(data, SUMMARY, "    responses: 60\n", "    responses: not shown\n")
    found = errors(data)
    assert any(
        "by_setting[0].percent_positive: no percentage on fewer than 20 responses" in f
        for f in found
    )


def test_an_approved_quote_with_an_identifier_is_refused(data: Path) -> None:
    edit(
        data,
        SUMMARY,
        "The midwives were kind and explained everything.",
        "Ring me on 01632 960123, the midwives were kind.",
    )
    # Approved as it stands (its fingerprint is of these words): the identifier check still
    # refuses it.
    edit(data, SUMMARY, "fingerprint: 3abf7dcde4b7", "fingerprint: f0f12e1d9ebc")
    found = errors(data)
    assert found == [
        "data/feedback/2026-27-q1.yml:40:11: quotes[0].text: this approved quote contains a UK"
        ' phone number ("01632 960123"): remove the quote'
    ]


def test_a_quote_waiting_for_approval_is_refused(data: Path) -> None:
    # What 'make feedback' once wrote for every candidate: public in the pull request.
    edit(data, SUMMARY, "    approved_by: MNVP chair\n    approved_on: 2026-05-20\n", "")
    assert errors(data) == [
        "data/feedback/2026-27-q1.yml:40:5: quotes[0].approved_by: required field is missing:"
        " add 'approved_by:'",
        "data/feedback/2026-27-q1.yml:40:5: quotes[0].approved_on: required field is missing:"
        " add 'approved_on:'",
    ]


def test_an_approval_needs_a_named_approver(data: Path) -> None:
    edit(data, SUMMARY, "approved_by: MNVP chair", 'approved_by: "  "')
    assert errors(data) == [
        "data/feedback/2026-27-q1.yml:44:18: quotes[0].approved_by: write who approved this"
        ' quote, a role such as "MNVP chair": a quote is published only once a person has'
        ' approved it (got "")'
    ]


def test_an_approval_dated_after_today_is_refused(data: Path) -> None:
    edit(data, SUMMARY, "approved_on: 2026-05-20", "approved_on: 2026-06-02")
    assert errors(data) == [
        "data/feedback/2026-27-q1.yml:45:18: quotes[0].approved_on: the approval date is after"
        ' today (2026-06-01): write the day the quote was approved, such as "2026-06-01"'
        ' (got "2026-06-02")'
    ]


def test_an_approval_dated_with_no_real_day_is_refused(data: Path) -> None:
    edit(data, SUMMARY, "approved_on: 2026-05-20", "approved_on: 2026-02-30")
    assert errors(data) == [
        "data/feedback/2026-27-q1.yml:45:18: quotes[0].approved_on: expected a real date"
        ' written year-month-day, such as "2026-03-31" (got "2026-02-30")'
    ]


def test_a_quote_edited_after_approval_is_refused(data: Path) -> None:
    edit(data, SUMMARY, "explained everything.", "explained everything twice.")
    assert errors(data) == [
        "data/feedback/2026-27-q1.yml:40:11: quotes[0].text: the words differ from the ones"
        " approved (the fingerprint is of other words), so the approval no longer holds: put"
        " the words back exactly, or delete the quote and approve the new words from the"
        " review report"
    ]


def test_done_needs_evidence_and_not_adopted_needs_a_reason(data: Path) -> None:
    edit(
        data,
        "you_said_we_did.yml",
        "    evidence:\n      title: Board paper, October 2026\n"
        "      url: https://example.org/board/2026-10\n",
        "",
    )
    edit(data, "you_said_we_did.yml", "    status: planned", "    status: not_adopted")
    assert errors(data) == [
        "data/you_said_we_did.yml:5:5: actions[0]: an action marked 'done' needs 'evidence'"
        " (title and, if public, url): done without evidence is not done",
        "data/you_said_we_did.yml:14:5: actions[1]: an action marked 'not_adopted' needs"
        " 'reason': say why",
    ]


def test_an_export_in_the_summaries_folder_is_refused(data: Path) -> None:
    (data / "feedback" / "export.csv").write_text("submitted,comment\n", encoding="utf-8")
    assert errors(data) == [
        "data/feedback/export.csv:1:1: only summary files (.yml) written by 'make feedback'"
        " belong in this folder: raw exports must never be in the repository; delete it"
    ]


# --- pages -----------------------------------------------------------------------------------


@pytest.fixture
def built(tiny_site: Path) -> Path:
    return tiny_site / "site"


def page(built: Path, path: str) -> BeautifulSoup:
    return BeautifulSoup((built / path / "index.html").read_text(encoding="utf-8"), "html.parser")


def test_quarter_page_shows_only_what_is_published(built: Path) -> None:
    soup = page(built, "feedback-summaries/2026-27-q1")
    main = soup.select_one("article") or soup
    text = main.get_text(" ", strip=True)
    assert "April 2026 to June 2026" in soup.h1.get_text()
    assert "60 women and families" in text and "75% rated it good or very good" in text
    table = next(t for t in main.select("table") if "Responses by answer" in t.caption.get_text())
    cells = {r.th.get_text(strip=True): r.td.get_text(strip=True) for r in table.select("tbody tr")}
    assert cells["Neither good nor poor"] == "fewer than 5"
    assert cells["Poor"] == "not shown"
    assert cells["All responses"] == "60"
    # The approved quote is published; the one awaiting approval is not.
    quotes = [q.get_text(strip=True) for q in main.select("blockquote")]
    assert quotes == ["The midwives were kind and explained everything."]
    assert "never shown" not in text
    assert "Nobody answered about neonatal care." in text


def test_chart_is_an_image_with_title_description_and_no_hidden_bars(built: Path) -> None:
    soup = page(built, "feedback-summaries/2026-27-q1")
    svg = soup.select_one("svg.app-chart")
    assert svg is not None and svg["role"] == "img"
    title_id, desc_id = svg["aria-labelledby"].split()
    assert svg.find(id=title_id).name == "title" and "How women rated" in svg.title.get_text()
    assert svg.find(id=desc_id).name == "desc" and "table below" in svg.desc.get_text()
    # Six answers; bars only for the three published counts (zero gets a hairline).
    assert len(svg.select("rect")) == 3
    hidden = [t.get_text() for t in svg.select("text.app-chart__value--hidden")]
    assert sorted(hidden) == ["fewer than 5", "fewer than 5", "not shown"]


def test_index_has_summaries_actions_and_the_complaint_difference(built: Path) -> None:
    soup = page(built, "feedback-summaries")
    text = soup.get_text(" ", strip=True)
    assert "it is not a complaint" in text
    links = {a.get_text(strip=True): a["href"] for a in soup.select("a")}
    assert links["How to raise a concern or complain"].endswith("feedback-and-concerns/")
    actions = {li["id"]: li.get_text(" ", strip=True) for li in soup.select("li.app-action")}
    assert "Board paper, October 2026" in actions["action-shorter-waits"]
    assert "Done" in actions["action-shorter-waits"]
    assert "(Theme: Waiting)" in actions["action-shorter-waits"]
    assert "Theme:" not in actions["action-night-parking"]
    # Planned, due 31 March 2026, and today is 1 June 2026.
    assert "Overdue" in actions["action-night-parking"]
    assert "Overdue" not in actions["action-shorter-waits"]


def test_trends_page_has_both_charts_and_their_table(built: Path) -> None:
    soup = page(built, "feedback-summaries/trends")
    assert [s["id"] for s in soup.select("svg.app-chart")] == ["chart-responses", "chart-positive"]
    rows = soup.select("table tbody tr")
    assert len(rows) == 1 and "60" in rows[0].get_text()


def test_polish_pages_exist_and_keep_the_quote_in_english(built: Path) -> None:
    soup = page(built, "pl/feedback-summaries/2026-27-q1")
    quote = soup.select_one("blockquote")
    assert quote is not None and quote.get("lang") == "en"


def test_a_right_to_left_chart_is_mirrored_so_labels_stay_on_screen() -> None:
    from lmo.features.feedback.charts import WIDTH, Bar, bar_chart

    bars = [Bar("بہت اچھا", 10, "10"), Bar("برا", None, "fewer than 5")]
    soup = BeautifulSoup(str(bar_chart("c", "t", "d", bars, rtl=True)), "html.parser")
    svg = soup.svg
    assert svg["direction"] == "rtl"
    # Text anchored at its start is anchored at the right in right-to-left text: every label
    # starts near the right edge, and the bar ends there.
    assert all(float(t["x"]) > WIDTH / 2 for t in svg.select("text.app-chart__label"))
    rect = svg.rect
    assert float(rect["x"]) + float(rect["width"]) <= WIDTH and float(rect["x"]) > 0
    ltr = BeautifulSoup(str(bar_chart("c", "t", "d", bars)), "html.parser").svg
    assert ltr["direction"] == "ltr" and ltr.rect["x"] == "0"


def test_counts_are_grouped_the_way_each_language_writes_numbers() -> None:
    def view(lang: str) -> FeedbackView:
        ctx = SimpleNamespace(lang=lang, translations=gettext.NullTranslations())
        data = FeedbackData(themes=[], summaries=[], actions=None)
        return FeedbackView(SimpleNamespace(ctx=ctx), data)  # type: ignore[arg-type]

    assert [view(lang).count(12345) for lang in ("en", "pl", "ro", "ur")] == [
        "12,345",
        "12\xa0345",
        "12.345",
        "12,345",
    ]
    assert view("pl").count(60) == "60"
    assert view("en").count("fewer than 5") == "fewer than 5"
    assert view("en").percent(None) == "not shown" and view("en").percent(75) == "75%"
    # Lithuanian and Romanian put a no-break space before the sign (CLDR).
    assert [view(lang).percent(87) for lang in ("en", "pl", "lt", "ro", "ur")] == [
        "87%",
        "87%",
        "87\xa0%",
        "87\xa0%",
        "87%",
    ]


def test_summaries_that_passed_their_audit_before_are_checked_without_the_solver(
    data: Path,
) -> None:
    """Every site build checks the summaries; the audit of a summary that passed before is
    remembered (keyed on the rules' source), so the build need not load numpy and the solver,
    about a tenth of a second of each build. The first check may audit; a second process
    checking the same summaries must not load them."""
    assert errors(data) == []
    code = (
        "import datetime, sys\n"
        "from pathlib import Path\n"
        "from lmo.pipeline import load_dataset\n"
        f"ds, problems = load_dataset(Path({str(data)!r}), today=datetime.date(2026, 6, 1))\n"
        "assert ds is not None and ds.features.get('feedback') is not None\n"
        "print(sorted(m for m in ('numpy', 'scipy') if m in sys.modules))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
