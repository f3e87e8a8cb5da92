"""Build the tiny two-language fixture site with real MkDocs and check pages by meaning."""

from __future__ import annotations

import os
import posixpath
import re
import shutil
import time
from pathlib import Path
from urllib.parse import urlsplit

import pytest
import yaml
from bs4 import BeautifulSoup
from sitebuild import build, make_site

LANGUAGES = ["en", "pl"]
RECORD_PAGES = {
    "hubs": ["town-hub", "village-hub"],
    "birth-settings": ["town-labour-ward", "home-birth"],
    "services": ["booking", "feeding", "old-feeding-clinic"],
    "organisations": ["town-trust", "tiny-icb"],
    "places": ["town-hospital", "village-centre"],
    "mnvp": ["tiny-mnvp"],
}


@pytest.fixture
def site(tiny_site: Path) -> Path:
    return tiny_site


def page(site: Path, url: str, lang: str = "en") -> BeautifulSoup:
    prefix = "" if lang == "en" else f"{lang}/"
    path = site / "site" / prefix / url / "index.html"
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def article(soup: BeautifulSoup) -> BeautifulSoup:
    return soup.select_one("article.md-content__inner")


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_record_has_a_page_at_its_id_in_every_language(site: Path, lang: str) -> None:
    for section, ids in RECORD_PAGES.items():
        for record_id in ids:
            soup = page(site, f"{section}/{record_id}", lang)
            assert soup.html["lang"] == lang
            assert soup.select_one("article h1") is not None


def test_every_page_has_the_demo_banner_and_urgent_contacts(site: Path) -> None:
    pages = sorted((site / "site").rglob("index.html"))
    assert len(pages) > 40
    for path in pages:
        soup = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        banner = soup.select_one(".md-banner .app-demo-banner")
        assert banner is not None, path
        urgent = soup.select_one("article .app-urgent")
        assert urgent is not None, path
        assert urgent.select_one('a[href="tel:01632960001"]').get_text() == "01632 960001"
        assert "call 999" in urgent.select_one("details summary").get_text()
        # 999 is a link she can tap at once, outside the disclosure's label (issue 18).
        call_999 = urgent.select_one('a.app-phone[href="tel:999"][dir="ltr"]')
        assert call_999 is not None and call_999.find_parent("summary") is None, path
        assert "heavy bleeding" in urgent.select_one("details").get_text()
        # The page heading comes first, then the urgent box.
        first = article(soup).find(["h1", "section"])
        assert first.name == "h1", path


def test_planned_hub_says_it_is_not_open_and_what_to_do(site: Path) -> None:
    body = article(page(site, "hubs/village-hub"))
    notice = body.select_one(".app-notice--planned")
    assert "Planned: not open yet" in notice.get_text()
    assert "9 February 2018" in notice.get_text()
    situations = dict(
        zip(
            [dt.get_text(strip=True) for dt in notice.select("dt")],
            [dd.get_text(strip=True) for dd in notice.select("dd")],
            strict=True,
        )
    )
    early = "If you are in early pregnancy (up to about 20 weeks)"
    assert situations == {early: "See your midwife at your GP surgery."}
    assert "Not yet confirmed" in body.select_one(".app-notice--unconfirmed").get_text()


def test_text_from_data_is_escaped_never_run(site: Path) -> None:
    soup = page(site, "hubs/village-hub")
    assert soup.select_one("article h1").get_text() == 'Village hub <script>alert("x")</script>'
    # Nowhere as markup: not as an element, and not inside the map's script either.
    html = (site / "site" / "hubs" / "village-hub" / "index.html").read_text()
    assert "<script>alert" not in html
    assert not [s for s in soup.find_all("script") if s.get_text().startswith("alert")]
    assert "<script>alert" not in (site / "site" / "hubs" / "index.html").read_text()


def test_replaced_service_keeps_its_page_and_says_where_care_moved(site: Path) -> None:
    notice = article(page(site, "services/old-feeding-clinic")).select_one(".app-notice--replaced")
    moved = [a for a in notice.select("a") if "feeding" in a["href"]]
    assert moved[0]["href"] == "../feeding/"
    assert moved[0].get_text() == "Feeding support"
    assert "Go to a feeding support drop-in instead." in notice.get_text()


def test_each_record_page_shows_source_owner_and_review_dates(site: Path) -> None:
    facts = page(site, "services/booking").select_one(".app-facts")
    pairs = {
        dt.get_text(strip=True): dd.get_text(" ", strip=True)
        for dt, dd in zip(facts.select("dt"), facts.select("dd"), strict=True)
    }
    assert pairs == {
        "Last reviewed": "1 January 2026",
        "Next review due": "1 January 2027",
        "Kept up to date by": "Tiny LMNS team",
        "Source": "Tiny plan",
    }


def test_translated_values_and_interface_text_are_used_with_per_field_fallback(
    site: Path,
) -> None:
    soup = page(site, "hubs", "pl")
    assert soup.select_one("article h1").get_text() == "Centra społeczne"
    names = [a.get_text() for a in soup.select("article table th a")]
    assert "Centrum miejskie" in names
    # An untranslated value is shown in English and marked as English for screen readers.
    fallback = page(site, "hubs/village-hub", "pl").select_one(".app-lead span[lang=en]")
    assert fallback.get_text() == "A planned hub."


