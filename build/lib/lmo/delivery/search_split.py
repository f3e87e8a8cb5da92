"""One search index per language, in place of the single index of every language.

mkdocs-static-i18n merges every language's pages into one ``search/search_index.json``
(2.8 MB for the example's five languages, 186 KB compressed), and the theme's script fetches
and parses it on every first visit to any page, before she has asked to search. Most of it is
in languages she does not read, and her results mix all five.

Here each language gets its own index beside its home page (``pl/search/search_index.json``
for Polish; the default language keeps ``search/search_index.json``), with addresses relative
to that home page. ``lmo.site.page_head`` points each page's theme configuration at its own
language's home, so the theme fetches only that index and builds result links from there.

A page that has no translation yet is published in each language's part of the site in the
default language's words; mkdocs-static-i18n keeps only one entry for it (the default
language's), so here it is added to each language's index at that language's address, where
she will find it in her own language's site.

Every index keeps the merged index's search settings, with what counts as a word in every
script and the words typed without diacritics (``lmo.delivery.search_words``).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from lmo.config.project import language_and_path
from lmo.delivery.search_words import language_settings, with_folded_words

INDEX = "search/search_index.json"


def _page_of(location: str) -> str:
    """A search entry's page (an entry may be a section: ``hubs/x/#parking``)."""
    return location.split("#", 1)[0]


def split_by_language(
    index: dict[str, Any], languages: list[str], published: set[str]
) -> dict[str, dict[str, Any]]:
    """Each language's index, keyed by language (default language first).

    ``published``: every page address in the built site ("pl/hubs/x/"), used to find where a
    default-language entry is also published in another language's part of the site."""
    default = languages[0]
    docs: dict[str, list[dict[str, Any]]] = {lang: [] for lang in languages}
    for doc in index.get("docs", []):
        lang, location = language_and_path(doc["location"], languages)
        docs[lang].append({**doc, "location": location})
    for lang in languages[1:]:
        own_pages = {_page_of(doc["location"]) for doc in docs[lang]}
        for doc in docs[default]:
            page = _page_of(doc["location"])
            if page not in own_pages and f"{lang}/{page}" in published:
                docs[lang].append(doc)
    # A prebuilt lunr index (the search plugin's prebuild_index) would describe the merged
    # entries; without it the theme's search worker builds the index in the browser.
    settings = {key: value for key, value in index.items() if key not in ("docs", "index")}
    return {
        lang: {
            **language_settings(settings, lang),
            "docs": [with_folded_words(doc) for doc in docs[lang]],
        }
        for lang in languages
    }


def published_pages(site_dir: Path) -> set[str]:
    """Every page address in the built site, as search entries write them ("pl/hubs/x/";
    the home page is "")."""
    pages = set()
    for page in site_dir.rglob("index.html"):
        folder = page.parent.relative_to(site_dir).as_posix()
        pages.add("" if folder == "." else folder + "/")
    return pages


def split_search_index(site_dir: Path, languages: list[str]) -> dict[str, int]:
    """Replace the merged index with one per language; returns each language's entry count.
    A site without search is left as it is; a site with one language gets its index back
    with the settings of that language."""
    merged = site_dir / INDEX
    if not merged.is_file():
        return {}
    index = json.loads(merged.read_text(encoding="utf-8"))
    split = split_by_language(index, languages, published_pages(site_dir))
    counts = {}
    for lang, own in split.items():
        target = merged if lang == languages[0] else site_dir / lang / INDEX
        target.parent.mkdir(parents=True, exist_ok=True)
        # Written as the search plugin writes it, without spaces: the file is parsed on
        # her phone.
        target.write_text(
            json.dumps(own, ensure_ascii=False, separators=(",", ":")),
            encoding="utf-8",
        )
        counts[lang] = len(own["docs"])
    return counts
