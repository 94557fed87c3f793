"""Curricula (units, objectives) and workplace tasks: read by the programme's people, written by
teachers and coordinators; tasks also by the mentors of the workplace."""

from collections.abc import Callable
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.text import slugify
from django.utils.translation import gettext as _

from smile.accounts.http import request_user
from smile.core import policies, spreadsheets
from smile.core.errors import ApplicationError
from smile.core.forms import add_application_error
from smile.learning import access, content
from smile.learning.curricula import selectors, services, spreadsheet
from smile.learning.curricula.forms import (
    CurriculumForm,
    CurriculumImportForm,
    ObjectiveForm,
    UnitForm,
    WorkplaceTaskForm,
)
from smile.learning.models import Curriculum, Objective, Unit, WorkplaceTask
from smile.organisations.models import Workplace


def _url(curriculum: Curriculum) -> str:
    return reverse("learning:curriculum", args=[curriculum.pk])


def _form_page(request: HttpRequest, form: Any, title: str, cancel_url: str) -> HttpResponse:
    # The core form page, with the fields in other languages of learning/content/_form.html.
    context = {
        "form": form,
        "title": title,
        "cancel_url": cancel_url,
        "form_template": "learning/content/_form.html",
    }
    return render(request, "core/form_page.html", context)


def _confirm(request: HttpRequest, question: str, cancel_url: str, error: str = "") -> HttpResponse:
    context = {"question": question, "cancel_url": cancel_url, "error": error}
    return render(request, "learning/curricula/confirm_delete.html", context)


def _save_page(
    request: HttpRequest,
    form: Any,
    *,
    save: Callable[[dict[str, Any]], Any],
    done: str,
    then: Callable[[Any], str],
    title: str,
    cancel_url: str,
) -> HttpResponse:
    """The one edit flow of curricula, units and objectives: a valid form is saved by the
    service, a broken rule is shown beside the field with what was typed."""
    if request.method == "POST" and form.is_valid():
        try:
            saved = save(form.cleaned_data)
        except ApplicationError as error:
            add_application_error(form, error)
        else:
            messages.success(request, done)
            return redirect(then(saved))
    return _form_page(request, form, title, cancel_url)


def _delete_page(
    request: HttpRequest,
    *,
    question: str,
    cancel_url: str,
    delete: Callable[[], object],
    done: str,
    then: str,
) -> HttpResponse:
    """The one delete flow: GET asks, POST deletes through the service (or says why not)."""
    if request.method == "POST":
        try:
            delete()
        except ApplicationError as error:
            return _confirm(request, question, cancel_url, error.message)
        messages.success(request, done)
        return redirect(then)
    return _confirm(request, question, cancel_url)


# --- curricula -------------------------------------------------------------------------------


@login_required
def curriculum_list(request: HttpRequest) -> HttpResponse:
    user = request_user(request)
    context = {
        "curricula": selectors.curriculum_list(user=user),
        "workplaces": selectors.task_workplace_list(user=user),
        "can_create": selectors.editor_organisations(user=user).exists(),
    }
    return render(request, "learning/curricula/curriculum_list.html", context)


@login_required
def curriculum_detail(request: HttpRequest, pk: int) -> HttpResponse:
    curriculum = policies.load(request.user, Curriculum, pk)
    context = {
        "curriculum": curriculum,
        "can_change": policies.can_change(request.user, curriculum),
        "can_see_coverage": policies.can(request.user, "coverage", curriculum),
        "languages_to_check": content.languages_named(curriculum.languages_to_check),
        **selectors.curriculum_detail(user=request.user, curriculum=curriculum),
    }
    return render(request, "learning/curricula/curriculum_detail.html", context)


@login_required
def curriculum_coverage(request: HttpRequest, pk: int) -> HttpResponse:
    """Which texts the adepts placed where the curriculum is practised cannot read in their
    language yet: for its teachers and coordinators."""
    curriculum = policies.load(request.user, Curriculum, pk, to="coverage")
    context = {
        "curriculum": curriculum,
        **selectors.curriculum_coverage(user=request.user, curriculum=curriculum),
    }
    return render(request, "learning/curricula/coverage.html", context)


