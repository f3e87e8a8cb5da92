"""Search finds words in every script the site publishes, and words typed without their
diacritics; heading ids keep their letters. Material's own search, in Chromium, on the
example served like production and on a tiny site with a Bengali page."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import quote, urljoin

import pytest
import sitebuild
import yaml
from bs4 import BeautifulSoup
from harness import serve_like_production
from test_search import result_links

from lmo.delivery.search_words import fold, word_separator


def search(page: Any, home: str, query: str) -> list[str]:
    """The addresses of the results for ``query`` typed on ``home``."""
    page.goto(home)
    page.locator("label.md-search__icon, .md-header__button[for=__search]").first.click()
    links = result_links(page, query)
    # The page's address, without the word to highlight (?h=) or the section (#).
    return [urljoin(page.url, href).split("#")[0].split("?")[0] for href in links]


def text_of(page: Any, address: str) -> str:
    response = page.goto(address)
    assert response is not None and response.ok, address
    return str(page.locator("article").inner_text())


# Words with letters that Arabic lacks (ہ, ی, پ, ڈ, ٹ): lunr's Arabic trimmer cut them off.
URDU_WORDS = ["ہسپتال", "پیدائش", "ٹیم"]


@pytest.mark.parametrize("word", URDU_WORDS)
def test_urdu_words_with_urdu_only_letters_find_urdu_pages_that_have_them(
    example_url: str, page: Any, word: str
) -> None:
    found = search(page, example_url + "ur/", word)
    assert found, f"no result for {word!r}"
    assert all(address.startswith(example_url + "ur/") for address in found), found[:5]
    # The right pages: the first results have the word (the page may say it inflected).
    for address in dict.fromkeys(found[:3]):
        assert word in text_of(page, address), address


def result_count(page: Any) -> int:
    """The number of pages found, as the theme says it ("Wyniki wyszukiwania: 52")."""
    meta = page.locator(".md-search-result__meta").inner_text()
    found = re.search(r"\d+", meta)
    assert found, meta
    return int(found.group())


@pytest.mark.parametrize(
    ("prefix", "typed", "written"),
    [("pl/", "polozna", "położna"), ("ro/", "moasa", "moașă"), ("lt/", "akusere", "akušerė")],
)
def test_a_word_typed_without_diacritics_finds_the_pages_with_them(
    example_url: str, page: Any, prefix: str, typed: str, written: str
) -> None:
    assert search(page, example_url + prefix, written)
    count_with = result_count(page)
    found = search(page, example_url + prefix, typed)
    assert found, f"no result for {typed!r}"
    assert all(address.startswith(example_url + prefix) for address in found), found[:5]
    # At least every page found with the letters (typed bare, the word also matches the
    # forms that differ only in their diacritics: "polozna" is "położna" and "położną").
    assert result_count(page) >= count_with > 0
    # The page she opens has the word as it is written, diacritics and all.
    words = [fold(w) for w in re.split(word_separator(), text_of(page, found[0]).lower())]
    assert any(w.startswith(typed) for w in words), found[0]
    assert written[:4] in text_of(page, found[0]).lower()


@pytest.mark.parametrize(("path", "heading"), [("pl/glossary/", "słowniczek")])
def test_a_heading_id_keeps_its_letters_and_its_link_opens_it(
    example_url: str, page: Any, path: str, heading: str
) -> None:
    page.goto(example_url + path + "#" + quote(heading))
    assert page.evaluate("document.querySelector(':target')?.id") == heading


def test_urdu_heading_ids_are_urdu_words(example_site: Path) -> None:
    soup = BeautifulSoup(
        (example_site / "ur" / "glossary" / "index.html").read_text(encoding="utf-8"),
        "html.parser",
    )
    # The headings of the page's own text (the boxes around it have fixed "app-" ids).
    ids = [h["id"] for h in soup.select("article h1[id], article h2[id]")]
    ids = [i for i in ids if not i.startswith("app-")]
    assert ids
    # Each has Urdu letters, none is a bare number ("_1"), and an id has no space.
    assert all(any("\u0600" <= c <= "\u06ff" for c in i) for i in ids), ids
    assert not [i for i in ids if " " in i], ids


BENGALI_PAGE = """---
owner: Tiny LMNS team
last_reviewed: 2026-01-01
review_by: 2027-01-01
translation:
  method: community
  source: "000000000000"
  reviewed_by: Tiny MNVP
  reviewed_on: 2026-01-02
---

# আপনার প্রশ্ন

হাসপাতালে যাওয়ার আগে আপনার ধাত্রীর (“ধাত্রী”) সাথে কথা বলুন।
"""


@pytest.fixture(scope="module")
def bengali_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The tiny site with a Bengali part, one page of it written in Bengali."""
    site = sitebuild.make_site(tmp_path_factory.mktemp("bengali"), ["en", "bn"])
    # Search set as the example sets it: a second lunr language (for its stop words) is what
    # made lunr.multiLanguage's trimmer, which deleted every Bengali letter.
    config_file = site / "mkdocs.yml"
    config = yaml.safe_load(config_file.read_text(encoding="utf-8"))
    config["plugins"][0] = {"search": {"lang": ["en", "ro"], "pipeline": ["stopWordFilter"]}}
    config_file.write_text(yaml.safe_dump(config, sort_keys=False), encoding="utf-8")
    page = site / "content" / "bn" / "questions.md"
    page.parent.mkdir(parents=True, exist_ok=True)
    page.write_text(BENGALI_PAGE, encoding="utf-8")
    result = sitebuild.build(site)
    assert result.returncode == 0, result.stderr[-3000:]
    with serve_like_production(site / "site") as url:
        yield url


# Bengali vowel signs (া ী) and the virama (্) are marks: lunr's trimmers dropped them and
# every Bengali letter with them.
@pytest.mark.parametrize("word", ["হাসপাতাল", "ধাত্রী", "প্রশ্ন"])
def test_a_bengali_word_finds_the_bengali_page(bengali_url: str, page: Any, word: str) -> None:
    found = search(page, bengali_url + "bn/", word)
    assert found == [bengali_url + "bn/questions/"], found
    assert word in text_of(page, found[0])
