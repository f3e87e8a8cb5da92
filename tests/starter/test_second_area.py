"""A second, fictional area (tests/fixtures/second-area/: Fenmarsh and Tannery Vale, in
English, Pashto and Punjabi) built from its own folder with the engine installed from a
wheel, as another LMNS would: no file of the engine changed, every page its data implies
is there in every language, the features it has no data for are absent, and nothing of the
worked example reaches it."""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup

from tests.sitebuild import REPO, run
from tests.starter.engine import (
    SECOND_AREA,
    copy_second_area,
    engine_files_state,
    install_engine,
)

pytestmark = pytest.mark.build

# Each language's folder in the built site, and the direction its pages are written in.
LANGUAGES = {"en": ("", "ltr"), "ps": ("ps/", "rtl"), "pa": ("pa/", "ltr")}

# Each record file, the list in it, and the site folder its pages are in.
RECORD_PAGES = {
    "hubs.yml": ("hubs", "hubs"),
    "birth_settings.yml": ("birth_settings", "birth-settings"),
    "services.yml": ("services", "services"),
    "places.yml": ("places", "places"),
    "organisations.yml": ("organisations", "organisations"),
    "lmns.yml": ("mnvps", "mnvp"),
}
SECTION_PAGES = [
    "",
    "hubs/",
    "birth-settings/",
    "services/",
    "places/",
    "organisations/",
    "changes/",
    "feedback-and-concerns/",
    "mnvp/",
    "interpreting/",
    "glossary/",
    "about/",
]
# The features this area leaves out, by the folder each would make.
LEFT_OUT = {
    "care_plan": "care-plan",
    "birth_place": "birth-place",
    "feedback": "feedback-summaries",
    "quality": "quality",
}


@dataclass(frozen=True)
class Built:
    installed: Path
    folder: Path
    check: str
    build: str
    check_code: int
    build_code: int
    engine_module: str
    repo_before: str
    repo_after: str

    @property
    def site(self) -> Path:
        return self.folder / "site"


@pytest.fixture(scope="module")
def second_area(tmp_path_factory: pytest.TempPathFactory) -> Built:
    """The wheel is built once for the module: building it is most of the time taken."""
    before = engine_files_state()
    tmp = tmp_path_factory.mktemp("second-area")
    installed = install_engine(tmp)
    folder = copy_second_area(tmp)
    engine = {"PYTHONPATH": str(installed)}
    check = run([sys.executable, "-m", "lmo", "check"], folder, **engine)
    build = run([sys.executable, "-m", "mkdocs", "build", "--strict"], folder, **engine)
    where = run([sys.executable, "-c", "import lmo; print(lmo.__file__)"], folder, **engine)
    return Built(
        installed=installed,
        folder=folder,
        check=check.stderr,
        build=build.stderr,
        check_code=check.returncode,
        build_code=build.returncode,
        engine_module=where.stdout.strip(),
        repo_before=before,
        repo_after=engine_files_state(),
    )


def records(file: str, key: str) -> list[str]:
    data = yaml.safe_load((SECOND_AREA / "data" / file).read_text(encoding="utf-8"))
    return [record["id"] for record in data[key]]


def soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def test_the_check_passes_with_nothing_to_fix(second_area: Built) -> None:
    assert second_area.check_code == 0, second_area.check
    assert "check ok: 0 errors, 0 warnings" in second_area.check


def test_the_installed_engine_builds_it_strictly_and_no_engine_file_changes(
    second_area: Built,
) -> None:
    assert second_area.build_code == 0, second_area.build
    assert second_area.engine_module.startswith(str(second_area.installed))
    assert second_area.repo_after == second_area.repo_before


def test_every_page_the_data_implies_is_there_in_every_language(second_area: Built) -> None:
    expected = list(SECTION_PAGES)
    for file, (key, folder) in RECORD_PAGES.items():
        ids = records(file, key)
        assert ids, file
        expected += [f"{folder}/{record}/" for record in ids]
    assert len(expected) > 45
    missing = [
        prefix + page
        for prefix, _ in LANGUAGES.values()
        for page in expected
        if not (second_area.site / prefix / page / "index.html").is_file()
    ]
    assert missing == []


