"""Review dates: a warning for each date that has passed (the site flags those facts too),
and the list of what falls due soon, by owner, for ``make review-report``."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict

from lmo.core.problems import Problem, Severity
from lmo.data.dataset import DataSet, Reviewed

WINDOW_DAYS = 30


def overdue_message(reviewed: Reviewed) -> str:
    return reviewed.overdue or (
        f"review date {reviewed.review_by.isoformat()} has passed: check the facts with the"
        " owner, then update 'last_reviewed' and 'review_by'"
    )


def review_problems(ds: DataSet, today: dt.date) -> list[Problem]:
    """A warning for everything whose review date has passed."""
    return [
        Problem(*item.where, item.path, overdue_message(item), Severity.WARNING)
        for item in ds.reviews
        if item.review_by < today
    ]


def due_for_review(
    ds: DataSet, today: dt.date, days: int = WINDOW_DAYS
) -> dict[str, list[tuple[dt.date, str, str]]]:
    """owner -> [(review_by, what, where)] for what is due within ``days`` or overdue."""
    horizon = today + dt.timedelta(days=days)
    due: dict[str, list[tuple[dt.date, str, str]]] = defaultdict(list)
    for item in ds.reviews:
        if item.owner is not None and item.review_by <= horizon:
            file, line, _ = item.where
            due[item.owner].append((item.review_by, item.what, f"{file}:{line}"))
    return {owner: sorted(items) for owner, items in sorted(due.items())}


def report(ds: DataSet, today: dt.date, days: int = WINDOW_DAYS) -> str:
    due = due_for_review(ds, today, days)
    if not due:
        return f"Nothing is due for review in the next {days} days (from {today.isoformat()})."
    lines = [f"Due for review by {(today + dt.timedelta(days=days)).isoformat()}, by owner:"]
    for owner, items in due.items():
        lines.append("")
        lines.append(f"{owner} ({len(items)})")
        for review_by, what, where in items:
            state = "OVERDUE" if review_by < today else "due"
            lines.append(f"  {review_by.isoformat()}  {state:<7} {what}  ({where})")
    return "\n".join(lines)
