"""The generator's own settings, ``extra: lmo:`` in mkdocs.yml, checked like data.

MkDocs passes ``extra`` through without looking at it, so a misspelt key here used to be
ignored and a wrong value to end in a traceback. Each key is now known, typed and
explained, with the line and column in mkdocs.yml where it was written.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Any

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, ValidationError
from pydantic_core import PydanticCustomError

from lmo.core.problems import Problem
from lmo.core.yamlsource import dotted, load_yaml

# https, or plain http on this machine only (a local stand-in for tests and audits).
_TILES = re.compile(r"^(?:https://|http://(?:127\.0\.0\.1|localhost)[:/])[^\s\"'<>]+$")

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

    @property
    def tile_origin(self) -> str:
        """scheme://host of the tile server, for the Content-Security-Policy and tests.
        Leaflet's {s} subdomain placeholder becomes the policy's wildcard (a.tile..., b.tile...)."""
        scheme, _, rest = self.tiles.partition("://")
        return f"{scheme}://{rest.split('/', 1)[0].replace('{s}', '*')}"


def _folder(value: Any) -> str:
    if isinstance(value, str) and value.strip() and not Path(value).is_absolute():
        return value
    raise PydanticCustomError(
        "lmo_folder", 'expected a folder inside the site\'s folder, such as "data"'
    )


def _tiles(value: Any) -> str:
    if (
        isinstance(value, str)
        and _TILES.match(value)
        and all(part in value for part in ("{z}", "{x}", "{y}"))
    ):
        return value
    raise PydanticCustomError(
        "lmo_tiles",
        "expected the tile server's https:// address with {z}, {x} and {y}, such as"
        ' "https://tile.openstreetmap.org/{z}/{x}/{y}.png"',
    )


def _zoom(value: Any) -> int:
    if isinstance(value, int) and not isinstance(value, bool) and 1 <= value <= 22:
        return value
    raise PydanticCustomError("lmo_zoom", "expected a whole number from 1 to 22, such as 19")


def _text(value: Any) -> str:
    if isinstance(value, str) and value.strip():
        return value
    raise PydanticCustomError("lmo_text", "expected some text")


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class MapOptions(_Strict):
    tiles: Annotated[str, BeforeValidator(_tiles)] = DEFAULT_TILES
    attribution: Annotated[str, BeforeValidator(_text)] = DEFAULT_ATTRIBUTION
    max_zoom: Annotated[int, BeforeValidator(_zoom)] = 19


class LmoSettings(_Strict):
    data_dir: Annotated[str, BeforeValidator(_folder)] = "data"
    locales_dir: Annotated[str, BeforeValidator(_folder)] = "locales"
    map: MapOptions = Field(default_factory=MapOptions)

    @property
    def maps(self) -> MapSettings:
        return MapSettings(self.map.tiles, self.map.attribution, self.map.max_zoom)


def _message(item: Any) -> str:
    if item["type"] == "extra_forbidden":
        known = {
            (): ", ".join(LmoSettings.model_fields),
            ("map",): ", ".join(MapOptions.model_fields),
        }.get(tuple(item["loc"][:-1]), "")
        return f"unknown setting; the settings here are {known}"
    if item["type"] in ("model_type", "dict_type"):
        return "expected 'setting: value' lines under it"
    return str(item["msg"])


def check_settings(raw: Any, config_file: Path | None) -> tuple[LmoSettings, list[Problem]]:
    """``extra.lmo`` from mkdocs.yml; the defaults, with problems, when it is wrong."""
    try:
        return LmoSettings.model_validate(raw or {}), []
    except ValidationError as error:
        where = None
        shown = config_file.name if config_file is not None else "mkdocs.yml"
        if config_file is not None and config_file.exists():
            where, _ = load_yaml(config_file, shown)
        problems = []
        for item in error.errors(include_url=False):
            path = ("extra", "lmo", *item["loc"])
            about_key = item["type"] == "extra_forbidden"
            line, col = where.locate(path, key=about_key) if where is not None else (1, 1)
            problems.append(Problem(shown, line, col, dotted(path), _message(item)))
        return LmoSettings(), problems
