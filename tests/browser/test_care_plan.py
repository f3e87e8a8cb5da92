"""The care-plan drafter end to end in Chromium, served by nginx with the production
Content-Security-Policy, driven by keyboard only: Tab to reach each control, typing, Space,
arrow keys and Enter to use it. Pyodide is the real npm package, run in the page's worker.

The network log is kept for the whole visit: no request may carry what she wrote, every
request stays on the site, and no page without the widget asks for any Pyodide file."""

from __future__ import annotations

import contextlib
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from harness import (
    assert_nothing_left_the_site,
    describe,
    press_button,
    record_requests,
    run_axe,
    tab_to,
    wait_for_service_worker,
    without_javascript,
)

PLAN = "pl/care-plan/"  # Polish, so the bilingual export has two languages to show
# Her words: distinctive, so any request carrying them would be found in the log.
MATTERS = "Cisza i przyciemnione światło ZX81-private"
OWN_QUESTION = "Czy mój partner może zostać na noc? QY42-private"
SECRETS = ("ZX81-private", "QY42-private", "Cisza", "partner")
PYODIDE_FILES = "/assets/pyodide/"
# Pyodide's first start in a small CI machine: download, compile, unpack (seconds, not ms).
READY_MS = 120_000


def message(page: Any, name: str) -> str:
    """A status message in the page's language, as the page itself holds it."""
    return str(page.locator(f'.app-plan__messages [data-msg="{name}"]').text_content()).strip()


def wait_for_status(page: Any, name: str, **values: str) -> None:
    expected = message(page, name)
    for key, value in values.items():
        expected = expected.replace("{" + key + "}", value)
    page.locator(".app-plan__status").filter(has_text=expected).wait_for(timeout=READY_MS)


def no_axe_violations(page: Any, state: str) -> None:
    violations = run_axe(page)
    assert violations == [], f"{state}:\n{describe(violations)}"


@pytest.fixture
def log(page: Any) -> list[dict[str, Any]]:
    return record_requests(page)


def fill_by_keyboard(page: Any) -> None:
    tab_to(page, "#plan-q-what-matters")
    page.keyboard.type(MATTERS)
    tab_to(page, "#plan-q-hopes-and-worries-not-sure")
    page.keyboard.press("Space")
    tab_to(page, "#plan-q-interpreter-yes")
    page.keyboard.press("Space")
    tab_to(page, "#plan-q-place")
    # A closed list: the arrow keys change the choice. The first is "not sure yet", the
    # second the first birth setting.
    page.keyboard.press("ArrowDown")
    page.keyboard.press("ArrowDown")
    tab_to(page, "#plan-q-pain-relief-epidural")
    page.keyboard.press("Space")
    tab_to(page, "#plan-q-own-questions")
    page.keyboard.type(OWN_QUESTION)


def form_state(page: Any) -> dict[str, Any]:
    return {
        "matters": page.locator("#plan-q-what-matters").input_value(),
        "not_sure": page.locator("#plan-q-hopes-and-worries-not-sure").is_checked(),
        "interpreter": page.locator("#plan-q-interpreter-yes").is_checked(),
        "place": page.locator("#plan-q-place").input_value(),
        "epidural": page.locator("#plan-q-pain-relief-epidural").is_checked(),
        "own": page.locator("#plan-q-own-questions").input_value(),
    }


def download_by_keyboard(page: Any, fmt: str) -> tuple[str, str]:
    tab_to(page, f'button[data-format="{fmt}"]')
    with page.expect_download(timeout=READY_MS) as info:
        page.keyboard.press("Enter")
    download = info.value
    return download.suggested_filename, Path(download.path()).read_text(encoding="utf-8")


