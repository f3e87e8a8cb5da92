"""Maps drawn by Folium, without its CDN assets, with deterministic output.

Folium's own defaults load Leaflet, jQuery, Bootstrap and Font Awesome from five CDNs; a
map here loads only the site's own copy of Leaflet (see ``lmo.vendor``), and its markers
and popups are plain Leaflet (no jQuery, no icon fonts). Element ids are numbered in
order, so two builds of the same data write the same bytes.

A map is only ever an addition: every page that shows one also lists the same places as
text (``lmo/templates/components.j2``), which is all a reader without JavaScript or a
screen-reader user needs.
"""

from __future__ import annotations

import html
import json
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

import branca.element
import folium
from branca.element import Element, MacroElement
from folium.features import DivIcon
from folium.map import FitBounds
from jinja2 import Template

# Folium is built for one map per notebook cell; a site draws hundreds. Two of its costs
# do not depend on the map: every element compiles its template string anew, and every
# name is re-derived character by character. Both are pure, so they are cached here; this
# took a map from about 20 ms to a few ms (see make bench).
branca.element.Template = lru_cache(maxsize=None)(Template)  # type: ignore[misc,assignment]
branca.element._camelify = lru_cache(maxsize=None)(branca.element._camelify)

# The tile server is the one host outside the site a page may contact.
DEFAULT_TILES = "https://tile.openstreetmap.org/{z}/{x}/{y}.png"
DEFAULT_ATTRIBUTION = (
    '&copy; <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a> contributors'
)


@dataclass(frozen=True)
class MapSettings:
    tiles: str = DEFAULT_TILES
    attribution: str = DEFAULT_ATTRIBUTION
    max_zoom: int = 19

    @classmethod
    def from_extra(cls, extra: dict[str, Any]) -> MapSettings:
        """From ``extra.lmo.map`` in mkdocs.yml: tiles, attribution, max_zoom."""
        return cls(
            tiles=str(extra.get("tiles", DEFAULT_TILES)),
            attribution=str(extra.get("attribution", DEFAULT_ATTRIBUTION)),
            max_zoom=int(extra.get("max_zoom", 19)),
        )

    @property
    def tile_origin(self) -> str:
        """scheme://host of the tile server, for the Content-Security-Policy and tests.
        Leaflet's {s} subdomain placeholder becomes the policy's wildcard (a.tile..., b.tile...)."""
        scheme, _, rest = self.tiles.partition("://")
        return f"{scheme}://{rest.split('/', 1)[0].replace('{s}', '*')}"


@dataclass(frozen=True)
class MapPoint:
    """One marker: everything it shows is also in the page's list of places."""

    key: str  # unique on the page, such as "hubs-kidderminster-hub"
    lat: float
    lon: float
    kind: str  # hub, birth_setting, place
    letter: str  # shown in the marker: H, B, P
    status: str  # available, planned, ...
    label: str  # accessible name: "Kidderminster community hub, planned: not open yet"
    popup_html: str  # already escaped HTML: name, status, link


class SelfHostedMap(folium.Map):
    """folium.Map without the CDN scripts and stylesheets (set per class, so they cannot
    leak into later maps the way ``add_js_link`` does)."""

    default_js = []  # noqa: RUF012 - folium declares these as class attributes
    default_css = []  # noqa: RUF012


class PlainTileLayer(MacroElement):
    """The tile layer from the configured URL template. folium.TileLayer looks every URL up
    in xyzservices' catalogue of providers first, which costs more than the rest of a map."""

    # Sharp tiles on a high-density screen (Leaflet's detectRetina: four tiles of the next
    # zoom in place of one) cost four times the map's data, so only when the browser says
    # the connection is fast and she has not asked it to save data. Browsers that do not
    # say get sharp tiles.
    _template = Template(
        """
        {% macro script(this, kwargs) %}
            (function () {
                var options = {{ this.options|tojson }};
                var link = navigator.connection || {};
                options.detectRetina =
                    !link.saveData && !/2g|3g/.test(String(link.effectiveType || ""));
                L.tileLayer({{ this.url|tojson }}, options)
                    .addTo({{ this._parent.get_name() }});
            })();
        {% endmacro %}
        """
    )

    def __init__(self, settings: MapSettings) -> None:
        super().__init__()
        self._name = "PlainTileLayer"
        self.url = settings.tiles
        self.options = {"attribution": settings.attribution, "maxZoom": settings.max_zoom}


class PlainPopup(MacroElement):
    """A Leaflet popup whose content is a string: folium's own Popup needs jQuery."""

    _template = Template(
        """
        {% macro script(this, kwargs) %}
            {{ this._parent.get_name() }}.bindPopup({{ this.content|tojson }}, {maxWidth: 260});
        {% endmacro %}
        """
    )

    def __init__(self, content: str) -> None:
        super().__init__()
        self._name = "PlainPopup"
        self.content = content


class MarkerLabel(MacroElement):
    """Gives a marker's keyboard-focusable element its accessible name, which Leaflet
    takes from ``alt`` only for image icons."""

    _template = Template(
        """
        {% macro script(this, kwargs) %}
            {{ this._parent.get_name() }}.on("add", function (event) {
                var icon = event.target.getElement();
                icon.setAttribute("aria-label", {{ this.label|tojson }});
                icon.setAttribute("role", "button");
            });
        {% endmacro %}
        """
    )

    def __init__(self, label: str) -> None:
        super().__init__()
        self._name = "MarkerLabel"
        self.label = label


