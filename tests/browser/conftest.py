from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
import threading
from collections.abc import Iterator
from concurrent.futures import Future
from contextlib import ExitStack
from pathlib import Path
from typing import Any

import pytest

sys.path.insert(0, str(Path(__file__).parent))

from harness import (
    AXE_SCRIPT,
    BROTLI_STATIC,
    CHROMIUM,
    NGINX,
    TEST_CHROMIUM_ARGS,
    add_axe_if_marked,
    build_example,
    csp_watched_tab,
    serve_like_production,
)
from sweep import BackgroundSweep

EXAMPLE = pytest.StashKey["ExampleStarted"]()
SWEEP_WANTED = pytest.StashKey[bool]()


class ExampleStarted:
    """The example built, served by nginx and (when a test reads it) swept, started in a
    thread of its own as soon as the tests are collected (in a run split between processes,
    when the first test asks for it). The build keeps one core busy for about ten seconds;
    the unit tier, which needs none of it, runs first on the other core (or in the other
    process), and the sweep starts the moment the site is served."""

    def __init__(self, sweep_wanted: bool) -> None:
        self.site = Path(tempfile.mkdtemp(prefix="lmo-example-")) / "site"
        self._stack = ExitStack()
        self._stack.callback(shutil.rmtree, self.site.parent, ignore_errors=True)
        self._built: Future[subprocess.CompletedProcess[str]] = Future()
        self._served: Future[str] = Future()
        self._swept: Future[BackgroundSweep | None] = Future()
        # A daemon: an interrupted run does not wait for the build.
        threading.Thread(
            target=self._start, args=(sweep_wanted,), name="example", daemon=True
        ).start()

    def _start(self, sweep_wanted: bool) -> None:
        steps: list[Future[Any]] = [self._built, self._served, self._swept]
        try:
            built = build_example(self.site)
            self._built.set_result(built)
            if built.returncode != 0 or not NGINX.exists() or not BROTLI_STATIC.exists():
                raise RuntimeError("not served: see the build's or the nginx fixture's failure")
            url = self._stack.enter_context(serve_like_production(self.site))
            self._served.set_result(url)
            self._swept.set_result(BackgroundSweep(self.site, url) if sweep_wanted else None)
        except BaseException as error:  # handed to the fixtures that wait for each step
            for step in steps:
                if not step.done():
                    step.set_exception(error)

    def built(self) -> subprocess.CompletedProcess[str]:
        return self._built.result()

    def served(self) -> str:
        return self._served.result()

    def swept(self) -> BackgroundSweep | None:
        return self._swept.result()

    def close(self) -> None:
        self._stack.close()


# Last: after -k, -m and --deselect have taken their tests out, so a run without the sweep's
# readers does not start a sweep that nothing reads (it kept a core busy for minutes).
@pytest.hookimpl(trylast=True)
def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    # The sweep of every page (sweep.py) is the longest part of the suite and keeps its own
    # browser busy; it starts as soon as the example is served and runs beside the rest of
    # the suite, and the tests that read its results run last, so none of them waits for it.
    readers = [item for item in items if "background_sweep" in getattr(item, "fixturenames", ())]
    example = any("example_site" in getattr(item, "fixturenames", ()) for item in items)
    unit = [item for item in items if item.get_closest_marker("unit") and item not in readers]
    rest = [item for item in items if item not in readers and item not in unit]
    items[:] = [*unit, *rest, *readers]
    config.stash[SWEEP_WANTED] = bool(readers)
    # In a run split between processes (make test), every process collects every test and
    # only the one given the browser tests (one unit of work: tests/conftest.py) starts the example,
    # when its first test asks for it; the other process has the other tiers to run.
    split_run = hasattr(config, "workerinput")
    if example and not config.option.collectonly and not split_run:
        example_started(config)


def example_started(config: pytest.Config) -> ExampleStarted:
    """The run's example, started at collection (or now: in a split run, or for a run that
    did not expect to need it), swept when a collected test reads the sweep."""
    if EXAMPLE not in config.stash:
        config.stash[EXAMPLE] = ExampleStarted(config.stash.get(SWEEP_WANTED, False))
        config.add_cleanup(config.stash[EXAMPLE].close)
    return config.stash[EXAMPLE]


@pytest.fixture(scope="session", autouse=True)
def _browser_tests_in_one_process(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> None:
    """In a run split between processes (make test), every browser test runs in one of them:
    they share one build of the example, one server, one browser and the sweep. If the
    scheduler (tests/conftest.py, on a private part of pytest-xdist) stopped grouping them, a
    second process would build and sweep the example again, and the run would only be
    slower; it fails here instead, at the second process's first browser test."""
    worker = getattr(request.config, "workerinput", {}).get("workerid")
    if worker is None:
        return
    # pytest's folder for this run, shared by its processes (each has its own folder in it).
    claimed = tmp_path_factory.getbasetemp().parent / "browser-tests-process"
    try:
        claimed.mkdir()
    except FileExistsError:
        others = sorted(path.name for path in claimed.iterdir())
        pytest.fail(
            f"browser tests ran in {worker} and in {', '.join(others)}: the split run's "
            "scheduler (tests/conftest.py, pytest_xdist_make_scheduler) no longer keeps them "
            "in one process"
        )
    (claimed / worker).touch()


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    if not Path(CHROMIUM).exists() or not AXE_SCRIPT.exists():
        pytest.fail("browser tests need Debian's chromium and node_modules: run `make test`")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=TEST_CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture(scope="session")
def example_site(request: pytest.FixtureRequest) -> Path:
    """The repository's example site, built once into a temporary folder."""
    started = example_started(request.config)
    result = started.built()
    assert result.returncode == 0, result.stderr
    return started.site


@pytest.fixture(scope="session")
def example_url(example_site: Path, request: pytest.FixtureRequest) -> str:
    """The example as production serves it: nginx, a sub-path, the build's headers."""
    if not NGINX.exists() or not BROTLI_STATIC.exists():
        pytest.fail("browser tests need Debian's nginx with brotli_static: run `make test`")
    return example_started(request.config).served()


@pytest.fixture(scope="session")
def background_sweep(example_url: str, request: pytest.FixtureRequest) -> BackgroundSweep:
    """The sweep of the example, running beside the rest of the suite (sweep.py)."""
    swept = example_started(request.config).swept()
    assert swept is not None, "the sweep starts only when a collected test reads it"
    return swept


@pytest.fixture
def page(browser: Any, request: pytest.FixtureRequest) -> Iterator[Any]:
    """A phone-sized tab. Any refusal by the site's Content-Security-Policy fails the test.
    A test marked ``axe`` has axe-core in every page it opens (harness.run_axe)."""
    context = browser.new_context(viewport={"width": 390, "height": 844})
    add_axe_if_marked(context, request)
    with csp_watched_tab(context) as tab:
        yield tab
