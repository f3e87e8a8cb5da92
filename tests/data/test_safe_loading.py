"""Hostile or careless input an editor could commit: each is refused at its file and line,
within a second, with no traceback, by both the check and the build."""

from __future__ import annotations

import datetime as dt
import time
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from sitebuild import build, check, copy_data, edit, make_site

from lmo.core.problems import Severity
from lmo.pipeline import load_dataset
from lmo.site.content import check_content

TODAY = dt.date(2026, 6, 1)
QUOTE = '"'

# "Billion laughs": nine levels of nine copies would expand to 9**9 values.
BOMB = 'lol: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]\n' + "".join(
    f"l{i}: &{chr(98 + i)} [{', '.join([f'*{chr(97 + i)}'] * 9)}]\n" for i in range(8)
)
BOMB_MESSAGE = (
    "this file repeats a block (the alias '*e') so many times that it would grow to more than"
    " 100,000 values; write the values out instead of using '&' anchors and '*' aliases"
)


@pytest.fixture
def data(tmp_path: Path) -> Path:
    return copy_data(tmp_path)


def messages(data: Path, languages: tuple[str, ...] = ()) -> list[str]:
    """The errors (warnings, such as a notice not yet translated into a language, are about
    other things)."""
    _, problems = load_dataset(data, today=TODAY, languages=languages)
    return [str(p) for p in problems if p.severity is Severity.ERROR]


def prepend(path: Path, text: str) -> None:
    path.write_text(text + path.read_text(encoding="utf-8"), encoding="utf-8")


def test_an_alias_bomb_in_a_data_file_is_refused_within_a_second(data: Path) -> None:
    prepend(data / "hubs.yml", BOMB)
    started = time.perf_counter()
    found = messages(data)
    assert time.perf_counter() - started < 1
    assert found == [f"data/hubs.yml:6:9: {BOMB_MESSAGE}"]


def test_an_alias_bomb_in_a_translation_file_is_refused(data: Path) -> None:
    prepend(data / "translations" / "pl.yml", BOMB)
    assert f"data/translations/pl.yml:6:9: {BOMB_MESSAGE}" in messages(data)


def test_nesting_hundreds_of_levels_deep_is_refused(data: Path) -> None:
    prepend(data / "places.yml", "deep: " + "[" * 400 + "]" * 400 + "\n")
    assert messages(data) == [
        "data/places.yml:1:56: blocks are nested more than 50 levels deep here; data never"
        " needs that many: check the indentation and the '[' and '{' brackets"
    ]


def test_an_alias_inside_its_own_block_is_refused(data: Path) -> None:
    edit(data, "hubs.yml", "    offers: [Scans, Antenatal clinics]", "    offers: &o [Scans, *o]")
    assert messages(data) == [
        "data/hubs.yml:8:24: this block repeats itself (the alias '*o' is inside the block '&o'"
        " it names), so it would never end; write the values out instead"
    ]


def test_aliases_stacked_deeper_than_the_limit_are_refused(data: Path) -> None:
    layers = "a0: &a0 " + "[" * 30 + "x" + "]" * 30 + "\n"
    layers += "a1: &a1 " + "[" * 30 + "*a0" + "]" * 30 + "\n"
    prepend(data / "places.yml", layers)
    assert messages(data) == [
        "data/places.yml:2:39: this file puts a repeated block (the alias '*a0') inside others"
        " until it is more than 50 levels deep; write the values out instead"
    ]


def test_a_few_ordinary_aliases_still_work(data: Path) -> None:
    edit(
        data,
        "hubs.yml",
        "    offers: [Scans, Antenatal clinics]",
        "    offers: &offers [Scans, Antenatal clinics]",
    )
    edit(
        data,
        "hubs.yml",
        "    provider: town-trust\n    status",
        "    provider: town-trust\n    offers: *offers\n    status",
    )
    dataset, problems = load_dataset(data, today=TODAY)
    assert problems == []
    assert dataset is not None
    assert dataset.hubs["village-hub"].offers == dataset.hubs["town-hub"].offers


