"""Forms of active measures. They check the shape of what was typed; the rules are the services'."""

from typing import Any

from django import forms
from django.db.models import QuerySet
from django.forms import BoundField
from django.utils.translation import gettext_lazy as _

from smile.accounts.models import User
from smile.equality.measures.services import (
    FIRST_YEAR,
    LAST_YEAR,
    NOTE_MAX_LENGTH,
    TITLE_MAX_LENGTH,
)
from smile.equality.models import SEVEN_GROUNDS, Ground, MeasureStatus, RiskFinding
from smile.organisations.models import Workplace


class DateInput(forms.DateInput):
    input_type = "date"


def _full_name(user: User) -> str:
    return user.full_name


class StartForm(forms.Form):
    workplace = forms.ModelChoiceField(label=_("Workplace"), queryset=Workplace.objects.none())
    year = forms.IntegerField(label=_("Year"), min_value=FIRST_YEAR, max_value=LAST_YEAR)

    def __init__(self, *args: Any, workplaces: QuerySet[Workplace], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["workplace"]
        assert isinstance(field, forms.ModelChoiceField)
        field.queryset = workplaces


def risk_name(finding: RiskFinding) -> str:
    return f"risk_{finding.ground}_{finding.area}"


def note_name(finding: RiskFinding) -> str:
    return f"note_{finding.ground}_{finding.area}"


def cause_name(finding: RiskFinding) -> str:
    return f"cause_{finding.pk}"


class FindingsForm(forms.Form):
    """The investigation grid: for each ground in each area, a risk found or not, and a note."""

    def __init__(self, *args: Any, findings: list[RiskFinding], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for finding in findings:
            self.fields[risk_name(finding)] = forms.BooleanField(
                label=_("Risk found"), required=False, initial=finding.risk
            )
            self.fields[note_name(finding)] = forms.CharField(
                label=_("Note"),
                required=False,
                max_length=NOTE_MAX_LENGTH,
                initial=finding.note,
                widget=forms.Textarea(attrs={"rows": 2}),
            )
        self.findings = findings

    def grid(self) -> list[tuple[str, list[tuple[RiskFinding, BoundField, BoundField]]]]:
        """The bound fields by ground (in the law's order), each ground's areas in order."""
        rows: dict[str, list[tuple[RiskFinding, BoundField, BoundField]]] = {}
        for f in self.findings:
            rows.setdefault(f.ground, []).append((f, self[risk_name(f)], self[note_name(f)]))
        return [
            (str(Ground(ground).label), rows[ground]) for ground in SEVEN_GROUNDS if ground in rows
        ]

    def cells(self) -> dict[tuple[str, str], tuple[bool, str]]:
        return {
            (f.ground, f.area): (
                self.cleaned_data[risk_name(f)],
                self.cleaned_data[note_name(f)],
            )
            for f in self.findings
        }


class CausesForm(forms.Form):
    """The analysis: the causes of each risk found."""

    def __init__(self, *args: Any, risks: list[RiskFinding], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for finding in risks:
            self.fields[cause_name(finding)] = forms.CharField(
                label=_("Causes"),
                required=False,
                max_length=NOTE_MAX_LENGTH,
                initial=finding.cause,
                widget=forms.Textarea(attrs={"rows": 3}),
            )
        self.risks = risks

    def rows(self) -> list[tuple[RiskFinding, BoundField]]:
        return [(f, self[cause_name(f)]) for f in self.risks]

    def causes(self) -> dict[int, str]:
        return {f.pk: self.cleaned_data[cause_name(f)] for f in self.risks}


class MeasureForm(forms.Form):
    title = forms.CharField(label=_("Measure"), max_length=TITLE_MAX_LENGTH)
    owner = forms.ModelChoiceField(label=_("Owner"), queryset=User.objects.none())
    due_on = forms.DateField(label=_("Due date"), widget=DateInput())

    def __init__(self, *args: Any, owners: QuerySet[User], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["owner"]
        assert isinstance(field, forms.ModelChoiceField)
        field.queryset = owners
        field.label_from_instance = _full_name  # type: ignore[method-assign,assignment]


class MeasureUpdateForm(forms.Form):
    status = forms.ChoiceField(label=_("Status"), choices=MeasureStatus.choices)
    due_on = forms.DateField(label=_("Due date"), widget=DateInput())
    outcome = forms.CharField(
        label=_("Outcome of the follow-up"),
        required=False,
        max_length=NOTE_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    followed_up_on = forms.DateField(label=_("Followed up on"), required=False, widget=DateInput())
