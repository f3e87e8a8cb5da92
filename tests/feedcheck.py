"""Check generated Atom and JSON Feed documents against the schemas in tests/schemas.

    from feedcheck import atom_errors, json_feed_errors

    assert atom_errors(path.read_bytes()) == []
    assert json_feed_errors(path.read_text(encoding="utf-8")) == []

Both functions return human-readable error strings; an empty list means the feed is valid.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from datetime import UTC, datetime, timedelta, timezone
from functools import cache
from pathlib import Path
from typing import Any

from jsonschema import Draft202012Validator, FormatChecker
from jsonschema.exceptions import ValidationError
from lxml import etree

SCHEMAS = Path(__file__).parent / "schemas"
ATOM_SCHEMA = SCHEMAS / "atom.rng"
JSON_FEED_SCHEMA = SCHEMAS / "jsonfeed-1.1.schema.json"

ATOM_NS = "http://www.w3.org/2005/Atom"
ALTERNATE_RELS = {"alternate", "http://www.iana.org/assignments/relation/alternate"}


def _date_time_pattern(t: str, z: str) -> re.Pattern[str]:
    return re.compile(
        r"(\d{4})-(\d{2})-(\d{2})" + t + r"(\d{2}):(\d{2}):(\d{2})(?:\.(\d+))?"
        r"(?:" + z + r"|([+-])(\d{2}):(\d{2}))"
    )


# RFC 3339 section 5.6 date-time. RFC 4287 section 3.3 also requires an uppercase "T" and "Z";
# RFC 3339 itself lets them be lowercase.
ATOM_DATE_TIME = _date_time_pattern("T", "Z")
RFC3339_DATE_TIME = _date_time_pattern("[Tt]", "[Zz]")


def parse_date_time(value: str, *, atom: bool = False) -> datetime | None:
    """Return the moment an RFC 3339 date-time names, or None if it is not one.

    A leap second (":60") is accepted, as RFC 3339 allows, and read as ":59".
    """
    match = (ATOM_DATE_TIME if atom else RFC3339_DATE_TIME).fullmatch(value)
    if match is None:
        return None
    year, month, day, hour, minute, second = (int(g) for g in match.groups()[:6])
    fraction, sign, off_hour, off_minute = match.groups()[6:]
    if second == 60:
        second = 59
    try:
        tz = UTC
        if sign is not None:
            if int(off_hour) > 23 or int(off_minute) > 59:
                return None
            offset = timedelta(hours=int(off_hour), minutes=int(off_minute))
            tz = timezone(-offset if sign == "-" else offset)
        micro = int((fraction or "0")[:6].ljust(6, "0"))
        return datetime(year, month, day, hour, minute, second, micro, tzinfo=tz)
    except ValueError:
        return None


# --------------------------------------------------------------------------------------
# Atom
# --------------------------------------------------------------------------------------


@cache
def _atom_schema() -> etree.RelaxNG:
    return etree.RelaxNG(etree.parse(str(ATOM_SCHEMA)))


def _atom(name: str) -> str:
    return f"{{{ATOM_NS}}}{name}"


def _describe(element: etree._Element) -> str:
    local = etree.QName(element).localname
    ident = element.find(_atom("id"))
    label = f"atom:{local}"
    if ident is not None and ident.text and local != "feed":
        label += f" {ident.text.strip()!r}"
    return f"line {element.sourceline}: {label}"


def _structure_errors(feed: etree._Element) -> list[str]:
    """Plain-language versions of the commonest schema failures.

    libxml2 reports interleave failures vaguely ("Extra element author in interleave"), so these
    repeat the main RFC 4287 section 4 rules in words. They never find anything the schema accepts.
    """
    errors: list[str] = []
    entries = feed.findall(_atom("entry"))
    for element, required in [(feed, ("id", "title", "updated"))] + [
        (entry, ("id", "title", "updated")) for entry in entries
    ]:
        for name in required:
            count = len(element.findall(_atom(name)))
            if count != 1:
                found = "none" if count == 0 else count
                errors.append(f"{_describe(element)} needs exactly one atom:{name}, found {found}")
    feed_has_author = feed.find(_atom("author")) is not None
    for entry in entries:
        has_content = entry.find(_atom("content")) is not None
        has_alternate = any(
            link.get("rel", "alternate") in ALTERNATE_RELS for link in entry.findall(_atom("link"))
        )
        if not has_content and not has_alternate:
            errors.append(f"{_describe(entry)} has neither atom:content nor an alternate atom:link")
        source = entry.find(_atom("source"))
        if not (
            feed_has_author
            or entry.find(_atom("author")) is not None
            or (source is not None and source.find(_atom("author")) is not None)
        ):
            errors.append(
                f"{_describe(entry)} has no atom:author and the feed has no atom:author either"
            )
    return errors


def _date_errors(root: etree._Element) -> list[str]:
    errors = []
    for element in root.iter(_atom("updated"), _atom("published")):
        value = element.text or ""
        if parse_date_time(value, atom=True) is None:
            errors.append(
                f"line {element.sourceline}: atom:{etree.QName(element).localname} {value!r} "
                "is not an RFC 3339 date-time (YYYY-MM-DDThh:mm:ss with Z or ±hh:mm)"
            )
    return errors


def atom_errors(xml_bytes: bytes | str) -> list[str]:
    """Return the ways an Atom feed document breaks tests/schemas/atom.rng (RFC 4287)."""
    if isinstance(xml_bytes, str):
        xml_bytes = xml_bytes.encode("utf-8")
    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False)
    try:
        root = etree.fromstring(xml_bytes, parser)
    except etree.XMLSyntaxError as exc:
        return [f"not well-formed XML: {exc}"]
    if root.tag != _atom("feed"):
        return [f"root element is {root.tag!r}, expected atom:feed ({{{ATOM_NS}}}feed)"]

    schema = _atom_schema()
    if schema.validate(root):
        return _date_errors(root)
    # Plain-language explanations first, then libxml2's own (terser) account.
    errors = _structure_errors(root) + _date_errors(root)
    for entry in schema.error_log:
        where = f"line {entry.line}" if entry.line else "schema"
        message = f"{where}: {entry.message}"
        if message not in errors:
            errors.append(message)
    return errors


# --------------------------------------------------------------------------------------
# JSON Feed
# --------------------------------------------------------------------------------------


@cache
def _json_feed_validator() -> Draft202012Validator:
    schema = json.loads(JSON_FEED_SCHEMA.read_text(encoding="utf-8"))
    Draft202012Validator.check_schema(schema)
    # Check "date-time" ourselves rather than relying on whichever optional format
    # libraries happen to be installed; other formats stay annotations only.
    checker = FormatChecker(formats=())
    checker.checks("date-time")(_is_date_time)
    return Draft202012Validator(schema, format_checker=checker)


def _is_date_time(value: object) -> bool:
    return not isinstance(value, str) or parse_date_time(value) is not None


def _messages(error: ValidationError) -> Iterable[str]:
    where = error.json_path
    if error.validator == "additionalProperties" and isinstance(error.instance, dict):
        allowed = set(error.schema.get("properties", {}))
        for key in sorted(k for k in error.instance if k not in allowed and not k.startswith("_")):
            yield (
                f"{where}: unexpected member {key!r} (JSON Feed 1.1 defines no such member; "
                "extensions must start with '_')"
            )
    elif error.validator in ("anyOf", "oneOf") and error.context:
        options = sorted({sub.message for sub in error.context})
        yield f"{where}: must satisfy one of: {'; or '.join(options)}"
    else:
        yield f"{where}: {error.message}"


def json_feed_errors(text: str | bytes) -> list[str]:
    """Return the ways a JSON Feed breaks tests/schemas/jsonfeed-1.1.schema.json."""
    try:
        feed: Any = json.loads(text)
    except json.JSONDecodeError as exc:
        return [f"not valid JSON: {exc}"]

    validator = _json_feed_validator()
    schema_errors = sorted(
        (
            error
            for error in validator.iter_errors(feed)
            # The schema's date-time regex restates the format check, which explains it better.
            if not (error.validator == "pattern" and error.schema.get("format") == "date-time")
        ),
        key=lambda e: (e.json_path, e.message),
    )
    errors = [message for error in schema_errors for message in _messages(error)]

    items = feed.get("items") if isinstance(feed, dict) else None
    if isinstance(items, list):
        first_seen: dict[str, int] = {}
        for index, item in enumerate(items):
            if not isinstance(item, dict) or not isinstance(item.get("id"), str):
                continue
            ident = item["id"]
            if ident in first_seen:
                errors.append(
                    f"$.items[{index}].id: duplicate id {ident!r} "
                    f"(also used by $.items[{first_seen[ident]}])"
                )
            else:
                first_seen[ident] = index
    return errors
