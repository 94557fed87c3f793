from typing import Any

from django import forms
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from smile.matching.models import PairStatus

SEARCH_MAX_LENGTH = 100


class PairFilterForm(forms.Form):
    """The list's filters (a GET form): programme, status, health and a name to look for.

    The programme choices are hers only, so another organisation's programme is not on the list
    and is refused like any value that is not.
    """

    programme = forms.TypedChoiceField(
        label=gettext_lazy("Programme"), required=False, coerce=int, empty_value=None
    )
    status = forms.ChoiceField(label=gettext_lazy("Status"), required=False)
    health = forms.ChoiceField(label=gettext_lazy("How it goes"), required=False)
    q = forms.CharField(
        label=gettext_lazy("Name of the adept or the mentor"),
        required=False,
        max_length=SEARCH_MAX_LENGTH,
    )

    def __init__(
        self,
        *args: Any,
        programmes: list[tuple[int, str]],
        healths: list[tuple[str, str]],
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        for name, empty, choices in (
            ("programme", _("All programmes"), programmes),
            ("status", _("All statuses"), list(PairStatus.choices)),
            ("health", _("All"), healths),
        ):
            field = self.fields[name]
            assert isinstance(field, forms.ChoiceField)
            field.choices = [("", empty), *choices]
            field.error_messages["invalid_choice"] = _("Please choose only from the list.")
        self.fields["q"].widget.attrs["type"] = "search"
