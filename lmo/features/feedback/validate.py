"""Checks on the published feedback files, run with every other data check and on every build.

A summary file is refused when it holds raw rows or unknown fields (the schema), a count from
1 to 4 (the schema), a published number that lets a reader work out a "fewer than 5" count
(the disclosure audit), a number of responses that is "not shown", a percentage on too small
a base, a quote without a sound approval (a named approver, a date not in the future, the
fingerprint of its exact words), or a quote that fails the identifier check. "You said, we
did" actions marked done need evidence (the schema).
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import tempfile
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from lmo.config.project import today_from_environment
from lmo.core.problems import Problem, Severity, quote_value
from lmo.core.yamlsource import PathKey, SourceDocument, dotted, load_yaml
from lmo.data.contract import FeatureInput
from lmo.data.dataset import DataSet, Reviewed
from lmo.data.messages import problems_from_validation
from lmo.data.references import Collection, index_ids, unknown_id
from lmo.features.feedback import schema as feedback_schema
from lmo.features.feedback.approval import check_approvals, place_words
from lmo.features.feedback.disclosure_figures import Figure, Published, Share
from lmo.features.feedback.disclosure_source import disclosure_code_fingerprint_source
from lmo.features.feedback.identifiers import find_identifiers
from lmo.features.feedback.tables import published_values, summary_layout

THEMES = "feedback_themes.yml"
ACTIONS = "you_said_we_did.yml"

_FIGURE = re.compile(r"^(?P<table>by_setting|themes)\[(?P<key>[^\]]+)\]\.(?P<rest>.+)$")


def figure_path(name: str, summary: feedback_schema.FeedbackSummary) -> PathKey:
    """Where a figure is written in the summary file, for the message's line number."""
    match = _FIGURE.match(name)
    if match is None:
        return tuple(name.replace(" (total)", "").split("."))
    table, key, rest = match["table"], match["key"], match["rest"]
    rows: list[Any] = summary.by_setting if table == "by_setting" else summary.themes
    ids = [r.setting if table == "by_setting" else r.theme for r in rows]
    index = ids.index(key) if key in ids else 0
    return (table, index, *rest.split("."))


def _load_summaries(
    folder: Path, display_prefix: str, problems: list[Problem]
) -> list[tuple[SourceDocument, feedback_schema.FeedbackSummary]]:
    found: list[tuple[SourceDocument, feedback_schema.FeedbackSummary]] = []
    if not folder.is_dir():
        return found
    for path in sorted(folder.iterdir()):
        display = f"{display_prefix}{feedback_schema.FEEDBACK_DIR}/{path.name}"
        if path.suffix.lower() != ".yml":
            # Only summaries belong here; an export dropped in by mistake must not be published.
            problems.append(
                Problem(
                    display,
                    1,
                    1,
                    "",
                    "only summary files (.yml) written by 'make feedback' belong in this"
                    " folder: raw exports must never be in the repository; delete it",
                )
            )
            continue
        doc, read = load_yaml(path, display)
        problems.extend(read)
        if doc.data is None:
            continue
        try:
            summary = feedback_schema.FeedbackSummary.model_validate(doc.data)
        except ValidationError as error:
            problems.extend(problems_from_validation(error, doc, feedback_schema.FeedbackSummary))
            continue
        if path.stem != summary.quarter:
            line, col = doc.locate(("quarter",))
            problems.append(
                Problem(
                    display,
                    line,
                    col,
                    "quarter",
                    f"the file name says {path.stem}: name the file {summary.quarter}.yml"
                    f" (got {quote_value(summary.quarter)})",
                )
            )
        found.append((doc, summary))
    return found


