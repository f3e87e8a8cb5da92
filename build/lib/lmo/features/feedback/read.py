"""Read raw feedback survey exports (CSV or XLSX) into canonical rows.

A raw export never enters the repository: this module only reads it, in memory, and reports
every problem as ``file:row:column: heading (field): message`` so a volunteer can open the
spreadsheet and find the cell. A mapping file (YAML) says which heading holds each canonical
field and how the survey's answers translate into canonical values; mappings for Microsoft
Forms, Google Forms and the canonical columns ship in ``lmo/features/feedback/mappings``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from lmo.core.problems import Problem, quote_value
from lmo.core.yamlsource import load_yaml
from lmo.features.feedback.export_cells import (
    UnreadableRow,
    cell_date,
    cell_text,
    column_letter,
    read_table,
)
from lmo.features.feedback.schema import STAGE_KEYS

MAPPINGS_DIR = Path(__file__).parent / "mappings"

FIELDS = ("submitted", "setting", "stage", "rating", "comment", "consent_to_publish", "themes")
OPTIONAL_FIELDS = ("themes",)
# The Friends and Family Test answer scale, in its published order, with the key each has in
# a summary file.
RATINGS = {
    "very good": "very_good",
    "good": "good",
    "neither good nor poor": "neither",
    "poor": "poor",
    "very poor": "very_poor",
    "don't know": "dont_know",
}
CONSENT = {"yes": True, "no": False}
EXPORT_SUFFIXES = (".csv", ".xlsx")


@dataclass(frozen=True)
class ExportMapping:
    name: str
    channel: str
    columns: dict[str, str | None]
    date_formats: tuple[str, ...] = ("%Y-%m-%d",)
    values: dict[str, dict[str, str]] = field(default_factory=dict)

    def heading(self, name: str) -> str | None:
        return self.columns.get(name)


@dataclass(slots=True)  # not frozen: a frozen dataclass's __init__ is slow over 100,000 rows
class Row:
    """One response, in canonical values. ``where`` is "file:row" for the private report."""

    where: str
    submitted: dt.date
    setting: str
    stage: str
    rating: str
    comment: str  # every run of whitespace one space, none at either end
    consent: bool
    themes: tuple[str, ...]
    channel: str


def load_mapping(path: Path) -> tuple[ExportMapping | None, list[Problem]]:
    display = str(path)
    # The same reader as data files: bounded aliases and nesting, positions, duplicate keys.
    try:
        doc, problems = load_yaml(path, display)
    except OSError as error:
        return None, [Problem(display, 1, 1, "", f"cannot read this mapping file: {error}")]
    if problems:
        return None, problems
    data = doc.data
    if not isinstance(data, dict) or not isinstance(data.get("columns"), dict):
        return None, [Problem(display, 1, 1, "", "expected 'name', 'channel' and 'columns:'")]
    columns = {str(k): (None if v is None else str(v)) for k, v in data["columns"].items()}
    for unknown in sorted(set(columns) - set(FIELDS)):
        problems.append(
            Problem(display, 1, 1, f"columns.{unknown}", f"unknown field; use {', '.join(FIELDS)}")
        )
    for needed in FIELDS:
        if needed not in OPTIONAL_FIELDS and not columns.get(needed):
            problems.append(
                Problem(display, 1, 1, f"columns.{needed}", "say which heading holds this field")
            )
    values = {
        str(k): {str(a): str(b) for a, b in (v or {}).items()}
        for k, v in (data.get("values") or {}).items()
    }
    if problems:
        return None, problems
    return (
        ExportMapping(
            name=str(data.get("name", path.stem)),
            channel=str(data.get("channel", "Survey")),
            columns=columns,
            date_formats=tuple(data.get("date_formats") or ("%Y-%m-%d",)),
            values=values,
        ),
        [],
    )


def shipped_mappings() -> list[ExportMapping]:
    found = []
    for path in sorted(MAPPINGS_DIR.glob("*.yml")):
        mapping, _ = load_mapping(path)
        if mapping is not None:
            found.append(mapping)
    return found


def choose_mapping(headings: list[str], mappings: list[ExportMapping]) -> ExportMapping | None:
    """The first mapping whose required headings are all present in the export."""
    present = {h.strip().casefold() for h in headings}
    for mapping in mappings:
        wanted = [mapping.heading(f) for f in FIELDS if f not in OPTIONAL_FIELDS]
        if all(h and h.casefold() in present for h in wanted):
            return mapping
    return None


@dataclass
class SettingNames:
    """What a survey answer for "setting" may be: an id, or a setting's English name."""

    ids: set[str]
    by_name: dict[str, str]

    @classmethod
    def from_records(cls, records: Mapping[str, str]) -> SettingNames:
        return cls(set(records), {name.casefold(): rid for rid, name in records.items()})

    def resolve(self, answer: str) -> str | None:
        if answer in self.ids or answer == "other":
            return answer
        return self.by_name.get(answer.casefold())


