"""Hours pages: my hours (a week and the months), hours to confirm, the export for funders."""

from datetime import date

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from smile.accounts.http import request_user
from smile.accounts.models import User
from smile.core import policies
from smile.core.errors import ApplicationError
from smile.core.forms import add_application_error
from smile.learning.hours import export, selectors, services
from smile.learning.hours.forms import ExportForm, HoursForm, MonthForm
from smile.learning.models import HoursEntry
from smile.programmes.models import Enrolment


def _page_url(user: User, enrolment: Enrolment, week: date | None = None) -> str:
    if enrolment.user_id == user.pk:
        url = reverse("learning:hours")
    else:
        url = reverse("learning:hours-adept", args=[enrolment.pk])
    return f"{url}?week={week.isoformat()}" if week else url


def _week(request: HttpRequest) -> date | None:
    try:
        return date.fromisoformat(request.GET.get("week", ""))
    except ValueError:
        return None


def _render(
    request: HttpRequest, enrolment: Enrolment, form: HoursForm | None = None, status: int = 200
) -> HttpResponse:
    user = request_user(request)
    page = selectors.hours_page(user=user, enrolment=enrolment, week=_week(request))
    context = {"page": page, "form": form or HoursForm(), "enrolment": enrolment}
    return render(request, "learning/hours/hours.html", context, status=status)


def _adept(user: User, pk: int) -> Enrolment:
    """An adept whose hours the person follows (404 for anyone else)."""
    return policies.load(
        user, Enrolment, pk, to="learn", related=("user", "programme", "workplace")
    )


@login_required
def hours_mine(request: HttpRequest) -> HttpResponse:
    enrolment = selectors.own_enrolment(request_user(request))
    if enrolment is None:
        raise Http404
    return _render(request, enrolment)


@login_required
def hours_adept(request: HttpRequest, pk: int) -> HttpResponse:
    return _render(request, _adept(request_user(request), pk))


@login_required
@require_POST
def hours_add(request: HttpRequest, pk: int) -> HttpResponse:
    user = request_user(request)
    enrolment = _adept(user, pk)
    form = HoursForm(request.POST)
    if form.is_valid():
        try:
            entry = services.hours_add(enrolment=enrolment, by=user, **form.cleaned_data)
        except ApplicationError as error:
            add_application_error(form, error)
        else:
            messages.success(request, _("Your hours are saved."))
            return redirect(_page_url(user, enrolment, selectors.week_start(entry.day)))
    return _render(request, enrolment, form)


@login_required
@require_POST
def hours_delete(request: HttpRequest, pk: int) -> HttpResponse:
    user = request_user(request)
    entry = policies.load(user, HoursEntry, pk, related=("enrolment",))
    try:
        services.hours_delete(entry=entry, by=user)
    except ApplicationError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("The hours are removed."))
    return redirect(_page_url(user, entry.enrolment, selectors.week_start(entry.day)))


@login_required
@require_POST
def month_confirm(request: HttpRequest, pk: int) -> HttpResponse:
    user = request_user(request)
    enrolment = _adept(user, pk)
    form = MonthForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Please choose a month."))
    else:
        try:
            services.month_confirm(enrolment=enrolment, by=user, month=form.cleaned_data["month"])
        except ApplicationError as error:
            messages.error(request, error.message)
        else:
            messages.success(request, _("The month is confirmed. Thank you!"))
    return redirect(_page_url(user, enrolment))


@login_required
def hours_to_confirm(request: HttpRequest) -> HttpResponse:
    user = request_user(request)
    try:
        adept = int(request.GET["adept"]) if "adept" in request.GET else None
    except ValueError:
        adept = None
    entries = selectors.hours_to_confirm(user=user, adept=adept)
    return render(request, "learning/hours/to_confirm.html", {"entries": entries, "adept": adept})


@login_required
@require_POST
def hours_confirm(request: HttpRequest) -> HttpResponse:
    user = request_user(request)
    wanted = [pk for pk in request.POST.getlist("entry") if pk.isdigit()]
    # Hours she may not even see are "not found"; the service says who confirms what.
    entries = selectors.visible_entries(user, wanted)
    if len(entries) != len(set(wanted)):
        raise Http404
    try:
        count = services.hours_confirm(entries=entries, by=user)
    except ApplicationError as error:
        messages.error(request, error.message)
    else:
        messages.success(
            request,
            ngettext("%(count)d entry is confirmed.", "%(count)d entries are confirmed.", count)
            % {"count": count},
        )
    return redirect("learning:hours-to-confirm")


@login_required
def hours_export(request: HttpRequest) -> HttpResponse:
    user = request_user(request)
    if not selectors.may_export(user):
        raise Http404
    form = ExportForm(request.GET or None)
    if request.GET and form.is_valid():
        month = form.cleaned_data["month"]
        rows = selectors.export_rows(user=user, month=month)
        name = f"hours-{month:%Y-%m}"
        if form.cleaned_data.get("format") == "csv":
            response = HttpResponse(
                "\ufeff" + export.as_csv(rows, month), content_type="text/csv; charset=utf-8"
            )
            response["Content-Disposition"] = f'attachment; filename="{name}.csv"'
            return response
        response = HttpResponse(
            export.as_xlsx(rows, month),
            content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        )
        response["Content-Disposition"] = f'attachment; filename="{name}.xlsx"'
        return response
    return render(request, "learning/hours/export.html", {"form": form})