class MarkerGroups(MacroElement):
    """Draws markers that would overlap at the current zoom as one group marker, which zooms
    in when selected (assets/map-groups.js). Added after the markers and the fitted view."""

    _template = Template(
        """
        {% macro script(this, kwargs) %}
            if (window.lmoGroupMarkers) {
                window.lmoGroupMarkers({{ this._parent.get_name() }}, [
                {%- for marker, number, label in this.members %}
                    {marker: {{ marker.get_name() }}, number: {{ number|tojson }},
                     label: {{ label|tojson }}},
                {%- endfor %}
                ], {{ this.label_template|tojson }});
            }
        {% endmacro %}
        """
    )

    def __init__(self, members: list[tuple[folium.Marker, str, str]], label_template: str):
        super().__init__()
        self._name = "MarkerGroups"
        self.members = members
        self.label_template = label_template


def _number_ids(root: Element, prefix: str) -> None:
    """Replace folium's random element ids with ordered ones: byte-identical builds."""
    counter = 0

    def visit(element: Element) -> None:
        nonlocal counter
        counter += 1
        element._id = f"{prefix}{counter}"
        for child in element._children.values():
            visit(child)

    visit(root)


@dataclass(frozen=True)
class MapFragment:
    map_id: str
    html: str  # the map's container
    script: str  # JavaScript that draws it once Leaflet has loaded


def draw_map(
    points: list[MapPoint],
    settings: MapSettings,
    map_id: str,
    layer_names: dict[str, str],
    group_label: str = "{places}",
) -> MapFragment:
    """Draw a map of the points, one layer per kind, fitted to show them all.

    ``group_label``: the accessible name of a marker standing for places that are close
    together, in the page's language, with "{places}" where their labels go."""
    center = [
        sum(p.lat for p in points) / len(points),
        sum(p.lon for p in points) / len(points),
    ]
    fmap = SelfHostedMap(
        location=center,
        zoom_start=12,
        tiles=None,
        control_scale=True,
        max_zoom=settings.max_zoom,
    )
    fmap.add_child(PlainTileLayer(settings))
    groups: dict[str, folium.FeatureGroup] = {}
    members: list[tuple[folium.Marker, str, str]] = []
    for point in points:
        group = groups.get(point.kind)
        if group is None:
            group = folium.FeatureGroup(name=layer_names.get(point.kind, point.kind))
            group.add_to(fmap)
            groups[point.kind] = group
        icon = DivIcon(
            html=(
                f'<span class="app-marker__letter" aria-hidden="true">'
                f"{html.escape(point.letter)}</span>"
            ),
            icon_size=(30, 30),
            icon_anchor=(15, 15),
            class_name=f"app-marker app-marker--{point.kind} app-marker--{point.status}",
        )
        marker = folium.Marker([point.lat, point.lon], icon=icon, keyboard=True)
        # The tooltip text lands in a JavaScript template literal: no backticks or ${.
        tooltip = html.escape(point.label).replace("`", "&#96;").replace("${", "&#36;{")
        marker.add_child(folium.Tooltip(tooltip, sticky=False))
        marker.add_child(PlainPopup(point.popup_html))
        marker.add_child(MarkerLabel(point.label))
        marker.add_to(group)
        members.append((marker, point.letter, point.label))
    if len(groups) > 1:
        folium.LayerControl(collapsed=False).add_to(fmap)
    if len(points) > 1:
        lats = [p.lat for p in points]
        lons = [p.lon for p in points]
        # Room for the controls: zoom (top left), layers (top right), scale and
        # attribution (bottom), so no marker starts underneath one (WCAG 2.5.8).
        fit = FitBounds(
            [[min(lats), min(lons)], [max(lats), max(lons)]],
            padding_top_left=(54, 96),
            padding_bottom_right=(24, 54),
        )
        # The first view is set at once: an animated zoom would show every marker, ungrouped
        # and overlapping, until it ends.
        fit.options["animate"] = False
        fmap.add_child(fit)
        fmap.add_child(MarkerGroups(members, group_label))
    _number_ids(fmap, f"{map_id.replace('-', '_')}_")
    fmap._id = map_id.replace("-", "_")
    root = fmap.get_root()
    root.render()
    script = root.script.render()  # type: ignore[attr-defined]
    element = fmap.get_name()
    container = f'<div class="folium-map app-map__canvas" id="{element}"></div>'
    # Drawn after the page's first paint, in a task of its own: the words she came for are
    # on screen first, and drawing the map (tens of milliseconds on a cheap phone) is not
    # added to the theme's start-up work, which runs at DOMContentLoaded too.
    wrapped = (
        "document.addEventListener('DOMContentLoaded', function () {\n"
        "  requestAnimationFrame(function () { setTimeout(function () {\n"
        f"  if (!window.L) {{ return; }}\n{script}\n  }}, 0); }});\n}});\n"
    )
    return MapFragment(map_id=element, html=container, script=wrapped)


def points_json(points: list[MapPoint]) -> str:
    """The markers a map draws, for tests that compare them with the page's list."""
    return json.dumps([p.key for p in points])
