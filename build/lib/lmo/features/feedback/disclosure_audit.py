"""The audit: which "fewer than 5" figures a reader can narrow from what is published.

It needs only what is published (and which figures may be hidden), so the site build re-runs
it on the summary file. The rules are described in lmo.features.feedback.disclosure.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np

from lmo.features.feedback.disclosure_figures import Figure, Published, Share
from lmo.features.feedback.disclosure_reader import (
    HIGH,
    LOW,
    TOLERANCE,
    Inconsistent,
    Table,
    bounds,
    is_count,
    safe_ranges,
)
from lmo.features.feedback.schema import FEWER_THAN_5


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
        low, high = math.ceil(self.low - TOLERANCE), math.floor(self.high + TOLERANCE)
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
    table = Table(figures, shares)
    values = _figure_values(figures, published)
    view = table.view(values)
    small = [index for index, value in enumerate(values) if value == FEWER_THAN_5]
    try:
        safe = safe_ranges(table, view, table.hideable(values), small)
        for item in shares:
            value = published.get(item.name)
            if value is None:
                continue
            if not is_count(value) or not 0 <= int(value) <= 100:
                raise ValueError(f"share {item.name!r} is not a whole percentage: {value!r}")
            view = view.plus(*table.share_rows(item, int(value), values))
        if not small and view.solve(np.zeros(len(table.cells))) is None:
            raise Inconsistent
        lows, _ = view.push({index: float(safe.low[index]) for index in small}, LOW)
        highs, _ = view.push({index: float(safe.high[index]) for index in small}, HIGH)
    except Inconsistent:
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
        bounds(value)
        values.append(value)
    return values
