"""Any language code builds: one right-to-left list for the theme, the pages and the widgets;
the theme's words in English for a language it lacks; a code that would stop the build is
refused by the check, at its line in mkdocs.yml."""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

import jinja2
import pytest
from babel import Locale
from bs4 import BeautifulSoup
from sitebuild import build, check, make_site, run

from lmo.config.project import language_problems
from lmo.core.i18n import RIGHT_TO_LEFT_LANGUAGES, known_locale, text_direction
from lmo.site.theme_languages import (
    ENGLISH_PARTIAL,
    LANGUAGE_PARTIALS,
    ThemeLanguageFallbackLoader,
    fallback_partial_source,
    material_templates,
    theme_has_language,
    with_theme_language_fallback,
)

MATERIAL = material_templates()
assert MATERIAL is not None, "Material for MkDocs is not installed"

# Languages the theme (Material 9.x) has no words for: one left to right, one right to left.
LACKED_LTR = "pa"
LACKED_RTL = "ps"


# --- the right-to-left list ---------------------------------------------------------------


@pytest.mark.parametrize(
    "code", ["ar", "dv", "fa", "he", "ku", "ckb", "ps", "sd", "ug", "ur", "yi"]
)
def test_languages_written_right_to_left_are_rtl(code: str) -> None:
    assert text_direction(code) == "rtl"


@pytest.mark.parametrize("code", ["en", "pl", "lt", "ro", "pa", "bn", "gu", "so", "ti"])
def test_other_languages_are_ltr(code: str) -> None:
    assert text_direction(code) == "ltr"


@pytest.mark.parametrize(
    ("code", "direction"),
    [
        ("pa-Arab", "rtl"),  # Punjabi in Shahmukhi
        ("ku-Latn", "ltr"),  # Kurmanji
        ("az-Arab", "rtl"),
        ("ur-PK", "rtl"),  # a region does not change the direction
        ("pt_BR", "ltr"),
        ("ku-IQ", "rtl"),
    ],
)
def test_a_named_script_or_region_is_read(code: str, direction: str) -> None:
    assert text_direction(code) == direction


def test_the_list_agrees_with_babel_except_for_sorani_written_ku() -> None:
    known = [code for code in RIGHT_TO_LEFT_LANGUAGES if known_locale(code)]
    assert len(known) >= 10
    disagree = {code for code in known if Locale.parse(code).character_order != "right-to-left"}
    assert disagree == {"ku"}


def declared_direction(partial: Path) -> str:
    """The direction a theme partial declares; one that declares none takes English's."""
    found = re.search(r'"direction": "(\w+)"', partial.read_text(encoding="utf-8"))
    return found[1] if found else "ltr"


def test_the_list_agrees_with_every_language_the_theme_has() -> None:
    partials = sorted((MATERIAL / LANGUAGE_PARTIALS).glob("*.html"))
    assert len(partials) > 50
    declared = {path.stem: declared_direction(path) for path in partials}
    wrong = {code: d for code, d in declared.items() if d != text_direction(code)}
    assert wrong == {}
    assert {"ar", "fa", "he", "ur", "ku-IQ"} <= {c for c, d in declared.items() if d == "rtl"}


# --- the theme's loader -------------------------------------------------------------------


def theme_env() -> jinja2.Environment:
    """An environment like MkDocs' for the theme: Material's templates, wrapped."""
    loader = with_theme_language_fallback(jinja2.FileSystemLoader([str(MATERIAL)]))
    return jinja2.Environment(loader=loader)


def theme_words(code: str) -> list[str]:
    """What Material's own partials/language.html says for ``code``, as base.html asks."""
    page = theme_env().from_string(
        '{% import "partials/language.html" as lang with context %}'
        '{{ lang.t("language") }}|{{ lang.t("direction") }}|{{ lang.t("search.placeholder") }}'
        '|{{ lang.t("action.skip") }}'
    )
    return page.render(config={"theme": {"language": code}}).split("|")


