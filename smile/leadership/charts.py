"""The two charts of management support, drawn on the server as SVG: a radar of the
self-assessment (one outline per group and the overall one) and the trend of the mentors' ratings
month by month. Both follow `smile.lib.svg_charts`: an image with a name, no words inside (the
page shows the numbers and the names in a table beside it, and the axes' names in HTML around
the radar), each line with a colour of at least 3:1 against white AND a dash pattern and a marker
shape of its own, mirrored for right-to-left pages.
"""

import math
from collections.abc import Sequence
from dataclasses import dataclass
from html import escape

from smile.lib.svg_charts import SVG_NS, TRACK, WHITE, check_direction, check_ident, num, svg_open


@dataclass(frozen=True)
class Line:
    colour: str
    dash: str  # a stroke-dasharray, "" for a solid line
    marker: str  # "circle", "square", "triangle" or "diamond"
    width: float = 2.0


LINES: dict[str, Line] = {
    # The radar: everyone, then each group.
    "overall": Line("#0b5cad", "", "circle", 3.0),
    "manager": Line("#b35c00", "8 4", "square"),
    "mentor": Line("#1e6b34", "2 3", "triangle"),
    "coordinator": Line("#6b3fa0", "10 3 2 3", "diamond"),
    # The trend: one line per dimension, management support first.
    "support": Line("#0b5cad", "", "circle", 3.0),
    "inclusion": Line("#b35c00", "8 4", "square"),
    "learning": Line("#1e6b34", "2 3", "triangle"),
    "equality": Line("#6b3fa0", "10 3 2 3", "diamond"),
}
GRID = "#8a96a3"  # 3:1 against white


def _line(key: str) -> Line:
    try:
        return LINES[key]
    except KeyError:
        raise ValueError(f"no line style {key!r}") from None


def _marker(shape: str, x: float, y: float, colour: str, size: float = 4.5) -> str:
    fill = escape(colour)
    if shape == "circle":
        return f'<circle cx="{num(x)}" cy="{num(y)}" r="{num(size)}" fill="{fill}"/>'
    if shape == "square":
        s = size * 0.9
        return (
            f'<rect x="{num(x - s)}" y="{num(y - s)}" width="{num(2 * s)}" '
            f'height="{num(2 * s)}" fill="{fill}"/>'
        )
    if shape == "triangle":
        s = size * 1.2
        points = [(x, y - s), (x + s, y + s * 0.8), (x - s, y + s * 0.8)]
    else:  # diamond
        s = size * 1.2
        points = [(x, y - s), (x + s, y), (x, y + s), (x - s, y)]
    return (
        '<polygon points="'
        + " ".join(f"{num(px)},{num(py)}" for px, py in points)
        + f'" fill="{fill}"/>'
    )


def _stroke(line: Line) -> str:
    dash = f' stroke-dasharray="{line.dash}"' if line.dash else ""
    return f'stroke="{escape(line.colour)}" stroke-width="{num(line.width)}"{dash}'


def radar(
    series: Sequence[tuple[str, Sequence[float | None]]],
    *,
    title: str,
    ident: str,
    direction: str = "ltr",
    size: int = 240,
    scale: int = 5,
    description: str = "",
) -> str:
    """A radar of values from 0 to `scale` on as many axes as each series has values.

    The first axis points up and the next ones follow clockwise (counter-clockwise for "rtl", so
    the second axis is at the inline end in both). `series` are (line style key, values); a series
    with a missing value is left out of the drawing (its table row says why).
    """
    ident = check_ident(ident)
    direction = check_direction(direction)
    for key, _values in series:
        _line(key)
    axes = len(series[0][1]) if series else 4
    if axes < 3:
        raise ValueError("a radar needs at least three axes")
    for key, values in series:
        if len(values) != axes:
            raise ValueError(f"{key!r} has {len(values)} values, not {axes}")
        for value in values:
            if value is not None and not 0 <= value <= scale:
                raise ValueError(f"{key!r}: {value} is outside 0–{scale}")
    centre = size / 2
    radius = size / 2 - 12
    mirror = -1 if direction == "rtl" else 1

    def point(axis: int, value: float) -> tuple[float, float]:
        angle = -math.pi / 2 + 2 * math.pi * axis / axes
        r = radius * value / scale
        return centre + mirror * r * math.cos(angle), centre + r * math.sin(angle)

    parts = [svg_open(ident, title, size, size, description)]
    parts.append(f'<rect width="{size}" height="{size}" fill="{WHITE}"/>')
    for ring in range(1, scale + 1):
        corners = [point(axis, ring) for axis in range(axes)]
        outer = ring == scale
        parts.append(
            '<polygon data-key="ring" points="'
            + " ".join(f"{num(x)},{num(y)}" for x, y in corners)
            + f'" fill="none" stroke="{TRACK if outer else GRID}" stroke-width="1"'
            + ("" if outer else ' stroke-dasharray="2 3"')
            + "/>"
        )
    for axis in range(axes):
        x, y = point(axis, scale)
        parts.append(
            f'<line x1="{num(centre)}" y1="{num(centre)}" x2="{num(x)}" y2="{num(y)}" '
            f'stroke="{TRACK}" stroke-width="1"/>'
        )
    for key, values in series:
        if any(value is None for value in values):
            continue
        line = _line(key)
        corners = [point(axis, float(value or 0)) for axis, value in enumerate(values)]
        fill = (
            f'fill="{escape(line.colour)}" fill-opacity="0.12"'
            if key == "overall"
            else 'fill="none"'
        )
        parts.append(
            f'<g data-key="{escape(key)}"><polygon points="'
            + " ".join(f"{num(x)},{num(y)}" for x, y in corners)
            + f'" {fill} {_stroke(line)} stroke-linejoin="round"/>'
            + "".join(_marker(line.marker, x, y, line.colour) for x, y in corners)
            + "</g>"
        )
    parts.append("</svg>")
    return "".join(parts)


