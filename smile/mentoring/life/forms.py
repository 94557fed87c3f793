from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from smile.core.texts import language_form_field, writer_language
from smile.mentoring.life.services import MESSAGE_MAX_LENGTH, NOTE_MAX_LENGTH
from smile.mentoring.models import LifeArea, LifeStatus

SKIP = ""


def answer_field_name(area: str) -> str:
    return f"answer_{area}"


class LifeCheckInForm(forms.Form):
    """One radio group per area (skipping is the default), a note, and what she shares with whom.

    Whether the coordinator areas were answered "I need support" is a rule of the service, checked
    on the server, so the page needs no script.
    """

    note = forms.CharField(
        label=_("Anything else you want to tell? (you can leave this empty)"),
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=NOTE_MAX_LENGTH,
        required=False,
    )
    language = language_form_field(_("My note is written in"))
    share_with_mentor = forms.BooleanField(
        label=_("My mentor may see my answers and my note"), required=False
    )
    coordinator_areas = forms.MultipleChoiceField(
        label=_("Tell the coordinator that I need support with:"),
        help_text=_(
            "Only areas where you chose “I need support”. The coordinator sees only what you "
            "tick here, not your other answers."
        ),
        choices=LifeArea.choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    share_note_with_coordinator = forms.BooleanField(
        label=_("The coordinator may read my note"), required=False
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)
        self.fields["language"].initial = writer_language()
        choices = [(SKIP, _("I do not want to answer")), *LifeStatus.choices]
        for area, label in reversed(LifeArea.choices):
            self.fields = {
                answer_field_name(area): forms.ChoiceField(
                    label=label,
                    choices=choices,
                    widget=forms.RadioSelect,
                    required=False,
                    initial=SKIP,
                ),
                **self.fields,
            }

    def answer_fields(self) -> list[forms.BoundField]:
        return [self[answer_field_name(area)] for area in LifeArea.values]

    def answers(self) -> dict[str, str]:
        return {area: self.cleaned_data[answer_field_name(area)] for area in LifeArea.values}


class SupportMessageForm(forms.Form):
    """A message in the thread of a support request, and the language it is written in."""

    text = forms.CharField(
        label=_("Your message"),
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=MESSAGE_MAX_LENGTH,
    )
    language = language_form_field(_("Written in"))

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)
        self.fields["language"].initial = writer_language()
