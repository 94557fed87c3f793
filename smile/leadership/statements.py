"""The SMILE self-assessment: its statements on the four dimensions, the answer scale, the
readiness levels and the threshold under which management support is the first thing to fix.

The statements are written for this product in plain words (the model's own: the link between
theory and practice at this workplace, the whole life situation, plain Swedish, the seven grounds
of discrimination, planning that is followed by concrete action). A statement's code is what is
stored; its words may be improved without breaking old rounds, as long as its meaning stays.
"""

from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from smile.mentoring.models import Dimension

# The order of the model: inclusion, learning, equality, management support.
DIMENSIONS = [Dimension.INCLUSION, Dimension.LEARNING, Dimension.EQUALITY, Dimension.SUPPORT]

# In the self-assessment the fourth dimension is management's own support, so it is named so.
DIMENSION_LABELS: dict[str, Promise] = {
    Dimension.INCLUSION: _("Inclusion"),
    Dimension.LEARNING: _("Learning"),
    Dimension.EQUALITY: _("Equality"),
    Dimension.SUPPORT: _("Management support"),
}


@dataclass(frozen=True)
class Statement:
    code: str
    dimension: str
    text: Promise


STATEMENTS: list[Statement] = [
    Statement(
        "inclusion.welcome",
        Dimension.INCLUSION,
        _("New adepts are welcomed and introduced to the people they work with."),
    ),
    Statement(
        "inclusion.community",
        Dimension.INCLUSION,
        _("Adepts take part in breaks, workplace meetings and social activities."),
    ),
    Statement(
        "inclusion.language",
        Dimension.INCLUSION,
        _("We help adepts with the words of the job and speak plain Swedish with them."),
    ),
    Statement(
        "inclusion.life",
        Dimension.INCLUSION,
        _("Mentors may talk with adepts about their whole life situation, not only the work."),
    ),
    Statement(
        "learning.theory",
        Dimension.LEARNING,
        _("Mentors know what the adept learns in the course and link it to the work here."),
    ),
    Statement(
        "learning.tasks",
        Dimension.LEARNING,
        _("There are planned work tasks where adepts practise what the course teaches."),
    ),
    Statement(
        "learning.feedback",
        Dimension.LEARNING,
        _("Adepts often get feedback on their work from their mentor."),
    ),
    Statement(
        "learning.mentor_skills",
        Dimension.LEARNING,
        _("Mentors have learnt how adults learn at work."),
    ),
    Statement(
        "equality.grounds",
        Dimension.EQUALITY,
        _("Managers and mentors know the seven grounds of discrimination in Swedish law."),
    ),
    Statement(
        "equality.fair",
        Dimension.EQUALITY,
        _("Everyone here gets the same chances of tasks, training and responsibility."),
    ),
    Statement(
        "equality.speak_up",
        Dimension.EQUALITY,
        _("An adept who is treated unfairly knows whom to tell, and is taken seriously."),
    ),
    Statement(
        "equality.routine",
        Dimension.EQUALITY,
        _("We have a routine against harassment and discrimination, and we follow it."),
    ),
    Statement(
        "support.attitude",
        Dimension.SUPPORT,
        _("Management speaks well of the mentorship and shows that it matters."),
    ),
    Statement(
        "support.time",
        Dimension.SUPPORT,
        _("Mentors have time for mentoring set aside in their working hours."),
    ),
    Statement(
        "support.plan",
        Dimension.SUPPORT,
        _("There is a plan for the mentorship, and management follows it up with action."),
    ),
    Statement(
        "support.development",
        Dimension.SUPPORT,
        _("Mentors get time and money for their own development as mentors."),
    ),
]

BY_CODE: dict[str, Statement] = {s.code: s for s in STATEMENTS}


def statements_of(dimension: str) -> list[Statement]:
    return [s for s in STATEMENTS if s.dimension == dimension]


# The answer scale, from "not true" to "true".
SCALE: list[tuple[int, Promise]] = [
    (1, _("Not true at all")),
    (2, _("Mostly not true")),
    (3, _("Partly true")),
    (4, _("Mostly true")),
    (5, _("Completely true")),
]

# A group's result is shown only when at least this many in it answered.
MIN_GROUP = 3
# Below this average, management support is called out as the first thing to fix.
SUPPORT_THRESHOLD = Fraction(3)
# The weakest statements shown to act on: at most this many, each below this average.
WEAKEST_SHOWN = 3
WEAKEST_BELOW = Fraction(4)


@dataclass(frozen=True)
class Level:
    code: str
    label: Promise
    description: Promise


# Readiness per dimension, from its average (1 to 5): below 2.5, below 3.5, below 4.25, above.
LEVELS: list[tuple[Fraction, Level]] = [
    (
        Fraction(5, 2),
        Level("early", _("Not in place"), _("Little of this is in place yet.")),
    ),
    (
        Fraction(7, 2),
        Level("started", _("Started"), _("Some is in place; much is still to do.")),
    ),
    (
        Fraction(17, 4),
        Level("established", _("Established"), _("Most is in place; keep it up and fill gaps.")),
    ),
    (
        Fraction(6),
        Level("strong", _("Strong"), _("This is well in place.")),
    ),
]


def level_of(average: Fraction) -> Level:
    for below, level in LEVELS:
        if average < below:
            return level
    return LEVELS[-1][1]


def one_decimal(value: Fraction) -> Decimal:
    """An average with one decimal, halves rounded away from zero."""
    sign = -1 if value < 0 else 1
    tenths = (abs(value) * 10 + Fraction(1, 2)).__floor__()
    return (Decimal(sign * tenths) / 10).quantize(Decimal("0.1"))
