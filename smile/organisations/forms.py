from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _
from stdnum.exceptions import InvalidChecksum, ValidationError
from stdnum.se import orgnr

from smile.organisations.models import Organisation, Workplace


class OrganisationForm(forms.ModelForm):
    managed_by = forms.ModelChoiceField(
        label=_("Registered by"), queryset=Organisation.objects.none(), required=True
    )

    class Meta:
        model = Organisation
        fields = ["name", "kind", "organisation_number", "city"]

    def __init__(self, *args: Any, managers: Any = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            # The kind decides roles and workplaces that already hang on it: it is fixed.
            del self.fields["kind"]
            del self.fields["managed_by"]
        else:
            self.fields["managed_by"].queryset = managers  # type: ignore[attr-defined]
            if managers is not None and managers.count() == 1:
                self.fields["managed_by"].initial = managers.first()
                self.fields["managed_by"].widget = forms.HiddenInput()

    def clean_organisation_number(self) -> str:
        value: str = self.cleaned_data["organisation_number"].strip()
        if not value:
            return ""
        try:
            return str(orgnr.format(orgnr.validate(value)))
        except InvalidChecksum:
            raise forms.ValidationError(
                _(
                    "Enter a valid organisation number: the last digit does not match the "
                    "others, so one digit is probably mistyped."
                )
            ) from None
        except ValidationError:
            raise forms.ValidationError(
                _("Enter a valid organisation number, for example 212000-0613.")
            ) from None


class WorkplaceForm(forms.ModelForm):
    class Meta:
        model = Workplace
        fields = ["name", "street_address", "city", "trade"]
