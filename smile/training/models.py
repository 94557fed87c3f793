"""Mentor development: modules on the four SMILE dimensions, the mentor's private reflections
and which modules she has completed; her own development profile (self-ratings and goals, private
to her) and the programme's mentor network meetings with their attendance."""

from django.conf import settings
from django.db import models
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from smile.core.models import TimeStamped
from smile.mentoring.models import Dimension as SmileDimension
from smile.programmes.models import Enrolment, Programme


class Dimension(models.TextChoices):
    INCLUSION = "inclusion", _("Inclusion")
    LEARNING = "learning", _("Learning")
    EQUALITY = "equality", _("Equality")
    MANAGEMENT = "management", _("Management support")
    ROLE = "role", _("The mentor's role")


class Module(models.Model):
    """A short text for mentors with reflection questions. Staff content: Swedish and English
    (mentors read one of them); edited in the admin, seeded by a data migration."""

    code = models.SlugField(_("code"), max_length=40, unique=True)
    dimension = models.CharField(_("dimension"), max_length=20, choices=Dimension.choices)
    basic = models.BooleanField(_("basic module (required)"), default=False)
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    title_sv = models.CharField(_("title in Swedish"), max_length=120)
    title_en = models.CharField(_("title in English"), max_length=120)
    body_sv = models.TextField(_("text in Swedish"))
    body_en = models.TextField(_("text in English"))
    # [{"sv": "...", "en": "..."}, ...]: two or three questions.
    questions = models.JSONField(_("reflection questions"), default=list)

    class Meta:
        ordering = ["order", "pk"]
        verbose_name = _("module")
        verbose_name_plural = _("modules")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(dimension__in=Dimension.values), name="module_dimension_valid"
            )
        ]

    def __str__(self) -> str:
        return self.title_en

    def _english(self) -> bool:
        return (get_language() or "sv") != "sv"

    @property
    def title(self) -> str:
        return self.title_en if self._english() else self.title_sv

    @property
    def paragraphs(self) -> list[str]:
        body = self.body_en if self._english() else self.body_sv
        return [p.strip() for p in body.split("\n\n") if p.strip()]

    @property
    def language(self) -> str:
        return "en" if self._english() else "sv"

    def question_texts(self) -> list[str]:
        key = "en" if self._english() else "sv"
        return [str(q.get(key) or q.get("sv", "")) for q in self.questions]


class Reflection(TimeStamped):
    """A mentor's answer to one question. Private to her; only `shared` answers reach her
    coordinator."""

    module = models.ForeignKey(Module, on_delete=models.CASCADE, related_name="reflections")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="reflections"
    )
    question = models.PositiveSmallIntegerField()
    answer = models.TextField(_("answer"), max_length=3000)
    shared = models.BooleanField(_("share with my coordinator"), default=False)

    class Meta:
        verbose_name = _("reflection")
        verbose_name_plural = _("reflections")
        constraints = [
            models.UniqueConstraint(
                fields=["module", "user", "question"], name="reflection_one_per_question"
            ),
            models.CheckConstraint(condition=~models.Q(answer=""), name="reflection_not_empty"),
        ]


class Completion(models.Model):
    module = models.ForeignKey(Module, on_delete=models.CASCADE, related_name="completions")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="module_completions"
    )
    completed_on = models.DateField(_("completed on"))

    class Meta:
        verbose_name = _("completed module")
        verbose_name_plural = _("completed modules")
        constraints = [
            models.UniqueConstraint(fields=["module", "user"], name="completion_one_per_module")
        ]

    def __str__(self) -> str:
        return f"{self.module} ({self.completed_on})"


# The mentor's own development and the network meetings use the four dimensions of the SMILE
# model as the meeting logs' check-ins do (`smile.mentoring.models.Dimension`), so her own
# rating lines up with what her pairs rated on the same dimension.
RATING_DIMENSIONS = [str(value) for value in SmileDimension.values]


def range_checks(prefix: str) -> list[models.BaseConstraint]:
    """The database's own rule that each of the four ratings is 1 to 5."""
    return [
        models.CheckConstraint(
            condition=models.Q(**{f"{name}__gte": 1, f"{name}__lte": 5}),
            name=f"{prefix}_{name}_range",
        )
        for name in RATING_DIMENSIONS
    ]


class FourRatings(TimeStamped):
    """A rating of a mentor on the four dimensions, 1 to 5 each."""

    inclusion = models.PositiveSmallIntegerField(_("inclusion"))
    learning = models.PositiveSmallIntegerField(_("learning"))
    equality = models.PositiveSmallIntegerField(_("equality"))
    support = models.PositiveSmallIntegerField(_("support from the workplace"))

    class Meta:
        abstract = True

    def value(self, dimension: str) -> int:
        return int(getattr(self, dimension))


