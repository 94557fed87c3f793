"""Management support at a workplace: the SMILE self-assessment in rounds, the commitment a manager
signs per workplace and programme, the action plan and the follow-up meetings that steer it.

The four dimensions are the SMILE model's, as the meeting check-ins name them
(`smile.mentoring.models.Dimension`).
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from smile.core.models import TimeStamped
from smile.mentoring.models import Dimension
from smile.organisations.models import Workplace
from smile.programmes.models import Programme


class RespondentRole(models.TextChoices):
    """The groups that answer a self-assessment; each group's result is shown on its own."""

    MANAGER = "manager", _("Managers")
    MENTOR = "mentor", _("Mentors")
    COORDINATOR = "coordinator", _("Coordinators")


class AssessmentRound(TimeStamped):
    """One round of the self-assessment at a workplace: open while people answer, then closed.

    Results are shown only for a closed round, so nobody can watch them move answer by answer.
    """

    workplace = models.ForeignKey(
        Workplace, on_delete=models.CASCADE, related_name="assessment_rounds"
    )
    opened_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    closed_at = models.DateTimeField(null=True, blank=True)
    closed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["workplace"],
                condition=Q(closed_at__isnull=True),
                name="assessment_one_open_round_per_workplace",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.workplace_id} {self.created_at:%Y-%m-%d}"

    @property
    def is_open(self) -> bool:
        return self.closed_at is None


class AssessmentResponse(models.Model):
    """That a person has answered a round, and in which group: never what she answered."""

    round = models.ForeignKey(AssessmentRound, on_delete=models.CASCADE, related_name="responses")
    respondent = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )
    role = models.CharField(max_length=12, choices=RespondentRole.choices)
    answered_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["round", "respondent"], name="assessment_one_response_per_person"
            ),
            models.CheckConstraint(
                condition=Q(role__in=RespondentRole.values), name="assessment_response_role"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.round_id} {self.role}"


