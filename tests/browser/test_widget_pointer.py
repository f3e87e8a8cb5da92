"""Every widget action by mouse click, by tap and by keyboard, and nothing moves under her
finger while the tools start.

Three ways in, each in the browser it belongs to: a mouse on a desktop-sized window
(``page.click``), a finger on a touch phone of 360 x 740 (``locator.tap()``) and the keyboard on
a phone-sized window (Tab, Space, Enter). Focusing a control starts the widget's Python; if
the progress bar and the status line took their space only then, the control under a mouse
button or a finger moved between press and release and the click never landed. Each test
records where the controls are before the tools start and after, and every layout shift the
browser reports in between."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from harness import add_axe_if_marked, csp_watched_tab, press_button, tab_to, wait_until

PLAN = "pl/care-plan/"
BIRTH_PLACE = "birth-place/"
MATTERS = "Cisza i przyciemnione światło"
WHERE = "WR11"
READY_MS = 120_000
WAYS = ("click", "tap", "keyboard")
# The browser's own count of layout shifts, kept from the first paint (an init script runs
# outside the page's Content-Security-Policy).
#
# A shift of the theme's header alone is left out. Tab from the top of the page passes the
# search field, and once the theme's search has loaded, focus there opens the search, which
# folds the language button away (the search icon moves 48 px): the theme answering her key,
# whenever its search happens to be ready, not the tools starting. The tools write nothing
# into the header; any shift that moves something outside it still counts.
SHIFT_OBSERVER = r"""
window.lmoShifts = [];
// In a block: a helper's name at the top level would be a global of the page, and a page
// script declaring the same name would then fail to run.
{
const element = node => node && (node.nodeType === 1 ? node : node.parentElement);
const inHeader = source => Boolean(element(source.node)?.closest(".md-header"));
new PerformanceObserver(list => {
  for (const entry of list.getEntries()) {
    if (entry.sources.length && entry.sources.every(inHeader)) continue;
    // What moved, from where to where: a failure names the element, not just a number.
    const moved = entry.sources.map(s => {
      const node = s.node;
      const classes = node && node.nodeType === 1 ? node.getAttribute("class") : "";
      const name = !node ? "(gone)" : node.nodeType === 1
        ? node.tagName.toLowerCase() + (node.id ? "#" + node.id : "") +
          (classes ? "." + classes.trim().replace(/\s+/g, ".") : "")
        : "text " + JSON.stringify((node.textContent || "").trim().slice(0, 40));
      const r = rect => `${rect.x},${rect.y} ${rect.width}x${rect.height}`;
      return `${name} ${r(s.previousRect)} -> ${r(s.currentRect)}`;
    });
    window.lmoShifts.push({at: entry.startTime, value: entry.value, moved});
  }
}).observe({type: "layout-shift", buffered: true});
}
"""
CONTEXTS: dict[str, dict[str, Any]] = {
    "click": {"viewport": {"width": 1280, "height": 800}},
    "tap": {"viewport": {"width": 360, "height": 740}, "has_touch": True, "is_mobile": True},
    "keyboard": {"viewport": {"width": 390, "height": 844}},
}


@pytest.fixture(params=WAYS)
def way(request: pytest.FixtureRequest) -> str:
    return str(request.param)


@pytest.fixture
def tab(browser: Any, way: str, request: pytest.FixtureRequest) -> Iterator[Any]:
    """A tab for one way in; any refusal by the Content-Security-Policy fails the test."""
    context = browser.new_context(accept_downloads=True, **CONTEXTS[way])
    add_axe_if_marked(context, request)
    context.add_init_script(script=SHIFT_OBSERVER)
    with csp_watched_tab(context) as page:
        yield page


# --- one action, three ways ---------------------------------------------------------------


def press(page: Any, way: str, selector: str) -> None:
    """Use a button (or tick a box) the way she would."""
    if way == "click":
        page.click(selector)
    elif way == "tap":
        page.locator(selector).tap()
    elif page.locator(selector).evaluate("el => el.tagName === 'INPUT'"):
        tab_to(page, selector)
        page.keyboard.press("Space")
    else:
        press_button(page, selector)


def reach(page: Any, way: str, selector: str) -> None:
    """Put the focus in a field: Tab to it, or click or tap it."""
    if way == "keyboard":
        tab_to(page, selector)
    else:
        press(page, way, selector)


def type_into(page: Any, way: str, selector: str, text: str) -> None:
    reach(page, way, selector)
    if way == "tap":
        # A phone's on-screen keyboard gives words as text input, not key by key.
        page.keyboard.insert_text(text)
    else:
        page.keyboard.type(text)


def choose_file(page: Any, way: str, selector: str, file: Path) -> None:
    if way == "keyboard":
        # Reached by keyboard; the file is then given as the browser's own chooser would (the
        # native dialog that Space opens is the browser's own, see test_care_plan).
        tab_to(page, selector)
        page.locator(selector).set_input_files(str(file))
        return
    with page.expect_file_chooser() as chooser:
        press(page, way, selector)
    chooser.value.set_files(str(file))


# --- where things are ---------------------------------------------------------------------


def boxes(page: Any, selector: str) -> list[dict[str, float]]:
    """Where each visible control is in the document (scrolling does not count as moving)."""
    return list(
        page.eval_on_selector_all(
            selector,
            """els => els.filter(el => el.offsetParent !== null).map(el => {
                 const r = el.getBoundingClientRect();
                 return {x: r.x + scrollX, y: r.y + scrollY, w: r.width, h: r.height};
               })""",
        )
    )


def now(page: Any) -> float:
    """The page's clock once what loading laid out has been painted: on a busy machine the
    frame that shows the loaded page can come after the load event, and its shifts belong to
    loading (Lighthouse's measure), not to what the test does next."""
    return float(
        page.evaluate(
            """new Promise(done => requestAnimationFrame(
                 () => requestAnimationFrame(() => done(performance.now()))))"""
        )
    )


def shifts_since(page: Any, since: float) -> list[str]:
    """Each layout shift since ``since``: its size and what moved (empty when nothing did)."""
    return list(
        page.evaluate(
            "since => lmoShifts.filter(s => s.at >= since)"
            ".map(s => `${s.value}: ${s.moved.join('; ')}`)",
            since,
        )
    )


# --- the care plan ------------------------------------------------------------------------

PLAN_TOOLS = ".app-plan__tools button, .app-plan__tools input"
PLAN_CONTROLS = PLAN_TOOLS + ", [data-question] textarea"
STATUS = "document.querySelector('.app-plan__status').textContent.trim()"


def plan_message(page: Any, name: str) -> str:
    return str(page.locator(f'.app-plan__messages [data-msg="{name}"]').text_content()).strip()


def plan_status(page: Any) -> str:
    return str(page.locator(".app-plan__status").text_content()).strip()


def wait_for_plan_status(page: Any, name: str) -> None:
    expected = plan_message(page, name)
    page.locator(".app-plan__status").filter(has_text=expected).wait_for(timeout=READY_MS)


def test_the_care_plan_by_each_way_and_the_saved_plan_opens_at_once(
    example_url: str, tab: Any, way: str, tmp_path: Path
) -> None:
    page = tab
    page.goto(example_url + PLAN)
    field = "#plan-q-what-matters"

    # Her first touch of the form starts the tools; nothing on the page may move for it
    # (judged at the end, so that a dropped press below is reported first).
    at_first, since = boxes(page, PLAN_CONTROLS), now(page)
    reach(page, way, field)
    wait_for_plan_status(page, "ready")
    start_shifts, after = shifts_since(page, since), boxes(page, PLAN_CONTROLS)
    page.keyboard.type(MATTERS)
    press(page, way, "#plan-q-pain-relief-epidural")
    assert page.locator("#plan-q-pain-relief-epidural").is_checked()

    press(page, way, 'button[data-action="save"]')
    wait_for_plan_status(page, "saved")

    # The reported fault: back on the page, she opens her saved plan at once, so the same
    # press both starts the tools and asks for the plan.
    page.reload()
    restore = 'button[data-action="restore"]'
    page.locator(restore).wait_for()
    assert page.locator(field).input_value() == ""
    before = boxes(page, PLAN_TOOLS)
    press(page, way, restore)
    ready, restored = plan_message(page, "ready"), plan_message(page, "restored")
    # Either the plan comes back or the tools say only that they are ready (the fault).
    # "ready" is said only when no press is waiting for the tools, so it is the fault itself.
    wait_until(page, f"[{json.dumps(ready)}, {json.dumps(restored)}].includes({STATUS})", READY_MS)
    assert plan_status(page) == restored, "the press that started the tools was dropped"
    assert page.locator(field).input_value() == MATTERS, "the saved plan is back"
    assert page.locator("#plan-q-pain-relief-epidural").is_checked()
    # Her answers fill the fields below the tools; the tools themselves stay where they were.
    assert boxes(page, PLAN_TOOLS) == before

    # A download, then everything deleted, then the file opened again.
    with page.expect_download(timeout=READY_MS) as info:
        press(page, way, 'button[data-format="json"]')
    saved = Path(info.value.path()).read_text(encoding="utf-8")
    assert json.loads(saved)["answers"]["what-matters"] == {"text": MATTERS}

    press(page, way, 'button[data-action="delete"]')
    wait_for_plan_status(page, "deleted")
    assert page.locator(field).input_value() == ""
    assert page.evaluate("() => localStorage.length") == 0

    file = tmp_path / "plan.json"
    file.write_text(saved, encoding="utf-8")
    choose_file(page, way, "#plan-import", file)
    wait_for_plan_status(page, "imported")
    assert page.locator(field).input_value() == MATTERS
    assert page.locator("#plan-q-pain-relief-epidural").is_checked()

    assert start_shifts == [], "starting the tools moved the page"
    assert after == at_first, "starting the tools moved the controls"


# --- the birth-place page -----------------------------------------------------------------

BP_CONTROLS = ".app-bp__tool button, .app-bp__tool input"


def test_the_birth_place_tool_by_each_way(example_url: str, tab: Any, way: str) -> None:
    page = tab
    page.goto(example_url + BIRTH_PLACE)

    before, since = boxes(page, BP_CONTROLS), now(page)
    press(page, way, "#bp-parity-first")
    assert page.locator("#bp-parity-first").is_checked()
    loading = page.locator('.app-bp__messages [data-msg="loading"]').text_content()
    page.locator(".app-bp__status").filter(has_text=str(loading).strip()).wait_for()
    wait_until(page, "document.querySelector('.app-bp__progress').hidden", READY_MS)
    assert shifts_since(page, since) == [], "starting the tools moved the page"
    assert boxes(page, BP_CONTROLS) == before

    press(page, way, "#bp-matters-fewer_interventions")
    assert page.locator("#bp-matters-fewer_interventions").is_checked()
    type_into(page, way, "#bp-where", WHERE)
    press(page, way, 'button[data-action="show"]')
    page.locator("#bp-results-title").wait_for(timeout=READY_MS)
    wait_until(page, "document.activeElement.id === 'bp-results-title'")
    results = page.locator(".app-bp__results").inner_text()
    assert f"approximate centre of {WHERE}" in results
    assert "984" not in results, "the figures for a first baby only"
    assert page.locator(".app-bp__row--matters").count() > 0, "what matters to her is marked"

    # A later birth instead: the choice changes what is shown.
    if way == "keyboard":
        tab_to(page, "#bp-parity-first")  # Tab enters a radio group at its chosen option
        page.keyboard.press("ArrowDown")
    else:
        press(page, way, "#bp-parity-later")
    assert page.locator("#bp-parity-later").is_checked()
    # Renamed, so that the heading waited for below is the new results' own.
    page.evaluate("document.querySelector('#bp-results-title').id = 'bp-earlier-results'")
    press(page, way, 'button[data-action="show"]')
    page.locator("#bp-results-title").wait_for(timeout=READY_MS)
    wait_until(page, "document.activeElement.id === 'bp-results-title'")
    assert "794" not in page.locator(".app-bp__results").inner_text()

    type_into(page, way, "#bp-notes", "basen")
    assert page.locator("#bp-notes").input_value() == "basen"
    press(page, way, 'button[data-action="handoff"]')
    page.locator(".app-bp__handoff-done a").wait_for(timeout=READY_MS)
    note = page.evaluate("() => Object.values(localStorage).join(' ')")
    assert "basen" in note and re.search(r"Nearest to WR11", note), note


# --- room for the messages, in every language -----------------------------------------------

START_MESSAGES = {"care-plan/": ("loading", "ready"), "birth-place/": ("loading",)}


def test_the_status_line_has_room_for_what_is_said_while_the_tools_start(
    example_site: Path, example_url: str, page: Any
) -> None:
    """At 320 px, in every language: the status line is as tall before the tools start as with
    each message said while they start, so none of them moves the controls below."""
    page.set_viewport_size({"width": 320, "height": 640})
    checked = []
    for widget, names in START_MESSAGES.items():
        for built in sorted(example_site.glob(f"**/{widget}index.html")):
            path = built.parent.relative_to(example_site).as_posix() + "/"
            page.goto(example_url + path)
            heights = page.evaluate(
                """names => {
                  const status = document.querySelector('.app-plan__status, .app-bp__status');
                  const list = status.parentElement.querySelector('[data-msg]').parentElement;
                  const height = () => status.getBoundingClientRect().height;
                  const result = {empty: height()};
                  for (const name of names) {
                    status.textContent = list.querySelector(`[data-msg="${name}"]`).textContent;
                    result[name] = height();
                  }
                  return result;
                }""",
                list(names),
            )
            assert set(heights.values()) == {heights["empty"]}, (path, heights)
            checked.append(path)
    assert len(checked) >= 2 * 5, checked
