"""Maps as data: each map's places are JSON in the page, drawn by one static script.

A map is a container element whose ``data-map`` attribute holds what the map shows
(centre, tile server, the places with their labels and links). ``assets/map.js`` (published
as ``assets/lmo/map.<hash>.js``), a file reviewed like any other code and the same on every
site, reads it with ``JSON.parse`` and
builds every marker, tooltip and popup with DOM text nodes, never ``innerHTML``.

Why not Folium, which drew the maps before: Folium (through branca) compiles each map's
finished script as a new Jinja template, after record names and labels are already in it,
so a hub called ``{{ 7*7 }}`` ran as code on the build machine and as script on the site.
Here a name is data from end to end: the build never hands it to a template compiler, and
the browser never parses it as markup. It also costs no template compile per map, and the
map cannot disagree with its page: the page carries it.

A map is only ever an addition: every page that shows one also lists the same places as
text (``lmo/site/templates/components.j2``), which is all a reader without JavaScript or a
screen-reader user needs.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from markupsafe import escape

from lmo.config.settings import MapSettings


@dataclass(frozen=True)
class MapPoint:
    """One marker: everything it shows is also in the page's list of places. Every field is
    plain text; the script puts it on the page as text."""

    key: str  # unique on the page, such as "hub-town-hub"
    lat: float
    lon: float
    kind: str  # hub, birth_setting, place
    number: str  # shown in the marker and matching the list: "3"
    status: str  # available, planned, ...
    label: str  # accessible name: "3. Town community hub: community hub, Planned"
    name: str  # the popup's heading
    kind_label: str  # "community hub", in the page's language
    status_label: str  # "Planned: not open yet", in the page's language
    url: str  # the record's page, relative to the page the map is on


@dataclass(frozen=True)
class MapWords:
    """The map's own words, in the page's language."""

    layers: dict[str, str]  # kind -> the layer control's name for it
    group: str  # a group marker's name, with "{places}" where its places' labels go
    more: str  # the popup's link to the place's page


@dataclass(frozen=True)
class MapFragment:
    map_id: str
    html: str  # the map's container, carrying its data


def map_data(points: list[MapPoint], settings: MapSettings, words: MapWords) -> dict[str, Any]:
    """What assets/map.js needs to draw the map, as JSON-ready values."""
    kinds = list(dict.fromkeys(p.kind for p in points))
    return {
        "tiles": {
            "url": settings.tiles,
            "attribution": settings.attribution,
            "maxZoom": settings.max_zoom,
        },
        "center": [
            round(sum(p.lat for p in points) / len(points), 6),
            round(sum(p.lon for p in points) / len(points), 6),
        ],
        "layers": [{"kind": kind, "name": words.layers.get(kind, kind)} for kind in kinds],
        "groupLabel": words.group,
        "more": words.more,
        "points": [
            {
                "key": p.key,
                "lat": p.lat,
                "lon": p.lon,
                "kind": p.kind,
                "number": p.number,
                "status": p.status,
                "label": p.label,
                "name": p.name,
                "kindLabel": p.kind_label,
                "statusLabel": p.status_label,
                "url": p.url,
            }
            for p in points
        ],
    }


def element_name(map_id: str) -> str:
    """The container's id, as the maps have always been named ("map-x" -> "map_map_x")."""
    return "map_" + map_id.replace("-", "_")


def draw_map(
    points: list[MapPoint], settings: MapSettings, map_id: str, words: MapWords
) -> MapFragment:
    """The map's container: an empty element whose ``data-map`` attribute carries the
    places as JSON. The attribute is HTML-escaped like any other text, so nothing in a name
    can end it or start markup; the script reads it back with JSON.parse."""
    payload = json.dumps(
        map_data(points, settings, words), ensure_ascii=False, separators=(",", ":")
    )
    element = element_name(map_id)
    container = (
        f'<div class="app-map__canvas" id="{escape(element)}" data-map="{escape(payload)}"></div>'
    )
    return MapFragment(map_id=element, html=container)
