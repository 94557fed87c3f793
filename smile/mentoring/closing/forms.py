from django import forms
from django.utils.translation import gettext_lazy as _

from smile.mentoring.closing.services import TEXT_MAX_LENGTH
from smile.mentoring.models import Rating


class ReflectionForm(forms.Form):
    rating = forms.TypedChoiceField(
        label=_("How was the mentorship?"),
        choices=Rating.choices,
        coerce=int,
        widget=forms.RadioSelect,
    )
    text = forms.CharField(
        label=_("Your reflection"),
        help_text=_("A few sentences: what went well, what you learned, what could be better."),
        max_length=TEXT_MAX_LENGTH,
        required=False,
        widget=forms.Textarea(attrs={"rows": 6}),
    )
