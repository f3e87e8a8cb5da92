"""One visit to every page of a built site: axe-core and a sideways-scroll check together,
at a phone's width and at a desktop's.

Pages are visited two at a time (the machine has two cores); axe takes about a second a
page, so one sweep instead of one per check keeps the suite inside its time budget. Beside
the rest of the suite it visits one at a time until the suite waits for it (BackgroundSweep).
Each page is loaded once per width: what fails at one width can pass at the other (side
navigation appears only on a wide screen, and its links' targets are measured there).

The pages are loaded in Debian's chromium-headless-shell (harness.HEADLESS_SHELL): the same
Chromium as the other browser tests' without the desktop browser's layer around each tab, which
took about half of every page load's processor time and none of what the sweep reads (60 pages
at both widths, two alternated pairs: every process 54.5 / 51.0 processor-seconds in
/usr/bin/chromium, 34.6 / 28.6 in the shell; the browser process 12 -> 3).

axe's "preload" fetches and parses every stylesheet again for one rule only,
css-orientation-lock (WCAG 1.3.4), and took half of each run. That rule reads the
stylesheets, so it runs once for each different set of stylesheets a page links (with
preload), and the per-page runs leave preload off: every other rule still runs on every
page at both widths.
"""

from __future__ import annotations

import asyncio
import os
import re
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
import uuid
from collections.abc import Coroutine
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar
from urllib.parse import urljoin

from harness import (
    AXE_SCRIPT,
    CHROMIUM_ARGS,
    DISABLED_AXE_RULES,
    HEADLESS_SHELL,
    LOGGED_REQUEST_HEADER,
    SEARCH_WORKER,
    WCAG_TAGS,
    describe,
    is_csp_violation,
    request_log,
)
from number_order import MEASURE, RTL_LANGUAGES, Findings

from lmo.delivery.search_split import INDEX

# Which thread composites the frames changes nothing axe or the overflow check reads (styles,
# layout, the accessibility tree); compositing on the page's own thread saved a sixth of the
# sweep's processor time (74 -> 62 core-seconds over 60 pages at both widths).
SWEEP_CHROMIUM_ARGS = [
    *CHROMIUM_ARGS,
    "--disable-threaded-compositing",
    "--disable-threaded-animation",
    "--disable-checker-imaging",
    # JavaScript runs in V8's interpreter and baseline compiler only. Each page is a new
    # context, so V8 recompiled axe's busiest functions with its optimising compilers for
    # every page, in threads of the page's process, and threw the result away a quarter of a
    # second later. What a script does cannot change with the compiler. Over 60 pages at both
    # widths, six alternated pairs: the page processes' time fell from a median of 37 to 28
    # processor-seconds, and every pair fell.
    "--js-flags=--no-opt --no-maglev",
]
# Also off in the sweep's browser: a new frame host for each document the tab opens
# (RenderDocument; browsers before it kept one). The page and its layout are the same;
# 62 -> 57-58 core-seconds over 60 pages at both widths.
SWEEP_DISABLED_FEATURES = ("RenderDocument",)
# Each of these measured again in the headless shell (60 pages at both widths, two rounds,
# every process): 29.4 / 29.9 processor-seconds with all of them, 55.3 / 55.6 with none, 44.1 /
# 43.8 with V8's flags alone, 33.8 / 32.1 with all but RenderDocument.
T = TypeVar("T")
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
    # One page for each different set of stylesheets, where css-orientation-lock ran.
    stylesheet_sets: dict[tuple[str, ...], str] = field(default_factory=dict)
    # The pages where it did run, with preload.
    stylesheet_checked: list[str] = field(default_factory=list)
    # The phone numbers of each right-to-left page, as number_order.MEASURE read them.
    number_order: dict[str, Findings] = field(default_factory=dict)
    # Pages that asked for the search index or the theme's search worker while she had not
    # gone to search, as "page: url".
    search_fetched_early: list[str] = field(default_factory=list)
    # The nice values its page processes ran at, read from the running processes (empty where
    # there is no /proc to read them from): 19 for the sweep beside the suite (BackgroundSweep).
    page_process_niceness: set[int] = field(default_factory=set)


# Site requests that are allowed to fail, with why. Material's script fetches sitemap.xml
# beside every <link rel="alternate">; on the changes page those are the feed discovery
# links (kept: feed readers need them), so one small request there finds nothing.
EXPECTED_MISSING: dict[str, str] = {
    "changes/sitemap.xml": "Material looks for a sitemap beside the changes page's feed links",
}