def read_export(
    path: Path,
    settings: SettingNames,
    themes: set[str],
    mappings: list[ExportMapping],
    display: str | None = None,
) -> tuple[list[Row], list[Problem]]:
    """Canonical rows of one export, and every problem in it (rows are only usable if none)."""
    shown = display or path.name
    try:
        table = read_table(path)
    except UnreadableRow as error:
        return [], [Problem(shown, error.line, error.column, "", str(error))]
    except (OSError, ValueError) as error:
        return [], [Problem(shown, 1, 1, "", f"cannot read this file: {error}")]
    if not table or not any(cell_text(c) for c in table[0]):
        return [], [Problem(shown, 1, 1, "", "the file is empty: expected a header row")]
    headings = [cell_text(c) for c in table[0]]
    mapping = choose_mapping(headings, mappings)
    if mapping is None:
        return [], [_missing_columns(shown, headings, mappings)]
    index = {h.casefold(): i for i, h in enumerate(headings)}
    position = {
        name: index[heading.casefold()]
        for name in FIELDS
        if (heading := mapping.heading(name)) and heading.casefold() in index
    }
    rows: list[Row] = []
    problems: list[Problem] = []
    # Answers repeat (a few settings, stages and ratings): translate each distinct one once.
    memo: dict[tuple[str, Any], str] = {}
    for number, cells in enumerate(table[1:], start=2):
        if all(c is None or c == "" for c in cells):
            continue  # a blank line at the end of a download
        row, found = _row(shown, number, cells, position, mapping, settings, themes, memo)
        problems.extend(found)
        if row is not None:
            rows.append(row)
    return rows, problems


def _missing_columns(shown: str, headings: list[str], mappings: list[ExportMapping]) -> Problem:
    present = {h.casefold() for h in headings}
    # Name what the closest mapping lacks: that is the column the volunteer needs to find.
    best = max(
        mappings,
        key=lambda m: sum(1 for h in m.columns.values() if h and h.casefold() in present),
    )
    missing = [
        f"'{h}' ({f})"
        for f in FIELDS
        if f not in OPTIONAL_FIELDS and (h := best.heading(f)) and h.casefold() not in present
    ]
    return Problem(
        shown,
        1,
        1,
        "",
        f"missing column {', '.join(missing)} for the {best.name} layout; the header row has"
        f" {', '.join(repr(h) for h in headings if h)}. Rename the column, or give a mapping"
        " with MAPPING=<file>",
    )


