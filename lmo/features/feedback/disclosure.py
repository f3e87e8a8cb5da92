"""Statistical disclosure control for published counts: "fewer than 5" and what it takes to keep it.

A published table is a list of *figures*, each the sum of some raw cells (a cell, a row total, a
column total, the grand total), and optionally some *shares* (whole-number percentages). A count
from 1 to 4 is published as "fewer than 5" (primary suppression). A reader can often work such a
count out from the numbers around it, so other counts are hidden as "not shown" (secondary
suppression) until no small count can be narrowed any further.

The reader we protect against knows every published figure, how the figures add up, and the
rules of this module:

- an exact figure is exactly that;
- "fewer than 5" means 1 to 4 (a zero is always published as 0);
- "not shown" means 5 or more: only counts of 5 or more are ever hidden, so a reader who sees
  "not shown" knows the count is not small, or it would say "fewer than 5";
- a share of p% means the numerator is between p - 0.5 and p + 0.5 per cent of the denominator.

The audit asks linear programmes (HiGHS, through scipy) for the smallest and largest value each
"fewer than 5" figure can take under those facts. A figure passes when its range is as wide as it
would be if every figure that may be hidden were hidden (usually the full 1 to 4), and that range
holds at least two whole numbers. The comparison with "everything hidden" is deliberate: with two
categories of 1 and 1 and a total of "fewer than 5", each category is at most 3 whatever else is
published, and no hiding can change that, so demanding the full 1 to 4 would refuse every such
table; anything the other published numbers give away beyond that is a disclosure.

The audit needs only what is published (and which figures may be hidden), so the site build
re-runs it on the summary file: a hand edit that puts a hidden number back is refused.

The ranges are those of the linear relaxation. For one-way and two-way tables with their margins
the constraints are totally unimodular, so the relaxation gives the same range as whole numbers
would (the tests enumerate every possible table for small cases to check it). For other shapes,
and with shares, the relaxation can allow a fractional table where no whole-number table exists,
so the audit may pass a publication that an exhaustive search would narrow a little further.

What a caller must know:

- Protect together everything published from the same responses: tables that share cells (by
  setting and overall, a quarter and the year to date) go into one call as one list of figures,
  because two tables protected apart can give a count away by subtraction.
- protect() raises DisclosureError when no hiding can save a small count (four categories of 1
  under a total of "fewer than 5"); the build should fail and the table be merged or widened.
- The reader modelled knows the rules above but not how secondary figures are chosen; someone
  who also knows that the cheapest figure is usually hidden could guess a little more.
- protect() solves about one small programme per small figure; a 20 x 6 table with 40 small
  counts takes a few tenths of a second, a 4 x 6 one a few hundredths.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

import numpy as np

# Defined with the summary file's schema, which checks the same values; imported in this
# direction so the schema does not load numpy.
from lmo.features.feedback.schema import FEWER_THAN_5, NOT_SHOWN, SMALL_COUNT

Published = int | str
"""What is published for a figure: an exact count, FEWER_THAN_5 or NOT_SHOWN."""

# Solver answers are accurate to far better than this, and every true bound is a whole number
# (or, with a share over an unknown denominator, a fraction with a small denominator), so the
# margin can only absorb rounding noise, never a real step.
_TOLERANCE = 1e-4

_LOW, _HIGH = +1, -1
"""Sides of a range, as the sign of the objective that pushes a figure towards that side."""


class DisclosureError(ValueError):
    """No publication of this table keeps every small count safe.

    `names` are the "fewer than 5" figures a reader could work out even with every figure that
    may be hidden hidden. Fail loudly: merge categories or publish a longer period instead.
    """

    def __init__(self, names: Sequence[str], message: str) -> None:
        super().__init__(message)
        self.names = list(names)


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


# What a reader knows, as a linear programme ------------------------------------------------------


class _Inconsistent(Exception):
    """No table fits the published figures: a total does not equal the sum of its parts."""


class _View:
    """Bounds lo <= row . cells <= hi that a reader knows, with cells >= 0."""

    def __init__(self, rows: np.ndarray, lo: np.ndarray, hi: np.ndarray) -> None:
        self.rows, self.lo, self.hi = rows, lo, hi

    def changed(self, bounds: Mapping[int, tuple[float, float]]) -> _View:
        lo, hi = self.lo.copy(), self.hi.copy()
        for index, (low, high) in bounds.items():
            lo[index], hi[index] = low, high
        return _View(self.rows, lo, hi)

    def plus(self, rows: np.ndarray, lo: np.ndarray, hi: np.ndarray) -> _View:
        return _View(
            np.vstack([self.rows, rows]),
            np.concatenate([self.lo, lo]),
            np.concatenate([self.hi, hi]),
        )

    def fits(self, cells: np.ndarray) -> bool:
        values = self.rows @ cells
        return bool(
            np.all(cells >= -_TOLERANCE)
            and np.all(values >= self.lo - _TOLERANCE)
            and np.all(values <= self.hi + _TOLERANCE)
        )

    def solve(self, objective: np.ndarray) -> np.ndarray | None:
        """An optimal table (its cells), or None when no table fits."""
        return _solve(objective, self.rows, self.lo, self.hi)

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
                raise _Inconsistent
            values = self.rows @ cells
            reached = [i for i in pending if side * (values[i] - pending[i]) <= _TOLERANCE]
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


def _solve(
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
    if np.any(cells < -_TOLERANCE):
        return None
    free = ~fixed
    known = rows[:, fixed] @ cells[fixed]
    part = rows[:, free]
    active = np.any(part != 0, axis=1)
    settled = ~active
    if np.any(known[settled] < lo[settled] - _TOLERANCE) or np.any(
        known[settled] > hi[settled] + _TOLERANCE
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


def _bounds(value: Published) -> tuple[float, float]:
    if isinstance(value, int) and not isinstance(value, bool):
        return float(value), float(value)
    if value == FEWER_THAN_5:
        return 1.0, float(SMALL_COUNT - 1)
    if value == NOT_SHOWN:
        return float(SMALL_COUNT), math.inf
    raise ValueError(f"not a count, {FEWER_THAN_5!r} or {NOT_SHOWN!r}: {value!r}")


def _is_count(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


class _Table:
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

    def view(self, published: Sequence[Published]) -> _View:
        pairs = [_bounds(value) for value in published]
        lo = np.array([pair[0] for pair in pairs])
        hi = np.array([pair[1] for pair in pairs])
        return _View(self.rows, lo, hi)

    def hideable(self, published: Sequence[Published]) -> list[int]:
        """Figures published exactly that may still be hidden: 5 or more, and hideable."""
        return [
            index
            for index, (figure, value) in enumerate(zip(self.figures, published, strict=True))
            if figure.may_hide and _is_count(value) and int(value) >= SMALL_COUNT
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
            if figure.cells == cells and _is_count(value):
                return int(value)
        return None


@dataclass
class _Safe:
    """The whole-number range each small figure must keep: its range with everything hidden."""

    low: dict[int, int]
    high: dict[int, int]

    def target(self, index: int, side: int) -> int:
        return self.low[index] if side == _LOW else self.high[index]

    def determined(self) -> list[int]:
        return [index for index in self.low if self.high[index] <= self.low[index]]


def _safe_ranges(table: _Table, view: _View, hideable: Sequence[int], small: list[int]) -> _Safe:
    relaxed = view.changed(dict.fromkeys(hideable, (float(SMALL_COUNT), math.inf)))
    low_short, _ = relaxed.push(dict.fromkeys(small, 1.0), _LOW)
    high_short, _ = relaxed.push(dict.fromkeys(small, float(SMALL_COUNT - 1)), _HIGH)
    low = {i: math.ceil(low_short[i] - _TOLERANCE) if i in low_short else 1 for i in small}
    high = {
        i: math.floor(high_short[i] + _TOLERANCE) if i in high_short else SMALL_COUNT - 1
        for i in small
    }
    return _Safe(low, high)


# The audit ---------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Narrowed:
    """A "fewer than 5" figure a reader can narrow: the range they can work out, and the range
    it would keep with everything hideable hidden (at best 1 to 4)."""

    name: str
    low: float
    high: float
    safe_low: int
    safe_high: int

    def __str__(self) -> str:
        low, high = math.ceil(self.low - _TOLERANCE), math.floor(self.high + _TOLERANCE)
        found = f"exactly {low}" if low >= high else f"between {low} and {high}"
        return (
            f"{self.name}: published as {FEWER_THAN_5!r}, but a reader can work out from the "
            f"other published figures that it is {found}"
        )


def audit(
    figures: Sequence[Figure],
    published: Mapping[str, Published | None],
    shares: Sequence[Share] = (),
) -> list[str]:
    """Names of "fewer than 5" figures a reader can narrow using only what is published.

    `published` is what protect() returns (or the summary file): a value for every figure and,
    for each share, its percentage or None when not shown. See narrowed() for the details.
    """
    return [finding.name for finding in narrowed(figures, published, shares)]


def narrowed(
    figures: Sequence[Figure],
    published: Mapping[str, Published | None],
    shares: Sequence[Share] = (),
) -> list[Narrowed]:
    """The "fewer than 5" figures a reader can narrow, with the range they can work out.

    Raises ValueError when a figure is missing or not a count, FEWER_THAN_5 or NOT_SHOWN, when a
    share is not a whole number, and when no table fits the published figures at all (a total
    that does not add up). A figure published as a count from 1 to 4 is taken at its word here:
    the summary file's schema refuses it (lmo.data.schema.Count).
    """
    table = _Table(figures, shares)
    values = _figure_values(figures, published)
    view = table.view(values)
    small = [index for index, value in enumerate(values) if value == FEWER_THAN_5]
    try:
        safe = _safe_ranges(table, view, table.hideable(values), small)
        for item in shares:
            value = published.get(item.name)
            if value is None:
                continue
            if not _is_count(value) or not 0 <= int(value) <= 100:
                raise ValueError(f"share {item.name!r} is not a whole percentage: {value!r}")
            view = view.plus(*table.share_rows(item, int(value), values))
        if not small and view.solve(np.zeros(len(table.cells))) is None:
            raise _Inconsistent
        lows, _ = view.push({index: float(safe.low[index]) for index in small}, _LOW)
        highs, _ = view.push({index: float(safe.high[index]) for index in small}, _HIGH)
    except _Inconsistent:
        raise ValueError("no table fits the published figures: a total does not add up") from None
    flagged = sorted(set(lows) | set(highs) | set(safe.determined()))
    return [
        Narrowed(
            figures[index].name,
            lows.get(index, float(safe.low[index])),
            highs.get(index, float(safe.high[index])),
            safe.low[index],
            safe.high[index],
        )
        for index in flagged
    ]


def _figure_values(
    figures: Sequence[Figure], published: Mapping[str, Published | None]
) -> list[Published]:
    missing = [figure.name for figure in figures if published.get(figure.name) is None]
    if missing:
        raise ValueError(f"figures missing from the publication: {missing}")
    values: list[Published] = []
    for figure in figures:
        value = published[figure.name]
        assert value is not None
        _bounds(value)
        values.append(value)
    return values


# Protection --------------------------------------------------------------------------------------


def protect(
    raw: Mapping[str, int],
    figures: Sequence[Figure],
    shares: Sequence[Share] = (),
) -> dict[str, Published | None]:
    """What to publish for each figure (a count, FEWER_THAN_5 or NOT_SHOWN) and share (a whole
    percentage, or None when it is not shown).

    1. Every figure from 1 to 4 becomes FEWER_THAN_5 (primary suppression).
    2. Secondary suppression, for each small figure in order: find the ends of its safe range
       (its range with everything hideable hidden, usually 1 and 4) that no table fitting the
       publication reaches yet. One linear programme finds the cheapest way to take the figure
       to those ends by changing only figures that are hidden or could be (exact, 5 or more,
       may_hide), each costing its count times how far it moves; the figures it moves are
       hidden, except any that turn out not to be needed (tried largest first). Hiding only
       widens what a reader must allow for, so a figure once settled stays settled: there is
       one step per small figure, and no search that could fail to end.
    3. Each share in order is published only if its denominator is an exactly published figure
       and every small figure keeps its safe range with the share added; otherwise None.

    Raises DisclosureError, before hiding anything, when some small figure would be worked out
    even with everything hideable hidden (four categories of 1 under a total of "fewer than 5",
    or 1 and 5 under an always-published total of 6). Raises ValueError for a missing cell or a
    count that is not a whole number of at least 0.
    """
    table = _Table(figures, shares)
    counts = _cell_counts(raw, table.cells)
    values = [int(sum(counts[c] for c in figure.cells)) for figure in figures]
    published: list[Published] = [FEWER_THAN_5 if 0 < v < SMALL_COUNT else v for v in values]
    view = table.view(published)
    small = [index for index, value in enumerate(published) if value == FEWER_THAN_5]
    safe = _safe_ranges(table, view, table.hideable(published), small)
    determined = safe.determined()
    if determined:
        names = [figures[index].name for index in determined]
        raise DisclosureError(
            names,
            "a reader could work out these counts even with every other count hidden: "
            f"{', '.join(names)}; merge categories or cover a longer period",
        )

    # A witness is a table that fits the publication with a small figure at one end of its safe
    # range: proof that the end is still open. Hiding more never spoils one, so each end is
    # solved for at most once; a share can spoil one, and then only that end is solved again.
    truth = np.array([float(counts[cell]) for cell in table.cells])
    witnesses: dict[tuple[int, int], np.ndarray] = {}
    for index in small:
        for side in (_LOW, _HIGH):
            if values[index] == safe.target(index, side):
                witnesses[index, side] = truth
    for index in small:
        ends = [
            safe.target(index, side) for side in (_LOW, _HIGH) if (index, side) not in witnesses
        ]
        if not ends:
            continue
        hidden, found = _hide_for(table, view, published, values, index, ends)
        for figure in hidden:
            published[figure] = NOT_SHOWN
        view = table.view(published)
        # A table that shows one end of this figure's range may show ends of others' too.
        for witness in found:
            reached = table.rows @ witness
            for other in small:
                for side in (_LOW, _HIGH):
                    if side * (reached[other] - safe.target(other, side)) <= _TOLERANCE:
                        witnesses.setdefault((other, side), witness)
    if not _keeps_ranges(view, witnesses, safe):
        raise RuntimeError("secondary suppression left a small figure narrowed (a bug)")

    result: dict[str, Published | None] = {
        figure.name: value for figure, value in zip(figures, published, strict=True)
    }
    for item in shares:
        result[item.name] = None
        denominator = table.exact_value(item.denominator, published)
        if not denominator:
            continue
        value = percent(sum(counts[cell] for cell in item.numerator), denominator)
        extra = table.share_rows(item, value, published)
        widened = view.plus(*extra)
        if _keeps_ranges(widened, witnesses, safe):
            view = widened
            result[item.name] = value
    return result


def _cell_counts(raw: Mapping[str, int], cells: Sequence[str]) -> dict[str, int]:
    missing = [cell for cell in cells if cell not in raw]
    if missing:
        raise ValueError(f"no count for cells: {missing}")
    bad = {cell: raw[cell] for cell in cells if not _is_count(raw[cell]) or raw[cell] < 0}
    if bad:
        raise ValueError(f"counts must be whole numbers of at least 0: {bad}")
    return {cell: int(raw[cell]) for cell in cells}


def _hide_for(
    table: _Table,
    view: _View,
    published: Sequence[Published],
    values: Sequence[int],
    index: int,
    ends: Sequence[int],
) -> tuple[list[int], list[np.ndarray]]:
    """Figures to hide, costing as few counts as possible, so that figure `index` can reach
    each of `ends`; and for each end a table that fits the publication with them hidden.

    One programme covers both ends, so that the figures hidden for one end serve the other:
    with 2, 6, 9 and 20 under a total of 37, reaching 1 alone would hide the 6, and reaching 4
    would then hide the 9 as well; together they hide only the 9.
    """
    candidates = table.hideable(published)
    relaxed = view.changed(dict.fromkeys(candidates, (float(SMALL_COUNT), math.inf)))
    size, count, copies = len(table.cells), len(candidates), len(ends)
    # Variables: one copy of the cells per end, then one slack per candidate bounding how far
    # it moves in any copy; the cost of a candidate is its count times that slack.
    moves = table.rows[candidates]
    now = np.array([float(values[c]) for c in candidates])
    blocks, lo, hi = [], [], []
    for copy, end in enumerate(ends):
        goal = relaxed.changed({index: (float(end), float(end))})
        left = np.zeros((goal.rows.shape[0] + 2 * count, size * copies))
        left[: goal.rows.shape[0], copy * size : (copy + 1) * size] = goal.rows
        left[goal.rows.shape[0] :, copy * size : (copy + 1) * size] = np.vstack([moves, -moves])
        right = np.vstack(
            [np.zeros((goal.rows.shape[0], count)), -np.identity(count), -np.identity(count)]
        )
        blocks.append(np.hstack([left, right]))
        lo.append(np.concatenate([goal.lo, np.full(2 * count, -np.inf)]))
        hi.append(np.concatenate([goal.hi, now, -now]))
    objective = np.concatenate([np.zeros(size * copies), now])
    solution = _solve(objective, np.vstack(blocks), np.concatenate(lo), np.concatenate(hi))
    if solution is None:
        raise RuntimeError(f"no way to protect {table.figures[index].name}: safe range is wrong")
    found = [solution[copy * size : (copy + 1) * size] for copy in range(copies)]
    moved = np.max([np.abs(moves @ cells - now) for cells in found], axis=0)
    chosen = [c for c, move in zip(candidates, moved, strict=True) if move > _TOLERANCE]
    # The programme weighs how far each figure moves, not just whether it does, so it may move
    # two figures a little where moving one further would hide less: drop what is not needed.
    # A figure moved alone is needed, or moving nothing would have cost less.
    for figure in sorted(chosen, key=lambda c: -values[c]):
        if len(chosen) == 1:
            break
        rest = [c for c in chosen if c != figure]
        trial = view.changed(dict.fromkeys(rest, (float(SMALL_COUNT), math.inf)))
        tables = []
        for end in ends:
            cells = trial.changed({index: (float(end), float(end))}).solve(np.zeros(size))
            if cells is None:
                break
            tables.append(cells)
        else:
            chosen, found = rest, tables
    return chosen, found


def _keeps_ranges(view: _View, witnesses: dict[tuple[int, int], np.ndarray], safe: _Safe) -> bool:
    """Whether every small figure still reaches both ends of its safe range in `view`; if so,
    record new witness tables for those whose old witness no longer fits."""
    found: dict[tuple[int, int], np.ndarray] = {}
    for side in (_LOW, _HIGH):
        targets = {
            index: float(safe.target(index, side))
            for index in safe.low
            if not view.fits(witnesses[index, side])
        }
        if not targets:
            continue
        try:
            short, reached = view.push(targets, side, first_only=True)
        except _Inconsistent:
            return False
        if short:
            return False
        found.update({(index, side): cells for index, cells in reached.items()})
    witnesses.update(found)
    return True
