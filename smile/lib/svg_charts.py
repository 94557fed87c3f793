"""Small charts drawn on the server as SVG strings, with no framework and no script.

Every chart is an image with a name (`role="img"`, a `<title>` and `aria-labelledby`); the page
shows the same numbers in a table beside it, and the words stay in that HTML table: an SVG
`<text>` is not shaped and ordered right to left as Arabic needs, and the table can be read,
translated and enlarged as any text. Each kind of bar has a colour with at least 3:1 contrast
against white (WCAG 1.4.11) AND a pattern of its own (dots, lines, cross-hatching or solid), and
bars are kept apart by a white gap, so nothing is told by colour alone. For right-to-left pages
(`direction="rtl"`) the x axis is mirrored: bars start at the right edge.

Everything put into the markup is escaped; `ident`, which becomes the start of the ids inside the
SVG (so that several charts can share a page), must be a plain identifier.
"""

import re
from collections.abc import Sequence
from dataclasses import dataclass
from html import escape

SVG_NS = "http://www.w3.org/2000/svg"
WHITE = "#ffffff"
TRACK = "#767676"  # the outline of an empty bar: 4.5:1 against white
MARKER = "#1b1f23"
_IDENT = re.compile(r"[A-Za-z][A-Za-z0-9_-]{0,80}")


@dataclass(frozen=True)
class Style:
    colour: str
    pattern: str  # "solid", "dots", "lines" or "cross"


# The levels of the four-step scale, then the two bars of progress against time.
STYLES: dict[str, Style] = {
    "level0": Style("#767676", "dots"),
    "level1": Style("#b35c00", "lines"),
    "level2": Style("#0b5cad", "cross"),
    "level3": Style("#1e6b34", "solid"),
    "independent": Style("#1e6b34", "solid"),
    "progress": Style("#0b5cad", "lines"),
    "time": Style("#595959", "dots"),
}


def check_ident(ident: str) -> str:
    """`ident` if it is a plain identifier (safe as the start of ids and attributes)."""
    if not _IDENT.fullmatch(ident):
        raise ValueError(f"not a plain identifier: {ident!r}")
    return ident


def check_direction(direction: str) -> str:
    if direction not in ("ltr", "rtl"):
        raise ValueError(f"direction must be 'ltr' or 'rtl', not {direction!r}")
    return direction


def _style(key: str) -> Style:
    try:
        return STYLES[key]
    except KeyError:
        raise ValueError(f"no chart style {key!r}") from None


def num(value: float) -> str:
    """A coordinate with at most two decimals and no trailing zeros (and never "-0")."""
    text = f"{value:.2f}".rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


def _share(value: float) -> float:
    return min(1.0, max(0.0, float(value)))


def _pattern(ident: str, key: str) -> str:
    """A `<pattern>` of white marks over the style's colour; "" for a solid fill."""
    style = _style(key)
    pid = f"{ident}-{key}"
    colour = escape(style.colour)
    if style.pattern == "solid":
        return ""
    if style.pattern == "dots":
        marks = f'<circle cx="3" cy="3" r="1.3" fill="{WHITE}"/>'
    elif style.pattern == "lines":
        marks = f'<path d="M-1 1 L1 -1 M0 6 L6 0 M5 7 L7 5" stroke="{WHITE}" stroke-width="1.3"/>'
    else:  # cross
        marks = (
            f'<path d="M-1 1 L1 -1 M0 6 L6 0 M5 7 L7 5 M-1 5 L1 7 M0 0 L6 6 M5 -1 L7 1" '
            f'stroke="{WHITE}" stroke-width="1.1"/>'
        )
    return (
        f'<pattern id="{pid}" width="6" height="6" patternUnits="userSpaceOnUse">'
        f'<rect width="6" height="6" fill="{colour}"/>{marks}</pattern>'
    )


def _fill(ident: str, key: str) -> str:
    style = _style(key)
    if style.pattern == "solid":
        return escape(style.colour)
    return f"url(#{ident}-{key})"


def svg_open(ident: str, title: str, width: int, height: int, description: str) -> str:
    """The opening `<svg>` of a chart: an image named by its title (and description)."""
    labelled = f"{ident}-title"
    desc = ""
    if description:
        labelled += f" {ident}-desc"
        desc = f'<desc id="{ident}-desc">{escape(description)}</desc>'
    return (
        f'<svg xmlns="{SVG_NS}" class="chart" role="img" aria-labelledby="{labelled}" '
        f'width="{width}" height="{height}" viewBox="0 0 {width} {height}" focusable="false">'
        f'<title id="{ident}-title">{escape(title)}</title>{desc}'
    )


def _rect(x: float, y: float, w: float, h: float, fill: str, width: int, direction: str) -> str:
    if direction == "rtl":
        x = width - x - w
    return f'<rect x="{num(x)}" y="{num(y)}" width="{num(w)}" height="{num(h)}" fill="{fill}"/>'


