"""The one schema for every data file in ``data/``.

Models reject unknown keys, so a misspelt field is an error rather than silently
ignored text. Field descriptions feed the generated field reference and the JSON
Schema that gives editors completion. Cross-file checks (references between files,
duplicate ids) live in ``lmo.data.load`` and ``lmo.data.references``; this module only knows one
file at a time.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from typing import Annotated, Any, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    PlainSerializer,
    PlainValidator,
    WithJsonSchema,
    model_validator,
)
from pydantic_core import PydanticCustomError

from lmo.core.i18n import SOURCE_LANGUAGE as SOURCE_LANGUAGE  # re-exported for the schema's users
from lmo.core.numbers import is_uk_phone
from lmo.data.phrases import PhraseUse, phrase_json_schema
from lmo.data.references import ANY_RECORD, SAME_COLLECTION, Refers

# --- value types -------------------------------------------------------------------------

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
            "expected an id of lower-case letters, digits and single hyphens,"
            ' such as "kidderminster-hub"',
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
    such as ``hubs.kidderminster.summary``), which translation files refer to."""

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
        "lmo_postcode", 'expected a UK postcode in capitals with one space, such as "WR5 1DD"'
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
            "latitude is outside the UK: expected a number between 49.8 and 60.9,"
            " such as 52.19 for Worcester",
        )
    return value


def check_longitude(value: float) -> float:
    if not UK_LONGITUDE[0] <= value <= UK_LONGITUDE[1]:
        raise PydanticCustomError(
            "lmo_coordinates",
            "longitude is outside the UK: expected a number between -8.7 and 1.8,"
            " such as -2.22 for Worcester (west of Greenwich is negative)",
        )
    return value


def both_or_neither(model: BaseModel, first: str, second: str) -> None:
    """A record of a check needs who and when together (reviewed_by with reviewed_on)."""
    if (getattr(model, first) is None) != (getattr(model, second) is None):
        raise PydanticCustomError(
            "lmo_review",
            "give both '{first}' and '{second}', or neither",
            {"first": first, "second": second},
        )


