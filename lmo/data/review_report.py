"""`make review-report`: what falls due for review soon, grouped by owner."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict

from lmo.data.validate import DataSet

WINDOW_DAYS = 30


def due_for_review(
    ds: DataSet, today: dt.date, days: int = WINDOW_DAYS
) -> dict[str, list[tuple[dt.date, str, str]]]:
    """owner -> [(review_by, what, where)] for records due within ``days`` or overdue."""
    horizon = today + dt.timedelta(days=days)
    due: dict[str, list[tuple[dt.date, str, str]]] = defaultdict(list)
    entries = [(f"{c}/{r.id}", r.owner, r.review_by) for c, r in ds.records()]
    entries.append(("lmns", ds.lmns.owner, ds.lmns.review_by))
    entries.append(("glossary", ds.glossary.owner, ds.glossary.review_by))
    entries += [(f"quality/{q.provider}", q.owner, q.review_by) for q in ds.quality.values()]
    for what, owner, review_by in entries:
        if review_by <= horizon:
            file, line, _ = ds.where.get((what.split("/")[0], what.split("/")[-1]), ("data", 0, 0))
            due[owner].append((review_by, what, f"{file}:{line}"))
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
