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


class WarningFilterForm(forms.Form):
    """The warnings page's filters (a GET form): programme, kind of warning, workplace.

    The choices are hers only, so a programme or workplace of another organisation is simply not
    on the list and is refused like any value that is not.
    """

    programme = forms.TypedChoiceField(
        label=gettext_lazy("Programme"), required=False, coerce=int, empty_value=None
    )
    kind = forms.ChoiceField(label=gettext_lazy("Kind of warning"), required=False)
    workplace = forms.TypedChoiceField(
        label=gettext_lazy("Workplace"), required=False, coerce=int, empty_value=None
    )

    def __init__(
        self,
        *args: Any,
        programmes: list[tuple[int, str]],
        kinds: list[tuple[str, str]],
        workplaces: list[tuple[int, str]],
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        for name, empty, choices in (
            ("programme", _("All programmes"), programmes),
            ("kind", _("All kinds"), kinds),
            ("workplace", _("All workplaces"), workplaces),
        ):
            field = self.fields[name]
            assert isinstance(field, forms.ChoiceField)
            field.choices = [("", empty), *choices]
            field.error_messages["invalid_choice"] = _("Please choose only from the list.")
