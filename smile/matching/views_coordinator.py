"""The coordinator's matching page: criteria, runs, review and edits of the draft, publishing."""

import csv
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from smile.accounts.http import request_user
from smile.core import policies, spreadsheets
from smile.core.errors import ApplicationError
from smile.core.forms import add_application_error
from smile.matching import access, engine, profile_import, selectors, services
from smile.matching.forms import AssignForm, MatchingCriteriaForm, ProfileImportForm, SwapForm
from smile.matching.lifecycle import pairs_publish
from smile.matching.models import Pair, PairStatus
from smile.programmes.models import Programme


def _page(request: HttpRequest, programme: Programme, **forms: Any) -> HttpResponse:
    context = {
        "programme": programme,
        "overview": selectors.matching_overview(programme=programme),
        "criteria_form": forms.get("criteria_form")
        or MatchingCriteriaForm(instance=engine.criteria_for(programme)),
        "assign_form": forms.get("assign_form") or AssignForm(programme=programme),
        "swap_form": forms.get("swap_form") or SwapForm(programme=programme),
    }
    return render(request, "matching/coordinator_matching.html", context)


def _back(programme: Programme) -> HttpResponse:
    return redirect("matching:programme", pk=programme.pk)


@login_required
def matching_page(request: HttpRequest, pk: int) -> HttpResponse:
    programme = policies.load(request.user, Programme, pk, to=policies.CHANGE)
    return _page(request, programme)


@login_required
@require_POST
def criteria_save(request: HttpRequest, pk: int) -> HttpResponse:
    programme = policies.load(request.user, Programme, pk, to=policies.CHANGE)
    form = MatchingCriteriaForm(request.POST, instance=engine.criteria_for(programme))
    if form.is_valid():
        try:
            engine.criteria_save(programme=programme, **form.cleaned_data)
        except ApplicationError as error:
            add_application_error(form, error)
        else:
            messages.success(request, _("The matching criteria are saved."))
            return _back(programme)
    return _page(request, programme, criteria_form=form)


@login_required
@require_POST
def run_start(request: HttpRequest, pk: int) -> HttpResponse:
    programme = policies.load(request.user, Programme, pk, to=policies.CHANGE)
    try:
        services.matching_run_start(programme=programme, actor=request_user(request))
    except ApplicationError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("Matching has started. This page shows its progress."))
    return _back(programme)


@login_required
def run_progress(request: HttpRequest, pk: int) -> HttpResponse:
    programme = policies.load(request.user, Programme, pk, to=policies.CHANGE)
    run = selectors.latest_run(programme=programme)
    busy = engine.run_is_busy(run)
    # The page tells which step it shows; only a new step is announced to screen readers.
    announce = bool(getattr(request, "htmx", False) and run and request.GET.get("step") != run.step)
    context = {"programme": programme, "run": run, "busy": busy, "announce": announce}
    response = render(request, "matching/_progress.html", context)
    if getattr(request, "htmx", False) and not busy:
        response["HX-Refresh"] = "true"
    return response


@login_required
@require_POST
def draft_assign(request: HttpRequest, pk: int) -> HttpResponse:
    programme = policies.load(request.user, Programme, pk, to=policies.CHANGE)
    form = AssignForm(request.POST, programme=programme)
    if form.is_valid():
        try:
            engine.draft_assign(programme=programme, actor=request.user, **form.cleaned_data)  # type: ignore[arg-type]
        except ApplicationError as error:
            add_application_error(form, error)
        else:
            messages.success(request, _("The pair is added to the proposal."))
            return _back(programme)
    return _page(request, programme, assign_form=form)


@login_required
@require_POST
def draft_unassign(request: HttpRequest, pk: int, pair_pk: int) -> HttpResponse:
    programme = policies.load(request.user, Programme, pk, to=policies.CHANGE)
    pair = access.changeable_pairs(request.user).filter(
        programme=programme, pk=pair_pk, status=PairStatus.DRAFT
    )
    found: Pair | None = pair.first()
    if found is not None:
        engine.draft_unassign(pair=found, actor=request.user)  # type: ignore[arg-type]
        messages.success(request, _("The pair is removed from the proposal."))
    return _back(programme)


@login_required
@require_POST
def draft_swap(request: HttpRequest, pk: int) -> HttpResponse:
    programme = policies.load(request.user, Programme, pk, to=policies.CHANGE)
    form = SwapForm(request.POST, programme=programme)
    if form.is_valid():
        try:
            engine.draft_swap(actor=request.user, **form.cleaned_data)  # type: ignore[arg-type]
        except ApplicationError as error:
            add_application_error(form, error)
        else:
            messages.success(request, _("The mentors are swapped."))
            return _back(programme)
    return _page(request, programme, swap_form=form)


@login_required
@require_POST
def publish(request: HttpRequest, pk: int) -> HttpResponse:
    programme = policies.load(request.user, Programme, pk, to=policies.CHANGE)
    try:
        published = pairs_publish(programme=programme, actor=request_user(request))
    except ApplicationError as error:
        messages.error(request, error.message)
    else:
        if published:
            messages.success(
                request, _("The proposal is published. Both sides are asked to accept.")
            )
        else:
            messages.error(request, _("There is no proposal to publish."))
    return _back(programme)


@login_required
def profiles_import(request: HttpRequest, pk: int) -> HttpResponse:
    programme = policies.load(request.user, Programme, pk, to=policies.CHANGE)
    report = None
    if request.method == "POST":
        form = ProfileImportForm(request.POST, request.FILES)
        if form.is_valid():
            upload = form.cleaned_data["file"]
            report = profile_import.profiles_import(
                programme=programme,
                actor=request.user,  # type: ignore[arg-type]
                filename=upload.name or "",
                content=upload.read(spreadsheets.MAX_BYTES + 1),
            )
            if report.ok:
                spreadsheets.import_succeeded(
                    request,
                    report,
                    _("The profiles are imported: %(created)d new, %(updated)d updated.")
                    % {"created": report.created, "updated": report.updated},
                )
                return _back(programme)
            spreadsheets.import_refused(form, report)
    else:
        form = ProfileImportForm()
    context = {"programme": programme, "form": form, "report": report}
    return render(request, "matching/profile_import.html", context)


@login_required
def profiles_import_template(request: HttpRequest, pk: int) -> HttpResponse:
    policies.load(request.user, Programme, pk, to=policies.CHANGE)
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="matching-profiles.csv"'
    response.write("\ufeff")
    writer = csv.writer(response)
    writer.writerow(spreadsheets.safe_row(profile_import.TEMPLATE_HEADER))
    writer.writerow(spreadsheets.safe_row(profile_import.TEMPLATE_EXAMPLE))
    return response
