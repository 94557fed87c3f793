"""The progress charts of the pages, in the reader's language and direction.

The SVG comes from `smile.lib.svg_charts`, which escapes everything it is given; that is why its
strings may be marked safe here. The words and numbers are in the table beside each chart.
"""

from fractions import Fraction
from typing import Any, Protocol

from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language_bidi
from django.utils.translation import gettext as _

from smile.learning.models import Level
from smile.lib import svg_charts


class Progress(Protocol):
    """What a chart needs of an adept's progress row (`selectors.Progress` has it)."""

    enrolment: Any
    time_share: Fraction

    @property
    def independent_share(self) -> Fraction: ...
    @property
    def progress_share(self) -> Fraction: ...
    @property
    def independent_text(self) -> str: ...
    @property
    def progress_text(self) -> str: ...
    @property
    def time_text(self) -> str: ...


LEGEND_KEYS = ("level0", "level1", "level2", "level3", "independent", "progress", "time")


def _direction() -> str:
    return "rtl" if get_language_bidi() else "ltr"


def _safe(markup: str) -> SafeString:
    return mark_safe(markup)  # noqa: S308 -- svg_charts escapes every value it puts in


def levels_chart(counts: list[int], *, ident: str, width: int = 280) -> SafeString:
    description = ", ".join(f"{label}: {counts[level]}" for level, label in Level.choices)
    return _safe(
        svg_charts.stacked_bar(
            [(f"level{level}", counts[level]) for level in range(4)],
            title=_("Objectives by level"),
            description=description,
            ident=ident,
            direction=_direction(),
            width=width,
        )
    )


def progress_chart(row: Progress, *, ident: str, width: int = 280) -> SafeString:
    description = _(
        "Independent: %(independent)s. Progress: %(progress)s. Time passed: %(time)s."
    ) % {
        "independent": row.independent_text,
        "progress": row.progress_text,
        "time": row.time_text,
    }
    return _safe(
        svg_charts.progress_bar(
            independent=float(row.independent_share),
            progress=float(row.progress_share),
            time=float(row.time_share),
            title=_("Progress against time"),
            description=description,
            ident=ident,
            direction=_direction(),
            width=width,
        )
    )


def row_chart(row: Progress) -> SafeString:
    """The small chart of one row of the cohort table, named after the adept."""
    chart = svg_charts.progress_bar(
        independent=float(row.independent_share),
        progress=float(row.progress_share),
        time=float(row.time_share),
        title=_("Progress against time: %(name)s") % {"name": row.enrolment.user.full_name},
        ident=f"progress-row-{row.enrolment.pk}",
        direction=_direction(),
        width=120,
        height=28,
    )
    return _safe(chart)


def legend() -> dict[str, SafeString]:
    """A small square per kind of bar, for the tables (decoration: the words say it)."""
    return {key: _safe(svg_charts.swatch(key, ident=f"legend-{key}")) for key in LEGEND_KEYS}
