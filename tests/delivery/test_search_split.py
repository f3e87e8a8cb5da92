"""Each language searches its own pages: one index per language, beside its home page, and
each page's theme configuration pointing there."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any
from urllib.parse import urljoin

import pytest

from lmo.delivery import search_split
from lmo.delivery.build_cache import BuildCache, folder_slot
from lmo.delivery.search_split import split_by_language, split_search_index
from lmo.delivery.search_words import fold, folded_words, language_settings, word_separator
from lmo.site.page_head import finished_page

SETTINGS = {"config": {"lang": ["en", "ro"], "separator": "[\\s]+"}}


def entry(location: str, title: str) -> dict[str, str]:
    return {"location": location, "title": title, "text": title}


def test_each_language_gets_its_own_entries_at_its_own_addresses() -> None:
    merged = {
        **SETTINGS,
        "index": {"prebuilt": "for the merged entries"},
        "docs": [
            entry("", "Home"),
            entry("hubs/a/", "Hub A"),
            entry("hubs/a/#parking", "Parking"),
            entry("pl/", "Strona główna"),
            entry("pl/hubs/a/", "Centrum A"),
            entry("plans/", "Plans, not Polish"),
        ],
    }
    split = split_by_language(merged, ["en", "pl"], {"", "hubs/a/", "pl/", "pl/hubs/a/"})
    assert [d["title"] for d in split["en"]["docs"]] == [
        "Home",
        "Hub A",
        "Parking",
        "Plans, not Polish",
    ]
    assert [(d["location"], d["title"]) for d in split["pl"]["docs"]] == [
        ("", "Strona główna"),
        ("hubs/a/", "Centrum A"),
    ]
    # The search settings travel with each index, each with its own lunr language (English's
    # for a language lunr lacks); a prebuilt index of the merged entries would not match
    # either, so it is dropped and the browser builds its own.
    assert split["en"]["config"]["lang"] == ["en"]
    assert split["pl"]["config"]["lang"] == ["en"]
    assert all("index" not in index for index in split.values())
    # The reader who types "glowna" finds "główna"; the text she sees keeps its letters.
    assert split["pl"]["docs"][0]["folded"] == "glowna"
    assert split["pl"]["docs"][0]["title"] == "Strona główna"
    assert "folded" not in split["pl"]["docs"][1]


def test_an_untranslated_page_is_found_where_it_is_published_in_each_language() -> None:
    merged = {**SETTINGS, "docs": [entry("about/", "About"), entry("about/#who", "Who we are")]}
    published = {"about/", "pl/about/"}
    split = split_by_language(merged, ["en", "pl", "lt"], published)
    assert [d["location"] for d in split["pl"]["docs"]] == ["about/", "about/#who"]
    # Not published in the Lithuanian part: nothing to link to there.
    assert split["lt"]["docs"] == []


CONFIG = (
    '<script id="__config" type="application/json">'
    '{"annotate": null, "base": "%s", "search": "../../assets/w.js"}</script>'
)


def base_of(html: str) -> str:
    found = re.search(r'"base": "([^"]*)"', html)
    assert found, html
    return found.group(1)


@pytest.mark.parametrize(
    ("address", "root"), [("pl/hubs/a/", "../../.."), ("pl/", ".."), ("pl/about/", "../..")]
)
def test_a_page_outside_the_default_language_has_its_home_as_base(address: str, root: str) -> None:
    moved = finished_page("<html><head></head><body>" + CONFIG % root + "</body></html>", "pl")
    page = "https://x.org/m/" + address
    assert urljoin(page, base_of(moved)) == "https://x.org/m/pl/"
    assert '"search": "../../assets/w.js"' in moved  # the worker stays where it is


def test_default_language_pages_keep_the_root_as_base() -> None:
    page = "<html><head></head><body>" + CONFIG % "../.." + "</body></html>"
    assert '"base": "../.."' in finished_page(page)


def test_the_built_site_has_an_index_per_language_that_its_pages_fetch(tiny_site: Path) -> None:
    site = tiny_site / "site"
    english = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    polish = json.loads((site / "pl" / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert english["docs"] and polish["docs"]
    assert not [d for d in english["docs"] if d["location"].startswith("pl/")]
    for root, index in ((site, english), (site / "pl", polish)):
        for doc in index["docs"]:
            page = root / doc["location"].split("#")[0] / "index.html"
            assert page.is_file(), f"{doc['location']} is not a page under {root}"
    for page in (site / "pl").rglob("index.html"):
        address = page.parent.relative_to(site).as_posix() + "/"
        base = base_of(page.read_text(encoding="utf-8"))
        assert urljoin("https://x.org/m/" + address, base) == "https://x.org/m/pl/", page


# What counts as a word. The separator is JavaScript's (the theme's worker compiles it
# without the "u" flag); its \uXXXX escapes and ranges mean the same in Python's re.
def words(text: str) -> list[str]:
    return [w for w in re.split(word_separator(), text) if w]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Urdu letters that Arabic lacks (ہ ی ے ں ٹ ڈ ڑ پ چ گ ک), Urdu's full stop and comma.
        ("ہسپتال میں پیدائش۔ (مڈوائف)، ٹھیک", ["ہسپتال", "میں", "پیدائش", "مڈوائف", "ٹھیک"]),
        # Bengali vowel signs and the virama are marks: they stay inside the word.
        ("হাসপাতালে ধাত্রী। জন্ম", ["হাসপাতালে", "ধাত্রী", "জন্ম"]),
        ("Porozmawiaj z położną („położna”).", ["Porozmawiaj", "z", "położną", "położna"]),
        ("moașă/moaşă: AB1 2CD, 01632 960123", ["moașă", "moaşă", "AB1", "2CD", "01632", "960123"]),
        # A zero-width non-joiner is written inside Persian and Urdu words.
        ("می\u200cخواهم", ["می\u200cخواهم"]),
    ],
)
def test_words_are_letters_marks_and_digits_of_every_script(text: str, expected: list[str]) -> None:
    assert words(text) == expected


@pytest.mark.parametrize(
    ("word", "plain"),
    [
        ("położna", "polozna"),
        ("moașă", "moasa"),
        ("moaşă", "moasa"),
        ("akušerė", "akusere"),
        ("ŁÓDŹ", "LODZ"),
        ("naïve", "naive"),
        # Other scripts keep their marks: in Bengali and Urdu they are vowels.
        ("ধাত্রী", "ধাত্রী"),
        ("پیدائش", "پیدائش"),
    ],
)
def test_fold_removes_latin_diacritics_only(word: str, plain: str) -> None:
    assert fold(word) == plain


def test_folded_words_are_those_that_change_each_once_without_markup() -> None:
    text = '<p>Położna <a href="/ciąża/">w ciąży</a> &amp; położna, ciąży.</p>'
    assert folded_words("Położna", text) == "polozna ciazy"
    assert folded_words("Midwife", "<p>Ask a midwife.</p>") == ""


def test_each_language_searches_without_trimmer_with_its_own_lunr_language() -> None:
    merged = {
        "config": {
            "lang": ["en", "ro"],
            "separator": "[\\s]+",
            "pipeline": ["trimmer", "stopWordFilter"],
            "fields": {"title": {"boost": 1000.0}, "text": {"boost": 1.0}},
        }
    }
    romanian = language_settings(merged, "ro")["config"]
    urdu = language_settings(merged, "ur")["config"]
    assert romanian["lang"] == ["ro"]
    # One lunr language each: lunr.multiLanguage's combined trimmer, which the pipeline
    # setting cannot remove, never exists.
    assert urdu["lang"] == ["en"]
    assert urdu["pipeline"] == ["stopWordFilter"]
    assert urdu["separator"] == word_separator()
    assert urdu["fields"] == {
        "title": {"boost": 1000.0},
        "text": {"boost": 1.0},
        "folded": {"boost": 1.0},
    }


# --- a rebuild takes the last split of the same site when nothing it reads changed ---------


def merged_site(folder: Path, docs: list[dict[str, str]]) -> Path:
    """A built site's folder with the merged index and the pages it names."""
    site = folder / "site"
    (site / "search").mkdir(parents=True)
    (site / "search" / "search_index.json").write_text(
        json.dumps({**SETTINGS, "docs": docs}), encoding="utf-8"
    )
    for doc in docs:
        page = site / doc["location"].split("#")[0] / "index.html"
        page.parent.mkdir(parents=True, exist_ok=True)
        page.write_text("<p>page</p>", encoding="utf-8")
    return site


