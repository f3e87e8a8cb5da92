"""Build ``data/postcode_districts.yml`` from the ONS Postcode Directory (ONSPD).

The birth-place page can show straight-line distances from where she lives. She types the
first half of her postcode (the district, such as WR11) or a town, and her browser looks it
up in that file, so nothing she types is sent anywhere. This module works out each
district's centre as the average position of its live postcodes in the ONSPD, which the
Office for National Statistics publishes under the Open Government Licence v3.0.

The full ONSPD is one CSV of about 2.7 million rows (over 1 GB), usually inside a zip. It is
streamed row by row and never held in memory; only a running total per district is kept.
The reader relies on five columns only (pcds, doterm, lat, long and, for ``--authorities``,
oslaua), found by name, because the other columns change between releases.

Every mistake an editor can make (a wrong file, a typing slip in a code) ends in a
``PostcodeImportError`` with a one-line message; the command-line wrapper prints it.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import re
import textwrap
import zipfile
import zlib
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO

import yaml
from pydantic import ValidationError

from lmo.core.files import write_atomically
from lmo.core.yamlsource import load_yaml
from lmo.data.messages import problems_from_validation
from lmo.features.birth_place.schema import PostcodeDistrictsFile

# The licence asks for this statement wherever the data is used, so it travels in the
# file's header and in its source (which the site shows).
ATTRIBUTION = (
    "Contains OS data © Crown copyright and database right; Contains Royal Mail data ©"
    " Royal Mail copyright and database right; Source: Office for National Statistics"
    " licensed under the Open Government Licence v.3.0"
)
ONSPD_URL = "https://geoportal.statistics.gov.uk/"
SCHEMA_COMMENT = "# yaml-language-server: $schema=../schemas/postcode_districts.schema.json"
REQUIRED_COLUMNS = ("pcds", "lat", "long", "doterm")
# ONSPD names the local authority column oslaua; its sister product, the National Statistics
# Postcode Lookup (same licence, same positions), calls it laua.
AUTHORITY_COLUMNS = ("oslaua", "laua")
REVIEW_MONTHS = 6

_AREA_RE = re.compile(r"[A-Z]{1,2}")
_DISTRICT_RE = re.compile(r"([A-Z]{1,2})([0-9]{1,2})([A-Z]?)")
# GSS codes: a letter for the country, then eight digits, such as E06000019 (Herefordshire).
_AUTHORITY_RE = re.compile(r"[EWSNL][0-9]{8}")
_RELEASE_RE = re.compile(r"(ONSPD|NSPL)_([A-Z]{3})_(\d{4})", re.IGNORECASE)
_MONTHS = {
    "JAN": "January",
    "FEB": "February",
    "MAR": "March",
    "APR": "April",
    "MAY": "May",
    "JUN": "June",
    "JUL": "July",
    "AUG": "August",
    "SEP": "September",
    "OCT": "October",
    "NOV": "November",
    "DEC": "December",
}
_PRODUCTS = {
    "ONSPD": "ONS Postcode Directory (ONSPD)",
    "NSPL": "National Statistics Postcode Lookup (NSPL)",
}
# YAML reads these bare words as booleans or null, so a town called "No" would need quotes.
_YAML_WORDS = {"y", "n", "yes", "no", "on", "off", "true", "false", "null", "~"}
_PLAIN_RE = re.compile(r"[A-Za-z][A-Za-z0-9 .'()-]*")
# Positions are summed as whole millionths of a degree (the ONSPD gives six decimals), so
# the average is exact and does not depend on the order of the rows.
_MICRO = 1_000_000


class PostcodeImportError(Exception):
    """A problem the editor can put right, described in one line."""


# --- choosing districts ------------------------------------------------------------------


def district_sort_key(code: str) -> tuple[str, int, str]:
    """Natural order: letters, then the number, so B60 < B96 < DY10 and WR2 < WR10."""
    match = _DISTRICT_RE.fullmatch(code)
    if match is None:
        return (code, 0, "")
    area, number, suffix = match.groups()
    return (area, int(number), suffix)


def split_codes(values: Iterable[str]) -> list[str]:
    """Codes given as "HR,WR DY10" or as several arguments, in capitals, without repeats."""
    codes: list[str] = []
    for value in values:
        for code in re.split(r"[\s,;]+", value.strip().upper()):
            if code and code not in codes:
                codes.append(code)
    return codes


@dataclass(frozen=True)
class Selection:
    """Which districts to write: whole postcode areas (HR), single districts (DY10), and
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
            elif _DISTRICT_RE.fullmatch(code):
                exact.add(code)
            else:
                raise PostcodeImportError(
                    f"--districts: {code!r} is not a postcode area or district; expected"
                    " codes such as HR, WR or DY10, separated by commas"
                )
        authority_codes = split_codes(authorities)
        for code in authority_codes:
            if not _AUTHORITY_RE.fullmatch(code):
                raise PostcodeImportError(
                    f"--authorities: {code!r} is not a local authority code; expected codes"
                    " such as E06000019 (Herefordshire), as in the ONSPD's oslaua column"
                )
        return cls(frozenset(areas), frozenset(exact), frozenset(authority_codes))

    def __bool__(self) -> bool:
        return bool(self.areas or self.districts or self.authorities)

    def matches(self, code: str, authorities: set[str]) -> bool:
        match = _DISTRICT_RE.fullmatch(code)
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