def test_features_without_data_make_no_page_and_no_menu_entry(second_area: Built) -> None:
    for feature, folder in LEFT_OUT.items():
        assert f"feature off: {feature} " in second_area.build
        for prefix, _ in LANGUAGES.values():
            assert not (second_area.site / prefix / folder).exists(), prefix + folder
    menu_links = {
        str(link.get("href"))
        for link in soup(second_area.site / "index.html").select("nav.md-nav--primary a")
    }
    assert "hubs/" in menu_links
    assert not [href for href in menu_links for f in LEFT_OUT.values() if f in href]


@pytest.mark.parametrize("lang", list(LANGUAGES))
def test_each_language_has_its_code_and_direction_on_every_page(
    second_area: Built, lang: str
) -> None:
    prefix, direction = LANGUAGES[lang]
    root = second_area.site / prefix
    pages = [
        p
        for p in root.rglob("index.html")
        if lang != "en" or p.relative_to(root).parts[0] not in ("ps", "pa")
    ]
    assert len(pages) > 45
    for page in pages:
        html = soup(page)
        assert html.html is not None and html.html.get("lang") == lang, page
        assert html.body is not None and html.body.get("dir") == direction, page


@pytest.mark.parametrize("lang", list(LANGUAGES))
def test_the_suspended_unit_says_so_and_what_to_do(second_area: Built, lang: str) -> None:
    prefix, _ = LANGUAGES[lang]
    page = soup(second_area.site / prefix / "birth-settings/sallow-birth-centre/index.html")
    notice = page.select_one(".app-notice--suspended")
    assert notice is not None
    assert notice.select_one(".app-notice__situations") is not None
    # The call to make in labour, as a link she can tap.
    assert notice.select_one('a[href="tel:01134960210"]') is not None
    if lang != "en":
        translation = yaml.safe_load(
            (SECOND_AREA / "data" / "translations" / f"{lang}.yml").read_text(encoding="utf-8")
        )["translations"]["birth_settings.sallow-birth-centre.status.note"]["text"]
        assert translation in notice.get_text(" ")


@pytest.mark.parametrize("lang", list(LANGUAGES))
def test_the_replaced_unit_names_the_one_that_replaced_it(second_area: Built, lang: str) -> None:
    prefix, _ = LANGUAGES[lang]
    page = soup(second_area.site / prefix / "birth-settings/oakhollow-birth-unit/index.html")
    notice = page.select_one(".app-notice--replaced")
    assert notice is not None
    links = {str(a.get("href")) for a in notice.select("a")}
    assert "../reedby-birth-centre/" in links


def example_words() -> list[str]:
    """Names from the worked example's data that no other area would have: its towns and
    counties, and the words of its organisations' names that are not common words."""
    places = yaml.safe_load((REPO / "data" / "places.yml").read_text(encoding="utf-8"))
    words = {p["address"]["town"] for p in places["places"]}
    words |= {p["address"]["county"] for p in places["places"] if p["address"].get("county")}
    words |= {"Wye Valley", "2gether", "Healthwatch", "WR11", "Teme", "Tenbury"}
    return sorted(words)


def test_no_text_of_the_worked_example_appears(second_area: Built) -> None:
    words = example_words()
    assert {"Evesham", "Herefordshire", "Worcestershire"} <= set(words)
    pattern = re.compile("|".join(re.escape(word) for word in words))
    pages = sorted(second_area.site.rglob("*.html"))
    found = {
        str(page.relative_to(second_area.site)): match.group(0)
        for page in pages
        if (match := pattern.search(page.read_text(encoding="utf-8")))
    }
    assert found == {}
    # The area's own words are there, so the search above read real pages.
    assert "Tannery Vale" in (second_area.site / "index.html").read_text(encoding="utf-8")
