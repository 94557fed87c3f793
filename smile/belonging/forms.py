from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from .models import Cadence
from .statements import SCALE, STATEMENTS


class AnswerForm(forms.Form):
    """One choice of 1–5 per statement; the template draws the pictograms and faces."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for statement in STATEMENTS:
            self.fields[statement.code] = forms.TypedChoiceField(
                label=str(statement.text),
                choices=[(value, label) for value, label, _icon in SCALE],
                coerce=int,
                widget=forms.RadioSelect,
                error_messages={"required": _("Choose an answer.")},
            )

    def rows(self) -> list[dict[str, Any]]:
        """Each statement with its field, pictogram and the scale's faces (for the template)."""
        return [
            {
                "statement": statement,
                "field": self[statement.code],
                "options": [
                    {
                        "value": value,
                        "label": label,
                        "icon": icon,
                        "id": f"id_{statement.code}_{value}",
                        "checked": str(self[statement.code].value()) == str(value),
                    }
                    for value, label, icon in SCALE
                ],
            }
            for statement in STATEMENTS
        ]


class CadenceForm(forms.Form):
    cadence_weeks = forms.TypedChoiceField(
        label=_("Ask the adepts how they feel at work"), choices=Cadence.choices, coerce=int
    )
