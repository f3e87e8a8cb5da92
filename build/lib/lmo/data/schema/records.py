"""What every record shares: the strict base of every block, the record's status (the safety
message), where its facts come from, and who keeps it true and when it was last checked."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator
from pydantic_core import PydanticCustomError

from lmo.data.phrases import PhraseUse
from lmo.data.references import SAME_COLLECTION, Refers
from lmo.data.schema.values import Date, Id, LocalText, NoticeText, RecordId, Text, Url


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
