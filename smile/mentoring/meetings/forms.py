from datetime import date, datetime, time, timedelta
from typing import Any

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from smile.core.reasons import REASON_MAX_LENGTH
from smile.matching.models import Pair
from smile.mentoring.meetings.services import MAX_MINUTES, MIN_MINUTES

LOCAL_INPUT = "%Y-%m-%dT%H:%M"


class LocalDateTimeInput(forms.DateTimeInput):
    input_type = "datetime-local"

    def __init__(self, attrs: dict[str, Any] | None = None) -> None:
        super().__init__(attrs, format=LOCAL_INPUT)


def starts_at_field() -> forms.DateTimeField:
    """Day and time, typed in the browser's date-and-time picker, in local time.

    These field makers are shared by every form that books a time and a place (a pair's meeting
    here, a mentor network meeting in `smile.training`), so the labels and help read the same.
    """
    return forms.DateTimeField(
        label=_("Day and time"),
        widget=LocalDateTimeInput(),
        input_formats=[LOCAL_INPUT, "%Y-%m-%dT%H:%M:%S", "%Y-%m-%d %H:%M"],
    )


def duration_field(
    *, initial: int = 60, min_value: int = MIN_MINUTES, max_value: int = MAX_MINUTES
) -> forms.IntegerField:
    return forms.IntegerField(
        label=_("Length in minutes"),
        min_value=min_value,
        max_value=max_value,
        initial=initial,
        widget=forms.NumberInput(attrs={"step": 15, "inputmode": "numeric"}),
    )


def place_field() -> forms.CharField:
    return forms.CharField(
        label=_("Place"),
        max_length=200,
        required=False,
        help_text=_("Where you meet. Or give a video link below."),
    )


def video_url_field() -> forms.URLField:
    return forms.URLField(
        label=_("Video link"),
        required=False,
        assume_scheme="https",
        widget=forms.URLInput(attrs={"inputmode": "url"}),
    )


class TimeAndPlaceForm(forms.Form):
    starts_at = starts_at_field()
    duration_minutes = duration_field()
    place = place_field()
    video_url = video_url_field()


class ProposeForm(TimeAndPlaceForm):
    agenda = forms.CharField(
        label=_("What to talk about"),
        max_length=500,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    @staticmethod
    def initial_for(pair: Pair, today: date | None = None) -> dict[str, Any]:
        """The next weekday at 10:00, an hour, at the adept's workplace."""
        day = (today or timezone.localdate()) + timedelta(days=1)
        while day.weekday() >= 5:
            day += timedelta(days=1)
        workplace = pair.adept.workplace
        place = ", ".join(
            part for part in (workplace.name, workplace.street_address, workplace.city) if part
        )
        starts_at = timezone.make_aware(datetime.combine(day, time(10, 0)))
        return {"starts_at": starts_at, "duration_minutes": 60, "place": place}


class CounterForm(TimeAndPlaceForm):
    pass


class CancelForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason"),
        max_length=REASON_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
