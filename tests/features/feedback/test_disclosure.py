"""Disclosure control by meaning: what a reader could work out from a published table.

Each check here works out the reader's view on its own terms (its own linear programme, or every
whole-number table that fits the publication) rather than trusting
lmo.features.feedback.disclosure's audit.
"""

from __future__ import annotations

import itertools
from collections.abc import Mapping, Sequence
from pathlib import Path

import numpy as np
import pytest
from pydantic import TypeAdapter, ValidationError
from scipy.optimize import linprog

from lmo.features.feedback import disclosure
from lmo.features.feedback.disclosure import (
    DisclosureError,
    Figure,
    Published,
    Share,
    audit,
    disclosure_code_fingerprint_source,
    grid_cell,
    grid_figures,
    list_figures,
    narrowed,
    protect,
    share,
)
from lmo.features.feedback.schema import FEWER_THAN_5, NOT_SHOWN, Count

Publication = Mapping[str, Published | None]


# The reader's view, worked out independently -----------------------------------------------------


def bounds(value: Published | None) -> tuple[float, float]:
    if value == FEWER_THAN_5:
        return 1, 4
    if value == NOT_SHOWN:
        return 5, np.inf
    assert isinstance(value, int)
    return value, value


def every_table(
    figures: Sequence[Figure], published: Publication, shares: Sequence[Share] = (), cap: int = 60
) -> dict[str, set[int]]:
    """The values each figure takes over every whole-number table that fits the publication.

    A cell with nothing but "not shown" above it is tried up to `cap`, far above any count in
    these tests, so the small figures' values are complete.
    """
    cells = sorted(set().union(*(figure.cells for figure in figures)))
    limits = {figure.name: bounds(published[figure.name]) for figure in figures}
    tables = np.zeros((1, 0), dtype=int)
    for done, cell in enumerate(cells, start=1):
        top = min(limits[f.name][1] for f in figures if cell in f.cells)
        choices = np.arange(int(top if np.isfinite(top) else cap) + 1)
        tables = np.hstack(
            [np.repeat(tables, len(choices), axis=0), np.tile(choices, len(tables))[:, None]]
        )
        assigned = set(cells[:done])
        for figure in figures:
            if cell not in figure.cells:
                continue
            columns = [cells.index(c) for c in figure.cells if c in assigned]
            sums = tables[:, columns].sum(axis=1)
            low, high = limits[figure.name]
            keep = sums <= high
            if figure.cells <= assigned:
                keep &= sums >= low
            tables = tables[keep]
    for item in shares:
        value = published.get(item.name)
        if value is None:
            continue
        assert isinstance(value, int)
        top = tables[:, [cells.index(c) for c in item.numerator]].sum(axis=1)
        whole = tables[:, [cells.index(c) for c in item.denominator]].sum(axis=1)
        tables = tables[
            ((2 * value - 1) * whole <= 200 * top) & (200 * top <= (2 * value + 1) * whole)
        ]
    assert len(tables), "no table fits the publication"
    return {
        figure.name: set(tables[:, [cells.index(c) for c in figure.cells]].sum(axis=1).tolist())
        for figure in figures
    }


def lp_range(
    figures: Sequence[Figure], published: Publication, name: str, shares: Sequence[Share] = ()
) -> tuple[float, float]:
    """The smallest and largest value of figure `name`, by a linear programme of the test's own."""
    cells = sorted(set().union(*(figure.cells for figure in figures)))

    def row(chosen: frozenset[str]) -> list[float]:
        return [1.0 if cell in chosen else 0.0 for cell in cells]

    a_eq, b_eq, a_ub, b_ub = [], [], [], []
    for figure in figures:
        low, high = bounds(published[figure.name])
        if low == high:
            a_eq.append(row(figure.cells))
            b_eq.append(low)
            continue
        a_ub.append([-x for x in row(figure.cells)])
        b_ub.append(-low)
        if np.isfinite(high):
            a_ub.append(row(figure.cells))
            b_ub.append(high)
    for item in shares:
        value = published.get(item.name)
        if value is None:
            continue
        assert isinstance(value, int)
        top, whole = np.array(row(item.numerator)), np.array(row(item.denominator))
        a_ub.append(list((value - 0.5) * whole - 100 * top))
        b_ub.append(0.0)
        a_ub.append(list(100 * top - (value + 0.5) * whole))
        b_ub.append(0.0)
    target = np.array(row(next(f.cells for f in figures if f.name == name)))
    extremes = []
    for sign in (1, -1):
        result = linprog(
            sign * target,
            A_ub=np.array(a_ub) if a_ub else None,
            b_ub=np.array(b_ub) if b_ub else None,
            A_eq=np.array(a_eq) if a_eq else None,
            b_eq=np.array(b_eq) if b_eq else None,
            bounds=(0, None),
            method="highs",
        )
        assert result.status == 0, result.message
        extremes.append(sign * result.fun)
    return extremes[0], extremes[1]


