"""One quarter's feedback summary as typed values, from the moment it is computed.

The summary file's YAML is written from plain() and nothing else, so the order of its keys
and the form of its values (dates as "2026-04-01", a theme's count only when it has one,
notes only when there are some) are decided in this one place. Reading a file back is the
schema's job (lmo.data.schema.FeedbackSummary), which checks everything written here.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from lmo.features.feedback.disclosure import Published


@dataclass(frozen=True)
class SettingSummary:
    """Responses about one birth setting or hub, by Friends and Family Test answer."""

    setting: str
    responses: Published
    ratings: Mapping[str, Published]  # by rating key, in the order of RATING_KEYS
    percent_positive: int | None

    def plain(self) -> dict[str, Any]:
        return {
            "setting": self.setting,
            "responses": self.responses,
            "ratings": dict(self.ratings),
            "percent_positive": self.percent_positive,
        }


@dataclass(frozen=True)
class ThemeSummary:
    """Responses with a theme: coded by the MNVP, or suggested by their words. None when
    there were none, and then the file does not mention it."""

    theme: str
    coded: Published | None = None
    suggested: Published | None = None

    def plain(self) -> dict[str, Any]:
        found: dict[str, Any] = {"theme": self.theme}
        if self.coded is not None:
            found["coded"] = self.coded
        if self.suggested is not None:
            found["suggested"] = self.suggested
        return found


@dataclass(frozen=True)
class ApprovedQuote:
    """A quote a person approved, whose comment the export still backs."""

    text: str
    fingerprint: str
    language: str
    stage: str
    approved_by: str
    approved_on: dt.date

    def plain(self) -> dict[str, Any]:
        return {
            "text": self.text,
            "fingerprint": self.fingerprint,
            "language": self.language,
            "stage": self.stage,
            "approved_by": self.approved_by,
            "approved_on": self.approved_on.isoformat(),
        }


@dataclass(frozen=True)
class Method:
    """How the feedback was collected and who was not heard; the MNVP's edits carried over."""

    channels: tuple[str, ...]
    not_heard: str
    notes: str | None = None

    def plain(self) -> dict[str, Any]:
        found: dict[str, Any] = {"channels": list(self.channels), "not_heard": self.not_heard}
        if self.notes is not None:
            found["notes"] = self.notes
        return found


@dataclass(frozen=True)
class QuarterSummary:
    """What the summary file of one quarter publishes: counts after disclosure control,
    approved quotes, and the method."""

    quarter: str
    period_start: dt.date
    period_end: dt.date
    mnvps: tuple[str, ...]
    prepared_on: dt.date
    next_summary_by: dt.date
    responses: Published
    percent_positive: int | None
    by_rating: Mapping[str, Published]  # by rating key, in the order of RATING_KEYS
    by_stage: Mapping[str, Published]  # by stage key, in the order of STAGE_KEYS
    by_setting: tuple[SettingSummary, ...]
    themes: tuple[ThemeSummary, ...]
    quotes: tuple[ApprovedQuote, ...]
    declined_quotes: tuple[str, ...]
    method: Method

    def plain(self) -> dict[str, Any]:
        """The summary file's content as plain data, in the file's order, ready for YAML."""
        return {
            "quarter": self.quarter,
            "period_start": self.period_start.isoformat(),
            "period_end": self.period_end.isoformat(),
            "mnvps": list(self.mnvps),
            "prepared_on": self.prepared_on.isoformat(),
            "next_summary_by": self.next_summary_by.isoformat(),
            "responses": self.responses,
            "percent_positive": self.percent_positive,
            "by_rating": dict(self.by_rating),
            "by_stage": dict(self.by_stage),
            "by_setting": [setting.plain() for setting in self.by_setting],
            "themes": [theme.plain() for theme in self.themes],
            "quotes": [quote.plain() for quote in self.quotes],
            "declined_quotes": list(self.declined_quotes),
            "method": self.method.plain(),
        }
