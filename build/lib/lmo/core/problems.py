"""Problems found in an editor's files, reported as ``file:line:col: path: message``.

Every check collects problems instead of raising, so an editor sees every mistake in
one run. Only the command line and the MkDocs adapter decide what to do with them.
"""

from __future__ import annotations

import difflib
import json
from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True, order=True)
class Problem:
    file: str
    line: int
    column: int
    path: str
    message: str
    severity: Severity = Severity.ERROR

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}:{self.column}"
        prefix = "warning: " if self.severity is Severity.WARNING else ""
        subject = f"{self.path}: " if self.path else ""
        return f"{where}: {prefix}{subject}{self.message}"

    def github_annotation(self) -> str:
        """The workflow command GitHub shows on the changed line of a pull request."""
        level = "warning" if self.severity is Severity.WARNING else "error"
        subject = f"{self.path}: " if self.path else ""
        text = (subject + self.message).replace("%", "%25").replace("\n", "%0A")
        return f"::{level} file={self.file},line={self.line},col={self.column}::{text}"


def quote_value(value: object) -> str:
    """Show a found value the way an editor typed it: strings in double quotes."""
    if isinstance(value, str):
        shown = value if len(value) <= 60 else value[:57] + "..."
        return json.dumps(shown, ensure_ascii=False)
    if isinstance(value, dict):
        return "a mapping (key: value lines)"
    if isinstance(value, list):
        return "a list (lines starting with '-')"
    if value is None:
        return "nothing"
    return json.dumps(value, default=str)


def did_you_mean(
    found: str, known: Iterable[str], *, key: bool = False, cutoff: float = 0.6
) -> str:
    """The end of a message that names the closest known value (; did you mean "x"?), or
    nothing when none is close. ``key``: a field name, shown in single quotes as the file
    writes it ('summary'). One place, so every "did you mean" reads the same."""
    guess = difflib.get_close_matches(found, list(known), n=1, cutoff=cutoff)
    if not guess:
        return ""
    return f"; did you mean '{guess[0]}'?" if key else f"; did you mean {quote_value(guess[0])}?"
