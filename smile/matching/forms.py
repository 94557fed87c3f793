from typing import Any

from django import forms
from django.core.validators import MaxValueValidator, MinValueValidator
from django.utils.translation import gettext_lazy as _

from smile.core.spreadsheets import upload_field
from smile.matching.models import PLACE_HOLDING_STATUSES, MatchingCriteria, Pair, PairStatus
from smile.programmes.models import Enrolment, EnrolmentRole, EnrolmentStatus, Programme

WEIGHTS = (
    "weight_language",
    "weight_workplace",
    "weight_trade",
    "weight_shifts",
    "weight_interests",
    "weight_gender",
)


class MatchingCriteriaForm(forms.ModelForm[MatchingCriteria]):
    class Meta:
        model = MatchingCriteria
        fields = [
            *WEIGHTS,
            "require_same_workplace",
            "require_same_employer",
            "require_shared_language",
            "exclude_line_manager",
            "exclude_ended_badly",
        ]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for name in WEIGHTS:
            field = self.fields[name]
            assert isinstance(field, forms.IntegerField)
            field.min_value, field.max_value = 0, 10
            field.widget.attrs.update({"min": 0, "max": 10})
            field.help_text = _("0 (does not count) to 10 (counts the most)")
            field.validators += [MinValueValidator(0), MaxValueValidator(10)]

    def validate_unique(self) -> None:
        # The criteria are saved by the service, one row per programme.
        pass


class PersonChoiceField(forms.ModelChoiceField[Enrolment]):
    def label_from_instance(self, obj: Enrolment) -> str:
        return obj.user.full_name


class PairChoiceField(forms.ModelChoiceField[Pair]):
    def label_from_instance(self, obj: Pair) -> str:
        return f"{obj.adept.user.full_name} – {obj.mentor.user.full_name}"


class AssignForm(forms.Form):
    adept = PersonChoiceField(label=_("Adept"), queryset=Enrolment.objects.none())
    mentor = PersonChoiceField(label=_("Mentor"), queryset=Enrolment.objects.none())

    def __init__(self, *args: Any, programme: Programme, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        people = (
            Enrolment.objects.filter(programme=programme, status=EnrolmentStatus.ACTIVE)
            .select_related("user", "workplace", "matching_profile")
            .order_by("user__full_name", "pk")
        )
        # Adepts with a mentor (or a proposal waiting for answers) are re-matched elsewhere.
        live = Pair.objects.filter(status__in=PLACE_HOLDING_STATUSES).values("adept")
        adepts = people.filter(role=EnrolmentRole.ADEPT).exclude(pk__in=live)
        self.fields["adept"].queryset = adepts  # type: ignore[attr-defined]
        self.fields["mentor"].queryset = people.filter(role=EnrolmentRole.MENTOR)  # type: ignore[attr-defined]


class SwapForm(forms.Form):
    pair_a = PairChoiceField(label=_("First pair"), queryset=Pair.objects.none())
    pair_b = PairChoiceField(label=_("Second pair"), queryset=Pair.objects.none())

    def __init__(self, *args: Any, programme: Programme, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        drafts = (
            Pair.objects.filter(programme=programme, status=PairStatus.DRAFT)
            .select_related(
                "programme",
                "adept__user",
                "adept__workplace",
                "adept__matching_profile",
                "mentor__user",
                "mentor__workplace",
                "mentor__matching_profile",
            )
            .order_by("adept__user__full_name", "pk")
        )
        self.fields["pair_a"].queryset = drafts  # type: ignore[attr-defined]
        self.fields["pair_b"].queryset = drafts  # type: ignore[attr-defined]


class ProfileImportForm(forms.Form):
    file = upload_field(
        label=_("File with matching profiles (CSV or Excel)"),
        help_text=_(
            "The first row names the columns: email (required), languages (codes with levels "
            "1–4, like “ar:4, sv:2”), trade, skills, shifts (day, evening, night, weekend), "
            "interests, capacity (mentors), training_completed_on (YYYY-MM-DD, mentors), "
            "gender (woman, man, non-binary; optional) and wants_same_gender (yes or no, "
            "adepts). Swedish column names work too. A column you leave out keeps its values. "
            "At most 5,000 rows and 5 MB."
        ),
    )
