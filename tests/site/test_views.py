"""Templates are given views of what their page shows (lmo.site.views), not the data set:
no page template names ``ds`` or ``schema``, and the views hold what the pages used to
look up for themselves."""

from __future__ import annotations

from pathlib import Path

import jinja2
import pytest
from jinja2 import nodes
from sitebuild import REPO

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
    dates = [r.status.as_of for r in page.changed]
    assert page.changed and dates == sorted(dates, reverse=True)
    assert all(r.status.state != "available" for r in page.changed)
    assert sum(count for _, count in page.offer) == len(example.services)
    assert page.single_point_of_access.id == example.lmns.single_point_of_access


def test_the_services_index_groups_every_service_once(example: DataSet) -> None:
    groups = views.services_index(example).groups
    listed = [s.id for _, group in groups for s in group]
    assert sorted(listed) == sorted(example.services)
    assert all(s.category == category for category, group in groups for s in group)
