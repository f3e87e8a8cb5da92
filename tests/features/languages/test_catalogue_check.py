"""A catalogue's translation is text: refused at its line when it holds markup or a new
placeholder, and escaped on the page whatever it holds."""

from __future__ import annotations

import gettext
from pathlib import Path

import jinja2
from sitebuild import build, make_site

from lmo.core.i18n import install_escaped_gettext
from lmo.features.languages.catalogue_check import check_catalogues

HEADER = 'msgid ""\nmsgstr ""\n"Language: pl\\n"\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n'


def catalogue(tmp_path: Path, body: str) -> Path:
    folder = tmp_path / "locales" / "pl" / "LC_MESSAGES"
    folder.mkdir(parents=True)
    (folder / "messages.po").write_text(HEADER + body, encoding="utf-8")
    return tmp_path / "locales"


def messages(tmp_path: Path, body: str) -> list[str]:
    return [str(p) for p in check_catalogues(catalogue(tmp_path, body), tmp_path)]


def test_a_good_catalogue_passes(tmp_path: Path) -> None:
    body = (
        'msgid "A&E and 50%% of %(name)s"\nmsgstr "SOR i 50%% %(name)s"\n\n'
        'msgid "Skip the map"\nmsgstr "Pomiń mapę"\n'
    )
    assert messages(tmp_path, body) == []


def test_markup_is_refused_at_its_line(tmp_path: Path) -> None:
    body = 'msgid "Skip the map"\nmsgstr "<script>alert(1)</script>Pomiń"\n'
    (found,) = messages(tmp_path, body)
    assert found.startswith('locales/pl/LC_MESSAGES/messages.po:6:1: msgstr for "Skip the map"')
    assert "contains markup ('<script>')" in found


def test_an_entity_is_markup_too(tmp_path: Path) -> None:
    (found,) = messages(tmp_path, 'msgid "Skip"\nmsgstr "Pomi&#324;"\n')
    assert "contains markup ('&#324;')" in found


def test_a_placeholder_the_english_lacks_is_refused(tmp_path: Path) -> None:
    body = 'msgid "as of %(date)s"\nmsgstr "od %(date)s %(secret)s"\n'
    (found,) = messages(tmp_path, body)
    assert "uses %(secret)s, which the English does not have" in found
    assert "(here: %(date)s)" in found


def test_a_lone_percent_sign_is_refused_where_the_english_is_formatted(tmp_path: Path) -> None:
    body = 'msgid "as of %(date)s"\nmsgstr "100% od %(date)s"\n'
    (found,) = messages(tmp_path, body)
    assert "write a percent sign as '%%'" in found


def test_a_hostile_translation_is_escaped_on_the_page() -> None:
    class Hostile(gettext.NullTranslations):
        def gettext(self, message: str) -> str:
            return '<img src=x onerror="alert(1)"> %(name)s'

    env = jinja2.Environment(autoescape=True, extensions=["jinja2.ext.i18n"])
    install_escaped_gettext(env, Hostile())
    out = env.from_string('{{ _("Hello %(name)s", name=who) }}').render(who="<b>Ann</b>")
    assert out == "&lt;img src=x onerror=&#34;alert(1)&#34;&gt; &lt;b&gt;Ann&lt;/b&gt;"


def test_the_build_refuses_a_catalogue_with_a_script(tmp_path: Path) -> None:
    site = make_site(tmp_path)
    po = site / "locales" / "pl" / "LC_MESSAGES" / "messages.po"
    text = po.read_text(encoding="utf-8")
    po.write_text(
        text.replace('msgstr "Centra społeczne"', 'msgstr "<script>alert(1)</script>"'),
        encoding="utf-8",
    )
    result = build(site)
    assert result.returncode == 1
    assert 'locales/pl/LC_MESSAGES/messages.po:10:1: msgstr for "Community hubs"' in result.stderr
    assert "Traceback" not in result.stderr
