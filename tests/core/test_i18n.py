"""What the interface catalogues say about themselves, and numbers in each language."""

from __future__ import annotations

import os
from pathlib import Path

from lmo.core.i18n import catalogue_path, catalogue_provenance, number, percent


def write_catalogue(locales: Path, lang: str, reviewer: str) -> Path:
    path = catalogue_path(locales, lang)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(
        'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n'
        '"X-Translation-Method: machine\\n"\n'
        f'"X-Reviewed-By: {reviewer}\\n"\n"X-Reviewed-On: 2026-11-01\\n"\n\n'
        'msgid "Hubs"\nmsgstr "Centra"\n',
        encoding="utf-8",
    )
    return path


def test_a_catalogues_provenance_follows_each_edit_of_its_header(tmp_path: Path) -> None:
    """Every page of a language asks, so the header is read once per version of the file;
    a reviewer's name added later (as `mkdocs serve` sees it) must still show."""
    path = write_catalogue(tmp_path, "pl", "")
    first = catalogue_provenance(tmp_path, "pl")
    assert (first.method, first.reviewed_by) == ("machine", None)
    assert catalogue_provenance(tmp_path, "pl") == first
    write_catalogue(tmp_path, "pl", "A. Nowak")
    later = path.stat().st_mtime_ns + 1_000_000_000
    os.utime(path, ns=(later, later))
    reviewed = catalogue_provenance(tmp_path, "pl")
    assert (reviewed.reviewed_by, reviewed.reviewed_on) == ("A. Nowak", "2026-11-01")


def test_numbers_are_written_as_each_language_writes_them() -> None:
    assert number(7500, "pl") == "7\N{NO-BREAK SPACE}500"
    assert number(12.5, "ro") == "12,5"
    assert number(1, "en") == number(1.0, "en") == "1"
    assert percent(87, "lt") == "87\N{NO-BREAK SPACE}%"
