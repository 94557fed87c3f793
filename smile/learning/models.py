"""Learning: theory linked to practice at this workplace.

A curriculum holds units of theory and plain-language objectives; a workplace task says where and
how an objective is practised at one workplace. Each adept has a learning plan (objectives with
target dates and a level on a four-step scale), signed by adept, mentor and teacher; she logs her
practice, the mentor confirms it; three-party reviews follow the plan; hours are recorded per day
and confirmed; and the trade's words are there to learn.
"""

from typing import TYPE_CHECKING

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from smile.core.models import TimeStamped
from smile.core.texts import language_field
from smile.organisations.models import Organisation, Workplace
from smile.programmes.models import Enrolment, Programme

if TYPE_CHECKING:
    # The managers of the models with texts per language (smile/learning/translation.py) are
    # django-modeltranslation's: mypy's Django plugin finds them once this module is read.
    from modeltranslation.manager import MultilingualManager  # noqa: F401


class Level(models.IntegerChoices):
    """How far the adept has come with an objective: the four steps of the scale."""

    NOT_STARTED = 0, _("Not started")
    INTRODUCED = 1, _("Introduced")
    WITH_SUPPORT = 2, _("Practised with support")
    INDEPENDENT = 3, _("Independent")


LEVEL_RANGE = Q(level__gte=0, level__lte=3)


def _level_check(field: str, name: str) -> models.CheckConstraint:
    return models.CheckConstraint(
        condition=Q(**{f"{field}__isnull": True}) | Q(**{f"{field}__gte": 0, f"{field}__lte": 3}),
        name=name,
    )


# --- curricula -------------------------------------------------------------------------------


class Curriculum(TimeStamped):
    """What the course teaches, for one trade; owned by a school or a programme owner."""

    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.PROTECT,
        related_name="curricula",
        verbose_name=_("organisation"),
    )
    name = models.CharField(_("name"), max_length=200)
    trade = models.CharField(_("trade"), max_length=100, blank=True)
    description = models.TextField(_("description"), max_length=2000, blank=True)
    programmes = models.ManyToManyField(
        Programme, related_name="curricula", blank=True, verbose_name=_("programmes")
    )
    # The languages whose version of the curriculum's texts (its name, description, units and
    # objectives) was machine-translated or not yet checked by someone who reads the language.
    languages_to_check = models.JSONField(_("translations to check"), default=list, blank=True)

    class Meta:
        verbose_name = _("curriculum")
        verbose_name_plural = _("curricula")
        # The `_sv` columns are the Swedish source, which every text has (the other languages'
        # columns are added beside them by smile/learning/translation.py). Lists are in its order
        # whatever the reader's language, and the rules hold on it.
        ordering = ["name_sv"]
        constraints = [
            models.UniqueConstraint(fields=["organisation", "name_sv"], name="curriculum_unique"),
            models.CheckConstraint(condition=~Q(name_sv=""), name="curriculum_name_not_empty"),
        ]

    def __str__(self) -> str:
        return self.name


class Unit(TimeStamped):
    """A unit of theory, such as measurement technology, moulding or safety."""

    curriculum = models.ForeignKey(
        Curriculum, on_delete=models.CASCADE, related_name="units", verbose_name=_("curriculum")
    )
    code = models.CharField(_("code"), max_length=20)
    name = models.CharField(_("name"), max_length=200)
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        verbose_name = _("unit")
        verbose_name_plural = _("units")
        ordering = ["order", "code"]
        constraints = [
            models.UniqueConstraint(fields=["curriculum", "code"], name="unit_code_unique"),
            models.CheckConstraint(condition=~Q(code="") & ~Q(name_sv=""), name="unit_not_empty"),
        ]

    def __str__(self) -> str:
        return f"{self.code} {self.name}"


