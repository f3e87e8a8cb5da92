"""What a reader knows from a publication, as a linear programme over the raw cells.

The reader and the rules are described in lmo.features.feedback.disclosure; this module
turns a publication into bounds on sums of cells and asks HiGHS how far a figure can move.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np

from lmo.features.feedback.disclosure_figures import Figure, Published, Share

# Defined with the summary file's schema, which checks the same values; imported in this
# direction so the schema does not load numpy.
from lmo.features.feedback.schema import FEWER_THAN_5, NOT_SHOWN, SMALL_COUNT

# Solver answers are accurate to far better than this, and every true bound is a whole number
# (or, with a share over an unknown denominator, a fraction with a small denominator), so the
# margin can only absorb rounding noise, never a real step.
TOLERANCE = 1e-4

LOW, HIGH = +1, -1
"""Sides of a range, as the sign of the objective that pushes a figure towards that side."""


class Inconsistent(Exception):
    """No table fits the published figures: a total does not equal the sum of its parts."""


class View:
    """Bounds lo <= row . cells <= hi that a reader knows, with cells >= 0."""

    def __init__(self, rows: np.ndarray, lo: np.ndarray, hi: np.ndarray) -> None:
        self.rows, self.lo, self.hi = rows, lo, hi

    def changed(self, bounds: Mapping[int, tuple[float, float]]) -> View:
        lo, hi = self.lo.copy(), self.hi.copy()
        for index, (low, high) in bounds.items():
            lo[index], hi[index] = low, high
        return View(self.rows, lo, hi)

    def plus(self, rows: np.ndarray, lo: np.ndarray, hi: np.ndarray) -> View:
        return View(
            np.vstack([self.rows, rows]),
            np.concatenate([self.lo, lo]),
            np.concatenate([self.hi, hi]),
        )

    def fits(self, cells: np.ndarray) -> bool:
        values = self.rows @ cells
        return bool(
            np.all(cells >= -TOLERANCE)
            and np.all(values >= self.lo - TOLERANCE)
            and np.all(values <= self.hi + TOLERANCE)
        )

    def solve(self, objective: np.ndarray) -> np.ndarray | None:
        """An optimal table (its cells), or None when no table fits."""
        return solve(objective, self.rows, self.lo, self.hi)

    def push(
        self, targets: Mapping[int, float], side: int, first_only: bool = False
    ) -> tuple[dict[int, float], dict[int, np.ndarray]]:
        """Which rows can reach their target on `side` (as low as it, or as high).

        Returns the rows that cannot, with the extreme they do reach, and a witness table for
        each row that can. One programme for all rows together settles most of them; once that
        stops helping, each remaining row gets its own. With `first_only`, stop at the first row
        that cannot.
        """
        pending = dict(targets)
        short: dict[int, float] = {}
        witnesses: dict[int, np.ndarray] = {}
        together = True
        while pending:
            chosen = list(pending) if together else [next(iter(pending))]
            objective = side * self.rows[chosen].sum(axis=0)
            cells = self.solve(objective)
            if cells is None:
                raise Inconsistent
            values = self.rows @ cells
            reached = [i for i in pending if side * (values[i] - pending[i]) <= TOLERANCE]
            for index in reached:
                witnesses[index] = cells
                del pending[index]
            if not together and chosen[0] in pending:
                short[chosen[0]] = float(values[chosen[0]])
                del pending[chosen[0]]
                if first_only:
                    break
            together = together and bool(reached)
        return short, witnesses


def solve(
    objective: np.ndarray, rows: np.ndarray, lo: np.ndarray, hi: np.ndarray
) -> np.ndarray | None:
    """Minimise objective . x subject to lo <= rows @ x <= hi and x >= 0; None if infeasible.

    HiGHS through scipy's milp with no whole-number variables, which is a plain linear
    programme: it takes two-sided bounds as they are, and its per-call overhead is about a third
    of linprog's. Cells published exactly are taken out first, which roughly halves what scipy
    has to convert; protect() solves a hundred or so of these programmes.
    """
    single = np.count_nonzero(rows, axis=1) == 1
    fixing = np.flatnonzero(single & (lo == hi))
    columns = np.argmax(rows[fixing] != 0, axis=1)
    cells = np.zeros(rows.shape[1])
    cells[columns] = lo[fixing] / rows[fixing, columns]
    fixed = np.zeros(rows.shape[1], dtype=bool)
    fixed[columns] = True
    if np.any(cells < -TOLERANCE):
        return None
    free = ~fixed
    known = rows[:, fixed] @ cells[fixed]
    part = rows[:, free]
    active = np.any(part != 0, axis=1)
    settled = ~active
    if np.any(known[settled] < lo[settled] - TOLERANCE) or np.any(
        known[settled] > hi[settled] + TOLERANCE
    ):
        return None
    if not free.any():
        return cells
    # Imported here: scipy.optimize takes most of a second to import, and a site build only
    # needs it when a summary file is new or changed (see lmo.features.feedback.validate).
    from scipy.optimize import Bounds, LinearConstraint, milp

    constraint = LinearConstraint(
        part[active], lo[active] - known[active], hi[active] - known[active]
    )
    result = milp(objective[free], constraints=constraint, bounds=Bounds(0, np.inf))
    if result.status == 2:
        return None
    if result.status != 0 or result.x is None:
        raise RuntimeError(f"the disclosure solver failed: {result.message}")
    cells[free] = result.x
    return cells


def _matrix(columns: Mapping[str, int], cell_sets: Sequence[frozenset[str]]) -> np.ndarray:
    """One row per set of cells, 1 in the columns of its cells. Dense: tables are small, and
    scipy's sparse indexing costs more here than the solver does."""
    matrix = np.zeros((len(cell_sets), len(columns)))
    for row, cells in enumerate(cell_sets):
        matrix[row, [columns[cell] for cell in cells]] = 1.0
    return matrix