class Strict(BaseModel):
    """Base for every block: unknown keys are errors, nothing is coerced silently."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True, frozen=True)


# --- shared record parts -----------------------------------------------------------------

STATUS_STATES = (
    "planned",
    "available",
    "limited",
    "paused",
    "suspended",
    "closing",
    "closed",
    "replaced",
)
StatusState = Literal[
    "planned", "available", "limited", "paused", "suspended", "closing", "closed", "replaced"
]

SITUATIONS = ("not_yet_booked", "early_pregnancy", "later_pregnancy", "in_labour", "after_birth")


class WhatToDoNow(Strict):
    """What a woman should do now, by where she is in her pregnancy. Give every situation
    that applies; leave out the ones that do not. Each takes English text or a standard
    sentence (see Standard sentences), which needs no translator."""

    not_yet_booked: NoticeText | None = Field(None, description="If you have not booked yet.")
    early_pregnancy: NoticeText | None = Field(None, description="Up to about 20 weeks.")
    later_pregnancy: NoticeText | None = Field(None, description="From about 20 weeks.")
    in_labour: NoticeText | None = Field(None, description="If you are in labour now.")
    after_birth: NoticeText | None = Field(None, description="After your baby is born.")

    def given(self) -> list[tuple[str, LocalText | PhraseUse]]:
        return [(name, text) for name in SITUATIONS if (text := getattr(self, name)) is not None]


class Status(Strict):
    state: StatusState = Field(description="One of: " + ", ".join(STATUS_STATES) + ".")
    as_of: Date = Field(description="The date on which this status was confirmed as true.")
    confirmed_by: str | None = Field(
        None, description="Who confirmed the status (a role and organisation, not a person)."
    )
    note: NoticeText | None = Field(
        None, description="What changed, in plain words, or a standard sentence."
    )
    effective_from: Date | None = Field(None, description="When the status took effect.")
    effective_to: Date | None = Field(None, description="When it ends, if known.")
    new_referrals_close: Date | None = Field(None, description="Last day for new referrals.")
    care_ends: Date | None = Field(None, description="Last day of care for people already in it.")
    replaced_by: Annotated[Id, Refers(SAME_COLLECTION)] | None = Field(
        None, description="Id of the record (same kind) that took over, for replaced or closed."
    )
    fallback_provider: Annotated[Id, Refers("organisations")] | None = Field(
        None, description="Id of the organisation that provides care instead, named in advance."
    )
    what_to_do_now: WhatToDoNow | None = Field(
        None, description="Required for every status other than available."
    )

    @model_validator(mode="after")
    def _explain_changes(self) -> Status:
        if self.state != "available" and (
            self.what_to_do_now is None or not self.what_to_do_now.given()
        ):
            raise PydanticCustomError(
                "lmo_status",
                "a status other than 'available' needs 'what_to_do_now' with at least one of"
                " {situations}, so nobody travels to a service that is not there",
                {"situations": ", ".join(SITUATIONS)},
            )
        if self.state == "replaced" and self.replaced_by is None:
            raise PydanticCustomError(
                "lmo_status", "a 'replaced' status needs 'replaced_by: <id of the new record>'"
            )
        if (
            self.effective_from is not None
            and self.effective_to is not None
            and self.effective_to < self.effective_from
        ):
            raise PydanticCustomError(
                "lmo_status", "'effective_to' is before 'effective_from'; check the two dates"
            )
        return self


class Source(Strict):
    title: str = Field(description="Where the facts come from, such as a named plan or web page.")
    reference: str | None = Field(None, description="Page, section or line numbers in it.")
    url: Url | None = None
    confirmed: bool = Field(
        True,
        description="False while the facts still need checking with the service: the page"
        " then says so.",
    )


class Record(Strict):
    """Fields every record carries, whatever it describes."""

    id: RecordId = Field(
        description="Stable id, used in the web address. Never change or reuse it."
    )
    previous_ids: list[RecordId] = Field(
        default_factory=list,
        description="Ids this record had before a rename: their old addresses redirect here.",
    )
    name: Text
    summary: Text = Field(description="One or two plain sentences: what it is and who for.")
    status: Status
    source: Source
    owner: str = Field(description="Who keeps this record true (a team, not a person).")
    last_reviewed: Date
    review_by: Date

    @model_validator(mode="after")
    def _review_after_last(self) -> Record:
        if self.review_by <= self.last_reviewed:
            raise PydanticCustomError("lmo_review", "'review_by' must be after 'last_reviewed'")
        return self


# --- organisations and places ------------------------------------------------------------

ORGANISATION_KINDS = ("nhs_trust", "independent_provider", "icb", "council", "voluntary", "other")


class Cqc(Strict):
    provider_id: str = Field(description="CQC provider id, such as RWP or 1-101234567.")
    url: Url


class Organisation(Record):
    kind: Literal["nhs_trust", "independent_provider", "icb", "council", "voluntary", "other"]
    ods_code: OdsCode | None = Field(None, description="NHS Organisation Data Service code.")
    cqc: Cqc | None = None
    website: Url | None = None
    phone: Phone | None = None


class Address(Strict):
    lines: list[str] = Field(default_factory=list, description="Street lines, if public.")
    town: str
    county: str | None = None
    postcode: Postcode | None = None


class Coordinates(Strict):
    lat: Annotated[float, AfterValidator(check_latitude)]
    lon: Annotated[float, AfterValidator(check_longitude)]
    approximate: bool = Field(
        False, description="True when only the town centre is known: the page says so."
    )


class GettingThere(Strict):
    bus: Text | None = None
    train: Text | None = None
    car: Text | None = None
    parking: Text | None = None
    step_free: Text | None = Field(None, description="Step-free access and lifts.")


class Place(Record):
    address: Address
    coordinates: Coordinates
    getting_there: GettingThere
    opening_hours: Text | None = None
    phone: Phone | None = None


# --- hubs, birth settings and services ---------------------------------------------------

SERVICE_CATEGORIES = (
    "routine_care",
    "specialist_care",
    "targeted_support",
    "choice_and_planning",
    "continuity_of_carer",
    "information_and_groups",
    "voices_partnership",
    "feedback_and_complaints",
)


class Access(Strict):
    self_referral: bool = Field(description="Can she contact the service herself?")
    how: Text = Field(description="How to get it, in plain words.")
    phone: Phone | None = None
    online: Url | None = None
    email: Email | None = None


class Languages(Strict):
    interpreting: Text = Field(description="How to get an interpreter for this service.")
    spoken: list[str] = Field(default_factory=list, description="Languages staff speak.")


class Service(Record):
    category: Literal[
        "routine_care",
        "specialist_care",
        "targeted_support",
        "choice_and_planning",
        "continuity_of_carer",
        "information_and_groups",
        "voices_partnership",
        "feedback_and_complaints",
    ] = Field(description="Which of the eight parts of the Local Maternity Offer it belongs to.")
    for_whom: Text
    access: Access
    provider: Annotated[Id, Refers("organisations")] = Field(
        description="Id of the organisation legally providing it."
    )
    commissioner: Annotated[Id, Refers("organisations")] | None = Field(
        None, description="Id of the organisation paying for it."
    )
    delivered_at: list[Annotated[Id, Refers("places")]] = Field(
        default_factory=list, description="Ids of places."
    )
    area: Text | None = Field(None, description="Where it is offered, if not the whole LMNS.")
    hours: Text | None = None
    languages: Languages | None = None


class Hub(Record):
    place: Annotated[Id, Refers("places")]
    provider: Annotated[Id, Refers("organisations")]
    offers: list[Text] = Field(default_factory=list, description="What happens at the hub.")
    services: list[Annotated[Id, Refers("services")]] = Field(
        default_factory=list, description="Ids of services held here."
    )


BIRTH_SETTING_TYPES = (
    "home",
    "freestanding_midwifery_unit",
    "alongside_midwifery_unit",
    "obstetric_unit",
)
PAIN_RELIEF = (
    "relaxation_and_breathing",
    "water",
    "tens",
    "gas_and_air",
    "opioid_injection",
    "remifentanil",
    "epidural",
)
YesNoUnknown = Literal["yes", "no", "unknown"]


class NeonatalUnit(Strict):
    level: Literal["none", "1", "1+", "2", "3"] = Field(
        description="1 special care, 2 local neonatal unit, 3 intensive care."
    )
    from_weeks: int | None = Field(None, ge=22, le=40, description="Earliest gestation cared for.")
    name: Text | None = None


class Facilities(Strict):
    birth_pools: int | None = Field(None, ge=0, description="Leave out if not confirmed.")
    partner_overnight: YesNoUnknown = "unknown"
    pain_relief: (
        list[
            Literal[
                "relaxation_and_breathing",
                "water",
                "tens",
                "gas_and_air",
                "opioid_injection",
                "remifentanil",
                "epidural",
            ]
        ]
        | None
    ) = Field(
        None,
        description="What is actually offered there, as confirmed by the unit. Leave out"
        " while not confirmed (the page then says so); an empty list means none.",
    )
    neonatal_unit: NeonatalUnit | None = None
    notes: Text | None = None


class Transfer(Strict):
    unit: Annotated[Id, Refers("birth_settings")] = Field(
        description="Id of the obstetric unit birth setting you would go to."
    )
    typical_minutes: int | None = Field(None, ge=1, le=600)
    what_happens: Text


class BirthSetting(Record):
    type: Literal[
        "home", "freestanding_midwifery_unit", "alongside_midwifery_unit", "obstetric_unit"
    ]
    place: Annotated[Id, Refers("places")] | None = Field(
        None, description="Id of the place; not used for home birth."
    )
    area: Text | None = Field(None, description="Where home birth is offered.")
    provider: Annotated[Id, Refers("organisations")]
    in_area: bool = Field(True, description="False for units outside the LMNS.")
    facilities: Facilities
    suits: Text = Field(description="Who the setting suits, in words. Not a clinical rule.")
    transfer: Transfer | None = Field(None, description="Required unless an obstetric unit.")

    @model_validator(mode="after")
    def _shape_for_type(self) -> BirthSetting:
        if self.type != "home" and self.place is None:
            raise PydanticCustomError(
                "lmo_setting", "a unit needs 'place: <id of a place in places.yml>'"
            )
        if self.type != "obstetric_unit" and self.transfer is None:
            raise PydanticCustomError(
                "lmo_setting",
                "a setting other than an obstetric unit needs 'transfer:' with 'unit' and"
                " 'what_happens', so women know what happens if they need to move",
            )
        return self


# --- the LMNS, its voices partnerships, concerns and glossary ----------------------------


class TriageLine(Strict):
    birth_setting: Annotated[Id, Refers("birth_settings")] = Field(
        description="Id of the birth unit this line answers for."
    )
    name: Text
    phone: Phone
    hours: Text


class Mnvp(Record):
    area: Text
    website: Url | None = None
    email: Email | None = None
    how_to_join: Text
    meetings: Text | None = None


RECORD_REF = re.compile(r"^(hubs|birth_settings|services|organisations|places|mnvps)/[a-z0-9-]+$")


def check_record_ref(value: Any) -> str:
    if isinstance(value, str) and RECORD_REF.match(value):
        return value
    raise PydanticCustomError(
        "lmo_ref",
        'expected a record as collection/id, such as "services/booking" or "hubs/evesham-hub"',
    )


class SiteNotice(Strict):
    """An urgent change shown at the top of every page until its end date."""

    text: NoticeText = Field(description="What changed: English text, or a standard sentence.")
    until: Date = Field(description="Last day to show it; after that the build leaves it out.")
    record: Annotated[str, BeforeValidator(check_record_ref), Refers(ANY_RECORD)] | None = Field(
        None, description="The record it is about, as collection/id, such as services/booking."
    )


class Lmns(Strict):
    name: Text
    short_name: str
    area: Text
    demo: bool = Field(description="True for a demonstration: a banner on every page says so.")
    snapshot_date: Date | None = Field(
        None, description="For a demonstration: the date the example facts describe."
    )
    intro: Text
    when_to_call_999: Text
    triage_lines: list[TriageLine] = Field(min_length=1)
    single_point_of_access: Annotated[Id, Refers("services")] = Field(
        description="Id of the self-referral service."
    )
    interpreting: Text = Field(description="How to ask for an interpreter, for every page.")
    interpreting_services: list[Annotated[Id, Refers("services")]] = Field(
        default_factory=list, description="Ids of the interpreting services, listed with it."
    )
    site_notice: SiteNotice | None = None
    source: Source
    owner: str
    last_reviewed: Date
    review_by: Date


class ConcernRoute(Record):
    for_what: Text = Field(description="What this route is for.")
    how: Text
    organisation: Annotated[Id, Refers("organisations")] | None = None
    phone: Phone | None = None
    website: Url | None = None
    formal_complaint: bool = False


class Term(Strict):
    id: Id
    term: Text
    definition: Text
    also_called: list[str] = Field(default_factory=list, description="Former or other names.")


# --- files -------------------------------------------------------------------------------


class LmnsFile(Strict):
    lmns: Lmns
    mnvps: list[Mnvp] = Field(min_length=1)


class OrganisationsFile(Strict):
    organisations: list[Organisation]


class PlacesFile(Strict):
    places: list[Place]


class HubsFile(Strict):
    hubs: list[Hub]


class BirthSettingsFile(Strict):
    birth_settings: list[BirthSetting]


class ServicesFile(Strict):
    services: list[Service]


class ConcernsFile(Strict):
    routes: list[ConcernRoute]


class GlossaryFile(Strict):
    source: Source
    owner: str
    last_reviewed: Date
    review_by: Date
    terms: list[Term]


# --- translations of data ------------------------------------------------------------------

TRANSLATION_METHODS = ("machine", "professional", "community")


def _check_hash(value: Any) -> str:
    if isinstance(value, str) and re.fullmatch(r"[0-9a-f]{12}", value):
        return value
    raise PydanticCustomError(
        "lmo_hash",
        "expected the 12-character fingerprint of the English text in double quotes, as"
        " written by 'make translations-todo'",
    )


class TranslationEntry(Strict):
    text: str = Field(min_length=1, description="The text in this language.")
    method: Literal["machine", "professional", "community"] = Field(
        description="How it was made: machine (a draft by software), professional, community."
    )
    source: Annotated[str, BeforeValidator(_check_hash)] = Field(
        description="Fingerprint of the English it was translated from; when the English"
        " changes, the site shows the translation as possibly out of date."
    )
    reviewed_by: str | None = Field(None, description="Who checked it (a role, not a name).")
    reviewed_on: Date | None = None

    @model_validator(mode="after")
    def _review_pair(self) -> TranslationEntry:
        both_or_neither(self, "reviewed_by", "reviewed_on")
        return self

    @property
    def reviewed(self) -> bool:
        return self.reviewed_by is not None


class TranslationsFile(Strict):
    language: Annotated[str, AfterValidator(lambda v: v)] = Field(
        description="The language code, the same as the file name (pl for pl.yml)."
    )
    translations: dict[str, TranslationEntry] = Field(
        default_factory=dict,
        description="Key (such as hubs.kidderminster.summary) -> the translation.",
    )


# The core's files, read by lmo.data.load. Each feature declares its own files
# (lmo/features/<name>/__init__.py); a feature whose files are absent is off.
DATA_FILES: dict[str, type[Strict]] = {
    "lmns.yml": LmnsFile,
    "organisations.yml": OrganisationsFile,
    "places.yml": PlacesFile,
    "hubs.yml": HubsFile,
    "birth_settings.yml": BirthSettingsFile,
    "services.yml": ServicesFile,
    "concerns.yml": ConcernsFile,
    "glossary.yml": GlossaryFile,
}
