from __future__ import annotations

import sys
import threading
from collections.abc import Iterator
from concurrent.futures import Future
from pathlib import Path
from typing import Any

import pytest

sys.path.insert(0, str(Path(__file__).parent))

from harness import (
    AXE_SCRIPT,
    BROTLI_STATIC,
    CHROMIUM,
    CHROMIUM_ARGS,
    NGINX,
    build_example,
    csp_watched_tab,
    serve_like_production,
)
from sweep import SweepResult, sweep

SWEEP_WANTED = pytest.StashKey[bool]()


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    # The sweep of every page (sweep.py) is the longest part of the suite and keeps its own
    # browser busy; it starts with the first browser test and runs beside the rest of the
    # suite, and the tests that read its results run last, so none of them waits for it.
    readers = [item for item in items if "background_sweep" in getattr(item, "fixturenames", ())]
    config.stash[SWEEP_WANTED] = bool(readers)
    items[:] = [item for item in items if item not in readers] + readers


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    if not Path(CHROMIUM).exists() or not AXE_SCRIPT.exists():
        pytest.fail("browser tests need Debian's chromium and node_modules: run `make test`")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture(scope="session")
def example_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The repository's example site, built once into a temporary folder."""
    out = tmp_path_factory.mktemp("example") / "site"
    result = build_example(out)
    assert result.returncode == 0, result.stderr
    return out


@pytest.fixture(scope="session")
def example_url(example_site: Path) -> Iterator[str]:
    """The example as production serves it: nginx, a sub-path, the build's headers."""
    if not NGINX.exists() or not BROTLI_STATIC.exists():
        pytest.fail("browser tests need Debian's nginx with brotli_static: run `make test`")
    with serve_like_production(example_site) as url:
        yield url


@pytest.fixture(scope="session")
def background_sweep(example_site: Path, example_url: str) -> Future[SweepResult]:
    """The sweep of the example, running in a thread of its own (with its own Chromium)."""
    outcome: Future[SweepResult] = Future()

    def run() -> None:
        try:
            outcome.set_result(sweep(example_site, example_url))
        except BaseException as error:  # handed to the tests that read the result
            outcome.set_exception(error)

    # A daemon: an interrupted run does not wait for the sweep to finish.
    threading.Thread(target=run, name="axe-sweep", daemon=True).start()
    return outcome


@pytest.fixture(scope="session", autouse=True)
def start_the_sweep_early(request: pytest.FixtureRequest) -> None:
    if request.config.stash.get(SWEEP_WANTED, False):
        request.getfixturevalue("background_sweep")


@pytest.fixture
def page(browser: Any) -> Iterator[Any]:
    """A phone-sized tab. Any refusal by the site's Content-Security-Policy fails the test."""
    context = browser.new_context(viewport={"width": 390, "height": 844})
    # axe as an init script: a script tag added by a test would be refused by the CSP.
    context.add_init_script(path=str(AXE_SCRIPT))
    with csp_watched_tab(context) as tab:
        yield tab
