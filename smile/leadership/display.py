"""What the templates need to draw a round's radar and the ratings' trend: the SVG, and the rows of
the table beside it (the numbers, with the words the SVG leaves out)."""

from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction
from typing import Any

from django.utils.formats import number_format
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language_bidi
from django.utils.translation import gettext as _

from smile.belonging.charts import trend_bars
from smile.core.dates import day, month_year
from smile.leadership import charts
from smile.leadership import statements as st
from smile.leadership.models import RespondentRole
from smile.leadership.results import RoundResult
from smile.leadership.selectors import TREND_DIMENSIONS, SmilePage


def _float(value: Fraction | None) -> float | None:
    return None if value is None else float(value)


def _direction() -> str:
    return "rtl" if get_language_bidi() else "ltr"


@dataclass
class Column:
    key: str
    label: str
    swatch: SafeString


@dataclass
class RadarRow:
    dimension: str
    label: str
    values: list[Decimal | None]
    level: st.Level
    change: Decimal | None


def radar(result: RoundResult, *, ident: str) -> dict[str, Any]:
    """The radar of a round with enough answers: everyone, and each group that may be shown."""
    groups = dict(RespondentRole.choices)
    columns = [Column("overall", _("Everyone"), mark_safe(charts.line_swatch("overall")))]  # noqa: S308
    series: list[tuple[str, list[float | None]]] = [
        ("overall", [float(d.average) for d in result.dimensions])
    ]
    for index, role in enumerate(result.groups):
        columns.append(
            Column(role, str(groups[role]), mark_safe(charts.line_swatch(role)))  # noqa: S308
        )
        series.append(
            (
                role,
                [_float(d.groups[index].average) for d in result.dimensions],
            )
        )
    rows = [
        RadarRow(
            dimension=d.dimension,
            label=str(d.label),
            values=[d.shown, *[g.shown for g in d.groups]],
            level=d.level,
            change=d.change_shown,
        )
        for d in result.dimensions
    ]
    labels = {d.dimension: str(d.label) for d in result.dimensions}
    svg = charts.radar(
        series,
        title=_("Self-assessment: the average per dimension, from 1 to 5"),
        ident=ident,
        direction=_direction(),
        description=", ".join(
            f"{row.label}: {number_format(d.shown, decimal_pos=1)}"
            for row, d in zip(rows, result.dimensions, strict=True)
        ),
    )
    return {
        "svg": mark_safe(svg),  # noqa: S308 - built from numbers and escaped text only
        "columns": columns,
        "rows": rows,
        "axes": [labels.get(str(d), "") for d in st.DIMENSIONS],
        "has_change": any(row.change is not None for row in rows),
    }


def trend(page: SmilePage, *, ident: str) -> dict[str, Any]:
    """The mentors' ratings month by month: a line per dimension and the table."""
    labels = {
        "support": _("Support from the workplace"),
        "inclusion": st.DIMENSION_LABELS["inclusion"],
        "learning": st.DIMENSION_LABELS["learning"],
        "equality": st.DIMENSION_LABELS["equality"],
    }
    series: list[tuple[str, list[float | None]]] = []
    for index, dimension in enumerate(TREND_DIMENSIONS):
        values = [row.cells[index].average for row in page.trend]
        series.append((str(dimension), [None if v is None else float(v) for v in values]))
    svg = charts.trend(
        series,
        title=_("The mentors' ratings per month, from 1 (very bad) to 5 (very good)"),
        ident=ident,
        direction=_direction(),
    )
    return {
        "svg": mark_safe(svg),  # noqa: S308 - built from numbers and escaped text only
        "columns": [
            Column(str(d), str(labels[str(d)]), mark_safe(charts.line_swatch(str(d))))  # noqa: S308
            for d in TREND_DIMENSIONS
        ],
        "rows": [(month_year(row.month), row.cells) for row in page.trend],
    }


@dataclass
class BelongingTrend:
    workplace_pk: int
    name: str
    # (the day the round opened, smile.belonging.selectors.RoundFigure), oldest first
    rounds: list[tuple[str, Any]]
    svg: SafeString | None  # None when no round may be shown


def belonging(page: SmilePage) -> list[BelongingTrend]:
    """The belonging trend of each workplace with a closed round: bars of the rounds' overall
    mean (a round with too few answers is an outline, never a low bar), the numbers beside."""
    trends = []
    days: dict[int, str] = {}  # a round's day, written once for all its workplaces
    for f in page.workplaces:
        if not f.belonging:
            continue
        svg = None
        if any(r.shown for r in f.belonging):
            svg = mark_safe(  # noqa: S308 - built from numbers and escaped text only
                trend_bars(
                    [r.overall for r in f.belonging],
                    title=_("Belonging at %(workplace)s, round by round")
                    % {"workplace": f.workplace.name},
                    ident=f"belonging-{f.workplace.pk}",
                    direction=_direction(),
                    description=_(
                        "The mean of all statements, from 1 to 5. "
                        "The table beside it has the numbers."
                    ),
                )
            )
        rounds = []
        for r in f.belonging:
            if r.round_id not in days:
                days[r.round_id] = day(r.opens_at)
            rounds.append((days[r.round_id], r))
        trends.append(BelongingTrend(f.workplace.pk, f.workplace.name, rounds, svg))
    return trends