# The server's log line for a request the sweep made (harness.nginx_config).
_LOGGED = re.compile(r'^(?P<name>\S+) (?P<status>\d{3}) "(?P<uri>[^"]*)" "(?P<referer>[^"]*)"$')
# nginx's status for a request the browser gave up before it was answered: the browser
# cancelling what the last page still wanted when the sweep moves on, not a failure.
CLIENT_CLOSED = 499


def _server_answers(base_url: str, name: str) -> list[re.Match[str]]:
    """Every request the sweep ``name`` made of the server at ``base_url``, as its log line,
    once the server has logged them all: a last request of the sweep's own, made after the
    browser has closed, is logged after every request before it."""
    finished = f"{base_url}lmo-sweep-finished-{name}"
    request = urllib.request.Request(finished, headers={LOGGED_REQUEST_HEADER: name})
    try:
        urllib.request.urlopen(request).close()
    except urllib.error.HTTPError as answer:
        answer.close()  # 404: there is no such page
    finished_path = urllib.parse.urlsplit(finished).path
    log = request_log(base_url)
    deadline = time.monotonic() + 30  # reached only if the server never logs it
    while True:
        lines = log.read_text(encoding="utf-8").splitlines() if log.exists() else []
        found = [m for m in map(_LOGGED.match, lines) if m and m["name"] == name]
        if any(m["uri"] == finished_path for m in found):
            return [m for m in found if m["uri"] != finished_path]
        if time.monotonic() > deadline:
            raise AssertionError(f"the server at {base_url} did not log the sweep's requests")
        time.sleep(0.05)


def _read_answers(base_url: str, name: str, result: SweepResult) -> None:
    """The failed requests and the early requests for search, from the server's log."""
    where = urllib.parse.urlsplit(base_url)
    origin = f"{where.scheme}://{where.netloc}"
    for answer in _server_answers(base_url, name):
        status, uri, asked_from = int(answer["status"]), answer["uri"], answer["referer"] or "-"
        path = uri.split("?", 1)[0]
        if not path.startswith(where.path):  # not the site's (a browser's own /favicon.ico)
            continue
        # The theme's search index and search worker, which a page fetches only when she goes
        # to search (search-on-demand.js): asked for on loading, they cost her phone the
        # index, a worker thread and the building of the search engine on every page view.
        # The sweep never opens the search. (The worker's script is cached after its first
        # request in a sweep, so a page that starts it on loading is seen at least once.)
        if path.endswith(INDEX) or SEARCH_WORKER.search(path):
            result.search_fetched_early.append(f"{asked_from}: {origin}{uri}")
        missing = status >= 400 and status != CLIENT_CLOSED
        if missing and not any(path.endswith(expected) for expected in EXPECTED_MISSING):
            result.failed_requests.append(f"{asked_from}: {origin}{uri} {status}")


def every_page(site: Path) -> list[str]:
    return sorted(
        p.relative_to(site).as_posix().removesuffix("index.html") for p in site.rglob("*.html")
    )


def at_width(path: str, viewport: dict[str, int]) -> str:
    return f"{path} at {viewport['width']} px"


STYLESHEET_RULE = "css-orientation-lock"


def stylesheets(site: Path, path: str) -> tuple[str, ...]:
    """The stylesheets a page links, as addresses under the site's root (what STYLESHEET_RULE
    reads); a page may link them relatively or from the root (the 404 page)."""
    file = site / path if path.endswith(".html") else site / path / "index.html"
    links = re.findall(
        r'<link\b[^>]*\brel="stylesheet"[^>]*\bhref="([^"]+)"', file.read_text(encoding="utf-8")
    )
    page = "/" + path
    # From the first "assets/" on, which is the same whichever way the page linked it.
    return tuple(sorted(re.sub(r"^.*?/assets/", "assets/", urljoin(page, href)) for href in links))


async def _axe(page: Any, *, stylesheet_rule: bool = False) -> list[dict[str, Any]]:
    rules = {rule: {"enabled": False} for rule in DISABLED_AXE_RULES}
    options: dict[str, Any] = {
        "runOnly": {"type": "tag", "values": WCAG_TAGS},
        "rules": rules,
        "resultTypes": ["violations"],
        "preload": False,
    }
    if stylesheet_rule:
        options["runOnly"] = {"type": "rule", "values": [STYLESHEET_RULE]}
        options["preload"] = True
    # Only the violations come back: the whole result (every rule that passed or did not
    # apply, about 40 KB a page) was serialised by the page, Playwright's driver and Python
    # on every run, for nothing the sweep reads.
    return list(
        await page.evaluate(
            "options => axe.run(document, options).then(r => r.violations)", options
        )
    )