@login_required
def curriculum_edit(request: HttpRequest, pk: int | None = None) -> HttpResponse:
    user = request_user(request)
    curriculum = policies.load(user, Curriculum, pk, to=policies.CHANGE) if pk else None
    organisations = selectors.editor_organisations(user=user)
    if curriculum is None and not organisations.exists():
        return render(request, "core/forbidden.html", status=403)
    form = CurriculumForm(
        request.POST or None,
        instance=curriculum,
        organisations=organisations,
        programmes=selectors.curriculum_programmes(user=user),
    )
    if curriculum is not None:
        title, cancel = _("Edit the curriculum"), _url(curriculum)
    else:
        title, cancel = _("New curriculum"), reverse("learning:curricula")

    def save(data: dict[str, Any]) -> Curriculum:
        if curriculum is None:
            return services.curriculum_create(actor=user, **data)
        services.curriculum_update(actor=user, curriculum=curriculum, **data)
        return curriculum

    return _save_page(
        request,
        form,
        save=save,
        done=_("The curriculum is saved."),
        then=_url,
        title=title,
        cancel_url=cancel,
    )


@login_required
def curriculum_delete(request: HttpRequest, pk: int) -> HttpResponse:
    curriculum = policies.load(request.user, Curriculum, pk, to=policies.CHANGE)
    question = _("Delete the curriculum %(name)s with all its units and objectives?") % {
        "name": curriculum.name
    }
    return _delete_page(
        request,
        question=question,
        cancel_url=_url(curriculum),
        delete=lambda: services.curriculum_delete(
            actor=request_user(request), curriculum=curriculum
        ),
        done=_("The curriculum is deleted."),
        then=reverse("learning:curricula"),
    )


# --- units and objectives --------------------------------------------------------------------


@login_required
def unit_edit(request: HttpRequest, pk: int, unit_pk: int | None = None) -> HttpResponse:
    curriculum = policies.load(request.user, Curriculum, pk, to=policies.CHANGE)
    unit = get_object_or_404(Unit, pk=unit_pk, curriculum=curriculum) if unit_pk else None
    return _save_page(
        request,
        UnitForm(request.POST or None, instance=unit),
        save=lambda data: services.unit_save(
            actor=request_user(request), curriculum=curriculum, unit=unit, **data
        ),
        done=_("The unit is saved."),
        then=lambda _saved: _url(curriculum),
        title=_("Edit the unit") if unit else _("New unit"),
        cancel_url=_url(curriculum),
    )


@login_required
def unit_delete(request: HttpRequest, pk: int, unit_pk: int) -> HttpResponse:
    curriculum = policies.load(request.user, Curriculum, pk, to=policies.CHANGE)
    unit = get_object_or_404(Unit, pk=unit_pk, curriculum=curriculum)
    question = _("Delete the unit %(name)s with its objectives?") % {"name": unit.name}
    return _delete_page(
        request,
        question=question,
        cancel_url=_url(curriculum),
        delete=lambda: services.unit_delete(actor=request_user(request), unit=unit),
        done=_("The unit is deleted."),
        then=_url(curriculum),
    )


@login_required
def objective_edit(request: HttpRequest, pk: int, objective_pk: int | None = None) -> HttpResponse:
    curriculum = policies.load(request.user, Curriculum, pk, to=policies.CHANGE)
    objective = (
        get_object_or_404(Objective, pk=objective_pk, curriculum=curriculum)
        if objective_pk
        else None
    )
    initial = {"unit": request.GET.get("unit")} if objective is None else None
    form = ObjectiveForm(
        request.POST or None, instance=objective, curriculum=curriculum, initial=initial
    )
    return _save_page(
        request,
        form,
        save=lambda data: services.objective_save(
            actor=request_user(request), curriculum=curriculum, objective=objective, **data
        ),
        done=_("The objective is saved."),
        then=lambda _saved: _url(curriculum),
        title=_("Edit the objective") if objective else _("New objective"),
        cancel_url=_url(curriculum),
    )


@login_required
def objective_delete(request: HttpRequest, pk: int, objective_pk: int) -> HttpResponse:
    curriculum = policies.load(request.user, Curriculum, pk, to=policies.CHANGE)
    objective = get_object_or_404(Objective, pk=objective_pk, curriculum=curriculum)
    question = _("Delete the objective %(code)s?") % {"code": objective.code}
    return _delete_page(
        request,
        question=question,
        cancel_url=_url(curriculum),
        delete=lambda: services.objective_delete(actor=request_user(request), objective=objective),
        done=_("The objective is deleted."),
        then=_url(curriculum),
    )


# --- import and export -----------------------------------------------------------------------


