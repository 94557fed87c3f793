"""The practice log: the adept logs what she did, her mentor confirms or returns it, her teacher
follows; confirmed entries change only by a recorded correction."""

from typing import Any

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from smile.accounts.http import request_user
from smile.core import policies
from smile.core.errors import ApplicationError
from smile.core.forms import add_application_error
from smile.learning import access
from smile.learning.models import PracticeEntry, PracticeStatus
from smile.learning.practice import selectors, services
from smile.learning.practice.forms import (
    ConfirmForm,
    CorrectionForm,
    PracticeEntryForm,
    ReturnForm,
)
from smile.programmes.models import Enrolment

PER_PAGE = 25
# What the pages show of a loaded entry or adept, read in the same query.
ENTRY_RELATED = ("enrolment__user", "enrolment__programme", "task", "objective", "reviewed_by")
ADEPT_RELATED = ("user", "workplace", "programme")


def _posted(request: HttpRequest) -> tuple[Any, Any]:
    if request.method == "POST":
        return request.POST, request.FILES
    return None, None


@login_required
def practice_list(request: HttpRequest, pk: int) -> HttpResponse:
    """One adept's practice log, for her and those who follow her learning."""
    user = request_user(request)
    enrolment = policies.load(user, Enrolment, pk, to="learn", related=ADEPT_RELATED)
    page = Paginator(selectors.entries_of(user=user, enrolment=enrolment), PER_PAGE).get_page(
        request.GET.get("page")
    )
    context = {"enrolment": enrolment, "page": page, "is_adept": enrolment.user_id == user.pk}
    return render(request, "learning/practice/list.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def practice_new(request: HttpRequest, pk: int) -> HttpResponse:
    user = request_user(request)
    enrolment = policies.load(user, Enrolment, pk, to="log_learning", related=ADEPT_RELATED)
    tasks = selectors.workplace_tasks(user=user, enrolment=enrolment)
    form = PracticeEntryForm(
        *_posted(request), tasks=tasks, initial={"done_on": timezone.localdate()}
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.practice_entry_create(enrolment=enrolment, by=user, **form.values())
        except ApplicationError as error:
            add_application_error(form, error)
        else:
            messages.success(request, _("Thank you! Your mentor is asked to confirm it."))
            return redirect("learning:practice-list", pk=enrolment.pk)
    context = {"form": form, "enrolment": enrolment, "entry": None}
    return render(request, "learning/practice/form.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def practice_edit(request: HttpRequest, pk: int) -> HttpResponse:
    user = request_user(request)
    entry = policies.load(
        user,
        PracticeEntry,
        pk,
        to=policies.CHANGE,
        related=ENTRY_RELATED,
    )
    if entry.status == PracticeStatus.CONFIRMED:
        messages.error(request, _("A confirmed entry cannot be changed."))
        return redirect("learning:practice-entry", pk=entry.pk)
    tasks = selectors.workplace_tasks(user=user, enrolment=entry.enrolment)
    form = PracticeEntryForm(*_posted(request), tasks=tasks, entry=entry)
    if request.method == "POST" and form.is_valid():
        try:
            services.practice_entry_update(
                entry=entry,
                by=user,
                remove_photo=bool(form.cleaned_data.get("remove_photo")),
                **form.values(),
            )
        except ApplicationError as error:
            add_application_error(form, error)
        else:
            messages.success(request, _("Your changes are saved."))
            return redirect("learning:practice-entry", pk=entry.pk)
    context = {"form": form, "enrolment": entry.enrolment, "entry": entry}
    return render(request, "learning/practice/form.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def practice_delete(request: HttpRequest, pk: int) -> HttpResponse:
    user = request_user(request)
    entry = policies.load(
        user,
        PracticeEntry,
        pk,
        to=policies.CHANGE,
        related=ENTRY_RELATED,
    )
    if request.method == "POST":
        try:
            services.practice_entry_delete(entry=entry, by=user)
        except ApplicationError as error:
            messages.error(request, error.message)
            return redirect("learning:practice-entry", pk=entry.pk)
        messages.success(request, _("The entry is deleted."))
        return redirect("learning:practice-list", pk=entry.enrolment_id)
    return render(request, "learning/practice/delete.html", {"entry": entry})


def _answer_forms(entry: PracticeEntry, bound: dict[str, forms.Form] | None = None) -> dict:
    bound = bound or {}
    return {
        "confirm": bound.get("confirm") or ConfirmForm(prefix=f"confirm-{entry.pk}"),
        "return": bound.get("return") or ReturnForm(prefix=f"return-{entry.pk}"),
    }


def _entry_page(
    request: HttpRequest, entry: PracticeEntry, bound: dict[str, forms.Form] | None = None
) -> HttpResponse:
    user = request_user(request)
    roles = access.learning_roles(user, entry.enrolment)
    context = {
        "entry": entry,
        "roles": roles,
        "corrections": selectors.corrections(entry),
        "forms": _answer_forms(entry, bound),
        "can_correct": bool(roles & {"mentor", "teacher"}),
        "correctable": services.CORRECTABLE_FIELDS,
    }
    return render(request, "learning/practice/entry.html", context)


@login_required
def practice_entry(request: HttpRequest, pk: int) -> HttpResponse:
    """One entry: what she did, the mentor's answer and every correction."""
    return _entry_page(
        request,
        policies.load(
            request_user(request),
            PracticeEntry,
            pk,
            related=ENTRY_RELATED,
        ),
    )


def _to_confirm_page(
    request: HttpRequest, bound: dict[int, dict[str, forms.Form]] | None = None
) -> HttpResponse:
    entries = selectors.to_confirm(request_user(request))
    rows = [{"entry": e, "forms": _answer_forms(e, (bound or {}).get(e.pk))} for e in entries]
    return render(request, "learning/practice/to_confirm.html", {"rows": rows})


@login_required
def practice_to_confirm(request: HttpRequest) -> HttpResponse:
    """The mentor's list: every entry of his live adepts that waits for him, oldest first."""
    return _to_confirm_page(request)


def _answer(request: HttpRequest, pk: int, kind: str) -> HttpResponse:
    """Confirm or return from the list or the entry page; a wrong answer is shown where the
    mentor wrote it, with what he typed."""
    user = request_user(request)
    entry = policies.load(
        user,
        PracticeEntry,
        pk,
        related=ENTRY_RELATED,
    )
    from_list = request.POST.get("from") == "list"
    form_class = ConfirmForm if kind == "confirm" else ReturnForm
    form = form_class(request.POST, prefix=f"{kind}-{entry.pk}")
    if form.is_valid():
        data = form.cleaned_data
        try:
            if kind == "confirm":
                services.practice_confirm(
                    entry=entry,
                    by=user,
                    mentor_level=data["mentor_level"],
                    comment=data["comment"],
                    language=data["language"],
                )
                messages.success(request, _("Confirmed. Thank you!"))
            else:
                services.practice_return(
                    entry=entry, by=user, comment=data["comment"], language=data["language"]
                )
                messages.success(request, _("Returned with your comment."))
        except ApplicationError as error:
            if error.field is None:
                messages.error(request, error.message)
            else:
                add_application_error(form, error)
        if not form.errors:
            if from_list:
                return redirect("learning:practice-to-confirm")
            return redirect("learning:practice-entry", pk=entry.pk)
    if from_list:
        return _to_confirm_page(request, {entry.pk: {kind: form}})
    return _entry_page(request, entry, {kind: form})


@login_required
@require_POST
def practice_confirm(request: HttpRequest, pk: int) -> HttpResponse:
    return _answer(request, pk, "confirm")


@login_required
@require_POST
def practice_return(request: HttpRequest, pk: int) -> HttpResponse:
    return _answer(request, pk, "return")


@login_required
@require_http_methods(["GET", "POST"])
def practice_correct(request: HttpRequest, pk: int, field: str) -> HttpResponse:
    """The mentor or a teacher corrects one field of a confirmed entry, saying why."""
    user = request_user(request)
    entry = policies.load(
        user,
        PracticeEntry,
        pk,
        related=ENTRY_RELATED,
    )
    if field not in services.CORRECTABLE_FIELDS or not services.can_correct(user, entry):
        raise Http404
    objectives = selectors.programme_objectives(entry.enrolment)
    form = CorrectionForm(
        request.POST if request.method == "POST" else None,
        field=field,
        entry=entry,
        objectives=objectives,
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.practice_correct(
                entry=entry,
                by=user,
                field=field,
                new_value=form.value(),
                reason=form.cleaned_data["reason"],
            )
        except ApplicationError as error:
            add_application_error(form, error)
        else:
            messages.success(request, _("The correction is saved."))
            return redirect("learning:practice-entry", pk=entry.pk)
    label = getattr(PracticeEntry._meta.get_field(field), "verbose_name", field)
    context = {"form": form, "entry": entry, "field_label": label}
    return render(request, "learning/practice/correct.html", context)