def _audit_key(
    figures: Sequence[Figure], published: Mapping[str, Published | None], shares: Sequence[Share]
) -> Path:
    """Where a passed audit of exactly these arguments, by this audit code, is remembered.

    The key is what audit() is given, not the summary file: a change to the code that turns
    a summary into figures then can never reuse a stale pass. The rules' constants live in
    the schema module, so their values are part of the key too."""
    given = json.dumps(
        [
            [feedback_schema.FEWER_THAN_5, feedback_schema.NOT_SHOWN, feedback_schema.SMALL_COUNT],
            [[f.name, sorted(f.cells), f.may_hide] for f in figures],
            sorted(published.items()),
            [[s.name, sorted(s.numerator), sorted(s.denominator)] for s in shares],
        ],
        separators=(",", ":"),
    )
    code = disclosure_code_fingerprint_source()
    digest = hashlib.sha256(code + b"\0" + given.encode("utf-8")).hexdigest()
    return Path(tempfile.gettempdir()) / f"lmo-audit-{os.getuid()}" / digest


def _audited(
    figures: Sequence[Figure], published: Mapping[str, Published | None], shares: Sequence[Share]
) -> list[str]:
    """audit(), skipped when the same arguments passed before. The audit solves a few hundred
    linear programmes and needs scipy (a second to import); a build of unchanged summaries
    skips both. Only a pass is remembered, never a failure."""
    key = _audit_key(figures, published, shares)
    if key.exists():
        return []
    # Imported here: the rules need numpy, which a build of summaries that all passed before
    # never loads.
    from lmo.features.feedback.disclosure import audit

    revealing = audit(figures, published, shares)
    if not revealing:
        try:
            key.parent.mkdir(mode=0o700, exist_ok=True)
            key.touch()
        except OSError:
            pass  # only a cache: the audit simply runs again next time
    return revealing


def _check_summary(
    doc: SourceDocument,
    summary: feedback_schema.FeedbackSummary,
    ds: DataSet,
    themes: Mapping[str, feedback_schema.FeedbackTheme],
    problems: list[Problem],
) -> None:
    def report(path: PathKey, message: str) -> None:
        line, col = doc.locate(path)
        problems.append(Problem(doc.file, line, col, dotted(path), message))

    for i, mnvp in enumerate(summary.mnvps):
        unknown_id(doc, ("mnvps", i), mnvp, ds.mnvps, "data/lmns.yml (mnvps)", problems)
    settings = [*ds.birth_settings, *ds.hubs, "other"]
    for i, row in enumerate(summary.by_setting):
        unknown_id(
            doc,
            ("by_setting", i, "setting"),
            row.setting,
            settings,
            "data/birth_settings.yml or data/hubs.yml",
            problems,
        )
    for i, theme in enumerate(summary.themes):
        unknown_id(
            doc, ("themes", i, "theme"), theme.theme, themes, "data/feedback_themes.yml", problems
        )
    if summary.responses == feedback_schema.NOT_SHOWN:
        # Hiding it protects nothing (each table's total gives it), and every page needs it.
        report(
            ("responses",),
            "the number of responses is always published: run 'make feedback' again instead"
            f" of editing counts (got {quote_value(feedback_schema.NOT_SHOWN)})",
        )
    figures, shares = summary_layout(summary)
    values, percents = published_values(summary)
    bases = {"percent_positive": summary.responses}
    bases.update(
        {f"by_setting[{r.setting}].percent_positive": r.responses for r in summary.by_setting}
    )
    for name, base in bases.items():
        if name in percents and (
            not isinstance(base, int) or base < feedback_schema.MIN_PERCENT_BASE
        ):
            report(
                figure_path(name, summary),
                f"no percentage on fewer than {feedback_schema.MIN_PERCENT_BASE} responses:"
                " one person would move it too far; remove it",
            )
    published: dict[str, Any] = {**values}
    published.update({share.name: percents.get(share.name) for share in shares})
    try:
        revealing = _audited(figures, published, shares)
    except ValueError:
        report(
            ("responses",),
            "the counts in this file do not add up (a count was edited by hand): run"
            " 'make feedback' again instead of editing counts",
        )
        return
    for name in revealing:
        report(
            figure_path(name, summary),
            "the other published numbers let a reader work out this 'fewer than 5' count:"
            " a number or percentage that was 'not shown' has been filled in. Run"
            " 'make feedback' again instead of editing counts",
        )
    places = place_words(ds)
    for i, quote in enumerate(summary.quotes):
        findings = find_identifiers(quote.text, places=places)
        if findings:
            what = "; ".join(f"{f.reason} ({quote_value(f.text)})" for f in findings)
            report(
                ("quotes", i, "text"),
                f"this approved quote contains {what}: remove the quote",
            )