@pytest.mark.axe
def test_drafting_saving_restoring_exporting_importing_and_deleting_by_keyboard(
    example_url: str, page: Any, log: list[dict[str, Any]], tmp_path: Path
) -> None:
    page.goto(example_url + PLAN)
    assert page.locator(".app-plan__tools").is_visible()
    assert not page.locator(".app-plan__nojs").is_visible()
    assert not [r for r in log if PYODIDE_FILES in r["url"]], "Pyodide before first use"
    no_axe_violations(page, "empty")

    fill_by_keyboard(page)
    filled = form_state(page)
    assert filled["place"] not in ("", "not-sure"), "the arrow keys chose a birth setting"
    assert filled["not_sure"] and filled["interpreter"] and filled["epidural"]

    press_button(page, 'button[data-action="save"]')
    wait_for_status(page, "saved")
    assert [r for r in log if r["url"].endswith("pyodide.asm.wasm")], "Pyodide ran in the page"
    stored = page.evaluate("() => JSON.stringify(Object.assign({}, localStorage))")
    assert MATTERS in stored, "the plan is kept in this browser's storage"
    no_axe_violations(page, "filled")

    # Back another day: the saved plan is offered and comes back as it was.
    page.reload()
    assert page.locator("#plan-q-what-matters").input_value() == ""
    assert page.locator(".app-plan__saved").is_visible()
    press_button(page, 'button[data-action="restore"]')
    wait_for_status(page, "restored")
    assert form_state(page) == filled

    name, text = download_by_keyboard(page, "text")
    assert name.endswith(".txt") and MATTERS in text and OWN_QUESTION in text
    name, markdown = download_by_keyboard(page, "markdown")
    assert name.endswith(".md") and f"> {MATTERS}" in markdown
    name, bilingual = download_by_keyboard(page, "bilingual")
    assert name.endswith("-pl-en.html")
    assert (
        '<td lang="en">What matters most to you about this pregnancy and birth?</td>' in bilingual
    )
    assert f'<p lang="pl" dir="ltr" class="free">{MATTERS}</p>' in bilingual
    name, saved = download_by_keyboard(page, "json")
    assert name.endswith(".json")
    assert json.loads(saved)["answers"]["what-matters"] == {"text": MATTERS}

    press_button(page, 'button[data-action="questions"]')
    questions = page.locator(".app-plan__questions li")
    questions.first.wait_for()
    asked = questions.all_text_contents()
    assert OWN_QUESTION in asked, asked
    assert len(asked) >= 3, "her own question, what she is not sure of, the unconfirmed pain relief"

    press_button(page, 'button[data-action="print"]')
    page.locator(".app-plan-print").wait_for(state="visible")
    assert MATTERS in page.locator(".app-plan-print__body").inner_text()
    no_axe_violations(page, "exported")

    press_button(page, 'button[data-action="delete"]')
    wait_for_status(page, "deleted")
    assert page.evaluate("() => localStorage.length") == 0
    assert form_state(page) == {
        "matters": "",
        "not_sure": False,
        "interpreter": False,
        "place": "",
        "epidural": False,
        "own": "",
    }
    assert not page.locator(".app-plan-print").is_visible()

    # The JSON file opens again (on this or another device).
    exported = tmp_path / "plan.json"
    exported.write_text(saved, encoding="utf-8")
    # Reached by keyboard; the file is then given as the browser's own chooser would (the
    # native dialog that Space opens is the browser's, and under load headless Chromium
    # sometimes never reports it).
    tab_to(page, "#plan-import")
    page.locator("#plan-import").set_input_files(str(exported))
    wait_for_status(page, "imported")
    assert form_state(page) == filled

    assert_nothing_left_the_site(log, example_url, SECRETS)


@pytest.mark.axe
def test_a_status_change_since_saving_is_shown_when_she_restores(
    example_url: str, page: Any
) -> None:
    page.goto(example_url + PLAN)
    fill_by_keyboard(page)
    press_button(page, 'button[data-action="save"]')
    wait_for_status(page, "saved")
    # As if the chosen setting had been "available" when she saved and has changed since.
    page.evaluate(
        """() => {
          const key = Object.keys(localStorage)[0];
          const plan = JSON.parse(localStorage.getItem(key));
          for (const ref of Object.keys(plan.named)) plan.named[ref] = "planned";
          localStorage.setItem(key, JSON.stringify(plan));
        }"""
    )
    page.reload()
    press_button(page, 'button[data-action="restore"]')
    wait_for_status(page, "restored")
    warnings = page.locator(".app-plan__warnings li").all_text_contents()
    assert warnings, "each named setting and service whose status differs is listed"
    assert all("https://" in w for w in warnings), warnings
    no_axe_violations(page, "restored with warnings")


@contextlib.contextmanager
def offline(page: Any) -> Iterator[None]:
    page.context.set_offline(True)
    try:
        yield
    finally:
        page.context.set_offline(False)


