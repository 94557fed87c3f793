from typing import Any

from django import forms
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from smile.matching.models import Pair
from smile.mentoring.warnings.services import MESSAGE_MAX_LENGTH


class PairMessageForm(forms.Form):
    to = forms.ChoiceField(label=gettext_lazy("Who gets the message?"), widget=forms.RadioSelect)
    message = forms.CharField(
        label=gettext_lazy("Message"),
        max_length=MESSAGE_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=gettext_lazy("Short and plain. It is sent in SMILE and by e-mail."),
    )

    def __init__(self, *args: Any, pair: Pair, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        adept, mentor = pair.adept.user.full_name, pair.mentor.user.full_name
        choices = [
            ("adept", _("The adept, %(name)s") % {"name": adept}),
            ("mentor", _("The mentor, %(name)s") % {"name": mentor}),
            ("both", _("Both")),
        ]
        field = self.fields["to"]
        assert isinstance(field, forms.ChoiceField)
        field.choices = choices
