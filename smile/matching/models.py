from django.db import models
from django.utils.translation import gettext_lazy as _

from smile.core.models import TimeStamped
from smile.programmes.models import Enrolment, Programme


class PairStatus(models.TextChoices):
    PROPOSED = "proposed", _("Proposed")
    ACTIVE = "active", _("Active")
    PAUSED = "paused", _("Paused")
    COMPLETED = "completed", _("Completed")
    ENDED = "ended", _("Ended early")


LIVE_PAIR_STATUSES = [PairStatus.ACTIVE, PairStatus.PAUSED]


class Pair(TimeStamped):
    """A mentor and an adept in one programme."""

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
    started_on = models.DateField(_("start date"), null=True, blank=True)
    ended_on = models.DateField(_("end date"), null=True, blank=True)

    class Meta:
        ordering = ["programme", "-created_at"]
        verbose_name = _("pair")
        verbose_name_plural = _("pairs")
        constraints = [
            # An adept has at most one live mentor per programme.
            models.UniqueConstraint(
                fields=["adept"],
                condition=models.Q(status__in=["active", "paused"]),
                name="pair_one_live_mentor_per_adept",
            ),
            models.CheckConstraint(
                condition=~models.Q(mentor=models.F("adept")), name="pair_mentor_is_not_adept"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.mentor.user} ↔ {self.adept.user}"
