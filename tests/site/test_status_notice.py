"""The status notice and the unconfirmed-details notice never contradict each other: beside
a status someone confirmed, the other notice says which details are unchecked, in every
language (the example's suspended drop-in, rendered from the real data and catalogues)."""

from __future__ import annotations

import datetime as dt

import pytest
from bs4 import BeautifulSoup
from sitebuild import REPO

from lmo.core.i18n import translations
from lmo.data.dataset import DataSet
from lmo.pipeline import load_dataset
from lmo.site.render import RenderContext, Renderer

SUSPENDED = "kidderminster-postnatal-drop-in"


@pytest.fixture(scope="module")
def example() -> DataSet:
    dataset, _ = load_dataset(REPO / "data", display_prefix="data/")
    assert dataset is not None
    return dataset


def rendered(ds: DataSet, lang: str, service: str) -> BeautifulSoup:
    ctx = RenderContext(ds, lang, translations(REPO / "locales", lang), dt.date(2026, 12, 1))
    page = Renderer(ctx).record_page("services", "service.md.j2", ds.services[service])
    return BeautifulSoup(page.body, "html.parser")


def test_the_example_still_has_a_confirmed_suspension_from_an_unconfirmed_source(
    example: DataSet,
) -> None:
    record = example.services[SUSPENDED]
    assert record.status.state == "suspended" and record.status.confirmed_by
    assert not record.source.confirmed


def test_a_confirmed_status_and_unchecked_details_say_different_things(
    example: DataSet,
) -> None:
    body = rendered(example, "en", SUSPENDED)
    confirmed = body.select_one(".app-notice--suspended .app-notice__confirmed").get_text()
    assert confirmed == (
        "This status was confirmed by Community midwifery manager, Worcestershire Acute"
        " Hospitals NHS Trust."
    )
    other = body.select_one(".app-notice--unconfirmed").get_text(" ", strip=True)
    assert other.startswith("Other details not yet checked. The status above has been confirmed.")
    assert "address, opening hours and phone numbers" in other
    assert "Not yet confirmed" not in body.get_text()


def test_without_a_confirmed_status_the_page_still_says_not_yet_confirmed(
    example: DataSet,
) -> None:
    record = example.services[SUSPENDED]
    unconfirmed = record.model_copy(
        update={"status": record.status.model_copy(update={"confirmed_by": None})}
    )
    ctx = RenderContext(example, "en", translations(REPO / "locales", "en"), dt.date(2026, 12, 1))
    page = Renderer(ctx).record_page("services", "service.md.j2", unconfirmed)
    body = BeautifulSoup(page.body, "html.parser")
    assert body.select_one(".app-notice__confirmed") is None
    assert (
        body.select_one(".app-notice--unconfirmed")
        .get_text(" ", strip=True)
        .startswith("Not yet confirmed. Some details on this page")
    )


@pytest.mark.parametrize("lang", ["pl", "lt", "ro", "ur"])
def test_every_language_keeps_the_two_notices_apart(example: DataSet, lang: str) -> None:
    english = rendered(example, "en", SUSPENDED)
    body = rendered(example, lang, SUSPENDED)
    for selector in (".app-notice__confirmed", ".app-notice--unconfirmed strong"):
        mine, theirs = body.select_one(selector).get_text(), english.select_one(selector).get_text()
        assert mine != theirs, f"{selector} is not translated into {lang}"
    # The title of the other-details notice is not the language's "Not yet confirmed."
    not_yet = translations(REPO / "locales", lang).gettext("Not yet confirmed.")
    assert not_yet != "Not yet confirmed."
    assert not_yet not in body.get_text()
