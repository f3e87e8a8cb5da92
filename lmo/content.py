"""Checks on hand-written content pages: front matter an editor must keep up to date."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import yaml

from lmo.generate import is_generated
from lmo.problems import Problem, Severity
from lmo.schema import _DATE_RE

REQUIRED_FRONT_MATTER = ("last_reviewed", "review_by", "owner")


def _front_matter(text: str) -> tuple[str | None, int]:
    if not text.startswith("---\n"):
        return None, 0
    end = text.find("\n---", 4)
    if end == -1:
        return None, 0
    return text[4:end], 2


def check_content(content_dir: Path, root: Path, today: dt.date) -> list[Problem]:
    problems: list[Problem] = []
    for path in sorted(content_dir.rglob("*.md")):
        if is_generated(path):
            continue
        shown = str(path.relative_to(root)) if path.is_relative_to(root) else str(path)
        text = path.read_text(encoding="utf-8")
        block, first_line = _front_matter(text)
        if block is None:
            problems.append(
                Problem(
                    shown,
                    1,
                    1,
                    "front matter",
                    "a content page starts with '---', then 'owner:', 'last_reviewed:' and"
                    " 'review_by:' lines, then '---'",
                )
            )
            continue
        try:
            meta = yaml.safe_load(block) or {}
        except yaml.MarkedYAMLError as error:
            mark = error.problem_mark
            line = (mark.line + first_line) if mark else 1
            problems.append(
                Problem(shown, line, 1, "front matter", f"YAML syntax error: {error.problem}")
            )
            continue
        for key in REQUIRED_FRONT_MATTER:
            if key not in meta:
                problems.append(
                    Problem(
                        shown,
                        1,
                        1,
                        f"front matter.{key}",
                        f"required field is missing: add '{key}:'",
                    )
                )
        dates: dict[str, dt.date] = {}
        for key in ("last_reviewed", "review_by"):
            value = meta.get(key)
            if value is None:
                continue
            if isinstance(value, dt.date) or (isinstance(value, str) and _DATE_RE.match(value)):
                try:
                    dates[key] = (
                        value if isinstance(value, dt.date) else dt.date.fromisoformat(value)
                    )
                    continue
                except ValueError:
                    pass
            problems.append(
                Problem(
                    shown,
                    1,
                    1,
                    f"front matter.{key}",
                    'expected a real date written year-month-day, such as "2026-03-31"'
                    f" (got {value!r})",
                )
            )
        review_by = dates.get("review_by")
        if review_by is not None and review_by < today:
            problems.append(
                Problem(
                    shown,
                    1,
                    1,
                    "front matter.review_by",
                    f"review date {review_by.isoformat()} has passed: check the page with its"
                    " owner, then update 'last_reviewed' and 'review_by'",
                    Severity.WARNING,
                )
            )
    return problems