def test_a_latin1_data_file_is_reported_at_its_first_bad_character(data: Path) -> None:
    path = data / "hubs.yml"
    text = path.read_text(encoding="utf-8").replace("A planned hub.", "A planned café hub.")
    path.write_bytes(text.encode("latin-1"))
    assert messages(data) == [
        "data/hubs.yml:17:27: this file is not saved as UTF-8 text: the character here (byte"
        " 0xE9) is in another encoding, such as Windows' Latin-1; save the file as UTF-8 (in"
        " most editors: Save As, Encoding: UTF-8)"
    ]


def test_http_addresses_are_refused(data: Path) -> None:
    edit(
        data,
        "organisations.yml",
        'url: "https://www.cqc.org.uk/provider/RZZ"',
        'url: "http://www.cqc.org.uk/provider/RZZ"',
    )
    assert messages(data) == [
        "data/organisations.yml:7:34: organisations[0].cqc.url: use the https:// address (an"
        " http:// page can be changed on its way to the reader); if the site has no https://"
        ' address, leave the field out (got "http://www.cqc.org.uk/provider/RZZ")'
    ]


@pytest.mark.parametrize("reserved", ["index", "assets", "search", "maps", "feed", '"404"'])
def test_ids_that_are_generated_page_names_are_refused(data: Path, reserved: str) -> None:
    edit(
        data,
        "hubs.yml",
        "previous_ids: [old-town-hub]",
        f"previous_ids: [old-town-hub, {reserved}]",
    )
    assert messages(data) == [
        "data/hubs.yml:3:34: hubs[0].previous_ids[1]: this is the name of a page or file the"
        " site makes itself, so this record's address would replace or redirect it: choose"
        f' another id, such as one with the place\'s name in it (got "{reserved.strip(QUOTE)}")'
    ]


@pytest.mark.build  # runs a program, or takes many seconds
def test_a_record_id_that_is_a_site_language_is_refused(data: Path) -> None:
    edit(data, "hubs.yml", "previous_ids: [old-town-hub]", "previous_ids: [old-town-hub, ro]")
    assert messages(data, languages=("en", "pl", "ro")) == [
        'data/hubs.yml:3:34: hubs[0].previous_ids[1]: "ro" is the code of one of the site\'s'
        " languages, whose pages are published in a folder of that name: choose another id,"
        " such as one with the place's name in it"
    ]
    # A language with a translation file counts even when the build leaves it out.
    edit(data, "hubs.yml", "old-town-hub, ro]", "old-town-hub, pl]")
    assert len(messages(data, languages=("en",))) == 1
    # A short id that is no language of the site is an ordinary id.
    edit(data, "hubs.yml", "old-town-hub, pl]", "old-town-hub, mlu]")
    assert messages(data, languages=("en", "pl", "ro")) == []


# --- content pages -----------------------------------------------------------------------


def content_messages(site: Path) -> list[str]:
    return sorted(str(p) for p in check_content(site / "content", site, TODAY))


def test_front_matter_problems_are_at_their_line(tmp_path: Path) -> None:
    site = make_site(tmp_path)
    page = site / "content" / "en" / "about.md"
    edit(page.parent, page.name, "review_by: 2027-01-01", "review_by: 2027-01-01\nowner: Someone")
    edit(page.parent, page.name, "last_reviewed: 2026-01-01", "last_reviewed: 2026-02-30")
    assert content_messages(site) == [
        "content/en/about.md:3:16: front matter.last_reviewed: expected a real date written"
        " year-month-day, such as \"2026-03-31\" (got '2026-02-30')",
        "content/en/about.md:5:1: owner: this key is written twice in the same block; keep one",
    ]


def test_an_alias_bomb_in_front_matter_is_refused(tmp_path: Path) -> None:
    site = make_site(tmp_path)
    page = site / "content" / "en" / "about.md"
    edit(page.parent, page.name, "---\n", "---\n" + BOMB)
    assert content_messages(site) == [f"content/en/about.md:7:9: {BOMB_MESSAGE}"]


def test_a_latin1_page_is_reported_at_its_first_bad_character(tmp_path: Path) -> None:
    site = make_site(tmp_path)
    page = site / "content" / "en" / "about.md"
    text = page.read_text(encoding="utf-8").replace("deliberately", "délibérément")
    page.write_bytes(text.encode("latin-1"))
    assert content_messages(site) == [
        "content/en/about.md:9:23: this file is not saved as UTF-8 text: the character here"
        " (byte 0xE9) is in another encoding, such as Windows' Latin-1; save the file as UTF-8"
        " (in most editors: Save As, Encoding: UTF-8)"
    ]


