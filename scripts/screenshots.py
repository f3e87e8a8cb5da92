"""`make screenshots`: what a woman sees on a 360 px phone, for the README.

Builds the worked example, serves it with nginx as it would be published, and writes a
360 px wide screenshot (the first screen and the whole page) of the home page, the birth
settings side by side, one birth setting, the birth-place page and the care-plan page, in
English and in Urdu (right to left), into docs/screenshots/. The map tiles come from no
server here (this network cannot reach one), so a map shows its list of places and a grey
area. Asserts nothing: the tests check the pages; these are for people to look at.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "tests" / "browser"))

from harness import CHROMIUM, CHROMIUM_ARGS, build_example, serve_like_production  # noqa: E402
from playwright.sync_api import sync_playwright  # noqa: E402

OUT = REPO / "docs" / "screenshots"
PAGES = {
    "home": "",
    "birth-settings": "birth-settings/",
    "birth-setting": "birth-settings/worcestershire-royal-birth-centre/",
    "birth-place": "birth-place/",
    "care-plan": "care-plan/",
}
LANGUAGES = ("en", "ur")
# A common small Android phone: 360 CSS px wide, device pixel ratio 2 for legible images.
VIEWPORT = {"width": 360, "height": 740}


def main() -> int:
    with tempfile.TemporaryDirectory() as tmp:
        site = Path(tmp) / "site"
        built = build_example(site)
        if built.returncode != 0:
            print(built.stderr, file=sys.stderr)
            return 1
        OUT.mkdir(parents=True, exist_ok=True)
        with serve_like_production(site) as base, sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            context = browser.new_context(
                viewport=VIEWPORT, device_scale_factor=2, is_mobile=True, has_touch=True
            )
            page = context.new_page()
            for lang in LANGUAGES:
                prefix = "" if lang == "en" else f"{lang}/"
                for name, path in PAGES.items():
                    page.goto(base + prefix + path, wait_until="load")
                    page.evaluate("document.fonts.ready")
                    stem = OUT / f"{name}-{lang}"
                    page.screenshot(path=f"{stem}.png")
                    print(f"wrote {stem.relative_to(REPO)}.png")
            browser.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