@login_required
def curriculum_import(request: HttpRequest, pk: int) -> HttpResponse:
    curriculum = policies.load(request.user, Curriculum, pk, to=policies.CHANGE)
    report = None
    posted = request.method == "POST"
    form = CurriculumImportForm(request.POST if posted else None, request.FILES if posted else None)
    if posted and form.is_valid():
        upload = form.cleaned_data["file"]
        report = spreadsheet.curriculum_import(
            curriculum=curriculum,
            actor=request_user(request),
            filename=upload.name or "",
            content=upload.read(spreadsheet.MAX_BYTES + 1),
        )
        if report.ok:
            spreadsheets.import_succeeded(
                request,
                report,
                _(
                    "The file is imported: %(units)d new units, %(created)d new objectives, "
                    "%(updated)d changed, %(unchanged)d unchanged."
                )
                % {
                    "units": report.units_created,
                    "created": report.created,
                    "updated": report.updated,
                    "unchanged": report.unchanged,
                },
            )
            return redirect("learning:curriculum", pk=curriculum.pk)
        spreadsheets.import_refused(form, report)
    context = {"curriculum": curriculum, "form": form, "report": report}
    return render(request, "learning/curricula/curriculum_import.html", context)


def _download(content: bytes, filename: str, content_type: str) -> HttpResponse:
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


@login_required
def curriculum_export(request: HttpRequest, pk: int) -> HttpResponse:
    curriculum = policies.load(request.user, Curriculum, pk)
    rows = spreadsheet.export_rows(curriculum)
    name = slugify(curriculum.name) or "curriculum"
    if request.GET.get("format") == "xlsx":
        content = spreadsheet.to_xlsx(rows, title=curriculum.name)
        return _download(content, f"{name}.xlsx", XLSX)
    return _download(spreadsheet.to_csv(rows), f"{name}.csv", "text/csv; charset=utf-8")


@login_required
def curriculum_import_template(request: HttpRequest, pk: int) -> HttpResponse:
    policies.load(request.user, Curriculum, pk, to=policies.CHANGE)
    content = spreadsheet.to_csv([spreadsheet.HEADER, *spreadsheet.TEMPLATE_ROWS])
    return _download(content, "curriculum-template.csv", "text/csv; charset=utf-8")


# --- workplace tasks -------------------------------------------------------------------------


@login_required
def task_list(request: HttpRequest, pk: int) -> HttpResponse:
    workplace = policies.load(request.user, Workplace, pk)
    context = {
        "workplace": workplace,
        "tasks": selectors.workplace_tasks(workplace=workplace),
        "can_change": access.task_workplaces(request.user).filter(pk=workplace.pk).exists(),
    }
    return render(request, "learning/curricula/task_list.html", context)


@login_required
def task_detail(request: HttpRequest, pk: int) -> HttpResponse:
    task = policies.load(request.user, WorkplaceTask, pk)
    context = {
        "task": task,
        "objectives": selectors.task_detail(task=task),
        "can_change": policies.can_change(request.user, task),
        "languages_to_check": content.languages_named(task.languages_to_check),
    }
    return render(request, "learning/curricula/task_detail.html", context)


def _task_form(
    request: HttpRequest, workplace: Workplace, task: WorkplaceTask | None
) -> HttpResponse:
    user = request_user(request)
    objectives = selectors.allowed_objectives(user=user, workplace=workplace)
    posted = request.method == "POST"
    form = WorkplaceTaskForm(
        request.POST if posted else None,
        request.FILES if posted else None,
        instance=task,
        objectives=objectives,
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            task = services.workplace_task_save(
                actor=user,
                workplace=workplace,
                task=task,
                title=data["title"],
                location=data["location"],
                tools=data["tools"],
                safety_notes=data["safety_notes"],
                objectives=data["objectives"],
                photo=data.get("new_photo"),
                remove_photo=bool(data.get("remove_photo")),
                translations=data["translations"],
                languages_to_check=data["languages_to_check"],
            )
        except ApplicationError as error:
            add_application_error(form, error)
        else:
            messages.success(request, _("The task is saved."))
            return redirect("learning:task", pk=task.pk)
    context = {"form": form, "workplace": workplace, "task": task}
    return render(request, "learning/curricula/task_form.html", context)


@login_required
def task_create(request: HttpRequest, pk: int) -> HttpResponse:
    workplace = policies.load(request.user, Workplace, pk, to="describe")
    return _task_form(request, workplace, None)


@login_required
def task_edit(request: HttpRequest, pk: int) -> HttpResponse:
    task = policies.load(request.user, WorkplaceTask, pk, to=policies.CHANGE)
    return _task_form(request, task.workplace, task)


@login_required
def task_delete(request: HttpRequest, pk: int) -> HttpResponse:
    task = policies.load(request.user, WorkplaceTask, pk, to=policies.CHANGE)
    question = _("Delete the task %(title)s?") % {"title": task.title}
    cancel = reverse("learning:task", args=[task.pk])
    return _delete_page(
        request,
        question=question,
        cancel_url=cancel,
        delete=lambda: services.workplace_task_delete(actor=request_user(request), task=task),
        done=_("The task is deleted."),
        then=reverse("learning:tasks", args=[task.workplace_id]),
    )
