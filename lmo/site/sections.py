"""The core's sections: an index page each, listing one kind of record (hubs, birth
settings, services...) or the routes and services a page is about. Each record's own page
is made by ``lmo.site.render.Renderer.record_page``. Each page's template is given a view of
what it shows (lmo.site.views), never the data set."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from lmo.core.labels import N_
from lmo.data.dataset import DataSet
from lmo.site import views


@dataclass(frozen=True)
class Section:
    url: str
    template: str
    title: str  # msgids: translated when the page is made
    description: str
    records: Callable[[DataSet], Iterable[Any]]  # what it lists: the page is as fresh as these
    kind: str
    view: Callable[[DataSet], Any]  # what its template shows, as ``page``
    # Made even with nothing to list: its page says something of its own (how to ask for
    # an interpreter, from data/lmns.yml), and every page links to it.
    always: bool = False

    def is_on(self, ds: DataSet) -> bool:
        """A section with nothing to list (a site still being set up) has no page."""
        return self.always or any(True for _ in self.records(ds))

    @property
    def nav(self) -> str:
        return self.url + "index.md"


GLOSSARY_NAV = "glossary/index.md"


def pages_off(ds: DataSet) -> set[str]:
    """The core pages (as menu entries) this data set has nothing for."""
    off = {section.nav for section in SECTIONS if not section.is_on(ds)}
    if ds.glossary is None:
        off.add(GLOSSARY_NAV)
    return off


def section_urls(ds: DataSet) -> frozenset[str]:
    """The addresses of the core sections that have a page, for links to them."""
    return frozenset(section.url for section in SECTIONS if section.is_on(ds))


SECTIONS = (
    Section(
        "hubs/",
        "hubs_index.md.j2",
        N_("Community hubs"),
        N_("Where community hubs are, what happens at each and whether it is open."),
        lambda ds: ds.hubs.values(),
        "hubs",
        views.hubs_index,
    ),
    Section(
        "birth-settings/",
        "birth_settings_index.md.j2",
        N_("Where you can give birth"),
        N_("The places you can give birth, side by side: facilities, transfer and who each suits."),
        lambda ds: ds.birth_settings.values(),
        "birth_settings",
        views.birth_settings_index,
    ),
    Section(
        "services/",
        "services_index.md.j2",
        N_("Services"),
        N_(
            "Every maternity service in the area, grouped by the parts of the Local Maternity Offer."  # noqa: E501 (a catalogue key)
        ),
        lambda ds: ds.services.values(),
        "services",
        views.services_index,
    ),
    Section(
        "organisations/",
        "organisations_index.md.j2",
        N_("Who provides your care"),
        N_("The organisations that provide, pay for and check maternity care here."),
        lambda ds: ds.organisations.values(),
        "organisations",
        views.organisations_index,
    ),
    Section(
        "places/",
        "places_index.md.j2",
        N_("Where care is"),
        N_("Every place where care is given, with how to get there."),
        lambda ds: ds.places.values(),
        "places",
        lambda ds: None,
    ),
    Section(
        "mnvp/",
        "mnvp_index.md.j2",
        N_("Maternity and Neonatal Voices Partnership"),
        N_("Women and families working with the NHS to improve maternity care, and how to join."),
        lambda ds: ds.mnvps.values(),
        "mnvps",
        lambda ds: views.RecordsIndex(tuple(ds.mnvps.values())),
    ),
    Section(
        "feedback-and-concerns/",
        "concerns.md.j2",
        N_("Give feedback or raise a concern"),
        N_(
            "Who to contact to give feedback or raise a concern, and how a formal complaint differs."  # noqa: E501 (a catalogue key)
        ),
        lambda ds: ds.concerns.values(),
        "concerns",
        lambda ds: views.RecordsIndex(tuple(ds.concerns.values())),
    ),
    Section(
        "interpreting/",
        "interpreting.md.j2",
        N_("Help in your language"),
        N_("How to get a free interpreter for your maternity care, in any language."),
        lambda ds: [ds.services[s] for s in ds.lmns.interpreting_services],
        "interpreting",
        views.interpreting_page,
        always=True,
    ),
)


@dataclass(frozen=True)
class RecordKind:
    collection: str
    template: str
    view: Callable[[DataSet, Any], Any]  # what the record's template shows, as ``page``


# Each kind of record with a page of its own, its template and its view.
RECORD_PAGES = (
    RecordKind("hubs", "hub.md.j2", views.hub_page),
    RecordKind("birth_settings", "birth_setting.md.j2", views.birth_setting_page),
    RecordKind("services", "service.md.j2", views.service_page),
    RecordKind("organisations", "organisation.md.j2", views.organisation_page),
    RecordKind("places", "place.md.j2", views.place_page),
    RecordKind("mnvps", "mnvp.md.j2", views.record_page),
)
RECORD_VIEWS = {kind.collection: kind.view for kind in RECORD_PAGES}
