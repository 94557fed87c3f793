"""Mentor development: modules on the four SMILE dimensions, the mentor's private reflections
and which modules she has completed."""

from django.conf import settings
from django.db import models
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from smile.core.models import TimeStamped


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
