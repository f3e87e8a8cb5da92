"""The header keeps its place while the theme's script starts: the theme hides its search
button and box while <html> carries its "no-js" class, which its deferred script removes;
when scripts run, their space is kept from the first paint (lmo/site/assets/app.css), so
the language menu beside them never jumps aside once the script has run.

Judged without timing: the header's layout with the class put back (as at the first paint)
against its layout without it (once the script has run), which must be the same."""

from __future__ import annotations

from typing import Any

import pytest

HEADER_PARTS = ".md-header .md-select, .md-header__button, .md-header .md-search"
LAYOUT = """selector => [...document.querySelectorAll(selector)].map(el => {
  const r = el.getBoundingClientRect();
  return `${el.className}: ${r.x},${r.y} ${r.width}x${r.height}`;
})"""


@pytest.mark.parametrize("width", [360, 1280])
@pytest.mark.parametrize("path", ["", "pl/care-plan/", "ro/birth-settings/", "ur/services/"])
def test_the_header_is_laid_out_the_same_before_and_after_the_theme_s_script(
    browser: Any, example_url: str, width: int, path: str
) -> None:
    context = browser.new_context(viewport={"width": width, "height": 800})
    page = context.new_page()
    page.goto(example_url + path)
    # The theme's script has run (the class is gone) and its search button is shown on a phone.
    assert page.evaluate("!document.documentElement.classList.contains('no-js')")
    if width < 960:
        assert page.locator(".md-header__button[for=__search]").is_visible()
    after_script = page.evaluate(LAYOUT, HEADER_PARTS)
    page.evaluate("document.documentElement.classList.add('no-js')")
    at_first_paint = page.evaluate(LAYOUT, HEADER_PARTS)
    context.close()
    assert at_first_paint == after_script