def test_listings_show_every_status(site: Path) -> None:
    rows = page(site, "hubs").select("article table tbody tr")
    statuses = {
        row.select_one("th").get_text(strip=True): row.select_one(".app-status").get_text()
        for row in rows
    }
    assert statuses == {
        "Town hub": "Available",
        'Village hub <script>alert("x")</script>': "Planned: not open yet",
    }


def test_services_are_grouped_by_the_eight_parts_of_the_offer(site: Path) -> None:
    headings = [h["id"] for h in article(page(site, "services")).select(":scope > h2")]
    assert headings == [
        "routine-care",
        "specialist-care",
        "targeted-support",
        "choice-and-planning",
        "continuity-of-carer",
        "information-and-groups",
        "voices-partnership",
        "feedback-and-complaints",
    ]


def test_every_internal_link_resolves(site: Path) -> None:
    """Relative links resolve from their page; absolute ones (the 404 page and the language
    switcher use them) from the site root, which is "/" for the fixture's site_url."""
    root = site / "site"
    broken = []
    for path in root.rglob("*.html"):
        soup = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        for tag, attr in (("a", "href"), ("link", "href"), ("script", "src"), ("img", "src")):
            for element in soup.find_all(tag):
                target = element.get(attr)
                if not target or urlsplit(target).scheme or target.startswith(("#", "//")):
                    continue
                target_path = urlsplit(target).path
                base = (
                    ""
                    if target_path.startswith("/")
                    else posixpath.dirname(str(path.relative_to(root)))
                )
                resolved = posixpath.normpath(posixpath.join(base, target_path.lstrip("/")))
                candidate = root / resolved
                if not (candidate.is_file() or (candidate / "index.html").is_file()):
                    broken.append(f"{path.relative_to(root)} -> {target}")
    assert broken == []


def test_generated_files_are_rewritten_only_when_they_change(tmp_path: Path) -> None:
    folder = make_site(tmp_path)
    assert build(folder).returncode == 0
    generated = folder / "content" / "en" / "hubs" / "town-hub.md"
    before = generated.stat().st_mtime_ns
    time.sleep(0.01)
    assert build(folder).returncode == 0
    assert generated.stat().st_mtime_ns == before

    hubs = folder / "data" / "hubs.yml"
    hubs.write_text(hubs.read_text().replace("A hub in the town hospital.", "Now bigger."))
    assert build(folder).returncode == 0
    assert "Now bigger." in generated.read_text()


def test_a_removed_record_loses_its_generated_page(tmp_path: Path) -> None:
    folder = make_site(tmp_path)
    assert build(folder).returncode == 0
    services = folder / "data" / "services.yml"
    text = services.read_text()
    services.write_text(text[: text.index("  - id: old-feeding-clinic")])
    (folder / "data" / "changes.yml").write_text("changes: []\n")  # its history goes too
    assert build(folder).returncode == 0
    assert not (folder / "content" / "en" / "services" / "old-feeding-clinic.md").exists()


def test_files_no_longer_made_are_removed_and_maps_travel_with_their_page(
    tmp_path: Path,
) -> None:
    folder = make_site(tmp_path)
    assert build(folder).returncode == 0
    page = (folder / "site" / "hubs" / "town-hub" / "index.html").read_text(encoding="utf-8")
    # One static script draws every map; the map's places are in the page itself.
    assert re.search(
        r'<script defer src="\.\./\.\./assets/lmo/map\.[0-9a-f]{10}\.js"></script>', page
    )
    assert 'data-map="' in page
    assert not (folder / "site" / "maps").exists()
    definition = folder / "content" / "pl" / "care-plan" / "plan.json"
    assert definition.exists()
    mine = folder / "content" / "en" / "maps" / "my-own.js"
    mine.parent.mkdir(parents=True, exist_ok=True)
    mine.write_text("// written by an editor, not generated\n")

    # The care plan leaves the data: its files leave the site too.
    (folder / "data" / "care_plan.yml").unlink()
    (folder / "data" / "birthplace_figures.yml").unlink()
    translations = folder / "data" / "translations" / "pl.yml"
    kept = translations.read_text().split("  care_plan.")[0]
    translations.write_text(kept)
    result = build(folder)
    assert result.returncode == 0, result.stderr
    assert not definition.exists()
    assert not (folder / "site" / "pl" / "care-plan").exists()
    assert not (folder / "site" / "pl" / "birth-place").exists()
    assert not (folder / "site" / "assets" / "pyodide").exists()
    assert mine.exists(), "a file lmo did not write is never removed"


def test_a_hand_written_page_is_never_overwritten(tmp_path: Path) -> None:
    folder = make_site(tmp_path)
    mine = folder / "content" / "en" / "glossary" / "index.md"
    mine.parent.mkdir(parents=True)
    mine.write_text(
        "---\nowner: me\nlast_reviewed: 2026-01-01\nreview_by: 2027-01-01\n---\n# Mine\n"
    )
    result = build(folder)
    assert result.returncode == 1
    assert (
        "content/en/glossary/index.md:1:1: this hand-written page has the address of a"
        " generated page" in result.stderr
    )
    assert "Traceback" not in result.stderr
    assert mine.read_text().endswith("# Mine\n")