class Objective(TimeStamped):
    """A learning objective in plain language. Its code is unique in the curriculum."""

    curriculum = models.ForeignKey(
        Curriculum,
        on_delete=models.CASCADE,
        related_name="objectives",
        verbose_name=_("curriculum"),
    )
    unit = models.ForeignKey(
        Unit, on_delete=models.CASCADE, related_name="objectives", verbose_name=_("unit")
    )
    code = models.CharField(_("code"), max_length=20)
    text = models.CharField(_("objective"), max_length=300)
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        verbose_name = _("objective")
        verbose_name_plural = _("objectives")
        ordering = ["unit__order", "order", "code"]
        constraints = [
            models.UniqueConstraint(fields=["curriculum", "code"], name="objective_code_unique"),
            models.CheckConstraint(
                condition=~Q(code="") & ~Q(text_sv=""), name="objective_not_empty"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.code} {self.text}"


class WorkplaceTask(TimeStamped):
    """A real task at one workplace where objectives are practised."""

    workplace = models.ForeignKey(
        Workplace, on_delete=models.CASCADE, related_name="tasks", verbose_name=_("workplace")
    )
    title = models.CharField(_("what"), max_length=200)
    location = models.CharField(_("where"), max_length=200, blank=True)
    tools = models.CharField(_("tools"), max_length=300, blank=True)
    safety_notes = models.TextField(_("safety"), max_length=1000, blank=True)
    photo = models.ImageField(_("photo"), upload_to="tasks/%Y/%m/", blank=True)
    objectives = models.ManyToManyField(
        Objective, related_name="tasks", blank=True, verbose_name=_("objectives")
    )
    # The languages whose version of the task was machine-translated or not yet checked.
    languages_to_check = models.JSONField(_("translations to check"), default=list, blank=True)

    class Meta:
        verbose_name = _("workplace task")
        verbose_name_plural = _("workplace tasks")
        ordering = ["title_sv"]  # the Swedish source: see Curriculum
        constraints = [
            models.UniqueConstraint(fields=["workplace", "title_sv"], name="workplace_task_unique"),
            models.CheckConstraint(condition=~Q(title_sv=""), name="workplace_task_title"),
        ]

    def __str__(self) -> str:
        return self.title


# --- the individual learning plan ------------------------------------------------------------


class PlanStatus(models.TextChoices):
    DRAFT = "draft", _("Being prepared")
    SIGNED = "signed", _("Signed by all three")
    IN_REVIEW = "review", _("Changed: to be signed again")


class LearningPlan(TimeStamped):
    """One adept's plan. `version` is the version being prepared or last signed; every signed
    version is kept as a `PlanVersion` snapshot."""

    enrolment = models.OneToOneField(
        Enrolment, on_delete=models.CASCADE, related_name="learning_plan"
    )
    status = models.CharField(max_length=6, choices=PlanStatus.choices, default=PlanStatus.DRAFT)
    version = models.PositiveIntegerField(default=1)

    class Meta:
        constraints = [
            models.CheckConstraint(condition=Q(version__gte=1), name="plan_version_positive"),
        ]

    def __str__(self) -> str:
        return f"plan {self.enrolment_id} v{self.version}"


class PlanObjective(TimeStamped):
    """An objective in a plan: the skills scan (her own and the mentor's starting level), the
    target date and the level reached now."""

    plan = models.ForeignKey(LearningPlan, on_delete=models.CASCADE, related_name="items")
    objective = models.ForeignKey(Objective, on_delete=models.PROTECT, related_name="+")
    target_on = models.DateField(_("target date"), null=True, blank=True)
    self_rating = models.PositiveSmallIntegerField(
        _("my own rating"), choices=Level.choices, null=True, blank=True
    )
    mentor_rating = models.PositiveSmallIntegerField(
        _("the mentor's rating"), choices=Level.choices, null=True, blank=True
    )
    level = models.PositiveSmallIntegerField(
        _("level"), choices=Level.choices, default=Level.NOT_STARTED
    )

    class Meta:
        ordering = ["objective__unit__order", "objective__order", "objective__code"]
        constraints = [
            models.UniqueConstraint(fields=["plan", "objective"], name="plan_objective_unique"),
            models.CheckConstraint(condition=LEVEL_RANGE, name="plan_objective_level"),
            _level_check("self_rating", "plan_objective_self_rating"),
            _level_check("mentor_rating", "plan_objective_mentor_rating"),
        ]

    def __str__(self) -> str:
        return f"{self.plan_id}: {self.objective_id}"


class SignerRole(models.TextChoices):
    ADEPT = "adept", _("Adept")
    MENTOR = "mentor", _("Mentor")
    TEACHER = "teacher", _("Teacher")


class PlanSignature(models.Model):
    """A signature on one version of a plan."""

    plan = models.ForeignKey(LearningPlan, on_delete=models.CASCADE, related_name="signatures")
    version = models.PositiveIntegerField()
    role = models.CharField(max_length=7, choices=SignerRole.choices)
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    signed_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["version", "signed_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["plan", "version", "role"], name="plan_signature_once_per_role"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.plan_id} v{self.version} {self.role}"


class PlanVersion(models.Model):
    """A signed version of a plan, kept as it was signed (objectives and target dates)."""

    plan = models.ForeignKey(LearningPlan, on_delete=models.CASCADE, related_name="versions")
    version = models.PositiveIntegerField()
    snapshot = models.JSONField()
    signed_at = models.DateTimeField()

    class Meta:
        ordering = ["-version"]
        constraints = [
            models.UniqueConstraint(fields=["plan", "version"], name="plan_version_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.plan_id} v{self.version}"


# --- practice log ----------------------------------------------------------------------------


class PracticeStatus(models.TextChoices):
    SUBMITTED = "submitted", _("Waiting for the mentor")
    RETURNED = "returned", _("Returned with a comment")
    CONFIRMED = "confirmed", _("Confirmed")


class PracticeEntry(TimeStamped):
    """What the adept did at work; the mentor confirms it or returns it with a comment."""

    enrolment = models.ForeignKey(
        Enrolment, on_delete=models.CASCADE, related_name="practice_entries"
    )
    done_on = models.DateField(_("date"))
    task = models.ForeignKey(
        WorkplaceTask,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="practice_entries",
        verbose_name=_("task"),
    )
    objective = models.ForeignKey(
        Objective,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("objective"),
    )
    note = models.TextField(_("what I did"), max_length=2000, blank=True)
    # The language each text is written in (smile.core.texts): the pages mark it, and a reader
    # may have it translated by machine.
    note_language = language_field(_("the note is written in"))
    photo = models.ImageField(_("photo"), upload_to="practice/%Y/%m/", blank=True)
    self_level = models.PositiveSmallIntegerField(_("my level"), choices=Level.choices)
    status = models.CharField(
        max_length=9, choices=PracticeStatus.choices, default=PracticeStatus.SUBMITTED
    )
    mentor_comment = models.TextField(_("comment"), max_length=1000, blank=True)
    comment_language = language_field(_("the comment is written in"))
    mentor_level = models.PositiveSmallIntegerField(
        _("the mentor's assessment"), choices=Level.choices, null=True, blank=True
    )
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    reviewed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-done_on", "-pk"]
        indexes = [models.Index(fields=["enrolment", "status"])]
        constraints = [
            _level_check("self_level", "practice_self_level"),
            _level_check("mentor_level", "practice_mentor_level"),
            models.CheckConstraint(
                condition=~Q(status="confirmed")
                | Q(mentor_level__isnull=False, reviewed_at__isnull=False),
                name="practice_confirmed_is_assessed",
            ),
            models.CheckConstraint(
                condition=~Q(status="returned") | ~Q(mentor_comment=""),
                name="practice_returned_has_comment",
            ),
            models.CheckConstraint(
                condition=~Q(note="") | ~Q(photo="") | Q(task__isnull=False),
                name="practice_says_something",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.enrolment_id} {self.done_on}"


class PracticeCorrection(models.Model):
    """A change to a confirmed entry: who changed what, from what, to what, and why."""

    entry = models.ForeignKey(PracticeEntry, on_delete=models.CASCADE, related_name="corrections")
    by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    at = models.DateTimeField(auto_now_add=True)
    field = models.CharField(max_length=30)
    old_value = models.CharField(max_length=2000, blank=True)
    new_value = models.CharField(max_length=2000, blank=True)
    reason = models.CharField(_("reason"), max_length=300)

    class Meta:
        ordering = ["at"]
        constraints = [
            models.CheckConstraint(condition=~Q(reason=""), name="practice_correction_reason"),
        ]

    def __str__(self) -> str:
        return f"{self.entry_id} {self.field}"


# --- three-party reviews ---------------------------------------------------------------------


class ReviewStatus(models.TextChoices):
    PLANNED = "planned", _("Planned")
    HELD = "held", _("Held")
    SIGNED = "signed", _("Signed by all three")


class Review(TimeStamped):
    """A three-party review (adept, mentor, teacher) following the learning plan."""

    enrolment = models.ForeignKey(Enrolment, on_delete=models.CASCADE, related_name="reviews")
    scheduled_for = models.DateTimeField(_("time"))
    place = models.CharField(_("place"), max_length=200, blank=True)
    agenda = models.TextField(_("agenda"), max_length=4000, blank=True)
    notes = models.TextField(_("notes"), max_length=4000, blank=True)
    next_steps = models.TextField(_("agreed next steps"), max_length=2000, blank=True)
    status = models.CharField(
        max_length=7, choices=ReviewStatus.choices, default=ReviewStatus.PLANNED
    )
    held_at = models.DateTimeField(null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )

    class Meta:
        ordering = ["scheduled_for"]
        constraints = [
            models.CheckConstraint(
                condition=Q(status="planned") | Q(held_at__isnull=False),
                name="review_held_has_time",
            ),
        ]

    def __str__(self) -> str:
        return f"review {self.enrolment_id} {self.scheduled_for:%Y-%m-%d}"


class ReviewSignature(models.Model):
    review = models.ForeignKey(Review, on_delete=models.CASCADE, related_name="signatures")
    role = models.CharField(max_length=7, choices=SignerRole.choices)
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    signed_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["review", "role"], name="review_signature_once"),
        ]

    def __str__(self) -> str:
        return f"{self.review_id} {self.role}"


# --- hours -----------------------------------------------------------------------------------


class HoursKind(models.TextChoices):
    THEORY = "theory", _("Theory (school)")
    WORKPLACE = "workplace", _("Workplace")


class HoursEntry(TimeStamped):
    """Hours on one day, from and to. Workplace hours are confirmed by the mentor, theory hours
    by the teacher. Entries of one adept never overlap (checked under a lock)."""

    enrolment = models.ForeignKey(Enrolment, on_delete=models.CASCADE, related_name="hours")
    day = models.DateField(_("date"))
    kind = models.CharField(_("kind"), max_length=9, choices=HoursKind.choices)
    starts_at = models.TimeField(_("from"))
    ends_at = models.TimeField(_("to"))
    note = models.CharField(_("note"), max_length=200, blank=True)
    confirmed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    confirmed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["day", "starts_at"]
        indexes = [models.Index(fields=["enrolment", "day"])]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_at__gt=F("starts_at")), name="hours_end_after_start"
            ),
            models.CheckConstraint(
                condition=Q(kind__in=["theory", "workplace"]), name="hours_kind"
            ),
        ]

    @property
    def minutes(self) -> int:
        return (self.ends_at.hour * 60 + self.ends_at.minute) - (
            self.starts_at.hour * 60 + self.starts_at.minute
        )

    def __str__(self) -> str:
        return f"{self.enrolment_id} {self.day} {self.starts_at}-{self.ends_at}"


