"""Forms of equality. They check the shape of what was typed; the rules are the services'."""

from typing import Any

from django import forms
from django.db.models import QuerySet
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from smile.accounts.models import User
from smile.equality.attachments import MAX_ATTACHMENT_BYTES
from smile.equality.models import ConcernKind, Ground, Place
from smile.equality.services import (
    LOG_MAX_LENGTH,
    MESSAGE_MAX_LENGTH,
    TASK_TITLE_MAX_LENGTH,
    WHAT_MAX_LENGTH,
    WHEN_MAX_LENGTH,
)
from smile.programmes.models import Programme

ANONYMOUS = "anonymous"
NAMED = "named"


class DateInput(forms.DateInput):
    input_type = "date"


class _Form(forms.Form):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)
        if "attachment" in self.fields:
            # Made per form: the sentence holds a number, so it is translated when shown.
            self.fields["attachment"].help_text = gettext(
                "For example a picture of a message you got. At most %(count)d MB. A PDF can "
                "hold your name in its properties: send a photo if you want to stay anonymous."
            ) % {"count": MAX_ATTACHMENT_BYTES // (1024 * 1024)}


def _attachment_field() -> forms.FileField:
    return forms.FileField(
        label=_("A photo or a PDF (you can leave this empty)"),
        required=False,
        widget=forms.ClearableFileInput(attrs={"accept": "image/jpeg,image/png,application/pdf"}),
    )


class ReportForm(_Form):
    programme = forms.ModelChoiceField(
        label=_("Programme"),
        queryset=Programme.objects.none(),
        widget=forms.RadioSelect,
        empty_label=None,
    )
    kind = forms.ChoiceField(
        label=_("What happened?"), choices=ConcernKind.choices, widget=forms.RadioSelect
    )
    ground = forms.ChoiceField(
        label=_("Was it because of one of these? (you can skip this)"),
        help_text=_("The law protects you from discrimination for these reasons."),
        choices=[("", _("I do not want to say")), *Ground.choices],
        widget=forms.RadioSelect,
        required=False,
        initial="",
    )
    place = forms.ChoiceField(
        label=_("Where did it happen?"), choices=Place.choices, widget=forms.RadioSelect
    )
    what = forms.CharField(
        label=_("Tell us what happened"),
        help_text=_("Write in your own language. Who was there, what was said or done?"),
        widget=forms.Textarea(attrs={"rows": 6}),
        max_length=WHAT_MAX_LENGTH,
    )
    when = forms.CharField(
        label=_("When did it happen? (you can leave this empty)"),
        max_length=WHEN_MAX_LENGTH,
        required=False,
    )
    anonymous = forms.ChoiceField(
        label=_("Who may know that you reported it?"),
        choices=[
            (
                ANONYMOUS,
                _(
                    "No one: I stay anonymous. I get a private code to follow my case and to "
                    "answer questions."
                ),
            ),
            (
                NAMED,
                _("The case handlers may see my name, so they can talk with me."),
            ),
        ],
        widget=forms.RadioSelect,
    )
    attachment = _attachment_field()

    def __init__(self, *args: Any, programmes: QuerySet[Programme], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["programme"]
        assert isinstance(field, forms.ModelChoiceField)
        field.queryset = programmes
        self.only_programme = programmes[0] if len(programmes) == 1 else None
        if self.only_programme is not None:
            # Nothing to choose: the one programme goes with the form.
            field.widget = forms.HiddenInput()
            field.initial = self.only_programme.pk
            field.required = False

    def clean_programme(self) -> Programme | None:
        chosen = self.cleaned_data.get("programme")
        return chosen or self.only_programme


class CodeForm(_Form):
    code = forms.CharField(
        label=_("Your private code"),
        help_text=_("The code you got when you reported, for example ABCD-EFGH-JKMN-PQRS-TVWX."),
        max_length=40,
        widget=forms.TextInput(
            attrs={
                "autocomplete": "off",
                "autocapitalize": "characters",
                "spellcheck": "false",
                "dir": "ltr",
            }
        ),
    )


class AnswerForm(_Form):
    text = forms.CharField(
        label=_("Your answer or message to the case handlers"),
        widget=forms.Textarea(attrs={"rows": 4}),
        max_length=MESSAGE_MAX_LENGTH,
    )
    attachment = _attachment_field()


class StepForm(_Form):
    step = forms.ChoiceField(label=_("Next step"), choices=())
    message = forms.CharField(
        label=_("A word to the reporter (you can leave this empty)"),
        help_text=_("The reporter sees it with the step. Write plainly; no names."),
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=MESSAGE_MAX_LENGTH,
        required=False,
    )

    def __init__(self, *args: Any, steps: list[tuple[str, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["step"]
        assert isinstance(field, forms.ChoiceField)
        field.choices = steps
        if steps and not self.is_bound:
            field.initial = steps[0][0]


class AskForm(_Form):
    text = forms.CharField(
        label=_("Question or message to the reporter"),
        help_text=_("The reporter sees it at her case page."),
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=MESSAGE_MAX_LENGTH,
    )


class LogForm(_Form):
    text = forms.CharField(
        label=_("Note for the case log"),
        help_text=_("Only the case handlers read the case log. It is stored encrypted."),
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=LOG_MAX_LENGTH,
    )


class TaskForm(_Form):
    title = forms.CharField(label=_("Task"), max_length=TASK_TITLE_MAX_LENGTH)
    due_on = forms.DateField(label=_("Due date"), widget=DateInput())
    assignee = forms.ModelChoiceField(
        label=_("Who does it"),
        queryset=User.objects.none(),
        required=False,
        empty_label=_("No one yet"),
    )

    def __init__(self, *args: Any, handlers: list[User], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["assignee"]
        assert isinstance(field, forms.ModelChoiceField)
        field.queryset = User.objects.filter(pk__in=[handler.pk for handler in handlers])


def _full_name(user: User) -> str:
    return user.full_name


class HandlerAddForm(_Form):
    user = forms.ModelChoiceField(
        label=_("Coordinator to name as case handler"), queryset=User.objects.none()
    )

    def __init__(self, *args: Any, people: QuerySet[User], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["user"]
        assert isinstance(field, forms.ModelChoiceField)
        field.queryset = people
        field.label_from_instance = _full_name  # type: ignore[method-assign,assignment]
