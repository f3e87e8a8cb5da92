"""Maps in the built fixture site: self-hosted, listed in text, only where they are used."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from lmo.maps import MapPoint, MapSettings, draw_map

TILES = "https://tile.openstreetmap.org"


@pytest.fixture
def site(tiny_site: Path) -> Path:
    return tiny_site / "site"


def soup(site: Path, url: str) -> BeautifulSoup:
    return BeautifulSoup((site / url / "index.html").read_text(encoding="utf-8"), "html.parser")


def test_no_asset_is_loaded_from_outside_the_site(site: Path) -> None:
    external = []
    for path in site.rglob("*.html"):
        page = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        for tag, attr in (
            ("script", "src"),
            ("link", "href"),
            ("img", "src"),
            ("iframe", "src"),
            ("source", "src"),
        ):
            for element in page.find_all(tag):
                value = element.get(attr) or ""
                if (
                    tag == "link"
                    and "stylesheet" not in (element.get("rel") or [])
                    and ("preload" not in (element.get("rel") or []))
                ):
                    continue
                if re.match(r"^(https?:)?//", value):
                    external.append(f"{path.relative_to(site)}: {value}")
    # Map scripts name the tile server, and the attribution's link (a link the reader may
    # follow, not something the page loads).
    attribution_links = re.findall(r'href="([^"]+)"', MapSettings().attribution)
    for script in site.rglob("maps/*.js"):
        for url in re.findall(r"https?://[^\s\"'`\\]+", script.read_text(encoding="utf-8")):
            if not url.startswith(TILES) and url not in attribution_links:
                external.append(f"{script.relative_to(site)}: {url}")
    for css in site.rglob("*.css"):
        for url in re.findall(r"url\(([^)]+)\)", css.read_text(encoding="utf-8")):
            if re.match(r"^['\"]?(https?:)?//", url):
                external.append(f"{css.relative_to(site)}: {url}")
    assert external == []


def test_leaflet_is_self_hosted_with_its_licence(site: Path) -> None:
    leaflet = site / "assets" / "vendor" / "leaflet"
    assert (leaflet / "leaflet.js").stat().st_size > 100_000
    assert "BSD" in (leaflet / "LICENSE.txt").read_text(encoding="utf-8")


@pytest.mark.parametrize(
    "url",
    [
        "places",
        "hubs/town-hub",
        "birth-settings/home-birth",
        "places/village-centre",
        "pl/places",
        "pl/hubs/village-hub",
    ],
)
def test_each_map_lists_every_place_it_shows(site: Path, url: str) -> None:
    page = soup(site, url)
    scripts = " ".join(
        (site / url / s["src"]).resolve().read_text(encoding="utf-8")
        for s in page.select("script[src*='maps/']")
    )
    markers = scripts.count("L.marker(")
    items = page.select(".app-map__list > li.app-map__item")
    if url == "birth-settings/home-birth":
        assert markers == 0 and not items  # home birth has no place to map
        assert page.select_one("script[src*=leaflet]") is None
        return
    assert markers == len(items) > 0
    keys = page.select_one(".app-map__list")["data-map-keys"].split()
    assert keys == [li["data-map-key"] for li in items]
    for li in items:
        assert li.select_one("a[href]") is not None  # its page
        assert li.select_one(".app-status") is not None  # its status, in words
        assert "Google Maps" in li.get_text()  # directions in her own map app
    assert page.select_one("script[src$='leaflet.js']") is not None
    assert page.select_one("link[href$='leaflet.css']") is not None


def test_overview_map_has_every_hub_and_birth_setting_with_status(site: Path) -> None:
    items = soup(site, "places").select(".app-map__list > li")
    keys = [li["data-map-key"] for li in items]
    assert keys == ["hub-town-hub", "hub-village-hub", "birth_setting-town-labour-ward"]
    planned = items[1]
    assert "Planned: not open yet" in planned.select_one(".app-status").get_text()


def test_pages_without_maps_load_no_map_code(site: Path) -> None:
    for url in ("services", "services/booking", "hubs", "glossary", "pl/services"):
        html = (site / url / "index.html").read_text(encoding="utf-8")
        assert "vendor/leaflet" not in html and "L.map(" not in html, url


def test_tile_server_is_configurable() -> None:
    settings = MapSettings.from_extra(
        {
            "tiles": "https://tiles.example.nhs.uk/{z}/{x}/{y}.png",
            "attribution": "Example",
            "max_zoom": 17,
        }
    )
    point = MapPoint("a", 52.1, -2.2, "hub", "1", "available", "A", "<p>A</p>")
    fragment = draw_map([point], settings, "m", {})
    assert "https://tiles.example.nhs.uk/{z}/{x}/{y}.png" in fragment.script
    assert '"maxZoom": 17' in fragment.script
    assert settings.tile_origin == "https://tiles.example.nhs.uk"
    assert "openstreetmap" not in fragment.script


def test_maps_are_deterministic() -> None:
    points = [
        MapPoint("a", 52.1, -2.2, "hub", "1", "planned", "A", "<p>A</p>"),
        MapPoint("b", 52.2, -2.1, "place", "2", "available", "B", "<p>B</p>"),
    ]
    first = draw_map(points, MapSettings(), "m", {"hub": "Hubs"})
    assert draw_map(points, MapSettings(), "m", {"hub": "Hubs"}) == first
