"""The trend of a workplace's belonging over rounds, as bars drawn on the server (house style of
`smile.lib.svg_charts`: an image with a name and no words inside; the page shows the numbers in a
table beside it; mirrored on right-to-left pages). A round with too few answers has no bar, only
a dotted outline, so a missing bar never reads as a low one."""

from collections.abc import Sequence

from smile.lib.svg_charts import TRACK, WHITE, check_direction, check_ident, num, svg_open

BAR = "#0b5cad"  # 6.9:1 against white


def trend_bars(
    values: Sequence[float | None],
    *,
    title: str,
    ident: str,
    direction: str = "ltr",
    width: int = 320,
    height: int = 140,
    description: str = "",
) -> str:
    """One bar per round (oldest first), from 1 to 5; None is a round not shown."""
    ident = check_ident(ident)
    direction = check_direction(direction)
    for value in values:
        if value is not None and not 1 <= value <= 5:
            raise ValueError(f"{value} is outside 1–5")
    pad = 8
    inner_w, inner_h = width - 2 * pad, height - 2 * pad
    parts = [svg_open(ident, title, width, height, description)]
    parts.append(f'<rect width="{width}" height="{height}" fill="{WHITE}"/>')
    for level in range(1, 6):
        y = pad + inner_h * (1 - (level - 1) / 4)
        parts.append(
            f'<line x1="{pad}" y1="{num(y)}" x2="{width - pad}" y2="{num(y)}" '
            f'stroke="{TRACK}" stroke-width="1" stroke-dasharray="2 3"/>'
        )
    count = max(len(values), 1)
    slot = inner_w / count
    bar_w = min(slot * 0.6, 40)
    for index, value in enumerate(values):
        x = pad + slot * index + (slot - bar_w) / 2
        if direction == "rtl":
            x = width - x - bar_w
        if value is None:
            parts.append(
                f'<rect x="{num(x)}" y="{pad}" width="{num(bar_w)}" height="{inner_h}" '
                f'fill="none" stroke="{TRACK}" stroke-dasharray="3 3"/>'
            )
            continue
        # A bar rises from the bottom; 1 gets a sliver so it is still seen.
        h = max(inner_h * (value - 1) / 4, 3)
        parts.append(
            f'<rect x="{num(x)}" y="{num(pad + inner_h - h)}" width="{num(bar_w)}" '
            f'height="{num(h)}" fill="{BAR}"/>'
        )
    parts.append("</svg>")
    return "".join(parts)