@dataclass(frozen=True)
class FeedbackData:
    """The feature's checked value: themes, quarterly summaries (oldest first) and the
    actions taken on what women said."""

    themes: list[feedback_schema.FeedbackTheme]
    summaries: list[feedback_schema.FeedbackSummary]
    actions: feedback_schema.YouSaidWeDidFile | None


def check_feedback(given: FeatureInput, problems: list[Problem]) -> FeedbackData:
    ds, docs, models = given.dataset, given.docs, given.models
    theme_file: feedback_schema.FeedbackThemesFile | None = models.get(THEMES)
    theme_list = list(theme_file.themes) if theme_file is not None else []
    themes = (
        index_ids(Collection("themes", "themes", docs[THEMES], theme_list), problems)
        if theme_file is not None
        else {}
    )
    loaded = _load_summaries(
        given.data_dir / feedback_schema.FEEDBACK_DIR, given.display_prefix, problems
    )
    for doc, summary in loaded:
        _check_summary(doc, summary, ds, themes, problems)
        problems.extend(check_approvals(doc, summary, given.today or today_from_environment()))
    summaries = sorted((s for _, s in loaded), key=lambda s: s.quarter)
    if loaded:
        # Only the latest summary can be overdue: older quarters are history.
        doc, latest = max(loaded, key=lambda pair: pair[1].quarter)
        ds.reviews.append(
            Reviewed(
                f"feedback/{latest.quarter}",
                None,
                latest.next_summary_by,
                (doc.file, *doc.locate(("next_summary_by",))),
                "next_summary_by",
                f"the next feedback summary was due by {latest.next_summary_by.isoformat()}:"
                " run 'make feedback' with the new exports",
            )
        )
    actions: feedback_schema.YouSaidWeDidFile | None = models.get(ACTIONS)
    if actions is not None:
        check_actions(docs[ACTIONS], actions, themes, summaries, given, problems)
    return FeedbackData(theme_list, summaries, actions)


def check_actions(
    doc: SourceDocument,
    actions: feedback_schema.YouSaidWeDidFile,
    themes: Mapping[str, feedback_schema.FeedbackTheme],
    summaries: list[feedback_schema.FeedbackSummary],
    given: FeatureInput,
    problems: list[Problem],
) -> None:
    where = (doc.file, *doc.locate(("review_by",)))
    given.dataset.reviews.append(
        Reviewed(
            "you_said_we_did",
            actions.owner,
            actions.review_by,
            where,
            "you_said_we_did[you_said_we_did].review_by",
        )
    )
    index_ids(Collection("actions", "actions", doc, list(actions.actions)), problems)
    quarters = {s.quarter for s in summaries}
    for i, action in enumerate(actions.actions):
        unknown_id(
            doc,
            ("actions", i, "theme"),
            action.theme,
            themes,
            given.display(THEMES),
            problems,
        )
        if action.quarter is not None and action.quarter not in quarters:
            # A warning, not an error: the action may come before its summary is published
            # (and 'make feedback' must still run to publish it).
            line, col = doc.locate(("actions", i, "quarter"))
            problems.append(
                Problem(
                    doc.file,
                    line,
                    col,
                    f"actions[{i}].quarter",
                    f"no summary for this quarter in data/{feedback_schema.FEEDBACK_DIR}/ yet"
                    f" (got {quote_value(action.quarter)})",
                    Severity.WARNING,
                )
            )
