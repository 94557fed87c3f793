"""Meeting logs and things to do: write a log, read it, add a thing to do, tick it done."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from smile.accounts.http import request_user
from smile.core import policies
from smile.core.errors import ApplicationError
from smile.core.forms import add_application_error
from smile.core.http import next_url
from smile.matching.models import Pair
from smile.mentoring import access
from smile.mentoring.logs import selectors, services
from smile.mentoring.logs.forms import ActionItemForm, MeetingLogForm
from smile.mentoring.models import ActionItem, Meeting


def _workable_pair(request: HttpRequest, pk: int) -> Pair:
    """A live pair in which the person is a side; anyone else gets a 404."""
    return policies.load(
        request.user, Pair, pk, to="work", related=("programme", "adept__user", "mentor__user")
    )


def _meeting(request: HttpRequest, pair: Pair) -> Meeting | None:
    raw = request.GET.get("meeting")
    if not raw:
        return None
    meeting = policies.load(request.user, Meeting, raw, to=policies.CHANGE)
    if meeting.pair_id != pair.pk:
        raise Http404
    return meeting


@login_required
def log_create(request: HttpRequest, pk: int) -> HttpResponse:
    pair = _workable_pair(request, pk)
    meeting = _meeting(request, pair)
    initial: dict[str, object] = {"held_on": timezone.localdate()}
    if meeting is not None:
        try:
            services.meeting_log_check_meeting(pair=pair, meeting=meeting)
        except ApplicationError as error:
            messages.error(request, error.message)
            return redirect("mentoring:pair", pk=pair.pk)
        initial = {
            "held_on": timezone.localdate(meeting.starts_at),
            "minutes": meeting.duration_minutes,
        }
    form = MeetingLogForm(request.POST or None, pair=pair, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            log = services.meeting_log_create(
                pair=pair, by=request_user(request), meeting=meeting, **form.service_kwargs()
            )
        except ApplicationError as error:
            form.add_service_error(error)
        else:
            messages.success(request, _("The meeting log is saved."))
            return redirect("mentoring:log", pk=log.pk)
    context = {"form": form, "pair": pair, "meeting": meeting}
    return render(request, "mentoring/logs/log_form.html", context)


@login_required
def log_detail(request: HttpRequest, pk: int) -> HttpResponse:
    context = selectors.log_detail(user=request_user(request), pk=pk)
    return render(request, "mentoring/logs/log_detail.html", context)


@login_required
def action_create(request: HttpRequest, pk: int) -> HttpResponse:
    pair = _workable_pair(request, pk)
    form = ActionItemForm(request.POST or None, pair=pair)
    if request.method == "POST" and form.is_valid():
        try:
            services.action_item_create(
                pair=pair, by=request_user(request), **form.service_kwargs()
            )
        except ApplicationError as error:
            add_application_error(form, error)
        else:
            messages.success(request, _("Saved. It is on both your pages until it is done."))
            return redirect("mentoring:pair", pk=pair.pk)
    context = {
        "form": form,
        "title": _("Add something to do"),
        "cancel_url": reverse("mentoring:pair", args=[pair.pk]),
    }
    return render(request, "core/form_page.html", context)


def _tickable_item(request: HttpRequest, pk: int) -> ActionItem:
    """An item of her live pair that is hers to tick (`access.can_tick`): one she cannot see or
    change is a 404; the other side's item, which she sees, is a 403."""
    item = policies.load(
        request.user, ActionItem, pk, to=policies.CHANGE, related=("pair__adept", "pair__mentor")
    )
    if not access.can_tick(request.user, item):
        raise PermissionDenied
    return item


@login_required
@require_POST
def action_done(request: HttpRequest, pk: int) -> HttpResponse:
    item = _tickable_item(request, pk)
    try:
        services.action_item_done(item=item, by=request_user(request))
    except ApplicationError as error:
        messages.info(request, error.message)
    else:
        messages.success(request, _("Well done! It is marked as done."))
    return redirect(next_url(request, reverse("mentoring:pair", args=[item.pair_id])))


@login_required
@require_POST
def action_reopen(request: HttpRequest, pk: int) -> HttpResponse:
    item = _tickable_item(request, pk)
    try:
        services.action_item_reopen(item=item, by=request_user(request))
    except ApplicationError as error:
        messages.info(request, error.message)
    else:
        messages.success(request, _("It is not done after all. It is back on both your pages."))
    return redirect(next_url(request, reverse("mentoring:pair", args=[item.pair_id])))
