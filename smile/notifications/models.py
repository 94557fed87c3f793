"""In-app notifications (the bell) and each person's choice of how to hear about each kind."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


class Kind(models.TextChoices):
    """Every kind of notification SMILE sends. Its label names it on the settings screen."""

    PAIR_CHANGED = "pair_changed", _("Changes to my mentor pair")
    MEETING_PROPOSED = "meeting_proposed", _("A meeting is proposed to me")
    MEETING_CONFIRMED = "meeting_confirmed", _("A meeting is confirmed")
    MEETING_CHANGED = "meeting_changed", _("A meeting gets a new time or place")
    MEETING_CANCELLED = "meeting_cancelled", _("A meeting is cancelled")
    MEETING_REMINDER = "meeting_reminder", _("Reminder before a meeting")
    ACTION_ASSIGNED = "action_assigned", _("Something to do is given to me")
    ACTION_DUE = "action_due", _("Something to do is due soon or late")
    REFLECTION_ASKED = "reflection_asked", _("Asked for a closing reflection")
    REFLECTIONS_READY = "reflections_ready", _("Both closing reflections are written")
    SUPPORT_REQUESTED = "support_requested", _("An adept asks for support (coordinators)")
    EARLY_WARNINGS = "early_warnings", _("New early warnings (coordinators)")
    COORDINATOR_MESSAGE = "coordinator_message", _("A message from the coordinator")
    MANAGER_DIGEST = "manager_digest", _("Fortnightly summary of my workplaces (managers)")
    PLAN_TO_SIGN = "plan_to_sign", _("A learning plan waits for my signature")
    PRACTICE_TO_CONFIRM = "practice_to_confirm", _("Practice to confirm (mentors)")
    PRACTICE_ANSWERED = "practice_answered", _("My practice is confirmed or returned")
    REVIEW_PLANNED = "review_planned", _("A three-party review is planned")
    HOURS_TO_CONFIRM = "hours_to_confirm", _("Hours to confirm")
    LEARNING_ALERTS = "learning_alerts", _("Learning that falls behind (teachers, coordinators)")
    ONBOARDING = "onboarding", _("Onboarding steps at a new workplace")
    BELONGING_PULSE = "belonging_pulse", _("A few questions on how I feel at work")
    MENTOR_DEVELOPMENT = "mentor_development", _("Mentor development and network meetings")
    MENTOR_TIME = "mentor_time", _("Mentor time against what the workplace committed")


class Notification(models.Model):
    """One notice to one person. Its text is rendered in the reader's language when shown.

    `params` holds the values for the kind's message (names, times as ISO strings); the row is
    kept whether or not the person wants it in the bell (`in_app`) or by e-mail, so a notice whose
    e-mail failed is never lost: the worker retries from the row.

    A notice that asks for something ("please sign", "please confirm", "please answer") names the
    thing in `subject`, a key like "learning.learningplan:42:sign:adept" (see
    `services.subject_key`). When the thing is done, by her or by anyone else entitled to do it,
    `services.finish` sets `done_at` on every open notice about it: a done notice leaves the
    bell's count and the "to do" list, and stays in the history marked done. A notice that only
    tells something has no subject.
    """

    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notifications"
    )
    kind = models.CharField(max_length=24, choices=Kind.choices)
    params = models.JSONField(default=dict, blank=True)
    url = models.CharField(max_length=300, blank=True)
    in_app = models.BooleanField(default=True)
    email = models.BooleanField(default=True)
    created_at = models.DateTimeField(auto_now_add=True)
    read_at = models.DateTimeField(null=True, blank=True)
    emailed_at = models.DateTimeField(null=True, blank=True)
    subject = models.CharField(max_length=100, blank=True, default="")
    done_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("notice")
        verbose_name_plural = _("notices")
        ordering = ["-created_at", "-pk"]
        indexes = [
            models.Index(fields=["recipient", "in_app", "read_at"]),
            # `finish` marks the open notices about one thing done.
            models.Index(fields=["subject"], name="notification_subject"),
            # The ageing job reads the oldest notices first.
            models.Index(fields=["created_at"], name="notification_created"),
        ]
        constraints = [
            models.CheckConstraint(condition=Q(kind__in=Kind.values), name="notification_kind"),
        ]

    def __str__(self) -> str:
        return f"{self.kind} → {self.recipient_id}"


class NotificationSetting(models.Model):
    """A person's choice for one kind; no row means both channels are on."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notification_settings"
    )
    kind = models.CharField(max_length=24, choices=Kind.choices)
    in_app = models.BooleanField(_("in SMILE"), default=True)
    email = models.BooleanField(_("by e-mail"), default=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["user", "kind"], name="notification_setting_unique"),
            models.CheckConstraint(
                condition=Q(kind__in=Kind.values), name="notification_setting_kind"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.user_id} {self.kind}"