def stacked_bar(
    segments: Sequence[tuple[str, float]],
    *,
    title: str,
    ident: str,
    direction: str = "ltr",
    width: int = 280,
    height: int = 24,
    description: str = "",
) -> str:
    """One horizontal bar split into parts in proportion to their values, in the given order
    from the start of the line (the left, or the right for "rtl").

    `segments` are (style key, value) pairs, e.g. [("level0", 2), ("level3", 5)]; parts worth 0
    are left out. With nothing to show the bar is an empty outline.
    """
    ident = check_ident(ident)
    direction = check_direction(direction)
    for key, value in segments:
        _style(key)
        if value < 0:
            raise ValueError(f"a negative value for {key!r}: {value}")
    total = float(sum(value for _, value in segments))
    keys = list(dict.fromkeys(key for key, value in segments if value > 0))
    parts = [svg_open(ident, title, width, height, description)]
    patterns = "".join(_pattern(ident, key) for key in keys)
    if patterns:
        parts.append(f"<defs>{patterns}</defs>")
    parts.append(
        f'<rect x="0.5" y="0.5" width="{width - 1}" height="{height - 1}" fill="{WHITE}" '
        f'stroke="{TRACK}"/>'
    )
    if total > 0:
        gap = 2.0
        x = 0.0
        shown = [(key, value) for key, value in segments if value > 0]
        for index, (key, value) in enumerate(shown):
            w = width * value / total
            # A white gap between two parts keeps each one against white, not its neighbour.
            drawn = w - gap if index < len(shown) - 1 and w > gap else w
            parts.append(
                f'<g data-key="{escape(key)}">'
                + _rect(x, 0, drawn, height, _fill(ident, key), width, direction)
                + "</g>"
            )
            x += w
    parts.append("</svg>")
    return "".join(parts)


def progress_bar(
    *,
    independent: float,
    progress: float,
    time: float,
    title: str,
    ident: str,
    direction: str = "ltr",
    width: int = 280,
    height: int = 36,
    description: str = "",
) -> str:
    """Progress against time, as two bars on one scale from 0 to 1 (shares, clamped):

    - the upper bar: the weighted progress (lines) with the share already independent (solid)
      drawn over it from the start;
    - the lower bar: the share of the plan's period that has passed (dots);
    and a dark line at the time passed across both, so "behind" shows as a bar that stops before
    the line.
    """
    ident = check_ident(ident)
    direction = check_direction(direction)
    independent, progress, time = _share(independent), _share(progress), _share(time)
    progress = max(progress, independent)
    gap = 4
    row = (height - gap) / 2
    inner = width - 2  # inside the outline
    parts = [svg_open(ident, title, width, height, description)]
    parts.append(f"<defs>{_pattern(ident, 'progress')}{_pattern(ident, 'time')}</defs>")
    for y in (0.0, row + gap):
        parts.append(
            f'<rect x="0.5" y="{num(y + 0.5)}" width="{width - 1}" height="{num(row - 1)}" '
            f'fill="{WHITE}" stroke="{TRACK}"/>'
        )
    bars = [
        ("progress", progress, 0.0),
        ("independent", independent, 0.0),
        ("time", time, row + gap),
    ]
    for key, share, y in bars:
        if share <= 0:
            continue
        parts.append(
            f'<g data-key="{key}">'
            + _rect(1, y + 1, inner * share, row - 2, _fill(ident, key), width, direction)
            + "</g>"
        )
        if key == "independent" and progress > independent:
            # A white gap where the solid part ends and the lined part goes on.
            parts.append(_rect(1 + inner * share, 1, 2, row - 2, WHITE, width, direction))
    x = 1 + inner * time
    if direction == "rtl":
        x = width - x
    x = min(max(x, 1.0), width - 1.0)
    parts.append(
        f'<line data-key="marker" x1="{num(x)}" y1="0" x2="{num(x)}" y2="{height}" '
        f'stroke="{MARKER}" stroke-width="2"/>'
    )
    parts.append("</svg>")
    return "".join(parts)


def swatch(key: str, *, ident: str, size: int = 16) -> str:
    """A small square in a style's colour and pattern, for the legend in the data table. It is
    decoration (the table's words say what it stands for), so it is hidden from screen readers."""
    ident = check_ident(ident)
    defs = _pattern(ident, key)
    return (
        f'<svg xmlns="{SVG_NS}" class="swatch" aria-hidden="true" focusable="false" '
        f'width="{size}" height="{size}" viewBox="0 0 {size} {size}">'
        + (f"<defs>{defs}</defs>" if defs else "")
        + f'<rect x="0.5" y="0.5" width="{size - 1}" height="{size - 1}" '
        f'fill="{_fill(ident, key)}" stroke="{TRACK}"/></svg>'
    )


def contrast(colour: str, against: str = WHITE) -> float:
    """The WCAG contrast ratio of two "#rrggbb" colours (1 to 21)."""

    def luminance(value: str) -> float:
        channels = [int(value[i : i + 2], 16) / 255 for i in (1, 3, 5)]
        linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
        return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]

    light, dark = sorted((luminance(colour), luminance(against)), reverse=True)
    return (light + 0.05) / (dark + 0.05)
