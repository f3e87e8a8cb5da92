"""Material's search finds pages in each of the site's languages, by word beginnings, and
only pages in the reader's language."""

from __future__ import annotations

from typing import Any
from urllib.parse import urljoin

import pytest
from harness import wait_until

# A word from each language's translated text, cut to its beginning (no stemming in lunr
# for these languages: prefix matching is what makes inflected forms findable).
QUERIES = {
    "en": ("", "midwi"),
    "pl": ("pl/", "położn"),
    "lt": ("lt/", "akušer"),
    "ro": ("ro/", "moaș"),
    "ur": ("ur/", "مڈوائف"),
}


def _search_line(test: str) -> str:
    """An expression true when the theme's line above the search results, compared with its
    "type to start searching" text as ``test`` ("===" or "!=="), is."""
    return f"""(() => {{
  const config = JSON.parse(document.getElementById("__config").textContent);
  const meta = document.querySelector(".md-search-result__meta");
  return meta !== null
    && meta.textContent.trim() {test} config.translations["search.result.placeholder"];
}})()"""


# The index is built: the theme asks her to type.
SEARCH_READY = _search_line("===")
# The theme has answered a query: its line no longer asks her to type (it counts the pages
# found, or says none were). The first results are in the list by then: the theme writes
# both from the same answer of its search worker.
SEARCH_ANSWERED = _search_line("!==")


def result_links(page: Any, query: str) -> list[str]:
    """The results' links for ``query``, typed into the open search box of ``page``.

    Material shows its "type to start searching" line only once the search worker has built
    the index, and runs a query on a key event: a value set by fill() alone is never
    searched, and Playwright types letters that are not on its keyboard (Urdu, "ș") without
    key events. So: wait for the index, put the word in, press a real key, and wait for the
    answer, which may be that nothing was found (an empty list, at once)."""
    wait_until(page, SEARCH_READY)
    field = page.locator("input.md-search__input")
    field.fill(query)
    field.press("End")
    wait_until(page, SEARCH_ANSWERED, timeout_ms=15000)
    return list(
        page.eval_on_selector_all(
            ".md-search-result__item a", "els => els.map(e => e.getAttribute('href'))"
        )
    )


@pytest.mark.parametrize("lang", list(QUERIES))
def test_search_finds_pages_in_the_readers_language(example_url: str, page: Any, lang: str) -> None:
    prefix, query = QUERIES[lang]
    page.goto(example_url + prefix)
    page.locator("label.md-search__icon, .md-header__button[for=__search]").first.click()
    links = result_links(page, query)
    assert links, f"no result for {query!r} in {lang}"
    # Her results are pages of her language's part of the site, and only those: each
    # language has its own index.
    others = [f"/{p}" for code, (p, _) in QUERIES.items() if p and code != lang]
    addresses = [urljoin(page.url, href) for href in links]
    assert all(address.startswith(example_url + prefix) for address in addresses), addresses[:5]
    assert not [a for a in addresses if any(other in a for other in others)], addresses[:5]
    # And the first result opens (its address is built from the page's base, which is her
    # language's home page).
    response = page.goto(addresses[0])
    assert response is not None and response.ok, addresses[0]