class MonthConfirmation(models.Model):
    """The adept confirms a month's totals; funders need certified hours. Totals are frozen."""

    enrolment = models.ForeignKey(
        Enrolment, on_delete=models.CASCADE, related_name="month_confirmations"
    )
    month = models.DateField()  # the first day of the month
    theory_minutes = models.PositiveIntegerField()
    workplace_minutes = models.PositiveIntegerField()
    confirmed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    confirmed_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-month"]
        constraints = [
            models.UniqueConstraint(fields=["enrolment", "month"], name="month_confirmed_once"),
            models.CheckConstraint(condition=Q(month__day=1), name="month_is_first_day"),
        ]

    def __str__(self) -> str:
        return f"{self.enrolment_id} {self.month:%Y-%m}"


# --- vocabulary ------------------------------------------------------------------------------


class Term(TimeStamped):
    """A word or phrase of the trade, in Swedish, with translations into the adepts' languages."""

    curriculum = models.ForeignKey(
        Curriculum,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="terms",
        verbose_name=_("curriculum"),
    )
    workplace = models.ForeignKey(
        Workplace,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="terms",
        verbose_name=_("workplace"),
    )
    swedish = models.CharField(_("word or phrase in Swedish"), max_length=200)
    explanation = models.CharField(_("explanation in plain Swedish"), max_length=300, blank=True)
    translations = models.JSONField(_("translations"), default=dict, blank=True)
    picture = models.ImageField(_("picture"), upload_to="terms/%Y/%m/", blank=True)

    class Meta:
        verbose_name = _("word")
        verbose_name_plural = _("words")
        ordering = ["swedish"]
        constraints = [
            models.CheckConstraint(
                condition=Q(curriculum__isnull=False, workplace__isnull=True)
                | Q(curriculum__isnull=True, workplace__isnull=False),
                name="term_belongs_to_one",
            ),
            models.CheckConstraint(condition=~Q(swedish=""), name="term_not_empty"),
            models.UniqueConstraint(
                fields=["curriculum", "swedish"],
                condition=Q(curriculum__isnull=False),
                name="term_unique_in_curriculum",
            ),
            models.UniqueConstraint(
                fields=["workplace", "swedish"],
                condition=Q(workplace__isnull=False),
                name="term_unique_at_workplace",
            ),
        ]

    def __str__(self) -> str:
        return self.swedish


class TermPractice(models.Model):
    """How a person is doing with a word when she practises."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="term_practice"
    )
    term = models.ForeignKey(Term, on_delete=models.CASCADE, related_name="practice")
    known = models.BooleanField(default=False)
    times = models.PositiveIntegerField(default=0)
    last_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["user", "term"], name="term_practice_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.user_id} {self.term_id}"
