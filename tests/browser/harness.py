"""Real parts for browser tests: a real HTTP server, Debian's Chromium, axe-core from npm."""

from __future__ import annotations

import json
import os
import re
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[2]
CHROMIUM = "/usr/bin/chromium"
# The sweep's browser (sweep.py): Debian's chromium-headless-shell, built from the same source
# package at the same version as CHROMIUM (test_the_sweeps_browser_is_the_same_chromium): the
# same Blink and V8 without the desktop browser's own layer around each tab, and the headless
# browser Playwright runs by default. axe and the sweep's measurements read the page's styles,
# layout and accessibility tree, which Blink makes; test_the_full_browser_finds_what_the_sweep
# found checks that on a page of each kind. Every test that she could tell apart by using the
# page (keys, pointer, touch, Python, offline, print) runs in CHROMIUM.
HEADLESS_SHELL = "/usr/bin/chromium-headless-shell"
AXE_SCRIPT = REPO / "node_modules" / "axe-core" / "axe.min.js"

# Flags that keep Chromium from reaching for Google's services on this closed network.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
]
# The tests' own browser compiles WebAssembly with V8's baseline compiler alone (Liftoff).
# With V8's default, each tab that starts Pyodide also recompiled its busiest functions with
# the optimising compiler in background threads: about 0.8 processor-seconds of every start
# (3.6 -> 2.8 s measured over one start of the care plan), for Python that runs a few seconds
# at most in a test. What the page does cannot change with the compiler; how soon it is ready
# for her is measured by scripts/bench_care_plan.py, whose browser keeps V8's defaults.
TEST_CHROMIUM_ARGS = [*CHROMIUM_ARGS, "--js-flags=--liftoff-only"]

WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]

# Every axe rule we disable, once, with its reason. Keep this empty unless a rule is
# wrong for this site; an accessibility problem is fixed, not disabled.
DISABLED_AXE_RULES: dict[str, str] = {}

# The theme's search worker script (assets/javascripts/workers/search.<hash>.min.js), which,
# like the search index, a page asks for only when she goes to search (search-on-demand.js).
SEARCH_WORKER = re.compile(r"/workers/search\.[^/]*\.js$")

NGINX = Path("/usr/sbin/nginx")
BROTLI_STATIC = Path("/usr/lib/nginx/modules/ngx_http_brotli_static_module.so")
SUB_PATH = "/maternity/"


def build_example(
    out: Path, extra_env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    """The repository's example, built into ``out`` for the sub-path nginx serves it under,
    as a deployment to GitHub Pages or a department's folder would be."""
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(out)],
        cwd=REPO,
        capture_output=True,
        text=True,
        check=False,
        env={
            **os.environ,
            "NO_MKDOCS_2_WARNING": "1",
            "SITE_URL": "https://maternity.example.nhs.uk" + SUB_PATH,
            **(extra_env or {}),
        },
    )


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _nginx_config(prefix: Path, servers: str, modules: str = "") -> str:
    """An nginx configuration that keeps everything (pid, logs, temporary files) in
    ``prefix`` and runs the given server blocks."""
    user = "user root;" if os.geteuid() == 0 else ""  # pytest's folders are private to root
    temp = " ".join(
        f"{kind}_temp_path {prefix}/{kind};"
        for kind in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi")
    )
    return f"""
{modules}
{user}
worker_processes 1;
daemon off;
pid {prefix}/nginx.pid;
error_log {prefix}/error.log warn;
events {{ worker_connections 64; }}
http {{
  include /etc/nginx/mime.types;
  types {{ application/manifest+json webmanifest; }}
  default_type application/octet-stream;
  access_log off;
  {temp}
  absolute_redirect off;
  {servers}
}}
"""


# A request that carries this header is written to the server's request log with the
# header's value (sweep.py: each sweep names its own requests, and reads what the server
# answered from the log instead of being sent every response of every page).
LOGGED_REQUEST_HEADER = "X-LMO-Sweep"
REQUEST_LOG = "logged-requests.log"
# Each production-like server's request log, by its base URL.
_REQUEST_LOGS: dict[str, Path] = {}


def request_log(base_url: str) -> Path:
    """The log of the requests carrying LOGGED_REQUEST_HEADER that the production-like
    server at ``base_url`` answered: one line each, ``name status "uri" "referer"``."""
    return _REQUEST_LOGS[base_url]


def nginx_config(site: Path, port: int, prefix: Path) -> str:
    """Production-like serving: a sub-path, the build's own header snippet (CSP, HSTS...),
    pre-compressed files served as they are, the site's 404 page; and a log of the requests
    that carry LOGGED_REQUEST_HEADER."""
    header = LOGGED_REQUEST_HEADER.lower().replace("-", "_")
    server = f"""map $http_{header} $lmo_logged {{ "" 0; default 1; }}
  log_format lmo_logged '$http_{header} $status "$request_uri" "$http_referer"';
  server {{
    listen 127.0.0.1:{port};
    access_log {prefix / REQUEST_LOG} lmo_logged if=$lmo_logged;
    location {SUB_PATH} {{
      alias {site}/;
      include {site}/nginx-headers.conf;
    }}
  }}"""
    return _nginx_config(prefix, server, modules=f"load_module {BROTLI_STATIC};")


