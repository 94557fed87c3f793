"""Forms for the people's side of matching: the matching profile and answers about a pair."""

from typing import Any

from django import forms
from django.forms.boundfield import BoundField
from django.utils.translation import gettext_lazy as _

from smile.accounts.models import User
from smile.core.reasons import REASON_MAX_LENGTH
from smile.matching.models import Gender, LanguageLevel, MatchingProfile, Shift
from smile.matching.profiles import LANGUAGES, MAX_CAPACITY, MAX_LANGUAGES, line_manager_choices
from smile.programmes.forms import DateInput
from smile.programmes.models import Enrolment, EnrolmentRole


def _language_choices() -> list[tuple[str, str]]:
    return [("", "–")] + [(code, f"{local} – {name}") for code, local, name in LANGUAGES]


def _split(text: str) -> list[str]:
    return [part.strip() for part in text.split(",") if part.strip()]


class MatchingProfileForm(forms.Form):
    """A fixed set of language rows, then the rest; only the fields her role is asked."""

    trade = forms.CharField(
        label=_("Trade"),
        required=False,
        max_length=100,
        help_text=_("For example: foundry worker, assistant nurse, chef."),
    )
    skills = forms.CharField(
        label=_("Skills"),
        required=False,
        help_text=_("Separate with commas, for example: welding, forklift, first aid."),
    )
    shifts = forms.MultipleChoiceField(
        label=_("When do you work?"),
        required=False,
        choices=Shift.choices,
        widget=forms.CheckboxSelectMultiple,
    )
    interests = forms.CharField(
        label=_("Interests"),
        required=False,
        help_text=_("Separate with commas, for example: football, cooking, music."),
    )
    gender = forms.ChoiceField(
        label=_("Gender (optional)"),
        required=False,
        choices=[("", _("I prefer not to say")), *list(Gender.choices)],
        help_text=_(
            "Only used if you want a mentor of your own gender. Nobody else sees it. "
            "You can leave it empty."
        ),
    )
    wants_same_gender = forms.BooleanField(
        label=_("I want a mentor of my own gender"), required=False
    )
    capacity = forms.IntegerField(
        label=_("How many adepts can you take at once?"),
        required=False,
        min_value=0,
        max_value=MAX_CAPACITY,
        help_text=_("Leave empty to use the programme's number."),
    )
    training_completed_on = forms.DateField(
        label=_("Mentor training completed on"), required=False, widget=DateInput()
    )
    line_manager = forms.ModelChoiceField(
        label=_("Line manager"),
        required=False,
        queryset=User.objects.none(),
        help_text=_("The adept's line manager is never chosen as her mentor."),
    )

    def __init__(
        self, *args: Any, enrolment: Enrolment, is_coordinator: bool, **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        for row in range(1, MAX_LANGUAGES + 1):
            self.fields[f"language_{row}"] = forms.ChoiceField(
                label=_("Language %(row)d") % {"row": row},
                required=False,
                choices=_language_choices(),
            )
            self.fields[f"level_{row}"] = forms.TypedChoiceField(
                label=_("How well? (language %(row)d)") % {"row": row},
                required=False,
                coerce=int,
                empty_value=None,
                choices=[("", "–"), *list(LanguageLevel.choices)],
            )
        if enrolment.role == EnrolmentRole.ADEPT:
            del self.fields["capacity"], self.fields["training_completed_on"]
            if is_coordinator:
                self.fields["line_manager"].queryset = line_manager_choices(enrolment)  # type: ignore[attr-defined]
            else:
                del self.fields["line_manager"]
        else:
            del self.fields["wants_same_gender"], self.fields["line_manager"]
            if not is_coordinator:
                del self.fields["training_completed_on"]

    def language_rows(self) -> list[tuple[BoundField, BoundField]]:
        return [
            (self[f"language_{row}"], self[f"level_{row}"]) for row in range(1, MAX_LANGUAGES + 1)
        ]

    def other_fields(self) -> list[BoundField]:
        return [self[name] for name in self.fields if not name.startswith(("language_", "level_"))]

    @staticmethod
    def initial_for(profile: MatchingProfile | None) -> dict[str, Any]:
        if profile is None:
            return {}
        initial: dict[str, Any] = {
            "trade": profile.trade,
            "skills": ", ".join(profile.skills),
            "shifts": profile.shifts,
            "interests": ", ".join(profile.interests),
            "gender": profile.gender,
            "wants_same_gender": profile.wants_same_gender,
            "capacity": profile.capacity,
            "training_completed_on": profile.training_completed_on,
            "line_manager": profile.line_manager_id,
        }
        for row, item in enumerate(profile.languages[:MAX_LANGUAGES], start=1):
            initial[f"language_{row}"] = item.get("code", "")
            initial[f"level_{row}"] = item.get("level")
        return initial

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        for row in range(1, MAX_LANGUAGES + 1):
            code, level = data.get(f"language_{row}"), data.get(f"level_{row}")
            if code and level is None and f"level_{row}" not in self.errors:
                self.add_error(f"level_{row}", _("Choose how well you speak this language."))
            if level is not None and not code:
                self.add_error(f"language_{row}", _("Choose the language."))
        return data

    def profile_fields(self) -> dict[str, Any]:
        """The cleaned values in the shape `matching_profile_save` takes."""
        data = self.cleaned_data
        fields: dict[str, Any] = {
            "languages": [
                {"code": data[f"language_{row}"], "level": data[f"level_{row}"]}
                for row in range(1, MAX_LANGUAGES + 1)
                if data.get(f"language_{row}")
            ],
            "trade": data["trade"],
            "skills": _split(data["skills"]),
            "shifts": data["shifts"],
            "interests": _split(data["interests"]),
            "gender": data["gender"],
        }
        for name in ("wants_same_gender", "capacity", "training_completed_on", "line_manager"):
            if name in self.fields:
                fields[name] = data.get(name)
        return fields


class ReasonForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason"),
        max_length=REASON_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("A few words. Only the coordinator reads it."),
    )


class DeclineForm(ReasonForm):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["reason"].label = _("If you say no: why?")
