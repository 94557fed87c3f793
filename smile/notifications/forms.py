from django import forms

from smile.notifications.models import Kind


class NotificationSettingsForm(forms.Form):
    """For each kind: in SMILE (the bell) and by e-mail. Unticked means off."""

    in_app = forms.MultipleChoiceField(
        choices=Kind.choices, required=False, widget=forms.CheckboxSelectMultiple
    )
    email = forms.MultipleChoiceField(
        choices=Kind.choices, required=False, widget=forms.CheckboxSelectMultiple
    )