@contextmanager
def running_nginx(port: int, config_for: Callable[[Path], str]) -> Iterator[Path]:
    """Debian's nginx, with the configuration ``config_for(prefix)`` gives, listening on
    ``port`` until the block ends; yields ``prefix``, the folder of its logs."""
    with tempfile.TemporaryDirectory(prefix="lmo-nginx-") as tmp:
        prefix = Path(tmp)
        config = prefix / "nginx.conf"
        config.write_text(config_for(prefix), encoding="utf-8")
        process = subprocess.Popen(
            [str(NGINX), "-c", str(config), "-p", str(prefix)],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
        )
        try:
            deadline = time.monotonic() + 10
            while True:
                try:
                    socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
                    break
                except OSError:
                    if process.poll() is not None or time.monotonic() > deadline:
                        error = process.stderr.read().decode() if process.stderr else ""
                        log = prefix / "error.log"
                        raise RuntimeError(
                            f"nginx did not start: {error}"
                            f" {log.read_text() if log.exists() else ''}"
                        ) from None
                    time.sleep(0.05)
            yield prefix
        finally:
            process.terminate()
            process.wait(timeout=10)


@contextmanager
def serve_like_production(site: Path) -> Iterator[str]:
    """Serve a built site with Debian's nginx under SUB_PATH; yields its base URL."""
    port = free_port()
    base_url = f"http://127.0.0.1:{port}{SUB_PATH}"
    with running_nginx(port, lambda prefix: nginx_config(site, port, prefix)) as prefix:
        _REQUEST_LOGS[base_url] = prefix / REQUEST_LOG
        try:
            yield base_url
        finally:
            del _REQUEST_LOGS[base_url]


@contextmanager
def serve_one_file_for_every_path(file: Path, port: int, content_type: str) -> Iterator[str]:
    """nginx answering every GET with ``file`` (cacheable for a day); yields its origin."""

    def config(prefix: Path) -> str:
        server = f"""server {{
    listen 127.0.0.1:{port};
    location / {{
      root {file.parent};
      default_type {content_type};
      try_files /{file.name} =404;
      add_header Cache-Control "max-age=86400";
    }}
  }}"""
        return _nginx_config(prefix, server)

    with running_nginx(port, config):
        yield f"http://127.0.0.1:{port}"


