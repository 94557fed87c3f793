from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from smile.core.models import TimeStamped
from smile.programmes.models import Enrolment, Programme


class PairStatus(models.TextChoices):
    DRAFT = "draft", _("Suggested, not published")
    PROPOSED = "proposed", _("Proposed")
    ACTIVE = "active", _("Active")
    PAUSED = "paused", _("Paused")
    COMPLETED = "completed", _("Completed")
    ENDED = "ended", _("Ended early")


LIVE_PAIR_STATUSES = [PairStatus.ACTIVE, PairStatus.PAUSED]
# Statuses that hold a mentor's place: a proposal waiting for answers holds it too.
PLACE_HOLDING_STATUSES = [PairStatus.PROPOSED, PairStatus.ACTIVE, PairStatus.PAUSED]


class Shift(models.TextChoices):
    DAY = "day", _("Day")
    EVENING = "evening", _("Evening")
    NIGHT = "night", _("Night")
    WEEKEND = "weekend", _("Weekend")


class LanguageLevel(models.IntegerChoices):
    BASIC = 1, _("A little")
    CONVERSATION = 2, _("Everyday conversation")
    FLUENT = 3, _("Fluent")
    NATIVE = 4, _("Mother tongue")


class Gender(models.TextChoices):
    WOMAN = "woman", _("Woman")
    MAN = "man", _("Man")
    NON_BINARY = "non_binary", _("Non-binary")


class MatchingProfile(TimeStamped):
    """What matching needs to know about a mentor or an adept in one programme, and no more.

    Gender is asked only so that an adept who wants a mentor of the same gender can have one;
    it is optional for everyone and never shown outside matching.
    """

    enrolment = models.OneToOneField(
        Enrolment, on_delete=models.CASCADE, related_name="matching_profile"
    )
    # [{"code": "ar", "level": 4}, …] with ISO 639 codes; validated by the service.
    languages = models.JSONField(_("languages"), default=list, blank=True)
    trade = models.CharField(_("trade"), max_length=100, blank=True)
    skills = models.JSONField(_("skills"), default=list, blank=True)
    shifts = models.JSONField(_("shifts"), default=list, blank=True)
    interests = models.JSONField(_("interests"), default=list, blank=True)
    gender = models.CharField(_("gender"), max_length=12, choices=Gender.choices, blank=True)
    wants_same_gender = models.BooleanField(_("I want a mentor of my own gender"), default=False)
    # Mentors: how many adepts at once (empty: the programme's setting).
    capacity = models.PositiveSmallIntegerField(_("adepts at once"), null=True, blank=True)
    training_completed_on = models.DateField(_("mentor training completed"), null=True, blank=True)
    # Adepts: the line manager at the workplace, who must never be the mentor as well.
    line_manager = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("line manager"),
    )

    class Meta:
        verbose_name = _("matching profile")
        verbose_name_plural = _("matching profiles")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(capacity__isnull=True) | models.Q(capacity__lte=10),
                name="profile_capacity_range",
            ),
        ]

    def __str__(self) -> str:
        return str(self.enrolment)


def effective_capacity(profile: MatchingProfile | None, programme: Programme) -> int:
    """How many adepts a mentor takes at once: her own setting, else the programme's."""
    if profile is not None and profile.capacity is not None:
        return profile.capacity
    return programme.mentor_capacity


def profile_of(enrolment: Enrolment) -> MatchingProfile | None:
    try:
        return enrolment.matching_profile
    except MatchingProfile.DoesNotExist:
        return None


class MatchingCriteria(TimeStamped):
    """A coordinator's weights (0–10) and hard rules for one programme."""

    programme = models.OneToOneField(
        Programme, on_delete=models.CASCADE, related_name="matching_criteria"
    )
    weight_language = models.PositiveSmallIntegerField(_("shared language"), default=10)
    weight_workplace = models.PositiveSmallIntegerField(_("same workplace"), default=8)
    weight_trade = models.PositiveSmallIntegerField(_("same trade and skills"), default=6)
    weight_shifts = models.PositiveSmallIntegerField(_("same shifts"), default=5)
    weight_interests = models.PositiveSmallIntegerField(_("shared interests"), default=2)
    weight_gender = models.PositiveSmallIntegerField(_("gender wish"), default=5)
    require_same_workplace = models.BooleanField(_("mentor at the same workplace"), default=False)
    require_same_employer = models.BooleanField(_("mentor at the same employer"), default=True)
    require_shared_language = models.BooleanField(_("at least one shared language"), default=True)
    exclude_line_manager = models.BooleanField(
        _("never the adept's own line manager"), default=True
    )
    exclude_ended_badly = models.BooleanField(
        _("never a pair that ended early before"), default=True
    )

    class Meta:
        verbose_name = _("matching criteria")
        verbose_name_plural = _("matching criteria")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(
                    weight_language__lte=10,
                    weight_workplace__lte=10,
                    weight_trade__lte=10,
                    weight_shifts__lte=10,
                    weight_interests__lte=10,
                    weight_gender__lte=10,
                ),
                name="criteria_weights_range",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.programme}"


