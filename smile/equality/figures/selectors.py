"""Fair figures: outcomes by gender for a programme or a workplace, with small cells hidden.

Gender comes from matching (`MatchingProfile.gender`), but only for people who said yes to
`StatisticsConsent`; everyone else is counted as "not stated". Every count goes through
`smile.equality.suppression.suppress`, so no figure is about fewer than five people and none can
be worked out by subtracting shown figures from the total. An average (progress, hours, meetings
held, i.e. logged, over all her pairs) is shown only for a group whose number of adepts is shown.
Belonging is not here: pulse answers keep no link to a person, so they have no group; the
belonging pages show them per workplace. The figures never name anyone.
"""

from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from django.db.models import Count, QuerySet
from django.utils.formats import number_format
from django.utils.translation import gettext_lazy as _

from smile.equality.models import StatisticsConsent
from smile.equality.suppression import Suppressed, suppress
from smile.learning.models import HoursEntry
from smile.learning.progress.selectors import percent, progress_of
from smile.matching.models import MatchingProfile, Pair, PairStatus
from smile.programmes.models import Enrolment, EnrolmentRole

NOT_STATED = "not_stated"
GROUPS = ("woman", "man", "non_binary", NOT_STATED)
GROUP_LABELS = {
    "woman": _("Women"),
    "man": _("Men"),
    "non_binary": _("Non-binary"),
    NOT_STATED: _("Not stated"),
}


@dataclass
class Line:
    label: str
    cells: list[str | None]  # one per group, None where hidden
    total: str | None

    @property
    def labelled(self) -> list[tuple[str, str | None]]:
        """(group label, shown figure or None) for the template."""
        return [
            (str(GROUP_LABELS[group]), cell) for group, cell in zip(GROUPS, self.cells, strict=True)
        ]


@dataclass
class Figures:
    lines: list[Line]
    adepts: Suppressed
    too_small: list[str] = field(default_factory=list)  # labels of groups hidden for their size
    protecting: list[str] = field(default_factory=list)  # hidden so the others stay hidden
    counts_hidden: bool = False  # a figure other than the number of adepts hides something

    @property
    def labels(self) -> list[str]:
        return [str(GROUP_LABELS[group]) for group in GROUPS]

    @property
    def anything_hidden(self) -> bool:
        return self.adepts.anything_hidden or self.counts_hidden

    @property
    def all_hidden(self) -> bool:
        return self.adepts.total is None


def gender_of(enrolments: list[Enrolment]) -> dict[int, str]:
    """The group of each adept enrolment: her gender only if she said yes to being counted."""
    ids = [e.pk for e in enrolments]
    consenting = set(
        StatisticsConsent.objects.filter(
            user_id__in={e.user_id for e in enrolments}, gender_counted=True
        ).values_list("user_id", flat=True)
    )
    genders = dict(
        MatchingProfile.objects.filter(enrolment_id__in=ids)
        .exclude(gender="")
        .values_list("enrolment_id", "gender")
    )
    return {
        e.pk: (genders.get(e.pk) or NOT_STATED) if e.user_id in consenting else NOT_STATED
        for e in enrolments
    }


def _count_line(label: Any, counts: dict[str, int]) -> tuple[Line, Suppressed]:
    result = suppress({group: counts.get(group, 0) for group in GROUPS})
    cells = [None if result.cells[g] is None else str(result.cells[g]) for g in GROUPS]
    total = None if result.total is None else str(result.total)
    return Line(str(label), cells, total), result


def _mean_line(
    label: Any, values: dict[str, list[float]], shown: Suppressed, as_text: Callable[[int], str]
) -> Line:
    def mean(numbers: list[float]) -> str:
        return as_text(round(sum(numbers) / len(numbers))) if numbers else "–"

    cells = [None if shown.cells[g] is None else mean(values.get(g, [])) for g in GROUPS]
    every = [number for group in GROUPS for number in values.get(group, [])]
    return Line(str(label), cells, None if shown.total is None else mean(every))


def figures_of(enrolments: QuerySet[Enrolment], today: date) -> Figures:
    """The figures for these enrolments' adepts (a constant number of queries)."""
    adepts = list(
        enrolments.filter(role=EnrolmentRole.ADEPT).select_related("programme").order_by("pk")
    )
    group = gender_of(adepts)
    ids = [e.pk for e in adepts]
    people: dict[str, int] = defaultdict(int)
    for enrolment in adepts:
        people[group[enrolment.pk]] += 1
    progress: dict[str, list[float]] = defaultdict(list)
    for row in progress_of(adepts, today, alerts=False):
        if row.total:
            progress[group[row.enrolment.pk]].append(row.progress)
    minutes: dict[int, int] = defaultdict(int)
    for entry in HoursEntry.objects.filter(enrolment_id__in=ids).only(
        "enrolment_id", "starts_at", "ends_at"
    ):
        minutes[entry.enrolment_id] += entry.minutes
    hours: dict[str, list[float]] = defaultdict(list)
    for enrolment in adepts:
        hours[group[enrolment.pk]].append(minutes[enrolment.pk] / 60)
    completed: dict[str, int] = defaultdict(int)
    ended: dict[str, int] = defaultdict(int)
    logged: dict[int, int] = defaultdict(int)  # meetings held (logged) per adept enrolment
    for adept_id, status, held in (
        Pair.objects.filter(adept_id__in=ids)
        .annotate(held=Count("logs"))
        .values_list("adept_id", "status", "held")
    ):
        logged[adept_id] += held
        if status == PairStatus.COMPLETED:
            completed[group[adept_id]] += 1
        elif status == PairStatus.ENDED:
            ended[group[adept_id]] += 1
    meetings: dict[str, list[float]] = defaultdict(list)
    for enrolment in adepts:
        meetings[group[enrolment.pk]].append(logged[enrolment.pk])

    adepts_line, shown = _count_line(_("Adepts"), people)
    completed_line, completed_shown = _count_line(_("Pairs completed"), completed)
    ended_line, ended_shown = _count_line(_("Pairs ended early"), ended)
    lines = [
        adepts_line,
        _mean_line(_("Learning progress, average"), progress, shown, percent),
        _mean_line(_("Hours logged per adept, average"), hours, shown, number_format),
        _mean_line(_("Meetings held per adept, average"), meetings, shown, number_format),
        completed_line,
        ended_line,
    ]
    return Figures(
        lines=lines,
        adepts=shown,
        too_small=[str(GROUP_LABELS[g]) for g in GROUPS if g in shown.too_small],
        protecting=[str(GROUP_LABELS[g]) for g in GROUPS if g in shown.protecting],
        counts_hidden=completed_shown.anything_hidden or ended_shown.anything_hidden,
    )
