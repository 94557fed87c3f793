"""Belonging pulses: a few statements an adept answers now and then on how she feels at work.

Anonymity, by design:
- `PulseResponse` holds one adept's answers to the statements, with the round and her workplace
  (the workplace is the finest grain results are shown at; no team, no shift, no time of
  answering) and NO link to the person. It has no timestamp.
- `PulseAnswered` says that a person has answered an open round. It exists only to stop her
  answering twice and is deleted when the round closes (`rounds_close_due`), which also rewrites
  the round's responses in a random order, so that not even the order of their keys follows the
  order in which people answered, and sets the time each pulse notice was finished and read to
  the close for every adept asked, so the notices of those who answered and those who did not
  are alike. After closing only the count of responses is left.
- Figures are shown per workplace and round only where at least `MIN_SHOWN` answered.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from smile.core.models import TimeStamped
from smile.organisations.models import Workplace
from smile.programmes.models import Programme

MIN_SHOWN = 5
OPEN_DAYS = 10


class Cadence(models.IntegerChoices):
    OFF = 0, _("Off")
    TWO = 2, _("Every 2 weeks")
    FOUR = 4, _("Every 4 weeks")
    EIGHT = 8, _("Every 8 weeks")


class PulseSettings(TimeStamped):
    """How often a programme asks its adepts (kept here rather than on the programme)."""

    programme = models.OneToOneField(
        Programme, on_delete=models.CASCADE, related_name="pulse_settings"
    )
    cadence_weeks = models.PositiveSmallIntegerField(
        _("how often"), choices=Cadence.choices, default=Cadence.FOUR
    )

    class Meta:
        constraints = [
            models.CheckConstraint(
                condition=models.Q(cadence_weeks__in=[0, 2, 4, 8]),
                name="pulse_settings_cadence_known",
            )
        ]


class PulseRound(models.Model):
    programme = models.ForeignKey(Programme, on_delete=models.CASCADE, related_name="pulse_rounds")
    opens_at = models.DateTimeField()
    closes_at = models.DateTimeField()
    closed_at = models.DateTimeField(null=True, blank=True)
    asked = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["opens_at", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(closes_at__gt=models.F("opens_at")),
                name="pulse_round_closes_after_opening",
            )
        ]

    def __str__(self) -> str:
        return f"{self.programme} {self.opens_at:%Y-%m-%d}"


def _score() -> models.PositiveSmallIntegerField:
    return models.PositiveSmallIntegerField()


class PulseResponse(models.Model):
    """One adept's answers, WITHOUT who she is (see the module's docstring)."""

    round = models.ForeignKey(PulseRound, on_delete=models.CASCADE, related_name="responses")
    workplace = models.ForeignKey(Workplace, on_delete=models.CASCADE, related_name="+")
    welcome = _score()
    help = _score()
    expected = _score()
    colleagues = _score()
    fair = _score()

    class Meta:
        constraints = [
            models.CheckConstraint(
                condition=models.Q(**{f"{name}__gte": 1, f"{name}__lte": 5}),
                name=f"pulse_response_{name}_1_to_5",
            )
            for name in ("welcome", "help", "expected", "colleagues", "fair")
        ]

    def __str__(self) -> str:
        return f"{self.round_id}/{self.workplace_id}"


class PulseAnswered(models.Model):
    """She has answered this open round: deleted when it closes."""

    round = models.ForeignKey(PulseRound, on_delete=models.CASCADE, related_name="answered")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["round", "user"], name="pulse_answered_once")
        ]

    def __str__(self) -> str:
        return f"{self.round_id}/{self.user_id}"
