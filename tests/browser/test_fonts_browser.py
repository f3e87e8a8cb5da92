"""The Urdu pages draw their text in the self-hosted Nastaliq font, served by the site under
its policy; the English pages fetch no font at all."""

from __future__ import annotations

import re
from typing import Any

from harness import FONTS_SETTLED, fonts_drawing, wait_until

# The faces the page declared, once the fonts its text needs have loaded (or failed).
FACES = """async () => {
  await document.fonts.ready;
  return [...document.fonts].map(f => ({family: f.family, weight: f.weight, status: f.status}));
}"""

# check() is also true when no face of the family is declared at all (the phone's fonts
# draw the text), so the faces above are what show that the font itself is in use.
DRAWS_WORD = """() => document.fonts.check('16px "Noto Nastaliq Urdu"', 'ہسپتال')"""


def font_requests(page: Any) -> list[tuple[str, int | None]]:
    seen: list[tuple[str, int | None]] = []
    page.on(
        "requestfinished",
        lambda request: (
            seen.append((request.url, request.response().status))
            if request.resource_type == "font" or "/fonts/" in request.url
            else None
        ),
    )
    return seen


def test_an_urdu_page_loads_and_uses_the_nastaliq_font(example_url: str, page: Any) -> None:
    fetched = font_requests(page)
    page.goto(example_url + "ur/hubs/")
    faces = page.evaluate(FACES)
    nastaliq = [f for f in faces if f["family"].strip('"') == "Noto Nastaliq Urdu"]
    assert nastaliq and all(f["status"] == "loaded" for f in nastaliq), faces
    assert page.evaluate(DRAWS_WORD)
    # The body text's family is the font, with the phone's fonts after it for other letters.
    family = page.evaluate("getComputedStyle(document.querySelector('.md-typeset')).fontFamily")
    assert family.startswith('"Noto Nastaliq Urdu"'), family
    woff2 = [(url, status) for url, status in fetched if url.endswith(".woff2")]
    # One file, under its content-hashed name.
    assert len(woff2) == 1 and woff2[0][1] == 200, woff2
    assert re.fullmatch(
        re.escape(example_url + "assets/vendor/fonts/noto-nastaliq-urdu/")
        + r"noto-nastaliq-urdu-arabic-400-normal\.[0-9a-f]{10}\.woff2",
        woff2[0][0],
    ), woff2


def test_an_english_page_requests_no_font(example_url: str, page: Any) -> None:
    fetched = font_requests(page)
    page.goto(example_url + "hubs/")
    faces = page.evaluate(FACES)
    assert faces == []
    assert fetched == []


# Every layout shift not caused by her own input, summed (Cumulative Layout Shift's parts).
SHIFTS = """
window.__lmoShifts = [];
new PerformanceObserver(list => {
  for (const entry of list.getEntries()) {
    if (!entry.hadRecentInput) window.__lmoShifts.push(entry.value);
  }
}).observe({type: "layout-shift", buffered: true});
"""
PAINTED = "performance.getEntriesByName('first-contentful-paint').length > 0"
TWO_FRAMES = "() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))"
# Chrome waits up to 100 ms for a font before it lays the text out in the phone's font; a
# font held back this long after the first paint comes, as it does on a slow phone line,
# after the page is laid out and being read.
LATE_MS = 1000


def test_the_urdu_font_arriving_late_never_moves_the_page_and_draws_the_next(
    example_url: str, browser: Any
) -> None:
    """Nastaliq wraps Urdu lines differently from the phone's Naskh: swapped in once she is
    reading, it moved the home page 28 px at 360 px (layout shift 0.25). Held back until the
    page is painted, it must move nothing; on her next page it is in the cache and draws it."""
    context = browser.new_context(
        viewport={"width": 360, "height": 740}, is_mobile=True, has_touch=True
    )
    try:
        page = context.new_page()
        page.add_init_script(SHIFTS)
        held: list[Any] = []
        page.route("**/*.woff2", lambda route: held.append(route))
        page.goto(example_url + "ur/", wait_until="domcontentloaded")
        wait_until(page, PAINTED)
        assert held, "the Urdu page asked for no font"
        page.wait_for_timeout(LATE_MS)  # the condition under test: a font that comes late
        for route in held:
            route.continue_()
        wait_until(page, FONTS_SETTLED)
        page.evaluate(TWO_FRAMES)
        shift = sum(page.evaluate("window.__lmoShifts"))
        assert shift < 0.05, f"the late font moved the page: layout shift {shift:.3f}"
        assert "Noto Nastaliq Urdu" not in fonts_drawing(page, "h1")

        # Her next page, in a tab of her own (a tab whose requests are held bypasses the
        # cache): the font her first Urdu page fetched is in the cache and draws the next.
        reading = context.new_page()
        reading.goto(example_url + "ur/")
        wait_until(reading, FONTS_SETTLED)
        reading.goto(example_url + "ur/hubs/")
        wait_until(reading, FONTS_SETTLED)
        assert "Noto Nastaliq Urdu" in fonts_drawing(reading, "h1")
    finally:
        context.close()
