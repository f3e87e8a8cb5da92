"""Maps in the built fixture site: self-hosted, listed in text, only where they are used."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from lmo.config.settings import MapSettings, check_settings
from lmo.features.maps.maps import MapPoint, MapWords, draw_map

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
    # A map's data names the tile server, and the attribution's link (a link the reader may
    # follow, not something the page loads).
    attribution_links = re.findall(r'href="([^"]+)"', MapSettings().attribution)
    for path in site.rglob("*.html"):
        for canvas in BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser").select(
            "[data-map]"
        ):
            data = json.loads(canvas["data-map"])
            if not data["tiles"]["url"].startswith(TILES):
                external.append(f"{path.relative_to(site)}: {data['tiles']['url']}")
            for url in re.findall(r'href="([^"]+)"', data["tiles"]["attribution"]):
                if url not in attribution_links:
                    external.append(f"{path.relative_to(site)}: {url}")
    # Our own scripts (the theme's and vendored libraries' mention addresses in comments).
    for script in site.rglob("*.js"):
        if {"vendor", "pyodide", "javascripts"} & set(script.parts):
            continue
        for url in re.findall(r"https?://[^\s\"'`\\]+", script.read_text(encoding="utf-8")):
            external.append(f"{script.relative_to(site)}: {url}")
    for css in site.rglob("*.css"):
        for url in re.findall(r"url\(([^)]+)\)", css.read_text(encoding="utf-8")):
            if re.match(r"^['\"]?(https?:)?//", url):
                external.append(f"{css.relative_to(site)}: {url}")
    assert external == []


def test_leaflet_is_self_hosted_with_its_licence(site: Path) -> None:
    leaflet = site / "assets" / "vendor" / "leaflet"
    [script] = leaflet.glob("leaflet.*.js")  # under its content-hashed name only
    assert re.fullmatch(r"leaflet\.[0-9a-f]{10}\.js", script.name)
    assert script.stat().st_size > 100_000
    assert not (leaflet / "leaflet.js").exists() and not (leaflet / "leaflet.css").exists()
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
    canvases = page.select("[data-map]")
    items = page.select(".app-map__list > li.app-map__item")
    if url == "birth-settings/home-birth":
        assert not canvases and not items  # home birth has no place to map
        assert page.select_one("script[src*=leaflet]") is None
        return
    (canvas,) = canvases
    points = json.loads(canvas["data-map"])["points"]
    assert len(points) == len(items) > 0
    keys = page.select_one(".app-map__list")["data-map-keys"].split()
    assert keys == [li["data-map-key"] for li in items] == [p["key"] for p in points]
    # The map's numbers, names and statuses are the list's, item by item.
    for point, li in zip(points, items, strict=True):
        assert point["number"] == li["value"]
        assert point["name"] == li.select_one("a").get_text()
        assert point["statusLabel"] in li.select_one(".app-status").get_text()
    for li in items:
        assert li.select_one("a[href]") is not None  # its page
        assert li.select_one(".app-status") is not None  # its status, in words
        assert "Google Maps" in li.get_text()  # directions in her own map app
    # Leaflet and the map scripts, each under its content-hashed name, present in the site.
    linked = [str(e["src"]) for e in page.select("script[src]")]
    linked += [str(e["href"]) for e in page.select("link[rel=stylesheet]")]
    for pattern in (
        r"vendor/leaflet/leaflet\.[0-9a-f]{10}\.js",
        r"vendor/leaflet/leaflet\.[0-9a-f]{10}\.css",
        r"lmo/map-groups\.[0-9a-f]{10}\.js",
        r"lmo/map\.[0-9a-f]{10}\.js",
    ):
        [found] = [href for href in linked if re.search(pattern + "$", href)]
        assert (site / url / found).resolve().is_file(), found


def test_overview_map_has_every_hub_and_birth_setting_with_status(site: Path) -> None:
    items = soup(site, "places").select(".app-map__list > li")
    keys = [li["data-map-key"] for li in items]
    assert keys == ["hub-town-hub", "hub-village-hub", "birth_setting-town-labour-ward"]
    planned = items[1]
    assert "Planned: not open yet" in planned.select_one(".app-status").get_text()


def test_pages_without_maps_load_no_map_code(site: Path) -> None:
    for url in ("services", "services/booking", "hubs", "glossary", "pl/services"):
        html = (site / url / "index.html").read_text(encoding="utf-8")
        assert "vendor/leaflet" not in html and "data-map=" not in html, url
        assert "assets/lmo/map" not in html, url


def test_tile_server_is_configurable() -> None:
    # As mkdocs.yml's extra.lmo.map gives it, checked (lmo.config.settings).
    options, problems = check_settings(
        {
            "map": {
                "tiles": "https://tiles.example.nhs.uk/{z}/{x}/{y}.png",
                "attribution": "Example",
                "max_zoom": 17,
            }
        },
        None,
    )
    assert problems == []
    settings = options.maps
    fragment = draw_map([point("a", "A")], settings, "m", WORDS)
    data = json.loads(BeautifulSoup(fragment.html, "html.parser").div["data-map"])
    assert data["tiles"] == {
        "url": "https://tiles.example.nhs.uk/{z}/{x}/{y}.png",
        "attribution": "Example",
        "maxZoom": 17,
    }
    assert settings.tile_origin == "https://tiles.example.nhs.uk"
    assert "openstreetmap" not in fragment.html


WORDS = MapWords(layers={"hub": "Hubs"}, group="Close: {places}", more="More")


def point(key: str, name: str, status: str = "available") -> MapPoint:
    return MapPoint(key, 52.1, -2.2, "hub", "1", status, f"1. {name}", name, "hub", status, "a/")


def test_maps_are_deterministic() -> None:
    points = [point("a", "A", "planned"), point("b", "B")]
    first = draw_map(points, MapSettings(), "m", WORDS)
    assert draw_map(points, MapSettings(), "m", WORDS) == first


HOSTILE = (
    "Hub {{ 7*7 }} {% raw %} </div><script>alert(1)</script> \"' `${x}` "
    "<img src=x onerror=alert(2)> \u2067\\u003c"
)


def test_a_name_is_data_that_cannot_end_the_attribute_or_start_markup() -> None:
    fragment = draw_map([point("a", HOSTILE)], MapSettings(), "m", WORDS)
    parsed = BeautifulSoup(fragment.html, "html.parser")
    # One element, no children: nothing in the name became markup.
    assert [tag.name for tag in parsed.find_all(True)] == ["div"]
    data = json.loads(parsed.div["data-map"])
    assert data["points"][0]["name"] == HOSTILE  # the same text, unevaluated
    assert "49" not in fragment.html
