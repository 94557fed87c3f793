"""The mentoring relationship day to day: meetings, their logs with a check-in on the four
dimensions, action items, the adept's voluntary life-situation check-in and the closing reflections.
"""

import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from smile.core.models import TimeStamped
from smile.core.texts import WrittenIn, language_field
from smile.matching.models import Pair
from smile.programmes.models import Enrolment


class Dimension(models.TextChoices):
    """The four dimensions of the SMILE model, in the model's order."""

    INCLUSION = "inclusion", _("Inclusion")
    LEARNING = "learning", _("Learning")
    EQUALITY = "equality", _("Equality")
    SUPPORT = "support", _("Support from the workplace")


class Rating(models.IntegerChoices):
    """A quick rating for a check-in: plain words, not numbers, for the people who answer."""

    VERY_BAD = 1, _("Very bad")
    BAD = 2, _("Bad")
    OKAY = 3, _("Okay")
    GOOD = 4, _("Good")
    VERY_GOOD = 5, _("Very good")


class MeetingStatus(models.TextChoices):
    PROPOSED = "proposed", _("Proposed")
    CONFIRMED = "confirmed", _("Confirmed")
    CANCELLED = "cancelled", _("Cancelled")


class Meeting(TimeStamped):
    """A meeting of a pair. One side proposes; the other accepts or proposes another time.

    `uid` and `sequence` are the iCalendar identity: every change sends the same UID with a higher
    SEQUENCE, so a calendar updates its entry instead of adding a new one.
    """

    pair = models.ForeignKey(Pair, on_delete=models.CASCADE, related_name="meetings")
    uid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    sequence = models.PositiveIntegerField(default=0)
    starts_at = models.DateTimeField(_("time"))
    duration_minutes = models.PositiveSmallIntegerField(_("length in minutes"), default=60)
    place = models.CharField(_("place"), max_length=200, blank=True)
    video_url = models.URLField(_("video link"), blank=True)
    agenda = models.CharField(_("what to talk about"), max_length=500, blank=True)
    status = models.CharField(
        max_length=10, choices=MeetingStatus.choices, default=MeetingStatus.PROPOSED
    )
    proposed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    confirmed_at = models.DateTimeField(null=True, blank=True)
    cancelled_at = models.DateTimeField(null=True, blank=True)
    cancel_reason = models.CharField(_("reason"), max_length=300, blank=True)
    reminded_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("meeting")
        verbose_name_plural = _("meetings")
        ordering = ["starts_at"]
        # The second serves "when did this pair last meet" (early warnings) for each pair.
        indexes = [
            models.Index(fields=["status", "starts_at"]),
            models.Index(fields=["pair", "status", "starts_at"]),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(duration_minutes__gte=15, duration_minutes__lte=480),
                name="meeting_duration_range",
            ),
            models.CheckConstraint(
                condition=~Q(place="", video_url=""), name="meeting_has_place_or_link"
            ),
            models.CheckConstraint(
                condition=~Q(status=MeetingStatus.CONFIRMED) | Q(confirmed_at__isnull=False),
                name="meeting_confirmed_has_time",
            ),
            models.CheckConstraint(
                condition=~Q(status=MeetingStatus.CANCELLED) | Q(cancelled_at__isnull=False),
                name="meeting_cancelled_has_time",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.pair} {self.starts_at:%Y-%m-%d %H:%M}"


class MeetingLog(TimeStamped):
    """What happened at a meeting. The notes are the pair's own unless marked for the coordinator.

    `minutes` is the mentoring time, counted against the mentor's monthly time budget.
    """

    pair = models.ForeignKey(Pair, on_delete=models.CASCADE, related_name="logs")
    meeting = models.OneToOneField(
        Meeting, on_delete=models.SET_NULL, null=True, blank=True, related_name="log"
    )
    held_on = models.DateField(_("date"))
    minutes = models.PositiveSmallIntegerField(_("mentoring time in minutes"))
    notes = models.TextField(_("notes"), max_length=4000, blank=True)
    notes_for_coordinator = models.BooleanField(
        _("the coordinator may read the notes"), default=False
    )
    # Of the notes and the check-in's notes: one writer, one language.
    language = language_field(_("the notes are written in"))
    written_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )

    class Meta:
        ordering = ["-held_on", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(minutes__gte=5, minutes__lte=600), name="meeting_log_minutes_range"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.pair} {self.held_on}"


