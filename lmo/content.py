"""Checks on hand-written content pages: front matter an editor must keep up to date."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import yaml

from lmo.generate import is_generated
from lmo.page_safety import check_page_markup
from lmo.problems import Problem, Severity
from lmo.schema import _DATE_RE, SOURCE_LANGUAGE, TRANSLATION_METHODS, source_hash

REQUIRED_FRONT_MATTER = ("last_reviewed", "review_by", "owner")


def _front_matter(text: str) -> tuple[str | None, int]:
    if not text.startswith("---\n"):
        return None, 0
    end = text.find("\n---", 4)
    if end == -1:
        return None, 0
    return text[4:end], 2


def _check_translation_record(shown: str, record: object) -> list[Problem]:
    """A translated page says how it was made and from which English text."""
    example = (
        "add 'translation:' with 'method:' (machine, professional or community) and"
        " 'source:' (the fingerprint make translations-todo prints)"
    )
    if not isinstance(record, dict):
        return [Problem(shown, 1, 1, "front matter.translation", example)]
    problems = []
    if record.get("method") not in TRANSLATION_METHODS:
        problems.append(
            Problem(
                shown,
                1,
                1,
                "front matter.translation.method",
                "expected one of machine, professional or community"
                f" (got {record.get('method')!r})",
            )
        )
    source = record.get("source")
    if not (isinstance(source, str) and len(source) == 12):
        problems.append(
            Problem(
                shown,
                1,
                1,
                "front matter.translation.source",
                "expected the 12-character fingerprint of the English page in double quotes"
                f" (got {source!r})",
            )
        )
    return problems


def check_content(content_dir: Path, root: Path, today: dt.date) -> list[Problem]:
    problems: list[Problem] = []
    for path in sorted(content_dir.rglob("*.md")):
        if is_generated(path):
            continue
        shown = str(path.relative_to(root)) if path.is_relative_to(root) else str(path)
        text = path.read_text(encoding="utf-8")
        problems.extend(check_page_markup(shown, text))
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
        lang = path.relative_to(content_dir).parts[0]
        if lang != SOURCE_LANGUAGE:
            problems.extend(_check_translation_record(shown, meta.get("translation")))
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


def read_front_matter(path: Path) -> dict[str, object] | None:
    block, _ = _front_matter(path.read_text(encoding="utf-8"))
    if block is None:
        return None
    try:
        meta = yaml.safe_load(block)
    except yaml.YAMLError:
        return None
    return meta if isinstance(meta, dict) else None


def page_body(text: str) -> str:
    """A page's text without its front matter."""
    block, _ = _front_matter(text)
    if block is None:
        return text
    return text[text.find("\n---", 4) + 4 :]


def english_body_hash(path: Path) -> str | None:
    """The fingerprint a translated page records of the English page it was made from."""
    if not path.exists():
        return None
    return source_hash(page_body(path.read_text(encoding="utf-8")))