def test_a_language_the_theme_lacks_gets_english_words_with_its_own_code_and_direction() -> None:
    assert theme_words(LACKED_RTL) == ["ps", "rtl", "Search", "Skip to content"]
    assert theme_words(LACKED_LTR) == ["pa", "ltr", "Search", "Skip to content"]
    assert theme_words("pa-Arab")[:2] == ["pa-Arab", "rtl"]
    # An underscore form is written as the html lang attribute wants it.
    assert theme_words("pa_IN")[:2] == ["pa-IN", "ltr"]


def test_a_language_the_theme_has_keeps_its_own_words() -> None:
    assert theme_words("pl") == ["pl", "ltr", "Szukaj", "Przejdź do treści"]
    assert theme_words("ur")[:2] == ["ur", "rtl"]


def test_a_region_the_theme_lacks_takes_its_languages_words() -> None:
    urdu = theme_words("ur")
    assert theme_words("ur-PK") == ["ur-PK", "rtl", *urdu[2:]]
    assert urdu[2] != "Search"
    assert theme_has_language("ur-PK") and not theme_has_language("ps-AF")


@pytest.mark.parametrize(
    "name",
    [
        f"{LANGUAGE_PARTIALS}/{{{{ 7 * 7 }}}}.html",
        f'{LANGUAGE_PARTIALS}/pa" %}}{{{{ 7 * 7 }}}}.html',
        f"{LANGUAGE_PARTIALS}/../base-missing.html",
        "partials/missing.html",
    ],
)
def test_only_a_language_code_is_ever_made_into_a_partial(name: str) -> None:
    with pytest.raises(jinja2.TemplateNotFound):
        theme_env().get_template(name)


def test_the_made_partial_refuses_anything_but_a_language_code() -> None:
    with pytest.raises(ValueError, match="not a language code"):
        fallback_partial_source('pa" %}{{ config }}')
    with pytest.raises(ValueError, match="not the partial"):
        fallback_partial_source("pa", f"{LANGUAGE_PARTIALS}/../base.html")
    assert ENGLISH_PARTIAL in fallback_partial_source("pa")


def test_wrapping_twice_keeps_one_wrapper() -> None:
    loader = with_theme_language_fallback(jinja2.DictLoader({}))
    assert isinstance(loader, ThemeLanguageFallbackLoader)
    assert with_theme_language_fallback(loader) is loader


def test_theme_has_language_looks_in_the_theme_and_the_sites_overrides(tmp_path: Path) -> None:
    assert theme_has_language("pl") and theme_has_language("ur")
    assert not theme_has_language(LACKED_LTR) and not theme_has_language(LACKED_RTL)
    own = tmp_path / LANGUAGE_PARTIALS / f"{LACKED_LTR}.html"
    own.parent.mkdir(parents=True)
    own.write_text("{% macro t(key) %}{% endmacro %}", encoding="utf-8")
    assert theme_has_language(LACKED_LTR, [tmp_path])


# --- language codes the check refuses -----------------------------------------------------

LANGUAGES_YML = """\
site_name: x
plugins:
  - search
  - i18n:
      languages:
        - locale: en
          default: true
        - locale: ckb
        - locale: xx
        - locale: pt-BR
"""


def test_codes_the_build_cannot_take_are_problems_at_their_line(tmp_path: Path) -> None:
    config = tmp_path / "mkdocs.yml"
    config.write_text(LANGUAGES_YML, encoding="utf-8")
    problems = [str(p) for p in language_problems(["en", "ckb", "xx", "pt-BR"], config)]
    assert len(problems) == 2
    assert problems[0].startswith("mkdocs.yml:8:19: plugins[1].i18n.languages[1].locale: ")
    assert 'got "ckb"' in problems[0] and 'for Sorani Kurdish write "ku"' in problems[0]
    assert problems[1].startswith("mkdocs.yml:9:19: plugins[1].i18n.languages[2].locale: ")
    assert 'no language has the code "xx"' in problems[1]


