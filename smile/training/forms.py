from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from smile.core.reasons import REASON_MAX_LENGTH
from smile.mentoring.meetings.forms import (
    duration_field,
    place_field,
    starts_at_field,
    video_url_field,
)
from smile.mentoring.models import Dimension as SmileDimension
from smile.programmes.models import Enrolment
from smile.training.models import RATING_DIMENSIONS
from smile.training.services import COMMENT_MAX, GOAL_MAX, MAX_ANSWER


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


SCALE = [
    ("1", _("1 – I am just starting")),
    ("2", _("2")),
    ("3", _("3")),
    ("4", _("4")),
    ("5", _("5 – I feel confident")),
]


class SelfRatingForm(forms.Form):
    """Her rating of herself on each dimension, 1 to 5."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        labels = dict(SmileDimension.choices)
        for dimension in RATING_DIMENSIONS:
            self.fields[dimension] = forms.TypedChoiceField(
                label=labels[dimension], choices=SCALE, coerce=int, widget=forms.RadioSelect
            )

    def ratings(self) -> dict[str, int]:
        return {d: int(self.cleaned_data[d]) for d in RATING_DIMENSIONS}


COORDINATOR_SCALE = [
    ("1", _("1 – Just starting")),
    ("2", _("2")),
    ("3", _("3")),
    ("4", _("4")),
    ("5", _("5 – Confident")),
]


class CoordinatorViewForm(forms.Form):
    """The coordinator's view of a mentor on each dimension, 1 to 5, and a short comment."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        labels = dict(SmileDimension.choices)
        for dimension in RATING_DIMENSIONS:
            self.fields[dimension] = forms.TypedChoiceField(
                label=labels[dimension],
                choices=COORDINATOR_SCALE,
                coerce=int,
                widget=forms.RadioSelect,
            )
        self.fields["comment"] = forms.CharField(
            label=_("Comment (optional)"),
            max_length=COMMENT_MAX,
            required=False,
            help_text=_("The mentor reads it on her development profile."),
            widget=forms.Textarea(attrs={"rows": 3}),
        )

    def ratings(self) -> dict[str, int]:
        return {d: int(self.cleaned_data[d]) for d in RATING_DIMENSIONS}


class GoalsForm(forms.Form):
    """Her personal development goal per dimension; an empty box has no goal."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        labels = dict(SmileDimension.choices)
        for dimension in RATING_DIMENSIONS:
            self.fields[dimension] = forms.CharField(
                label=labels[dimension],
                max_length=GOAL_MAX,
                required=False,
                widget=forms.Textarea(attrs={"rows": 2}),
            )

    def goals(self) -> dict[str, str]:
        return {d: self.cleaned_data.get(d) or "" for d in RATING_DIMENSIONS}


class NetworkMeetingForm(forms.Form):
    """Scheduling or changing a network meeting. Time, length, place and video link are the same
    fields as a pair's meeting (`smile.mentoring.meetings.forms`), with a longer default."""

    starts_at = starts_at_field()
    duration_minutes = duration_field(initial=90)
    place = place_field()
    video_url = video_url_field()
    themes = forms.MultipleChoiceField(
        label=_("Themes"),
        choices=SmileDimension.choices,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("The dimensions the meeting is about: one or more."),
    )
    agenda = forms.CharField(
        label=_("Agenda"),
        max_length=1000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
    )


class AttendanceForm(forms.Form):
    def __init__(self, *args: Any, mentors: list[Enrolment], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["attended"] = forms.TypedMultipleChoiceField(
            label=_("Who attended"),
            choices=[(e.pk, e.user.full_name) for e in mentors],
            coerce=int,
            required=False,
            widget=forms.CheckboxSelectMultiple,
        )


class NetworkCancelForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason"),
        max_length=REASON_MAX_LENGTH,
        help_text=_("The mentors read it in the notice."),
        widget=forms.Textarea(attrs={"rows": 2}),
    )
