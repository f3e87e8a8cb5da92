"""Facts still to give: every line marked FILL IN (a new site's starter files mark each
fact its team must supply, lmo.starter). Listed by ``make check`` as warnings, so the site
builds and can be previewed, and refused by a strict build (STRICT=1), so it is never
published with a placeholder standing in for a phone number or a name."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from lmo.core.problems import Problem, Severity

MARK = "FILL IN"


def placeholders(files: Iterable[tuple[Path, str]]) -> list[Problem]:
    """A warning at each marked line of each (file, name to show) given."""
    found = []
    for path, display in files:
        try:
            lines = path.read_text(encoding="utf-8").splitlines()
        except (OSError, UnicodeDecodeError):
            continue  # the file's own check says what is wrong with it
        for number, line in enumerate(lines, start=1):
            at = line.find(MARK)
            if at == -1:
                continue
            what = line[at + len(MARK) :].lstrip(":").strip().rstrip("\"'{}, ").strip()
            found.append(
                Problem(
                    display,
                    number,
                    at + 1,
                    "",
                    f"still to fill in: {what or 'this line'}; replace the FILL IN text"
                    " with the real fact",
                    Severity.WARNING,
                )
            )
    return found