@pytest.mark.parametrize(
    "code", ["en", "pa", "ps", "sd", "ug", "yi", "dv", "pa-Arab", "pt-BR", "pt_BR", "null"]
)
def test_codes_the_build_takes_are_no_problem(code: str) -> None:
    assert language_problems([code], None) == []


def test_the_check_refuses_a_code_that_would_stop_the_build(tmp_path: Path) -> None:
    folder = make_site(tmp_path, ["en", "xx"])
    checked = check(folder)
    assert checked.returncode != 0
    assert "mkdocs.yml:" in checked.stderr and 'no language has the code "xx"' in checked.stderr
    built = build(folder)
    assert built.returncode != 0
    assert 'no language has the code "xx"' in built.stderr
    assert "Traceback" not in checked.stderr + built.stderr


# --- building languages the theme lacks ---------------------------------------------------


@pytest.fixture(scope="module")
def lacking_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = make_site(tmp_path_factory.mktemp("lacking"), ["en", LACKED_LTR, LACKED_RTL])
    checked = check(folder)
    assert checked.returncode == 0, checked.stderr
    built = build(folder)
    assert built.returncode == 0, built.stderr
    return folder


def pages_of(site: Path, lang: str) -> list[BeautifulSoup]:
    root = site / "site" / lang
    pages = sorted(root.rglob("*.html"))
    assert len(pages) > 10
    return [BeautifulSoup(p.read_text(encoding="utf-8"), "html.parser") for p in pages]


@pytest.mark.parametrize(("lang", "direction"), [(LACKED_LTR, "ltr"), (LACKED_RTL, "rtl")])
def test_every_page_of_a_language_the_theme_lacks_has_its_lang_and_direction(
    lacking_site: Path, lang: str, direction: str
) -> None:
    for soup in pages_of(lacking_site, lang):
        html, body = soup.find("html"), soup.find("body")
        assert html is not None and body is not None
        assert (html.get("lang"), body.get("dir")) == (lang, direction)


@pytest.mark.parametrize("lang", [LACKED_LTR, LACKED_RTL])
def test_the_theme_words_of_a_language_it_lacks_are_english(lacking_site: Path, lang: str) -> None:
    soup = BeautifulSoup(
        (lacking_site / "site" / lang / "index.html").read_text(encoding="utf-8"), "html.parser"
    )
    skip = soup.select_one("a.md-skip")
    search = soup.select_one("input.md-search__input")
    assert skip is not None and skip.get_text(strip=True) == "Skip to content"
    assert search is not None and search.get("placeholder") == "Search"


def test_the_english_pages_stay_english_and_left_to_right(lacking_site: Path) -> None:
    soup = BeautifulSoup(
        (lacking_site / "site" / "index.html").read_text(encoding="utf-8"), "html.parser"
    )
    html, body = soup.find("html"), soup.find("body")
    assert html is not None and body is not None
    assert (html.get("lang"), body.get("dir")) == ("en", "ltr")


@pytest.mark.parametrize("widget", ["birth-place/places.json", "care-plan/plan.json"])
def test_the_widgets_follow_the_same_direction_as_the_theme(
    lacking_site: Path, widget: str
) -> None:
    for lang in (LACKED_LTR, LACKED_RTL):
        data = json.loads((lacking_site / "site" / lang / widget).read_text(encoding="utf-8"))
        assert data["dir"] == text_direction(lang)


def test_the_translations_report_says_the_theme_words_are_english(lacking_site: Path) -> None:
    result = run([sys.executable, "-m", "lmo", "translations"], lacking_site)
    assert result.returncode == 0, result.stderr
    notices = [line for line in result.stdout.splitlines() if "shown in English" in line]
    assert [line.split(":")[0] for line in notices] == [LACKED_LTR, LACKED_RTL]
    assert all("search box" in line for line in notices)


def test_the_translations_report_is_quiet_about_a_language_the_theme_has(tmp_path: Path) -> None:
    folder = make_site(tmp_path, ["en", "pl"])
    result = run([sys.executable, "-m", "lmo", "translations"], folder)
    assert result.returncode == 0, result.stderr
    assert "shown in English" not in result.stdout
