import inspect
import re
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

# Tests import the small build helpers in tests/sitebuild.py directly.
sys.path.insert(0, str(Path(__file__).parent))

import sitebuild

# Every test has one tier, so the fast ones can run alone (`pytest -m unit`, under a minute):
# - unit: plain Python in this process;
# - build: builds or checks a site, or runs another program (MkDocs, lmo, Node.js);
# - browser: drives Chromium against a served site (everything under tests/browser/).
# A test without a marker gets one here, from what it and its fixtures call; a test taken
# for unit that builds a site anyway fails at once (sitebuild.run), so the tiers stay true.
TIERS = ("unit", "build", "browser")
# The browser tier, by where its tests live: the tier marks and the split run's scheduler
# (pytest_xdist_make_scheduler) both read it from a test's node id.
BROWSER_TESTS = "tests/browser/"
_BUILDS = re.compile(
    r"\b(?:build|check|make_site|run|build_fuzzed|fuzz_site|build_example|"
    r"serve_like_production)\(|\bsubprocess\."
)


def _calls_a_build(function: object) -> bool:
    try:
        return bool(_BUILDS.search(inspect.getsource(function)))  # type: ignore[arg-type]
    except (OSError, TypeError):
        return False


def _tier(item: pytest.Item) -> str:
    if item.nodeid.startswith(BROWSER_TESTS):
        return "browser"
    if "tiny_site" in getattr(item, "fixturenames", ()):
        return "build"
    functions = [getattr(item, "function", None)]
    info = getattr(item, "_fixtureinfo", None)
    for name in getattr(item, "fixturenames", ()):
        definitions = info.name2fixturedefs.get(name) if info is not None else None
        if (
            name != "_tier_guard"
            and definitions
            and "tests" in Path(inspect.getfile(definitions[-1].func)).parts
        ):
            functions.append(definitions[-1].func)
    return "build" if any(_calls_a_build(f) for f in functions if f) else "unit"


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if not any(item.get_closest_marker(tier) for tier in TIERS):
            item.add_marker(_tier(item))


@pytest.hookimpl(optionalhook=True)
def pytest_xdist_make_scheduler(config: pytest.Config, log: Any) -> Any:
    """`make test` runs the suite in two processes (pytest-xdist, -n 2): every browser test
    in one of them, as they share one build of the example, one server, one browser and the
    sweep (tests/browser/conftest.py), and the unit and build tiers in the other meanwhile.
    The browser tests are one unit of work, sent first (it is the largest) and run in the
    order collected (the sweep's readers last); every other test is a unit of its own."""
    from xdist.scheduler import LoadScopeScheduling

    class BrowserTestsTogether(LoadScopeScheduling):  # type: ignore[misc]
        def _split_scope(self, nodeid: str) -> str:
            return BROWSER_TESTS if nodeid.startswith(BROWSER_TESTS) else nodeid

    return BrowserTestsTogether(config, log)


@pytest.fixture(autouse=True)
def _tier_guard(request: pytest.FixtureRequest) -> Iterator[None]:
    sitebuild.CURRENT_TIER = next(
        (tier for tier in TIERS if request.node.get_closest_marker(tier)), "unit"
    )
    yield
    sitebuild.CURRENT_TIER = None


@pytest.fixture(scope="session")
def tiny_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """The tiny fixture site, built once for every test that only reads what it built
    (a test that edits or rebuilds a site makes its own with sitebuild.make_site)."""
    folder = sitebuild.make_site(tmp_path_factory.mktemp("tiny-built"))
    result = sitebuild.build(folder)
    assert result.returncode == 0, result.stderr
    yield folder
