"""Maps in Chromium with the tile server blocked: markers drawn, reachable by keyboard,
no keyboard trap, no marker covering another, and no request to any host but the site and
the tile server."""

from __future__ import annotations

import json
from typing import Any

import pytest
from harness import wait_until, without_javascript

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
    # Attached, not visible: the first marker may be hidden inside a group marker. Groups
    # are made in the same task that adds the markers.
    page.wait_for_selector(".leaflet-marker-icon", state="attached")
    return offsite


PLACE_MARKERS = ".leaflet-marker-icon:not(.app-marker--group)"
SHOWN_MARKERS = """() => Array.from(document.querySelectorAll('.leaflet-marker-icon'))
    .filter(e => e.offsetParent !== null)
    .map(e => { const r = e.getBoundingClientRect();
                return { label: e.getAttribute('aria-label') || '',
                         group: e.classList.contains('app-marker--group'),
                         left: r.left, right: r.right, top: r.top, bottom: r.bottom }; })"""


# Leaflet's zoom-level element: its transform changes when the map zooms.
PROXY_TRANSFORM = "document.querySelector('.leaflet-proxy').style.transform"


def list_names(page: Any) -> list[str]:
    items = page.locator(".app-map__list > li")
    return [items.nth(i).locator("a").first.inner_text() for i in range(items.count())]


@pytest.mark.parametrize("path", MAP_PAGES)
def test_map_draws_the_listed_markers_and_nothing_leaves_the_site(
    example_url: str, page: Any, path: str
) -> None:
    offsite = open_blocking_tiles(page, example_url + path)
    markers = page.locator(PLACE_MARKERS)
    labels = [markers.nth(i).get_attribute("aria-label") for i in range(markers.count())]
    names = list_names(page)
    assert len(labels) == len(names) > 0
    for label, name in zip(labels, names, strict=True):
        assert name in label
    # Each place is on the map either as its own marker or inside a group marker's name.
    shown = " | ".join(m["label"] for m in page.evaluate(SHOWN_MARKERS))
    assert all(name in shown for name in names)
    assert offsite == []


@pytest.mark.parametrize("width", [320, 412])
def test_no_marker_covers_another(browser: Any, example_url: str, width: int) -> None:
    context = browser.new_context(viewport={"width": width, "height": 700})
    page = context.new_page()
    open_blocking_tiles(page, example_url + "places/")
    shown = page.evaluate(SHOWN_MARKERS)
    assert any(m["group"] for m in shown), "the overview should need groups on a phone"
    for i, one in enumerate(shown):
        for other in shown[i + 1 :]:
            overlap_x = min(one["right"], other["right"]) - max(one["left"], other["left"])
            overlap_y = min(one["bottom"], other["bottom"]) - max(one["top"], other["top"])
            assert overlap_x <= 0 or overlap_y <= 0, f"{one['label']} / {other['label']}"
    context.close()


def test_a_group_marker_zooms_in_and_hands_focus_to_its_first_place(
    example_url: str, page: Any
) -> None:
    open_blocking_tiles(page, example_url + "places/")
    group = page.locator(".leaflet-marker-icon.app-marker--group").first
    label = group.get_attribute("aria-label") or ""
    shown, name = label.split(". ", 1)
    assert shown == group.inner_text().strip()  # label in name: "8+2. ..."
    first_place = name.split(": ", 1)[1].split(";")[0]
    zoom = page.evaluate(PROXY_TRANSFORM)
    group.focus()
    page.keyboard.press("Enter")
    # Until the focus has moved on from the group (polled by wait_until: wait_for_function
    # evaluates a string, which the CSP refuses).
    wait_until(
        page,
        f"(document.activeElement.getAttribute('aria-label') || '') !== {json.dumps(label)}",
        30_000,
    )
    focused = page.evaluate("document.activeElement.getAttribute('aria-label') || ''")
    assert page.evaluate(PROXY_TRANSFORM) != zoom, "the map did not zoom in"
    assert first_place in focused and focused != label


def test_every_marker_is_reached_by_tab_and_the_map_is_no_trap(example_url: str, page: Any) -> None:
    open_blocking_tiles(page, example_url + "places/")
    total = len(page.evaluate(SHOWN_MARKERS))
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
    everything_reached = " | ".join(reached)
    assert all(name in everything_reached for name in list_names(page))
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


def test_without_javascript_the_list_is_the_page(browser: Any, example_url: str) -> None:
    with without_javascript(browser, example_url + "places/") as (page, _):
        assert not page.locator(".app-map").is_visible()
        assert page.locator(".app-map__list > li").first.is_visible()


def test_the_maps_space_does_not_wait_for_the_theme_script(example_url: str, page: Any) -> None:
    # The map's frame is laid out from the first paint whenever scripts run; if it waited for
    # the theme's script (which swaps the "no-js" class) it would push the page down when
    # that script ran, a layout shift on every map page. Refusing that script shows it.
    page.route("**/assets/javascripts/bundle.*", lambda route: route.abort())
    page.goto(example_url + "places/")
    assert page.evaluate("document.documentElement.classList.contains('no-js')")
    assert page.locator(".app-map").is_visible()


def test_on_a_360_px_phone_a_tapped_marker_opens_its_popup(browser: Any, example_url: str) -> None:
    # Leaflet and the map scripts load by their hashed names (the page names them), and a
    # finger on a small screen reaches a marker and gets the place's name and link.
    context = browser.new_context(
        viewport={"width": 360, "height": 740}, is_mobile=True, has_touch=True
    )
    try:
        page = context.new_page()
        open_blocking_tiles(page, example_url + "hubs/kidderminster-hub/")
        marker = page.locator(PLACE_MARKERS).first
        marker.scroll_into_view_if_needed()
        marker.tap()
        popup = page.locator(".leaflet-popup-content")
        popup.wait_for()
        assert "Kidderminster" in popup.inner_text()
        assert popup.locator("a[href]").count() >= 1
    finally:
        context.close()