class Exclusion(TimeStamped):
    """A coordinator's rule that this mentor and this adept must not be paired."""

    programme = models.ForeignKey(Programme, on_delete=models.CASCADE, related_name="exclusions")
    mentor = models.ForeignKey(Enrolment, on_delete=models.CASCADE, related_name="+")
    adept = models.ForeignKey(Enrolment, on_delete=models.CASCADE, related_name="+")
    reason = models.CharField(_("reason"), max_length=200, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["mentor", "adept"], name="exclusion_unique_pair"),
        ]

    def __str__(self) -> str:
        return f"{self.mentor} ≠ {self.adept}"


class RunStatus(models.TextChoices):
    QUEUED = "queued", _("Waiting")
    RUNNING = "running", _("Running")
    FINISHED = "finished", _("Finished")
    FAILED = "failed", _("Failed")


class MatchingRun(TimeStamped):
    """One run of the whole-cohort solver for a programme, done by the background worker."""

    programme = models.ForeignKey(Programme, on_delete=models.CASCADE, related_name="matching_runs")
    started_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    status = models.CharField(max_length=10, choices=RunStatus.choices, default=RunStatus.QUEUED)
    progress = models.PositiveSmallIntegerField(default=0)
    step = models.CharField(max_length=100, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)
    matched = models.PositiveIntegerField(default=0)
    total_score = models.FloatField(default=0)
    # {adept enrolment id: {mentor enrolment id: [rule codes]}} for adepts left unmatched.
    unmatched_reasons = models.JSONField(default=dict, blank=True)
    error = models.TextField(blank=True)

    class Meta:
        ordering = ["-created_at"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(progress__lte=100), name="run_progress_range"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.programme} {self.created_at:%Y-%m-%d %H:%M}"


class Pair(TimeStamped):
    """A mentor and an adept in one programme, from suggestion to the end."""

    programme = models.ForeignKey(Programme, on_delete=models.CASCADE, related_name="pairs")
    mentor = models.ForeignKey(
        Enrolment,
        on_delete=models.CASCADE,
        related_name="pairs_as_mentor",
        verbose_name=_("mentor"),
    )
    adept = models.ForeignKey(
        Enrolment, on_delete=models.CASCADE, related_name="pairs_as_adept", verbose_name=_("adept")
    )
    status = models.CharField(
        _("status"), max_length=10, choices=PairStatus.choices, default=PairStatus.PROPOSED
    )
    run = models.ForeignKey(
        MatchingRun, on_delete=models.SET_NULL, null=True, blank=True, related_name="pairs"
    )
    score = models.FloatField(_("compatibility"), null=True, blank=True)
    # {"language": {"points": 30.0, "max": 30.0, "note": "…"}, …}: why this match.
    breakdown = models.JSONField(default=dict, blank=True)
    adept_accepted_at = models.DateTimeField(null=True, blank=True)
    mentor_accepted_at = models.DateTimeField(null=True, blank=True)
    started_on = models.DateField(_("start date"), null=True, blank=True)
    ended_on = models.DateField(_("end date"), null=True, blank=True)
    end_reason = models.CharField(_("reason"), max_length=300, blank=True)

    class Meta:
        ordering = ["programme", "-created_at"]
        verbose_name = _("pair")
        verbose_name_plural = _("pairs")
        constraints = [
            # An adept has at most one mentor at a time per programme (her enrolment is per
            # programme), counting proposals waiting for answers.
            models.UniqueConstraint(
                fields=["adept"],
                condition=models.Q(status__in=["proposed", "active", "paused"]),
                name="pair_one_live_mentor_per_adept",
            ),
            models.UniqueConstraint(
                fields=["adept", "run"],
                condition=models.Q(status="draft"),
                name="pair_one_draft_per_adept_and_run",
            ),
            models.CheckConstraint(
                condition=~models.Q(mentor=models.F("adept")), name="pair_mentor_is_not_adept"
            ),
            models.CheckConstraint(
                condition=models.Q(score__isnull=True) | models.Q(score__gte=0, score__lte=100),
                name="pair_score_range",
            ),
            models.CheckConstraint(
                condition=~models.Q(status="ended") | ~models.Q(end_reason=""),
                name="pair_ended_early_has_reason",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.mentor.user} ↔ {self.adept.user}"


class PairEvent(models.Model):
    """The history of a pair: every change of status, who made it and why."""

    pair = models.ForeignKey(Pair, on_delete=models.CASCADE, related_name="events")
    at = models.DateTimeField(auto_now_add=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    from_status = models.CharField(max_length=10, choices=PairStatus.choices, blank=True)
    to_status = models.CharField(max_length=10, choices=PairStatus.choices)
    note = models.CharField(max_length=300, blank=True)

    class Meta:
        ordering = ["at", "pk"]

    def __str__(self) -> str:
        return f"{self.pair}: {self.from_status} → {self.to_status}"