def everything_hidden(figures: Sequence[Figure], published: Publication) -> dict[str, Published]:
    """The most cautious publication: every count of 5 or more that may be hidden, hidden."""
    hidden: dict[str, Published] = {}
    for figure in figures:
        value = published[figure.name]
        assert value is not None
        hideable = isinstance(value, int) and value >= 5 and figure.may_hide
        hidden[figure.name] = NOT_SHOWN if hideable else value
    return hidden


def names_with(published: Publication, value: Published) -> set[str]:
    return {name for name, shown in published.items() if shown == value}


def assert_nothing_worked_out(figures: Sequence[Figure], published: Publication) -> None:
    """By enumeration: every hidden figure has more than one possible value, and each small one
    has every value it would have if everything that may be hidden were hidden."""
    possible = every_table(figures, published)
    cautious = every_table(figures, everything_hidden(figures, published))
    for name in names_with(published, FEWER_THAN_5) | names_with(published, NOT_SHOWN):
        assert len(possible[name]) > 1, f"{name} is worked out: {possible[name]}"
    for name in names_with(published, FEWER_THAN_5):
        assert possible[name] == cautious[name], name


def raw_of(figures: Sequence[Figure], counts: Sequence[int]) -> dict[str, int]:
    cells = [figure.name for figure in figures if len(figure.cells) == 1]
    return dict(zip(cells, counts, strict=True))


# Primary suppression -----------------------------------------------------------------------------


def test_small_counts_become_fewer_than_5_zero_stays_and_safe_counts_stay_exact() -> None:
    figures = list_figures(["very-good", "good", "poor", "very-poor"])
    published = protect(raw_of(figures, [12, 30, 0, 8]), figures)
    assert published == {"very-good": 12, "good": 30, "poor": 0, "very-poor": 8, "total": 50}

    published = protect(raw_of(figures, [12, 30, 0, 3]), figures)
    assert published["very-poor"] == FEWER_THAN_5
    assert published["poor"] == 0
    assert published["total"] == 45


def test_a_single_small_count_forces_one_secondary_and_keeps_its_full_range() -> None:
    figures = list_figures(["very-good", "good", "poor", "very-poor"])
    published = protect(raw_of(figures, [12, 30, 7, 3]), figures)
    assert names_with(published, FEWER_THAN_5) == {"very-poor"}
    assert names_with(published, NOT_SHOWN) == {"poor"}
    assert lp_range(figures, published, "very-poor") == pytest.approx((1, 4))
    assert every_table(figures, published)["very-poor"] == {1, 2, 3, 4}
    assert audit(figures, published) == []


# Secondary suppression, checked by enumerating every table ---------------------------------------


def test_one_then_five_hides_the_total_not_the_five() -> None:
    figures = list_figures(["a", "b"], total_may_hide=True)
    published = protect({"a": 1, "b": 5}, figures)
    # Hiding the 5 would not do: "not shown" means at least 5, so with a total of 6 a is 1.
    naive: dict[str, Published] = {"a": FEWER_THAN_5, "b": NOT_SHOWN, "total": 6}
    assert every_table(figures, naive)["a"] == {1}
    assert audit(figures, naive) == ["a"]
    assert published == {"a": FEWER_THAN_5, "b": 5, "total": NOT_SHOWN}
    assert every_table(figures, published)["a"] == {1, 2, 3, 4}
    assert_nothing_worked_out(figures, published)


def test_the_grand_total_is_never_hidden_even_when_nothing_else_would_do() -> None:
    # As above, but the total is the number of responses: refuse rather than hide it.
    figures = list_figures(["a", "b"])
    with pytest.raises(DisclosureError) as raised:
        protect({"a": 1, "b": 5}, figures)
    assert raised.value.names == ["a"]
    cautious: dict[str, Published] = {"a": FEWER_THAN_5, "b": NOT_SHOWN, "total": 6}
    assert every_table(figures, cautious)["a"] == {1}


