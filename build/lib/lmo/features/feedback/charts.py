"""Accessible SVG bar charts, drawn at build time with no script.

Each chart is an image with a title and a description that screen readers announce, and the
page always puts the same numbers in a table right after it. Bars are horizontal with the
label above each bar, so long labels in any language fit a 320 px screen without wrapping.
A count that is not published ("fewer than 5", "not shown") has no bar: drawing one would
publish the number the text hides.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from markupsafe import Markup

WIDTH = 320
ROW = 44  # label line plus bar
BAR = 16
LABEL_SIZE = 14
VALUE_GAP = 6
VALUE_ROOM = 96  # space kept at the right for the longest value text


@dataclass(frozen=True)
class Bar:
    label: str
    value: float | None  # None: not published, so no bar
    shown: str  # the text after the bar: "120", "87%" or "fewer than 5"


def bar_chart(
    chart_id: str, title: str, description: str, bars: Sequence[Bar], *, rtl: bool = False
) -> Markup:
    """An SVG bar chart; the caller puts the data table right after it.

    In a right-to-left language the chart is mirrored: labels and bars start at the right
    edge, as the reader's eye does. The root's direction is always set, because SVG text
    otherwise inherits the page's and a left-anchored label would run off the left edge."""
    largest = max((b.value for b in bars if b.value is not None), default=0) or 1
    room = WIDTH - VALUE_ROOM
    height = ROW * len(bars) + 8
    parts = [
        Markup(
            '<svg class="app-chart" id="{id}" role="img" viewBox="0 0 {w} {h}" direction="{d}"'
            ' aria-labelledby="{id}-title {id}-desc" xmlns="http://www.w3.org/2000/svg">'
        ).format(id=chart_id, w=WIDTH, h=height, d="rtl" if rtl else "ltr"),
        Markup('<title id="{}-title">{}</title>').format(chart_id, title),
        Markup('<desc id="{}-desc">{}</desc>').format(chart_id, description),
    ]

    def x(offset: float) -> float:
        """A distance from the edge the chart starts at, as an x coordinate."""
        return round(WIDTH - 4 - offset, 1) if rtl else offset

    for i, bar in enumerate(bars):
        top = i * ROW + 4
        parts.append(
            Markup('<text class="app-chart__label" x="{}" y="{}" font-size="{}">{}</text>').format(
                x(0), top + LABEL_SIZE, LABEL_SIZE, bar.label
            )
        )
        bar_top = top + LABEL_SIZE + 6
        if bar.value is None:
            parts.append(
                Markup(
                    '<text class="app-chart__value app-chart__value--hidden" x="{}" y="{}"'
                    ' font-size="{}" font-style="italic">{}</text>'
                ).format(x(0), bar_top + BAR - 3, LABEL_SIZE, bar.shown)
            )
            continue
        # A zero still gets a hairline, so the row does not look like a missing value.
        length = max(1.0, round(room * bar.value / largest, 1))
        parts.append(
            Markup(
                '<rect class="app-chart__bar" x="{}" y="{}" width="{}" height="{}"></rect>'
            ).format(x(length) if rtl else 0, bar_top, length, BAR)
        )
        parts.append(
            Markup('<text class="app-chart__value" x="{}" y="{}" font-size="{}">{}</text>').format(
                x(length + VALUE_GAP), bar_top + BAR - 3, LABEL_SIZE, bar.shown
            )
        )
    parts.append(Markup("</svg>"))
    return Markup("").join(parts)
