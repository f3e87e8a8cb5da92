"""Every table of the example site reads on a phone, in every language: at 320, 360 and 390 px
no word inside a cell is split across lines, and no page is wider than the screen.

A word is split when its own line boxes, measured with a DOM Range, sit on more than one line:
that is what "Worcestershire" broken letter by letter down a narrow column looks like to the
browser. Only text the reader can see is measured (a cell hidden by the comparison is not read).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

WIDTHS = (320, 360, 390)

# One evaluation per page: every visible cell's words, each measured with a Range. Two of a
# word's boxes are on different lines when they do not overlap vertically (a fallback font for
# one letter may sit a pixel higher on the same line, which is not a split). A line may end
# after a word's own hyphen ("într-" / "o"), as in any paragraph: each part is measured alone.
MEASURE = """() => {
  const splits = [];
  const onDifferentLines = (a, b) => a.bottom <= b.top + 1 || b.bottom <= a.top + 1;
  for (const cell of document.querySelectorAll("article table th, article table td")) {
    if (!cell.getClientRects().length) continue;
    const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      for (const match of node.data.matchAll(/[^\\s\\-\u2010]+[\\-\u2010]?/g)) {
        const range = document.createRange();
        range.setStart(node, match.index);
        range.setEnd(node, match.index + match[0].length);
        const boxes = [...range.getClientRects()].filter((r) => r.width > 0 && r.height > 0);
        if (boxes.some((a) => boxes.some((b) => onDifferentLines(a, b)))) {
          splits.push(match[0]);
        }
      }
    }
  }
  return {
    splits,
    cells: document.querySelectorAll("article table th, article table td").length,
    overflow: document.documentElement.scrollWidth - window.innerWidth,
  };
}"""


@dataclass
class Reading:
    pages: list[str] = field(default_factory=list)
    cells: int = 0
    # "page at width px" -> the words split there
    splits: dict[str, list[str]] = field(default_factory=dict)
    # "page at width px" -> how many pixels wider than the screen
    overflow: dict[str, int] = field(default_factory=dict)


def pages_with_tables(site: Path) -> list[str]:
    return sorted(
        p.relative_to(site).as_posix().removesuffix("index.html")
        for p in site.rglob("*.html")
        if "<table" in p.read_text("utf-8")
    )


def read_tables(browser: Any, base_url: str, pages: list[str]) -> Reading:
    """Each page is loaded once, at the narrowest width, then laid out again at each wider
    one: the tables' layout is the stylesheet's alone (media and container queries, no
    script), so resizing lays them out as a load at that width would, for a third of the
    page loads. (The sweep reloads at each of its widths: the theme's script lays out the
    sidebars as the page loads.)"""
    reading = Reading(pages=pages)
    # As in the sweep (sweep.py): no service worker, which costs each load more than the
    # tables' layout and changes nothing a table's cells are laid out by.
    context = browser.new_context(
        viewport={"width": WIDTHS[0], "height": 800}, service_workers="block"
    )
    tab = context.new_page()
    for path in pages:
        tab.goto(base_url + path)
        for width in WIDTHS:
            tab.set_viewport_size({"width": width, "height": 800})
            found = tab.evaluate(MEASURE)
            reading.cells += found["cells"]
            where = f"{path or '/'} at {width} px"
            if found["splits"]:
                reading.splits[where] = found["splits"]
            if found["overflow"] > 0:
                reading.overflow[where] = found["overflow"]
    context.close()
    return reading


@pytest.fixture(scope="module")
def reading(browser: Any, example_site: Path, example_url: str) -> Iterator[Reading]:
    yield read_tables(browser, example_url, pages_with_tables(example_site))


def test_every_language_s_tables_are_read(reading: Reading) -> None:
    for page in ("birth-settings/", "birth-place/", "feedback-summaries/trends/"):
        for lang in ("", "pl/", "lt/", "ro/", "ur/"):
            assert lang + page in reading.pages
    assert reading.cells > 1000


def test_no_word_is_split_inside_a_table_cell(reading: Reading) -> None:
    total = sum(len(words) for words in reading.splits.values())
    assert reading.splits == {}, f"{total} words split across lines:\n" + "\n".join(
        f"{where}: {', '.join(words[:8])}" for where, words in reading.splits.items()
    )


def test_no_table_page_is_wider_than_the_screen(reading: Reading) -> None:
    assert reading.overflow == {}


# Where each card of the first comparison is, and what it shows.
CARDS = """() => [...document.querySelector(".app-table--compare").tBodies[0].rows].map((row) => {
  const box = row.getBoundingClientRect();
  return {
    name: row.cells[0].textContent.trim(),
    left: box.left, right: box.right, top: box.top,
    facts: [...row.querySelectorAll("td:not(.app-compare__cell)")]
      .filter((cell) => cell.getClientRects().length).length,
    label: getComputedStyle(row.querySelector(".app-table__label")).display,
  };
})"""


@pytest.mark.parametrize(("lang", "width"), [("", 320), ("ur/", 360), ("pl/", 390)])
def test_compare_puts_the_chosen_settings_side_by_side_without_javascript(
    browser: Any, example_url: str, lang: str, width: int
) -> None:
    context = browser.new_context(
        java_script_enabled=False, viewport={"width": width, "height": 800}
    )
    tab = context.new_page()
    tab.goto(example_url + lang + "birth-settings/")
    before = tab.evaluate(CARDS)
    # Every setting is a card with all seven facts, each named.
    assert len(before) >= 3
    assert all(card["facts"] == 7 and card["label"] != "none" for card in before)
    assert len({round(card["top"]) for card in before}) == len(before)

    picks = tab.locator(".app-table--compare").first.locator(".app-compare__choose")
    picks.nth(2).click()  # by mouse
    picks.nth(0).focus()
    tab.keyboard.press("Space")  # by keyboard
    after = tab.evaluate(CARDS)
    chosen = [after[2]["name"], after[0]["name"]]
    by_top = sorted(after, key=lambda card: (round(card["top"]), card["left"]))
    # The chosen come first, side by side on one line, in the page's reading direction.
    first, second = by_top[0], by_top[1]
    assert {first["name"], second["name"]} == set(chosen)
    assert round(first["top"]) == round(second["top"])
    rtl = lang == "ur/"
    in_order = [
        c["name"] for c in sorted(by_top[:2], key=lambda c: -c["left"] if rtl else c["left"])
    ]
    assert in_order == [before[0]["name"], before[2]["name"]]
    assert first["facts"] == second["facts"] == 7
    # The others fold to their names and ticks, so a third can still be chosen.
    assert all(card["facts"] == 0 for card in after if card["name"] not in chosen)
    assert tab.evaluate(MEASURE)["splits"] == []
    # Nothing is cut off: the comparison fits its region. (The page itself is not measured
    # here: without JavaScript the theme's language menu sticks out of a 320 px page.)
    region = tab.locator(".app-table-wrap--cards").first
    assert region.evaluate("wrap => wrap.scrollWidth - wrap.clientWidth") <= 0
    context.close()


def test_where_there_is_room_the_comparison_stays_a_table(browser: Any, example_url: str) -> None:
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    tab = context.new_page()
    tab.goto(example_url + "birth-settings/")
    shown = tab.evaluate(
        """() => {
          const table = document.querySelector(".app-table--compare");
          return {
            display: getComputedStyle(table).display,
            ticks: table.querySelectorAll(".app-compare__pick").length,
            visibleTicks: [...table.querySelectorAll(".app-compare__pick")]
              .filter((tick) => tick.getClientRects().length).length,
            labels: [...table.querySelectorAll(".app-table__label")]
              .filter((label) => label.getClientRects().length).length,
          };
        }"""
    )
    assert shown == {"display": "table", "ticks": shown["ticks"], "visibleTicks": 0, "labels": 0}
    assert shown["ticks"] >= 3
    context.close()
