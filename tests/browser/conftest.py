from __future__ import annotations

import sys
from collections.abc import Iterator
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
    add_axe_if_marked,
    build_example,
    csp_watched_tab,
    serve_like_production,
)
from sweep import BackgroundSweep

SWEEP_WANTED = pytest.StashKey[bool]()


# Last: after -k, -m and --deselect have taken their tests out, so a run without the sweep's
# readers does not start a sweep that nothing reads (it kept a core busy for minutes).
@pytest.hookimpl(trylast=True)
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
def background_sweep(example_site: Path, example_url: str) -> BackgroundSweep:
    """The sweep of the example, running beside the rest of the suite (sweep.py)."""
    return BackgroundSweep(example_site, example_url)


@pytest.fixture(scope="session", autouse=True)
def start_the_sweep_early(request: pytest.FixtureRequest) -> None:
    if request.config.stash.get(SWEEP_WANTED, False):
        request.getfixturevalue("background_sweep")


@pytest.fixture
def page(browser: Any, request: pytest.FixtureRequest) -> Iterator[Any]:
    """A phone-sized tab. Any refusal by the site's Content-Security-Policy fails the test.
    A test marked ``axe`` has axe-core in every page it opens (harness.run_axe)."""
    context = browser.new_context(viewport={"width": 390, "height": 844})
    add_axe_if_marked(context, request)
    with csp_watched_tab(context) as tab:
        yield tab
