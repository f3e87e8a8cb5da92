"""Maps in Chromium with the tile server blocked: markers drawn, reachable by keyboard,
no keyboard trap, and no request to any host but the site and the tile server."""

from __future__ import annotations

from typing import Any

import pytest

TILE_ORIGIN = "https://tile.openstreetmap.org"
MAP_PAGES = [
    "places/",
    "hubs/kidderminster-hub/",
    "birth-settings/worcestershire-royal-birth-centre/",
    "pl/places/",
    "ur/places/",
]


def open_blocking_tiles(page: Any, url: str) -> list[str]:
    """Open a page with tiles refused; returns every off-site request other than tiles."""
    offsite: list[str] = []
    site = "/".join(url.split("/", 3)[:3])

    def handle(route: Any) -> None:
        request_url = route.request.url
        if request_url.startswith(TILE_ORIGIN):
            route.abort()
        elif not request_url.startswith(site):
            offsite.append(request_url)
            route.abort()
        else:
            route.continue_()

    page.route("**/*", handle)
    page.goto(url)
    page.wait_for_selector(".leaflet-marker-icon")
    return offsite


@pytest.mark.parametrize("path", MAP_PAGES)
def test_map_draws_the_listed_markers_and_nothing_leaves_the_site(
    example_url: str, page: Any, path: str
) -> None:
    offsite = open_blocking_tiles(page, example_url + path)
    markers = page.locator(".leaflet-marker-icon")
    items = page.locator(".app-map__list > li")
    assert markers.count() == items.count() > 0
    labels = [markers.nth(i).get_attribute("aria-label") for i in range(markers.count())]
    names = [items.nth(i).locator("a").first.inner_text() for i in range(items.count())]
    for label, name in zip(labels, names, strict=True):
        assert name in label
    assert offsite == []


def test_every_marker_is_reached_by_tab_and_the_map_is_no_trap(example_url: str, page: Any) -> None:
    open_blocking_tiles(page, example_url + "places/")
    total = page.locator(".leaflet-marker-icon").count()
    page.locator(".app-map__skip").focus()
    reached = set()
    left_the_map = False
    for _ in range(total + 40):
        page.keyboard.press("Tab")
        state = page.evaluate(
            """() => { const el = document.activeElement;
                return { label: el.getAttribute('aria-label') || '',
                         inMap: !!el.closest('.app-map'),
                         marker: el.classList.contains('leaflet-marker-icon') }; }"""
        )
        if state["marker"]:
            reached.add(state["label"])
        if not state["inMap"]:
            left_the_map = True
            break
    assert len(reached) == total
    assert left_the_map


def test_skip_link_jumps_past_the_map_to_the_list(example_url: str, page: Any) -> None:
    open_blocking_tiles(page, example_url + "places/")
    skip = page.locator(".app-map__skip")
    skip.focus()
    assert skip.is_visible()
    page.keyboard.press("Enter")
    assert page.evaluate("location.hash") == "#map-overview-list"


def test_marker_popup_opens_by_keyboard(example_url: str, page: Any) -> None:
    open_blocking_tiles(page, example_url + "hubs/kidderminster-hub/")
    page.locator(".leaflet-marker-icon").first.focus()
    page.keyboard.press("Enter")
    popup = page.locator(".leaflet-popup-content")
    popup.wait_for()
    assert "Kidderminster" in popup.inner_text()
