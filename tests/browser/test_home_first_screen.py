"""The home page on the first screen of a phone (360 x 640, the example served by nginx):
the urgent contacts, how to book and where to give birth are within the first 640 px, and
the changes it lists are the ones that affect her now, never the 2018 plan's old limits."""

from __future__ import annotations

import datetime as dt
import re
import time
from collections.abc import Iterator
from typing import Any

import pytest
from harness import FONTS_SETTLED, REPO, csp_watched_tab, fonts_drawing, wait_until

from lmo.config.project import today_from_environment
from lmo.data.dataset import DataSet
from lmo.pipeline import load_dataset
from lmo.site.addresses import page_url
from lmo.site.fonts import NASTALIQ
from lmo.site.views import RECENT_DAYS

PHONE = {"width": 360, "height": 640}
LANGUAGES = ["", "ur/"]  # English, and Urdu, right to left


@pytest.fixture(scope="module")
def example() -> DataSet:
    dataset, _ = load_dataset(REPO / "data", display_prefix="data/")
    assert dataset is not None
    return dataset


@pytest.fixture
def phone(browser: Any) -> Iterator[Any]:
    """A 360 x 640 tab; any refusal by the site's Content-Security-Policy fails the test."""
    context = browser.new_context(viewport=PHONE)
    with csp_watched_tab(context) as tab:
        yield tab


def open_home(phone: Any, url: str) -> Any:
    """The home page, at its top. Urdu's Nastaliq draws a page only if it is there for the
    first layout (lmo.site.fonts), so a first visit over a slow line shows the phone's Naskh;
    the Urdu layout measured here is the one she has from her second page on, with the font
    in the cache."""
    if url.endswith("/ur/"):
        phone.goto(url + "hubs/")
        wait_until(phone, FONTS_SETTLED)
    phone.goto(url)
    if url.endswith("/ur/"):
        # A busy machine can miss the first layout even with the font cached (a first visit
        # without it is the strict xfail below): reloaded until Chromium says Nastaliq drew
        # the first answers, which is what she has from her second page on.
        where_to_give_birth = ".app-home-first a[href$='birth-settings/']"
        for _ in range(5):
            if NASTALIQ.family in fonts_drawing(phone, where_to_give_birth):
                break
            phone.reload()
        else:
            raise AssertionError("Nastaliq never drew the Urdu home page, even from the cache")
    phone.evaluate("window.scrollTo(0, 0)")
    return phone


def boxes_below_first_screen(phone: Any, selector: str) -> list[str]:
    """Each element matching ``selector`` that is not wholly within the first screen, with
    its text and where it is; an empty list when every one is seen without scrolling."""
    found = phone.locator(selector)
    assert found.count() > 0, f"nothing matches {selector}"
    late = []
    for i in range(found.count()):
        box = found.nth(i).bounding_box()
        if box is None or box["y"] < 0 or box["y"] + box["height"] > PHONE["height"]:
            late.append(f"{found.nth(i).inner_text()!r} at {box}")
    return late


@pytest.mark.parametrize("lang", LANGUAGES, ids=["en", "ur"])
def test_the_urgent_numbers_are_on_the_first_screen(
    example_url: str, phone: Any, lang: str, example: DataSet
) -> None:
    open_home(phone, example_url + lang)
    numbers = phone.locator(".app-urgent a.app-phone[href^='tel:']")
    shown = {numbers.nth(i).get_attribute("href") for i in range(numbers.count())}
    # Each unit's maternity triage line, and 999.
    expected = {"tel:" + line.phone.replace(" ", "") for line in example.lmns.triage_lines}
    assert expected | {"tel:999"} <= shown
    assert boxes_below_first_screen(phone, ".app-urgent__lines a.app-phone") == []
    assert boxes_below_first_screen(phone, ".app-urgent__call a.app-phone") == []
    assert boxes_below_first_screen(phone, ".app-urgent__emergency > summary") == []


