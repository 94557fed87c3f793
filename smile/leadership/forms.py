"""The forms of management support. Each keeps what was typed when something is wrong."""

from decimal import Decimal
from typing import Any

from django import forms
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from smile.accounts.models import User
from smile.leadership import statements as st
from smile.leadership.models import Action, ActionStatus, CommitmentRule
from smile.leadership.services import TITLE_MAX_LENGTH, DecisionInput, NewAction
from smile.organisations.models import Workplace
from smile.programmes.models import Programme

CHOOSE = _("Please choose only from the list.")


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, attrs: dict[str, Any] | None = None) -> None:
        super().__init__(attrs, format="%Y-%m-%d")


def dimension_choices() -> list[tuple[str, Any]]:
    return [(str(d), st.DIMENSION_LABELS[d]) for d in st.DIMENSIONS]


class PeopleChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj: Any) -> str:
        return str(obj.full_name or obj.email)


class PageFilterForm(forms.Form):
    """The SMILE page's filters: one programme, and on the overview one workplace."""

    programme = forms.TypedChoiceField(
        label=_("Programme"), required=False, coerce=int, empty_value=None
    )
    workplace = forms.TypedChoiceField(
        label=_("Workplace"), required=False, coerce=int, empty_value=None
    )

    def __init__(
        self,
        *args: Any,
        programmes: list[Programme],
        workplaces: list[Workplace] | None = None,
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        every = [("", _("All"))]
        programme_field = self.fields["programme"]
        assert isinstance(programme_field, forms.ChoiceField)
        programme_field.choices = every + [(str(p.pk), p.name) for p in programmes]
        programme_field.error_messages["invalid_choice"] = CHOOSE
        if workplaces is None:
            del self.fields["workplace"]
        else:
            workplace_field = self.fields["workplace"]
            assert isinstance(workplace_field, forms.ChoiceField)
            workplace_field.choices = every + [(str(w.pk), w.name) for w in workplaces]
            workplace_field.error_messages["invalid_choice"] = CHOOSE


def _field_name(code: str) -> str:
    return "s_" + code.replace(".", "_")


class AnswerForm(forms.Form):
    """One page: every statement of the four dimensions, each answered on the five-step scale."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for statement in st.STATEMENTS:
            self.fields[_field_name(statement.code)] = forms.TypedChoiceField(
                label=str(statement.text),
                choices=[(str(value), label) for value, label in st.SCALE],
                coerce=int,
                widget=forms.RadioSelect,
                error_messages={
                    "required": _("Please choose an answer."),
                    "invalid_choice": CHOOSE,
                },
            )

    def dimensions(self) -> list[tuple[str, Any, list[forms.BoundField]]]:
        """The fields by dimension, for one fieldset each."""
        return [
            (
                str(dimension),
                st.DIMENSION_LABELS[dimension],
                [self[_field_name(s.code)] for s in st.statements_of(dimension)],
            )
            for dimension in st.DIMENSIONS
        ]

    def answers(self) -> dict[str, int]:
        return {s.code: int(self.cleaned_data[_field_name(s.code)]) for s in st.STATEMENTS}


class CommitmentForm(forms.Form):
    programme = forms.ModelChoiceField(
        label=_("Programme"),
        queryset=Programme.objects.none(),
        error_messages={"invalid_choice": CHOOSE},
    )
    mentor_hours_per_week = forms.DecimalField(
        label=_("Mentoring hours per week for each mentor"),
        help_text=_("The time each mentor has for her adepts in her working hours."),
        min_value=Decimal("0.5"),
        max_value=Decimal(40),
        max_digits=3,
        decimal_places=1,
        widget=forms.NumberInput(attrs={"step": "0.5", "inputmode": "decimal"}),
    )
    development_hours_per_month = forms.DecimalField(
        label=_("Hours per month for each mentor's own development"),
        help_text=_("Mentor training, network meetings and supervision."),
        min_value=Decimal(0),
        max_value=Decimal(40),
        max_digits=3,
        decimal_places=1,
        widget=forms.NumberInput(attrs={"step": "0.5", "inputmode": "decimal"}),
    )
    contact_name = forms.CharField(label=_("Contact person at the workplace"), max_length=200)
    contact_details = forms.CharField(
        label=_("Phone or e-mail of the contact"), max_length=200, required=False
    )
    follow_up_weeks = forms.IntegerField(
        label=_("A follow-up meeting every … weeks"),
        help_text=_("Management meets to follow up the action plan this often."),
        min_value=1,
        max_value=26,
        widget=forms.NumberInput(attrs={"inputmode": "numeric"}),
    )
    notes = forms.CharField(
        label=_("More about the commitment"),
        max_length=2000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    sign = forms.BooleanField(
        label=_("I sign this commitment for the management of the workplace."),
        error_messages={"required": _("Tick the box to sign.")},
    )

    def __init__(self, *args: Any, programmes: QuerySet[Programme], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["programme"]
        assert isinstance(field, forms.ModelChoiceField)
        field.queryset = programmes
        if programmes.count() == 1:
            field.initial = programmes.first()

    def service_kwargs(self) -> dict[str, Any]:
        data = dict(self.cleaned_data)
        data.pop("sign")
        return data


class CommitmentRuleForm(forms.Form):
    commitment_rule = forms.ChoiceField(
        label=_("Signed management commitment before adepts are placed"),
        choices=CommitmentRule.choices,
        widget=forms.RadioSelect,
        error_messages={"invalid_choice": CHOOSE},
    )


class ActionForm(forms.Form):
    title = forms.CharField(label=_("What to do"), max_length=TITLE_MAX_LENGTH)
    dimension = forms.ChoiceField(
        label=_("Dimension"), choices=dimension_choices, error_messages={"invalid_choice": CHOOSE}
    )
    owner = PeopleChoiceField(
        label=_("Who is responsible"),
        queryset=User.objects.none(),
        error_messages={"invalid_choice": CHOOSE},
    )
    due_on = forms.DateField(label=_("Deadline"), widget=DateInput())
    status = forms.ChoiceField(
        label=_("Status"), choices=ActionStatus.choices, error_messages={"invalid_choice": CHOOSE}
    )

    def __init__(
        self, *args: Any, owners: QuerySet[User], action: Action | None = None, **kwargs: Any
    ) -> None:
        if action is not None:
            kwargs.setdefault(
                "initial",
                {
                    "title": action.title,
                    "dimension": action.dimension,
                    "owner": action.owner_id,
                    "due_on": action.due_on,
                    "status": action.status,
                },
            )
        super().__init__(*args, **kwargs)
        owner = self.fields["owner"]
        assert isinstance(owner, forms.ModelChoiceField)
        owner.queryset = owners
        if action is None:
            del self.fields["status"]


class FollowUpForm(forms.Form):
    """The minutes of a follow-up meeting, a decision on each open action, and perhaps a new one.

    Each open action has three fields under its key: its status, its deadline and a note."""

    held_on = forms.DateField(label=_("Date of the meeting"), widget=DateInput())
    minutes = forms.CharField(
        label=_("Minutes"),
        help_text=_("Who took part, what was discussed and what was decided."),
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 5}),
    )
    new_title = forms.CharField(
        label=_("New action: what to do"), max_length=TITLE_MAX_LENGTH, required=False
    )
    new_dimension = forms.ChoiceField(
        label=_("Dimension"),
        choices=lambda: [("", "—"), *dimension_choices()],
        required=False,
        error_messages={"invalid_choice": CHOOSE},
    )
    new_owner = PeopleChoiceField(
        label=_("Who is responsible"),
        queryset=User.objects.none(),
        required=False,
        error_messages={"invalid_choice": CHOOSE},
    )
    new_due_on = forms.DateField(label=_("Deadline"), widget=DateInput(), required=False)

    def __init__(
        self, *args: Any, actions: list[Action], owners: QuerySet[User], **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        self.actions = actions
        if not self.is_bound:
            self.initial.setdefault("held_on", timezone.localdate())
        for action in actions:
            key = f"a{action.pk}_"
            self.fields[key + "status"] = forms.ChoiceField(
                label=_("Status"),
                choices=ActionStatus.choices,
                initial=action.status,
                error_messages={"invalid_choice": CHOOSE},
            )
            self.fields[key + "due_on"] = forms.DateField(
                label=_("Deadline"), widget=DateInput(), initial=action.due_on
            )
            self.fields[key + "text"] = forms.CharField(
                label=_("Decision"), max_length=500, required=False
            )
        owner = self.fields["new_owner"]
        assert isinstance(owner, forms.ModelChoiceField)
        owner.queryset = owners

    def action_rows(self) -> list[tuple[Action, list[forms.BoundField]]]:
        return [
            (a, [self[f"a{a.pk}_status"], self[f"a{a.pk}_due_on"], self[f"a{a.pk}_text"]])
            for a in self.actions
        ]

    def new_fields(self) -> list[forms.BoundField]:
        return [self[name] for name in ("new_title", "new_dimension", "new_owner", "new_due_on")]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        names = ("new_title", "new_dimension", "new_owner", "new_due_on")
        given = [name for name in names if data.get(name)]
        if given and len(given) < len(names):
            for name in names:
                if not data.get(name) and name not in self.errors:
                    self.add_error(name, _("Fill this in too, or leave the new action empty."))
        return data

    def decisions(self) -> list[DecisionInput]:
        return [
            DecisionInput(
                action=a,
                status=self.cleaned_data[f"a{a.pk}_status"],
                due_on=self.cleaned_data[f"a{a.pk}_due_on"],
                text=self.cleaned_data[f"a{a.pk}_text"],
            )
            for a in self.actions
        ]

    def new_action(self) -> NewAction | None:
        data = self.cleaned_data
        if not data.get("new_title"):
            return None
        return NewAction(
            title=data["new_title"],
            dimension=data["new_dimension"],
            owner=data["new_owner"],
            due_on=data["new_due_on"],
        )
