from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from smile.learning.models import HoursKind


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self) -> None:
        super().__init__(format="%Y-%m-%d")


class TimeInput(forms.TimeInput):
    input_type = "time"

    def __init__(self) -> None:
        super().__init__(format="%H:%M")


class HoursForm(forms.Form):
    day = forms.DateField(label=_("Date"), widget=DateInput(), initial=timezone.localdate)
    kind = forms.ChoiceField(
        label=_("Kind"),
        choices=HoursKind.choices,
        widget=forms.RadioSelect,
        initial=HoursKind.WORKPLACE,
    )
    starts_at = forms.TimeField(label=_("From"), widget=TimeInput())
    ends_at = forms.TimeField(label=_("To"), widget=TimeInput())
    note = forms.CharField(label=_("Note"), max_length=200, required=False)


class MonthField(forms.DateField):
    """A month as YYYY-MM (the value of `<input type="month">`), cleaned to its first day."""

    widget = forms.DateInput(attrs={"type": "month"}, format="%Y-%m")
    input_formats = ["%Y-%m"]


class MonthForm(forms.Form):
    month = MonthField(label=_("Month"))


class ExportForm(forms.Form):
    month = MonthField(label=_("Month"))
    format = forms.ChoiceField(
        label=_("File type"),
        choices=[("xlsx", _("Spreadsheet (XLSX)")), ("csv", _("CSV"))],
        widget=forms.RadioSelect,
        initial="xlsx",
        required=False,
    )
