"""Material's search finds pages in each of the site's languages, by word beginnings."""

from __future__ import annotations

from typing import Any

import pytest

# A word from each language's translated text, cut to its beginning (no stemming in lunr
# for these languages: prefix matching is what makes inflected forms findable).
QUERIES = {
    "en": ("", "midwi"),
    "pl": ("pl/", "położn"),
    "lt": ("lt/", "akušer"),
    "ro": ("ro/", "moaș"),
    "ur": ("ur/", "مڈوائف"),
}


@pytest.mark.parametrize("lang", list(QUERIES))
def test_search_finds_pages_in_the_readers_language(example_url: str, page: Any, lang: str) -> None:
    prefix, query = QUERIES[lang]
    page.goto(example_url + prefix)
    page.locator("label.md-search__icon, .md-header__button[for=__search]").first.click()
    page.fill("input.md-search__input", query)
    page.wait_for_selector(".md-search-result__item", timeout=15000)
    links = page.eval_on_selector_all(
        ".md-search-result__item a", "els => els.map(e => e.getAttribute('href'))"
    )
    in_language = [href for href in links if (prefix and f"/{prefix}" in href) or not prefix]
    assert in_language, f"no {lang} result for {query!r}: {links[:5]}"
