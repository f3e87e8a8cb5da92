"""Urgent words reach every language at once: standard sentences in status notices, the
site notice and the changes feed; free text left in English says so in her language, with
the way to an interpreter; the check names what is untranslated and every phrase mistake."""

from __future__ import annotations

import datetime as dt
import json
import shutil
from pathlib import Path

import pytest
from babel.messages.pofile import read_po
from bs4 import BeautifulSoup
from sitebuild import REPO, build, check, edit, fixture_config, make_site

from lmo.core.i18n import long_date
from lmo.data.phrases import PHRASES
from lmo.data.schema import source_hash

LANGUAGES = ["en", "pl", "lt", "ro", "ur"]
TOWN_HUB = {"pl": "Centrum miejskie", "lt": "Miesto centras", "ro": "Centrul din oraș"}
TOWN_HUB["ur"] = "ٹاؤن ہب"

# Only standard sentences: nothing here waits for a translator.
PHRASES_ONLY = """    status:
      state: suspended
      as_of: 2026-05-20
      note: {phrase: suspended-until, record: hubs/town-hub, date: 2026-07-31}
      what_to_do_now:
        early_pregnancy: {phrase: call-midwife-to-rebook}
        in_labour: {phrase: call-triage-before-travel, phone: "01632 960001"}
"""
FREE_TEXT = """    status:
      state: suspended
      as_of: 2026-05-20
      note: Booking is closed for a week.
      what_to_do_now:
        not_yet_booked: {phrase: call-midwife-to-rebook}
"""
AVAILABLE = "    status: {state: available, as_of: 2026-01-01}\n"


def catalogue(lang: str) -> dict[str, str]:
    with (REPO / "locales" / lang / "LC_MESSAGES" / "messages.po").open("rb") as handle:
        return {m.id: m.string for m in read_po(handle) if m.id}


def in_language(phrase: str, lang: str, **fills: str) -> str:
    english = PHRASES[phrase].text
    return (catalogue(lang)[english] if lang != "en" else english) % fills


def page(site: Path, url: str) -> BeautifulSoup:
    return BeautifulSoup((site / "site" / url / "index.html").read_text("utf-8"), "html.parser")


def changed_site(tmp: Path) -> Path:
    """The tiny site in five languages with the engine's catalogues: the town hub suspended
    with standard sentences only, booking suspended with free text, and a site notice."""
    site = make_site(tmp)
    shutil.rmtree(site / "locales")
    shutil.copytree(REPO / "locales", site / "locales")
    config = fixture_config(LANGUAGES)
    (site / "mkdocs.yml").write_text(json.dumps(config), encoding="utf-8")
    data = site / "data"
    edit(data, "hubs.yml", AVAILABLE, PHRASES_ONLY)
    edit(data, "services.yml", AVAILABLE, FREE_TEXT)
    edit(
        data,
        "lmns.yml",
        "  single_point_of_access: booking\n",
        "  single_point_of_access: booking\n  site_notice:\n"
        "    text: {phrase: closed-until-call-triage, record: hubs/town-hub,"
        ' date: 2026-07-31, phone: "01632 960001"}\n'
        "    until: 2026-07-31\n    record: hubs/town-hub\n",
    )
    for lang in ("lt", "ro", "ur"):
        (data / "translations" / f"{lang}.yml").write_text(
            f"language: {lang}\ntranslations:\n  hubs.town-hub.name:\n"
            f"    text: {json.dumps(TOWN_HUB[lang], ensure_ascii=False)}\n"
            f'    method: machine\n    source: "{source_hash("Town hub")}"\n',
            encoding="utf-8",
        )
    return site


@pytest.fixture(scope="module")
def changed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    site = changed_site(tmp_path_factory.mktemp("notices"))
    result = build(site)
    assert result.returncode == 0, result.stderr
    return site


