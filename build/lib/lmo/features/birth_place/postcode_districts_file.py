"""The file editors keep, ``data/postcode_districts.yml``: read back, written, checked.

Editors add towns by hand to this file and name its owner; a rebuild keeps both. It is
written as text with a fixed layout rather than dumped, so that the same directory gives
the same bytes and a reviewer's diff shows only what moved.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import textwrap
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import yaml
from pydantic import ValidationError

from lmo.core.files import write_atomically
from lmo.core.yamlsource import load_yaml
from lmo.data.messages import problems_from_validation
from lmo.features.birth_place.postcode_directory import ONSPD_URL
from lmo.features.birth_place.postcode_errors import PostcodeImportError
from lmo.features.birth_place.postcode_selection import district_sort_key
from lmo.features.birth_place.schema import PostcodeDistrictsFile

# The licence asks for this statement wherever the data is used, so it travels in the
# file's header and in its source (which the site shows).
ATTRIBUTION = (
    "Contains OS data © Crown copyright and database right; Contains Royal Mail data ©"
    " Royal Mail copyright and database right; Source: Office for National Statistics"
    " licensed under the Open Government Licence v.3.0"
)
SCHEMA_COMMENT = "# yaml-language-server: $schema=../schemas/postcode_districts.schema.json"
REVIEW_MONTHS = 6

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
        "# XY1), for the distances on the birth-place page. Her browser looks up what she",
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


def write_districts_file(out: Path, text: str) -> None:
    # Written beside the old file and then swapped in, so a failed write never loses the
    # towns lists an editor typed.
    try:
        write_atomically(out, text.encode("utf-8"))
    except OSError as error:
        raise PostcodeImportError(f"{out}: cannot write it ({error.strerror})") from None
