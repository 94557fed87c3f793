"""The adept's life-situation check-in; what her mentor and the coordinator may see of it."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from smile.accounts.http import request_user
from smile.core import policies
from smile.core.errors import ApplicationError
from smile.core.forms import add_application_error
from smile.mentoring.life import selectors, services
from smile.mentoring.life.forms import LifeCheckInForm, SupportMessageForm
from smile.mentoring.models import LifeSituationCheckIn
from smile.organisations import access as organisations_access


@login_required
def life(request: HttpRequest) -> HttpResponse:
    """The adept's own page: her check-ins (dates and sharing only) and a new one."""
    user = request_user(request)
    if not selectors.is_adept(user):
        raise Http404
    context = {
        "checkins": selectors.own_life_checkins_answered(user),
        "can_answer": selectors.adept_enrolment(user) is not None,
    }
    return render(request, "mentoring/life/life.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def life_new(request: HttpRequest) -> HttpResponse:
    user = request_user(request)
    enrolment = selectors.adept_enrolment(user)
    if enrolment is None:
        raise Http404
    form = LifeCheckInForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            checkin = services.life_checkin_create(
                enrolment=enrolment,
                by=user,
                answers=form.answers(),
                note=data["note"],
                share_with_mentor=data["share_with_mentor"],
                coordinator_areas=data["coordinator_areas"],
                share_note_with_coordinator=data["share_note_with_coordinator"],
                language=data["language"],
            )
        except ApplicationError as error:
            add_application_error(form, error)
        else:
            messages.success(request, _("Thank you! Your answers are saved."))
            return redirect("mentoring:life-detail", pk=checkin.pk)
    return render(request, "mentoring/life/form.html", {"form": form})


def _detail_page(
    request: HttpRequest, checkin: LifeSituationCheckIn, form: SupportMessageForm | None = None
) -> HttpResponse:
    """The check-in as this reader may see it (the opening logged), and for the adept who asked
    for support and her coordinators the thread with the coordinator, and a form to write in it."""
    user = request_user(request)
    view = services.life_checkin_read(checkin=checkin, reader=user)
    context: dict[str, object] = {"view": view}
    if view.reader in ("adept", "coordinator") and checkin.support_requested:
        context["thread"] = selectors.support_thread(user, checkin)
        context["message_form"] = form or SupportMessageForm()
    return render(request, "mentoring/life/detail.html", context)


@login_required
def life_detail(request: HttpRequest, pk: int) -> HttpResponse:
    """One check-in, as much as this reader may see; every opening is logged."""
    checkin = policies.load(
        request.user, LifeSituationCheckIn, pk, related=("enrolment__user", "followed_up_by")
    )
    return _detail_page(request, checkin)


@login_required
@require_POST
def life_message(request: HttpRequest, pk: int) -> HttpResponse:
    """A message in the thread of a support request: the adept who asked, or her coordinator."""
    user = request_user(request)
    checkin = policies.load(
        user,
        LifeSituationCheckIn,
        pk,
        to="write_support",
        related=("enrolment__user", "followed_up_by"),
    )
    form = SupportMessageForm(request.POST)
    if form.is_valid():
        try:
            services.support_message_create(
                checkin=checkin,
                by=user,
                text=form.cleaned_data["text"],
                language=form.cleaned_data["language"],
            )
        except ApplicationError as error:
            add_application_error(form, error)
        else:
            messages.success(request, _("Your message is sent."))
            return redirect(reverse("mentoring:life-detail", args=[pk]) + "#thread")
    return _detail_page(request, checkin, form)


@login_required
@require_http_methods(["GET", "POST"])
def life_delete(request: HttpRequest, pk: int) -> HttpResponse:
    """Asks first (GET shows no content, so nothing is decrypted), then deletes (POST)."""
    user = request_user(request)
    checkin = policies.load(user, LifeSituationCheckIn, pk, to=policies.CHANGE)
    if request.method == "POST":
        try:
            services.life_checkin_delete(checkin=checkin, by=user)
        except ApplicationError as error:
            messages.error(request, error.message)
            return redirect("mentoring:life-detail", pk=pk)
        messages.success(request, _("Your answers are deleted."))
        return redirect("mentoring:life")
    return render(request, "mentoring/life/delete.html", {"checkin": checkin})


@login_required
def support_requests(request: HttpRequest) -> HttpResponse:
    """The coordinator's list of adepts who ask for support (no content: names and dates)."""
    user = request_user(request)
    if not organisations_access.can_coordinate(user):
        raise Http404
    requests = list(selectors.support_requests(user))
    context = {
        "open": [item for item in requests if item.followed_up_at is None],
        "handled": [item for item in requests if item.followed_up_at is not None],
    }
    return render(request, "mentoring/life/support_requests.html", context)


@login_required
@require_POST
def life_follow_up(request: HttpRequest, pk: int) -> HttpResponse:
    user = request_user(request)
    checkin = policies.load(user, LifeSituationCheckIn, pk, to="follow_up")
    try:
        services.life_checkin_follow_up(checkin=checkin, by=user)
    except ApplicationError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("Marked as followed up."))
    return redirect("mentoring:support-requests")
