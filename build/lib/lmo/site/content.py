"""Checks on hand-written content pages: front matter an editor must keep up to date."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from lmo.core.problems import Problem, Severity
from lmo.core.yamlsource import SourceDocument, compose_text, read_utf8
from lmo.data.schema import DATE_RE, SOURCE_LANGUAGE, TRANSLATION_METHODS, source_hash
from lmo.site.content_files import check_content_files, is_page
from lmo.site.generate import is_generated
from lmo.site.page_safety import check_page_markup

REQUIRED_FRONT_MATTER = ("last_reviewed", "review_by", "owner")


def _front_matter(text: str) -> tuple[str | None, int]:
    if not text.startswith("---\n"):
        return None, 0
    end = text.find("\n---", 4)
    if end == -1:
        return None, 0
    return text[4:end], 2


def _check_translation_record(doc: SourceDocument) -> list[Problem]:
    """A translated page says how it was made and from which English text."""
    shown = doc.file
    record = doc.data.get("translation")
    example = (
        "add 'translation:' with 'method:' (machine, professional or community) and"
        " 'source:' (the fingerprint make translations-todo prints)"
    )
    if not isinstance(record, dict):
        line, col = doc.locate(("translation",))
        return [Problem(shown, line, col, "front matter.translation", example)]
    problems = []
    if record.get("method") not in TRANSLATION_METHODS:
        line, col = doc.locate(("translation", "method"))
        problems.append(
            Problem(
                shown,
                line,
                col,
                "front matter.translation.method",
                "expected one of machine, professional or community"
                f" (got {record.get('method')!r})",
            )
        )
    source = record.get("source")
    if not (isinstance(source, str) and len(source) == 12):
        line, col = doc.locate(("translation", "source"))
        problems.append(
            Problem(
                shown,
                line,
                col,
                "front matter.translation.source",
                "expected the 12-character fingerprint of the English page in double quotes"
                f" (got {source!r})",
            )
        )
    return problems


def _read_front_matter(path: Path, shown: str) -> tuple[SourceDocument | None, list[Problem]]:
    """The page's front matter with the position of every value, read with the same limits
    and duplicate-key check as data files."""
    text, problems = read_utf8(path, shown)
    if text is None:
        return None, problems
    block, first_line = _front_matter(text)
    if block is None:
        return None, [
            Problem(
                shown,
                1,
                1,
                "front matter",
                "a content page starts with '---', then 'owner:', 'last_reviewed:' and"
                " 'review_by:' lines, then '---'",
            )
        ]
    doc, problems = compose_text(block, shown, first_line)
    if doc.data is None and not problems:
        doc.data = {}
    if doc.data is not None and not isinstance(doc.data, dict):
        problems.append(
            Problem(shown, first_line, 1, "front matter", "expected 'field: value' lines")
        )
        doc.data = None
    return (doc if doc.data is not None else None), problems


def _check_page(path: Path, shown: str, lang: str, today: dt.date) -> list[Problem]:
    doc, problems = _read_front_matter(path, shown)
    if doc is None:
        return problems
    meta = doc.data
    top = doc.locate(())
    for key in REQUIRED_FRONT_MATTER:
        if key not in meta:
            problems.append(
                Problem(
                    shown, *top, f"front matter.{key}", f"required field is missing: add '{key}:'"
                )
            )
    dates: dict[str, dt.date] = {}
    for key in ("last_reviewed", "review_by"):
        value = meta.get(key)
        if value is None:
            continue
        if isinstance(value, str) and DATE_RE.match(value):
            try:
                dates[key] = dt.date.fromisoformat(value)
                continue
            except ValueError:
                pass
        problems.append(
            Problem(
                shown,
                *doc.locate((key,)),
                f"front matter.{key}",
                'expected a real date written year-month-day, such as "2026-03-31"'
                f" (got {value!r})",
            )
        )
    if lang != SOURCE_LANGUAGE:
        problems.extend(_check_translation_record(doc))
    review_by = dates.get("review_by")
    if review_by is not None and review_by < today:
        problems.append(
            Problem(
                shown,
                *doc.locate(("review_by",)),
                "front matter.review_by",
                f"review date {review_by.isoformat()} has passed: check the page with its"
                " owner, then update 'last_reviewed' and 'review_by'",
                Severity.WARNING,
            )
        )
    return problems


def check_content(content_dir: Path, root: Path, today: dt.date) -> list[Problem]:
    problems = check_content_files(content_dir, root)
    for path in sorted(content_dir.rglob("*.md")):
        if is_generated(path) or not is_page(path):
            continue
        shown = str(path.relative_to(root)) if path.is_relative_to(root) else str(path)
        lang = path.relative_to(content_dir).parts[0]
        problems.extend(_check_page(path, shown, lang, today))
        # A file that is not UTF-8 is reported above; its markup is still looked at.
        problems.extend(
            check_page_markup(shown, path.read_text(encoding="utf-8", errors="replace"))
        )
    return problems


def read_front_matter(path: Path) -> dict[str, object] | None:
    doc, _ = _read_front_matter(path, str(path))
    return doc.data if doc is not None else None


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