def test_one_and_one_under_a_small_total() -> None:
    figures = list_figures(["a", "b"])
    published = protect({"a": 1, "b": 1}, figures)
    assert published == {"a": FEWER_THAN_5, "b": FEWER_THAN_5, "total": FEWER_THAN_5}
    # Two counts of at least 1 under a total of at most 4: each is at most 3, whatever is hidden.
    assert every_table(figures, published) == {"a": {1, 2, 3}, "b": {1, 2, 3}, "total": {2, 3, 4}}
    assert audit(figures, published) == []


def test_four_ones_under_a_small_total_cannot_be_protected() -> None:
    figures = list_figures(["a", "b", "c", "d"])
    with pytest.raises(DisclosureError) as raised:
        protect({"a": 1, "b": 1, "c": 1, "d": 1}, figures)
    assert raised.value.names == ["a", "b", "c", "d", "total"]


@pytest.mark.parametrize(
    ("counts", "hidden"),
    [
        # The 6 alone would leave the 2 at most 3 (2 + 6 = 8, the 6 at least 5): hide the 9.
        ([2, 6, 9, 20], {"c"}),
        ([1, 7, 8, 30], {"c"}),
        ([3, 0, 14, 6], {"d"}),
        ([1, 2, 11, 40], {"c"}),
    ],
)
def test_one_way_tables(counts: list[int], hidden: set[str]) -> None:
    figures = list_figures(["a", "b", "c", "d"])
    published = protect(raw_of(figures, counts), figures)
    assert names_with(published, NOT_SHOWN) == hidden
    assert published["total"] == sum(counts)
    assert_nothing_worked_out(figures, published)


@pytest.mark.parametrize(
    "counts",
    [
        [[1, 6, 9], [7, 2, 8]],
        [[3, 12, 5], [6, 9, 10]],
        [[1, 1, 7], [0, 6, 9]],
        [[4, 0, 0], [5, 6, 7]],
    ],
)
@pytest.mark.build  # runs a program, or takes many seconds
def test_two_by_three_tables_with_margins(counts: list[list[int]]) -> None:
    figures = grid_figures(["x", "y"], ["p", "q", "r"])
    raw = {
        grid_cell(row, col): counts[i][j]
        for i, row in enumerate("xy")
        for j, col in enumerate("pqr")
    }
    published = protect(raw, figures)
    assert FEWER_THAN_5 in published.values()
    assert_nothing_worked_out(figures, published)


@pytest.mark.build  # runs a program, or takes many seconds
def test_random_two_by_three_tables_by_enumeration() -> None:
    rng = np.random.default_rng(20260601)
    figures = grid_figures(["x", "y"], ["p", "q", "r"])
    protected = 0
    for _ in range(25):
        counts = rng.choice([0, 1, 2, 3, 4, 5, 6, 8, 11], size=6).tolist()
        raw = dict(zip([grid_cell(r, c) for r in "xy" for c in "pqr"], counts, strict=True))
        try:
            published = protect(raw, figures)
        except DisclosureError as error:
            values = {f.name: sum(raw[c] for c in f.cells) for f in figures}
            cautious = everything_hidden(figures, {n: _shown(v) for n, v in values.items()})
            possible = every_table(figures, cautious)
            assert all(len(possible[name]) == 1 for name in error.names)
            continue
        protected += 1
        assert_nothing_worked_out(figures, published)
    assert protected >= 20


def _shown(value: int) -> Published:
    return FEWER_THAN_5 if 0 < value < 5 else value


# Two-way tables at the size the MNVP publishes ---------------------------------------------------


SETTINGS = ["kidderminster-hub", "worcester-ward", "redditch-mlu", "home"]
RATINGS = ["very-good", "good", "neither", "poor", "very-poor", "no-answer"]


