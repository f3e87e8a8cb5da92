"""Protection: what to publish for each figure so that no small count can be worked out.

The rules and the reader they protect against are described in
lmo.features.feedback.disclosure.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence

import numpy as np

from lmo.features.feedback.disclosure_figures import Figure, Published, Share, percent
from lmo.features.feedback.disclosure_reader import (
    HIGH,
    LOW,
    TOLERANCE,
    Inconsistent,
    Safe,
    Table,
    View,
    is_count,
    safe_ranges,
    solve,
)
from lmo.features.feedback.schema import FEWER_THAN_5, NOT_SHOWN, SMALL_COUNT


class DisclosureError(ValueError):
    """No publication of this table keeps every small count safe.

    `names` are the "fewer than 5" figures a reader could work out even with every figure that
    may be hidden hidden. Fail loudly: merge categories or publish a longer period instead.
    """

    def __init__(self, names: Sequence[str], message: str) -> None:
        super().__init__(message)
        self.names = list(names)


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
    table = Table(figures, shares)
    counts = _cell_counts(raw, table.cells)
    values = [int(sum(counts[c] for c in figure.cells)) for figure in figures]
    published: list[Published] = [FEWER_THAN_5 if 0 < v < SMALL_COUNT else v for v in values]
    small = [index for index, value in enumerate(published) if value == FEWER_THAN_5]
    safe = _safe_or_refuse(table, published, small)
    truth = np.array([float(counts[cell]) for cell in table.cells])
    view, witnesses = _hide_secondary(table, published, values, truth, small, safe)
    result: dict[str, Published | None] = {
        figure.name: value for figure, value in zip(figures, published, strict=True)
    }
    result.update(_shares_kept(table, shares, counts, published, view, witnesses, safe))
    return result


Witnesses = dict[tuple[int, int], np.ndarray]
"""A witness is a table that fits the publication with a small figure at one end of its safe
range (keyed by figure and side): proof that the end is still open."""


def _safe_or_refuse(table: Table, published: Sequence[Published], small: list[int]) -> Safe:
    """The safe ranges of the small figures; DisclosureError if any is a single number."""
    safe = safe_ranges(table, table.view(published), table.hideable(published), small)
    determined = safe.determined()
    if determined:
        names = [table.figures[index].name for index in determined]
        raise DisclosureError(
            names,
            "a reader could work out these counts even with every other count hidden: "
            f"{', '.join(names)}; merge categories or cover a longer period",
        )
    return safe


def _hide_secondary(
    table: Table,
    published: list[Published],
    values: Sequence[int],
    truth: np.ndarray,
    small: Sequence[int],
    safe: Safe,
) -> tuple[View, Witnesses]:
    """Secondary suppression: set to NOT_SHOWN, in `published`, what each small figure needs
    hidden to keep its safe range; the reader's view after it, and a witness for every end."""
    # Hiding more never spoils a witness, so each end is solved for at most once; a share can
    # spoil one, and then only that end is solved again.
    view = table.view(published)
    witnesses: Witnesses = {}
    for index in small:
        for side in (LOW, HIGH):
            if values[index] == safe.target(index, side):
                witnesses[index, side] = truth
    for index in small:
        ends = [safe.target(index, side) for side in (LOW, HIGH) if (index, side) not in witnesses]
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
                for side in (LOW, HIGH):
                    if side * (reached[other] - safe.target(other, side)) <= TOLERANCE:
                        witnesses.setdefault((other, side), witness)
    if not _keeps_ranges(view, witnesses, safe):
        raise RuntimeError("secondary suppression left a small figure narrowed (a bug)")
    return view, witnesses


def _shares_kept(
    table: Table,
    shares: Sequence[Share],
    counts: Mapping[str, int],
    published: Sequence[Published],
    view: View,
    witnesses: Witnesses,
    safe: Safe,
) -> dict[str, int | None]:
    """Each share's percentage, in order, or None when publishing it would narrow a small
    figure (or its denominator is not published exactly)."""
    result: dict[str, int | None] = {}
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
    bad = {cell: raw[cell] for cell in cells if not is_count(raw[cell]) or raw[cell] < 0}
    if bad:
        raise ValueError(f"counts must be whole numbers of at least 0: {bad}")
    return {cell: int(raw[cell]) for cell in cells}


def _hide_for(
    table: Table,
    view: View,
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
    solution = solve(objective, np.vstack(blocks), np.concatenate(lo), np.concatenate(hi))
    if solution is None:
        raise RuntimeError(f"no way to protect {table.figures[index].name}: safe range is wrong")
    found = [solution[copy * size : (copy + 1) * size] for copy in range(copies)]
    moved = np.max([np.abs(moves @ cells - now) for cells in found], axis=0)
    chosen = [c for c, move in zip(candidates, moved, strict=True) if move > TOLERANCE]
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


def _keeps_ranges(view: View, witnesses: Witnesses, safe: Safe) -> bool:
    """Whether every small figure still reaches both ends of its safe range in `view`; if so,
    record new witness tables for those whose old witness no longer fits."""
    found: dict[tuple[int, int], np.ndarray] = {}
    for side in (LOW, HIGH):
        targets = {
            index: float(safe.target(index, side))
            for index in safe.low
            if not view.fits(witnesses[index, side])
        }
        if not targets:
            continue
        try:
            short, reached = view.push(targets, side, first_only=True)
        except Inconsistent:
            return False
        if short:
            return False
        found.update({(index, side): cells for index, cells in reached.items()})
    witnesses.update(found)
    return True
