"""``make feedback``: raw survey exports in, publishable summary files out.

All or nothing: every problem in every export is reported, and nothing is written unless
there are none, so a half-read export never becomes a half-true summary.
"""

from __future__ import annotations

import datetime as dt
import subprocess
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import yaml

from lmo.config.project import Project, read_mkdocs_yml
from lmo.core.problems import Problem
from lmo.data.dataset import DataSet
from lmo.features.feedback.approval import load_previous, place_words
from lmo.features.feedback.comment_checks import check_comments
from lmo.features.feedback.disclosure import DisclosureError
from lmo.features.feedback.identifiers import load_staff_names
from lmo.features.feedback.quarter_summary import QuarterSummary
from lmo.features.feedback.read import (
    ExportMapping,
    Row,
    SettingNames,
    export_files,
    load_mapping,
    read_export,
    shipped_mappings,
)
from lmo.features.feedback.report import ReviewReport
from lmo.features.feedback.schema import FEEDBACK_DIR, FeedbackTheme
from lmo.features.feedback.summary import group_by_quarter, summarise_quarter
from lmo.features.feedback.validate import FeedbackData


def themes_of(ds: DataSet) -> list[FeedbackTheme]:
    """The themes comments are coded with; none before data/feedback_themes.yml exists."""
    data: FeedbackData | None = ds.features.get("feedback")
    return data.themes if data is not None else []


HEADER = """\
# yaml-language-server: $schema=../../schemas/feedback_summary.schema.json
# Feedback summary for {quarter}, written by 'make feedback' on {today}.
# Counts from 1 to 4 show as "fewer than 5"; "not shown" hides a count that would let a
# reader work one out. Do not change any count: the build re-checks them and refuses a
# file that reveals a small number.
# You may edit: method (channels, not_heard, notes) and each quote's language.
# Quotes: only ones a person approved. To publish one, paste its block from the private
# review report under 'quotes:' and fill in approved_by (your role) and approved_on (the
# date). Changing a quote's words voids its approval. To stop a quote being offered again,
# add its fingerprint (never its words) under declined_quotes.
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


def _inside(path: Path, folder: Path) -> bool:
    return path == folder or folder in path.parents


def publishable_folders(project: Project, config_file: Path | None = None) -> list[Path]:
    """Folders whose files can end up on the site: the pages, the built site, and the
    theme's custom_dir (MkDocs copies its files that are not templates into the site)."""
    config = config_file or project.root / "mkdocs.yml"
    raw = read_mkdocs_yml(config) if config.exists() else {}
    theme = raw.get("theme")
    custom = theme.get("custom_dir") if isinstance(theme, dict) else None
    folders = [project.content_dir, project.root / str(raw.get("site_dir") or "site")]
    if custom:
        folders.append(project.root / str(custom))
    return [folder.resolve() for folder in folders]


def location_problem(
    path: Path, role: str, project: Project, config_file: Path | None = None
) -> Problem | None:
    """Refuse an export, report or output where it could be published."""
    where = path.resolve()
    for folder in publishable_folders(project, config_file):
        if _inside(where, folder):
            shown = project.display(folder)
            return Problem(
                str(path),
                1,
                1,
                "",
                f"the {role} is inside {shown}/, whose files can be published on the site"
                " (even ones git ignores): keep raw exports and their review reports outside"
                " the repository, for example in your documents folder, and run again",
            )
    if role == "export" and _inside_repository_unignored(where, project.root):
        return Problem(
            str(path),
            1,
            1,
            "",
            "raw survey exports must live outside the repository, where git cannot"
            " publish them: move it (for example to your documents folder) and run again",
        )
    return None


