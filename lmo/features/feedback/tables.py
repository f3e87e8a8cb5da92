"""The published tables of one quarter's feedback summary, as figures for disclosure control.

The summariser (which sees raw counts) and the site build (which sees only the published
summary file) both describe the summary with these figures, so the build can re-audit what
is published: a hand edit that un-hides a number is refused.

Raw cells are named ``cell:<setting>:<rating>`` (a response's setting and answer),
``stage:<stage>`` and ``theme:<coded|suggested>:<theme>``. Figure names are the dotted paths
of the values in the summary file, so an audit failure names the line to fix.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from lmo.features.feedback.disclosure_figures import Figure, Published, Share
from lmo.features.feedback.schema import RATING_KEYS, STAGE_KEYS, FeedbackSummary


def grid_cell(setting: str, rating: str) -> str:
    return f"cell:{setting}:{rating}"


def stage_cell(stage: str) -> str:
    return f"stage:{stage}"


def theme_cell(kind: str, theme: str) -> str:
    return f"theme:{kind}:{theme}"


def layout(
    settings: Sequence[str], themes: Iterable[tuple[str, str]] = ()
) -> tuple[list[Figure], list[Share]]:
    """Figures and shares of a summary with these settings and (theme, kind) counts."""
    figures: list[Figure] = []
    all_cells = frozenset(grid_cell(s, r) for s in settings for r in RATING_KEYS)
    figures.append(Figure("responses", all_cells, may_hide=False))
    for rating in RATING_KEYS:
        figures.append(
            Figure(f"by_rating.{rating}", frozenset(grid_cell(s, rating) for s in settings))
        )
    for setting in settings:
        row = frozenset(grid_cell(setting, r) for r in RATING_KEYS)
        figures.append(Figure(f"by_setting[{setting}].responses", row))
        for rating in RATING_KEYS:
            figures.append(
                Figure(
                    f"by_setting[{setting}].ratings.{rating}",
                    frozenset({grid_cell(setting, rating)}),
                )
            )
    # Stages partition the same responses: their sum is the (always published) total.
    stage_cells = frozenset(stage_cell(s) for s in STAGE_KEYS)
    figures.append(Figure("by_stage (total)", stage_cells, may_hide=False))
    for stage in STAGE_KEYS:
        figures.append(Figure(f"by_stage.{stage}", frozenset({stage_cell(stage)})))
    for theme, kind in themes:
        figures.append(Figure(f"themes[{theme}].{kind}", frozenset({theme_cell(kind, theme)})))

    def positive(rows: Iterable[str]) -> frozenset[str]:
        return frozenset(grid_cell(s, r) for s in rows for r in ("very_good", "good"))

    shares = [Share("percent_positive", positive(settings), all_cells)]
    for setting in settings:
        row = frozenset(grid_cell(setting, r) for r in RATING_KEYS)
        shares.append(Share(f"by_setting[{setting}].percent_positive", positive([setting]), row))
    return figures, shares


def published_values(summary: FeedbackSummary) -> tuple[dict[str, Published], dict[str, int]]:
    """What a summary file publishes, by figure name; and its percentages, by share name."""
    values: dict[str, Published] = {"responses": summary.responses}
    values["by_stage (total)"] = summary.responses
    for rating in RATING_KEYS:
        values[f"by_rating.{rating}"] = getattr(summary.by_rating, rating)
    for stage in STAGE_KEYS:
        values[f"by_stage.{stage}"] = getattr(summary.by_stage, stage)
    percents: dict[str, int] = {}
    if summary.percent_positive is not None:
        percents["percent_positive"] = summary.percent_positive
    for row in summary.by_setting:
        values[f"by_setting[{row.setting}].responses"] = row.responses
        for rating in RATING_KEYS:
            values[f"by_setting[{row.setting}].ratings.{rating}"] = getattr(row.ratings, rating)
        if row.percent_positive is not None:
            percents[f"by_setting[{row.setting}].percent_positive"] = row.percent_positive
    for theme in summary.themes:
        for kind in ("coded", "suggested"):
            value = getattr(theme, kind)
            if value is not None:
                values[f"themes[{theme.theme}].{kind}"] = value
    return values, percents


def summary_layout(summary: FeedbackSummary) -> tuple[list[Figure], list[Share]]:
    themes = [
        (t.theme, kind)
        for t in summary.themes
        for kind in ("coded", "suggested")
        if getattr(t, kind) is not None
    ]
    return layout([row.setting for row in summary.by_setting], themes)
