"""axe-core (WCAG 2.2 A/AA tags) at a 320 px phone's width and at a 1280 px desktop's, and no
sideways scrolling at 320 px, on every page of the example site in every language, in
Debian's Chromium: the sweep in its headless shell, a page of each kind again in
/usr/bin/chromium (sweep.py, harness.HEADLESS_SHELL)."""

from __future__ import annotations

import os
import re
import subprocess
import threading
from pathlib import Path
from typing import Any

import pytest
from harness import (
    CHROMIUM,
    DISABLED_AXE_RULES,
    HEADLESS_SHELL,
    SEARCH_WORKER,
    run_axe,
    serve_like_production,
)
from sweep import (
    EXPECTED_MISSING,
    SWEEP_NICENESS,
    BackgroundSweep,
    SweepResult,
    stylesheets,
    sweep,
)


@pytest.fixture(scope="module")
def swept(background_sweep: BackgroundSweep) -> SweepResult:
    # Started with the first browser test (conftest.py); these tests run last.
    return background_sweep.result()


def test_the_sweep_covers_every_page_in_every_language(swept: SweepResult) -> None:
    assert len(swept.pages) > 500
    for lang in ("pl/", "lt/", "ro/", "ur/"):
        assert sum(p.startswith(lang) for p in swept.pages) > 100


def test_axe_checks_every_page_at_a_phone_width_and_at_a_desktop_width(
    swept: SweepResult,
) -> None:
    assert swept.checked == {320: len(swept.pages), 1280: len(swept.pages)}


def test_the_stylesheet_rule_ran_for_every_set_of_stylesheets(
    swept: SweepResult, example_site: Path
) -> None:
    # css-orientation-lock reads stylesheets only, so once per different set is every page.
    every_set = {stylesheets(example_site, path) for path in swept.pages}
    assert len(every_set) >= 3  # plain pages, map pages, pages with a script's font
    checked = {stylesheets(example_site, path) for path in swept.stylesheet_checked}
    assert checked == every_set


def test_every_page_has_no_axe_violations_at_either_width(swept: SweepResult) -> None:
    assert swept.violations == {}, "\n".join(f"{k}:\n{v}" for k, v in swept.violations.items())


def test_no_page_scrolls_sideways_on_a_320px_phone(swept: SweepResult) -> None:
    assert swept.overflow == {}


def test_no_page_breaks_the_content_security_policy(swept: SweepResult) -> None:
    # The sweep is served by nginx with the build's own headers (see conftest).
    assert swept.csp_violations == []


def test_no_page_asks_the_site_for_something_it_does_not_have(swept: SweepResult) -> None:
    # Each wasted request costs a woman on poor signal a round trip (the map tiles come from
    # another host and are not counted: this machine cannot reach it).
    assert swept.failed_requests == []


def test_no_page_fetches_the_search_index_or_worker_before_she_searches(
    swept: SweepResult,
) -> None:
    # The sweep never opens the search: a page that asked for the index or started the
    # theme's search worker anyway made her phone fetch them, start a worker thread and build
    # the search engine on every page view (search-on-demand.js).
    assert swept.search_fetched_early == [], swept.search_fetched_early[:5]


def _version(executable: str) -> str | None:
    if not Path(executable).exists():
        return None
    shown = subprocess.run([executable, "--version"], capture_output=True, text=True).stdout
    found = re.search(r"\bChromium (\d+(?:\.\d+){3})\b", shown)
    return found[1] if found else None


def test_the_sweeps_browser_is_the_same_chromium() -> None:
    # Debian builds both from one source package; apt upgrading one and not the other would
    # check the pages in a different Blink from the one the other tests use.
    versions = {executable: _version(executable) for executable in (CHROMIUM, HEADLESS_SHELL)}
    assert None not in versions.values(), f"run `make chromium`: no version shown: {versions}"
    assert len(set(versions.values())) == 1, f"run `make chromium`: {versions}"


