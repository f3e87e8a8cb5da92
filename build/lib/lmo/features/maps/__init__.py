"""Maps: where hubs, birth settings and places are, drawn in the browser by one reviewed
script (lmo/features/maps/assets/map.js) from JSON in the page, always beside a plain list of the
same places. Always on: it draws the core's places; the tile server is set in
mkdocs.yml (extra.lmo.map)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from markupsafe import Markup

from lmo.features.contract import Feature
from lmo.features.maps.map_pages import map_block, overview_items, record_items
from lmo.site.contract import SitePart
from lmo.site.render import Renderer


def overview_map(renderer: Renderer, _value: None, title: str) -> Markup:
    return map_block(renderer, "map-overview", overview_items(renderer), title)


def record_map(renderer: Renderer, _value: None, kind: str, record: Any) -> Markup:
    return map_block(
        renderer,
        f"map-{record.id}",
        record_items(renderer, kind, record),
        renderer.plain(record.name),
    )


FEATURE = Feature(
    name="maps",
    summary="maps of hubs, birth settings and places",
    always_on=True,
    site=SitePart(
        templates=Path(__file__).parent / "templates",
        assets=Path(__file__).parent / "assets",
        slots={"overview_map": overview_map, "record_map": record_map},
    ),
)