# --- reading the directory ---------------------------------------------------------------


@dataclass
class _Tally:
    count: int = 0
    lat_micro: int = 0
    lon_micro: int = 0
    authorities: set[str] = field(default_factory=set)


@dataclass
class Scan:
    """What one pass over the directory found, for every district in it."""

    source_name: str
    tallies: dict[str, _Tally] = field(default_factory=dict)
    rows: int = 0
    terminated: int = 0
    no_grid_reference: int = 0
    unreadable_rows: int = 0


@contextmanager
def open_onspd(path: Path) -> Iterator[tuple[str, IO[str]]]:
    """The CSV inside ``path`` (a .csv, or the ONSPD .zip as downloaded), as text, with
    the name to use for it in messages."""
    try:
        is_zip = path.suffix.lower() == ".zip" or zipfile.is_zipfile(path)
        if not is_zip:
            # Only five plain ASCII columns are read, so a stray byte in a name column
            # elsewhere should not stop the import.
            with path.open(encoding="utf-8-sig", errors="replace", newline="") as stream:
                yield str(path), stream
            return
        with zipfile.ZipFile(path) as archive:
            member = _csv_member(path, archive.namelist())
            with (
                archive.open(member) as raw,
                io.TextIOWrapper(raw, encoding="utf-8-sig", errors="replace", newline="") as text,
            ):
                yield f"{path}/{member}", text
    except FileNotFoundError:
        raise PostcodeImportError(
            f"{path}: no such file; download the ONS Postcode Directory (a .zip) from the ONS"
            f" Open Geography Portal, {ONSPD_URL}, and give its path"
        ) from None
    except IsADirectoryError:
        raise PostcodeImportError(
            f"{path}: is a folder; give the ONSPD .zip, or the ONSPD_*_UK.csv in its Data folder"
        ) from None
    except (zipfile.BadZipFile, zlib.error, EOFError) as error:
        raise PostcodeImportError(
            f"{path}: cannot read it as a zip file ({error}); it may be incomplete:"
            " download it again"
        ) from None
    except OSError as error:
        raise PostcodeImportError(f"{path}: cannot read it ({error.strerror})") from None


def _csv_member(path: Path, names: Sequence[str]) -> str:
    """The whole-UK CSV in an ONSPD zip (Data/ONSPD_<release>_UK.csv, beside a folder of
    the same rows split by area), or the only CSV in any other zip."""
    whole = [n for n in names if re.search(r"(?:^|/)Data/ONSPD_[^/]+_UK\.csv$", n, re.I)]
    if len(whole) == 1:
        return whole[0]
    csvs = [n for n in names if n.lower().endswith(".csv")]
    if len(csvs) == 1:
        return csvs[0]
    if not csvs:
        raise PostcodeImportError(
            f"{path}: the zip holds no CSV file; expected the ONSPD zip, with"
            " Data/ONSPD_<release>_UK.csv inside"
        )
    shown = ", ".join(sorted(csvs)[:3]) + (", …" if len(csvs) > 3 else "")
    raise PostcodeImportError(
        f"{path}: the zip holds {len(csvs)} CSV files ({shown}) and none is"
        " Data/ONSPD_<release>_UK.csv; unzip it and give the whole-UK CSV with --onspd"
    )


def _found(header: Sequence[str]) -> str:
    names = [name for name in header if name]
    if not names:
        return "no column names"
    shown = ", ".join(names[:12])
    return shown + (f", … ({len(names)} columns)" if len(names) > 12 else "")


