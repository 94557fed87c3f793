from django import forms
from django.utils.translation import gettext_lazy as _

YES = "yes"
NO = "no"


class ConsentForm(forms.Form):
    answer = forms.ChoiceField(
        label=_("May SMILE count your gender, without your name, in equality statistics?"),
        choices=[
            (YES, _("Yes, count my gender")),
            (NO, _("No, count me as “not stated”")),
        ],
        widget=forms.RadioSelect,
    )
