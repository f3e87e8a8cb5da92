"""axe-core (WCAG 2.2 A/AA tags) on every page of the example site, in Debian's Chromium."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from harness import DISABLED_AXE_RULES, describe, run_axe


def every_page(site: Path) -> list[str]:
    return sorted(
        p.relative_to(site).as_posix().removesuffix("index.html") for p in site.rglob("*.html")
    )


def test_every_page_of_the_example_has_no_axe_violations(
    example_site: Path, example_url: str, page: Any
) -> None:
    pages = every_page(example_site)
    assert len(pages) > 50, "the example site should have a page per record"
    failures = {}
    for path in pages:
        page.goto(example_url + path)
        violations = run_axe(page)
        if violations:
            failures[path] = describe(violations)
    assert failures == {}, "\n".join(f"{k}:\n{v}" for k, v in failures.items())


def test_disabled_rules_are_each_explained() -> None:
    for rule, reason in DISABLED_AXE_RULES.items():
        assert len(reason.split()) >= 5, f"say why axe rule {rule} is disabled"


@pytest.mark.parametrize("width", [320])
def test_no_page_scrolls_sideways_on_a_small_phone(
    example_site: Path, example_url: str, browser: Any, width: int
) -> None:
    context = browser.new_context(viewport={"width": width, "height": 640})
    tab = context.new_page()
    wide = []
    for path in every_page(example_site):
        tab.goto(example_url + path)
        overflow = tab.evaluate(
            "document.documentElement.scrollWidth - document.documentElement.clientWidth"
        )
        if overflow > 0:
            wide.append(f"{path}: {overflow}px")
    context.close()
    assert wide == []
