"""From canonical feedback rows to one publishable summary per NHS financial quarter.

Nothing of a raw row reaches a summary except counts that have passed disclosure control
and quotes that were consented, passed the identifier check and wait for a person to approve
them. What is withheld, and why, goes into a private review report for the MNVP, kept next
to the raw export and never in the repository.
"""

from __future__ import annotations

import datetime as dt
import os
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from typing import Any

from lmo.features.feedback.approval import fingerprint
from lmo.features.feedback.disclosure import protect
from lmo.features.feedback.identifiers import Finding, find_identifiers
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
# Longer than any comment a person types into a survey box: a pasted document, or a test of
# the tool. It is withheld unread rather than run through every pattern.
MAX_CHECKED_LENGTH = 20_000


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


_SCRIPTS = [
    ("ur", re.compile(r"[\u0600-\u06ff]")),
    ("pl", re.compile(r"[łŁśŚźŹżŻćĆńŃ]")),
    ("ro", re.compile(r"[ăĂșȘțȚşŞţŢâÂîÎ]")),
    ("lt", re.compile(r"[ėĖįĮųŲūŪčČšŠžŽ]")),
]


def guess_language(text: str) -> str:
    """The quote's language from letters only that language uses: a guess the approver
    checks (the summary file shows it), so screen readers pronounce the quote correctly."""
    for lang, letters in _SCRIPTS:
        if letters.search(text):
            return lang
    return "en"


@dataclass(frozen=True)
class ThemeMatcher:
    """A theme's keywords: single words as a set, phrases as padded word sequences."""

    theme: str
    words: frozenset[str]
    phrases: tuple[str, ...]

    def matches(self, padded: str, words: set[str]) -> bool:
        if not self.words.isdisjoint(words):
            return True
        return any(phrase in padded for phrase in self.phrases)


_NON_WORD = re.compile(r"\W+")


def _padded(text: str) -> str:
    """Lower case, every run of non-word characters one space, padded: " a b c "."""
    return f" {_NON_WORD.sub(' ', text.casefold()).strip()} "


def theme_matchers(themes: Sequence[FeedbackTheme]) -> list[ThemeMatcher]:
    matchers = []
    for theme in themes:
        normalised = [_padded(k) for k in theme.keywords]
        single = frozenset(k.strip() for k in normalised if " " not in k.strip())
        phrases = tuple(k for k in normalised if " " in k.strip())
        matchers.append(ThemeMatcher(theme.id, single, phrases))
    return matchers


def suggest_themes(comment: str, matchers: Sequence[ThemeMatcher]) -> list[str]:
    """Themes whose keywords appear as whole words. Set and substring tests on a normalised
    copy: a regular expression per keyword took minutes on 100,000 comments."""
    padded = _padded(comment)
    words = set(padded.split())
    return [m.theme for m in matchers if m.matches(padded, words)]


@dataclass(frozen=True)
class CommentCheck:
    findings: tuple[Finding, ...]
    themes: tuple[str, ...]


def _check_comments(
    texts: Sequence[str],
    staff_names: tuple[str, ...],
    matchers: Sequence[ThemeMatcher],
    places: frozenset[str],
) -> list[CommentCheck]:
    return [
        CommentCheck(_findings(t, staff_names, places), tuple(suggest_themes(t, matchers)))
        for t in texts
    ]


# An opening or closing tag, a comment or a doctype: "<3" and "a < b" are not markup.
_MARKUP = re.compile(r"<\s*/?\s*[A-Za-z!][^<>]*>?", re.IGNORECASE)


def _findings(
    text: str, staff_names: tuple[str, ...], places: frozenset[str]
) -> tuple[Finding, ...]:
    """What keeps a comment from being offered: identifiers, and what no one writes by hand
    in a survey box (markup, a pasted document), which an approver should never be asked
    to weigh."""
    if len(text) > MAX_CHECKED_LENGTH:
        return _too_long(text)
    found = list(find_identifiers(text, staff_names, places=places))
    markup = _MARKUP.search(text)
    if markup:
        reason = "HTML or script code, which is never quoted"
        found.append(Finding("markup", markup.group()[:60], reason))
    return tuple(found)


def _too_long(text: str) -> tuple[Finding, ...]:
    reason = (
        f"a comment of {len(text):,} characters, too long to check or to quote: read it in"
        " the export"
    )
    return (Finding("too_long", text[:40], reason),)


