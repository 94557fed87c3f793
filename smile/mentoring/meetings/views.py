"""Meeting pages: propose, read and answer (accept, another time, cancel), calendar file."""

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from smile.accounts.http import request_user
from smile.core import policies
from smile.core.errors import ApplicationError
from smile.core.forms import add_application_error
from smile.matching.models import Pair
from smile.mentoring.meetings import selectors, services
from smile.mentoring.meetings.forms import CancelForm, CounterForm, ProposeForm
from smile.mentoring.meetings.ics import meeting_ics
from smile.mentoring.models import Meeting


@login_required
def meeting_propose(request: HttpRequest, pk: int) -> HttpResponse:
    user = request_user(request)
    pair = policies.load(
        user,
        Pair,
        pk,
        to="plan_meetings",
        related=("adept__user", "adept__workplace", "mentor__user"),
    )
    form = ProposeForm(request.POST or None, initial=ProposeForm.initial_for(pair))
    if request.method == "POST" and form.is_valid():
        try:
            meeting = services.meeting_propose(pair=pair, by=user, **form.cleaned_data)
        except ApplicationError as error:
            add_application_error(form, error)
        else:
            messages.success(request, _("The meeting is proposed. We will tell the others."))
            return redirect("mentoring:meeting", pk=meeting.pk)
    return render(request, "mentoring/meetings/propose.html", {"form": form, "pair": pair})


def _meeting_page(
    request: HttpRequest, pk: int, forms: dict[str, Any] | None = None
) -> HttpResponse:
    view = selectors.meeting_detail(user=request_user(request), pk=pk)
    meeting = view.meeting
    forms = forms or {}
    counter_initial = {
        "starts_at": meeting.starts_at,
        "duration_minutes": meeting.duration_minutes,
        "place": meeting.place,
        "video_url": meeting.video_url,
    }
    context = {
        "view": view,
        "meeting": meeting,
        "counter_form": forms.get("counter")
        or CounterForm(prefix="counter", initial=counter_initial),
        "cancel_form": forms.get("cancel") or CancelForm(prefix="cancel"),
    }
    return render(request, "mentoring/meetings/detail.html", context)


@login_required
def meeting_detail(request: HttpRequest, pk: int) -> HttpResponse:
    return _meeting_page(request, pk)


@login_required
@require_POST
def meeting_answer(request: HttpRequest, pk: int) -> HttpResponse:
    user = request_user(request)
    meeting = policies.load(user, Meeting, pk, to="answer")
    decision = request.POST.get("decision")
    if decision == "accept":
        try:
            services.meeting_accept(meeting=meeting, by=user)
        except ApplicationError as error:
            messages.error(request, error.message)
        else:
            messages.success(request, _("The meeting is confirmed. We will tell the others."))
        return redirect("mentoring:meeting", pk=meeting.pk)
    if decision == "counter":
        form: CounterForm | CancelForm = CounterForm(request.POST, prefix="counter")
        do: Any = services.meeting_counter
        done = _("Your new time is sent. We will tell the others.")
    elif decision == "cancel":
        form = CancelForm(request.POST, prefix="cancel")
        do = services.meeting_cancel
        done = _("The meeting is cancelled. We will tell the others.")
    else:
        raise Http404
    if form.is_valid():
        try:
            do(meeting=meeting, by=user, **form.cleaned_data)
        except ApplicationError as error:
            add_application_error(form, error)
        else:
            messages.success(request, done)
            return redirect("mentoring:meeting", pk=meeting.pk)
    return _meeting_page(request, pk, {decision: form})


@login_required
def meeting_ics_download(request: HttpRequest, pk: int) -> HttpResponse:
    policies.load(request.user, Meeting, pk)
    meeting = Meeting.objects.select_related(*selectors.RELATED).get(pk=pk)
    response = HttpResponse(meeting_ics(meeting), content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="meeting.ics"'
    return response
