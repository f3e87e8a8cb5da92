"""The offline copy never passes for current: after a unit is suspended and the site rebuilt,
a visit with signal shows the suspension everywhere (the page and the widget definition it
would fetch), and with the network cut the saved page says it is a saved copy and when it
was saved, and a page never saved is the offline page at its own address.

The tiny fixture site, built twice into the same folder, served by nginx as production is,
in Debian's Chromium with the site's service worker (lmo/delivery/assets/sw.js)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
import yaml
from harness import SUB_PATH, serve_like_production, wait_for_service_worker, wait_until
from sitebuild import build, fixture_config, make_site

AVAILABLE = "    status: {state: available, as_of: 2026-01-01}\n"
SUSPENDED = """    status:
      state: suspended
      as_of: 2026-05-20
      confirmed_by: Tiny LMNS head of midwifery
      what_to_do_now:
        in_labour: Call maternity triage before you set off.
"""
SETTING = "birth-settings/town-labour-ward/"
DEFINITION = "birth-place/places.json"  # the birth-place widget's definition, by its page


@pytest.fixture
def site(tmp_path: Path) -> Path:
    folder = make_site(tmp_path)
    config = fixture_config(["en", "pl"], site_url="https://maternity.example.nhs.uk" + SUB_PATH)
    (folder / "mkdocs.yml").write_text(yaml.safe_dump(config, sort_keys=False), encoding="utf-8")
    result = build(folder)
    assert result.returncode == 0, result.stderr
    return folder


def status_on_page(page: Any) -> str:
    return str(page.locator("article p .app-status").first.inner_text())


def state_in_definition(page: Any, base: str) -> str:
    """The state the widget would read for the unit, fetched from the page as the widget's
    worker fetches it, so through the service worker."""
    settings = page.evaluate(
        "url => fetch(url).then(r => r.json()).then(d => d.settings)", base + DEFINITION
    )
    return str(next(s["state"] for s in settings if s["id"] == "town-labour-ward"))


def popup_status(page: Any) -> str:
    """The status the unit's own map marker (number 1 on its page) shows when opened."""
    marker = '.leaflet-marker-icon[aria-label^="1. "]'
    wait_until(page, f"document.querySelector('{marker}') !== null")
    page.locator(marker).click()
    wait_until(page, "document.querySelector('.app-map__popup .app-status') !== null")
    return str(page.locator(".app-map__popup .app-status").first.inner_text())


def test_a_suspension_is_never_hidden_by_a_saved_copy(site: Path, page: Any) -> None:
    with serve_like_production(site / "site") as base:
        page.goto(base + SETTING)
        wait_for_service_worker(page)
        page.goto(base + SETTING)  # through the worker, which saves it
        assert status_on_page(page) == "Available"
        assert popup_status(page) == "Available"
        assert state_in_definition(page, base) == "available"  # now saved too

        birth_settings = site / "data" / "birth_settings.yml"
        text = birth_settings.read_text(encoding="utf-8")
        birth_settings.write_text(text.replace(AVAILABLE, SUSPENDED, 1), encoding="utf-8")
        result = build(site)
        assert result.returncode == 0, result.stderr

        # With signal: this build's page and this build's files, never a stored older one.
        before = dt.datetime.now(dt.UTC)
        page.reload()
        assert status_on_page(page) == "Suspended"
        assert popup_status(page) == "Suspended"  # the map travels with its page
        assert state_in_definition(page, base) == "suspended"
        assert page.locator(".app-saved-copy").is_hidden()

    # No signal: the server is gone. Chromium's offline emulation is not used here: it does
    # not reach a service worker that restarts (on a busy machine it is stopped when idle and
    # started again), which then fetched the live page, and once, with the server just shut,
    # Playwright's set_offline never returned and held the whole run. A closed port is what
    # a phone without signal meets: every fetch the worker makes fails.
    saved_copy_tells_the_truth(page, base, before)
    unsaved_page_is_the_offline_page(page, base)


def saved_copy_tells_the_truth(page: Any, base: str, before: dt.datetime) -> None:
    page.goto(base + SETTING)
    assert status_on_page(page) == "Suspended"
    notice = page.locator(".app-saved-copy")
    assert notice.is_visible()
    assert "saved on this device" in notice.inner_text()
    assert "Services may have changed" in notice.inner_text()
    saved = dt.datetime.fromisoformat(notice.locator("time").get_attribute("datetime"))
    assert before - dt.timedelta(seconds=5) <= saved <= dt.datetime.now(dt.UTC)
    assert str(saved.year) in notice.locator("time").inner_text()
    # The notice leads to the urgent contacts, which are on the saved copy.
    target = notice.locator("a").get_attribute("href")
    assert page.locator(target).is_visible()
    assert page.locator(".app-urgent a.app-phone").first.is_visible()
    # The Polish saved copy of the Polish home page says so in Polish, its time too.
    page.goto(base + "pl/")
    notice = page.locator(".app-saved-copy")
    assert "To jest kopia tej strony" in notice.inner_text()
    assert notice.locator("time").inner_text() == page.evaluate(
        "iso => new Intl.DateTimeFormat('pl', {dateStyle: 'long', timeStyle: 'short'})"
        ".format(new Date(iso))",
        notice.locator("time").get_attribute("datetime"),
    )


def unsaved_page_is_the_offline_page(page: Any, base: str) -> None:
    never_visited = base + "hubs/town-hub/"
    page.goto(never_visited)
    assert page.url == never_visited  # her address stays
    assert page.locator("h1").inner_text() == "You are offline"
    assert page.locator(".app-saved-copy").is_hidden()
    assert page.locator(".app-urgent a.app-phone").first.is_visible()
    saved = page.locator(".app-offline__saved a")
    links = {
        saved.nth(i).inner_text(): saved.nth(i).get_attribute("href") for i in range(saved.count())
    }
    assert links["Town labour ward - Tiny LMNS"] == base + SETTING
    # Its styles resolve from the offline page's own address: the site's stylesheet applies.
    border = page.locator(".app-urgent").evaluate("e => getComputedStyle(e).borderInlineStartWidth")
    assert border == "6px"
    # Its links lead where they lead from the offline page itself.
    home = page.locator("a.md-header__button.md-logo").get_attribute("href")
    assert page.evaluate("href => new URL(href, document.baseURI).href", home) == base
    # In her language: a Polish page never saved is the Polish offline page.
    page.goto(base + "pl/hubs/town-hub/")
    assert page.locator("html").get_attribute("lang") == "pl"
    assert page.locator("h1").inner_text() == "Jesteś offline"
    assert page.locator(".app-urgent a.app-phone").first.is_visible()
    # The Polish home page, stored when the worker installed, says it is a saved copy, in
    # Polish, with the time written as Polish writes it.
    page.goto(base + "pl/")
    notice = page.locator(".app-saved-copy")
    assert "To jest kopia tej strony" in notice.inner_text()
    time = notice.locator("time")
    assert time.inner_text() == page.evaluate(
        "iso => new Intl.DateTimeFormat('pl', {dateStyle: 'long', timeStyle: 'short'})"
        ".format(new Date(iso))",
        time.get_attribute("datetime"),
    )
