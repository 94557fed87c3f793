"""The mentor's development page, modules and her development profile; the coordinator's
completion per programme and the programme's mentor network meetings."""

from collections.abc import Callable

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from smile.accounts.http import request_user
from smile.accounts.models import User
from smile.core import policies
from smile.core.errors import ApplicationError
from smile.core.forms import add_application_error
from smile.programmes.models import Programme
from smile.training import access, selectors, services
from smile.training.forms import (
    AttendanceForm,
    CoordinatorViewForm,
    GoalsForm,
    NetworkCancelForm,
    NetworkMeetingForm,
    ReflectionForm,
    SelfRatingForm,
)
from smile.training.models import Module, NetworkMeeting


def _mentor(request: HttpRequest) -> User:
    """The person asking, when she is a mentor (her development is hers alone); else 404."""
    user = request_user(request)
    if not access.is_mentor(user):
        raise Http404
    return user


@login_required
def mine(request: HttpRequest) -> HttpResponse:
    user = _mentor(request)
    rows = selectors.my_modules(user=user)
    context = {
        "rows": rows,
        "basic_done": services.basic_modules_done(user=user),
        **selectors.my_network_meetings(user=user),
    }
    return render(request, "training/mine.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def module(request: HttpRequest, pk: int) -> HttpResponse:
    user = _mentor(request)
    found = policies.load(user, Module, pk)
    questions = found.question_texts()
    own = {r.question: r for r in access.own_reflections(user).filter(module=found)}
    initial: dict[str, object] = {}
    for index, reflection in own.items():
        initial[f"answer_{index + 1}"] = reflection.answer
        initial[f"shared_{index + 1}"] = reflection.shared
    form = ReflectionForm(
        request.POST if request.method == "POST" else None, questions=questions, initial=initial
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.module_complete(
                actor=user, module=found, answers=form.answers(), shared=form.shared()
            )
        except ApplicationError as exc:
            add_application_error(form, exc)
        else:
            messages.success(request, _("The module is complete."))
            return redirect("training:mine")
    completed = access.own_completions(user).filter(module=found).first()
    context = {"module": found, "form": form, "completion": completed}
    return render(request, "training/module.html", context)


@login_required
def programme(request: HttpRequest, pk: int) -> HttpResponse:
    user = request_user(request)
    found = policies.load(user, Programme, pk, to=access.DEVELOPMENT)
    context = {
        "programme": found,
        **selectors.programme_completion(programme=found),
        "shared": access.shared_reflections(user, found).select_related("module", "user"),
        "network": selectors.programme_network(programme=found),
        "now": timezone.now(),
    }
    return render(request, "training/programme.html", context)


@login_required
def programmes(request: HttpRequest) -> HttpResponse:
    user = request_user(request)
    if not access.follows_development(user):
        raise Http404
    found = policies.allowed(user, Programme, access.DEVELOPMENT).order_by("name")
    return render(request, "training/programmes.html", {"programmes": found})


@login_required
@require_http_methods(["GET", "POST"])
def mentor_view(request: HttpRequest, pk: int, enrolment: int) -> HttpResponse:
    """The coordinator gives her view of one of the programme's active mentors."""
    user = request_user(request)
    found = policies.load(user, Programme, pk, to=access.DEVELOPMENT)
    mentor = get_object_or_404(
        access.rateable_mentors(user).filter(programme=found).select_related("user"),
        pk=enrolment,
    )
    form = CoordinatorViewForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            services.coordinator_view_give(
                actor=user,
                enrolment=mentor,
                ratings=form.ratings(),
                comment=form.cleaned_data["comment"],
            )
        except ApplicationError as exc:
            add_application_error(form, exc)
        else:
            messages.success(
                request, _("Your view is saved. The mentor sees it on her development profile.")
            )
            return redirect("training:programme", pk=found.pk)
    views = selectors.coordinator_views_of(enrolment=mentor)
    context = {
        "programme": found,
        "mentor": mentor,
        "form": form,
        "views": views,
        "latest": views[0] if views else None,
    }
    return render(request, "training/mentor_view.html", context)


def _profile_page(
    request: HttpRequest,
    user: User,
    *,
    rating_form: SelfRatingForm | None = None,
    goals_form: GoalsForm | None = None,
) -> HttpResponse:
    profile = selectors.development_profile(user=user)
    goals = {row["dimension"]: row["goal"].text for row in profile["rows"] if row["goal"]}
    context = {
        **profile,
        "rating_form": rating_form or SelfRatingForm(prefix="rating"),
        "goals_form": goals_form or GoalsForm(prefix="goal", initial=goals),
    }
    return render(request, "training/profile.html", context)


def _saved(form: SelfRatingForm | GoalsForm, save: Callable[[], object]) -> bool:
    """Valid and written by the service; a refusal becomes the form's error."""
    if not form.is_valid():
        return False
    try:
        save()
    except ApplicationError as exc:
        add_application_error(form, exc)
        return False
    return True


@login_required
def profile(request: HttpRequest) -> HttpResponse:
    return _profile_page(request, _mentor(request))


@login_required
@require_POST
def profile_rate(request: HttpRequest) -> HttpResponse:
    user = _mentor(request)
    form = SelfRatingForm(request.POST, prefix="rating")
    if _saved(form, lambda: services.self_rating_save(actor=user, ratings=form.ratings())):
        messages.success(request, _("Your self-rating is saved."))
        return redirect("training:profile")
    return _profile_page(request, user, rating_form=form)


@login_required
@require_POST
def profile_goals(request: HttpRequest) -> HttpResponse:
    user = _mentor(request)
    form = GoalsForm(request.POST, prefix="goal")
    if _saved(form, lambda: services.development_goals_save(actor=user, goals=form.goals())):
        messages.success(request, _("Your goals are saved."))
        return redirect("training:profile")
    return _profile_page(request, user, goals_form=form)


@login_required
@require_http_methods(["GET", "POST"])
def network_new(request: HttpRequest, pk: int) -> HttpResponse:
    user = request_user(request)
    found = policies.load(user, Programme, pk, to=access.DEVELOPMENT)
    form = NetworkMeetingForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            services.network_meeting_schedule(
                actor=user,
                programme=found,
                **form.cleaned_data,
            )
        except ApplicationError as exc:
            add_application_error(form, exc)
        else:
            messages.success(request, _("The network meeting is scheduled. The mentors are told."))
            return redirect("training:programme", pk=found.pk)
    return render(request, "training/network_new.html", {"programme": found, "form": form})


@login_required
@require_http_methods(["GET", "POST"])
def network_attendance(request: HttpRequest, pk: int) -> HttpResponse:
    user = request_user(request)
    meeting = policies.load(user, NetworkMeeting, pk, to=access.MANAGE, related=["programme"])
    mentors = selectors.programme_mentors(programme=meeting.programme)
    present = list(meeting.attendances.values_list("enrolment_id", flat=True))
    form = AttendanceForm(
        request.POST if request.method == "POST" else None,
        mentors=mentors,
        initial={"attended": present},
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.network_attendance_record(
                actor=user, meeting=meeting, attended=form.cleaned_data["attended"]
            )
        except ApplicationError as exc:
            add_application_error(form, exc)
        else:
            messages.success(request, _("The attendance is saved."))
            return redirect("training:programme", pk=meeting.programme_id)
    context = {
        "meeting": meeting,
        "form": form,
        "started": meeting.starts_at <= timezone.now(),
    }
    return render(request, "training/network_attendance.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def network_change(request: HttpRequest, pk: int) -> HttpResponse:
    user = request_user(request)
    meeting = policies.load(user, NetworkMeeting, pk, to=access.MANAGE, related=["programme"])
    initial = {
        "starts_at": meeting.starts_at,
        "duration_minutes": meeting.duration_minutes,
        "place": meeting.place,
        "video_url": meeting.video_url,
        "themes": meeting.themes,
        "agenda": meeting.agenda,
    }
    form = NetworkMeetingForm(request.POST if request.method == "POST" else None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.network_meeting_change(
                actor=user,
                meeting=meeting,
                **form.cleaned_data,
            )
        except ApplicationError as exc:
            add_application_error(form, exc)
        else:
            messages.success(request, _("The network meeting is changed. The mentors are told."))
            return redirect("training:programme", pk=meeting.programme_id)
    context = {"meeting": meeting, "form": form, "open": _open(meeting)}
    return render(request, "training/network_change.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def network_cancel(request: HttpRequest, pk: int) -> HttpResponse:
    user = request_user(request)
    meeting = policies.load(user, NetworkMeeting, pk, to=access.MANAGE, related=["programme"])
    form = NetworkCancelForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            services.network_meeting_cancel(
                actor=user, meeting=meeting, reason=form.cleaned_data["reason"]
            )
        except ApplicationError as exc:
            add_application_error(form, exc)
        else:
            messages.success(request, _("The network meeting is cancelled. The mentors are told."))
            return redirect("training:programme", pk=meeting.programme_id)
    context = {"meeting": meeting, "form": form, "open": _open(meeting)}
    return render(request, "training/network_cancel.html", context)


def _open(meeting: NetworkMeeting) -> bool:
    """Still ahead and not cancelled: it can be changed or cancelled."""
    return not meeting.cancelled and meeting.starts_at > timezone.now()
