"""Languages: translated values with provenance, and the notices that say how far to trust
them, each appearing exactly where it should (tiny two-language fixture, real MkDocs)."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
from babel.messages.pofile import read_po
from bs4 import BeautifulSoup
from sitebuild import REPO, build, make_site, run

from lmo.config.project import read_mkdocs_yml


@pytest.fixture
def site(tiny_site: Path) -> Path:
    return tiny_site


def soup_of(site: Path, url: str) -> BeautifulSoup:
    path = site / "site" / url / "index.html"
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def notice(site: Path, url: str) -> str | None:
    box = soup_of(site, url).select_one("article .app-notice--translation")
    return None if box is None else box.get_text(" ", strip=True)


def test_untranslated_page_falls_back_to_english_with_a_notice_in_the_readers_language(
    site: Path,
) -> None:
    soup = soup_of(site, "pl/about")
    assert soup.html["lang"] == "pl"
    text = notice(site, "pl/about")
    assert text is not None
    assert "Ta strona nie została jeszcze przetłumaczona na język polski" in text
    link = soup.select_one(".app-notice--translation a[href$='interpreting/']")
    assert link["href"] == "../interpreting/"
    # The English text itself is marked as English; the notice is not.
    assert soup.select_one("article h1").find_parent(attrs={"lang": "en"}) is not None
    assert soup.select_one(".app-notice--translation").find_parent(attrs={"lang": "en"}) is None


def test_translated_page_has_no_fallback_notice(site: Path) -> None:
    soup = soup_of(site, "pl/questions")
    heading = soup.select_one("article h1")
    # The Polish page itself, not the English one shown in its place.
    assert heading is not None and heading.get_text(strip=True) == "Twoje pytania"
    assert heading.find_parent(attrs={"lang": "en"}) is None
    assert "nie została jeszcze przetłumaczona" not in soup.select_one("article").get_text()


def test_machine_draft_is_labelled_only_where_a_machine_value_is_shown(site: Path) -> None:
    # hubs.town-hub.name is a machine draft; the catalogue is a reviewed professional one.
    assert "Tłumaczenie maszynowe." in notice(site, "pl/hubs/town-hub")
    assert "Tłumaczenie maszynowe." in notice(site, "pl/hubs")
    assert "Tłumaczenie maszynowe." not in (notice(site, "pl/mnvp/tiny-mnvp") or "")
    assert notice(site, "hubs/town-hub") is None


def test_stale_translation_is_shown_with_a_may_be_out_of_date_notice(site: Path) -> None:
    text = notice(site, "pl/hubs/town-hub")
    assert "To tłumaczenie może być nieaktualne." in text
    assert (
        "Centrum w szpitalu miejskim"
        in soup_of(site, "pl/hubs/town-hub").select_one(".app-lead").get_text()
    )
    english = soup_of(site, "pl/hubs/town-hub").select_one(
        ".app-notice--translation a[hreflang=en]"
    )
    assert english["href"] == "../../../hubs/town-hub/"
    assert "nieaktualne" not in (notice(site, "pl/hubs/village-hub") or "")


def test_stale_hand_written_translation_is_flagged(site: Path) -> None:
    # content/pl/questions.md records a fingerprint that is not the English page's.
    assert "To tłumaczenie może być nieaktualne." in notice(site, "pl/questions")


def test_current_translation_of_a_page_is_not_flagged(tmp_path: Path) -> None:
    folder = make_site(tmp_path)
    from lmo.site.content import english_body_hash

    fingerprint = english_body_hash(folder / "content" / "en" / "questions.md")
    page = folder / "content" / "pl" / "questions.md"
    page.write_text(page.read_text().replace('"000000000000"', f'"{fingerprint}"'))
    assert build(folder).returncode == 0
    assert "nieaktualne" not in (notice(folder, "pl/questions") or "")
    assert "Translated by volunteers from the community." in notice(folder, "pl/questions")


def test_partly_english_page_says_so(site: Path) -> None:
    assert "Niektóre części tej strony nie są jeszcze przetłumaczone" in notice(
        site, "pl/hubs/village-hub"
    )


def test_english_pages_never_carry_translation_notices(site: Path) -> None:
    for path in (site / "site").rglob("index.html"):
        if path.relative_to(site / "site").parts[0] == "pl":
            continue
        assert "app-notice--translation" not in path.read_text(encoding="utf-8"), path


def test_language_switcher_keeps_the_same_page(site: Path) -> None:
    soup = soup_of(site, "pl/hubs/town-hub")
    switcher = {a["hreflang"]: a["href"] for a in soup.select(".md-select__link")}
    assert switcher == {"en": "../../../hubs/town-hub/", "pl": "./"}


def test_language_alternates_are_in_the_sitemap_not_the_head(site: Path) -> None:
    # Head alternates made Material fetch a missing sitemap.xml beside each one on every
    # page view (lmo/site/page_head.py); the sitemap carries them in full instead.
    for page in ("pl/hubs/town-hub", "hubs/town-hub", ""):
        head = soup_of(site, page).head
        assert head is not None
        assert head.select("link[hreflang]") == [], page
    sitemap = (site / "site" / "sitemap.xml").read_text(encoding="utf-8")
    assert "<loc>http://127.0.0.1:8000/pl/hubs/town-hub/</loc>" in sitemap
    for lang in ("en", "pl"):
        prefix = "" if lang == "en" else "pl/"
        assert f'hreflang="{lang}" href="http://127.0.0.1:8000/{prefix}hubs/town-hub/"' in sitemap


def test_the_404_pages_language_menu_leads_to_each_home_page(site: Path) -> None:
    # Left alone, it would carry the menu of whichever page was built last.
    soup = BeautifulSoup((site / "site" / "404.html").read_text(encoding="utf-8"), "html.parser")
    # In the site's default language: each language's build writes the one 404 page, and
    # the last language's used to stay (the example's said "page not found" in Urdu).
    assert soup.html is not None and soup.html["lang"] == "en"
    menu = {a["hreflang"]: a["href"] for a in soup.select(".md-select__link")}
    assert menu == {"en": "/", "pl": "/pl/"}
    assert soup.head is not None and soup.head.select("link[hreflang]") == []


def test_feed_discovery_links_stay_in_the_changes_page_head(site: Path) -> None:
    head = soup_of(site, "changes").head
    assert head is not None
    kinds = {link["type"] for link in head.select("link[rel=alternate]")}
    assert kinds == {"application/atom+xml", "application/feed+json"}


def test_inline_translations_are_refused_with_where_they_go(tmp_path: Path) -> None:
    folder = make_site(tmp_path)
    hubs = folder / "data" / "hubs.yml"
    hubs.write_text(hubs.read_text().replace("name: Town hub", "name: {en: Town hub, pl: X}"))
    result = run([sys.executable, "-m", "lmo", "check"], folder)
    assert result.returncode == 1
    assert (
        "data/hubs.yml:4:11: hubs[0].name: expected the English text here; translations go in"
        " data/translations/<language>.yml so that who translated them is recorded"
    ) in result.stderr


def test_translation_of_unknown_key_is_an_error(tmp_path: Path) -> None:
    folder = make_site(tmp_path)
    path = folder / "data" / "translations" / "pl.yml"
    path.write_text(path.read_text().replace("hubs.town-hub.name:", "hubs.town-hb.name:"))
    result = run([sys.executable, "-m", "lmo", "check"], folder)
    assert result.returncode == 1
    assert (
        "data/translations/pl.yml:9:3: translations.hubs.town-hb.name: no translatable text in"
        ' data/ has this key; did you mean "hubs.town-hub.name"?'
    ) in result.stderr


def test_translated_page_without_provenance_is_an_error(tmp_path: Path) -> None:
    folder = make_site(tmp_path)
    (folder / "content" / "pl" / "about.md").write_text(
        "---\nowner: x\nlast_reviewed: 2026-01-01\nreview_by: 2027-01-01\n---\n# O stronie\n"
    )
    result = run([sys.executable, "-m", "lmo", "check"], folder)
    assert result.returncode == 1
    assert "content/pl/about.md:2:1: front matter.translation: add 'translation:'" in result.stderr


def test_translations_report_counts_each_kind(tmp_path: Path) -> None:
    folder = make_site(tmp_path)
    result = run([sys.executable, "-m", "lmo", "translations"], folder)
    assert result.returncode == 0, result.stderr
    rows = {
        tuple(cell.strip() for cell in line.split("|")[:2]): [
            cell.strip() for cell in line.split("|")[2:]
        ]
        for line in result.stdout.splitlines()[2:]
    }
    # total, translated, machine draft, reviewed, stale, reused (data only), missing
    assert rows[("pl", "pages")] == ["2", "1", "0", "1", "1", "", "1"]
    # Translated: three records' texts and one care-plan question; two of them machine drafts.
    assert rows[("pl", "data fields")][1:5] == ["4", "2", "1", "1"]


# --- the repository's own catalogues -------------------------------------------------------


def configured_languages() -> list[str]:
    config = read_mkdocs_yml(REPO / "mkdocs.yml")
    i18n = next(p["i18n"] for p in config["plugins"] if isinstance(p, dict) and "i18n" in p)
    return [entry["locale"] for entry in i18n["languages"] if not entry.get("default")]


def test_catalogue_template_is_current(tmp_path: Path) -> None:
    out = tmp_path / "messages.pot"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "babel.messages.frontend",
            "extract",
            "-F",
            "babel.cfg",
            "-k",
            "N_",
            "--no-location",
            "--sort-output",
            "--omit-header",
            "-o",
            str(out),
            ".",
        ],
        cwd=REPO,
        check=True,
        capture_output=True,
    )
    with out.open("rb") as fresh, (REPO / "locales" / "messages.pot").open("rb") as committed:
        assert {m.id for m in read_po(fresh)} == {m.id for m in read_po(committed)}, (
            "interface text changed: run `make messages` and translate the new messages"
        )


@pytest.mark.parametrize("lang", configured_languages())
def test_every_message_is_translated_in_every_catalogue(lang: str) -> None:
    with (REPO / "locales" / "messages.pot").open("rb") as handle:
        wanted = [m.id for m in read_po(handle) if m.id]
    path = REPO / "locales" / lang / "LC_MESSAGES" / "messages.po"
    assert path.exists(), f"no catalogue for {lang}"
    with path.open("rb") as handle:
        catalogue = read_po(handle)
    missing = []
    for msgid in wanted:
        message = catalogue.get(msgid)
        strings = message.string if message else None
        ok = all(strings) if isinstance(strings, tuple) else bool(strings)
        if not ok or message.fuzzy:
            missing.append(msgid if isinstance(msgid, str) else msgid[0])
    assert missing == [], f"{lang}: {len(missing)} messages not translated"
    # Placeholders survive translation, or the page would crash or show the wrong value.
    for message in catalogue:
        if not message.id:
            continue
        ids = message.id if isinstance(message.id, tuple) else (message.id,)
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        wanted_names = set(re.findall(r"%\((\w+)\)", ids[-1]))
        for string in strings:
            assert set(re.findall(r"%\((\w+)\)", string)) <= wanted_names | {"num"}, message.id


def test_updating_a_catalogue_keeps_its_provenance_and_adds_new_messages(tmp_path: Path) -> None:
    from lmo.features.languages.catalogues import update_catalogue

    template = tmp_path / "messages.pot"
    template.write_text('msgid "Community hubs"\nmsgstr ""\n\nmsgid "A new message"\nmsgstr ""\n')
    catalogue = tmp_path / "messages.po"
    source = REPO / "tests" / "fixtures" / "tiny" / "locales" / "pl" / "LC_MESSAGES"
    catalogue.write_text((source / "messages.po").read_text(encoding="utf-8"))
    assert update_catalogue(template, catalogue) == ["A new message"]
    text = catalogue.read_text(encoding="utf-8")
    assert '"X-Translation-Method: professional\\n"' in text
    assert '"X-Reviewed-By: Tiny LMNS Polish reviewer\\n"' in text
    assert 'msgstr "Centra społeczne"' in text
    assert "Planowane" not in text  # messages gone from the template are dropped