@pytest.mark.parametrize(
    "lang",
    # In Urdu the machine-translation notice (about 190 px) follows the first answers
    # (lmo.site.chrome.FIRST_ANSWERS_END), so they still fit.
    ["", "ur/"],
    ids=["en", "ur"],
)
def test_how_to_book_and_where_to_give_birth_are_on_the_first_screen(
    example_url: str, phone: Any, lang: str, example: DataSet
) -> None:
    open_home(phone, example_url + lang)
    assert first_answers_below_first_screen(phone, example) == []


def first_answers_below_first_screen(phone: Any, example: DataSet) -> list[str]:
    """How to book (the page and the phone number) and where to give birth, each that is
    not wholly on the first screen."""
    spa = example.services[example.lmns.single_point_of_access]
    booking = f".app-home-first a[href$='{page_url('services', spa.id)}']"
    assert spa.access.phone
    booking_phone = f".app-home-first a[href='tel:{spa.access.phone.replace(' ', '')}']"
    birth = ".app-home-first a[href$='birth-settings/']"
    return [
        *boxes_below_first_screen(phone, booking),
        *boxes_below_first_screen(phone, booking_phone),
        *boxes_below_first_screen(phone, birth),
    ]


@pytest.mark.xfail(
    strict=True,
    reason="KNOWN GAP, found 2026-12-07: on her first Urdu page over a slow line the"
    " Nastaliq file misses the first layout (font-display: optional), the page is drawn in"
    " the phone's Naskh under Nastaliq's line spacing, and 'where to give birth' ends at"
    " 655.7 px of a 640 px screen. Take this mark off when the layout fits.",
)
def test_on_her_first_urdu_page_over_a_slow_line_the_first_answers_are_on_the_first_screen(
    example_url: str, phone: Any, example: DataSet
) -> None:
    def font_arriving_late(route: Any) -> None:
        time.sleep(1.5)  # Chrome holds the first layout for an optional font 0.1 s at most
        route.continue_()

    phone.route(re.compile(r"/assets/vendor/fonts/.+\.woff2$"), font_arriving_late)
    phone.goto(example_url + "ur/")
    phone.evaluate("window.scrollTo(0, 0)")
    assert first_answers_below_first_screen(phone, example) == []


def now_or_recent(status: Any, today: dt.date) -> bool:
    """Confirmed within RECENT_DAYS and not over: the changes the home page must show."""
    over = status.effective_to is not None and status.effective_to < today
    return not over and status.as_of >= today - dt.timedelta(days=RECENT_DAYS)


@pytest.mark.parametrize("lang", LANGUAGES, ids=["en", "ur"])
def test_the_home_page_lists_only_the_changes_that_affect_her_now(
    example_url: str, phone: Any, lang: str, example: DataSet
) -> None:
    today = today_from_environment()  # the build's today: the example is built unpinned
    changed = [(c, r) for c, r in example.records() if r.status.state != "available"]
    old = [(c, r) for c, r in changed if r.status.as_of < today - dt.timedelta(days=RECENT_DAYS)]
    assert old, "the example has no old change: this test would prove nothing"
    open_home(phone, example_url + lang)
    links = phone.locator(".app-home-changes a")
    listed = {links.nth(i).get_attribute("href") for i in range(links.count())}

    def on_page(collection: str, record_id: str) -> bool:
        return any(href.endswith(page_url(collection, record_id)) for href in listed)

    old_listed = [r.id for c, r in old if on_page(c, r.id)]
    assert old_listed == [], f"changes older than {RECENT_DAYS} days on the home page"
    missing = [r.id for c, r in changed if now_or_recent(r.status, today) and not on_page(c, r.id)]
    assert missing == []
    # Every other change is one tap away.
    phone.locator(".app-home-changes__all a").click()
    # The address changes when the new page is committed, before it is parsed: wait for the
    # page itself, or the count below may look at a page with nothing in it yet.
    phone.wait_for_url(re.compile(re.escape(lang + "changes/") + "$"), wait_until="load")
    for c, r in old:
        assert phone.locator(f"article a[href$='{page_url(c, r.id)}']").count() > 0