def reload_and_type(page: Any) -> None:
    """Reload, type an answer; the tools start (from what this device keeps) and are ready."""
    page.reload()
    tab_to(page, "#plan-q-what-matters")
    page.keyboard.type(MATTERS)
    wait_for_status(page, "ready")


def test_the_drafter_works_offline_after_first_use(example_url: str, page: Any) -> None:
    page.goto(example_url + PLAN)
    wait_for_service_worker(page)
    page.reload()  # now through the service worker, which keeps what the page fetches
    tab_to(page, "#plan-q-what-matters")
    wait_for_status(page, "ready")
    with offline(page):
        reload_and_type(page)
        name, text = download_by_keyboard(page, "text")
        assert name.endswith(".txt") and MATTERS in text


# The runtime's cache and files, as the build wrote them into the service worker.
RUNTIME_STORE = """(root) => fetch(root + "sw.js").then((r) => r.text()).then((text) =>
    JSON.parse(/^const CONFIG = (.*);$/m.exec(text)[1]).runtime)"""
RUNTIME_KEPT = """([root, store]) => caches.open(store.cache).then((cache) => cache.keys())
    .then((keys) => store.files.every((file) =>
        keys.some((key) => key.url === new URL(file, root).href)))"""


# Polish, and Urdu: right to left, each language's page reading its own definition.
@pytest.mark.parametrize("plan", [PLAN, "ur/care-plan/"])
def test_tools_first_used_before_the_service_worker_took_over_work_offline_later(
    example_url: str, page: Any, plan: str
) -> None:
    # Her first visit, with the tools started before the site's service worker is there
    # (on a phone they usually start before it has installed), so the runtime's files pass
    # it by: here its registration is held back until the tools are ready. The page then
    # asks the worker to keep them, and a later visit with no signal starts the tools.
    page.route("**/register-sw.*.js", lambda route: route.abort())
    page.goto(example_url + plan)
    tab_to(page, "#plan-q-what-matters")
    wait_for_status(page, "ready")
    assert page.evaluate("navigator.serviceWorker.controller") is None
    page.unroute("**/register-sw.*.js")
    # What register-sw.js does (its data-worker is the site's sw.js).
    page.evaluate(
        """() => navigator.serviceWorker.register(
            document.querySelector('script[src*="/register-sw."]').dataset.worker)"""
    )
    wait_for_service_worker(page)
    store = page.evaluate(RUNTIME_STORE, example_url)
    assert len(store["files"]) >= 4 and all("assets/pyodide/" in f for f in store["files"])
    for _ in range(600):
        if page.evaluate(RUNTIME_KEPT, [example_url, store]):
            break
        page.wait_for_timeout(100)
    else:
        raise AssertionError(f"the runtime was not kept in {store['cache']}")
    page.reload()  # online, through the worker, which keeps the page (not the tools: no focus)
    with offline(page):
        reload_and_type(page)


def test_the_page_works_without_javascript(browser: Any, example_url: str) -> None:
    with without_javascript(browser, example_url + PLAN) as (page, requests):
        assert page.locator(".app-plan__nojs").is_visible()
        assert not page.locator(".app-plan__tools").is_visible()
        # No form holds her answers (the theme's search box is the page's only form).
        assert page.locator("form [data-question], form textarea").count() == 0
        page.locator("#plan-q-what-matters").fill(MATTERS)
        page.locator("#plan-q-pain-relief-epidural").check()
        assert page.locator("#plan-q-what-matters").input_value() == MATTERS
        assert page.locator("#plan-q-place option").count() > 3
        assert not [u for u in requests if PYODIDE_FILES in u or "/assets/widgets/" in u]


@pytest.mark.parametrize(
    "path", ["", "pl/", "hubs/", "birth-settings/", "choosing-where-to-give-birth/", "ur/services/"]
)
def test_pages_without_the_widget_download_no_pyodide(
    example_url: str, page: Any, log: list[dict[str, Any]], path: str
) -> None:
    page.goto(example_url + path)
    page.wait_for_load_state("networkidle")
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")
    assert not [
        r["url"] for r in log if PYODIDE_FILES in r["url"] or "/assets/widgets/" in r["url"]
    ]
