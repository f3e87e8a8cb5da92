"""The value types every data file shares: ids, text, dates, phone numbers, addresses on the
web, postcodes, codes and coordinates.

Each is an ``Annotated`` type: a check that explains the expected form with an example (the
message an editor sees at the value's line), and the JSON Schema that editors' completion uses.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from typing import Annotated, Any

from pydantic import BeforeValidator, PlainSerializer, PlainValidator, WithJsonSchema
from pydantic_core import PydanticCustomError

from lmo.core.numbers import is_uk_phone
from lmo.data.phrases import PhraseUse, phrase_json_schema

_ID_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
LANGUAGE_CODE_RE = re.compile(r"^[a-z]{2,3}(?:-[A-Za-z]{2,4})?$")
DATE_RE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_URL_RE = re.compile(r"^https://[A-Za-z0-9.-]+\.[A-Za-z]{2,}(?::\d+)?(?:[/?#][^\s<>\"]*)?$")
_EMAIL_RE = re.compile(r"^[^@\s<>\"]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+$")
# The Royal Mail format: outward code (area, district) then inward code (sector, unit).
_POSTCODE_RE = re.compile(r"^[A-Z]{1,2}[0-9][A-Z0-9]? [0-9][A-Z]{2}$")
_ODS_RE = re.compile(r"^[A-Z0-9]{3,6}$")

# Great Britain, Northern Ireland, the Isle of Man and the Channel Islands, with a margin.
UK_LATITUDE = (49.8, 60.95)
UK_LONGITUDE = (-8.7, 1.8)


def _check_id(value: Any) -> str:
    if not isinstance(value, str) or not _ID_RE.match(value):
        raise PydanticCustomError(
            "lmo_id",
            'expected an id of lower-case letters, digits and single hyphens, such as "town-hub"',
        )
    return value


# Names the build gives to pages and files of its own, in a section or at a language's root
# (a section's list is its "index"; the search index, the service worker's offline copy, the
# feeds, the feedback trends, the 404 page, the sitemap and the map scripts have the others).
# A record with one of them as its id, or as an old id to redirect from, would take over or
# redirect that address: "previous_ids: [index]" turns the list of hubs into a redirect.
RESERVED_IDS = frozenset(
    {"index", "assets", "search", "maps", "offline", "feed", "trends", "404", "sitemap"}
)


def _check_record_id(value: Any) -> str:
    value = _check_id(value)
    if value in RESERVED_IDS:
        raise PydanticCustomError(
            "lmo_reserved_id",
            "this is the name of a page or file the site makes itself, so this record's"
            " address would replace or redirect it: choose another id, such as one with the"
            " place's name in it",
        )
    return value


def source_hash(text: str) -> str:
    """The fingerprint a translation records of the English it was made from."""
    return hashlib.sha256(text.strip().encode("utf-8")).hexdigest()[:12]


class LocalText:
    """Translatable text: the English original, and its key (where it sits in the data,
    such as ``hubs.town-hub.summary``), which translation files refer to."""

    __slots__ = ("en", "key")

    def __init__(self, en: str, key: str = "") -> None:
        self.en = en
        self.key = key

    def __eq__(self, other: object) -> bool:
        return isinstance(other, LocalText) and other.en == self.en

    def __hash__(self) -> int:
        return hash(self.en)

    def __repr__(self) -> str:
        return f"LocalText({self.en!r}, key={self.key!r})"

    @property
    def source_hash(self) -> str:
        return source_hash(self.en)


def _check_text(value: Any) -> LocalText:
    if isinstance(value, LocalText):
        return value
    if isinstance(value, str):
        if not value.strip():
            raise PydanticCustomError("lmo_text", "expected some text, found an empty value")
        return LocalText(value.strip())
    if isinstance(value, dict):
        raise PydanticCustomError(
            "lmo_text",
            "expected the English text here; translations go in data/translations/<language>.yml"
            " so that who translated them is recorded",
        )
    raise PydanticCustomError("lmo_text", "expected text")


def _check_notice_text(value: Any) -> LocalText | PhraseUse:
    if isinstance(value, PhraseUse):
        return value
    if isinstance(value, dict):
        phrase = value.get("phrase")
        if not isinstance(phrase, str) or not phrase.strip():
            raise PydanticCustomError(
                "lmo_text",
                "expected the English text, or a standard sentence written as 'phrase: <id>'"
                " with its fill-ins, such as 'phrase: suspended-until' (the list is in"
                " docs/data-reference.md#standard-sentences)",
            )
        fills = tuple((str(k), v) for k, v in value.items() if k != "phrase")
        return PhraseUse(phrase.strip(), fills)
    return _check_text(value)


def _check_date(value: Any) -> dt.date:
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str) and DATE_RE.match(value):
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            pass
    raise PydanticCustomError(
        "lmo_date", 'expected a real date written year-month-day, such as "2026-03-31"'
    )


def _check_phone(value: Any) -> str:
    if isinstance(value, int):
        value = str(value)
    # The same rule as for numbers found in text (lmo.core.numbers), plus 112, which a phone field
    # may hold but text never links (there it is as often a count).
    written = isinstance(value, str) and re.fullmatch(r"[0-9 ]+", value)
    if written and (is_uk_phone(value) or value.replace(" ", "") == "112"):
        return value
    raise PydanticCustomError("lmo_phone", 'expected a UK number such as "01632 960123"')


def _check_url(value: Any) -> str:
    if isinstance(value, str) and _URL_RE.match(value):
        return value
    if isinstance(value, str) and value.lower().startswith("http://"):
        # Anyone between the reader and the site can change a page fetched over http, and
        # browsers warn about it: a health site only links to the secure address.
        raise PydanticCustomError(
            "lmo_url",
            "use the https:// address (an http:// page can be changed on its way to the"
            " reader); if the site has no https:// address, leave the field out",
        )
    raise PydanticCustomError(
        "lmo_url", 'expected a web address starting https://, such as "https://www.nhs.uk/"'
    )


def _check_email(value: Any) -> str:
    if isinstance(value, str) and _EMAIL_RE.match(value):
        return value
    raise PydanticCustomError("lmo_email", 'expected an email address such as "mnvp@example.org"')


def _check_postcode(value: Any) -> str:
    if isinstance(value, str) and _POSTCODE_RE.match(value.strip()):
        return value.strip()
    raise PydanticCustomError(
        "lmo_postcode", 'expected a UK postcode in capitals with one space, such as "XY1 2AB"'
    )


def _check_ods(value: Any) -> str:
    if isinstance(value, str) and _ODS_RE.match(value):
        return value
    raise PydanticCustomError(
        "lmo_ods", 'expected an ODS code of 3 to 6 capital letters or digits, such as "RWP"'
    )


def _text_schema() -> dict[str, Any]:
    return {
        "type": "string",
        "minLength": 1,
        "description": "English text; translations go in data/translations/<language>.yml.",
    }


Id = Annotated[
    str, BeforeValidator(_check_id), WithJsonSchema({"type": "string", "pattern": _ID_RE.pattern})
]
# The id of a record with a page of its own (it becomes the last part of the address).
RecordId = Annotated[
    str,
    BeforeValidator(_check_record_id),
    WithJsonSchema(
        {"type": "string", "pattern": _ID_RE.pattern, "not": {"enum": sorted(RESERVED_IDS)}}
    ),
]
Text = Annotated[
    LocalText,
    PlainValidator(_check_text),
    PlainSerializer(lambda text: text.en, return_type=str),
    WithJsonSchema(_text_schema()),
]
# Urgent words: English text, or a standard sentence already translated into every language.
NoticeText = Annotated[
    LocalText | PhraseUse,
    PlainValidator(_check_notice_text),
    PlainSerializer(
        lambda value: value.en if isinstance(value, LocalText) else value.as_mapping(),
        return_type=Any,
    ),
    WithJsonSchema({"title": "NoticeText", "anyOf": [_text_schema(), phrase_json_schema()]}),
]
Date = Annotated[
    dt.date,
    BeforeValidator(_check_date),
    WithJsonSchema({"type": "string", "format": "date", "examples": ["2026-03-31"]}),
]
Phone = Annotated[
    str,
    BeforeValidator(_check_phone),
    WithJsonSchema({"type": "string", "pattern": r"^0[0-9 ]{9,13}$|^(999|111)$"}),
]
Url = Annotated[
    str,
    BeforeValidator(_check_url),
    WithJsonSchema({"type": "string", "format": "uri", "pattern": "^https://"}),
]
Email = Annotated[
    str, BeforeValidator(_check_email), WithJsonSchema({"type": "string", "format": "email"})
]
Postcode = Annotated[
    str,
    BeforeValidator(_check_postcode),
    WithJsonSchema({"type": "string", "pattern": _POSTCODE_RE.pattern}),
]
OdsCode = Annotated[
    str, BeforeValidator(_check_ods), WithJsonSchema({"type": "string", "pattern": _ODS_RE.pattern})
]


def check_latitude(value: float) -> float:
    if not UK_LATITUDE[0] <= value <= UK_LATITUDE[1]:
        raise PydanticCustomError(
            "lmo_coordinates",
            "latitude is outside the UK: expected a number between 49.8 and 60.9, such as 52.19",
        )
    return value


def check_longitude(value: float) -> float:
    if not UK_LONGITUDE[0] <= value <= UK_LONGITUDE[1]:
        raise PydanticCustomError(
            "lmo_coordinates",
            "longitude is outside the UK: expected a number between -8.7 and 1.8,"
            " such as -2.22 (west of Greenwich is negative)",
        )
    return value


RECORD_REF = re.compile(r"^(hubs|birth_settings|services|organisations|places|mnvps)/[a-z0-9-]+$")


def check_record_ref(value: Any) -> str:
    if isinstance(value, str) and RECORD_REF.match(value):
        return value
    raise PydanticCustomError(
        "lmo_ref",
        'expected a record as collection/id, such as "services/booking" or "hubs/town-hub"',
    )
