"""The change log's schema (data/changes.yml): past changes of status, kept public."""

from __future__ import annotations

from typing import Annotated

from pydantic import (
    BeforeValidator,
    Field,
)

from lmo.data.references import ANY_RECORD, Refers
from lmo.data.schema import (
    Date,
    StatusState,
    Strict,
    Text,
    check_record_ref,
)

# --- the change log -------------------------------------------------------------------------


class Change(Strict):
    """A past change of status, kept after the record moves on, so the history stays public.
    A record's current status is published as a change too, without an entry here."""

    date: Date = Field(description="When the change took effect.")
    record: Annotated[str, BeforeValidator(check_record_ref), Refers(ANY_RECORD)]
    state: StatusState = Field(description="The status it changed to.")
    what: Text = Field(description="What changed, in plain words.")
    confirmed_by: str = Field(description="Who confirmed it (a role and organisation).")


class ChangesFile(Strict):
    changes: list[Change] = Field(default_factory=list)
