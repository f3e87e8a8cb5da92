"""The hostile-text site (tests/fuzz.py) in Chromium under the production headers: every
payload is on the page as text, no script runs (no dialog opens), and the
Content-Security-Policy refuses nothing (the `page` fixture fails on any violation)."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from harness import serve_like_production, wait_until

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from fuzz import build_fuzzed, fuzz_site, payloads

PAGES = (
    "",
    "hubs/town-hub/",
    "hubs/",
    "places/",
    "birth-settings/",
    "services/booking/",
    "changes/",
    "glossary/",
    "care-plan/",
    "birth-place/",
    "feedback-summaries/",
    "pl/hubs/town-hub/",
    "pl/places/",
)


@pytest.fixture(scope="module")
def fuzzed_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    folder = tmp_path_factory.mktemp("fuzzed")
    fuzzed = fuzz_site(folder, payloads(folder / "canary")[0], "{{ 7*191 }} }} {{")
    result = build_fuzzed(fuzzed)
    assert result.returncode == 0, result.stderr
    with serve_like_production(fuzzed.site / "site") as url:
        yield url


def test_no_payload_runs_on_any_page_or_map(fuzzed_url: str, page: Any) -> None:
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    for url in PAGES:
        response = page.goto(fuzzed_url + url)
        assert response is not None and response.status == 200, url
        assert "<script>alert(1)</script>" in page.locator("main").inner_text(), url
    # A map's popup shows the name as text too.
    page.goto(fuzzed_url + "hubs/town-hub/")
    wait_until(page, "document.querySelectorAll('.leaflet-marker-icon').length > 0")
    page.locator(".leaflet-marker-icon").first.click()
    wait_until(page, "document.querySelector('.app-map__popup') !== null")
    popup = page.locator(".app-map__popup").inner_text()
    assert "<img src=x onerror=alert(2)>" in popup and "{{ 7*191 }}" in popup
    assert dialogs == []