def check_comments(
    texts: Iterable[str],
    staff_names: Sequence[str],
    themes: Sequence[FeedbackTheme],
    places: frozenset[str] = frozenset(),
) -> dict[str, CommentCheck]:
    """The identifier check and theme suggestions for each distinct comment, keyed by the
    comment as given (a Row's comment, whitespace already collapsed). Large exports are
    shared across the machine's processors: the checks are independent per comment."""
    unique = sorted(set(texts) - {""})
    matchers = theme_matchers(themes)
    names = tuple(staff_names)
    workers = min(os.cpu_count() or 1, 8)
    if len(unique) < 5000 or workers < 2:
        return dict(zip(unique, _check_comments(unique, names, matchers, places), strict=True))
    size = -(-len(unique) // (workers * 4))
    chunks = [unique[i : i + size] for i in range(0, len(unique), size)]
    results: list[CommentCheck] = []
    with ProcessPoolExecutor(max_workers=workers) as pool:
        for part in pool.map(
            _check_comments,
            chunks,
            [names] * len(chunks),
            [matchers] * len(chunks),
            [places] * len(chunks),
        ):
            results.extend(part)
    return dict(zip(unique, results, strict=True))


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
) -> dict[str, Any]:
    """The summary file's content for one quarter (plain data, ready to write as YAML)."""
    settings = sorted({r.setting for r in rows}, key=lambda s: (s == "other", s))
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

    def count(name: str) -> Any:
        return published[name]

    summary: dict[str, Any] = {
        "quarter": quarter.id,
        "period_start": quarter.start.isoformat(),
        "period_end": quarter.end.isoformat(),
        "mnvps": list(mnvps),
        "prepared_on": today.isoformat(),
        # A quarter's summary is due within a quarter of its end: after that, the site says
        # the latest summary is overdue.
        "next_summary_by": (quarter.end + dt.timedelta(days=184)).isoformat(),
        "responses": count("responses"),
        "percent_positive": published.get("percent_positive"),
        "by_rating": {r: count(f"by_rating.{r}") for r in RATING_KEYS},
        "by_stage": {s: count(f"by_stage.{s}") for s in STAGE_KEYS},
        "by_setting": [
            {
                "setting": s,
                "responses": count(f"by_setting[{s}].responses"),
                "ratings": {r: count(f"by_setting[{s}].ratings.{r}") for r in RATING_KEYS},
                "percent_positive": published.get(f"by_setting[{s}].percent_positive"),
            }
            for s in settings
        ],
        "themes": [
            {
                "theme": theme.id,
                **{
                    kind: count(f"themes[{theme.id}].{kind}")
                    for kind in ("coded", "suggested")
                    if (theme.id, kind) in theme_figures
                },
            }
            for theme in themes
            if any(t == theme.id for t, _ in theme_figures)
        ],
        "quotes": _quotes(quarter, rows, checks, previous, report),
        "declined_quotes": list((previous or {}).get("declined_quotes") or []),
        "method": _method(rows, settings, setting_names, previous),
    }
    return summary


def _setting_of(share_name: str) -> str:
    return share_name.split("[", 1)[1].split("]", 1)[0]


def _quotes(
    quarter: Quarter,
    rows: Sequence[Row],
    checks: Mapping[str, CommentCheck],
    previous: Mapping[str, Any] | None,
    report: ReviewReport,
) -> list[dict[str, Any]]:
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
    quotes = []
    for mark, row in sorted(kept.items(), key=lambda c: (STAGE_KEYS.index(c[1].stage), c[0])):
        before = approved[mark]
        quotes.append(
            {
                "text": row.comment,
                "fingerprint": mark,
                "language": before.get("language", guess_language(row.comment)),
                "stage": row.stage,
                "approved_by": str(before["approved_by"]),
                "approved_on": str(before["approved_on"]),
            }
        )
    return quotes


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
    settings: Sequence[str],
    setting_names: Mapping[str, str],
    previous: Mapping[str, Any] | None,
) -> dict[str, Any]:
    before = (previous or {}).get("method") or {}
    # Channels the MNVP added by hand (a listening event, say) stay after a re-run.
    channels = list(before.get("channels") or [])
    channels += sorted({row.channel for row in rows} - set(channels))
    if before.get("not_heard"):
        not_heard = before["not_heard"]
    else:
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
            parts.append(
                f"Fewer than {SMALL_COUNT} responses were about {', '.join(few_stages)} care."
            )
        parts.append(
            "The survey was online: women without internet access, or who do not read the"
            " languages it was offered in, were less likely to answer."
        )
        not_heard = " ".join(parts)
    method: dict[str, Any] = {"channels": channels, "not_heard": not_heard}
    if before.get("notes"):
        method["notes"] = before["notes"]
    return method


def group_by_quarter(rows: Iterable[Row]) -> dict[Quarter, list[Row]]:
    grouped: dict[Quarter, list[Row]] = defaultdict(list)
    for row in rows:
        grouped[Quarter.of(row.submitted)].append(row)
    return dict(sorted(grouped.items(), key=lambda kv: kv[0].start))
