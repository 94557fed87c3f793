from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from smile.learning.content_forms import TranslatedFormMixin
from smile.learning.models import Review
from smile.mentoring.meetings.forms import LOCAL_INPUT, LocalDateTimeInput


class ScheduleForm(forms.Form):
    scheduled_for = forms.DateTimeField(
        label=_("Day and time"),
        widget=LocalDateTimeInput(),
        input_formats=[LOCAL_INPUT, "%Y-%m-%dT%H:%M:%S", "%Y-%m-%d %H:%M"],
    )
    place = forms.CharField(label=_("Place"), max_length=200, required=False)
    agenda = forms.CharField(
        label=_("Agenda"),
        max_length=4000,
        required=False,
        help_text=_("Taken from the learning plan. You can change it."),
        widget=forms.Textarea(attrs={"rows": 10, "dir": "auto"}),
    )


class HoldForm(TranslatedFormMixin, forms.Form):
    """What was said, and the next steps in Swedish and, side by side, in the adept's language
    (or any other): she reads them in hers."""

    translated = ("next_steps",)

    notes = forms.CharField(
        label=_("What we talked about"),
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 6, "dir": "auto"}),
    )
    next_steps = forms.CharField(
        label=_("Agreed next steps"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 4, "dir": "auto"}),
    )

    def __init__(self, *args: Any, review: Review | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.add_languages(review)
