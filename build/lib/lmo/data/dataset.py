"""The checked data set: the core's records by collection, each feature's checked value,
and where every record and dated file is, for later messages."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from lmo.data import schema
from lmo.data.translations import Store

# The record lists of a data set, each with a page (or, for concerns, an anchor) per record.
COLLECTIONS = (
    "mnvps",
    "organisations",
    "places",
    "hubs",
    "birth_settings",
    "services",
    "concerns",
)


@dataclass(frozen=True)
class Reviewed:
    """Something dated whose facts someone must check again by ``review_by``."""

    what: str  # for people: "hubs/town-hub", "care_plan"
    owner: str | None
    review_by: dt.date
    where: tuple[str, int, int]
    path: str  # the field to change, for the warning
    # The warning, when the usual "review date has passed" is not what to do.
    overdue: str | None = None


@dataclass
class DataSet:
    lmns: schema.Lmns
    mnvps: dict[str, schema.Mnvp]
    organisations: dict[str, schema.Organisation]
    places: dict[str, schema.Place]
    hubs: dict[str, schema.Hub]
    birth_settings: dict[str, schema.BirthSetting]
    services: dict[str, schema.Service]
    concerns: dict[str, schema.ConcernRoute]
    glossary: schema.GlossaryFile | None  # None: the site has no glossary (yet)
    # (collection, id) -> (file, line, column) of the record, for later messages.
    where: dict[tuple[str, str], tuple[str, int, int]] = field(default_factory=dict)
    # Every translatable value by key, and the translations of them by language.
    texts: dict[str, schema.LocalText] = field(default_factory=dict)
    translations: Store = field(default_factory=Store)
    # Each feature's checked value, by feature name (lmo.data.contract); a feature that is
    # off has no entry. Features read their own entry through a typed accessor.
    features: dict[str, Any] = field(default_factory=dict)
    # Everything with a review date, core and features alike, for warnings and reports.
    reviews: list[Reviewed] = field(default_factory=list)
    # Names of places in the area beyond the records' own (lmo.data.contract.place_names).
    place_names: list[str] = field(default_factory=list)

    def record(self, ref: str) -> schema.Record | None:
        """A record from a reference such as services/booking."""
        collection, _, record_id = ref.partition("/")
        table = getattr(self, collection, None)
        return table.get(record_id) if isinstance(table, dict) else None

    def text_roots(self) -> Iterable[tuple[str, Any]]:
        """Every translatable value of the core, with its key (features add their own)."""
        yield "lmns", self.lmns
        for collection, record in self.records():
            yield f"{collection}.{record.id}", record
        for term in self.glossary.terms if self.glossary is not None else ():
            yield f"glossary.{term.id}", term

    def settings_by_type(self) -> list[tuple[str, list[schema.BirthSetting]]]:
        """Birth settings grouped by type, open ones and in-area first (the forms' lists)."""
        groups = []
        for kind in schema.BIRTH_SETTING_TYPES:
            items = [s for s in self.birth_settings.values() if s.type == kind]
            items.sort(
                key=lambda s: (not s.in_area, s.status.state in ("closed", "replaced"), s.id)
            )
            if items:
                groups.append((kind, items))
        return groups

    def records(self) -> Iterable[tuple[str, schema.Record]]:
        for collection in COLLECTIONS:
            for record in getattr(self, collection).values():
                yield collection, record
