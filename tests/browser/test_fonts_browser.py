"""The Urdu pages draw their text in the self-hosted Nastaliq font, served by the site under
its policy; the English pages fetch no font at all."""

from __future__ import annotations

from typing import Any

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
    assert woff2 == [
        (example_url + "assets/vendor/fonts/noto-nastaliq-urdu/"
         "noto-nastaliq-urdu-arabic-400-normal.woff2", 200)
    ]  # fmt: skip


def test_an_english_page_requests_no_font(example_url: str, page: Any) -> None:
    fetched = font_requests(page)
    page.goto(example_url + "hubs/")
    faces = page.evaluate(FACES)
    assert faces == []
    assert fetched == []