@pytest.mark.build  # runs a program, or takes many seconds
def test_random_settings_by_ratings_tables_pass_the_audit_and_an_independent_check() -> None:
    rng = np.random.default_rng(42)
    figures = grid_figures(SETTINGS, RATINGS, prefix="ratings.")
    cells = [grid_cell(s, r, "ratings.") for s in SETTINGS for r in RATINGS]
    refused = 0
    for number in range(200):
        counts = rng.choice([0, 0, 1, 1, 2, 3, 4, 5, 6, 7, 9, 12, 20], size=24).tolist()
        raw = dict(zip(cells, counts, strict=True))
        try:
            published = protect(raw, figures)
        except DisclosureError as error:
            # Only a table that gives a count away whatever is hidden may be refused.
            refused += 1
            values = {f.name: _shown(sum(raw[c] for c in f.cells)) for f in figures}
            cautious = everything_hidden(figures, values)
            for name in error.names:
                low, high = lp_range(figures, cautious, name)
                assert high - low < 1, name
            continue
        assert published["ratings.total"] == sum(counts)
        assert audit(figures, published) == []
        if number % 4:
            continue  # The independent check is slower; a quarter of the tables is plenty.
        for name in names_with(published, FEWER_THAN_5):
            low, high = lp_range(figures, published, name)
            assert high - low >= 1 - 1e-6, f"{name} is worked out"
            if (low, high) != pytest.approx((1, 4)):
                cautious = everything_hidden(figures, published)
                assert (low, high) == pytest.approx(lp_range(figures, cautious, name))
    assert refused < 10


# Shares ------------------------------------------------------------------------------------------


def test_a_share_that_would_pin_a_small_count_is_withheld_and_a_harmless_one_kept() -> None:
    figures = list_figures(["very-good", "good", "poor"])
    by_name = {figure.name: figure for figure in figures}
    positive = share("positive", [by_name["very-good"], by_name["good"]], by_name["total"])
    very_good = share("very-good-share", [by_name["very-good"]], by_name["total"])
    poor = share("poor-share", [by_name["poor"]], by_name["total"])
    shares = [positive, very_good, poor]
    published = protect({"very-good": 100, "good": 1, "poor": 49}, figures, shares)
    assert published == {
        "very-good": 100,
        "good": FEWER_THAN_5,
        "poor": NOT_SHOWN,
        "total": 150,
        # 67% of 150 is 100.5 to 101.25 good or very good: with very good known, good is 1.
        "positive": None,
        # Very good is published anyway, so its share tells a reader nothing more.
        "very-good-share": 67,
        # 33% of 150 puts poor at 49 or 50, and so good at 1 (it cannot be 0).
        "poor-share": None,
    }
    assert every_table(figures, {**published, "positive": 67}, shares)["good"] == {1}
    assert every_table(figures, {**published, "poor-share": 33}, shares)["good"] == {1}
    assert every_table(figures, published, shares)["good"] == {1, 2, 3, 4}
    assert audit(figures, published, shares) == []
    assert audit(figures, {**published, "positive": 67}, shares) == ["good"]


def test_a_share_that_pins_a_small_count_fails_the_audit() -> None:
    figures = list_figures(["very-good", "good", "rest"])
    by_name = {figure.name: figure for figure in figures}
    positive = share("positive", [by_name["very-good"], by_name["good"]], by_name["total"])
    published: dict[str, Published] = {
        "very-good": 100,
        "good": FEWER_THAN_5,
        "rest": NOT_SHOWN,
        "total": 150,
    }
    assert audit(figures, published) == []
    assert audit(figures, {**published, "positive": 67}, [positive]) == ["good"]
    low, high = lp_range(figures, {**published, "positive": 67}, "good", [positive])
    assert high - low < 1


def test_a_share_of_a_total_that_is_not_published_exactly_is_not_shown() -> None:
    figures = list_figures(["a", "b"], total_may_hide=True)
    by_name = {figure.name: figure for figure in figures}
    of_total = share("b-share", [by_name["b"]], by_name["total"])
    of_nothing_published = Share("b-of-b", frozenset({"b"}), frozenset({"b"}))
    published = protect({"a": 1, "b": 5}, figures, [of_total, of_nothing_published])
    assert published["total"] == NOT_SHOWN
    assert published["b-share"] is None
    # b is published exactly, so 100% of it is harmless.
    assert published["b-of-b"] == 100


def test_a_hand_added_share_of_a_hidden_total_is_reported_and_audited() -> None:
    figures = list_figures(["a", "b"], total_may_hide=True)
    by_name = {figure.name: figure for figure in figures}
    of_total = share("a-share", [by_name["a"]], by_name["total"])
    published = {**protect({"a": 1, "b": 5}, figures), "a-share": 17}
    # a / (a + 5) is 16.5% to 17.5% only when a is 1.
    assert every_table(figures, published, [of_total])["a"] == {1}
    assert audit(figures, published, [of_total]) == ["a"]


# The audit on a hand-edited summary --------------------------------------------------------------


