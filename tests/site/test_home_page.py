"""The home page, rendered from the example's data and catalogues on a pinned date: the
first answers come first, and its changes are those of that date, grouped, with the
changes page one tap away (lmo.site.views.affects_her_now decides which)."""

from __future__ import annotations

import datetime as dt

import pytest
from bs4 import BeautifulSoup
from sitebuild import REPO

from lmo.core.i18n import translations
from lmo.data.dataset import DataSet
from lmo.features import discover
from lmo.pipeline import load_dataset, site_parts
from lmo.site.render import RenderContext, Renderer

pytestmark = pytest.mark.unit

SUSPENDED = "services/kidderminster-postnatal-drop-in/"  # from 16 November 2026 to 31 January 2027


@pytest.fixture(scope="module")
def example() -> DataSet:
    dataset, _ = load_dataset(REPO / "data", display_prefix="data/")
    assert dataset is not None
    return dataset


def home(ds: DataSet, lang: str, today: dt.date) -> BeautifulSoup:
    ctx = RenderContext(
        ds, lang, translations(REPO / "locales", lang), today, parts=site_parts(discover(), ds)
    )
    page = next(p for p in Renderer(ctx).all_pages() if p.url == "")
    return BeautifulSoup(page.body, "html.parser")


def test_the_first_answers_come_before_the_changes(example: DataSet) -> None:
    soup = home(example, "en", dt.date(2026, 12, 6))
    first = soup.select_one("ul.app-home-first")
    assert first is not None
    hrefs = [a["href"] for a in first.select("a")]
    # The booking line's number first (one tap), then its page, then where to give birth.
    assert hrefs[:2] == ["tel:01632960010", "services/single-point-of-access/"]
    assert "birth-settings/" in hrefs
    # The page is Markdown: its first section heading is the changes, after the answers.
    body = str(soup)
    headings = [line for line in body.splitlines() if line.startswith("## ")]
    assert headings[0] == "## Changes that affect you now"
    assert body.index("app-home-first") < body.index(headings[0])
    assert soup.select("[style], style, script") == []


@pytest.mark.parametrize("lang", ["en", "ur"])
def test_the_changes_listed_are_those_of_the_day(example: DataSet, lang: str) -> None:
    during = home(example, lang, dt.date(2026, 12, 6))
    listed = [a["href"] for a in during.select(".app-home-changes a")]
    assert listed == [SUSPENDED]  # not the 2018 plan's limits and plans
    assert len(during.select("h3.app-home-changes__group")) == 1
    assert [a["href"] for a in during.select(".app-home-changes__all a")] == ["changes/"]
    after = home(example, lang, dt.date(2027, 6, 1))  # the suspension is over
    assert after.select(".app-home-changes a") == []
    assert after.select_one(".app-home-changes__all a") is not None
