"""The engine's own files under content-hashed names: how sites link them, and that the
service worker recognises every such name as one it may serve from its store first."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from sitebuild import REPO

from lmo.delivery.offline import REGISTER_SCRIPT, SOURCES
from lmo.delivery.vendor import HASHED_VENDORED_PREFIXES, hashed_vendored_names
from lmo.features import maps
from lmo.site.engine_assets import (
    SITE_ASSETS,
    STYLESHEET,
    WORKER_SCRIPT,
    hashed_name_prefixes,
    linked_stylesheets,
    published_name,
    published_names,
)
from lmo.site.fonts import published_font

MAPS_ASSETS = Path(maps.__file__).parent / "assets"
LEAFLET_NAMES = hashed_vendored_names(REPO / "node_modules")

pytestmark = pytest.mark.unit

PUBLISHED = "assets/" + published_name(STYLESHEET, SITE_ASSETS / STYLESHEET)


def worker_pattern() -> re.Pattern[str]:
    """The pattern the service worker (lmo/delivery/assets/sw.js) serves from its store."""
    source = (SOURCES / "sw.js").read_text(encoding="utf-8")
    found = re.search(r"const CONTENT_HASHED = /(.+)/;", source)
    assert found, "sw.js no longer defines CONTENT_HASHED"
    return re.compile(found[1].replace("\\/", "/"))


@pytest.mark.parametrize(
    ("listed", "linked"),
    [
        ("assets/app.css", PUBLISHED),
        ("./assets/app.css", PUBLISHED),
        ("assets//app.css", PUBLISHED),
        ("/assets/app.css", "/" + PUBLISHED),
    ],
)
def test_every_spelling_of_the_engine_stylesheet_is_linked_by_its_published_name(
    listed: str, linked: str
) -> None:
    assert linked_stylesheets(["assets/site.css", listed]) == ["assets/site.css", linked]


def test_mapping_twice_changes_nothing_and_other_stylesheets_are_left_alone() -> None:
    # on_config runs again for each language mkdocs-static-i18n builds.
    once = linked_stylesheets(["assets/app.css", "assets/app.css.map", "theme/app.css"])
    assert linked_stylesheets(once) == once
    assert once == [PUBLISHED, "assets/app.css.map", "theme/app.css"]


def test_a_changed_file_gets_a_new_name_and_the_same_file_the_same(tmp_path: Path) -> None:
    one, two, again = tmp_path / "one.css", tmp_path / "two.css", tmp_path / "again.css"
    one.write_text("a { color: #005eb8 }", encoding="utf-8")
    two.write_text("a { color: #003087 }", encoding="utf-8")
    again.write_text("a { color: #005eb8 }", encoding="utf-8")
    names = [published_name(STYLESHEET, file) for file in (one, two, again)]
    assert names[0] == names[2] != names[1]
    assert all(re.fullmatch(r"lmo/app\.[0-9a-f]{10}\.css", name) for name in names)
    # A file with a plain name keeps it.
    assert published_name("widgets/care-plan.js", one) == "widgets/care-plan.js"


def test_the_service_worker_serves_every_hashed_name_from_its_store() -> None:
    pattern = worker_pattern()
    hashed = [
        PUBLISHED,
        REGISTER_SCRIPT,
        "assets/" + published_name(WORKER_SCRIPT, SITE_ASSETS / WORKER_SCRIPT),
        *(f"assets/{name}" for name in published_names([MAPS_ASSETS]).values()),
        *LEAFLET_NAMES.values(),
    ]
    # The fonts and their stylesheets: every file a page fetches from the fonts folder.
    for code in ("ur", "bn"):
        font = published_font(code, REPO / "node_modules")
        assert font is not None
        hashed += [font.stylesheet, *font.preloads]
        hashed += [f"assets/{name}" for name in font.files if name.endswith(".woff2")]
    for name in hashed:
        assert pattern.search(name), name
    # ...and nothing with a plain name, which must come from the network when there is one.
    for plain in (
        "assets/app.css",
        "assets/map.js",
        "assets/widgets/care-plan.js",
        "assets/vendor/fonts/ur.css",
        "assets/vendor/leaflet/leaflet.css",
        "assets/vendor/leaflet/images/layers.png",
    ):
        assert not pattern.search(plain), plain


def test_the_long_cache_prefixes_cover_the_hashed_names_and_no_plain_one() -> None:
    prefixes = [f"assets/{prefix}" for prefix in hashed_name_prefixes()]
    assert any(PUBLISHED.startswith(prefix) for prefix in prefixes)
    assert not any("assets/app.css".startswith(prefix) for prefix in prefixes)
    assert not any("assets/lmo/other.css".startswith(prefix) for prefix in prefixes)
    maps_names = published_names([MAPS_ASSETS])
    assert sorted(maps_names) == ["map-groups.js", "map.js"]
    for plain, name in maps_names.items():
        assert re.fullmatch(r"lmo/map(-groups)?\.[0-9a-f]{10}\.js", name), name
        assert sum(f"assets/{name}".startswith(prefix) for prefix in prefixes) == 1, name
        assert not any(f"assets/{plain}".startswith(prefix) for prefix in prefixes), plain
    # Leaflet's: its script and stylesheet under the long rule, its images and licence not.
    vendored = [f"assets/{prefix}" for prefix in HASHED_VENDORED_PREFIXES]
    assert sorted(LEAFLET_NAMES) == [("leaflet", "leaflet.css"), ("leaflet", "leaflet.js")]
    for name in LEAFLET_NAMES.values():
        assert any(name.startswith(p) for p in vendored), name
    for plain in ("images/layers.png", "LICENSE.txt"):
        assert not any(f"assets/vendor/leaflet/{plain}".startswith(p) for p in vendored), plain