@pytest.mark.parametrize("lang", LANGUAGES)
def test_a_notice_of_standard_sentences_is_in_her_language_everywhere(
    changed: Path, lang: str
) -> None:
    prefix = "" if lang == "en" else f"{lang}/"
    name = "Town hub" if lang == "en" else TOWN_HUB[lang]
    date = long_date(dt.date(2026, 7, 31), lang)
    # The record's own page: every part translated, nothing marked as English.
    notice = page(changed, f"{prefix}hubs/town-hub").select_one(".app-notice--suspended")
    assert notice.select("[lang]") == []
    assert notice.select_one(".app-notice__english") is None
    text = notice.get_text("", strip=False)
    assert in_language("suspended-until", lang, record=name, date=date) in text
    assert in_language("call-midwife-to-rebook", lang) in text
    assert in_language("call-triage-before-travel", lang, phone="01632 960001") in text
    assert notice.select_one("a.app-phone[href='tel:01632960001']") is not None
    # The site notice at the top of every page.
    site_notice = page(changed, f"{prefix}services").select_one(".app-site-notice")
    assert site_notice.select("[lang]") == []
    expected = in_language(
        "closed-until-call-triage", lang, record=name, date=date, phone="01632 960001"
    )
    assert expected in site_notice.get_text("", strip=False)
    # The changes feed: the same sentence, in her language.
    feed = json.loads((changed / "site" / prefix / "changes" / "feed.json").read_text("utf-8"))
    item = next(i for i in feed["items"] if "/hubs/town-hub/" in i["url"])
    assert item["content_text"].startswith(
        in_language("suspended-until", lang, record=name, date=date)
    )


@pytest.mark.parametrize("lang", ["pl", "ur"])
def test_free_text_in_english_says_so_in_her_language_with_the_interpreting_route(
    changed: Path, lang: str
) -> None:
    notice = page(changed, f"{lang}/services/booking").select_one(".app-notice--suspended")
    english = notice.select("[lang='en']")
    assert [e.get_text() for e in english] == ["Booking is closed for a week."]
    help_line = notice.select_one(".app-notice__english")
    help_text = catalogue(lang)[
        "Part of this notice is in English because it has not been translated yet."
        " A free interpreter can read it with you: %(interpreting)s."
        " If you are in labour or worried about your baby, call maternity triage: %(triage)s."
    ]
    assert help_text.split("%(interpreting)s")[0] in help_line.get_text()
    assert help_line.select_one("a[href='../../interpreting/']") is not None
    assert help_line.select_one("a.app-phone[href='tel:01632960001']") is not None
    # Standard sentences beside it stay translated.
    assert in_language("call-midwife-to-rebook", lang) in notice.get_text()
    # The changes page and feed say the same, in her language.
    entry = page(changed, f"{lang}/changes").select_one("li[id^='services-booking-suspended']")
    in_english = [e.get_text() for e in entry.select("[lang='en']")]
    assert "Booking is closed for a week." in in_english
    assert entry.select_one(".app-notice__english a[href='../interpreting/']") is not None
    feed = json.loads((changed / "site" / lang / "changes" / "feed.json").read_text("utf-8"))
    item = next(i for i in feed["items"] if "/services/booking/" in i["url"])
    assert item["content_text"].startswith("Booking is closed for a week. ")
    assert help_text.split("%(interpreting)s")[0] in item["content_text"]
    assert f"http://127.0.0.1:8000/{lang}/interpreting/" in item["content_text"]
    # English readers are told nothing: it is their language.
    en = page(changed, "services/booking").select_one(".app-notice--suspended")
    assert en.select_one(".app-notice__english") is None and en.select("[lang]") == []


UNTRANSLATED = (
    "data/services.yml:17:13: warning: services[0].status.note: free text in a notice with no"
    " translation in lt, pl, ro, ur: readers of those languages see these urgent words in"
    " English. Use a standard sentence, which every language already has, such as"
    " 'phrase: suspended-until' (the list is in docs/data-reference.md#standard-sentences), or"
    ' translate "services.booking.status.note" in data/translations/<language>.yml'
)