def bounds(value: Published) -> tuple[float, float]:
    if isinstance(value, int) and not isinstance(value, bool):
        return float(value), float(value)
    if value == FEWER_THAN_5:
        return 1.0, float(SMALL_COUNT - 1)
    if value == NOT_SHOWN:
        return float(SMALL_COUNT), math.inf
    raise ValueError(f"not a count, {FEWER_THAN_5!r} or {NOT_SHOWN!r}: {value!r}")


def is_count(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


class Table:
    """The figures and shares of one publication, as rows over the raw cells."""

    def __init__(self, figures: Sequence[Figure], shares: Sequence[Share]) -> None:
        names = [figure.name for figure in figures] + [item.name for item in shares]
        repeated = sorted({name for name in names if names.count(name) > 1})
        if repeated:
            raise ValueError(f"names used twice among the figures and shares: {repeated}")
        empty = [figure.name for figure in figures if not figure.cells]
        empty += [item.name for item in shares if not item.numerator or not item.denominator]
        if empty:
            raise ValueError(f"figures or shares without cells: {empty}")
        partial = [item.name for item in shares if not item.numerator <= item.denominator]
        if partial:
            raise ValueError(f"shares whose numerator is not part of the denominator: {partial}")
        cells: set[str] = set()
        for figure in figures:
            cells |= figure.cells
        for item in shares:
            cells |= item.numerator | item.denominator
        self.cells = sorted(cells)
        self.columns = {cell: index for index, cell in enumerate(self.cells)}
        self.figures = list(figures)
        self.rows = _matrix(self.columns, [figure.cells for figure in figures])

    def view(self, published: Sequence[Published]) -> View:
        pairs = [bounds(value) for value in published]
        lo = np.array([pair[0] for pair in pairs])
        hi = np.array([pair[1] for pair in pairs])
        return View(self.rows, lo, hi)

    def hideable(self, published: Sequence[Published]) -> list[int]:
        """Figures published exactly that may still be hidden: 5 or more, and hideable."""
        return [
            index
            for index, (figure, value) in enumerate(zip(self.figures, published, strict=True))
            if figure.may_hide and is_count(value) and int(value) >= SMALL_COUNT
        ]

    def share_rows(
        self, item: Share, value: int, published: Sequence[Published]
    ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """The rows and bounds that a share of `value` per cent adds to what a reader knows."""
        numerator = _matrix(self.columns, [item.numerator])
        denominator = self.exact_value(item.denominator, published)
        if denominator is not None:
            # A known denominator makes the numerator a whole number in a known interval, which
            # is tighter than the two fractional inequalities and keeps the bounds whole.
            lo = -((-(2 * value - 1) * denominator) // 200)
            hi = ((2 * value + 1) * denominator) // 200
            return numerator, np.array([float(lo)]), np.array([float(hi)])
        whole = _matrix(self.columns, [item.denominator])
        rows = np.vstack(
            [100 * numerator - (value - 0.5) * whole, 100 * numerator - (value + 0.5) * whole]
        )
        return rows, np.array([0.0, -math.inf]), np.array([math.inf, 0.0])

    def exact_value(self, cells: frozenset[str], published: Sequence[Published]) -> int | None:
        for figure, value in zip(self.figures, published, strict=True):
            if figure.cells == cells and is_count(value):
                return int(value)
        return None


@dataclass
class Safe:
    """The whole-number range each small figure must keep: its range with everything hidden."""

    low: dict[int, int]
    high: dict[int, int]

    def target(self, index: int, side: int) -> int:
        return self.low[index] if side == LOW else self.high[index]

    def determined(self) -> list[int]:
        return [index for index in self.low if self.high[index] <= self.low[index]]


def safe_ranges(table: Table, view: View, hideable: Sequence[int], small: list[int]) -> Safe:
    relaxed = view.changed(dict.fromkeys(hideable, (float(SMALL_COUNT), math.inf)))
    low_short, _ = relaxed.push(dict.fromkeys(small, 1.0), LOW)
    high_short, _ = relaxed.push(dict.fromkeys(small, float(SMALL_COUNT - 1)), HIGH)
    low = {i: math.ceil(low_short[i] - TOLERANCE) if i in low_short else 1 for i in small}
    high = {
        i: math.floor(high_short[i] + TOLERANCE) if i in high_short else SMALL_COUNT - 1
        for i in small
    }
    return Safe(low, high)