class CheckIn(models.Model):
    """One dimension's quick rating in a meeting log, with an optional note."""

    log = models.ForeignKey(MeetingLog, on_delete=models.CASCADE, related_name="checkins")
    dimension = models.CharField(max_length=10, choices=Dimension.choices)
    rating = models.PositiveSmallIntegerField(choices=Rating.choices)
    note = models.CharField(_("note"), max_length=500, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["log", "dimension"], name="checkin_one_per_dimension"),
            models.CheckConstraint(
                condition=Q(rating__gte=1, rating__lte=5), name="checkin_rating"
            ),
            models.CheckConstraint(
                condition=Q(dimension__in=Dimension.values), name="checkin_dimension_valid"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.dimension}: {self.rating}"


class ActionItem(WrittenIn, TimeStamped):
    """Something the adept or the mentor will do by a date; shown on both homes until done.

    `language`: what the title is written in.
    """

    pair = models.ForeignKey(Pair, on_delete=models.CASCADE, related_name="action_items")
    log = models.ForeignKey(
        MeetingLog, on_delete=models.SET_NULL, null=True, blank=True, related_name="action_items"
    )
    title = models.CharField(_("what to do"), max_length=200)
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="action_items",
        verbose_name=_("who does it"),
    )
    due_on = models.DateField(_("by when"))
    done_at = models.DateTimeField(null=True, blank=True)
    done_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    reminded_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("thing to do")
        verbose_name_plural = _("things to do")
        ordering = ["due_on", "pk"]
        indexes = [models.Index(fields=["owner", "done_at"])]
        constraints = [
            models.CheckConstraint(condition=~Q(title=""), name="action_item_title_not_empty"),
        ]

    def __str__(self) -> str:
        return self.title


class LifeArea(models.TextChoices):
    HOUSING = "housing", _("Housing")
    FAMILY = "family", _("Family")
    HEALTH = "health", _("Health")
    ECONOMY = "economy", _("Money")
    TRANSPORT = "transport", _("Getting to work")
    LANGUAGE = "language", _("Language")
    AUTHORITIES = "authorities", _("Contacts with authorities")


class LifeStatus(models.TextChoices):
    FINE = "fine", _("Fine")
    COULD_BE_BETTER = "better", _("Could be better")
    NEEDS_SUPPORT = "support", _("I need support")


class LifeSituationCheckIn(TimeStamped):
    """The adept's own, voluntary check-in on her life outside work. Special-category data.

    Everything she answers is in `payload` (encrypted at rest: answers per area, her note, and what
    she agreed to share). Only two facts stay readable by the database, because early warnings must
    find them without decrypting every record: whether she shares with her mentor, and whether she
    asks the coordinator for support (only true when she agreed to share a "needs support" item).
    Every read and write is recorded in `privacy.AccessLog`.
    """

    enrolment = models.ForeignKey(Enrolment, on_delete=models.CASCADE, related_name="life_checkins")
    payload = models.TextField()
    share_with_mentor = models.BooleanField(default=False)
    support_requested = models.BooleanField(default=False)
    # What her note is written in (not secret: the coordinator sees it on her list of requests).
    language = language_field(_("the note is written in"))
    followed_up_at = models.DateTimeField(null=True, blank=True)
    followed_up_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"life situation #{self.pk}"


class SupportMessage(models.Model):
    """One message in the short thread of a support request, between the adept who asked and the
    coordinators of her programme (never her mentor). `text` is encrypted at rest like the
    request itself (`smile.lib.crypto`): what she needs support with is special-category data.
    """

    request = models.ForeignKey(
        LifeSituationCheckIn, on_delete=models.CASCADE, related_name="messages"
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    text = models.TextField()
    language = language_field()
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at", "pk"]
        constraints = [
            models.CheckConstraint(condition=~Q(text=""), name="support_message_not_empty"),
        ]

    def __str__(self) -> str:
        return f"support message #{self.pk}"


class Side(models.TextChoices):
    ADEPT = "adept", _("Adept")
    MENTOR = "mentor", _("Mentor")


class Reflection(TimeStamped):
    """A closing reflection; each side sees the other's only when both have answered."""

    pair = models.ForeignKey(Pair, on_delete=models.CASCADE, related_name="reflections")
    side = models.CharField(max_length=6, choices=Side.choices)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    rating = models.PositiveSmallIntegerField(_("how was the mentorship?"), choices=Rating.choices)
    text = models.TextField(_("your reflection"), max_length=2000, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["pair", "side"], name="reflection_one_per_side"),
            models.CheckConstraint(
                condition=Q(rating__gte=1, rating__lte=5), name="reflection_rating"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.pair} {self.side}"
