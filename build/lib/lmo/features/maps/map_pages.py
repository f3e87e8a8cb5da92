"""Which places each page's map shows, and the list of the same places beside it.

The list is the primary content: numbered, with name, kind, status, address, how to get
there and directions links. The map draws the same numbers, so "3" on the map is item 3
in the list, in every language.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from markupsafe import Markup

from lmo.features.maps.maps import MapPoint, MapWords, draw_map

if TYPE_CHECKING:
    from lmo.site.render import Renderer

KIND_COLLECTION = {"hub": "hubs", "birth_setting": "birth_settings", "place": "places"}


@dataclass(frozen=True)
class MapItem:
    number: int
    kind: str  # hub, birth_setting, place
    record: Any
    place: Any
    lat: float
    lon: float


def _spread(items: list[tuple[str, Any, Any]]) -> list[MapItem]:
    """Number the items; markers that share a position are set around it in a small ring
    (positions are town centres anyway), so every marker can be seen and clicked."""
    seen: dict[tuple[float, float], list[int]] = {}
    for index, (_, _, place) in enumerate(items):
        seen.setdefault((place.coordinates.lat, place.coordinates.lon), []).append(index)
    out = []
    for index, (kind, record, place) in enumerate(items):
        lat, lon = place.coordinates.lat, place.coordinates.lon
        group = seen[(lat, lon)]
        if len(group) > 1:
            angle = 2 * math.pi * group.index(index) / len(group)
            lat += 0.006 * math.cos(angle)
            lon += 0.009 * math.sin(angle)
        out.append(MapItem(index + 1, kind, record, place, round(lat, 5), round(lon, 5)))
    return out


def overview_items(renderer: Renderer) -> list[MapItem]:
    ds = renderer.ctx.ds
    items: list[tuple[str, Any, Any]] = []
    for hub in ds.hubs.values():
        items.append(("hub", hub, ds.places[hub.place]))
    for setting in ds.birth_settings.values():
        if setting.place is not None:
            items.append(("birth_setting", setting, ds.places[setting.place]))
    hosted = {h.place for h in ds.hubs.values()} | {
        s.place for s in ds.birth_settings.values() if s.place
    }
    for place in ds.places.values():
        if place.id not in hosted:
            items.append(("place", place, place))
    return _spread(items)


def record_items(renderer: Renderer, kind: str, record: Any) -> list[MapItem]:
    ds = renderer.ctx.ds
    if kind == "place":
        return _spread([("place", record, record)])
    if kind == "hub":
        return _spread([("hub", record, ds.places[record.place])])
    items: list[tuple[str, Any, Any]] = [("birth_setting", record, ds.places[record.place])]
    if record.transfer is not None:
        unit = ds.birth_settings[record.transfer.unit]
        if unit.place is not None and unit.place != record.place:
            items.append(("birth_setting", unit, ds.places[unit.place]))
    return _spread(items)


def map_block(renderer: Renderer, map_id: str, items: list[MapItem], title: str) -> Markup:
    """The list of places with, for readers whose browser runs it, the map above it."""
    _ = renderer.ctx.translations.gettext
    points = []
    for item in items:
        name = renderer.plain(item.record.name)
        status = renderer.label("STATUS", item.record.status.state)
        kind_label = renderer.label("MAP_KIND", item.kind)
        points.append(
            MapPoint(
                key=f"{item.kind}-{item.record.id}",
                lat=item.lat,
                lon=item.lon,
                kind=item.kind,
                number=str(item.number),
                status=item.record.status.state,
                label=f"{item.number}. {name}: {kind_label}, {status}",
                name=name,
                kind_label=kind_label,
                status_label=status,
                url=renderer.record_url(KIND_COLLECTION[item.kind], item.record.id),
            )
        )
    words = MapWords(
        layers={kind: renderer.label("MAP_LAYER", kind) for kind in KIND_COLLECTION},
        # "%(places)s" for translators, like every other placeholder; the map's script fills
        # in "{places}" (assets/map-groups.js).
        group=_("Close together on the map: %(places)s") % {"places": "{places}"},
        more=_("More about this place"),
    )
    fragment = draw_map(points, renderer.ctx.maps, map_id, words)
    renderer.ctx.uses_map = True
    return Markup(
        renderer.env.get_template("map.j2").render(
            map_id=map_id,
            fragment=fragment,
            items=items,
            title=title,
            keys=[p.key for p in points],
        )
    )