def test_the_audit_refuses_a_hidden_count_put_back() -> None:
    figures = list_figures(["very-good", "good", "poor", "very-poor"])
    raw = raw_of(figures, [12, 30, 7, 3])
    published = protect(raw, figures)
    assert published["poor"] == NOT_SHOWN
    edited = {**published, "poor": 7}
    assert audit(figures, edited) == ["very-poor"]
    assert [str(finding) for finding in narrowed(figures, edited)] == [
        "very-poor: published as 'fewer than 5', but a reader can work out from the other "
        "published figures that it is exactly 3"
    ]
    [finding] = narrowed(figures, edited)
    assert (finding.low, finding.high, finding.safe_low, finding.safe_high) == (3, 3, 1, 4)


def test_a_count_from_1_to_4_is_refused_by_the_schema_before_the_audit() -> None:
    figures = list_figures(["very-good", "good", "poor", "very-poor"])
    published = {**protect(raw_of(figures, [12, 30, 7, 3]), figures), "very-poor": 3}
    # The audit takes a published count at its word; the summary file's schema refuses it.
    assert audit(figures, published) == []
    with pytest.raises(ValidationError, match='publish it as "fewer than 5"'):
        TypeAdapter(Count).validate_python(published["very-poor"])
    for allowed in (0, 5, FEWER_THAN_5, NOT_SHOWN):
        assert TypeAdapter(Count).validate_python(allowed) == allowed


def test_the_audit_refuses_what_is_not_a_publication() -> None:
    figures = list_figures(["a", "b"])
    with pytest.raises(ValueError, match="not a count, 'fewer than 5' or 'not shown': 'few'"):
        audit(figures, {"a": "few", "b": 7, "total": 13})
    with pytest.raises(ValueError, match="figures missing from the publication: \\['total'\\]"):
        audit(figures, {"a": 6, "b": 7})
    with pytest.raises(ValueError, match="no table fits the published figures"):
        audit(figures, {"a": 6, "b": 7, "total": 14})
    assert audit(figures, {"a": 6, "b": 7, "total": 13}) == []


# Building the figures ----------------------------------------------------------------------------


def test_grid_figures_names_cells_and_margins() -> None:
    figures = grid_figures(["hub"], ["good", "poor"], prefix="q1.")
    assert [(f.name, sorted(f.cells), f.may_hide) for f in figures] == [
        ("q1.hub.good", ["q1.hub.good"], True),
        ("q1.hub.poor", ["q1.hub.poor"], True),
        ("q1.hub.total", ["q1.hub.good", "q1.hub.poor"], True),
        ("q1.total.good", ["q1.hub.good"], True),
        ("q1.total.poor", ["q1.hub.poor"], True),
        ("q1.total", ["q1.hub.good", "q1.hub.poor"], False),
    ]
    with pytest.raises(ValueError, match="clashes with the total"):
        grid_figures(["total"], ["good"])


def test_list_figures_and_a_total_that_may_be_hidden() -> None:
    figures = list_figures(["yes", "no"], prefix="q2.", total_may_hide=True)
    assert [(f.name, sorted(f.cells), f.may_hide) for f in figures] == [
        ("q2.yes", ["q2.yes"], True),
        ("q2.no", ["q2.no"], True),
        ("q2.total", ["q2.no", "q2.yes"], True),
    ]


def test_every_published_value_is_a_safe_count_or_one_of_the_two_phrases() -> None:
    figures = grid_figures(SETTINGS, RATINGS)
    rng = np.random.default_rng(3)
    cells = [grid_cell(s, r) for s, r in itertools.product(SETTINGS, RATINGS)]
    raw = dict(zip(cells, rng.choice([0, 1, 3, 8, 15], size=len(cells)).tolist(), strict=True))
    published = protect(raw, figures)
    for figure in figures:
        true = sum(raw[cell] for cell in figure.cells)
        shown = published[figure.name]
        if 0 < true < 5:
            assert shown == FEWER_THAN_5, figure.name
        else:
            assert shown in (true, NOT_SHOWN), figure.name


def test_the_code_fingerprint_covers_every_module_of_the_rules() -> None:
    """The site build remembers audit passes keyed on this source: a rule module left out
    would let a changed rule reuse a pass made under the old one."""
    source = disclosure_code_fingerprint_source()
    folder = Path(disclosure.__file__).parent
    modules = sorted(folder.glob("disclosure*.py"))
    assert len(modules) >= 2
    for module in modules:
        assert module.read_bytes() in source, module.name
