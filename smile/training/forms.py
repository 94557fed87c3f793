from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from smile.training.services import MAX_ANSWER


class ReflectionForm(forms.Form):
    """One answer field and one 'share' box per question of the module."""

    def __init__(self, *args: Any, questions: list[str], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.count = len(questions)
        for number, question in enumerate(questions, start=1):
            self.fields[f"answer_{number}"] = forms.CharField(
                label=question,
                max_length=MAX_ANSWER,
                widget=forms.Textarea(attrs={"rows": 4}),
            )
            self.fields[f"shared_{number}"] = forms.BooleanField(
                label=_("Share this answer with my coordinator"), required=False
            )

    def answers(self) -> list[str]:
        return [self.cleaned_data[f"answer_{n}"] for n in range(1, self.count + 1)]

    def shared(self) -> list[bool]:
        return [bool(self.cleaned_data.get(f"shared_{n}")) for n in range(1, self.count + 1)]