class SelfRating(FourRatings):
    """One round of a mentor's rating of herself on the four dimensions, 1 to 5. Private to her.

    A round is whenever she rates again; a second rating on the same day replaces that day's.
    """

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="self_ratings"
    )
    rated_on = models.DateField(_("date"))

    class Meta:
        ordering = ["rated_on", "pk"]
        verbose_name = _("self-rating")
        verbose_name_plural = _("self-ratings")
        constraints = [
            models.UniqueConstraint(fields=["user", "rated_on"], name="self_rating_one_per_day"),
            *range_checks("self_rating"),
        ]

    def __str__(self) -> str:
        return f"{self.user_id} {self.rated_on}"


class DevelopmentGoal(TimeStamped):
    """The mentor's personal goal on one dimension. Private to her."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="development_goals"
    )
    dimension = models.CharField(_("dimension"), max_length=10, choices=SmileDimension.choices)
    text = models.CharField(_("goal"), max_length=500)

    class Meta:
        verbose_name = _("development goal")
        verbose_name_plural = _("development goals")
        constraints = [
            models.UniqueConstraint(fields=["user", "dimension"], name="goal_one_per_dimension"),
            models.CheckConstraint(
                condition=models.Q(dimension__in=SmileDimension.values),
                name="goal_dimension_valid",
            ),
            models.CheckConstraint(condition=~models.Q(text=""), name="goal_not_empty"),
        ]


class NetworkMeeting(TimeStamped):
    """The coordinator gathers a programme's mentors for exchange and supervision."""

    programme = models.ForeignKey(
        Programme,
        on_delete=models.CASCADE,
        related_name="network_meetings",
        verbose_name=_("programme"),
    )
    starts_at = models.DateTimeField(_("day and time"))
    duration_minutes = models.PositiveSmallIntegerField(_("length in minutes"), default=90)
    place = models.CharField(_("place"), max_length=200, blank=True)
    video_url = models.URLField(_("video link"), blank=True)
    # The dimensions the meeting is about: one or more of `RATING_DIMENSIONS`.
    themes = models.JSONField(_("themes"), default=list)
    agenda = models.TextField(_("agenda"), max_length=1000, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    attendance_recorded_at = models.DateTimeField(
        _("attendance recorded at"), null=True, blank=True
    )
    # The coordinator called it off before it started; the mentors read the reason.
    cancelled_at = models.DateTimeField(_("cancelled at"), null=True, blank=True)
    cancel_reason = models.CharField(_("reason for cancelling"), max_length=300, blank=True)

    class Meta:
        ordering = ["starts_at", "pk"]
        verbose_name = _("mentor network meeting")
        verbose_name_plural = _("mentor network meetings")
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(place="", video_url=""), name="network_has_place_or_link"
            ),
            models.CheckConstraint(
                condition=models.Q(duration_minutes__gte=15, duration_minutes__lte=480),
                name="network_duration_range",
            ),
            models.CheckConstraint(
                condition=models.Q(cancelled_at__isnull=True) | ~models.Q(cancel_reason=""),
                name="network_cancelled_has_reason",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.programme} {self.starts_at:%Y-%m-%d %H:%M}"

    def theme_labels(self) -> list[str]:
        labels = dict(SmileDimension.choices)
        return [str(labels[t]) for t in RATING_DIMENSIONS if t in self.themes]

    @property
    def cancelled(self) -> bool:
        return self.cancelled_at is not None


class NetworkAttendance(models.Model):
    """A mentor of the programme was at the meeting, as the coordinator recorded."""

    meeting = models.ForeignKey(
        NetworkMeeting,
        on_delete=models.CASCADE,
        related_name="attendances",
        verbose_name=_("network meeting"),
    )
    enrolment = models.ForeignKey(
        Enrolment,
        on_delete=models.CASCADE,
        related_name="network_attendances",
        verbose_name=_("mentor"),
    )

    class Meta:
        verbose_name = _("attendance at a network meeting")
        verbose_name_plural = _("attendance at network meetings")
        constraints = [
            models.UniqueConstraint(fields=["meeting", "enrolment"], name="network_attendance_once")
        ]

    def __str__(self) -> str:
        return f"{self.meeting} {self.enrolment_id}"


class CoordinatorView(FourRatings):
    """The coordinator's view of a mentor in her programme on the four dimensions, 1 to 5, with
    an optional short comment. A new one each time she gives it; the latest counts. Seen by the
    mentor herself and the coordinators of the programme's owner, nobody else."""

    enrolment = models.ForeignKey(
        Enrolment,
        on_delete=models.CASCADE,
        related_name="coordinator_views",
        verbose_name=_("mentor"),
    )
    given_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    given_on = models.DateField(_("date"))
    comment = models.CharField(_("comment"), max_length=300, blank=True)

    class Meta:
        ordering = ["given_on", "pk"]
        verbose_name = _("coordinator's view of a mentor")
        verbose_name_plural = _("coordinator's views of mentors")
        constraints = range_checks("coordinator_view")

    def __str__(self) -> str:
        return f"{self.enrolment_id} {self.given_on}"
