"""Per-1,000 pictures (icon arrays): 1,000 squares, coloured in blocks in the order given.

Each group is also told apart by its texture, not by colour alone, and each picture is
labelled by the sentence that says the same in words (see results.py). The SVG is built
from at most three rectangles per group and one grid overlay, so it stays small however
many squares it shows.
"""

from __future__ import annotations

from html import escape

COLUMNS = 40
ROWS = 25
CELL = 10
# Colours with at least 4.5:1 contrast on white, so each group's edge is visible, and a
# texture per group for readers who cannot tell the colours apart.
FILLS = ("#1d4e89", "#9c3d00", "#5a2d82", "#1f6b3a")
TEXTURES = ("", "stripes", "dots", "checks")


def texture(kind: str, pattern_id: str, colour: str) -> str:
    if kind == "stripes":
        marks = '<path d="M0 8L8 0" stroke="#fff" stroke-width="1.6"/>'
    elif kind == "dots":
        marks = '<circle cx="4" cy="4" r="1.6" fill="#fff"/>'
    else:
        marks = '<path d="M0 4H8M4 0V8" stroke="#fff" stroke-width="1.2"/>'
    return (
        f'<pattern id="{pattern_id}" width="8" height="8" patternUnits="userSpaceOnUse">'
        f'<rect width="8" height="8" fill="{colour}"/>{marks}</pattern>'
    )


def blocks(start: int, count: int) -> list[tuple[int, int, int, int]]:
    """Rectangles (column, row, width, height in cells) covering cells start..start+count,
    filled row by row."""
    rects = []
    end = start + count
    while start < end:
        row, column = divmod(start, COLUMNS)
        if column == 0 and end - start >= COLUMNS:
            rows = (end - start) // COLUMNS
            rects.append((0, row, COLUMNS, rows))
            start += rows * COLUMNS
        else:
            width = min(COLUMNS - column, end - start)
            rects.append((column, row, width, 1))
            start += width
    return rects


def icon_array(picture_id: str, counts: list[int], labelled_by: str) -> str:
    """An SVG of 1,000 squares: counts[0] in the first colour, then counts[1], ...; the
    counts add up to 1,000."""
    if sum(counts) != COLUMNS * ROWS or any(c < 0 for c in counts):
        raise ValueError(f"a per-1,000 picture needs counts adding up to 1,000, got {counts}")
    if len(counts) > len(FILLS):
        raise ValueError(f"at most {len(FILLS)} groups in one picture")
    pid = escape(picture_id)
    defs = [
        texture(TEXTURES[i], f"{pid}-t{i}", FILLS[i]) for i in range(1, len(counts)) if counts[i]
    ]
    defs.append(
        f'<pattern id="{pid}-grid" width="{CELL}" height="{CELL}" patternUnits="userSpaceOnUse">'
        f'<path d="M{CELL} 0V{CELL}H0" fill="none" stroke="#fff" stroke-width="2"/></pattern>'
    )
    shapes = []
    start = 0
    for i, count in enumerate(counts):
        fill = FILLS[0] if i == 0 else f"url(#{pid}-t{i})"
        for column, row, width, height in blocks(start, count):
            shapes.append(
                f'<rect x="{column * CELL}" y="{row * CELL}" width="{width * CELL}"'
                f' height="{height * CELL}" fill="{fill}"/>'
            )
        start += count
    width, height = COLUMNS * CELL, ROWS * CELL
    return (
        f'<svg class="app-bp__picture" viewBox="0 0 {width} {height}" role="img"'
        f' aria-labelledby="{escape(labelled_by)}" focusable="false">'
        f"<defs>{''.join(defs)}</defs>{''.join(shapes)}"
        f'<rect width="{width}" height="{height}" fill="url(#{pid}-grid)"/></svg>'
    )


def legend_swatch(picture_id: str, index: int) -> str:
    """A small square matching group ``index`` of a picture, for its key."""
    pattern_id = f"{escape(picture_id)}-k{index}"
    if index == 0:
        defs, fill = "", FILLS[0]
    else:
        defs, fill = texture(TEXTURES[index], pattern_id, FILLS[index]), f"url(#{pattern_id})"
    return (
        '<svg class="app-bp__swatch" width="16" height="16" viewBox="0 0 16 16"'
        f' aria-hidden="true" focusable="false"><defs>{defs}</defs>'
        f'<rect width="16" height="16" fill="{fill}"/></svg>'
    )
