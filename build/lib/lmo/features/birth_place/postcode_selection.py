"""Which postcode districts to import: the codes an editor types, checked and put in order.

An editor names whole postcode areas (XY), single districts (AB10) or local authorities
(E06000019); a district is chosen when any of them covers it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from lmo.features.birth_place.postcode_errors import PostcodeImportError

# The outward code (first half) of a postcode: area letters, district number, optional letter.
DISTRICT_RE = re.compile(r"([A-Z]{1,2})([0-9]{1,2})([A-Z]?)")
_AREA_RE = re.compile(r"[A-Z]{1,2}")
# GSS codes: a letter for the country, then eight digits, such as E06000019.
_AUTHORITY_RE = re.compile(r"[EWSNL][0-9]{8}")


def district_sort_key(code: str) -> tuple[str, int, str]:
    """Natural order: letters, then the number, so B9 < B10 < DY1 and XY2 < XY10."""
    match = DISTRICT_RE.fullmatch(code)
    if match is None:
        return (code, 0, "")
    area, number, suffix = match.groups()
    return (area, int(number), suffix)


def split_codes(values: Iterable[str]) -> list[str]:
    """Codes given as "XY,AB AB10" or as several arguments, in capitals, without repeats."""
    codes: list[str] = []
    for value in values:
        for code in re.split(r"[\s,;]+", value.strip().upper()):
            if code and code not in codes:
                codes.append(code)
    return codes


@dataclass(frozen=True)
class Selection:
    """Which districts to write: whole postcode areas (XY), single districts (AB10), and
    every district with at least one live postcode in the given local authorities."""

    areas: frozenset[str] = frozenset()
    districts: frozenset[str] = frozenset()
    authorities: frozenset[str] = frozenset()

    @classmethod
    def parse(cls, districts: Iterable[str], authorities: Iterable[str]) -> Selection:
        areas: set[str] = set()
        exact: set[str] = set()
        for code in split_codes(districts):
            if _AREA_RE.fullmatch(code):
                areas.add(code)
            elif DISTRICT_RE.fullmatch(code):
                exact.add(code)
            else:
                raise PostcodeImportError(
                    f"--districts: {code!r} is not a postcode area or district; expected"
                    " codes such as XY, AB or AB10, separated by commas"
                )
        authority_codes = split_codes(authorities)
        for code in authority_codes:
            if not _AUTHORITY_RE.fullmatch(code):
                raise PostcodeImportError(
                    f"--authorities: {code!r} is not a local authority code; expected codes"
                    " such as E06000019, as in the ONSPD's oslaua column"
                )
        return cls(frozenset(areas), frozenset(exact), frozenset(authority_codes))

    def __bool__(self) -> bool:
        return bool(self.areas or self.districts or self.authorities)

    def matches(self, code: str, authorities: set[str]) -> bool:
        match = DISTRICT_RE.fullmatch(code)
        area = match.group(1) if match else ""
        return (
            area in self.areas
            or code in self.districts
            or not self.authorities.isdisjoint(authorities)
        )

    def describe(self) -> str:
        parts = []
        codes = sorted(self.areas) + sorted(self.districts, key=district_sort_key)
        if codes:
            parts.append("--districts " + ",".join(codes))
        if self.authorities:
            parts.append("--authorities " + ",".join(sorted(self.authorities)))
        return " and ".join(parts)
