"""The meeting log form (one phone-friendly page) and the form for one thing to do."""

import re
from datetime import date
from typing import Any

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from smile.accounts.models import User
from smile.core.errors import ApplicationError
from smile.core.forms import add_application_error
from smile.core.texts import language_form_field, writer_language
from smile.matching.models import Pair
from smile.mentoring.logs import services
from smile.mentoring.logs.selectors import QUESTIONS
from smile.mentoring.models import Dimension, Rating

ACTION_ROWS = 3
MINUTE_SUGGESTIONS = (30, 45, 60, 90)
ROW_FIELDS = ("title", "owner", "due_on")


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, attrs: dict[str, Any] | None = None) -> None:
        super().__init__(attrs, format="%Y-%m-%d")


def _owner_choices(pair: Pair) -> list[tuple[str, str]]:
    return [
        ("", "—"),
        ("adept", f"{pair.adept.user.full_name} ({_('Adept')})"),
        ("mentor", f"{pair.mentor.user.full_name} ({_('Mentor')})"),
    ]


def _owner(pair: Pair, side: str) -> User:
    return pair.adept.user if side == "adept" else pair.mentor.user


class _ActionFields:
    """The three fields of one thing to do, under a prefix ("" or "action1_")."""

    @staticmethod
    def build(pair: Pair, prefix: str, *, required: bool) -> dict[str, forms.Field]:
        return {
            f"{prefix}title": forms.CharField(
                label=_("What to do"),
                max_length=services.TITLE_MAX_LENGTH,
                required=required,
            ),
            f"{prefix}owner": forms.ChoiceField(
                label=_("Who does it"), choices=_owner_choices(pair), required=required
            ),
            f"{prefix}due_on": forms.DateField(
                label=_("By when"),
                widget=DateInput(attrs={"min": timezone.localdate().isoformat()}),
                required=required,
            ),
        }


class MeetingLogForm(forms.Form):
    """Date, time, the check-in on the four dimensions, notes, and up to three things to do."""

    held_on = forms.DateField(label=_("Date of the meeting"), widget=DateInput())
    minutes = forms.IntegerField(
        label=_("Mentoring time in minutes"),
        help_text=_("For example 30, 45, 60 or 90."),
        min_value=services.MIN_MINUTES,
        max_value=services.MAX_MINUTES,
        widget=forms.NumberInput(attrs={"list": "minutes-suggestions", "inputmode": "numeric"}),
    )
    notes = forms.CharField(
        label=_("Notes"),
        help_text=_("Only the two of you can read them, unless you tick the box below."),
        max_length=services.NOTES_MAX_LENGTH,
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
    )
    language = language_form_field(_("The notes are written in"))
    notes_for_coordinator = forms.BooleanField(
        label=_("The coordinator may read the notes"), required=False
    )

    def __init__(self, *args: Any, pair: Pair, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.pair = pair
        self.used_rows: list[int] = []
        self.fields["language"].initial = writer_language()
        for dimension in Dimension:
            self.fields[f"rating_{dimension.value}"] = forms.TypedChoiceField(
                label=dimension.label,
                choices=Rating.choices,
                coerce=int,
                widget=forms.RadioSelect,
                error_messages={"required": _("Choose one answer.")},
            )
            self.fields[f"note_{dimension.value}"] = forms.CharField(
                label=_("Note (if you want)"),
                max_length=services.NOTE_MAX_LENGTH,
                required=False,
            )
        for row in range(1, ACTION_ROWS + 1):
            self.fields.update(_ActionFields.build(pair, f"action{row}_", required=False))
        # The phone's date picker offers only dates the rules allow.
        today = timezone.localdate()
        self.fields["held_on"].widget.attrs["max"] = today.isoformat()
        if pair.started_on is not None:
            self.fields["held_on"].widget.attrs["min"] = pair.started_on.isoformat()

    # --- for the template ---------------------------------------------------------------------

    def dimensions(self) -> list[dict[str, Any]]:
        return [
            {
                "value": dimension.value,
                "label": dimension.label,
                "question": QUESTIONS[dimension],
                "rating": self[f"rating_{dimension.value}"],
                "note": self[f"note_{dimension.value}"],
            }
            for dimension in Dimension
        ]

    def action_rows(self) -> list[dict[str, Any]]:
        return [
            {"number": row, "fields": [self[f"action{row}_{name}"] for name in ROW_FIELDS]}
            for row in range(1, ACTION_ROWS + 1)
        ]

    def minute_suggestions(self) -> tuple[int, ...]:
        return MINUTE_SUGGESTIONS

    # --- validation ---------------------------------------------------------------------------

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        for row in range(1, ACTION_ROWS + 1):
            names = [f"action{row}_{name}" for name in ROW_FIELDS]
            typed = [bool(self.data.get(self.add_prefix(name), "").strip()) for name in names]
            if any(typed) and not all(typed):
                for name, present in zip(names, typed, strict=True):
                    if not present:
                        self.add_error(
                            name, _("Fill in what, who and by when, or leave the row empty.")
                        )
        return cleaned

    def service_kwargs(self) -> dict[str, Any]:
        data = self.cleaned_data
        action_items: list[tuple[str, User, date]] = []
        self.used_rows = []
        for row in range(1, ACTION_ROWS + 1):
            title = data.get(f"action{row}_title", "")
            if title:
                owner = _owner(self.pair, data[f"action{row}_owner"])
                action_items.append((title, owner, data[f"action{row}_due_on"]))
                self.used_rows.append(row)
        return {
            "held_on": data["held_on"],
            "minutes": data["minutes"],
            "checkins": {
                dimension.value: (
                    data[f"rating_{dimension.value}"],
                    data.get(f"note_{dimension.value}", ""),
                )
                for dimension in Dimension
            },
            "notes": data.get("notes", ""),
            "notes_for_coordinator": data.get("notes_for_coordinator", False),
            "language": data.get("language", ""),
            "action_items": action_items,
        }

    def add_service_error(self, error: ApplicationError) -> None:
        """Show a broken rule beside its field; the service numbers only the filled-in rows."""
        match = re.fullmatch(r"action(\d+)_(\w+)", error.field or "")
        if match and int(match[1]) <= len(self.used_rows):
            row = self.used_rows[int(match[1]) - 1]
            error = ApplicationError(error.message, field=f"action{row}_{match[2]}")
        add_application_error(self, error)


class ActionItemForm(forms.Form):
    """One thing to do, outside a meeting log."""

    def __init__(self, *args: Any, pair: Pair, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.pair = pair
        self.fields.update(_ActionFields.build(pair, "", required=True))

    def service_kwargs(self) -> dict[str, Any]:
        data = self.cleaned_data
        return {
            "title": data["title"],
            "owner": _owner(self.pair, data["owner"]),
            "due_on": data["due_on"],
        }