@dataclass
class _RowCells:
    """One data row of an export, read by canonical column name, with its problems so far."""

    shown: str
    number: int
    cells: list[Any]
    position: dict[str, int]
    mapping: ExportMapping
    # Canonical answers by (column, raw cell): exports repeat the same few answers.
    memo: dict[tuple[str, Any], str]
    problems: list[Problem] = field(default_factory=list)

    def cell(self, name: str) -> Any:
        i = self.position.get(name)
        return self.cells[i] if i is not None and i < len(self.cells) else None

    def problem(self, name: str, message: str) -> None:
        i = self.position[name]
        heading = self.mapping.heading(name)
        subject = heading if heading == name else f"{heading} ({name})"
        column = column_letter(i + 1)
        self.problems.append(
            Problem(self.shown, self.number, i + 1, f"column {column}, {subject}", message)
        )

    def canonical(self, name: str) -> str:
        raw = self.cell(name)
        key = (name, raw)
        found = self.memo.get(key)
        if found is None:
            text = cell_text(raw)
            found = self.memo[key] = self.mapping.values.get(name, {}).get(text, text)
        return found


def _row(
    shown: str,
    number: int,
    cells: list[Any],
    position: dict[str, int],
    mapping: ExportMapping,
    settings: SettingNames,
    themes: set[str],
    memo: dict[tuple[str, Any], str],
) -> tuple[Row | None, list[Problem]]:
    row = _RowCells(shown, number, cells, position, mapping, memo)
    submitted = cell_date(row.cell("submitted"), mapping.date_formats)
    if submitted is None:
        written = cell_text(row.cell("submitted"))
        row.problem("submitted", f"expected a date such as 2026-04-03 (got {quote_value(written)})")
    answer = row.canonical("setting")
    setting = settings.resolve(answer)
    if setting is None:
        row.problem(
            "setting",
            f"unknown setting {quote_value(answer)}: expected an id or the name of a birth"
            " setting or hub in data/, or 'other'",
        )
    stage, rating, consent_text = _answers(row)
    given_themes = _given_themes(row, themes)
    if row.problems:
        return None, row.problems
    assert submitted is not None and setting is not None
    return (
        Row(
            where=f"{shown}:{number}",
            submitted=submitted,
            setting=setting,
            stage=stage,
            rating=RATINGS[rating],
            # Whitespace collapsed once, here: the checks, the theme suggestions, the quotes
            # and their fingerprints all use the comment in this form.
            comment=" ".join(cell_text(row.cell("comment")).split()),
            consent=CONSENT[consent_text],
            themes=given_themes,
            channel=mapping.channel,
        ),
        [],
    )


def _answers(row: _RowCells) -> tuple[str, str, str]:
    """The stage, the rating and the consent answer, each checked against its scale."""
    stage = row.canonical("stage").lower()
    if stage not in STAGE_KEYS:
        row.problem("stage", f"expected one of {', '.join(STAGE_KEYS)} (got {quote_value(stage)})")
    rating = row.canonical("rating").lower().replace("\u2019", "'")
    if rating not in RATINGS:
        row.problem(
            "rating",
            f"expected one of {', '.join(RATINGS)}, the Friends and Family Test scale"
            f" (got {quote_value(rating)})",
        )
    consent_text = row.canonical("consent_to_publish").lower()
    if consent_text not in CONSENT:
        row.problem("consent_to_publish", f"expected yes or no (got {quote_value(consent_text)})")
    return stage, rating, consent_text


def _given_themes(row: _RowCells, themes: set[str]) -> tuple[str, ...]:
    """The theme ids the MNVP coded the response with, if the export has that column."""
    if "themes" not in row.position:
        return ()
    given = tuple(t.strip() for t in cell_text(row.cell("themes")).split(";") if t.strip())
    for theme in given:
        if theme not in themes:
            row.problem(
                "themes",
                f"unknown theme {quote_value(theme)}: expected ids from"
                " data/feedback_themes.yml, separated by ';'",
            )
    return given


def export_files(source: Path) -> Iterator[Path]:
    """The export itself, or every CSV and XLSX file in a folder (not review reports)."""
    if source.is_file():
        yield source
        return
    for path in sorted(source.iterdir()):
        if path.suffix.lower() in EXPORT_SUFFIXES and not path.name.startswith(("~$", ".")):
            yield path
