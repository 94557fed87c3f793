"""Demo onboarding and language support for `make run`: the adepts got their checklists when
they were placed; some steps are ticked off by adept and mentor, some are late; language
ambassadors at two workplaces and a wish for an interpreter."""

from datetime import datetime

from django.utils import timezone

from smile.matching.models import Pair
from smile.organisations.models import Workplace

from . import services
from .models import ChecklistItem


def _tick(pair: Pair, count: int, day: tuple[int, int, int]) -> None:
    """The first `count` steps, ticked in turn by the adept and her mentor."""
    when = timezone.make_aware(datetime(*day, 10, 0))
    items = list(ChecklistItem.objects.filter(enrolment=pair.adept).order_by("position", "pk"))
    for index, item in enumerate(items[:count]):
        item.done_at = when
        item.done_by = pair.adept.user if index % 2 == 0 else pair.mentor.user
        item.save(update_fields=["done_at", "done_by"])


def load_inclusion_demo(*, pairs: dict[str, Pair], workplaces: dict[str, Workplace]) -> None:
    services.checklists_fill()
    for key, (count, day) in {
        "amal": (6, (2026, 9, 4)),
        "yonas": (3, (2026, 8, 28)),
        "olena": (4, (2026, 9, 2)),
        "farhad": (1, (2026, 8, 25)),
    }.items():
        if key in pairs:
            _tick(pairs[key], count, day)
    for workplace, name, language in (
        ("moulding", "Samir Haddad", "ar"),
        ("moulding", "Semhar Kidane", "ti"),
        ("factory", "Oksana Melnyk", "uk"),
    ):
        if workplace in workplaces:
            services.ambassador_add(workplace=workplaces[workplace], name=name, language=language)
    if "yonas" in pairs:
        services.language_support_save(
            enrolment=pairs["yonas"].adept,
            swedish_level="a2",
            wants_interpreter=True,
            interpreter_language="ti",
        )
    if "amal" in pairs:
        services.language_support_save(
            enrolment=pairs["amal"].adept, swedish_level="b1", wants_interpreter=False
        )
