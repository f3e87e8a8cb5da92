"""Templates are given views of what their page shows (lmo.site.views), not the data set:
no page template names ``ds`` or ``schema``, and the views hold what the pages used to
look up for themselves."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from pathlib import Path
from typing import Any

import jinja2
import pytest
from jinja2 import nodes
from sitebuild import REPO

from lmo.data import schema
from lmo.data.dataset import DataSet
from lmo.pipeline import load_dataset
from lmo.site import views
from lmo.site.sections import section_urls

pytestmark = pytest.mark.unit

LMO = REPO / "lmo"
FORBIDDEN = {"ds", "schema"}


def page_templates() -> list[Path]:
    # The chrome around every page (lmo/site/chrome.py) is given the LMNS's own facts only.
    return sorted(LMO.glob("**/templates/**/*.j2"))


def reaches_into_data(source: str) -> list[str]:
    """Each use of ``ds`` or ``schema`` in a template, as a name (``ds.services``) or as an
    attribute of something it was given (``fb.schema.RATING_KEYS``)."""
    env = jinja2.Environment(extensions=["jinja2.ext.i18n"])
    tree = env.parse(source)
    found = [
        f"{n.name} (line {n.lineno})" for n in tree.find_all(nodes.Name) if n.name in FORBIDDEN
    ]
    found += [
        f".{n.attr} (line {n.lineno})" for n in tree.find_all(nodes.Getattr) if n.attr in FORBIDDEN
    ]
    return found


def test_the_scan_finds_the_data_set_and_the_schema_however_reached() -> None:
    assert reaches_into_data("{% set spa = ds.services[x] %}") == ["ds (line 1)"]
    assert reaches_into_data("{% for k in schema.SERVICE_CATEGORIES %}{% endfor %}")
    assert reaches_into_data("{{ number(fb.schema.MIN_PERCENT_BASE) }}")
    assert reaches_into_data('{{ _("the words, as ds. and schema. in text") }}') == []


def test_the_core_and_feature_templates_are_all_scanned() -> None:
    names = {path.name for path in page_templates()}
    assert {"hub.md.j2", "home.md.j2", "components.j2", "care_plan.md.j2"} <= names
    assert {"feedback_summary.md.j2", "birth_place.md.j2", "urgent.html.j2"} <= names


@pytest.mark.parametrize("path", page_templates(), ids=lambda p: p.name)
def test_no_page_template_reaches_into_the_data_set(path: Path) -> None:
    assert reaches_into_data(path.read_text(encoding="utf-8")) == []


@pytest.fixture(scope="module")
def example() -> DataSet:
    dataset, _ = load_dataset(REPO / "data", display_prefix="data/")
    assert dataset is not None
    return dataset


def test_an_organisation_page_lists_what_it_runs_provides_and_pays_for(example: DataSet) -> None:
    for org in example.organisations.values():
        page = views.organisation_page(example, org)
        assert all(s.provider == org.id for s in page.provided + page.settings + page.hubs)
        assert all(s.commissioner == org.id for s in page.commissioned)
        runs = sum(s.provider == org.id for s in example.services.values())
        assert len(page.provided) == runs
    assert any(
        views.organisation_page(example, o).commissioned for o in example.organisations.values()
    )


def test_a_hub_page_has_its_place_and_its_services_in_the_hubs_order(example: DataSet) -> None:
    for hub in example.hubs.values():
        page = views.hub_page(example, hub)
        assert page.place.id == hub.place
        assert [s.id for s in page.services] == hub.services


def test_the_home_page_lists_changes_newest_first_and_counts_every_category(
    example: DataSet,
) -> None:
    page = views.home_page(example, section_urls(example))
    dates = [r.status.as_of for _, r in page.changed]
    assert page.changed and dates == sorted(dates, reverse=True)
    assert all(r.status.state != "available" for _, r in page.changed)
    assert all(getattr(example, c)[r.id] is r for c, r in page.changed)
    assert sum(count for _, count in page.offer) == len(example.services)
    assert page.single_point_of_access.id == example.lmns.single_point_of_access


TODAY = dt.date(2026, 12, 6)
IN_LABOUR = {"in_labour": "Go to Hereford County Hospital instead."}
LATER = {"later_pregnancy": "Ask your midwife."}


def status(state: str, as_of: str, advice: dict[str, str] | None = None, **dates: str) -> Any:
    return schema.Status.model_validate(
        {"state": state, "as_of": as_of, "what_to_do_now": advice or LATER, **dates}
    )


@pytest.mark.parametrize(
    ("why", "given", "now"),
    [
        ("available is never a change", status("available", "2026-12-01", None), False),
        ("confirmed 30 days ago", status("limited", "2026-11-06"), True),
        ("confirmed 90 days ago, the last day", status("limited", "2026-09-07"), True),
        ("confirmed 91 days ago, nothing since", status("limited", "2026-09-06"), False),
        ("the 2018 plan's limits", status("limited", "2018-02-09"), False),
        ("planned in 2018, no date", status("planned", "2018-02-09"), False),
        (
            "an old plan that opens next month",
            status("planned", "2018-02-09", effective_from="2027-01-10"),
            True,
        ),
        (
            "an old plan that opens in a year",
            status("planned", "2018-02-09", effective_from="2027-12-01"),
            False,
        ),
        (
            "a long suspension across today",
            status(
                "suspended", "2025-01-01", effective_from="2025-01-01", effective_to="2027-06-30"
            ),
            True,
        ),
        (
            "a recent pause already over",
            status("paused", "2026-11-20", effective_from="2026-11-20", effective_to="2026-12-05"),
            False,
        ),
        (
            "closing: referrals close soon",
            status("closing", "2018-02-09", new_referrals_close="2027-01-15"),
            True,
        ),
        ("an old pause with advice for labour", status("paused", "2018-02-09", IN_LABOUR), True),
        ("an old closure with advice for labour", status("closed", "2018-02-09", IN_LABOUR), False),
        ("an old limit with advice for labour", status("limited", "2018-02-09", IN_LABOUR), False),
    ],
    ids=lambda v: v if isinstance(v, str) else "",
)
def test_a_change_affects_her_now_when_recent_in_force_or_urgent(
    why: str, given: Any, now: bool
) -> None:
    assert views.affects_her_now(given, TODAY) is now, why


def test_the_home_page_groups_the_changes_of_now_and_keeps_old_ones_off(example: DataSet) -> None:
    page = views.home_page(example, section_urls(example))
    when = dt.date(2026, 12, 6)
    groups = dict(page.changes_now(when))
    listed = {h.record.id for items in groups.values() for h in items}
    # The suspended drop-in (since 16 November 2026) is in place now; the 2018 plan's
    # limits and plans are on the changes page only.
    assert [h.record.id for h in groups["now"]] == ["kidderminster-postnatal-drop-in"]
    assert "soon" not in groups
    assert all(
        r.status.as_of >= when - dt.timedelta(days=views.RECENT_DAYS)
        for _, r in page.changed
        if r.id in listed
    )
    # A year later the suspension is over: nothing affects her now.
    assert page.changes_now(dt.date(2027, 12, 6)) == ()


def test_changes_still_to_come_are_grouped_apart_and_urgent_ones_lead(example: DataSet) -> None:
    hub = example.hubs["bromsgrove-hub"]
    unit = example.birth_settings["ludlow-midwife-led-unit"]
    opening = hub.model_copy(
        update={"status": status("planned", "2026-12-01", effective_from="2027-02-01")}
    )
    paused = unit.model_copy(update={"status": status("paused", "2018-02-09", IN_LABOUR)})
    limited = unit.model_copy(update={"id": "other", "status": status("limited", "2026-12-02")})
    page = replace(
        views.home_page(example, section_urls(example)),
        changed=(("birth_settings", limited), ("hubs", opening), ("birth_settings", paused)),
    )
    groups = page.changes_now(TODAY)
    assert [(g, [h.record.id for h in items]) for g, items in groups] == [
        ("now", ["ludlow-midwife-led-unit", "other"]),
        ("soon", ["bromsgrove-hub"]),
    ]
    assert groups[0][1][0].urgent and not groups[0][1][1].urgent


def test_the_services_index_groups_every_service_once(example: DataSet) -> None:
    groups = views.services_index(example).groups
    listed = [s.id for _, group in groups for s in group]
    assert sorted(listed) == sorted(example.services)
    assert all(s.category == category for category, group in groups for s in group)