async def _check(
    page: Any, base_url: str, path: str, result: SweepResult, stylesheet_rule: bool
) -> None:
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
        if stylesheet_rule and viewport is PHONE:
            violations += await _axe(page, stylesheet_rule=True)
            result.stylesheet_checked.append(path)
        if viewport is PHONE and path.split("/", 1)[0] in RTL_LANGUAGES:
            # After axe: it opens every <details> to lay each number out.
            result.number_order[path] = await page.evaluate(MEASURE)
        result.checked[viewport["width"]] = result.checked.get(viewport["width"], 0) + 1
        if violations:
            result.violations[at_width(path, viewport)] = describe(violations)


def _launched(marker: str) -> tuple[Path, list[str]] | None:
    """The /proc folder and the command line of the browser launched with ``marker`` among
    its arguments; None if it cannot be read here."""
    for cmdline in Path("/proc").glob("[0-9]*/cmdline"):
        try:
            args = cmdline.read_bytes().decode("utf-8", "replace").split("\0")
        except OSError:
            continue
        if marker in args:
            return cmdline.parent, args
    return None


def _launch_switch(name: str, marker: str) -> str | None:
    """The value Playwright gave ``--name`` when it launched the browser whose command line
    carries ``marker``, read from the running process; None if it cannot be read here."""
    launched = _launched(marker)
    if launched is None:
        return None
    values = [arg.split("=", 1)[1] for arg in launched[1] if arg.startswith(f"--{name}=")]
    return values[-1] if values else ""


def _page_process_niceness(marker: str) -> set[int]:
    """The nice values of the page processes (renderers) of the browser launched with
    ``marker``, from /proc. (Chromium gives its own browser and GPU processes a higher
    priority where it may; the pages are where the sweep's work is done.)"""
    launched = _launched(marker)
    if launched is None:
        return set()
    browser = int(launched[0].name)
    parent, nice, renderers = {}, {}, []
    for folder in Path("/proc").glob("[0-9]*"):
        try:
            # Fields from the third on, after the command name's closing parenthesis: the
            # parent's id is the 4th field, the nice value the 19th.
            fields = (folder / "stat").read_text().rsplit(")", 1)[-1].split()
            # A page process forked by Chromium's zygote rewrites its command line as one
            # string with spaces between the arguments.
            args = (folder / "cmdline").read_bytes().decode("utf-8", "replace")
        except OSError:
            continue
        pid = int(folder.name)
        parent[pid], nice[pid] = int(fields[1]), int(fields[16])
        if "--type=renderer" in args.replace("\0", " ").split():
            renderers.append(pid)

    def descends_from_browser(pid: int) -> bool:
        while pid > 1:
            pid = parent.get(pid, 0)
            if pid == browser:
                return True
        return False

    return {nice[pid] for pid in renderers if descends_from_browser(pid)}


async def _sweep_browser_args(playwright: Any, executable: str) -> list[str]:
    """SWEEP_CHROMIUM_ARGS, and SWEEP_DISABLED_FEATURES added to the features Playwright
    turns off. Chromium keeps only the last --disable-features it is given, so a second one
    would turn Playwright's own list back on; its list is read off a browser it launches."""
    marker = f"--lmo-sweep-probe={uuid.uuid4().hex}"
    probe = await playwright.chromium.launch(executable_path=executable, args=[marker])
    try:
        playwrights = _launch_switch("disable-features", marker)
    finally:
        await probe.close()
    if playwrights is None:  # not Linux's /proc: the sweep runs without the extra features
        return SWEEP_CHROMIUM_ARGS
    features = [f for f in playwrights.split(",") if f] + list(SWEEP_DISABLED_FEATURES)
    return [*SWEEP_CHROMIUM_ARGS, "--disable-features=" + ",".join(features)]


