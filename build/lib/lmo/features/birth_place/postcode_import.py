"""Build ``data/postcode_districts.yml`` from the ONS Postcode Directory (ONSPD).

The birth-place page can show straight-line distances from where she lives. She types the
first half of her postcode (the district, such as XY1) or a town, and her browser looks it
up in that file, so nothing she types is sent anywhere. This module works out each
district's centre as the average position of its live postcodes in the ONSPD, which the
Office for National Statistics publishes under the Open Government Licence v3.0.

The job has three steps, each in a module of its own: choosing the districts
(``postcode_selection``), reading the directory (``postcode_directory``) and writing the
file editors keep (``postcode_districts_file``). This module runs them in order.

Every mistake an editor can make (a wrong file, a typing slip in a code) ends in a
``PostcodeImportError`` with a one-line message; the command-line wrapper prints it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from lmo.features.birth_place.postcode_directory import Scan, open_onspd, scan
from lmo.features.birth_place.postcode_districts_file import (
    District,
    check_rendered,
    read_existing,
    release_title,
    render,
    write_districts_file,
)
from lmo.features.birth_place.postcode_errors import PostcodeImportError
from lmo.features.birth_place.postcode_selection import (
    DISTRICT_RE,
    Selection,
    district_sort_key,
)

# scripts/import_postcode_districts.py takes the error it catches from here, beside the job.
__all__ = ["ImportResult", "PostcodeImportError", "import_districts"]


@dataclass
class ImportResult:
    out: Path
    districts: list[District]
    scan: Scan
    not_found: list[str]
    dropped: list[str]

    def summary(self) -> str:
        used = sum(d.postcodes for d in self.districts)
        return (
            f"wrote {self.out}: {len(self.districts)} districts from {used:,} live postcodes"
            f" ({self.scan.terminated:,} terminated and {self.scan.no_grid_reference:,}"
            " without a grid reference left out)"
        )

    def warnings(self) -> list[str]:
        notes = [f"warning: no live postcodes found for {code}" for code in self.not_found]
        notes += [
            f"warning: {code} was in the old file but is not in the new one; its towns are"
            " no longer listed"
            for code in self.dropped
        ]
        if self.scan.unreadable_rows:
            notes.append(
                f"warning: {self.scan.unreadable_rows:,} rows of {self.scan.source_name} could"
                " not be read and were left out; check the file is complete"
            )
        return notes


def import_districts(
    onspd: Path,
    out: Path,
    *,
    districts: Sequence[str] = (),
    authorities: Sequence[str] = (),
    owner: str | None = None,
    today: dt.date | None = None,
) -> ImportResult:
    """Build ``out`` from the directory at ``onspd``. With no codes given, rebuild the
    districts already in ``out``."""
    today = today or dt.date.today()
    existing = read_existing(out)
    kept_codes = [d.code for d in existing.districts] if existing else None
    selection = _selection(districts, authorities, kept_codes, out)
    owner = _owner(owner, existing.owner if existing else None)

    # A damaged zip often shows only part-way through, while reading: open_onspd turns
    # those errors, raised here, into messages too.
    with open_onspd(onspd) as (source_name, stream):
        found = scan(stream, source_name, need_authority=bool(selection.authorities))

    chosen = _chosen(found, selection)
    towns = {d.code: tuple(d.towns) for d in existing.districts} if existing else {}
    result_districts = []
    for code in chosen:
        tally = found.tallies[code]
        lat, lon = tally.centre()
        district = District(code, lat, lon, towns=towns.get(code, ()), postcodes=tally.count)
        result_districts.append(district)
    dropped = sorted((code for code in towns if code not in chosen), key=district_sort_key)

    text = render(
        result_districts,
        source_title=release_title(Path(source_name).name, onspd.name),
        source_file=Path(source_name).name,
        owner=owner,
        today=today,
    )
    check_rendered(text, str(out))
    write_districts_file(out, text)
    return ImportResult(out, result_districts, found, _not_found(found, selection), dropped)


def _selection(
    districts: Sequence[str],
    authorities: Sequence[str],
    kept_codes: list[str] | None,
    out: Path,
) -> Selection:
    """The codes given, or else the districts already in the file, so that a rebuild
    with a new release needs no codes."""
    selection = Selection.parse(districts, authorities)
    if not selection and kept_codes is not None:
        selection = Selection.parse(kept_codes, [])
    if not selection:
        raise PostcodeImportError(
            "give --districts (such as XY,AB1,AB10) or --authorities (such as E06000019),"
            f" or keep an existing {out} to rebuild the same districts"
        )
    return selection


def _owner(owner: str | None, kept_owner: str | None) -> str:
    owner = owner or kept_owner
    if not owner:
        raise PostcodeImportError(
            "give --owner: the team that keeps the file true, such as"
            ' "Northshire LMNS communications team"'
        )
    return owner


def _chosen(found: Scan, selection: Selection) -> list[str]:
    """The districts in the directory that the selection covers, in natural order."""
    chosen = sorted(
        (code for code, t in found.tallies.items() if selection.matches(code, t.authorities)),
        key=district_sort_key,
    )
    if not chosen:
        raise PostcodeImportError(
            f"{found.source_name}: no live postcodes with a grid reference for"
            f" {selection.describe()}; check the codes against the file"
        )
    return chosen


def _not_found(found: Scan, selection: Selection) -> list[str]:
    """Codes the editor gave that match nothing live: likely a typing slip or a retired code."""
    seen_areas = {m.group(1) for code in found.tallies if (m := DISTRICT_RE.fullmatch(code))}
    seen_authorities = set().union(*(t.authorities for t in found.tallies.values()))
    not_found = sorted(selection.areas - seen_areas) + sorted(
        selection.districts - set(found.tallies), key=district_sort_key
    )
    not_found += sorted(selection.authorities - seen_authorities)
    return not_found
