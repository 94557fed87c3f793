from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from smile.core.models import TimeStamped
from smile.organisations.models import Organisation, Workplace


class Programme(TimeStamped):
    """A mentorship programme run by a programme owner with partner employers and schools."""

    name = models.CharField(_("name"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    owner = models.ForeignKey(
        Organisation,
        verbose_name=_("programme owner"),
        on_delete=models.PROTECT,
        related_name="owned_programmes",
    )
    partners = models.ManyToManyField(
        Organisation,
        verbose_name=_("partner organisations"),
        related_name="partner_programmes",
        blank=True,
    )
    starts_on = models.DateField(_("start date"))
    ends_on = models.DateField(_("end date"))
    meeting_cadence_days = models.PositiveSmallIntegerField(
        _("days between mentor meetings"), default=14
    )
    mentor_capacity = models.PositiveSmallIntegerField(_("adepts per mentor"), default=2)
    mentor_hours_per_month = models.PositiveSmallIntegerField(
        _("mentor hours per month and adept"), default=8
    )
    mentor_training_required = models.BooleanField(
        _("mentor training required before matching"), default=True
    )

    class Meta:
        ordering = ["-starts_on", "name"]
        verbose_name = _("programme")
        verbose_name_plural = _("programmes")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(ends_on__gte=models.F("starts_on")),
                name="programme_ends_after_start",
            ),
            models.CheckConstraint(
                condition=models.Q(meeting_cadence_days__gte=1, meeting_cadence_days__lte=90),
                name="programme_cadence_range",
            ),
            models.CheckConstraint(
                condition=models.Q(mentor_capacity__gte=1, mentor_capacity__lte=10),
                name="programme_capacity_range",
            ),
            models.CheckConstraint(condition=~models.Q(name=""), name="programme_name_not_empty"),
        ]

    def __str__(self) -> str:
        return self.name


class EnrolmentRole(models.TextChoices):
    ADEPT = "adept", _("Adept")
    MENTOR = "mentor", _("Mentor")


class EnrolmentStatus(models.TextChoices):
    ACTIVE = "active", _("Active")
    COMPLETED = "completed", _("Completed")
    LEFT_EARLY = "left_early", _("Left early")


class Enrolment(TimeStamped):
    """A mentor or an adept in a programme, placed at a workplace for a period."""

    programme = models.ForeignKey(
        Programme, on_delete=models.CASCADE, related_name="enrolments", verbose_name=_("programme")
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="enrolments",
        verbose_name=_("person"),
    )
    role = models.CharField(_("role"), max_length=10, choices=EnrolmentRole.choices)
    workplace = models.ForeignKey(
        Workplace,
        on_delete=models.PROTECT,
        related_name="enrolments",
        verbose_name=_("workplace"),
    )
    education_provider = models.ForeignKey(
        Organisation,
        on_delete=models.PROTECT,
        related_name="+",
        null=True,
        blank=True,
        verbose_name=_("education provider"),
    )
    starts_on = models.DateField(_("start date"))
    ends_on = models.DateField(_("end date"), null=True, blank=True)
    status = models.CharField(
        _("status"), max_length=12, choices=EnrolmentStatus.choices, default=EnrolmentStatus.ACTIVE
    )

    class Meta:
        ordering = ["programme", "role", "user__full_name"]
        verbose_name = _("enrolment")
        verbose_name_plural = _("enrolments")
        constraints = [
            models.UniqueConstraint(
                fields=["programme", "user", "role"], name="enrolment_unique_per_programme_role"
            ),
            models.CheckConstraint(
                condition=models.Q(ends_on__isnull=True)
                | models.Q(ends_on__gte=models.F("starts_on")),
                name="enrolment_ends_after_start",
            ),
            models.CheckConstraint(
                condition=models.Q(role__in=EnrolmentRole.values), name="enrolment_role_valid"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.user} – {self.get_role_display()} – {self.programme}"
