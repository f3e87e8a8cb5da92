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

from lmo.features.feedback.disclosure_audit import Narrowed, audit, narrowed
from lmo.features.feedback.disclosure_figures import (
    Figure,
    Published,
    Share,
    grid_cell,
    grid_figures,
    list_cell,
    list_figures,
    percent,
    share,
)
from lmo.features.feedback.disclosure_protect import DisclosureError, protect
from lmo.features.feedback.disclosure_source import disclosure_code_fingerprint_source

__all__ = [
    "DisclosureError",
    "Figure",
    "Narrowed",
    "Published",
    "Share",
    "audit",
    "disclosure_code_fingerprint_source",
    "grid_cell",
    "grid_figures",
    "list_cell",
    "list_figures",
    "narrowed",
    "percent",
    "protect",
    "share",
]