def trend(
    series: Sequence[tuple[str, Sequence[float | None]]],
    *,
    title: str,
    ident: str,
    direction: str = "ltr",
    width: int = 320,
    height: int = 160,
    low: int = 1,
    high: int = 5,
    description: str = "",
) -> str:
    """Lines over equally spaced points in time (the oldest at the start of the line), values
    from `low` to `high`. A missing value (a month with too few ratings) breaks the line."""
    ident = check_ident(ident)
    direction = check_direction(direction)
    points = max((len(values) for _key, values in series), default=0)
    for key, values in series:
        _line(key)
        if len(values) != points:
            raise ValueError(f"{key!r} has {len(values)} values, not {points}")
        for value in values:
            if value is not None and not low <= value <= high:
                raise ValueError(f"{key!r}: {value} is outside {low}–{high}")
    pad = 10
    inner_w, inner_h = width - 2 * pad, height - 2 * pad

    def at(index: int, value: float) -> tuple[float, float]:
        share = index / (points - 1) if points > 1 else 0.5
        x = pad + inner_w * share
        if direction == "rtl":
            x = width - x
        y = pad + inner_h * (1 - (value - low) / (high - low))
        return x, y

    parts = [svg_open(ident, title, width, height, description)]
    parts.append(f'<rect width="{width}" height="{height}" fill="{WHITE}"/>')
    for level in range(low, high + 1):
        y = pad + inner_h * (1 - (level - low) / (high - low))
        outer = level in (low, high)
        parts.append(
            f'<line x1="{pad}" y1="{num(y)}" x2="{width - pad}" y2="{num(y)}" '
            f'stroke="{TRACK if outer else GRID}" stroke-width="1"'
            + ("" if outer else ' stroke-dasharray="2 3"')
            + "/>"
        )
    for key, values in series:
        line = _line(key)
        runs: list[list[tuple[float, float]]] = [[]]
        for index, value in enumerate(values):
            if value is None:
                if runs[-1]:
                    runs.append([])
                continue
            runs[-1].append(at(index, float(value)))
        drawn = [run for run in runs if run]
        if not drawn:
            continue
        body = []
        for run in drawn:
            if len(run) > 1:
                body.append(
                    '<polyline points="'
                    + " ".join(f"{num(x)},{num(y)}" for x, y in run)
                    + f'" fill="none" {_stroke(line)} stroke-linejoin="round"/>'
                )
            body.extend(_marker(line.marker, x, y, line.colour) for x, y in run)
        parts.append(f'<g data-key="{escape(key)}">' + "".join(body) + "</g>")
    parts.append("</svg>")
    return "".join(parts)


def line_swatch(key: str, *, width: int = 36, height: int = 14) -> str:
    """A short piece of a line with its marker, for the legend in the data table (decoration:
    the table's words say what it stands for)."""
    line = _line(key)
    y = height / 2
    return (
        f'<svg xmlns="{SVG_NS}" class="swatch" aria-hidden="true" focusable="false" '
        f'width="{width}" height="{height}" viewBox="0 0 {width} {height}">'
        f'<line x1="1" y1="{num(y)}" x2="{width - 1}" y2="{num(y)}" {_stroke(line)}/>'
        + _marker(line.marker, width / 2, y, line.colour, size=4)
        + "</svg>"
    )