async def _sweep(
    site: Path,
    base_url: str,
    pages: list[str] | None,
    second_worker: threading.Event | None,
    executable: str,
) -> SweepResult:
    from playwright.async_api import async_playwright

    if not Path(executable).exists():
        raise AssertionError(f"the sweep's browser {executable} is missing: run `make chromium`")
    result = SweepResult(pages=every_page(site) if pages is None else pages)
    for path in result.pages:
        result.stylesheet_sets.setdefault(stylesheets(site, path), path)
    stylesheet_pages = set(result.stylesheet_sets.values())
    queue: asyncio.Queue[str] = asyncio.Queue()
    for path in result.pages:
        queue.put_nowait(path)
    # Names this sweep's requests in the server's log (the server may be serving other
    # tests, and other sweeps, at the same time).
    name = uuid.uuid4().hex
    async with async_playwright() as playwright:
        marker = f"--lmo-sweep={name}"
        browser = await playwright.chromium.launch(
            executable_path=executable,
            args=[*await _sweep_browser_args(playwright, executable), marker],
        )

        async def worker(wait_for: threading.Event | None = None) -> None:
            if wait_for is not None:
                # Polled, as the event is set from another thread; a worker that is no longer
                # needed (the queue is empty) does not start.
                while not wait_for.is_set() and not queue.empty():
                    await asyncio.sleep(0.25)
                if queue.empty():
                    return
            # No service worker: it answers every request of every page from its own script,
            # which costs the sweep processor time and changes nothing axe checks (the offline
            # tests, test_offline*.py, cover it).
            context = await browser.new_context(
                viewport=PHONE,
                service_workers="block",
                extra_http_headers={LOGGED_REQUEST_HEADER: name},
            )
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
            # What the server answered is read from its log afterwards (_read_answers): being
            # sent every response of every page cost the sweep's Python and Playwright's
            # driver about 1.5 processor-seconds every 120 page loads. A request that never
            # reached the server is reported here; ERR_ABORTED is the browser cancelling what
            # the last page still wanted when the sweep moves on: not a failure of the site.
            page.on(
                "requestfailed",
                lambda request: (
                    None
                    if "ERR_ABORTED" in str(request.failure) or not request.url.startswith(base_url)
                    else result.failed_requests.append(
                        f"{page.url}: {request.url} {request.failure}"
                    )
                ),
            )
            while not queue.empty():
                path = queue.get_nowait()
                await _check(page, base_url, path, result, path in stylesheet_pages)
            result.page_process_niceness |= _page_process_niceness(marker)
            await context.close()

        await asyncio.gather(worker(), worker(wait_for=second_worker))
        await browser.close()
    _read_answers(base_url, name, result)
    return result


def sweep(
    site: Path,
    base_url: str,
    pages: list[str] | None = None,
    *,
    second_worker: threading.Event | None = None,
    browser: str = HEADLESS_SHELL,
) -> SweepResult:
    """Every page of ``site`` (or only ``pages``), served at ``base_url``, two at a time, in
    the Chromium at ``browser`` (harness.HEADLESS_SHELL unless a test asks for CHROMIUM);
    with ``second_worker``, one at a time until that event is set."""
    return run_apart(_sweep(site, base_url, pages, second_worker, browser))


def run_apart(coroutine: Coroutine[Any, Any, T]) -> T:
    """``coroutine`` run to its end in an event loop of its own thread. A test's synchronous
    Playwright (the browser fixture) keeps a loop running in the main thread, where
    asyncio.run refuses to start: a test that swept after any tab-using test had run failed."""
    with ThreadPoolExecutor(max_workers=1, thread_name_prefix="sweep") as pool:
        return pool.submit(asyncio.run, coroutine).result()


# The background sweep's thread, and what it starts (Playwright's driver, Chromium and every
# page process, which inherit it), run at the lowest priority: the rest of the suite is one
# test after another, so each moment it waits for the sweep to share a core adds to the run,
# while the sweep's pages can be checked in any order whenever a core is idle. At the same
# priority, the sweep (now in the headless shell) finished at 430 s of a 594 s run and the
# other tests ran alone on one core for the last 150 s.
SWEEP_NICENESS = 19


class BackgroundSweep:
    """A sweep of every page in a thread of its own (with its own Chromium), beside the rest of
    the suite, at the lowest priority (SWEEP_NICENESS): one page at a time while the other
    tests run, two from the moment a test waits for the result (the readers run last)."""

    def __init__(self, site: Path, base_url: str) -> None:
        self._full_speed = threading.Event()
        self._outcome: Future[SweepResult] = Future()
        # A daemon: an interrupted run does not wait for the sweep to finish.
        threading.Thread(
            target=self._run, args=(site, base_url), name="axe-sweep", daemon=True
        ).start()

    def _run(self, site: Path, base_url: str) -> None:
        try:
            # Per thread on Linux; threads and processes started from it inherit it.
            os.setpriority(os.PRIO_PROCESS, threading.get_native_id(), SWEEP_NICENESS)
            self._outcome.set_result(sweep(site, base_url, second_worker=self._full_speed))
        except BaseException as error:  # handed to the tests that read the result
            self._outcome.set_exception(error)

    def result(self) -> SweepResult:
        self._full_speed.set()
        return self._outcome.result()
