"""The figures and shares a table publishes, and the common shapes of table.

See lmo.features.feedback.disclosure for the rules they are protected and audited under.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

Published = int | str
"""What is published for a figure: an exact count, FEWER_THAN_5 or NOT_SHOWN."""


@dataclass(frozen=True)
class Figure:
    """A published count: the sum of some raw cells (a cell itself, a row total, a grand total).

    A figure with `may_hide=False` (the number of responses) is never hidden as "not shown"; it
    is still published as "fewer than 5" when it is from 1 to 4.
    """

    name: str
    cells: frozenset[str]
    may_hide: bool = True


@dataclass(frozen=True)
class Share:
    """A published percentage: 100 * sum(numerator cells) / sum(denominator cells), rounded.

    protect() publishes it only when its denominator is an exactly published figure.
    """

    name: str
    numerator: frozenset[str]
    denominator: frozenset[str]


def share(name: str, parts: Iterable[Figure], whole: Figure) -> Share:
    """The share of `whole` that is in `parts`, for example "good or very good" of all ratings."""
    numerator: frozenset[str] = frozenset().union(*(part.cells for part in parts))
    return Share(name, numerator, whole.cells)


def percent(numerator: int, denominator: int) -> int:
    """100 * numerator / denominator as a whole number, halves rounded up (67.5 -> 68)."""
    return (200 * numerator + denominator) // (2 * denominator)


# Figures for the common shapes -------------------------------------------------------------------


def list_cell(category: str, prefix: str = "") -> str:
    """The name of a category of a one-way table, both as a figure and as a raw cell."""
    return f"{prefix}{category}"


def list_figures(
    categories: Sequence[str], prefix: str = "", total: str = "total", total_may_hide: bool = False
) -> list[Figure]:
    """A one-way table: one figure per category, then their total.

    Names are `<prefix><category>` (also the raw cell names) and `<prefix><total>`. The total is
    the number of responses, never hidden unless `total_may_hide` (for a table that is only part
    of what is published, such as the answers to a follow-up question).
    """
    _check_labels("category", categories, total)
    cells = [list_cell(category, prefix) for category in categories]
    figures = [Figure(cell, frozenset({cell})) for cell in cells]
    figures.append(Figure(f"{prefix}{total}", frozenset(cells), may_hide=total_may_hide))
    return figures


def grid_cell(row: str, col: str, prefix: str = "") -> str:
    """The name of a cell of a two-way table, both as a figure and as a raw cell."""
    return f"{prefix}{row}.{col}"


def grid_figures(
    rows: Sequence[str],
    cols: Sequence[str],
    prefix: str = "",
    total: str = "total",
    total_may_hide: bool = False,
) -> list[Figure]:
    """A two-way table (for example settings x ratings) with row, column and grand totals.

    Names: cells `<prefix><row>.<col>` (also the raw cell names), row totals
    `<prefix><row>.<total>`, column totals `<prefix><total>.<col>` and the grand total
    `<prefix><total>`, which is never hidden unless `total_may_hide`.
    """
    _check_labels("row", rows, total)
    _check_labels("column", cols, total)
    figures = []
    for row in rows:
        for col in cols:
            cell = grid_cell(row, col, prefix)
            figures.append(Figure(cell, frozenset({cell})))
    for row in rows:
        cells = frozenset(grid_cell(row, col, prefix) for col in cols)
        figures.append(Figure(f"{prefix}{row}.{total}", cells))
    for col in cols:
        cells = frozenset(grid_cell(row, col, prefix) for row in rows)
        figures.append(Figure(f"{prefix}{total}.{col}", cells))
    every = frozenset(grid_cell(row, col, prefix) for row in rows for col in cols)
    figures.append(Figure(f"{prefix}{total}", every, may_hide=total_may_hide))
    return figures


def _check_labels(kind: str, labels: Sequence[str], total: str) -> None:
    if not labels:
        raise ValueError(f"a table needs at least one {kind}")
    if len(set(labels)) != len(labels):
        raise ValueError(f"{kind} labels repeat: {list(labels)}")
    if total in labels:
        raise ValueError(f"the {kind} label {total!r} clashes with the total; pass total='...'")
