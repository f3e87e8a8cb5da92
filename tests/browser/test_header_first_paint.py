"""The header keeps its place while the theme's script starts: its search button and search
box take their space from the first paint when scripts run (lmo/site/assets/app.css), so the
language menu beside them never jumps aside after the page has loaded."""

from __future__ import annotations

from typing import Any

import pytest

# Every layout shift that moved something inside the header, from the first paint.
HEADER_SHIFTS = """
window.lmoHeaderShifts = [];
new PerformanceObserver(list => {
  for (const entry of list.getEntries()) {
    for (const source of entry.sources) {
      const node = source.node;
      const element = node && (node.nodeType === 1 ? node : node.parentElement);
      if (element && element.closest(".md-header")) {
        window.lmoHeaderShifts.push(
          `${element.className}: x ${source.previousRect.x} -> ${source.currentRect.x}`);
      }
    }
  }
}).observe({type: "layout-shift", buffered: true});
"""
SETTLED = "new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)))"


@pytest.mark.parametrize("width", [360, 1280])
@pytest.mark.parametrize("path", ["", "pl/care-plan/", "ro/birth-settings/", "ur/services/"])
def test_the_header_does_not_move_while_the_page_starts(
    browser: Any, example_url: str, width: int, path: str
) -> None:
    context = browser.new_context(viewport={"width": width, "height": 800})
    context.add_init_script(script=HEADER_SHIFTS)
    # A slow phone: the theme's script runs well after the first paint.
    page = context.new_page()
    context.new_cdp_session(page).send("Emulation.setCPUThrottlingRate", {"rate": 4})
    page.goto(example_url + path)
    page.evaluate(SETTLED)
    # The search button is there (on a phone) and the theme's script has run.
    assert page.evaluate("!document.documentElement.classList.contains('no-js')")
    shifts = page.evaluate("lmoHeaderShifts")
    context.close()
    assert shifts == []
