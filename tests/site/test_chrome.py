"""The chrome of each page (notices, banner, urgent contacts) is rendered by one renderer per
language and data set: its catalogue is read once, not for every page."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from sitebuild import FIXTURE

from lmo.core.i18n import catalogue_path
from lmo.pipeline import load_dataset
from lmo.site.chrome import chrome_renderer

TODAY = dt.date(2026, 6, 1)


def write_catalogue(locales: Path, reviewer: str) -> None:
    path = catalogue_path(locales, "pl")
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(
        'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n'
        f'"X-Translation-Method: machine\\n"\n"X-Reviewed-By: {reviewer}\\n"\n\n'
        'msgid "Hubs"\nmsgstr "Centra"\n',
        encoding="utf-8",
    )


def test_each_page_of_a_language_shares_one_renderer_and_a_new_check_reads_the_catalogue_again(
    tmp_path: Path,
) -> None:
    locales = tmp_path / "locales"
    write_catalogue(locales, "")
    first, _ = load_dataset(FIXTURE / "data", today=TODAY)
    assert first is not None
    renderer = chrome_renderer(first, "pl", locales, TODAY)
    assert renderer.catalogue.reviewed_by is None
    assert chrome_renderer(first, "pl", locales, TODAY) is renderer  # the next page
    # A reviewer signs the catalogue: `mkdocs serve` checks again (a new data set), and the
    # pages then say it was reviewed.
    write_catalogue(locales, "A. Nowak")
    again, _ = load_dataset(FIXTURE / "data", today=TODAY)
    assert again is not None
    assert chrome_renderer(again, "pl", locales, TODAY).catalogue.reviewed_by == "A. Nowak"