def test_check_warns_of_free_text_no_published_language_can_read(tmp_path: Path) -> None:
    site = changed_site(tmp_path)
    result = check(site)
    assert result.returncode == 0, result.stderr
    warnings = [line for line in result.stderr.splitlines() if "free text in a notice" in line]
    # The fixture's other notices (the village hub's) are free text too, and named as well.
    assert [w for w in warnings if "services[0]" in w] == [UNTRANSLATED]
    strict = check(site, STRICT="1")
    assert strict.returncode == 1
    assert UNTRANSLATED in strict.stderr
    # Translated in every published language: nothing to warn of. (Each says "closed" with
    # the safety glossary's word, which the check holds every draft to.)
    closed = {
        "pl": "Zapisy zamknięte na tydzień.",
        "lt": "Registracija uždaryta savaitei.",
        "ro": "Înscrierile sunt închise o săptămână.",
        "ur": "بکنگ ایک ہفتے کے لیے بند ہے۔",
    }
    for lang, text in closed.items():
        path = site / "data" / "translations" / f"{lang}.yml"
        path.write_text(
            path.read_text("utf-8")
            + f'  services.booking.status.note:\n    text: "{text}"\n    method: machine\n'
            f'    source: "{source_hash("Booking is closed for a week.")}"\n',
            encoding="utf-8",
        )
    assert "services.booking" not in check(site).stderr


def test_phrase_mistakes_are_named_at_their_line(tmp_path: Path) -> None:
    site = make_site(tmp_path)
    edit(
        site / "data",
        "hubs.yml",
        AVAILABLE,
        """    status:
      state: suspended
      as_of: 2026-05-20
      note: {phrase: suspend-until, record: hubs/town-hub}
      what_to_do_now:
        early_pregnancy: {phrase: paused-until, record: hubs/town-hb, date: 2026-13-01}
        in_labour:
          phrase: call-triage-before-travel
          tel: "01632 960001"
        after_birth: {phrase: feeding-help, phone: "0123"}
""",
    )
    result = check(site)
    assert result.returncode == 1
    lines = [line for line in result.stderr.splitlines() if "hubs[0]" in line]
    assert lines == [
        "data/hubs.yml:13:22: hubs[0].status.note.phrase: no standard sentence has this id"
        " (the list is in docs/data-reference.md#standard-sentences);"
        ' did you mean "suspended-until"? (got "suspend-until")',
        "data/hubs.yml:15:57: hubs[0].status.what_to_do_now.early_pregnancy.record: expected a"
        ' record in data/ as collection/id, such as "services/booking"; did you mean'
        ' "hubs/town-hub"? (got "hubs/town-hb")',
        "data/hubs.yml:15:77: hubs[0].status.what_to_do_now.early_pregnancy.date: expected a"
        ' real date written year-month-day, such as "2026-03-31" (got "2026-13-01")',
        "data/hubs.yml:17:11: hubs[0].status.what_to_do_now.in_labour: the sentence"
        ' "call-triage-before-travel" needs \'phone:\', a UK number such as "01632 960100"',
        "data/hubs.yml:18:11: hubs[0].status.what_to_do_now.in_labour.tel: unknown fill-in"
        " 'tel': \"call-triage-before-travel\" takes phone",
        "data/hubs.yml:19:52: hubs[0].status.what_to_do_now.after_birth.phone: expected a UK"
        ' number such as "01632 960123" (got "0123")',
    ]
    # Neither text nor a standard sentence: the schema says what may be written.
    edit(site / "data", "hubs.yml", "{phrase: feeding-help,", "{phrases: feeding-help,")
    assert (
        "data/hubs.yml:19:22: hubs[0].status.what_to_do_now.after_birth: expected the"
        " English text, or a standard sentence written as 'phrase: <id>' with its fill-ins,"
        " such as 'phrase: suspended-until' (the list is in"
        " docs/data-reference.md#standard-sentences) (got a mapping (key: value lines))"
    ) in check(site).stderr.splitlines()