def test_the_full_browser_finds_what_the_sweep_found(
    swept: SweepResult, example_site: Path, example_url: str
) -> None:
    """The sweep's browser is the headless shell; one page of each set of stylesheets (a plain
    page, a map page, a page with a script's own font, in each language where they differ,
    right to left among them) is swept again in the browser the other tests use, and every
    finding about those pages must be the same: axe at both widths, sideways scrolling, the
    order of the phone numbers, the policy, and what the pages asked of the server."""
    sample = sorted(set(swept.stylesheet_sets.values()))
    assert any(path.startswith("ur/") for path in sample)
    again = sweep(example_site, example_url, pages=sample, browser=CHROMIUM)

    def about_the_sample(result: SweepResult) -> dict[str, object]:
        def of_a_page(entry: str) -> bool:  # "<page's address>: ..."
            return entry.split(": ", 1)[0] in {example_url + path for path in sample}

        return {
            "violations": {
                k: v for k, v in result.violations.items() if k.split(" at ")[0] in sample
            },
            "overflow": {k: v for k, v in result.overflow.items() if k in sample},
            "number order": {k: v for k, v in result.number_order.items() if k in sample},
            "policy": sorted(filter(of_a_page, result.csp_violations)),
            "failed": sorted(filter(of_a_page, result.failed_requests)),
            "search": sorted(filter(of_a_page, result.search_fetched_early)),
        }

    assert again.checked == {320: len(sample), 1280: len(sample)}
    assert about_the_sample(again) == about_the_sample(swept)
    assert again.number_order, "no right-to-left page's numbers were read"


def test_the_sweep_beside_the_suite_takes_only_the_processor_the_other_tests_leave(
    swept: SweepResult,
) -> None:
    # The other tests run one after another, and each wait for a core adds to the whole run;
    # the sweep's pages can be checked whenever a core is free (sweep.SWEEP_NICENESS).
    assert swept.page_process_niceness, "no page process of the sweep's was found"
    # Chromium may move a page process itself; each must stay below the tests' priority.
    own = os.getpriority(os.PRIO_PROCESS, 0)
    assert all(nice > own for nice in swept.page_process_niceness), (
        f"page processes at {swept.page_process_niceness}, the tests at {own}"
    )
    assert SWEEP_NICENESS in swept.page_process_niceness


def test_disabled_rules_and_expected_failures_are_each_explained() -> None:
    for rule, reason in DISABLED_AXE_RULES.items():
        assert len(reason.split()) >= 5, f"say why axe rule {rule} is disabled"
    for path, reason in EXPECTED_MISSING.items():
        assert len(reason.split()) >= 5, f"say why a request for {path} may fail"


@pytest.mark.parametrize("browser", [HEADLESS_SHELL, CHROMIUM], ids=["shell", "chromium"])
def test_the_sweep_reports_each_kind_of_fault_it_looks_for(
    example_site: Path, tmp_path: Path, browser: str
) -> None:
    """A sweep that found nothing would pass every test above: one page with a picture that
    has no text, an inline script the policy does not list, a missing file and a request
    for the search index on loading must be reported at both widths, and a request for the
    search worker's script at least once, with the same browser settings the sweep uses on
    every page; in the sweep's browser and in the one the other tests use."""
    planted = tmp_path / "site"
    (planted / "about").mkdir(parents=True)
    for shared in ("assets", "search", "nginx-headers.conf"):
        (planted / shared).symlink_to(example_site / shared)
    page = (example_site / "about" / "index.html").read_text(encoding="utf-8")
    # The theme's search worker script, found by the pattern the sweep reports it by.
    scripts = (example_site / "assets").rglob("*.js")
    (worker,) = [path for path in scripts if SEARCH_WORKER.search(path.as_posix())]
    fault = (
        '<img src="no-such-picture.png"><script>document.title = "ran"</script>'
        '<link rel="preload" href="../search/search_index.json" as="fetch" crossorigin>'
        f'<link rel="preload" href="../{worker.relative_to(example_site).as_posix()}" as="script">'
    )
    assert "</article>" in page
    (planted / "about" / "index.html").write_text(
        page.replace("</article>", fault + "</article>", 1), encoding="utf-8"
    )
    with serve_like_production(planted) as url:
        found = sweep(planted, url, pages=["about/"], browser=browser)
    assert set(found.violations) == {"about/ at 320 px", "about/ at 1280 px"}
    assert all(v.startswith("image-alt") for v in found.violations.values()), found.violations
    assert any("no-such-picture.png 404" in f for f in found.failed_requests)
    assert found.csp_violations, "the unlisted inline script was not reported"
    early = found.search_fetched_early
    assert len([f for f in early if f.endswith("/search/search_index.json")]) == 2, (
        "the index asked for at each width"
    )
    # The worker's script is cached after the first width's request.
    assert [f for f in early if f.endswith("/" + worker.name)], "the search worker's script"


