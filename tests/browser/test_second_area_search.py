"""Search in the second, fictional area (tests/fixtures/second-area/), built with the
installed engine and served as production serves it: a Pashto word (right to left, with a
letter only Pashto writes) and a Punjabi word in Gurmukhi find the page that says it."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urljoin, urlsplit

import pytest
from harness import SUB_PATH, serve_like_production
from test_search import result_links

from tests.sitebuild import run
from tests.starter.engine import copy_second_area, install_engine

# Words from data/translations/<lang>.yml of the fixture, and the page whose own text
# (title and summary) has them.
QUERIES = [
    # A word in Latin letters on the same pages (records not translated show in English):
    # if this fails, the fault is in serving or the test, not in the other scripts.
    pytest.param("ps/", "kingfisher", "services/kingfisher-team/", id="ps-latin"),
    # "milk": Arabic letters Pashto shares with Urdu and Persian.
    pytest.param("ps/", "شیدو", "services/infant-feeding/", id="ps-shared-letters"),
    # "nutrition": ې is a letter only Pashto writes.
    pytest.param("ps/", "تغذیې", "services/infant-feeding/", id="ps-pashto-letter"),
    # "milk" in Gurmukhi, with its vowel sign and doubling mark.
    pytest.param("pa/", "ਦੁੱਧ", "services/infant-feeding/", id="pa-gurmukhi"),
    # "heating", in the suspended unit's notice: the page's first section. mkdocs-static-i18n
    # removed the page's own Punjabi entry (its title, the unit's name, reads as in English),
    # and the theme's search then filed that first section as the page and never showed it
    # (hooks/prepare_delivery.keep_every_search_entry).
    pytest.param("pa/", "ਹੀਟਿੰਗ", "birth-settings/sallow-birth-centre/", id="pa-notice"),
]


@pytest.fixture(scope="module")
def second_area_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    tmp = tmp_path_factory.mktemp("second-area-served")
    installed = install_engine(tmp)
    folder = copy_second_area(tmp)
    built = run(
        [sys.executable, "-m", "mkdocs", "build", "--strict"],
        folder,
        PYTHONPATH=str(installed),
        SITE_URL="https://maternity.example.nhs.uk" + SUB_PATH,
    )
    assert built.returncode == 0, built.stderr
    with serve_like_production(Path(folder / "site")) as url:
        yield url


@pytest.mark.parametrize(("prefix", "query", "expected"), QUERIES)
def test_search_finds_the_page_in_each_script(
    second_area_url: str, page: Any, prefix: str, query: str, expected: str
) -> None:
    page.goto(second_area_url + prefix)
    page.locator("label.md-search__icon, .md-header__button[for=__search]").first.click()
    links = result_links(page, query)
    # Without the highlight query (?h=...) and the heading anchor.
    addresses = [
        urlsplit(urljoin(page.url, href))._replace(query="", fragment="").geturl() for href in links
    ]
    assert second_area_url + prefix + expected in addresses, addresses[:8]
