"""``lmns.yml`` (the LMNS and its Maternity and Neonatal Voices Partnerships), ``concerns.yml``
and ``glossary.yml``: the words around the care, for every page."""

from __future__ import annotations

from typing import Annotated

from pydantic import BeforeValidator, Field

from lmo.data.references import ANY_RECORD, Refers
from lmo.data.schema.records import Record, Source, Strict
from lmo.data.schema.values import (
    Date,
    Email,
    Id,
    NoticeText,
    Phone,
    Text,
    Url,
    check_record_ref,
)


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


class LmnsFile(Strict):
    lmns: Lmns
    mnvps: list[Mnvp] = Field(min_length=1)


class ConcernsFile(Strict):
    routes: list[ConcernRoute]


class GlossaryFile(Strict):
    source: Source
    owner: str
    last_reviewed: Date
    review_by: Date
    terms: list[Term]