@pytest.mark.parametrize("waited_for", [False, True], ids=["not-waited-for", "waited-for"])
def test_a_sweep_with_a_second_worker_held_back_still_checks_every_page(
    example_site: Path, example_url: str, waited_for: bool
) -> None:
    """Beside the suite the second worker waits for a reader (BackgroundSweep): the first
    alone must finish the pages if no reader ever comes, and the second must not wait for one
    when the first has already emptied the queue."""
    pages = ["", "hubs/", "ur/services/"]
    second_worker = threading.Event()
    if waited_for:
        second_worker.set()
    found = sweep(example_site, example_url, pages=pages, second_worker=second_worker)
    assert found.checked == {320: len(pages), 1280: len(pages)}
    # A sweep a test waits for runs at the test's own priority, not the background's.
    assert os.getpriority(os.PRIO_PROCESS, 0) in found.page_process_niceness
    assert SWEEP_NICENESS not in found.page_process_niceness
    assert found.violations == {}
    assert list(found.number_order) == ["ur/services/"]


def test_the_sweeps_browser_keeps_playwrights_disabled_features_and_adds_its_own() -> None:
    """Chromium honours only the last --disable-features: the sweep's own must carry
    Playwright's list as well, or the sweep would run a browser Playwright does not expect."""
    import uuid

    from playwright.async_api import async_playwright
    from sweep import SWEEP_DISABLED_FEATURES, _launch_switch, _sweep_browser_args, run_apart

    async def launched_with(args: list[str] | None) -> tuple[list[str], str | None]:
        async with async_playwright() as playwright:
            args = (
                args if args is not None else await _sweep_browser_args(playwright, HEADLESS_SHELL)
            )
            marker = f"--lmo-test-probe={uuid.uuid4().hex}"
            browser = await playwright.chromium.launch(
                executable_path=HEADLESS_SHELL, args=[*args, marker]
            )
            try:
                return args, _launch_switch("disable-features", marker)
            finally:
                await browser.close()

    _, playwrights = run_apart(launched_with([]))
    args, sweeps = run_apart(launched_with(None))
    assert playwrights and sweeps, "the features were not read off the running browser"
    assert sum(a.startswith("--disable-features=") for a in args) == 1
    assert set(playwrights.split(",")) < set(sweeps.split(","))
    assert set(sweeps.split(",")) - set(playwrights.split(",")) == set(SWEEP_DISABLED_FEATURES)


def test_a_tab_has_axe_only_where_its_test_asks_and_run_axe_says_so(
    page: Any, example_url: str
) -> None:
    # The page fixture leaves axe out of a test not marked axe (it costs each tab's process a
    # fifth of a processor-second); a test that forgot the mark is told what to add.
    page.goto(example_url + "hubs/")
    with pytest.raises(AssertionError, match=r"pytest\.mark\.axe"):
        run_axe(page)


@pytest.mark.axe
def test_a_test_marked_axe_has_it_in_every_page_it_opens(page: Any, example_url: str) -> None:
    for path in ("", "hubs/"):
        page.goto(example_url + path)
        assert run_axe(page) == [], path
