"""The search index is fetched, and the theme's search worker started, when she goes to
search, not on every page view (lmo/site/inline/search-on-demand.js), and search works as
before from every way in: a click in the desktop header's box, a tap on the phone's search
button, the keyboard, a shared search address (?q=) and a followed result's highlighted
words (?h=).

The sweep (test_accessibility.py) checks that no page of the example asks for the index or
the worker as it loads; these tests check that asking for them later still gives results."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

import pytest
from harness import (
    SEARCH_WORKER,
    add_axe_if_marked,
    csp_watched_tab,
    record_requests,
    tab_to,
    wait_for_service_worker,
    wait_until,
)

from lmo.delivery.search_split import INDEX

PHONE_SEARCH_BUTTON = ".md-header__button[for=__search]"
SEARCH_BOX = "input.md-search__input"
RESULT_LINKS = ".md-search-result__item a"
CONTEXTS: dict[str, dict[str, Any]] = {
    "click": {"viewport": {"width": 1280, "height": 800}},
    "tap": {"viewport": {"width": 360, "height": 740}, "has_touch": True, "is_mobile": True},
    "keyboard": {"viewport": {"width": 1280, "height": 800}},
    "keyboard-shortcut": {"viewport": {"width": 390, "height": 844}},
}


# Each way in once, English and Polish (a language's own index, a letter off the keyboard)
# twice each: every way was tried in both languages once and passed; each case costs a tab.
WAYS_AND_LANGUAGES = [
    ("click", ""),
    ("tap", "pl/"),
    ("keyboard", "pl/"),
    ("keyboard-shortcut", ""),
]
QUERIES = {"": "midwi", "pl/": "położn"}


@pytest.fixture
def tab(browser: Any, way: str, request: pytest.FixtureRequest) -> Iterator[Any]:
    context = browser.new_context(**CONTEXTS[way])
    add_axe_if_marked(context, request)
    with csp_watched_tab(context) as page:
        yield page


def index_requests(requests: list[dict[str, Any]]) -> list[str]:
    """The addresses of the search index among ``requests`` (harness.record_requests)."""
    return [r["url"] for r in requests if r["url"].split("?", 1)[0].endswith(INDEX)]


def worker_requests(requests: list[dict[str, Any]]) -> list[str]:
    """The addresses of the theme's search worker script among ``requests``."""
    return [r["url"] for r in requests if SEARCH_WORKER.search(r["url"].split("?", 1)[0])]


def results_for(page: Any, query: str) -> list[str]:
    """The result links once the theme has answered ``query`` itself, not a part of it typed
    earlier: each result's link carries the words it was found by (?h=)."""
    try:
        wait_until(
            page,
            f"""Array.from(document.querySelectorAll({RESULT_LINKS!r}))
                 .some(a => new URL(a.href).searchParams.get("h") === {json.dumps(query)})""",
            timeout_ms=15000,
        )
    except AssertionError as error:
        # What the page showed. The offline search below failed in 3 of 24 runs of this file
        # alone (2026-12-08), with both files in the service worker's cache; in one, the box
        # held "ożnpoł" for "położn" (her letters out of order) and the theme said there were
        # no results. The cause is not yet known.
        shown = page.evaluate(
            f"""[document.querySelector({SEARCH_BOX!r})?.value,
                 document.querySelector('.md-search-result__meta')?.textContent]"""
        )
        raise AssertionError(
            f"{error}; the box held {shown[0]!r}, the theme said {shown[1]!r}"
        ) from None
    return list(page.eval_on_selector_all(RESULT_LINKS, "els => els.map(e => e.href)"))


def open_search(page: Any, way: str) -> None:
    """Go to the search as she would, and leave the focus in its box."""
    if way == "click":
        page.click(SEARCH_BOX)
    elif way == "tap":
        page.locator(PHONE_SEARCH_BUTTON).tap()
    elif way == "keyboard":
        tab_to(page, SEARCH_BOX)
    else:
        # The theme's shortcut, on a phone-width page where the box is hidden until then.
        page.keyboard.press("/")
    wait_until(page, f"document.activeElement === document.querySelector({SEARCH_BOX!r})")


@pytest.mark.parametrize("way,lang", WAYS_AND_LANGUAGES)
def test_the_index_is_fetched_when_she_goes_to_search_and_her_first_words_are_searched(
    example_url: str, tab: Any, way: str, lang: str
) -> None:
    query = QUERIES[lang]
    requests = record_requests(tab)
    tab.goto(example_url + lang)
    # The theme's script has run: it asks for the index as it starts, if it is let.
    wait_until(tab, "document.documentElement.classList.contains('js')")
    assert index_requests(requests) == [], "the page asked for the index before she searched"
    assert worker_requests(requests) == [], "the page started the search worker before she searched"
    open_search(tab, way)
    # Typed at once, with a key event for each letter, while the index may still be on its
    # way: the theme searches what is in the box once the index is built.
    tab.keyboard.type(query)
    links = results_for(tab, query)
    assert all(link.startswith(example_url + lang) for link in links), links[:3]
    # Her language's index, once, and the one search worker.
    assert index_requests(requests) == [example_url + lang + INDEX]
    assert len(worker_requests(requests)) == 1, worker_requests(requests)


def test_a_shared_search_address_shows_its_results(example_url: str, page: Any) -> None:
    requests = record_requests(page)
    page.goto(example_url + "?q=midwi")
    assert results_for(page, "midwi")
    assert index_requests(requests) == [example_url + INDEX]


def test_a_followed_result_highlights_her_words(example_url: str, page: Any) -> None:
    # A result's link carries her words (?h=); the page marks them, which needs the index's
    # settings (what separates words), so the index is fetched at once on such a page.
    requests = record_requests(page)
    page.goto(example_url + "pl/?h=położn")
    marked = wait_until(
        page,
        "Array.from(document.querySelectorAll('mark[data-md-highlight]'), m => m.textContent)"
        ".filter(t => t.length > 0).length",
        timeout_ms=15000,
    )
    assert marked > 0
    assert index_requests(requests) == [example_url + "pl/" + INDEX]


def test_a_search_made_with_signal_works_again_offline(example_url: str, page: Any) -> None:
    # The index and the search worker's script are fetched only when she searches; the
    # service worker keeps both as they pass, so her next search on that page needs no signal.
    home = example_url + "pl/"
    page.goto(home)
    wait_for_service_worker(page)
    page.goto(home)  # now through the service worker
    open_search(page, "keyboard-shortcut")
    page.keyboard.type(QUERIES["pl/"])
    assert results_for(page, QUERIES["pl/"])
    # Offline, only what the service worker kept may answer: the browser's own cache would
    # also serve the worker's script (its name carries its hash), and a phone may empty it.
    page.context.new_cdp_session(page).send("Network.clearBrowserCache")
    page.context.set_offline(True)
    try:
        page.goto(home)
        assert page.locator(".app-saved-copy").is_visible()  # the page is the saved copy
        open_search(page, "keyboard-shortcut")
        page.keyboard.type(QUERIES["pl/"])
        links = results_for(page, QUERIES["pl/"])
        assert all(link.startswith(home) for link in links), links[:3]
    finally:
        page.context.set_offline(False)