def test_bad_data_stops_the_build_with_the_editor_message(tmp_path: Path) -> None:
    folder = make_site(tmp_path)
    hubs = folder / "data" / "hubs.yml"
    hubs.write_text(hubs.read_text().replace("state: planned", "state: open"))
    result = build(folder)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert "data/hubs.yml:21:14: hubs[1].status.state: expected one of planned" in result.stderr


def test_passed_review_date_shows_on_the_page_and_fails_only_under_strict(tmp_path: Path) -> None:
    folder = make_site(tmp_path)
    assert build(folder, LMO_TODAY="2027-02-01").returncode == 0
    notice = page(folder, "hubs/town-hub").select_one(".app-notice--review")
    assert "We are checking this information." in notice.get_text()
    assert page(folder, "hubs/town-hub").select_one(
        "article h1 + .app-urgent + .app-notice--review"
    )
    strict = build(folder, LMO_TODAY="2027-02-01", STRICT="1")
    assert strict.returncode == 1
    assert "review date 2027-01-01 has passed" in strict.stderr
    assert os.environ.get("STRICT") is None


def test_the_offline_page_exists_but_is_in_no_menu(tiny_site: Path) -> None:
    """The tiny site has no nav: list, so MkDocs lists every page in its menu; the offline
    page is for the service worker, not for the menu."""
    site = tiny_site / "site"
    assert (site / "offline" / "index.html").exists()
    assert (site / "pl" / "offline" / "index.html").exists()
    for page in ("index.html", "pl/index.html", "hubs/index.html"):
        menu = BeautifulSoup((site / page).read_text(encoding="utf-8"), "html.parser")
        links = [a["href"] for a in menu.select("nav.md-nav a.md-nav__link[href]")]
        assert links, page  # the menu is there...
        assert not [href for href in links if "offline" in href], page  # ...without it


def test_a_feature_without_its_data_files_is_off_with_its_menu_entry(tmp_path: Path) -> None:
    folder = make_site(tmp_path)
    config_file = folder / "mkdocs.yml"
    config = yaml.safe_load(config_file.read_text())
    config["nav"] = ["index.md", "care-plan/index.md", {"Birth": ["birth-place/index.md"]}]
    config_file.write_text(yaml.safe_dump(config, sort_keys=False))
    (folder / "data" / "care_plan.yml").unlink()
    (folder / "data" / "birthplace_figures.yml").unlink()
    translations = folder / "data" / "translations" / "pl.yml"
    translations.write_text(translations.read_text().split("  care_plan.")[0])

    # No hand edit of nav: the strict build would fail on a menu entry with no page.
    result = build(folder)
    assert result.returncode == 0, result.stderr
    assert "feature off: care_plan (no data/care_plan.yml)" in result.stderr
    assert "feature on:  maps" in result.stderr
    home = BeautifulSoup((folder / "site" / "index.html").read_text(), "html.parser")
    menu = [a["href"] for a in home.select("nav.md-nav--primary a[href]")]
    assert menu and not [h for h in menu if "care-plan" in h or "birth-place" in h]
    assert not (folder / "site" / "care-plan").exists()


def test_a_site_with_only_the_files_it_needs_builds_without_empty_sections(tmp_path: Path) -> None:
    """Only data/lmns.yml is required: a site being set up leaves out what it has not
    written yet, and the sections with nothing to list have no page and no menu entry."""
    folder = make_site(tmp_path)
    config_file = folder / "mkdocs.yml"
    config = yaml.safe_load(config_file.read_text())
    config["nav"] = ["index.md", "hubs/index.md", "glossary/index.md", "services/index.md"]
    config_file.write_text(yaml.safe_dump(config, sort_keys=False))
    data = folder / "data"
    left_out = ["hubs", "glossary", "quality", "changes", "feedback_themes", "you_said_we_did"]
    for name in left_out:
        (data / f"{name}.yml").unlink()
    shutil.rmtree(data / "feedback")
    translations = data / "translations" / "pl.yml"
    kept = yaml.safe_load(translations.read_text())
    kept["translations"] = {
        key: value
        for key, value in kept["translations"].items()
        if not key.startswith(("hubs.", "glossary.", "changes[", "feedback", "you_said"))
    }
    translations.write_text(yaml.safe_dump(kept, allow_unicode=True, sort_keys=False))

    result = build(folder)
    assert result.returncode == 0, result.stderr
    assert "this data file is missing" not in result.stderr
    site = folder / "site"
    assert not (site / "hubs").exists() and not (site / "glossary").exists()
    assert (site / "services" / "index.html").exists()
    home = BeautifulSoup((site / "index.html").read_text(), "html.parser")
    links = [a["href"] for a in home.select("a[href]")]
    assert not [h for h in links if "hubs/" in h or "glossary/" in h], links
