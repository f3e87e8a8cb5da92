"""The MNVP feedback schema: themes, quarterly summaries and "you said, we did"."""

from __future__ import annotations

import re
from typing import Annotated, Any, Literal

from pydantic import (
    BeforeValidator,
    Field,
    PlainValidator,
    WithJsonSchema,
    model_validator,
)
from pydantic_core import PydanticCustomError

from lmo.data.schema import (
    LANGUAGE_CODE_RE,
    Date,
    Id,
    Source,
    Strict,
    Text,
)

# --- MNVP feedback: themes, quarterly summaries, "you said, we did" ------------------------

# Counts from 1 to 4 are published as "fewer than 5"; "not shown" hides a larger count that
# would let a reader work out a small one (lmo.features.feedback.disclosure applies these rules).
FEWER_THAN_5 = "fewer than 5"
"""Published in place of a count from 1 to 4."""
NOT_SHOWN = "not shown"
"""Published in place of a count of 5 or more that is hidden to protect a small count."""
SMALL_COUNT = 5
"""Counts from 1 to SMALL_COUNT - 1 are small."""
# No percentage on fewer responses than this: with 20, one person moves a figure by 5 points.
MIN_PERCENT_BASE = 20
RATING_KEYS = ("very_good", "good", "neither", "poor", "very_poor", "dont_know")
STAGE_KEYS = ("antenatal", "birth", "postnatal", "neonatal", "other")
# Columns of a raw export: their presence in a published file means raw rows got in.
RAW_FIELDS = frozenset(
    {"submitted", "comment", "consent_to_publish", "rows", "raw", "responses_raw", "row"}
)


def _check_count(value: Any) -> int | str:
    if value in (FEWER_THAN_5, NOT_SHOWN):
        return str(value)
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise PydanticCustomError(
            "lmo_count",
            f'expected a whole number, "{FEWER_THAN_5}" or "{NOT_SHOWN}"',
        )
    if 0 < value < SMALL_COUNT:
        raise PydanticCustomError(
            "lmo_count",
            f'a count from 1 to 4 could identify someone: publish it as "{FEWER_THAN_5}"',
        )
    return value


Count = Annotated[
    int | str,
    PlainValidator(_check_count),
    WithJsonSchema(
        {
            "anyOf": [
                {"type": "integer", "minimum": 0},
                {"enum": [FEWER_THAN_5, NOT_SHOWN]},
            ]
        }
    ),
]


def _refuse_raw(data: Any) -> Any:
    if isinstance(data, dict):
        for key in data:
            if key in RAW_FIELDS:
                raise PydanticCustomError(
                    "lmo_raw",
                    "'{key}' belongs to raw survey responses, which must never be in the"
                    " repository or on the site: publish only the summary written by"
                    " 'make feedback', and delete this",
                    {"key": key},
                )
    return data


class FeedbackTheme(Strict):
    id: Id
    name: Text
    keywords: list[str] = Field(
        default_factory=list,
        description="Words or phrases (lower case) that suggest this theme in a comment.",
    )


class FeedbackThemesFile(Strict):
    themes: list[FeedbackTheme] = Field(default_factory=list)


class RatingCounts(Strict):
    """Responses by Friends and Family Test answer."""

    very_good: Count
    good: Count
    neither: Count = Field(description="Neither good nor poor.")
    poor: Count
    very_poor: Count
    dont_know: Count


class StageCounts(Strict):
    antenatal: Count
    birth: Count
    postnatal: Count
    neonatal: Count
    other: Count


class SettingBreakdown(Strict):
    setting: Id = Field(description="Id of a birth setting or hub, or 'other'.")
    responses: Count
    ratings: RatingCounts
    percent_positive: int | None = Field(None, ge=0, le=100)


class ThemeCount(Strict):
    theme: Id
    coded: Count | None = Field(None, description="Responses the MNVP coded with this theme.")
    suggested: Count | None = Field(
        None, description="Other responses whose words suggest it (keyword match, unchecked)."
    )


