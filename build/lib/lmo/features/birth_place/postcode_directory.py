"""Reading the ONS Postcode Directory (ONSPD): a running total of live postcodes per district.

The full ONSPD is one CSV of about 2.7 million rows (over 1 GB), usually inside a zip. It is
streamed row by row and never held in memory; only a running total per district is kept.
The reader relies on five columns only (pcds, doterm, lat, long and, for ``--authorities``,
oslaua), found by name, because the other columns change between releases.
"""

from __future__ import annotations

import csv
import io
import re
import zipfile
import zlib
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, NamedTuple

from lmo.features.birth_place.postcode_errors import PostcodeImportError
from lmo.features.birth_place.postcode_selection import DISTRICT_RE

ONSPD_URL = "https://geoportal.statistics.gov.uk/"
REQUIRED_COLUMNS = ("pcds", "lat", "long", "doterm")
# ONSPD names the local authority column oslaua; its sister product, the National Statistics
# Postcode Lookup (same licence, same positions), calls it laua.
AUTHORITY_COLUMNS = ("oslaua", "laua")

# Positions are summed as whole millionths of a degree (the ONSPD gives six decimals), so
# the average is exact and does not depend on the order of the rows.
_MICRO = 1_000_000


@dataclass
class DistrictTally:
    """The running total for one district: its live, located postcodes so far."""

    count: int = 0
    lat_micro: int = 0
    lon_micro: int = 0
    authorities: set[str] = field(default_factory=set)

    def centre(self) -> tuple[float, float]:
        """The average position, rounded to 3 decimals (about 100 m)."""
        return (
            round(self.lat_micro / self.count / _MICRO, 3),
            round(self.lon_micro / self.count / _MICRO, 3),
        )


@dataclass
class Scan:
    """What one pass over the directory found, for every district in it."""

    source_name: str
    tallies: dict[str, DistrictTally] = field(default_factory=dict)
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


class _Columns(NamedTuple):
    pcds: int
    lat: int
    long: int
    doterm: int
    authority: int | None


def _columns(header: list[str], source_name: str, *, need_authority: bool) -> _Columns:
    """Where the columns the reader needs are, found by name in the header row."""
    authority_column = next((c for c in AUTHORITY_COLUMNS if c in header), None)
    missing = [c for c in REQUIRED_COLUMNS if c not in header]
    if missing or (need_authority and authority_column is None):
        also = ", and oslaua for --authorities" if need_authority else ""
        raise PostcodeImportError(
            f"{source_name}:1: expected the ONSPD columns pcds, lat, long (and doterm"
            f"{also}); found {_found(header)}"
        )
    i_pcds, i_lat, i_long, i_doterm = (header.index(c) for c in REQUIRED_COLUMNS)
    i_authority = header.index(authority_column) if authority_column else None
    return _Columns(i_pcds, i_lat, i_long, i_doterm, i_authority)


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
        # Plain local names, not attribute look-ups, in a loop run millions of times.
        i_pcds, i_lat, i_long, i_doterm, i_authority = _columns(
            header, source_name, need_authority=need_authority
        )
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
            if not DISTRICT_RE.fullmatch(outward):
                result.unreadable_rows += 1
                continue
            tally = tallies.get(outward)
            if tally is None:
                tally = tallies[outward] = DistrictTally()
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
