"""``make feedback``: raw survey exports in, publishable summary files out.

All or nothing: every problem in every export is reported, and nothing is written unless
there are none, so a half-read export never becomes a half-true summary.
"""

from __future__ import annotations

import datetime as dt
import subprocess
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from lmo.disclosure import DisclosureError
from lmo.feedback_read import (
    ExportMapping,
    Row,
    SettingNames,
    export_files,
    load_mapping,
    read_export,
    shipped_mappings,
)
from lmo.feedback_summary import (
    ReviewReport,
    check_comments,
    group_by_quarter,
    summarise_quarter,
)
from lmo.identifiers import load_staff_names
from lmo.problems import Problem
from lmo.project import Project
from lmo.schema import FEEDBACK_DIR
from lmo.validate import DataSet

HEADER = """\
# yaml-language-server: $schema=../../schemas/feedback_summary.schema.json
# Feedback summary for {quarter}, written by 'make feedback' on {today}.
# Counts from 1 to 4 show as "fewer than 5"; "not shown" hides a count that would let a
# reader work one out. Do not change any count: the build re-checks them and refuses a
# file that reveals a small number.
# You may edit: method (channels, not_heard, notes); each quote's language; and, to publish
# a quote, its approved_by (your role) and approved_on (the date). To turn a quote down,
# delete it and add its fingerprint under declined_quotes, so it is never offered again.
# Running 'make feedback' again keeps these edits.
"""


@dataclass
class FeedbackResult:
    problems: list[Problem]
    written: list[Path]
    report: Path | None


def review_report_path(source: Path) -> Path:
    if source.is_dir():
        return source / "feedback-review.md"
    return source.with_name(source.name + ".review.md")


def _inside_repository_unignored(path: Path, root: Path) -> bool:
    """True when a raw export sits where git would pick it up and publish it."""
    try:
        path.resolve().relative_to(root.resolve())
    except ValueError:
        return False
    try:
        result = subprocess.run(
            ["git", "check-ignore", "-q", str(path.resolve())],
            cwd=root,
            capture_output=True,
            check=False,
        )
    except OSError:
        return True
    # 0: ignored; 1: not ignored; 128: not a git repository (nothing to leak into).
    return result.returncode == 1


def _settings(ds: DataSet) -> dict[str, str]:
    """Settings a response can be about: birth settings and hubs, by English name."""
    names = {sid: r.name.en for sid, r in ds.birth_settings.items()}
    names.update({hid: r.name.en for hid, r in ds.hubs.items()})
    return names


def _previous(out_dir: Path, quarter: str) -> dict[str, Any] | None:
    path = out_dir / f"{quarter}.yml"
    if not path.exists():
        return None
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError:
        return None
    return data if isinstance(data, dict) else None


def _dump(summary: dict[str, Any]) -> str:
    body = yaml.safe_dump(summary, sort_keys=False, allow_unicode=True, width=96)
    return HEADER.format(quarter=summary["quarter"], today=summary["prepared_on"]) + body


def _keep_date_when_unchanged(summary: dict[str, Any], previous: dict[str, Any] | None) -> None:
    """A re-run over the same exports leaves the file byte-identical: the preparation date
    moves only when something published changes."""
    if previous is None:
        return
    before = yaml.safe_load(yaml.safe_dump({**previous, "prepared_on": None}))
    after = yaml.safe_load(yaml.safe_dump({**summary, "prepared_on": None}))
    if before == after:
        summary["prepared_on"] = str(previous["prepared_on"])


def run(
    project: Project,
    ds: DataSet,
    source: Path,
    out_dir: Path | None = None,
    mapping_file: Path | None = None,
    staff_file: Path | None = None,
    mnvps: list[str] | None = None,
    today: dt.date | None = None,
) -> FeedbackResult:
    today = today or dt.date.today()
    out_dir = out_dir or project.data_dir / FEEDBACK_DIR
    problems: list[Problem] = []
    if not source.exists():
        return FeedbackResult([Problem(str(source), 1, 1, "", "no such file or folder")], [], None)
    if _inside_repository_unignored(source, project.root):
        return FeedbackResult(
            [
                Problem(
                    str(source),
                    1,
                    1,
                    "",
                    "raw survey exports must live outside the repository, where git cannot"
                    " publish them: move it (for example to your documents folder) and run"
                    " again",
                )
            ],
            [],
            None,
        )
    mappings: list[ExportMapping]
    if mapping_file is not None:
        mapping, found = load_mapping(mapping_file)
        problems.extend(found)
        mappings = [mapping] if mapping else []
    else:
        mappings = shipped_mappings()
    staff_names: list[str] = []
    if staff_file is None:
        candidate = (source if source.is_dir() else source.parent) / "staff-names.txt"
        staff_file = candidate if candidate.exists() else None
    if staff_file is not None:
        try:
            staff_names = load_staff_names(staff_file)
        except OSError as error:
            problems.append(Problem(str(staff_file), 1, 1, "", f"cannot read: {error}"))
    files = list(export_files(source))
    if not files:
        problems.append(Problem(str(source), 1, 1, "", "no .csv or .xlsx export found here"))
    if problems or not mappings:
        return FeedbackResult(problems, [], None)
    names = _settings(ds)
    settings = SettingNames.from_records(names)
    theme_ids = {t.id for t in ds.feedback_themes}
    rows: list[Row] = []
    for path in files:
        found_rows, found = read_export(path, settings, theme_ids, mappings, display=path.name)
        rows.extend(found_rows)
        problems.extend(found)
    if problems:
        return FeedbackResult(problems, [], None)
    report = ReviewReport(inputs=[p.name for p in files], rows=len(rows))
    checks = check_comments((r.comment for r in rows), staff_names, ds.feedback_themes)
    summaries: list[tuple[dict[str, Any], dict[str, Any] | None]] = []
    for quarter, quarter_rows in group_by_quarter(rows).items():
        previous = _previous(out_dir, quarter.id)
        try:
            summary = summarise_quarter(
                quarter,
                quarter_rows,
                themes=ds.feedback_themes,
                setting_names=names,
                mnvps=mnvps or list(ds.mnvps),
                today=today,
                checks=checks,
                previous=previous,
                report=report,
            )
        except DisclosureError as error:
            problems.append(
                Problem(str(source), 1, 1, quarter.id, f"cannot publish safely: {error}")
            )
            continue
        summaries.append((summary, previous))
    if problems:
        return FeedbackResult(problems, [], None)
    out_dir.mkdir(parents=True, exist_ok=True)
    written = []
    for summary, previous in summaries:
        path = out_dir / f"{summary['quarter']}.yml"
        _keep_date_when_unchanged(summary, previous)
        text = _dump(summary)
        if not path.exists() or path.read_text(encoding="utf-8") != text:
            path.write_text(text, encoding="utf-8")
        written.append(path)
    report_path = review_report_path(source)
    report_path.write_text(report.markdown(), encoding="utf-8")
    return FeedbackResult([], written, report_path)