class Quote(Strict):
    """A quote a person approved. Candidates never reach this file: they wait in the private
    review report beside the export, so nothing unapproved is ever in a pull request."""

    text: str = Field(min_length=1)
    fingerprint: Annotated[str, BeforeValidator(lambda v: _check_fingerprint(v))] = Field(
        description="The first 12 hex digits of the SHA-256 of the exact text: an approval"
        " covers these words only."
    )
    language: str = Field(
        pattern=LANGUAGE_CODE_RE.pattern, description="The language it is written in."
    )
    stage: Literal["antenatal", "birth", "postnatal", "neonatal", "other"]
    approved_by: str = Field(description="Who approved it for publication (a role).")
    approved_on: Date = Field(description="The day it was approved: not in the future.")

    _raw = model_validator(mode="before")(_refuse_raw)


def _check_fingerprint(value: Any) -> str:
    if isinstance(value, str) and re.fullmatch(r"[0-9a-f]{12}", value):
        return value
    raise PydanticCustomError(
        "lmo_hash", "expected the 12-character fingerprint that 'make feedback' wrote"
    )


class FeedbackMethod(Strict):
    channels: list[Text] = Field(
        description="How feedback was collected, such as an online survey."
    )
    not_heard: Text = Field(description="Who was not heard, or too few to report: say it plainly.")
    notes: Text | None = None


class FeedbackSummary(Strict):
    """One quarter's published summary, written by 'make feedback' and edited only where
    the header comment says."""

    quarter: str = Field(pattern=r"^\d{4}-\d{2}-q[1-4]$", description="Such as 2026-27-q1.")
    period_start: Date
    period_end: Date
    mnvps: list[Id] = Field(
        min_length=1, description="Ids of the MNVPs that ran the survey (lmns.yml)."
    )
    prepared_on: Date
    next_summary_by: Date = Field(description="When the next summary is due: its review date.")
    responses: Count
    percent_positive: int | None = Field(None, ge=0, le=100)
    by_rating: RatingCounts
    by_stage: StageCounts
    by_setting: list[SettingBreakdown] = Field(default_factory=list)
    themes: list[ThemeCount] = Field(default_factory=list)
    # Empty when nothing is approved: 'quotes:' is written bare, ready for a pasted block.
    quotes: Annotated[list[Quote], BeforeValidator(lambda v: [] if v is None else v)] = Field(
        default_factory=list
    )
    declined_quotes: list[Annotated[str, BeforeValidator(lambda v: _check_fingerprint(v))]] = Field(
        default_factory=list,
        description="Fingerprints of quotes the approver turned down: never offered again."
        " Fingerprints only, never text.",
    )
    method: FeedbackMethod

    _raw = model_validator(mode="before")(_refuse_raw)


class FeedbackAction(Strict):
    id: Id
    you_said: Text = Field(description="What women and families said, in their words or a theme.")
    theme: Id | None = Field(None, description="Id of a theme in feedback_themes.yml.")
    quarter: str | None = Field(
        None, pattern=r"^\d{4}-\d{2}-q[1-4]$", description="The summary it came from."
    )
    we_did: Text = Field(description="What was done, or is planned.")
    owner: str = Field(description="Who is responsible (a team or role).")
    status: Literal["planned", "in_progress", "done", "not_adopted"]
    due: Date
    updated: Date = Field(description="When this action was last checked.")
    evidence: Source | None = Field(
        None, description="Required for done: where anyone can see that it was done."
    )
    reason: Text | None = Field(None, description="Required for not_adopted: why not.")

    @model_validator(mode="after")
    def _status_needs(self) -> FeedbackAction:
        if self.status == "done" and self.evidence is None:
            raise PydanticCustomError(
                "lmo_action",
                "an action marked 'done' needs 'evidence' (title and, if public, url): done"
                " without evidence is not done",
            )
        if self.status == "not_adopted" and self.reason is None:
            raise PydanticCustomError(
                "lmo_action", "an action marked 'not_adopted' needs 'reason': say why"
            )
        return self


class YouSaidWeDidFile(Strict):
    owner: str = Field(description="Who keeps this list true (the MNVP and the LMNS).")
    last_reviewed: Date
    review_by: Date
    actions: list[FeedbackAction] = Field(default_factory=list)


# Quarterly summaries: one file each in data/feedback/, named by quarter.
FEEDBACK_DIR = "feedback"