class AssessmentAnswer(models.Model):
    """One answer to one statement, stored without a link to the person who gave it: SMILE reads
    answers only summed per group, and only where the group is large enough."""

    round = models.ForeignKey(AssessmentRound, on_delete=models.CASCADE, related_name="answers")
    role = models.CharField(max_length=12, choices=RespondentRole.choices)
    dimension = models.CharField(max_length=10, choices=Dimension.choices)
    statement = models.CharField(max_length=40)
    value = models.PositiveSmallIntegerField()

    class Meta:
        indexes = [models.Index(fields=["round", "role", "statement"])]
        constraints = [
            models.CheckConstraint(
                condition=Q(value__gte=1, value__lte=5), name="assessment_value"
            ),
            models.CheckConstraint(
                condition=Q(role__in=RespondentRole.values), name="assessment_answer_role"
            ),
            models.CheckConstraint(
                condition=Q(dimension__in=Dimension.values), name="assessment_answer_dimension"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.statement}: {self.value}"


class CommitmentRule(models.TextChoices):
    NONE = "none", _("Not required")
    WARN = "warn", _("Warn when a workplace has none")
    BLOCK = "block", _("Required: no adept is placed without one")


class ProgrammeLeadership(TimeStamped):
    """A programme's rule on management commitments, chosen by its coordinator."""

    programme = models.OneToOneField(
        Programme, on_delete=models.CASCADE, related_name="leadership_settings"
    )
    commitment_rule = models.CharField(
        max_length=8,
        choices=CommitmentRule.choices,
        default=CommitmentRule.NONE,
    )
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )

    class Meta:
        constraints = [
            models.CheckConstraint(
                condition=Q(commitment_rule__in=CommitmentRule.values),
                name="programme_leadership_rule_valid",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.programme_id}: {self.commitment_rule}"


class Commitment(TimeStamped):
    """What a workplace's management commits to in a programme, signed by a manager.

    A change is a new version, signed again; the older versions stay as the history.
    """

    workplace = models.ForeignKey(Workplace, on_delete=models.CASCADE, related_name="commitments")
    programme = models.ForeignKey(
        Programme, on_delete=models.CASCADE, related_name="commitments", verbose_name=_("programme")
    )
    version = models.PositiveSmallIntegerField(default=1)
    mentor_hours_per_week = models.DecimalField(max_digits=3, decimal_places=1)
    development_hours_per_month = models.DecimalField(max_digits=3, decimal_places=1)
    contact_name = models.CharField(max_length=200)
    contact_details = models.CharField(max_length=200, blank=True)
    follow_up_weeks = models.PositiveSmallIntegerField()
    notes = models.TextField(max_length=2000, blank=True)
    signed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    signed_at = models.DateTimeField()

    class Meta:
        ordering = ["workplace", "programme", "-version"]
        constraints = [
            models.UniqueConstraint(
                fields=["workplace", "programme", "version"], name="commitment_version_unique"
            ),
            models.CheckConstraint(
                condition=Q(mentor_hours_per_week__gte=0.5, mentor_hours_per_week__lte=40),
                name="commitment_mentor_hours_range",
            ),
            models.CheckConstraint(
                condition=Q(
                    development_hours_per_month__gte=0, development_hours_per_month__lte=40
                ),
                name="commitment_development_hours_range",
            ),
            models.CheckConstraint(
                condition=Q(follow_up_weeks__gte=1, follow_up_weeks__lte=26),
                name="commitment_follow_up_range",
            ),
            models.CheckConstraint(condition=~Q(contact_name=""), name="commitment_has_contact"),
        ]

    def __str__(self) -> str:
        return f"{self.workplace_id}/{self.programme_id} v{self.version}"


class ActionStatus(models.TextChoices):
    PLANNED = "planned", _("Planned")
    STARTED = "started", _("Started")
    DONE = "done", _("Done")
    DROPPED = "dropped", _("Dropped")


OPEN_ACTION_STATUSES = [ActionStatus.PLANNED, ActionStatus.STARTED]


class Action(TimeStamped):
    """One action in a workplace's plan for management support, on one dimension."""

    workplace = models.ForeignKey(
        Workplace, on_delete=models.CASCADE, related_name="leadership_actions"
    )
    dimension = models.CharField(max_length=10, choices=Dimension.choices)
    title = models.CharField(_("what to do"), max_length=200)
    # The self-assessment statement it answers, when it was made from a gap.
    statement = models.CharField(max_length=40, blank=True)
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
    )
    due_on = models.DateField()
    status = models.CharField(
        _("status"), max_length=8, choices=ActionStatus.choices, default=ActionStatus.PLANNED
    )
    done_on = models.DateField(null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    reminded_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["due_on", "pk"]
        indexes = [models.Index(fields=["status", "due_on"])]
        constraints = [
            models.CheckConstraint(condition=~Q(title=""), name="leadership_action_has_title"),
            models.CheckConstraint(
                condition=Q(status__in=ActionStatus.values), name="leadership_action_status"
            ),
            models.CheckConstraint(
                condition=Q(dimension__in=Dimension.values), name="leadership_action_dimension"
            ),
            models.CheckConstraint(
                condition=~Q(status=ActionStatus.DONE) | Q(done_on__isnull=False),
                name="leadership_action_done_has_date",
            ),
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def is_open(self) -> bool:
        return self.status in OPEN_ACTION_STATUSES


class FollowUpMeeting(TimeStamped):
    """Management's follow-up of the plan: the minutes, and the decisions that change the plan."""

    workplace = models.ForeignKey(
        Workplace, on_delete=models.CASCADE, related_name="follow_up_meetings"
    )
    held_on = models.DateField()
    minutes = models.TextField(max_length=4000)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )

    class Meta:
        ordering = ["-held_on", "-pk"]
        constraints = [
            models.CheckConstraint(condition=~Q(minutes=""), name="follow_up_has_minutes"),
        ]

    def __str__(self) -> str:
        return f"{self.workplace_id} {self.held_on}"


class Decision(models.Model):
    """What a follow-up meeting decided about one action: its new status or deadline, or a new
    action."""

    meeting = models.ForeignKey(FollowUpMeeting, on_delete=models.CASCADE, related_name="decisions")
    action = models.ForeignKey(
        Action, on_delete=models.SET_NULL, null=True, related_name="decisions"
    )
    text = models.CharField(max_length=500, blank=True)
    status_from = models.CharField(max_length=8, choices=ActionStatus.choices, blank=True)
    status_to = models.CharField(max_length=8, choices=ActionStatus.choices, blank=True)
    due_from = models.DateField(null=True, blank=True)
    due_to = models.DateField(null=True, blank=True)
    created = models.BooleanField(default=False)

    class Meta:
        ordering = ["pk"]

    def __str__(self) -> str:
        return f"{self.meeting_id}: {self.action_id}"
