"""From canonical feedback rows to one publishable summary per NHS financial quarter.

Nothing of a raw row reaches a summary except counts that have passed disclosure control
and quotes that were consented, passed the identifier check and wait for a person to approve
them. What is withheld, and why, goes into a private review report for the MNVP, kept next
to the raw export and never in the repository.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from lmo.features.feedback.approval import fingerprint
from lmo.features.feedback.comment_checks import CommentCheck, guess_language
from lmo.features.feedback.disclosure import Published, protect
from lmo.features.feedback.quarter_summary import (
    ApprovedQuote,
    Method,
    QuarterSummary,
    SettingSummary,
    ThemeSummary,
)
from lmo.features.feedback.read import Row
from lmo.features.feedback.report import Candidate, ReviewReport, Withheld
from lmo.features.feedback.schema import (
    MIN_PERCENT_BASE,
    RATING_KEYS,
    SMALL_COUNT,
    STAGE_KEYS,
    FeedbackTheme,
)
from lmo.features.feedback.tables import grid_cell, layout, stage_cell, theme_cell

QUOTES_PER_QUARTER = 12
# Shorter comments say little a reader can use ("All good"), and longer ones are more likely
# to carry a detail that identifies someone; both are left for the MNVP to quote by hand.
QUOTE_LENGTH = (25, 400)


@dataclass(frozen=True)
class Quarter:
    """An NHS financial-year quarter: Q1 is April to June."""

    id: str
    start: dt.date
    end: dt.date

    @classmethod
    def of(cls, day: dt.date) -> Quarter:
        year = day.year if day.month >= 4 else day.year - 1
        number = (day.month - 4) % 12 // 3 + 1
        start_month = 4 + (number - 1) * 3
        start = dt.date(year + (start_month > 12), (start_month - 1) % 12 + 1, 1)
        end_month = start.month + 2
        after = dt.date(start.year + (end_month == 12), end_month % 12 + 1, 1)
        return cls(f"{year}-{(year + 1) % 100:02d}-q{number}", start, after - dt.timedelta(days=1))


def _percent_base_ok(rows: int) -> bool:
    return rows >= MIN_PERCENT_BASE


def summarise_quarter(
    quarter: Quarter,
    rows: Sequence[Row],
    *,
    themes: Sequence[FeedbackTheme],
    setting_names: Mapping[str, str],
    mnvps: Sequence[str],
    today: dt.date,
    checks: Mapping[str, CommentCheck],
    previous: Mapping[str, Any] | None,
    report: ReviewReport,
) -> QuarterSummary:
    """What the summary file of one quarter publishes (see QuarterSummary.plain())."""
    settings = sorted({r.setting for r in rows}, key=lambda s: (s == "other", s))
    raw, theme_figures = _raw_cells(rows, themes, checks)
    figures, shares = layout(settings, theme_figures)
    base = Counter(row.setting for row in rows)
    eligible = [
        s
        for s in shares
        if _percent_base_ok(
            len(rows) if s.name == "percent_positive" else base[_setting_of(s.name)]
        )
    ]
    every_cell = {cell: raw[cell] for figure in figures for cell in figure.cells}
    published = protect(every_cell, figures, eligible)
    counts = _Publication(published)
    return QuarterSummary(
        quarter=quarter.id,
        period_start=quarter.start,
        period_end=quarter.end,
        mnvps=tuple(mnvps),
        prepared_on=today,
        # A quarter's summary is due within a quarter of its end: after that, the site says
        # the latest summary is overdue.
        next_summary_by=quarter.end + dt.timedelta(days=184),
        responses=counts.count("responses"),
        percent_positive=counts.percent("percent_positive"),
        by_rating={r: counts.count(f"by_rating.{r}") for r in RATING_KEYS},
        by_stage={s: counts.count(f"by_stage.{s}") for s in STAGE_KEYS},
        by_setting=tuple(
            SettingSummary(
                setting=s,
                responses=counts.count(f"by_setting[{s}].responses"),
                ratings={r: counts.count(f"by_setting[{s}].ratings.{r}") for r in RATING_KEYS},
                percent_positive=counts.percent(f"by_setting[{s}].percent_positive"),
            )
            for s in settings
        ),
        themes=_theme_summaries(themes, theme_figures, counts),
        quotes=_quotes(quarter, rows, checks, previous, report),
        declined_quotes=tuple((previous or {}).get("declined_quotes") or []),
        method=_method(rows, setting_names, previous),
    )


def _raw_cells(
    rows: Sequence[Row], themes: Sequence[FeedbackTheme], checks: Mapping[str, CommentCheck]
) -> tuple[Counter[str], list[tuple[str, str]]]:
    """The raw counts by cell (see tables), and the (theme, kind) counts that are not zero."""
    raw: Counter[str] = Counter()
    for row in rows:
        raw[grid_cell(row.setting, row.rating)] += 1
        raw[stage_cell(row.stage)] += 1
    coded: Counter[str] = Counter()
    suggested: Counter[str] = Counter()
    for row in rows:
        if row.themes:
            coded.update(set(row.themes))
        elif row.comment:
            suggested.update(checks[row.comment].themes)
    theme_figures: list[tuple[str, str]] = []
    for theme in themes:
        for kind, counts in (("coded", coded), ("suggested", suggested)):
            if counts[theme.id]:
                raw[theme_cell(kind, theme.id)] = counts[theme.id]
                theme_figures.append((theme.id, kind))
    return raw, theme_figures


@dataclass(frozen=True)
class _Publication:
    """What protect() decided, read by figure and share name."""

    published: Mapping[str, Published | None]

    def count(self, name: str) -> Published:
        value = self.published[name]
        assert value is not None, f"protect() publishes every figure, not {name}"
        return value

    def percent(self, name: str) -> int | None:
        value = self.published.get(name)
        assert value is None or isinstance(value, int), f"{name} is not a percentage"
        return value


def _theme_summaries(
    themes: Sequence[FeedbackTheme],
    theme_figures: Sequence[tuple[str, str]],
    counts: _Publication,
) -> tuple[ThemeSummary, ...]:
    """Each theme some response had, in the order of the themes file."""

    def count(theme: str, kind: str) -> Published | None:
        return counts.count(f"themes[{theme}].{kind}") if (theme, kind) in theme_figures else None

    found = {theme for theme, _ in theme_figures}
    return tuple(
        ThemeSummary(t.id, count(t.id, "coded"), count(t.id, "suggested"))
        for t in themes
        if t.id in found
    )


def _setting_of(share_name: str) -> str:
    return share_name.split("[", 1)[1].split("]", 1)[0]


def _quotes(
    quarter: Quarter,
    rows: Sequence[Row],
    checks: Mapping[str, CommentCheck],
    previous: Mapping[str, Any] | None,
    report: ReviewReport,
) -> tuple[ApprovedQuote, ...]:
    """The approved quotes that the export still backs. Candidates go to the private report
    only: the summary file is public from the moment it is in a pull request."""
    approved = {q["fingerprint"]: q for q in (previous or {}).get("quotes") or []}
    # Turned down by the approver: never offered again.
    seen: set[str] = set((previous or {}).get("declined_quotes") or [])
    kept: dict[str, Row] = {}
    candidates: list[tuple[Row, str]] = []
    for row in rows:
        text = row.comment
        if not text:
            continue
        # Every comment is checked, consented or not, so the MNVP learns which questions
        # draw identifying details and can reword them.
        findings = list(checks[text].findings)
        if findings:
            report.withheld.append(Withheld(row.where, quarter.id, text, findings, row.consent))
            continue
        if not row.consent:
            continue
        mark = fingerprint(text)
        if mark in approved:
            kept.setdefault(mark, row)
            continue
        if mark in seen or not (QUOTE_LENGTH[0] <= len(text) <= QUOTE_LENGTH[1]):
            continue
        seen.add(mark)
        candidates.append((row, mark))
    report.candidates[quarter.id] = len(candidates)
    report.kept[quarter.id] = len(kept)
    report.dropped += [(quarter.id, mark) for mark in sorted(set(approved) - set(kept))]
    _offer(quarter, candidates, QUOTES_PER_QUARTER - len(kept), report)
    ordered = sorted(kept.items(), key=lambda c: (STAGE_KEYS.index(c[1].stage), c[0]))
    return tuple(_approved(approved[mark], mark, row) for mark, row in ordered)


def _approved(before: Mapping[str, Any], mark: str, row: Row) -> ApprovedQuote:
    """A quote as approved in the previous file, with the words the export backs."""
    return ApprovedQuote(
        text=row.comment,
        fingerprint=mark,
        language=before.get("language", guess_language(row.comment)),
        stage=row.stage,
        approved_by=str(before["approved_by"]),
        # The schema has checked it: a YAML date, or a string written year-month-day.
        approved_on=dt.date.fromisoformat(str(before["approved_on"])),
    )


def _offer(
    quarter: Quarter, candidates: list[tuple[Row, str]], room: int, report: ReviewReport
) -> None:
    """A spread across stages and answers, in a stable order (by fingerprint), so the
    approver sees a fair sample, not the first rows."""
    groups: dict[tuple[str, str], list[tuple[Row, str]]] = defaultdict(list)
    for candidate in sorted(candidates, key=lambda c: c[1]):
        groups[(candidate[0].stage, candidate[0].rating)].append(candidate)
    order = sorted(groups)
    chosen: list[tuple[Row, str]] = []
    while len(chosen) < room and any(groups.values()):
        for key in order:
            if groups[key] and len(chosen) < room:
                chosen.append(groups[key].pop(0))
    for row, mark in sorted(chosen, key=lambda c: (STAGE_KEYS.index(c[0].stage), c[1])):
        report.offered.append(
            Candidate(
                row.where, quarter.id, row.comment, mark, guess_language(row.comment), row.stage
            )
        )


def _method(
    rows: Sequence[Row],
    setting_names: Mapping[str, str],
    previous: Mapping[str, Any] | None,
) -> Method:
    before = (previous or {}).get("method") or {}
    # Channels the MNVP added by hand (a listening event, say) stay after a re-run.
    channels = list(before.get("channels") or [])
    channels += sorted({row.channel for row in rows} - set(channels))
    not_heard = before.get("not_heard") or _not_heard(rows, setting_names)
    return Method(tuple(channels), not_heard, before.get("notes") or None)


def _not_heard(rows: Sequence[Row], setting_names: Mapping[str, str]) -> str:
    """Who was not heard, in the words a first summary starts from."""
    per_setting = Counter(row.setting for row in rows)
    per_stage = Counter(row.stage for row in rows)
    few = [
        name
        for sid, name in sorted(setting_names.items(), key=lambda kv: kv[1])
        if per_setting[sid] < SMALL_COUNT
    ]
    few_stages = [s for s in STAGE_KEYS if s != "other" and per_stage[s] < SMALL_COUNT]
    parts = []
    if few:
        parts.append(f"Fewer than {SMALL_COUNT} responses were about: {'; '.join(few)}.")
    if few_stages:
        parts.append(f"Fewer than {SMALL_COUNT} responses were about {', '.join(few_stages)} care.")
    parts.append(
        "The survey was online: women without internet access, or who do not read the"
        " languages it was offered in, were less likely to answer."
    )
    return " ".join(parts)


def group_by_quarter(rows: Iterable[Row]) -> dict[Quarter, list[Row]]:
    grouped: dict[Quarter, list[Row]] = defaultdict(list)
    for row in rows:
        grouped[Quarter.of(row.submitted)].append(row)
    return dict(sorted(grouped.items(), key=lambda kv: kv[0].start))