HOST_FILE = (
    "is a file the web host reads (headers, redirects or the service worker); the build writes"
    " the site's own, and a copy in content/ would replace it: delete it, and change the"
    " site's settings instead"
)
DATA_FILE = (
    "in content/ would be published as it is, so anyone could download it; raw survey exports"
    " and spreadsheets must never be in the site or the repository: move it out of content/"
    " (data belongs in data/)"
)


def test_host_files_and_data_files_in_content_are_refused(tmp_path: Path) -> None:
    site = make_site(tmp_path)
    content = site / "content"
    (content / "en" / "feedback-summaries").mkdir()
    (content / "assets").mkdir(exist_ok=True)
    for name in (
        "_redirects",
        "en/_headers",
        "pl/.htaccess",
        "en/feedback-summaries/export.csv",
        "en/feedback-summaries/2026-27-q1.review.md",
        "en/answers.xlsx",
        "en/hubs.json",
        "responses.sqlite",
        "robots.txt",
        "assets/extra.json",
    ):
        (content / name).write_text("x\n", encoding="utf-8")
    assert content_messages(site) == [
        f"content/_redirects:1:1: '_redirects' {HOST_FILE}",
        f"content/en/_headers:1:1: '_headers' {HOST_FILE}",
        f"content/en/answers.xlsx:1:1: a data file (.xlsx) {DATA_FILE}",
        "content/en/feedback-summaries/2026-27-q1.review.md:1:1: this is a feedback review sheet"
        " made by 'make feedback'; it holds what people wrote before checking and must never be"
        " published: move it out of content/",
        f"content/en/feedback-summaries/export.csv:1:1: a data file (.csv) {DATA_FILE}",
        f"content/en/hubs.json:1:1: a data file (.json) {DATA_FILE}",
        f"content/pl/.htaccess:1:1: '.htaccess' {HOST_FILE}",
        f"content/responses.sqlite:1:1: a data file (.sqlite) {DATA_FILE}",
    ]


# --- the command line and the build refuse too -----------------------------------------


def test_check_and_build_refuse_a_bomb_and_an_export_without_a_traceback(tmp_path: Path) -> None:
    site = make_site(tmp_path)
    prepend(site / "data" / "hubs.yml", BOMB)
    (site / "content" / "en" / "export.csv").write_text("name,comment\n", encoding="utf-8")
    started = time.perf_counter()
    checked = check(site)
    assert time.perf_counter() - started < 30  # it took minutes and 9 GB before
    built = build(site)
    for result in (checked, built):
        assert result.returncode != 0
        output = result.stdout + result.stderr
        assert "Traceback" not in output
        assert f"data/hubs.yml:6:9: {BOMB_MESSAGE}" in output
        assert f"content/en/export.csv:1:1: a data file (.csv) {DATA_FILE}" in output
    assert not (site / "site" / "export.csv").exists()


def test_a_bomb_in_mkdocs_yml_is_refused_by_the_check(tmp_path: Path) -> None:
    site = make_site(tmp_path)
    prepend(site / "mkdocs.yml", BOMB)
    result = check(site)
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    assert f"mkdocs.yml:6:9: {BOMB_MESSAGE}" in result.stderr


TEMPLATE_NAME = "Town hub {% raw %} {{ 7*7 }} {% endraw %} {{ lmns }}"


def test_template_syntax_in_a_name_is_shown_as_text(tmp_path: Path) -> None:
    site = make_site(tmp_path)
    edit(site / "data", "hubs.yml", "name: Town hub", f"name: '{TEMPLATE_NAME}'")
    checked = check(site)
    assert checked.returncode == 0, checked.stderr
    built = build(site)
    assert built.returncode == 0, built.stderr
    html = (site / "site" / "hubs" / "town-hub" / "index.html").read_text(encoding="utf-8")
    heading = BeautifulSoup(html, "html.parser").select_one("article h1")
    assert heading is not None
    assert heading.get_text(strip=True) == TEMPLATE_NAME
    assert "49" not in heading.get_text()
