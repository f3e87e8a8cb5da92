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
default language's words, and each language's build indexes it there. mkdocs-static-i18n
would remove those entries from the merged index as duplicates of the default language's;
the engine turns that removal off (hooks/prepare_delivery.keep_every_search_entry), because
it also removed the title entry of a page whose sections were translated and whose title
was not, which nothing here could put back. A page that has no entry at all in a language
it is published in gets the default language's entries at that language's address.

Every index keeps the merged index's search settings, with what counts as a word in every
script and the words typed without diacritics (``lmo.delivery.search_words``).

A rebuild whose merged index, languages and pages are what the last build of the same site
split takes that split's files (kept in lmo.delivery.build_cache): splitting and folding the
words took 0.15-0.2 s of each build of the example, for the same bytes each time.
"""

from __future__ import annotations

import hashlib
import json
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from lmo.config import project
from lmo.config.project import language_and_path
from lmo.delivery import search_words
from lmo.delivery.build_cache import BuildCache, folder_slot
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


def split_search_index(
    site_dir: Path, languages: list[str], kept: BuildCache | None = None
) -> dict[str, int]:
    """Replace the merged index with one per language; returns each language's entry count.
    A site without search is left as it is; a site with one language gets its index back
    with the settings of that language. ``kept``: where the last split of this site is kept
    (its own folder by default)."""
    merged = site_dir / INDEX
    if not merged.is_file():
        return {}
    source = merged.read_bytes()
    published = published_pages(site_dir)
    key = hashlib.sha256(
        _SPLITTER + json.dumps([languages, sorted(published)]).encode() + source
    ).hexdigest()
    last = LastSplit(BuildCache.named("search-split") if kept is None else kept, site_dir)
    recalled = last.recall(key, languages)
    if recalled is None:
        indexes = split_by_language(json.loads(source.decode("utf-8")), languages, published)
        recalled = Split(
            # Written as the search plugin writes it, without spaces: the file is parsed on
            # her phone.
            files={
                lang: json.dumps(own, ensure_ascii=False, separators=(",", ":")).encode()
                for lang, own in indexes.items()
            },
            entries={lang: len(own["docs"]) for lang, own in indexes.items()},
        )
        last.keep(key, recalled)
    for lang, text in recalled.files.items():
        target = merged if lang == languages[0] else site_dir / lang / INDEX
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(text)
    return dict(recalled.entries)


@dataclass
class Split:
    """Each language's index file, and how many entries each holds."""

    files: dict[str, bytes]
    entries: dict[str, int]


# What a split gives depends only on the merged index, the languages, the pages published,
# this module, the word folding and the language paths (with Python's Unicode tables, which
# the folding reads): all of them are in the key of a kept split.
_SPLITTER = hashlib.sha256(
    sys.version.encode()
    + b"".join(
        Path(str(module.__file__)).read_bytes()
        for module in (sys.modules[__name__], search_words, project)
    )
).digest()


class LastSplit:
    """The last split of one site, as one file (written whole, so a build cut short leaves
    the last one or none): a line of JSON with its key, and each language's entry count,
    file size and file digest; then the files, one after another. A file that does not
    match its line makes the whole a miss, never a wrong index."""

    def __init__(self, kept: BuildCache, site_dir: Path) -> None:
        self.kept, self.slot = kept, folder_slot(site_dir)

    def recall(self, key: str, languages: list[str]) -> Split | None:
        header, _, body = (self.kept.get(self.slot) or b"").partition(b"\n")
        try:
            note = json.loads(header)
            if note["key"] != key:
                return None
            files, at = {}, 0
            for lang in languages:
                size, digest = note["files"][lang]
                files[lang], at = body[at : at + size], at + size
                if hashlib.sha256(files[lang]).hexdigest() != digest:
                    return None
            return Split(files, {lang: int(note["entries"][lang]) for lang in languages})
        except (ValueError, KeyError, TypeError):
            return None  # not a split this code kept: split afresh

    def keep(self, key: str, split: Split) -> None:
        note = {
            "key": key,
            "files": {
                lang: [len(text), hashlib.sha256(text).hexdigest()]
                for lang, text in split.files.items()
            },
            "entries": split.entries,
        }
        body = b"".join(split.files.values())
        self.kept.put(self.slot, json.dumps(note).encode() + b"\n" + body)