DOCS = [entry("", "Home"), entry("hubs/a/", "Hub A"), entry("pl/", "Strona główna")]


def indexes(site: Path) -> dict[str, bytes]:
    return {
        "en": (site / "search" / "search_index.json").read_bytes(),
        "pl": (site / "pl" / "search" / "search_index.json").read_bytes(),
    }


def split_twice(
    site: Path, kept: BuildCache, monkeypatch: pytest.MonkeyPatch, change: Any = None
) -> tuple[dict[str, bytes], int]:
    """Build's split, then (after ``change``, with the merged index written again as a build
    writes it) a rebuild's; returns the rebuild's indexes and how often it split afresh."""
    merged = (site / "search" / "search_index.json").read_bytes()
    split_search_index(site, ["en", "pl"], kept)
    (site / "search" / "search_index.json").write_bytes(merged)
    (site / "pl" / "search" / "search_index.json").unlink()
    if change is not None:
        change()
    afresh = []
    real = search_split.split_by_language

    def counted(*args: Any) -> dict[str, dict[str, Any]]:
        afresh.append(1)
        return real(*args)

    monkeypatch.setattr(search_split, "split_by_language", counted)
    counts = split_search_index(site, ["en", "pl"], kept)
    written = indexes(site)
    assert counts == {lang: len(json.loads(text)["docs"]) for lang, text in written.items()}
    return written, len(afresh)


