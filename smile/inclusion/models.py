"""Onboarding at the workplace: a checklist template per workplace, copied for each adept placed
there and ticked off by her and her mentor. Item titles are content in every language of SMILE
(django-modeltranslation, see `translation.py`), like the learning tasks."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from smile.core.models import TimeStamped
from smile.organisations.models import Workplace
from smile.programmes.models import Enrolment


class ChecklistTemplate(TimeStamped):
    """The onboarding steps a workplace gives each adept placed there."""

    workplace = models.OneToOneField(
        Workplace,
        on_delete=models.CASCADE,
        related_name="onboarding_template",
        verbose_name=_("workplace"),
    )

    class Meta:
        verbose_name = _("onboarding checklist template")
        verbose_name_plural = _("onboarding checklist templates")

    def __str__(self) -> str:
        return str(self.workplace)


class TemplateItem(models.Model):
    template = models.ForeignKey(ChecklistTemplate, on_delete=models.CASCADE, related_name="items")
    title = models.CharField(_("step"), max_length=200)
    due_days = models.PositiveSmallIntegerField(_("days after the start"), null=True, blank=True)
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["position", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(due_days__isnull=True) | Q(due_days__lte=365),
                name="inclusion_template_item_due_days_range",
            ),
        ]

    def __str__(self) -> str:
        return self.title


class ChecklistItem(models.Model):
    """One step of an adept's own onboarding, copied from her workplace's template."""

    enrolment = models.ForeignKey(
        Enrolment, on_delete=models.CASCADE, related_name="onboarding_items"
    )
    # The template step it was copied from: a version in another language written there later
    # reaches the copies not yet ticked off. Empty once the step is removed from the template.
    source = models.ForeignKey(
        TemplateItem, on_delete=models.SET_NULL, null=True, blank=True, related_name="copies"
    )
    title = models.CharField(_("step"), max_length=200)
    due_on = models.DateField(_("due"), null=True, blank=True)
    position = models.PositiveSmallIntegerField(default=0)
    done_at = models.DateTimeField(_("ticked off"), null=True, blank=True)
    done_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("ticked off by"),
    )

    class Meta:
        ordering = ["position", "pk"]
        indexes = [models.Index(fields=["done_at", "due_on"])]
        constraints = [
            models.CheckConstraint(
                condition=Q(done_by__isnull=True) | Q(done_at__isnull=False),
                name="inclusion_item_done_by_needs_done_at",
            ),
        ]

    def __str__(self) -> str:
        return self.title


class SwedishLevel(models.TextChoices):
    """Her Swedish, in plain words after the CEFR steps."""

    A1 = "a1", _("I am starting to learn Swedish")
    A2 = "a2", _("I understand simple words and sentences")
    B1 = "b1", _("I manage everyday talk")
    B2 = "b2", _("I manage most talk at work")
    C1 = "c1", _("I speak Swedish well")


class LanguageSupport(TimeStamped):
    """An adept's language support in one placement. The languages she speaks are in her
    matching profile (`smile.matching`), not here."""

    enrolment = models.OneToOneField(
        Enrolment, on_delete=models.CASCADE, related_name="language_support"
    )
    swedish_level = models.CharField(
        _("My Swedish"), max_length=2, choices=SwedishLevel.choices, blank=True
    )
    wants_interpreter = models.BooleanField(_("I want an interpreter at reviews"), default=False)
    interpreter_language = models.CharField(
        _("Interpreter for which language"), max_length=8, blank=True
    )

    class Meta:
        constraints = [
            models.CheckConstraint(
                condition=Q(swedish_level__in=["", *SwedishLevel.values]),
                name="inclusion_swedish_level_valid",
            ),
            models.CheckConstraint(
                condition=Q(wants_interpreter=True) | Q(interpreter_language=""),
                name="inclusion_interpreter_language_only_if_wanted",
            ),
        ]

    def __str__(self) -> str:
        return str(self.enrolment)


class LanguageAmbassador(TimeStamped):
    """Someone at the workplace who speaks a language and helps newcomers who speak it."""

    workplace = models.ForeignKey(
        Workplace,
        on_delete=models.CASCADE,
        related_name="language_ambassadors",
        verbose_name=_("workplace"),
    )
    name = models.CharField(_("name"), max_length=200)
    language = models.CharField(_("language"), max_length=8)

    class Meta:
        ordering = ["name", "language"]
        constraints = [
            models.UniqueConstraint(
                fields=["workplace", "name", "language"], name="inclusion_ambassador_unique"
            ),
            models.CheckConstraint(condition=~Q(name=""), name="inclusion_ambassador_name"),
            models.CheckConstraint(condition=~Q(language=""), name="inclusion_ambassador_lang"),
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.language})"
