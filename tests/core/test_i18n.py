"""What the interface catalogues say about themselves, and numbers in each language."""

from __future__ import annotations

from pathlib import Path

from lmo.core.i18n import (
    CatalogueProvenance,
    catalogue_path,
    catalogue_provenance,
    number,
    percent,
)


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


def test_a_catalogues_provenance_is_read_from_its_header(tmp_path: Path) -> None:
    """How the catalogue was made and who reviewed it, as the page's notice shows them; an
    empty field is no reviewer at all."""
    write_catalogue(tmp_path, "pl", "")
    unreviewed = catalogue_provenance(tmp_path, "pl")
    assert (unreviewed.method, unreviewed.reviewed_by) == ("machine", None)
    write_catalogue(tmp_path, "pl", "A. Nowak")
    reviewed = catalogue_provenance(tmp_path, "pl")
    assert (reviewed.reviewed_by, reviewed.reviewed_on) == ("A. Nowak", "2026-11-01")
    assert catalogue_provenance(tmp_path, "ro") == CatalogueProvenance()  # no catalogue


def test_numbers_are_written_as_each_language_writes_them() -> None:
    assert number(7500, "pl") == "7\N{NO-BREAK SPACE}500"
    assert number(12.5, "ro") == "12,5"
    assert number(1, "en") == number(1.0, "en") == "1"
    assert percent(87, "lt") == "87\N{NO-BREAK SPACE}%"
