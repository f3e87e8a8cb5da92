"""One visit to every page of a built site: axe-core and a sideways-scroll check together,
at a phone's width and at a desktop's.

Pages are visited two at a time (the machine has two cores); axe takes about a second a
page, so one sweep instead of one per check keeps the suite inside its time budget. Each
page is loaded once per width: what fails at one width can pass at the other (side
navigation appears only on a wide screen, and its links' targets are measured there).
"""

from __future__ import annotations

import asyncio
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from harness import (
    AXE_SCRIPT,
    CHROMIUM,
    CHROMIUM_ARGS,
    DISABLED_AXE_RULES,
    WCAG_TAGS,
    describe,
    is_csp_violation,
)

CONCURRENCY = 2
PHONE = {"width": 320, "height": 640}
DESKTOP = {"width": 1280, "height": 800}
WIDTHS = (PHONE, DESKTOP)


@dataclass
class SweepResult:
    pages: list[str] = field(default_factory=list)
    # Keyed "page at 320 px" or "page at 1280 px".
    violations: dict[str, str] = field(default_factory=dict)
    # How many pages axe checked at each width.
    checked: dict[int, int] = field(default_factory=dict)
    overflow: dict[str, int] = field(default_factory=dict)
    csp_violations: list[str] = field(default_factory=list)
    # Requests to the site itself that failed or were answered 4xx/5xx, as "page: url status".
    failed_requests: list[str] = field(default_factory=list)


# Site requests that are allowed to fail, with why. Material's script fetches sitemap.xml
# beside every <link rel="alternate">; on the changes page those are the feed discovery
# links (kept: feed readers need them), so one small request there finds nothing.
EXPECTED_MISSING: dict[str, str] = {
    "changes/sitemap.xml": "Material looks for a sitemap beside the changes page's feed links",
}


def every_page(site: Path) -> list[str]:
    return sorted(
        p.relative_to(site).as_posix().removesuffix("index.html") for p in site.rglob("*.html")
    )


def at_width(path: str, viewport: dict[str, int]) -> str:
    return f"{path} at {viewport['width']} px"


async def _axe(page: Any) -> list[dict[str, Any]]:
    options = {
        "runOnly": {"type": "tag", "values": WCAG_TAGS},
        "rules": {rule: {"enabled": False} for rule in DISABLED_AXE_RULES},
        "resultTypes": ["violations"],
    }
    found = await page.evaluate("options => axe.run(document, options)", options)
    return list(found["violations"])


async def _check(page: Any, base_url: str, path: str, result: SweepResult) -> None:
    for viewport in WIDTHS:
        # A fresh load at each width, as a woman on that screen gets it: widening a page
        # loaded at the phone's width hid a side-navigation target-size failure that a
        # desktop load shows (the theme lays its sidebars out as the page loads).
        await page.set_viewport_size(viewport)
        await page.goto(base_url + path)
        if viewport is PHONE:
            overflow = await page.evaluate(
                "document.documentElement.scrollWidth - document.documentElement.clientWidth"
            )
            if overflow > 0:
                result.overflow[path] = overflow
        violations = await _axe(page)
        result.checked[viewport["width"]] = result.checked.get(viewport["width"], 0) + 1
        if violations:
            result.violations[at_width(path, viewport)] = describe(violations)


async def _sweep(site: Path, base_url: str) -> SweepResult:
    from playwright.async_api import async_playwright

    result = SweepResult(pages=every_page(site))
    queue: asyncio.Queue[str] = asyncio.Queue()
    for path in result.pages:
        queue.put_nowait(path)
    async with async_playwright() as playwright:
        browser = await playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)

        async def worker() -> None:
            context = await browser.new_context(viewport=PHONE)
            # axe as an init script: a script tag would be refused by the site's CSP.
            await context.add_init_script(path=str(AXE_SCRIPT))
            page = await context.new_page()
            page.on(
                "console",
                lambda message: (
                    result.csp_violations.append(f"{page.url}: {message.text}")
                    if is_csp_violation(message.text)
                    else None
                ),
            )

            def note_failure(url: str, status: str) -> None:
                if url.startswith(base_url) and not any(
                    url.endswith(path) for path in EXPECTED_MISSING
                ):
                    result.failed_requests.append(f"{page.url}: {url} {status}")

            page.on(
                "response",
                lambda response: (
                    note_failure(response.url, str(response.status))
                    if response.status >= 400
                    else None
                ),
            )
            # ERR_ABORTED is the browser cancelling what the last page still wanted when the
            # sweep moves on: not a failure of the site.
            page.on(
                "requestfailed",
                lambda request: (
                    None
                    if "ERR_ABORTED" in str(request.failure)
                    else note_failure(request.url, str(request.failure))
                ),
            )
            while not queue.empty():
                await _check(page, base_url, queue.get_nowait(), result)
            await context.close()

        await asyncio.gather(*(worker() for _ in range(CONCURRENCY)))
        await browser.close()
    return result


def sweep(site: Path, base_url: str) -> SweepResult:
    return asyncio.run(_sweep(site, base_url))
