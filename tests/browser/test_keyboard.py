"""Keyboard-only use of the pages' interactive parts."""

from __future__ import annotations

from typing import Any

from harness import wait_until


def test_skip_link_is_first_and_moves_to_the_content(example_url: str, page: Any) -> None:
    page.goto(example_url + "hubs/")
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.textContent.trim()")
    assert focused == "Skip to content"
    page.keyboard.press("Enter")
    assert page.evaluate("location.hash") == "#community-hubs"


def test_urgent_phone_numbers_are_reachable_by_tab(example_url: str, page: Any) -> None:
    page.goto(example_url + "services/")
    phones = page.eval_on_selector_all(".app-urgent a.app-phone", "els => els.map(e => e.href)")
    assert phones, "the urgent box lists the triage lines"
    reached = set()
    for _ in range(60):
        page.keyboard.press("Tab")
        href = page.evaluate("document.activeElement.href || ''")
        if href.startswith("tel:"):
            reached.add(href)
        if reached >= set(phones):
            break
    assert reached >= set(phones)


def test_wide_tables_scroll_by_keyboard(example_url: str, page: Any) -> None:
    # On a phone the comparison is one card per setting (nothing to scroll); on a desktop it
    # is a table, and the Polish one, with its longer labels, is wider than its column.
    page.set_viewport_size({"width": 1280, "height": 800})
    page.goto(example_url + "pl/birth-settings/")
    region = page.locator(".app-table-wrap").first
    region.focus()
    assert page.evaluate("document.activeElement.classList.contains('app-table-wrap')")
    assert region.evaluate("el => el.scrollWidth > el.clientWidth"), "the table is wider"
    assert region.evaluate("el => el.scrollLeft") == 0
    page.keyboard.press("ArrowRight")
    # Scrolling may be animated: wait until the region has moved.
    wait_until(page, "document.activeElement.scrollLeft > 0", timeout_ms=5000)
