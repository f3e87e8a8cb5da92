"""Where she lives, turned into an approximate point, and straight-line distances from it.

Only the postcode district (the first half of a postcode) is ever used: a full postcode is
cut down to it at once, and nothing she types is kept or sent anywhere.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

from birthplace.definition import District

# A whole postcode ("XY11 2AB", "xy112ab") or just its first half ("XY11").
_POSTCODE = re.compile(r"^([A-Z]{1,2}[0-9][0-9A-Z]?)([0-9][A-Z]{2})?$")
EARTH_RADIUS_MILES = 3958.8


@dataclass(frozen=True)
class Found:
    label: str  # what the page calls it, such as "XY11" or a town's name
    lat: float
    lon: float


def _town_key(text: str) -> str:
    """Town names compared without case, punctuation or spacing:
    "upton on sea" finds Upton-on-Sea."""
    return re.sub(r"[^a-z0-9]+", "", text.casefold())


def district_of(text: str) -> str | None:
    """The postcode district in what she typed, or None when it is not a postcode."""
    squeezed = re.sub(r"\s+", "", text.upper())
    match = _POSTCODE.match(squeezed)
    if match is None:
        return None
    if match.group(2) is None and len(squeezed) > 4:
        return None
    return match.group(1)


def look_up(text: str, districts: list[District]) -> Found | None:
    """The district or town she typed, or None when the table does not have it. A town in
    several districts (a city split into XY1 to XY5) is placed at their average."""
    text = text.strip()
    if not text:
        return None
    code = district_of(text)
    if code is not None:
        for district in districts:
            if district.code == code:
                return Found(code, district.lat, district.lon)
    key = _town_key(text)
    if not key:
        return None
    matches = [d for d in districts if any(_town_key(t) == key for t in d.towns)]
    if not matches:
        return None
    name = next(t for t in matches[0].towns if _town_key(t) == key)
    lat = sum(d.lat for d in matches) / len(matches)
    lon = sum(d.lon for d in matches) / len(matches)
    return Found(name, lat, lon)


def miles_between(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance (haversine): a straight line, not a route."""
    phi1, phi2 = math.radians(lat1), math.radians(lat2)
    d_phi = phi2 - phi1
    d_lambda = math.radians(lon2 - lon1)
    a = math.sin(d_phi / 2) ** 2 + math.cos(phi1) * math.cos(phi2) * math.sin(d_lambda / 2) ** 2
    return 2 * EARTH_RADIUS_MILES * math.asin(math.sqrt(a))
