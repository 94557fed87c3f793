from django import forms
from django.utils.translation import gettext_lazy as _

from smile.inclusion.models import SwedishLevel
from smile.matching.profiles import LANGUAGES


class StepForm(forms.Form):
    title = forms.CharField(
        label=_("New step (in Swedish)"),
        max_length=200,
        help_text=_("The other languages can be added later."),
    )
    due_days = forms.IntegerField(
        label=_("Due, days after the start"),
        required=False,
        min_value=0,
        max_value=365,
        help_text=_("Leave empty for no due day."),
    )


def _language_choices() -> list[tuple[str, str]]:
    return [("", "–")] + [(code, f"{local} – {name}") for code, local, name in LANGUAGES]


class LanguageSupportForm(forms.Form):
    swedish_level = forms.ChoiceField(
        label=_("My Swedish"),
        choices=[("", "–"), *SwedishLevel.choices],
        required=False,
        widget=forms.RadioSelect,
    )
    wants_interpreter = forms.BooleanField(
        label=_("I want an interpreter at reviews"), required=False
    )
    interpreter_language = forms.ChoiceField(
        label=_("Interpreter for which language"),
        required=False,
        help_text=_("Only if you want an interpreter."),
        choices=_language_choices,
    )


class AmbassadorForm(forms.Form):
    name = forms.CharField(label=_("Name"), max_length=200)
    language = forms.ChoiceField(label=_("Language"), choices=_language_choices)