def wait_until(page: Any, expression: str, timeout_ms: int = 60000, every_ms: int = 100) -> Any:
    """Until ``expression`` is true in the page; returns its value then. Polled from here:
    Playwright's wait_for_function evaluates a string with eval() whenever its first try is
    false, which the site's CSP rightly refuses, so it failed only when the page was slow.
    The limit is generous because it is only reached when something is wrong: on a busy
    two-core machine, Python in the browser can take tens of seconds to start."""
    for _ in range(max(1, timeout_ms // every_ms)):
        value = page.evaluate(expression)
        if value:
            return value
        page.wait_for_timeout(every_ms)
    raise AssertionError(f"not true within {timeout_ms / 1000:g} s: {expression}")


def fonts_drawing(page: Any, selector: str) -> list[str]:
    """The fonts Chromium really drew the text of the first ``selector`` with (CDP), not what
    the CSS asks for."""
    cdp = page.context.new_cdp_session(page)
    try:
        cdp.send("DOM.enable")
        cdp.send("CSS.enable")
        root = cdp.send("DOM.getDocument", {"depth": 0})["root"]["nodeId"]
        node = cdp.send("DOM.querySelector", {"nodeId": root, "selector": selector})["nodeId"]
        fonts = cdp.send("CSS.getPlatformFontsForNode", {"nodeId": node})["fonts"]
        return [font["familyName"] for font in fonts]
    finally:
        cdp.detach()


def wait_for_service_worker(page: Any) -> None:
    """Until the site's service worker controls the page."""
    wait_until(page, "Boolean(navigator.serviceWorker && navigator.serviceWorker.controller)")


def is_csp_violation(text: str) -> bool:
    """Chromium reports each refusal by the Content-Security-Policy on the console."""
    return "Content Security Policy" in text or "Content-Security-Policy" in text


# Every finite transition or animation has ended (one that loops for ever never will).
SETTLED = (
    "document.getAnimations().every(a => a.playState !== 'running'"
    " || a.effect.getComputedTiming().iterations === Infinity)"
)


# Every font face the page declared has loaded or failed (none is still on its way).
FONTS_SETTLED = "[...document.fonts].every(f => f.status !== 'loading')"


def run_axe(page: Any) -> list[dict[str, Any]]:
    """Run axe-core in the page with the WCAG 2.2 A/AA tags; returns the violations.

    axe comes from the context's init script (add_axe_if_marked): a script tag added to the
    page would be refused by the site's Content-Security-Policy, as it should be."""
    if not page.evaluate("typeof axe !== 'undefined'"):
        raise AssertionError(
            "axe-core is not in this page: mark the test @pytest.mark.axe (a context the"
            " test makes itself also needs harness.add_axe_if_marked)"
        )
    options = {
        "runOnly": {"type": "tag", "values": WCAG_TAGS},
        "rules": {rule: {"enabled": False} for rule in DISABLED_AXE_RULES},
        # Every violation is reported as before; what passed is not written out node by node,
        # which was three-quarters of each run's processor time on the care-plan page.
        "resultTypes": ["violations"],
    }
    # Colours are measured as they are at that moment: a button whose focus colour is still
    # fading in (the theme's 125 ms transitions) would be judged half-way. Wait until every
    # transition and animation has finished.
    wait_until(page, SETTLED)
    return list(
        page.evaluate("options => axe.run(document, options).then(r => r.violations)", options)
    )


def describe(violations: list[dict[str, Any]]) -> str:
    lines = []
    for v in violations:
        targets = [json.dumps(n["target"]) for n in v["nodes"][:3]]
        lines.append(f"{v['id']} ({v['impact']}): {v['help']} at {', '.join(targets)}")
    return "\n".join(lines)


# --- keyboard and network helpers shared by the widget tests --------------------------------


def add_axe_if_marked(context: Any, request: Any) -> None:
    """axe-core in every page ``context`` opens, when the test is marked ``axe``; each
    fixture that makes a test's tabs calls this, so the mark works wherever run_axe does.

    As an init script: a script tag added by a test would be refused by the CSP. Only where a
    test runs it: each new tab's process compiles axe's half a megabyte for every page it
    opens, about a fifth of a processor-second a test."""
    if request.node.get_closest_marker("axe"):
        context.add_init_script(path=str(AXE_SCRIPT))


@contextmanager
def csp_watched_tab(context: Any) -> Iterator[Any]:
    """A new tab in ``context``, closed with it afterwards; any refusal by the site's
    Content-Security-Policy while it was open fails the test."""
    tab = context.new_page()
    refused: list[str] = []
    tab.on(
        "console",
        lambda message: refused.append(message.text) if is_csp_violation(message.text) else None,
    )
    yield tab
    context.close()
    assert refused == [], "Content-Security-Policy violations:\n" + "\n".join(refused)


# Asked after every press: one call with the selector, not a locator's evaluate, which costs
# three times the processor time (it resolves the element again in Playwright's own script
# each time); tab_to was a third of the widget tests' processor time.
_IS_FOCUSED = "selector => document.activeElement === document.querySelector(selector)"


def tab_to(page: Any, selector: str, limit: int = 400) -> None:
    """Press Tab until the element is focused, as someone using a keyboard would."""
    # As the locator's evaluate did: wait until it is on the page; a selector matching more
    # than one element fails here (Playwright's locators are strict).
    page.locator(selector).wait_for(state="attached")
    for _ in range(limit):
        if page.evaluate(_IS_FOCUSED, selector):
            return
        page.keyboard.press("Tab")
    raise AssertionError(f"{selector} was not reached with Tab in {limit} presses")


def press_button(page: Any, selector: str) -> None:
    tab_to(page, selector)
    page.keyboard.press("Enter")


def record_requests(page: Any) -> list[dict[str, Any]]:
    """Every request the page makes from now on: its address, method and body."""
    requests: list[dict[str, Any]] = []
    page.on(
        "request",
        lambda request: requests.append(
            {"url": request.url, "method": request.method, "body": request.post_data_buffer}
        ),
    )
    return requests


def assert_nothing_left_the_site(
    requests: list[dict[str, Any]], site_url: str, secrets: tuple[str, ...]
) -> None:
    """Every request stayed on the site (or was a download made in the page), and none
    carried any of her words, in its address or its body."""
    from urllib.parse import unquote

    origin = site_url.split("/", 3)[:3]
    for request in requests:
        url = unquote(request["url"])
        body = (request["body"] or b"").decode("utf-8", "replace")
        assert url.split("/", 3)[:3] == origin or url.startswith("blob:"), url
        for secret in secrets:
            assert secret not in url and secret not in body, (secret, url)


@contextmanager
def without_javascript(browser: Any, url: str) -> Iterator[tuple[Any, list[str]]]:
    """A phone-sized tab with JavaScript off at ``url``, and every address it asked for."""
    context = browser.new_context(java_script_enabled=False, viewport={"width": 390, "height": 844})
    page = context.new_page()
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    page.goto(url)
    try:
        yield page, requests
    finally:
        context.close()
