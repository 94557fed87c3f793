from dataclasses import dataclass
from typing import Any

from django import forms
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from modeltranslation.utils import build_localized_fieldname

from smile.inclusion.models import SwedishLevel
from smile.inclusion.selectors import Language, other_languages
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


@dataclass
class LanguageGroup:
    """One language's field, for the template: a collapsed <details> each (as the learning
    tasks' editor shows them)."""

    language: Language
    fields: list[forms.BoundField]
    check: None
    written: int
    open: bool


class StepEditForm(forms.Form):
    """A step of the workplace's template: the Swedish text and due day, and beside them a
    version per language (`title_ar`...), as the task editor of the learning content has."""

    title = forms.CharField(label=_("Step"), max_length=200, help_text=_("In Swedish."))
    due_days = forms.IntegerField(
        label=_("Due, days after the start"),
        required=False,
        min_value=0,
        max_value=365,
        help_text=_("Leave empty for no due day."),
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for language in other_languages():
            field = forms.CharField(
                label=format_html(
                    '{} <span lang="{}" dir="{}">({})</span>',
                    self.fields["title"].label,
                    language.code,
                    language.dir,
                    language.local,
                ),
                max_length=200,
                required=False,
            )
            field.widget.attrs.update({"lang": language.code, "dir": language.dir})
            self.fields[self.key(language.code)] = field

    @staticmethod
    def key(code: str) -> str:
        return build_localized_fieldname("title", code)

    def main_fields(self) -> list[forms.BoundField]:
        return [self["title"], self["due_days"]]

    def language_groups(self) -> list[LanguageGroup]:
        groups = []
        for language in other_languages():
            bound = self[self.key(language.code)]
            written = int(bool((bound.value() or "").strip()))
            groups.append(LanguageGroup(language, [bound], None, written, bool(bound.errors)))
        return groups

    def clean(self) -> dict[str, Any]:
        cleaned: dict[str, Any] = super().clean() or {}
        cleaned["translations"] = {
            self.key(language.code): cleaned.pop(self.key(language.code), "")
            for language in other_languages()
        }
        return cleaned


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
