from typing import Any

from django import forms
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from smile.accounts.models import User
from smile.organisations.choices import OrganisationKind, Role
from smile.organisations.models import Organisation, Workplace
from smile.programmes.models import Enrolment, EnrolmentRole, Programme


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, attrs: dict[str, Any] | None = None) -> None:
        super().__init__(attrs, format="%Y-%m-%d")


class PeriodFormMixin(forms.BaseForm):
    """Says a wrong date order beside the end date, before the database rule would speak."""

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        starts_on, ends_on = data.get("starts_on"), data.get("ends_on")
        if starts_on and ends_on and ends_on < starts_on:
            self.add_error("ends_on", _("The end date must be on or after the start date."))
        return data


class ProgrammeForm(PeriodFormMixin, forms.ModelForm):
    class Meta:
        model = Programme
        fields = [
            "name",
            "description",
            "owner",
            "starts_on",
            "ends_on",
            "partners",
            "meeting_cadence_days",
            "mentor_capacity",
            "mentor_hours_per_month",
            "mentor_training_required",
        ]
        widgets = {
            "starts_on": DateInput(),
            "ends_on": DateInput(),
            "partners": forms.CheckboxSelectMultiple(),
            "description": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args: Any, owners: Any, partners: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["owner"].queryset = owners  # type: ignore[attr-defined]
        self.fields["partners"].queryset = partners  # type: ignore[attr-defined]
        self.fields["partners"].help_text = _("The employers and schools taking part.")
        if owners.count() == 1:
            self.fields["owner"].initial = owners.first()


class EnrolmentForm(PeriodFormMixin, forms.ModelForm):
    class Meta:
        model = Enrolment
        fields = ["user", "role", "workplace", "education_provider", "starts_on", "ends_on"]
        widgets = {"starts_on": DateInput(), "ends_on": DateInput()}

    def __init__(self, *args: Any, programme: Programme, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        organisations = Organisation.objects.filter(
            Q(pk=programme.owner_id) | Q(partner_programmes=programme)
        )
        # People who hold an adept or mentor role in an organisation of this programme.
        self.fields["user"].queryset = (  # type: ignore[attr-defined]
            User.objects.filter(
                is_active=True,
                memberships__organisation__in=organisations,
                memberships__role__in=[Role.ADEPT, Role.MENTOR],
            )
            .distinct()
            .order_by("full_name")
        )
        self.fields["user"].help_text = _(
            "Only people invited as adept or mentor to an organisation of the programme are listed."
        )
        self.fields["workplace"].queryset = Workplace.objects.filter(  # type: ignore[attr-defined]
            organisation__partner_programmes=programme
        ).select_related("organisation")
        self.fields["education_provider"].queryset = organisations.filter(  # type: ignore[attr-defined]
            kind=OrganisationKind.EDUCATION_PROVIDER
        ).distinct()
        self.fields["education_provider"].help_text = _("For adepts: the school of their course.")
        self.fields["role"].choices = EnrolmentRole.choices  # type: ignore[attr-defined]
        if not self.initial.get("starts_on"):
            self.initial["starts_on"] = programme.starts_on


class EnrolmentEditForm(PeriodFormMixin, forms.ModelForm):
    class Meta:
        model = Enrolment
        fields = ["workplace", "education_provider", "starts_on", "ends_on", "status"]
        widgets = {"starts_on": DateInput(), "ends_on": DateInput()}

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        programme = self.instance.programme
        self.fields["workplace"].queryset = Workplace.objects.filter(  # type: ignore[attr-defined]
            organisation__partner_programmes=programme
        ).select_related("organisation")
        self.fields["education_provider"].queryset = Organisation.objects.filter(  # type: ignore[attr-defined]
            Q(pk=programme.owner_id) | Q(partner_programmes=programme),
            kind=OrganisationKind.EDUCATION_PROVIDER,
        ).distinct()
