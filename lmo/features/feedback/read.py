"""Read raw feedback survey exports (CSV or XLSX) into canonical rows.

A raw export never enters the repository: this module only reads it, in memory, and reports
every problem as ``file:row:column: heading (field): message`` so a volunteer can open the
spreadsheet and find the cell. A mapping file (YAML) says which heading holds each canonical
field and how the survey's answers translate into canonical values; mappings for Microsoft
Forms, Google Forms and the canonical columns ship in ``lmo/features/feedback/mappings``.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from lmo.core.problems import Problem, quote_value
from lmo.core.yamlsource import load_yaml
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


# --- reading the cells of a file ----------------------------------------------------------


# A comment box can hold a pasted letter; Excel's own cell limit is 32,767 characters, so a
# field of 16 MiB is a damaged file, not a long comment.
MAX_FIELD = 16 * 1024 * 1024
SAVE_AS_UTF8 = (
    'in Excel use File > Save As and choose "CSV UTF-8 (Comma delimited)"; other programs'
    ' call it "UTF-8" under the encoding'
)


class UnreadableRow(ValueError):
    """A problem at a known place in the file, in words a volunteer can act on."""

    def __init__(self, line: int, column: int, message: str) -> None:
        super().__init__(message)
        self.line = line
        self.column = column


def _decode(raw: bytes) -> str:
    """The file as text, or where it stops being UTF-8 (an export saved as 'CSV' in Excel
    on Windows is cp1252, and its first accented letter breaks the rest)."""
    try:
        return raw.decode("utf-8-sig")  # Excel and some survey tools start with a BOM
    except UnicodeDecodeError as error:
        line = raw.count(b"\n", 0, error.start) + 1
        column = error.start - (raw.rfind(b"\n", 0, error.start) + 1) + 1
        found = raw[error.start : error.start + 1].decode("cp1252", errors="replace")
        raise UnreadableRow(
            line,
            column,
            f"this file is not saved as UTF-8 text: line {line} has a character UTF-8 does not"
            f" allow (perhaps {found!r} from an older Windows encoding). Save the export again"
            f" as UTF-8: {SAVE_AS_UTF8}",
        ) from None


def _read_table(path: Path) -> list[list[Any]]:
    """All rows of the first sheet, header first. Raises OSError/ValueError when unreadable."""
    if path.suffix.lower() == ".csv":
        text = _decode(path.read_bytes())
        csv.field_size_limit(max(csv.field_size_limit(), MAX_FIELD))
        reader = csv.reader(io.StringIO(text, newline=""))
        rows: list[list[Any]] = []
        try:
            for row in reader:
                rows.append(list(row))
        except csv.Error:
            raise UnreadableRow(
                reader.line_num,
                1,
                f"row {len(rows) + 1} cannot be read as CSV (perhaps a double quote mark with"
                " no partner, or a cell larger than 16 MB): open the file in a spreadsheet,"
                f" check that row and save it again as CSV; {SAVE_AS_UTF8}",
            ) from None
        return rows
    # calamine (Rust) reads a 40,000-row workbook in under a second; openpyxl takes fifteen.
    from python_calamine import CalamineWorkbook

    try:
        workbook = CalamineWorkbook.from_path(str(path))
        return [list(row) for row in workbook.get_sheet_by_index(0).to_python()]
    except Exception as error:  # calamine raises its own error types for a damaged file
        raise ValueError(
            "not a readable Excel workbook: open it in Excel and save it again as .xlsx"
        ) from error


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def _date(value: Any, formats: tuple[str, ...]) -> dt.date | None:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    return _date_text(_text(value), formats)


@lru_cache(maxsize=65536)
def _date_text(text: str, formats: tuple[str, ...]) -> dt.date | None:
    # Cached: strptime is slow, and a survey has a few hundred distinct days at most once the
    # time of day is set aside.
    for fmt in formats:
        if " " in fmt and " " in text and fmt.count(" ") == text.count(" "):
            # Only the date matters: parse the date part alone, which repeats across rows.
            day = _date_text(text.split(" ", 1)[0], (fmt.split(" ", 1)[0],))
            if day is not None:
                return day
            continue
        try:
            return dt.datetime.strptime(text, fmt).date()
        except ValueError:
            continue
    try:
        return dt.date.fromisoformat(text[:10])
    except ValueError:
        return None


def _column_letter(index: int) -> str:
    """Spreadsheet column name (1 -> A, 27 -> AA), so a volunteer can find the cell."""
    letters = ""
    while index:
        index, remainder = divmod(index - 1, 26)
        letters = chr(65 + remainder) + letters
    return letters


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
        table = _read_table(path)
    except UnreadableRow as error:
        return [], [Problem(shown, error.line, error.column, "", str(error))]
    except (OSError, ValueError) as error:
        return [], [Problem(shown, 1, 1, "", f"cannot read this file: {error}")]
    if not table or not any(_text(c) for c in table[0]):
        return [], [Problem(shown, 1, 1, "", "the file is empty: expected a header row")]
    headings = [_text(c) for c in table[0]]
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
    problems: list[Problem] = []

    def cell(name: str) -> Any:
        i = position.get(name)
        return cells[i] if i is not None and i < len(cells) else None

    def problem(name: str, message: str) -> None:
        i = position[name]
        heading = mapping.heading(name)
        subject = heading if heading == name else f"{heading} ({name})"
        column = _column_letter(i + 1)
        problems.append(Problem(shown, number, i + 1, f"column {column}, {subject}", message))

    def canonical(name: str) -> str:
        raw = cell(name)
        key = (name, raw)
        found = memo.get(key)
        if found is None:
            text = _text(raw)
            found = memo[key] = mapping.values.get(name, {}).get(text, text)
        return found

    submitted = _date(cell("submitted"), mapping.date_formats)
    if submitted is None:
        problem(
            "submitted",
            f"expected a date such as 2026-04-03 (got {quote_value(_text(cell('submitted')))})",
        )
    answer = canonical("setting")
    setting = settings.resolve(answer)
    if setting is None:
        problem(
            "setting",
            f"unknown setting {quote_value(answer)}: expected an id or the name of a birth"
            " setting or hub in data/, or 'other'",
        )
    stage = canonical("stage").lower()
    if stage not in STAGE_KEYS:
        problem("stage", f"expected one of {', '.join(STAGE_KEYS)} (got {quote_value(stage)})")
    rating = canonical("rating").lower().replace("\u2019", "'")
    if rating not in RATINGS:
        problem(
            "rating",
            f"expected one of {', '.join(RATINGS)}, the Friends and Family Test scale"
            f" (got {quote_value(rating)})",
        )
    consent_text = canonical("consent_to_publish").lower()
    if consent_text not in CONSENT:
        problem("consent_to_publish", f"expected yes or no (got {quote_value(consent_text)})")
    given_themes: tuple[str, ...] = ()
    if "themes" in position:
        given_themes = tuple(t.strip() for t in _text(cell("themes")).split(";") if t.strip())
        for theme in given_themes:
            if theme not in themes:
                problem(
                    "themes",
                    f"unknown theme {quote_value(theme)}: expected ids from"
                    " data/feedback_themes.yml, separated by ';'",
                )
    if problems:
        return None, problems
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
            comment=" ".join(_text(cell("comment")).split()),
            consent=CONSENT[consent_text],
            themes=given_themes,
            channel=mapping.channel,
        ),
        [],
    )


def export_files(source: Path) -> Iterator[Path]:
    """The export itself, or every CSV and XLSX file in a folder (not review reports)."""
    if source.is_file():
        yield source
        return
    for path in sorted(source.iterdir()):
        if path.suffix.lower() in EXPORT_SUFFIXES and not path.name.startswith(("~$", ".")):
            yield path