def test_an_unchanged_rebuild_takes_the_last_split_byte_for_byte(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    site = merged_site(tmp_path, DOCS)
    fresh = merged_site(tmp_path / "fresh", DOCS)
    split_search_index(fresh, ["en", "pl"], BuildCache(tmp_path / "nothing-kept"))
    again, afresh = split_twice(site, BuildCache(tmp_path / "kept"), monkeypatch)
    assert afresh == 0
    assert again == indexes(fresh)


def test_a_changed_index_or_page_list_is_split_afresh(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    site = merged_site(tmp_path / "index", DOCS)
    index = site / "search" / "search_index.json"

    def new_words() -> None:
        index.write_text(index.read_text(encoding="utf-8").replace("Hub A", "Hub B"))

    again, afresh = split_twice(site, BuildCache(tmp_path / "kept"), monkeypatch, new_words)
    assert afresh == 1
    assert b"Hub B" in again["en"] and b"Hub A" not in again["en"]

    # The English page now also published in Polish: found in Polish search too.
    site = merged_site(tmp_path / "pages", DOCS)

    def published_in_polish() -> None:
        (site / "pl" / "hubs" / "a").mkdir(parents=True)
        (site / "pl" / "hubs" / "a" / "index.html").write_text("<p>strona</p>")

    kept = BuildCache(tmp_path / "kept-pages")
    again, afresh = split_twice(site, kept, monkeypatch, published_in_polish)
    assert afresh == 1
    assert b"Hub A" in again["pl"]


@pytest.mark.parametrize(
    "damage", ["file edited", "file cut short", "files' sizes moved", "note for other input"]
)
def test_a_damaged_or_foreign_kept_split_is_never_published(
    damage: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    site = merged_site(tmp_path, DOCS)
    fresh = merged_site(tmp_path / "fresh", DOCS)
    split_search_index(fresh, ["en", "pl"], BuildCache(tmp_path / "nothing-kept"))
    kept = BuildCache(tmp_path / "kept")

    def spoil() -> None:
        file = tmp_path / "kept" / folder_slot(site)
        header, body = file.read_bytes().split(b"\n", 1)
        if damage == "file edited":
            file.write_bytes(
                header + b"\n" + body.replace("główna".encode(), b"PLANTED!")
            )  # same size
        elif damage == "file cut short":
            file.write_bytes(header + b"\n" + body[:20])
        elif damage == "files' sizes moved":  # each language's start off by a byte
            note = json.loads(header)
            note["files"]["en"][0] += 1
            note["files"]["pl"][0] -= 1
            file.write_bytes(json.dumps(note).encode() + b"\n" + body)
        else:
            note = json.loads(header)
            file.write_bytes(json.dumps({**note, "key": "0" * 64}).encode() + b"\n" + body)

    again, afresh = split_twice(site, kept, monkeypatch, spoil)
    assert afresh == 1
    assert again == indexes(fresh)


def page_entries(index: dict[str, Any]) -> set[str]:
    """The pages an index has an entry for (a page's own entry, not only its sections)."""
    return {doc["location"] for doc in index["docs"] if "#" not in doc["location"]}


def test_every_language_finds_every_page_it_publishes_by_its_title(tiny_site: Path) -> None:
    # A page published in Polish (translated or not) is found in the Polish search by its
    # title. mkdocs-static-i18n's merged index dropped the Polish title entry of a page
    # whose title reads the same in both languages (a hub's name) while its sections
    # differ, and the split then had nothing to put back: Polish search lost those pages.
    site = tiny_site / "site"
    english = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    polish = json.loads((site / "pl" / "search" / "search_index.json").read_text(encoding="utf-8"))
    published_in_polish = {
        page.parent.relative_to(site / "pl").as_posix().removeprefix(".")
        for page in (site / "pl").rglob("index.html")
    }
    wanted = {
        location
        for location in page_entries(english)
        if location.rstrip("/") in published_in_polish
    }
    assert wanted, "the English index names no page that the Polish part publishes"
    assert sorted(wanted - page_entries(polish)) == []
