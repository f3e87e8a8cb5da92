"""What each core page shows, built from the data set before its template runs.

A template receives one of these as ``page`` and nothing else of the data: the lookups,
filters and groupings (a hub's place, the services an organisation provides, services by
category) are made here, in Python, where they are typed and tested. The only way from a
template back into the data set is ``record_link`` (lmo.site.render), which names a record
by its id.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from lmo.data import schema
from lmo.data.dataset import DataSet
from lmo.data.schema import LocalText

# --- a record's own page -----------------------------------------------------------------


@dataclass(frozen=True)
class RecordPage:
    """A record whose page shows only its own fields (an MNVP)."""

    record: schema.Record


@dataclass(frozen=True)
class HubPage:
    record: schema.Hub
    place: schema.Place
    services: tuple[schema.Service, ...]  # held at the hub, in the hub's order


@dataclass(frozen=True)
class BirthSettingPage:
    record: schema.BirthSetting
    place: schema.Place | None  # none for a home birth, which names an area instead


@dataclass(frozen=True)
class ServicePage:
    record: schema.Service
    places: tuple[schema.Place, ...]  # where it is delivered, in the record's order


@dataclass(frozen=True)
class OrganisationPage:
    record: schema.Organisation
    settings: tuple[schema.BirthSetting, ...]  # the birth settings it runs
    hubs: tuple[schema.Hub, ...]  # the hubs it runs
    provided: tuple[schema.Service, ...]
    commissioned: tuple[schema.Service, ...]  # the services it pays for


@dataclass(frozen=True)
class PlacePage:
    """A place, and what is there."""

    record: schema.Place
    hubs: tuple[schema.Hub, ...]
    settings: tuple[schema.BirthSetting, ...]
    services: tuple[schema.Service, ...]


@dataclass(frozen=True)
class MovedPage:
    """The old address of a renamed record."""

    record: schema.Record
    collection: str


def hub_page(ds: DataSet, hub: schema.Hub) -> HubPage:
    return HubPage(hub, ds.places[hub.place], tuple(ds.services[s] for s in hub.services))


def birth_setting_page(ds: DataSet, setting: schema.BirthSetting) -> BirthSettingPage:
    return BirthSettingPage(setting, ds.places[setting.place] if setting.place else None)


def service_page(ds: DataSet, service: schema.Service) -> ServicePage:
    return ServicePage(service, tuple(ds.places[p] for p in service.delivered_at))


def organisation_page(ds: DataSet, org: schema.Organisation) -> OrganisationPage:
    return OrganisationPage(
        org,
        settings=tuple(s for s in ds.birth_settings.values() if s.provider == org.id),
        hubs=tuple(h for h in ds.hubs.values() if h.provider == org.id),
        provided=tuple(s for s in ds.services.values() if s.provider == org.id),
        commissioned=tuple(s for s in ds.services.values() if s.commissioner == org.id),
    )


def place_page(ds: DataSet, place: schema.Place) -> PlacePage:
    return PlacePage(
        place,
        hubs=tuple(h for h in ds.hubs.values() if h.place == place.id),
        settings=tuple(s for s in ds.birth_settings.values() if s.place == place.id),
        services=tuple(s for s in ds.services.values() if place.id in s.delivered_at),
    )


def record_page(_ds: DataSet, record: schema.Record) -> RecordPage:
    return RecordPage(record)


# --- listings ----------------------------------------------------------------------------


# A change is news on the home page for this long after it was confirmed or took effect (or
# before it takes effect); after that it is on the changes page and the record's own page only.
RECENT_DAYS = 90
# States in which a service she may be relying on is not there: with advice for labour,
# such a change is urgent however long ago it was confirmed. "closed" is news for
# RECENT_DAYS only: a unit closed for good is no longer one of her options.
STOPPED_FOR_NOW = frozenset({"paused", "suspended", "closing"})
# A state whose change is still ahead of her.
STILL_TO_COME = frozenset({"planned", "closing"})
# The home page's groups of changes, in the order shown.
HOME_CHANGE_GROUPS = ("now", "soon")


def is_urgent(status: schema.Status) -> bool:
    """A service that has stopped, or is about to, and tells her what to do in labour."""
    advice = status.what_to_do_now
    return status.state in STOPPED_FOR_NOW and advice is not None and advice.in_labour is not None


def affects_her_now(status: schema.Status, today: dt.date, days: int = RECENT_DAYS) -> bool:
    """Whether a change belongs on the home page on ``today``: not available, not over, and
    either recent (confirmed, or taking effect, within ``days`` of today), in force across
    today for a known time, or urgent."""
    if status.state == "available":
        return False
    if status.effective_to is not None and status.effective_to < today:
        return False  # over: it stays on the changes page
    window = dt.timedelta(days=days)
    dates = (
        status.effective_from,
        status.effective_to,
        status.new_referrals_close,
        status.care_ends,
    )
    near = [status.as_of, *(d for d in dates if d is not None)]
    recent = any(today - window <= d <= today + window for d in near)
    spans_today = (
        status.effective_from is not None
        and status.effective_to is not None
        and status.effective_from <= today <= status.effective_to
    )
    return recent or spans_today or is_urgent(status)


def change_group(status: schema.Status, today: dt.date) -> str:
    """ "soon" for a change still ahead of her, "now" for one in place."""
    ahead = status.effective_from is not None and status.effective_from > today
    return "soon" if ahead or status.state in STILL_TO_COME else "now"


@dataclass(frozen=True)
class HomeChange:
    collection: str
    record: schema.Record
    urgent: bool


@dataclass(frozen=True)
class HomePage:
    name: LocalText
    intro: LocalText
    single_point_of_access: schema.Service
    # every record not simply available, as (collection, record), newest first
    changed: tuple[tuple[str, schema.Record], ...]
    offer: tuple[tuple[str, int], ...]  # (service category, number of services), every one
    sections: frozenset[str]  # the core sections with a page, for the links to them
    mnvps: int  # how many partnerships, so the page says "partnership" for an area with one

    def changes_now(self, today: dt.date) -> tuple[tuple[str, tuple[HomeChange, ...]], ...]:
        """The changes that affect her on ``today`` (the build's date, which the template
        has), by group in HOME_CHANGE_GROUPS order, urgent ones first; empty groups left out.
        A method rather than a field because the page's ``today`` is the renderer's."""
        now = [
            HomeChange(c, r, is_urgent(r.status))
            for c, r in self.changed
            if affects_her_now(r.status, today)
        ]
        groups = []
        for group in HOME_CHANGE_GROUPS:
            members = [h for h in now if change_group(h.record.status, today) == group]
            # sorted() is stable, so within urgency the newest-first order stays.
            members = sorted(members, key=lambda h: not h.urgent)
            if members:
                groups.append((group, tuple(members)))
        return tuple(groups)


@dataclass(frozen=True)
class HubRow:
    hub: schema.Hub
    town: str


@dataclass(frozen=True)
class HubsIndex:
    rows: tuple[HubRow, ...]


@dataclass(frozen=True)
class BirthSettingsIndex:
    kinds: tuple[str, ...]  # every kind of birth setting, explained even when none is here
    in_area: tuple[schema.BirthSetting, ...]
    outside_area: tuple[schema.BirthSetting, ...]


@dataclass(frozen=True)
class ServicesIndex:
    # Every category, in the Local Maternity Offer's order, with its services (maybe none).
    groups: tuple[tuple[str, tuple[schema.Service, ...]], ...]


@dataclass(frozen=True)
class OrganisationsIndex:
    groups: tuple[tuple[str, tuple[schema.Organisation, ...]], ...]  # only kinds present


@dataclass(frozen=True)
class RecordsIndex:
    """A listing that shows its records as they are (MNVPs, routes for concerns)."""

    records: tuple[Any, ...]


@dataclass(frozen=True)
class InterpretingPage:
    intro: LocalText
    services: tuple[schema.Service, ...]


@dataclass(frozen=True)
class GlossaryPage:
    terms: tuple[schema.Term, ...]  # by id


def home_page(ds: DataSet, sections: frozenset[str]) -> HomePage:
    changed = [(c, r) for c, r in ds.records() if r.status.state != "available"]
    # Stable, as the page always was: records changed on the same day keep the data's order.
    changed.sort(key=lambda cr: cr[1].status.as_of, reverse=True)
    return HomePage(
        name=ds.lmns.name,
        intro=ds.lmns.intro,
        single_point_of_access=ds.services[ds.lmns.single_point_of_access],
        changed=tuple(changed),
        offer=tuple(
            (category, sum(1 for s in ds.services.values() if s.category == category))
            for category in schema.SERVICE_CATEGORIES
        ),
        sections=sections,
        mnvps=len(ds.mnvps),
    )


def hubs_index(ds: DataSet) -> HubsIndex:
    return HubsIndex(tuple(HubRow(h, ds.places[h.place].address.town) for h in ds.hubs.values()))


def birth_settings_index(ds: DataSet) -> BirthSettingsIndex:
    settings = ds.birth_settings.values()
    return BirthSettingsIndex(
        kinds=schema.BIRTH_SETTING_TYPES,
        in_area=tuple(s for s in settings if s.in_area),
        outside_area=tuple(s for s in settings if not s.in_area),
    )


def services_index(ds: DataSet) -> ServicesIndex:
    services = ds.services.values()
    return ServicesIndex(
        tuple(
            (category, tuple(s for s in services if s.category == category))
            for category in schema.SERVICE_CATEGORIES
        )
    )


def organisations_index(ds: DataSet) -> OrganisationsIndex:
    groups = (
        (kind, tuple(o for o in ds.organisations.values() if o.kind == kind))
        for kind in schema.ORGANISATION_KINDS
    )
    return OrganisationsIndex(tuple((kind, group) for kind, group in groups if group))


def interpreting_page(ds: DataSet) -> InterpretingPage:
    return InterpretingPage(
        ds.lmns.interpreting, tuple(ds.services[s] for s in ds.lmns.interpreting_services)
    )


def glossary_page(glossary: schema.GlossaryFile) -> GlossaryPage:
    # As Jinja's sort did: ids compared without case.
    return GlossaryPage(tuple(sorted(glossary.terms, key=lambda term: term.id.lower())))