def scan(stream: IO[str], source_name: str, *, need_authority: bool) -> Scan:
    """One pass over the directory: a total of live, located postcodes per district."""
    result = Scan(source_name)
    reader = csv.reader(stream)
    try:
        header = [name.strip().lower() for name in next(reader, [])]
        required = list(REQUIRED_COLUMNS)
        authority_column = next((c for c in AUTHORITY_COLUMNS if c in header), None)
        missing = [c for c in required if c not in header]
        if missing or (need_authority and authority_column is None):
            also = ", and oslaua for --authorities" if need_authority else ""
            raise PostcodeImportError(
                f"{source_name}:1: expected the ONSPD columns pcds, lat, long (and doterm"
                f"{also}); found {_found(header)}"
            )
        i_pcds, i_lat, i_long, i_doterm = (header.index(c) for c in required)
        i_authority = header.index(authority_column) if authority_column else None
        tallies = result.tallies
        for row in reader:
            result.rows += 1
            try:
                if row[i_doterm].strip():
                    result.terminated += 1
                    continue
                lat = float(row[i_lat])
                lon = float(row[i_long])
                postcode = row[i_pcds].strip().upper()
                authority = row[i_authority].strip() if i_authority is not None else ""
            except (IndexError, ValueError):
                result.unreadable_rows += 1
                continue
            # Postcodes without a grid reference carry the placeholder 99.999999, 0.000000.
            if not -90.0 <= lat <= 90.0:
                result.no_grid_reference += 1
                continue
            outward, _, inward = postcode.partition(" ")
            if not inward:  # written without its space: the inward code is the last three
                outward = postcode[:-3]
            if not _DISTRICT_RE.fullmatch(outward):
                result.unreadable_rows += 1
                continue
            tally = tallies.get(outward)
            if tally is None:
                tally = tallies[outward] = _Tally()
            tally.count += 1
            tally.lat_micro += round(lat * _MICRO)
            tally.lon_micro += round(lon * _MICRO)
            if authority:
                tally.authorities.add(authority)
    except csv.Error as error:
        raise PostcodeImportError(
            f"{source_name}:{reader.line_num}: not a CSV file the importer can read ({error})"
        ) from None
    except UnicodeError as error:
        raise PostcodeImportError(
            f"{source_name}:{reader.line_num}: cannot read it as text ({error})"
        ) from None
    return result


# --- the file editors keep ---------------------------------------------------------------


def read_existing(path: Path) -> PostcodeDistrictsFile | None:
    """The current output file, whose towns lists and owner an editor wrote by hand."""
    if not path.exists():
        return None
    doc, problems = load_yaml(path, str(path))
    if not problems:
        if not isinstance(doc.data, dict):
            raise PostcodeImportError(
                f"{path}:1:1: expected the districts file (approximate, districts, source,"
                " owner, last_reviewed, review_by); move it away to start afresh"
            )
        try:
            return PostcodeDistrictsFile.model_validate(doc.data)
        except ValidationError as error:
            problems = problems_from_validation(error, doc, PostcodeDistrictsFile)
    more = f" (and {len(problems) - 1} more)" if len(problems) > 1 else ""
    raise PostcodeImportError(
        f"{problems[0]}{more}; put it right first, so that its towns lists are kept"
    )


# --- writing -----------------------------------------------------------------------------


def add_months(day: dt.date, months: int) -> dt.date:
    """The same day some months later, or the month's last day (31 August -> 28 February)."""
    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    for last in (31, 30, 29, 28):
        try:
            return dt.date(year, month, min(day.day, last))
        except ValueError:
            continue
    raise AssertionError("unreachable: every month has at least 28 days")


def release_title(*names: str) -> str:
    """The source title from the file names, such as "ONS Postcode Directory (ONSPD),
    February 2024 release" for ONSPD_FEB_2024_UK.csv."""
    for name in names:
        match = _RELEASE_RE.search(name)
        if match and match.group(2).upper() in _MONTHS:
            product, month, year = match.groups()
            return f"{_PRODUCTS[product.upper()]}, {_MONTHS[month.upper()]} {year} release"
    return f"{_PRODUCTS['ONSPD']}, from {Path(names[0]).name}"


def _scalar(text: str) -> str:
    """Text as YAML: bare when that reads back unchanged, else in double quotes."""
    if _PLAIN_RE.fullmatch(text) and text.lower() not in _YAML_WORDS and text == text.strip():
        return text
    return json.dumps(text, ensure_ascii=False)


@dataclass(frozen=True)
class District:
    code: str
    lat: float
    lon: float
    towns: tuple[str, ...] = ()
    postcodes: int = 0


