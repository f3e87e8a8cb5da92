"""The birth-place page end to end in Chromium, served by nginx with the production
Content-Security-Policy, driven by keyboard only. Pyodide is the real npm package, run in
the page's worker; the figures and places come from the example site's data.

The network log is kept for the whole visit: nothing she enters (where she lives, her
notes) may leave the browser, and every request stays on the site."""

from __future__ import annotations

import re
from typing import Any

import pytest
import yaml
from harness import (
    assert_nothing_left_the_site,
    describe,
    press_button,
    record_requests,
    run_axe,
    tab_to,
    wait_until,
    without_javascript,
)
from sitebuild import REPO

from lmo.data.schema import BIRTH_SETTING_TYPES as TYPES
from lmo.features.birth_place.schema import BIRTH_OUTCOMES as OUTCOMES

PAGE = "birth-place/"
WHERE = "WR11 4AB"  # Evesham; only its district (WR11) is ever used
NOTES = "Chciałabym basen porodowy KX77-private"
SECRETS = ("KX77-private", "basen", "WR11", "4AB")
READY_MS = 120_000


def figures(parity: str) -> dict[str, dict[str, int]]:
    data = yaml.safe_load((REPO / "data" / "birthplace_figures.yml").read_text("utf-8"))
    return {r["outcome"]: r["per_1000"] for r in data["figures"] if r["parity"] == parity}


def no_axe_violations(page: Any, state: str) -> None:
    violations = run_axe(page)
    assert violations == [], f"{state}:\n{describe(violations)}"


def show(page: Any) -> None:
    """Press the page's button by keyboard and wait for her results, which take focus."""
    press_button(page, 'button[data-action="show"]')
    heading = page.locator("#bp-results-title")
    heading.wait_for(timeout=READY_MS)
    wait_until(page, "document.activeElement.id === 'bp-results-title'")


def ways_sentence(page: Any, kind: str) -> str:
    return str(page.locator(f"#bp-{kind} ~ figure figcaption").first.text_content())


def miles_in_order(page: Any, kind: str) -> list[int]:
    """The distances listed for one setting type, in the order the page lists them."""
    items = page.locator(f'section[aria-labelledby="bp-{kind}"] .app-bp__places > li')
    found = []
    for text in items.all_text_contents():
        match = re.search(r"About (\d+) miles|Less than 1 mile", text)
        assert match is not None, f"no distance for {text!r}"
        found.append(int(match.group(1) or 0))
    return found


@pytest.fixture
def log(page: Any) -> list[dict[str, Any]]:
    return record_requests(page)


