"""Forms of the learning plan: choosing objectives with dates, the skills scan, the levels."""

from datetime import date
from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from smile.core.errors import ApplicationError
from smile.learning.models import Level, Objective, PlanObjective
from smile.learning.plans import services
from smile.programmes.models import Enrolment


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, attrs: dict[str, Any] | None = None) -> None:
        super().__init__(attrs, format="%Y-%m-%d")


class ObjectivesForm(forms.Form):
    """A checkbox and a target date for every objective of the curricula of her programme."""

    def __init__(
        self,
        *args: Any,
        enrolment: Enrolment,
        objectives: list[Objective],
        chosen: dict[int, date | None],
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        self.enrolment = enrolment
        self.objectives = objectives
        self.period = period = services.plan_period(enrolment)
        for objective in objectives:
            self.fields[f"objective_{objective.pk}"] = forms.BooleanField(
                label=f"{objective.code} {objective.text}",
                required=False,
                initial=objective.pk in chosen,
            )
            self.fields[f"target_{objective.pk}"] = forms.DateField(
                label=_("Target date for %(code)s") % {"code": objective.code},
                required=False,
                initial=chosen.get(objective.pk),
                widget=DateInput(
                    attrs={"min": period.starts_on.isoformat(), "max": period.ends_on.isoformat()}
                ),
            )

    def rows(self) -> list[dict[str, Any]]:
        """For the template: the objectives with their two fields, by curriculum and unit."""
        return [
            {
                "objective": objective,
                "check": self[f"objective_{objective.pk}"],
                "target": self[f"target_{objective.pk}"],
            }
            for objective in self.objectives
        ]

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        for objective in self.objectives:
            if not cleaned.get(f"objective_{objective.pk}"):
                continue
            name = f"target_{objective.pk}"
            target_on = cleaned.get(name)
            if name in self.errors:
                continue
            if target_on is None:
                self.add_error(name, _("Give a target date."))
                continue
            try:
                services.plan_target_check(enrolment=self.enrolment, target_on=target_on)
            except ApplicationError as error:
                self.add_error(name, error.message)
        if not self.errors and not self.items():
            self.add_error(None, _("Choose at least one objective."))
        return cleaned

    def items(self) -> list[tuple[Objective, date | None]]:
        return [
            (objective, self.cleaned_data.get(f"target_{objective.pk}"))
            for objective in self.objectives
            if self.cleaned_data.get(f"objective_{objective.pk}")
        ]


class _PerItemForm(forms.Form):
    """One choice of level per objective of the plan, named after the plan item."""

    prefix_name = ""

    def __init__(self, *args: Any, items: list[PlanObjective], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.items = items
        for item in items:
            self.fields[f"{self.prefix_name}_{item.pk}"] = self.build(item)

    def build(self, item: PlanObjective) -> forms.Field:
        raise NotImplementedError

    def field_for(self, item: PlanObjective) -> forms.BoundField | None:
        name = f"{self.prefix_name}_{item.pk}"
        return self[name] if name in self.fields else None

    def values(self) -> dict[PlanObjective, Any]:
        return {item: self.cleaned_data[f"{self.prefix_name}_{item.pk}"] for item in self.items}


class ScanForm(_PerItemForm):
    """The skills scan: the adept's own column (radio buttons on her phone) or the mentor's."""

    prefix_name = "rating"

    def __init__(self, *args: Any, column: str, **kwargs: Any) -> None:
        self.column = column
        super().__init__(*args, **kwargs)

    def build(self, item: PlanObjective) -> forms.Field:
        own = self.column == "self_rating"
        choices = [("", _("Not rated yet")), *Level.choices]
        return forms.TypedChoiceField(
            label=f"{item.objective.code} {item.objective.text}",
            choices=choices,
            coerce=int,
            empty_value=None,
            required=False,
            initial=getattr(item, self.column),
            widget=forms.RadioSelect if own else forms.Select,
        )

    def ratings(self) -> dict[Objective, int | None]:
        return {item.objective: value for item, value in self.values().items()}


class LevelsForm(_PerItemForm):
    """The level reached now, set by the mentor or the teacher."""

    prefix_name = "level"

    def build(self, item: PlanObjective) -> forms.Field:
        return forms.TypedChoiceField(
            label=_("Level for %(code)s") % {"code": item.objective.code},
            choices=Level.choices,
            coerce=int,
            initial=item.level,
            widget=forms.Select,
        )
