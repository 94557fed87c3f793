"""Forms of the practice log: plain fields; the rules live in the services."""

from datetime import date
from typing import Any

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from smile.core.texts import language_form_field, writer_language
from smile.learning.models import Level, Objective, PracticeEntry, WorkplaceTask

NO_TASK = ""


def _date_input() -> forms.DateInput:
    return forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


def _not_after_today(field: forms.Field) -> None:
    # Set per form, not at import: the process outlives the day.
    field.widget.attrs["max"] = timezone.localdate().isoformat()


def _level_field(label: Any, *, required: bool = False) -> forms.TypedChoiceField:
    # Not required in the form: the service says "Please choose a level." in plain words.
    return forms.TypedChoiceField(
        label=label,
        choices=Level.choices,
        coerce=int,
        empty_value=None,
        widget=forms.RadioSelect,
        required=required,
    )


def task_value(task: WorkplaceTask, objective: Objective | None = None) -> str:
    return f"{task.pk}" if objective is None else f"{task.pk}-{objective.pk}"


def task_choices(tasks: list[WorkplaceTask]) -> list[tuple[str, str]]:
    """One choice per task, or one per objective of a task that trains several: she sees what
    each task trains."""
    choices = [(NO_TASK, str(_("Something else (not on the list)")))]
    for task in tasks:
        objectives: list[Objective] = getattr(task, "her_objectives", [])
        if len(objectives) > 1:
            for objective in objectives:
                choices.append((task_value(task, objective), f"{task.title} – {objective}"))
        elif objectives:
            choices.append((task_value(task), f"{task.title} – {objectives[0]}"))
        else:
            choices.append((task_value(task), task.title))
    return choices


class PracticeEntryForm(forms.Form):
    """What she did: the date, the task (with what it trains), a note, a photo, her level."""

    done_on = forms.DateField(label=_("Date"), widget=_date_input())
    task = forms.ChoiceField(label=_("Which task did you do?"), required=False)
    note = forms.CharField(
        label=_("What did you do? Write a few words."),
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=2000,
        required=False,
    )
    language = language_form_field(_("My note is written in"))
    photo = forms.FileField(
        label=_("Photo (you can leave this empty)"),
        required=False,
        widget=forms.FileInput(attrs={"accept": "image/*", "capture": "environment"}),
    )
    self_level = _level_field(_("How well can you do it now?"))

    def __init__(
        self,
        *args: Any,
        tasks: list[WorkplaceTask],
        entry: PracticeEntry | None = None,
        **kwargs: Any,
    ) -> None:
        kwargs.setdefault("label_suffix", "")
        if entry is not None:
            kwargs.setdefault("initial", initial_for(entry, tasks))
        super().__init__(*args, **kwargs)
        self.tasks = {task.pk: task for task in tasks}
        _not_after_today(self.fields["done_on"])
        self.fields["language"].initial = (entry and entry.note_language) or writer_language()
        self.fields["task"].choices = task_choices(tasks)  # type: ignore[attr-defined]
        if entry is not None and entry.photo:
            self.fields["remove_photo"] = forms.BooleanField(
                label=_("Remove the photo"), required=False
            )

    def clean_task(self) -> tuple[WorkplaceTask | None, Objective | None]:
        value = self.cleaned_data["task"]
        if value == NO_TASK:
            return None, None
        task_pk, _sep, objective_pk = value.partition("-")
        task = self.tasks[int(task_pk)]
        if not objective_pk:
            return task, None
        objectives = {o.pk: o for o in getattr(task, "her_objectives", [])}
        return task, objectives[int(objective_pk)]

    def values(self) -> dict[str, Any]:
        data = self.cleaned_data
        task, objective = data["task"]
        return {
            "done_on": data["done_on"],
            "task": task,
            "objective": objective,
            "note": data["note"],
            "language": data["language"],
            "photo": data["photo"],
            "self_level": data["self_level"],
        }


def initial_for(entry: PracticeEntry, tasks: list[WorkplaceTask]) -> dict[str, Any]:
    task_field = NO_TASK
    if entry.task_id is not None:
        task_field = str(entry.task_id)
        for task in tasks:
            several = len(getattr(task, "her_objectives", [])) > 1
            if task.pk == entry.task_id and several and entry.objective_id is not None:
                task_field = f"{entry.task_id}-{entry.objective_id}"
    return {
        "done_on": entry.done_on,
        "task": task_field,
        "note": entry.note,
        "self_level": entry.self_level,
    }


def _comment_language() -> forms.ChoiceField:
    return language_form_field(_("Written in"))


class ConfirmForm(forms.Form):
    mentor_level = _level_field(_("Your assessment: how well can she do it?"))
    comment = forms.CharField(
        label=_("Comment (you can leave this empty)"),
        widget=forms.Textarea(attrs={"rows": 2}),
        max_length=1000,
        required=False,
    )
    language = _comment_language()

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)
        self.fields["language"].initial = writer_language()


class ReturnForm(forms.Form):
    comment = forms.CharField(
        label=_("What should she add or change?"),
        widget=forms.Textarea(attrs={"rows": 2}),
        max_length=1000,
        required=False,
    )
    language = _comment_language()

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)
        self.fields["language"].initial = writer_language()


class CorrectionForm(forms.Form):
    """A correction of one field of a confirmed entry, with the reason."""

    reason = forms.CharField(label=_("Why do you correct it?"), max_length=300, required=False)

    def __init__(
        self,
        *args: Any,
        field: str,
        entry: PracticeEntry,
        objectives: list[Objective],
        **kwargs: Any,
    ) -> None:
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)
        self.objectives = {o.pk: o for o in objectives}
        label = _("New value")
        new_value: forms.Field
        if field == "done_on":
            new_value = forms.DateField(label=label, widget=_date_input(), initial=entry.done_on)
        elif field == "note":
            new_value = forms.CharField(
                label=label,
                widget=forms.Textarea(attrs={"rows": 3}),
                max_length=2000,
                required=False,
                initial=entry.note,
            )
        elif field == "mentor_level":
            new_value = _level_field(label)
            new_value.initial = entry.mentor_level
        else:
            new_value = forms.TypedChoiceField(
                label=label,
                choices=[("", "–")] + [(str(o.pk), str(o)) for o in objectives],
                coerce=int,
                empty_value=None,
                required=False,
                initial=entry.objective_id,
            )
        if field == "done_on":
            _not_after_today(new_value)
        self.fields = {"new_value": new_value, **self.fields}
        self.field_name = field

    def value(self) -> date | str | int | Objective | None:
        value = self.cleaned_data["new_value"]
        if self.field_name == "objective":
            return None if value is None else self.objectives[value]
        return value
