"""The quality page: internal measures are refused with the reason, and each published
figure shows its scope, date and source."""

from __future__ import annotations

import sys
from pathlib import Path

from bs4 import BeautifulSoup
from sitebuild import build, make_site, run


def page(site: Path, url: str) -> BeautifulSoup:
    path = site / "site" / url / "index.html"
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def test_an_internal_measure_in_quality_data_is_refused_with_the_reason(tmp_path: Path) -> None:
    folder = make_site(tmp_path)
    quality = folder / "data" / "quality.yml"
    quality.write_text(
        quality.read_text().replace(
            "    board_papers:", "    incident_counts: 12\n    board_papers:"
        )
    )
    result = run([sys.executable, "-m", "lmo", "check"], folder)
    assert result.returncode == 1
    assert (
        "data/quality.yml:17:5: providers[0].incident_counts: 'incident_counts' is an internal"
        " quality measure (incident counts): it is for the trust board and regulators, never a"
        " public page"
    ) in result.stderr


def test_quality_page_shows_each_figure_with_scope_date_and_source(tmp_path: Path) -> None:
    folder = make_site(tmp_path)
    assert build(folder).returncode == 0
    body = page(folder, "quality/town-trust").select_one("article")
    text = body.get_text(" ", strip=True)
    assert "These ratings are for the maternity service." in text
    ratings = {
        row.select_one("th").get_text(strip=True): row.select_one("td").get_text(strip=True)
        for row in body.select("table tbody tr")
    }
    assert ratings["Is it safe?"] == "Requires improvement"
    assert ratings["Is it caring?"] == "Outstanding"
    assert "In 2024/25 the trust met all ten maternity safety actions" in text
    assert body.select_one("a[href='https://resolution.nhs.uk/']") is not None
    org = page(folder, "organisations/town-trust")
    assert org.select_one("a[href$='quality/town-trust/']") is not None
