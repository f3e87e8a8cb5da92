"""The cells of a raw export (CSV or XLSX) as plain values, or where the file stops being
readable, in words a volunteer can act on.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from functools import lru_cache
from pathlib import Path
from typing import Any

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


def read_table(path: Path) -> list[list[Any]]:
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


def cell_text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def cell_date(value: Any, formats: tuple[str, ...]) -> dt.date | None:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    return _date_text(cell_text(value), formats)


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


def column_letter(index: int) -> str:
    """Spreadsheet column name (1 -> A, 27 -> AA), so a volunteer can find the cell."""
    letters = ""
    while index:
        index, remainder = divmod(index - 1, 26)
        letters = chr(65 + remainder) + letters
    return letters