@pytest.mark.axe
def test_first_baby_and_a_district_by_keyboard_then_later_births_then_the_care_plan(
    example_url: str, page: Any, log: list[dict[str, Any]]
) -> None:
    page.goto(example_url + PAGE)
    assert page.locator(".app-bp__tool").is_visible()
    assert not page.locator(".app-bp__nojs").is_visible()
    assert not [r for r in log if "/assets/pyodide/" in r["url"]], "Pyodide before first use"
    no_axe_violations(page, "empty")

    tab_to(page, "#bp-parity-first")
    page.keyboard.press("Space")
    tab_to(page, "#bp-matters-birth_pool")
    page.keyboard.press("Space")
    tab_to(page, "#bp-matters-fewer_interventions")
    page.keyboard.press("Space")
    tab_to(page, "#bp-where")
    page.keyboard.type(WHERE)
    show(page)

    first = figures("first_birth")
    for kind in TYPES:
        sentence = ways_sentence(page, kind)
        ways = ("spontaneous_vaginal_birth", "instrumental_birth", "caesarean_birth")
        # "...: out of every 1,000 women, 794 had ..., 126 had ... and 80 had ..."
        assert [int(n) for n in re.findall(r"\d+", sentence)][-3:] == [
            first[w][kind] for w in ways
        ], (kind, sentence)
    results = page.locator(".app-bp__results")
    text = results.inner_text()
    assert "984" not in text, "no later-birth figures for a first baby"
    # Every figure in her tables shows its source and whether it is confirmed.
    rows = results.locator("tbody tr")
    assert rows.count() == 4 * 8
    for row in rows.all_inner_texts():
        assert "NICE guideline NG235" in row and ("Checked" in row or "Awaiting" in row), row
    # Places of each type are nearest first, with straight-line distances from WR11.
    assert "approximate centre of WR11" in text
    for kind in ("freestanding_midwifery_unit", "alongside_midwifery_unit", "obstetric_unit"):
        miles = miles_in_order(page, kind)
        assert miles and miles == sorted(miles), (kind, miles)
    # What matters to her marks the interventions rows, and never reorders places.
    assert results.locator(".app-bp__row--matters").count() == 4 * 4
    no_axe_violations(page, "first-birth results")

    # Not her first baby: the later-birth figures instead.
    tab_to(page, "#bp-parity-first")
    page.keyboard.press("ArrowDown")  # radios: the arrow keys move the choice
    assert page.locator("#bp-parity-later").is_checked()
    show(page)
    later = figures("later_birth")
    text = results.inner_text()
    assert f"{later['spontaneous_vaginal_birth']['home']}" in ways_sentence(page, "home")
    assert "794" not in text

    # Her notes go to her care plan on this device, and the care plan picks them up.
    tab_to(page, "#bp-notes")
    page.keyboard.type(NOTES)
    press_button(page, 'button[data-action="handoff"]')
    link = page.locator(".app-bp__handoff-done a")
    link.wait_for(timeout=READY_MS)
    wait_until(page, "document.activeElement.matches('.app-bp__handoff-done a')")
    no_axe_violations(page, "handed off")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/care-plan/$"))
    received = page.locator('[data-receives="birth_place_notes"]')
    received.wait_for()
    wait_until(page, "document.querySelector('[data-receives=\"birth_place_notes\"]').value !== ''")
    note = received.input_value()
    assert NOTES in note and "If you have given birth before" in note
    assert "Nearest to WR11:" in note
    assert page.evaluate("() => Object.keys(localStorage).length") == 0, "handed over once"

    assert_nothing_left_the_site(log, example_url, SECRETS)


@pytest.mark.axe
def test_an_unknown_place_is_said_plainly_and_a_complication_is_acknowledged(
    example_url: str, page: Any
) -> None:
    page.goto(example_url + PAGE)
    tab_to(page, "#bp-complication-no")  # Tab enters a radio group at its first option
    page.keyboard.press("ArrowDown")
    assert page.locator("#bp-complication-yes").is_checked()
    tab_to(page, "#bp-where")
    page.keyboard.type("Atlantis")
    page.keyboard.press("Enter")  # Enter in the box shows the results too
    page.locator("#bp-results-title").wait_for(timeout=READY_MS)
    text = page.locator(".app-bp__results").inner_text()
    assert "“Atlantis” is not in this website's list" in text
    assert "These figures are for women with straightforward pregnancies" in text
    assert "If this is your first baby" in text and "If you have given birth before" in text
    no_axe_violations(page, "unknown place")


def test_the_page_is_complete_without_javascript(browser: Any, example_url: str) -> None:
    with without_javascript(browser, example_url + PAGE) as (page, requests):
        assert page.locator(".app-bp__nojs").is_visible()
        assert not page.locator(".app-bp__tool").is_visible()
        tables = page.locator("table.app-bp__all")
        assert tables.count() == 2
        for table, parity in zip(tables.all(), ("first_birth", "later_birth"), strict=True):
            expected = figures(parity)
            rows = table.locator("tbody tr")
            assert rows.count() == len(OUTCOMES)
            for i, outcome in enumerate(OUTCOMES):
                cells = rows.nth(i).locator("td").all_inner_texts()
                # Each cell has its figure (on a phone after the name of its column, which has
                # no digits); the labour ward's "moved" figure says it is a move from one labour
                # ward to another.
                numbers = [int(re.search(r"\d+", c).group()) for c in cells[:4]]
                assert numbers == [expected[outcome][k] for k in TYPES]
                assert "NICE guideline NG235" in cells[4], (parity, outcome)
        places = page.locator(".app-bp__places > li")
        assert places.count() >= 6, "every birth setting in the data, by type"
        assert not [u for u in requests if "/assets/pyodide/" in u or "/assets/widgets/" in u]