def _inside_repository_unignored(path: Path, root: Path) -> bool:
    """True when a raw export sits where git would pick it up and publish it."""
    if not _inside(path, root.resolve()):
        return False
    try:
        result = subprocess.run(
            ["git", "check-ignore", "-q", str(path)],
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


def _dump(summary: QuarterSummary) -> str:
    body = yaml.safe_dump(summary.plain(), sort_keys=False, allow_unicode=True, width=96)
    # Bare, so an approved block from the review report can be pasted straight under it.
    body = body.replace("\nquotes: []\n", "\nquotes:\n")
    header = HEADER.format(quarter=summary.quarter, today=summary.prepared_on.isoformat())
    return header + body


def _keep_date_when_unchanged(
    summary: QuarterSummary, previous: dict[str, Any] | None
) -> QuarterSummary:
    """A re-run over the same exports leaves the file byte-identical: the preparation date
    moves only when something published changes."""
    if previous is None:
        return summary
    before = yaml.safe_load(yaml.safe_dump({**previous, "prepared_on": None}))
    after = yaml.safe_load(yaml.safe_dump({**summary.plain(), "prepared_on": None}))
    if before != after:
        return summary
    # The schema has checked it: a YAML date, or a string written year-month-day.
    return replace(summary, prepared_on=dt.date.fromisoformat(str(previous["prepared_on"])))


Summaries = list[tuple[QuarterSummary, dict[str, Any] | None]]
"""Each quarter's new summary, with the file it replaces as plain data (None if new)."""


def run(
    project: Project,
    ds: DataSet,
    source: Path,
    out_dir: Path | None = None,
    mapping_file: Path | None = None,
    staff_file: Path | None = None,
    mnvps: list[str] | None = None,
    today: dt.date | None = None,
    config_file: Path | None = None,
) -> FeedbackResult:
    today = today or dt.date.today()
    out_dir = out_dir or project.data_dir / FEEDBACK_DIR
    refused = _refused_places(project, source, out_dir, config_file)
    if refused:
        return FeedbackResult(refused, [], None)
    rows, staff_names, problems = _read_inputs(ds, source, mapping_file, staff_file)
    if problems:
        return FeedbackResult(problems, [], None)
    files = list(export_files(source))
    report = ReviewReport(inputs=[p.name for p in files], rows=len(rows))
    summaries, problems = _summarise(
        project, ds, source, out_dir, rows, staff_names, mnvps or list(ds.mnvps), today, report
    )
    if problems:
        return FeedbackResult(problems, [], None)
    written = _write(out_dir, summaries)
    report_path = review_report_path(source)
    report_path.write_text(report.markdown(), encoding="utf-8")
    return FeedbackResult([], written, report_path)


def _refused_places(
    project: Project, source: Path, out_dir: Path, config_file: Path | None
) -> list[Problem]:
    """A missing export, or an export or output folder where it could be published."""
    if not source.exists():
        return [Problem(str(source), 1, 1, "", "no such file or folder")]
    placed = [
        location_problem(source, "export", project, config_file),
        location_problem(out_dir, "output folder", project, config_file),
    ]
    return [p for p in placed if p is not None]


def _summarise(
    project: Project,
    ds: DataSet,
    source: Path,
    out_dir: Path,
    rows: list[Row],
    staff_names: list[str],
    mnvps: list[str],
    today: dt.date,
    report: ReviewReport,
) -> tuple[Summaries, list[Problem]]:
    """One summary per quarter the rows cover, carrying over each previous file's edits and
    approvals; or every problem in those files and every quarter that cannot be published."""
    problems: list[Problem] = []
    checks = check_comments((r.comment for r in rows), staff_names, themes_of(ds), place_words(ds))
    names = _settings(ds)
    summaries: Summaries = []
    for quarter, quarter_rows in group_by_quarter(rows).items():
        path = out_dir / f"{quarter.id}.yml"
        report.summary_files[quarter.id] = project.display(path)
        previous, found = load_previous(path, project.display(path), today)
        problems.extend(found)
        try:
            summary = summarise_quarter(
                quarter,
                quarter_rows,
                themes=themes_of(ds),
                setting_names=names,
                mnvps=mnvps,
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
    return summaries, problems


def _read_inputs(
    ds: DataSet, source: Path, mapping_file: Path | None, staff_file: Path | None
) -> tuple[list[Row], list[str], list[Problem]]:
    """Every row of every export, and the staff list; or every problem in them."""
    problems: list[Problem] = []
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
        except (OSError, UnicodeDecodeError) as error:
            problems.append(Problem(str(staff_file), 1, 1, "", f"cannot read: {error}"))
    files = list(export_files(source))
    if not files:
        problems.append(Problem(str(source), 1, 1, "", "no .csv or .xlsx export found here"))
    if problems or not mappings:
        return [], staff_names, problems
    settings = SettingNames.from_records(_settings(ds))
    theme_ids = {t.id for t in themes_of(ds)}
    rows: list[Row] = []
    for path in files:
        found_rows, found = read_export(path, settings, theme_ids, mappings, display=path.name)
        rows.extend(found_rows)
        problems.extend(found)
    return rows, staff_names, problems


def _write(out_dir: Path, summaries: Summaries) -> list[Path]:
    out_dir.mkdir(parents=True, exist_ok=True)
    written = []
    for summary, previous in summaries:
        path = out_dir / f"{summary.quarter}.yml"
        text = _dump(_keep_date_when_unchanged(summary, previous))
        if not path.exists() or path.read_text(encoding="utf-8") != text:
            path.write_text(text, encoding="utf-8")
        written.append(path)
    return written