def render(
    districts: Sequence[District],
    *,
    source_title: str,
    source_file: str,
    owner: str,
    today: dt.date,
) -> str:
    """The file's text. Fixed key order, fixed number format and no clock or path in it
    beyond ``today`` and the file name, so the same directory gives the same bytes."""
    lines = [
        SCHEMA_COMMENT,
        "#",
        "# Approximate centres of postcode districts (the first half of a postcode, such as",
        "# WR11), for the distances on the birth-place page. Her browser looks up what she",
        "# types in this file: her postcode is never sent anywhere.",
        "#",
        "# Written by scripts/import_postcode_districts.py (make postcode-districts) from",
        f"# {source_file}: each centre is the average position of the district's live",
        "# postcodes that have a grid reference, rounded to 3 decimals (about 100 m). It is",
        "# still approximate for any one home. Do not edit lat or lon by hand: rebuild. Do add",
        "# towns and villages a woman might type instead of a postcode: a rebuild keeps them.",
        "#",
        *(f"# {line}" for line in textwrap.wrap(ATTRIBUTION, 86)),
        "",
        "approximate: true",
        "source:",
        f"  title: {_scalar(source_title)}",
        f"  reference: {_scalar(ATTRIBUTION)}",
        f"  url: {ONSPD_URL}",
        "  confirmed: true",
        f"owner: {_scalar(owner)}",
        f"last_reviewed: {today.isoformat()}",
        f"review_by: {add_months(today, REVIEW_MONTHS).isoformat()}",
        "",
        "districts:",
    ]
    for district in sorted(districts, key=lambda d: district_sort_key(d.code)):
        towns = ", ".join(_scalar(town) for town in district.towns)
        lines += [
            f"  - code: {district.code}",
            f"    towns: [{towns}]",
            f"    lat: {district.lat:.3f}",
            f"    lon: {district.lon:.3f}",
        ]
    return "\n".join(lines) + "\n"


def check_rendered(text: str, where: str) -> PostcodeDistrictsFile:
    """Read the text back exactly as the site will, so a file that fails the schema is
    never written."""
    try:
        return PostcodeDistrictsFile.model_validate(yaml.safe_load(text))
    except (ValidationError, yaml.YAMLError) as error:
        first = str(error).splitlines()
        raise PostcodeImportError(
            f"{where}: the file would not pass the schema, so it was not written: "
            + " ".join(first[:3])
        ) from None


# --- the whole job -----------------------------------------------------------------------


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
    selection = Selection.parse(districts, authorities)
    if not selection and existing is not None:
        selection = Selection.parse([d.code for d in existing.districts], [])
    if not selection:
        raise PostcodeImportError(
            "give --districts (such as HR,WR,DY10) or --authorities (such as E06000019),"
            f" or keep an existing {out} to rebuild the same districts"
        )
    owner = owner or (existing.owner if existing else None)
    if not owner:
        raise PostcodeImportError(
            "give --owner: the team that keeps the file true, such as"
            ' "Herefordshire and Worcestershire LMNS communications team"'
        )

    # A damaged zip often shows only part-way through, while reading: open_onspd turns
    # those errors, raised here, into messages too.
    with open_onspd(onspd) as (source_name, stream):
        found = scan(stream, source_name, need_authority=bool(selection.authorities))

    chosen = sorted(
        (code for code, t in found.tallies.items() if selection.matches(code, t.authorities)),
        key=district_sort_key,
    )
    if not chosen:
        raise PostcodeImportError(
            f"{source_name}: no live postcodes with a grid reference for"
            f" {selection.describe()}; check the codes against the file"
        )
    seen_areas = {m.group(1) for code in found.tallies if (m := _DISTRICT_RE.fullmatch(code))}
    seen_authorities = set().union(*(t.authorities for t in found.tallies.values()))
    not_found = sorted(selection.areas - seen_areas) + sorted(
        selection.districts - set(found.tallies), key=district_sort_key
    )
    not_found += sorted(selection.authorities - seen_authorities)

    towns = {d.code: tuple(d.towns) for d in existing.districts} if existing else {}
    result_districts = []
    for code in chosen:
        tally = found.tallies[code]
        result_districts.append(
            District(
                code=code,
                lat=round(tally.lat_micro / tally.count / _MICRO, 3),
                lon=round(tally.lon_micro / tally.count / _MICRO, 3),
                towns=towns.get(code, ()),
                postcodes=tally.count,
            )
        )
    dropped = sorted((code for code in towns if code not in chosen), key=district_sort_key)

    text = render(
        result_districts,
        source_title=release_title(Path(source_name).name, onspd.name),
        source_file=Path(source_name).name,
        owner=owner,
        today=today,
    )
    check_rendered(text, str(out))
    _write(out, text)
    return ImportResult(out, result_districts, found, not_found, dropped)


def _write(out: Path, text: str) -> None:
    # Written beside the old file and then swapped in, so a failed write never loses the
    # towns lists an editor typed.
    try:
        write_atomically(out, text.encode("utf-8"))
    except OSError as error:
        raise PostcodeImportError(f"{out}: cannot write it ({error.strerror})") from None
