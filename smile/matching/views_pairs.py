"""The pair page (adept, mentor, coordinator) and the matching profile form."""

from collections.abc import Callable
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from smile.accounts.http import request_user
from smile.accounts.models import User
from smile.core import policies
from smile.core.actor import AnyUser
from smile.core.errors import ApplicationError
from smile.core.forms import add_application_error
from smile.matching import access, lifecycle, profiles
from smile.matching.history import history_lines
from smile.matching.labels import CRITERION_LABELS
from smile.matching.models import MatchingProfile, Pair, PairStatus
from smile.matching.profile_forms import DeclineForm, MatchingProfileForm, ReasonForm
from smile.matching.reasons import REASON_RELATED, match_reasons, scored_criteria
from smile.programmes.models import Enrolment

REASON_ACTIONS = ("pause", "end", "rematch")
STEER: dict[str, Callable[..., Pair]] = {
    "pause": lifecycle.pair_pause,
    "resume": lifecycle.pair_resume,
    "complete": lifecycle.pair_complete,
    "end": lifecycle.pair_end,
    "rematch": lifecycle.pair_rematch,
}


def _done(action: str) -> str:
    # Spelled out so that makemessages finds every sentence.
    return {
        "accept": _("Thank you! Your answer is saved."),
        "decline": _("Your answer is saved. The coordinator will be told."),
        "pause": _("The pair is paused."),
        "resume": _("The pair is active again."),
        "complete": _("The pair is completed."),
        "end": _("The pair is ended."),
        "rematch": _("The pair is ended. The adept will be matched again at the next run."),
    }[action]


def _awaited_side(pair: Pair, user: Any) -> str | None:
    """The side whose answer the proposal is waiting for, if this person is it."""
    if pair.status != PairStatus.PROPOSED:
        return None
    if pair.adept.user_id == user.pk and pair.adept_accepted_at is None:
        return "adept"
    if pair.mentor.user_id == user.pk and pair.mentor_accepted_at is None:
        return "mentor"
    return None


def _breakdown(pair: Pair, user: AnyUser) -> tuple[list[dict[str, Any]], int | None]:
    """The "why this match" rows the reader may see, and the score they add up to.

    The policy decides which criteria she reads; the adept and the mentor get a score made of
    those rows only, so a hidden wish cannot be read back from the total either.
    """
    breakdown = pair.breakdown or {}
    readable = access.readable_criteria(user, pair, list(breakdown))
    rows = []
    points_sum = max_sum = 0.0
    for criterion in readable:
        value = breakdown[criterion]
        points, most = float(value.get("points", 0)), float(value.get("max", 0))
        points_sum, max_sum = points_sum + points, max_sum + most
        label = CRITERION_LABELS.get(criterion, criterion)
        rows.append({"label": label, "points": round(points), "max": round(most)})
    if pair.score is not None and len(readable) == len(breakdown):
        score: int | None = round(pair.score)
    else:
        score = round(100 * points_sum / max_sum) if max_sum else None
    return rows, score


def _pair_page(
    request: HttpRequest, pair: Pair, forms: dict[str, Any] | None = None, status: int = 200
) -> HttpResponse:
    user = request.user
    can_steer = policies.can_change(user, pair)
    forms = forms or {}
    rows, score = _breakdown(pair, user)
    actions = lifecycle.allowed_actions(pair)
    steer = [
        {"action": action, "form": forms.get(action) or ReasonForm(prefix=action)}
        for action in lifecycle.COORDINATOR_ACTIONS
        if can_steer and action in actions
    ]
    events = pair.events.select_related("actor")
    # The reasons in words follow the same policy as the points: no sensitive wish for the sides.
    reasons = match_reasons(pair, access.readable_criteria(user, pair, scored_criteria(pair)))
    context = {
        "pair": pair,
        "awaited": _awaited_side(pair, user),
        "decline_form": forms.get("decline") or DeclineForm(prefix="decline"),
        "can_steer": can_steer,
        "steer": steer,
        "rows": rows,
        "score": score,
        "reasons": reasons,
        "history": history_lines(pair, events, all_notes=can_steer, reader_id=user.pk),
        "statuses": dict(PairStatus.choices),
    }
    return render(request, "matching/pair_detail.html", context, status=status)


def _visible_pair(request: HttpRequest, pk: int) -> Pair:
    pair = policies.load(request.user, Pair, pk)
    return Pair.objects.select_related(
        "programme", "mentor__user", "adept__user", *REASON_RELATED
    ).get(pk=pair.pk)


@login_required
def pair_detail(request: HttpRequest, pk: int) -> HttpResponse:
    return _pair_page(request, _visible_pair(request, pk))


@login_required
@require_POST
def pair_answer(request: HttpRequest, pk: int) -> HttpResponse:
    pair = _visible_pair(request, pk)
    decision = request.POST.get("decision")
    user = request_user(request)
    if decision == "accept":
        try:
            lifecycle.pair_accept(pair=pair, user=user)
        except ApplicationError as error:
            messages.error(request, error.message)
        else:
            messages.success(request, _done("accept"))
        return redirect("matching:pair", pk=pair.pk)
    if decision != "decline":
        raise Http404
    form = DeclineForm(request.POST, prefix="decline")
    if form.is_valid():
        try:
            lifecycle.pair_decline(pair=pair, user=user, reason=form.cleaned_data["reason"])
        except ApplicationError as error:
            add_application_error(form, error)
        else:
            messages.success(request, _done("decline"))
            # An ended proposal is no longer theirs to see; home shows what comes next.
            return redirect("portal:home")
    return _pair_page(request, pair, {"decline": form})


@login_required
@require_POST
def pair_steer(request: HttpRequest, pk: int, action: str) -> HttpResponse:
    if action not in STEER:
        raise Http404
    policies.load(request.user, Pair, pk, to=policies.CHANGE)
    pair = _visible_pair(request, pk)
    kwargs: dict[str, Any] = {"pair": pair, "actor": request_user(request)}
    form = ReasonForm(request.POST, prefix=action) if action in REASON_ACTIONS else None
    if form is not None:
        if not form.is_valid():
            return _pair_page(request, pair, {action: form})
        kwargs["reason"] = form.cleaned_data["reason"]
    try:
        STEER[action](**kwargs)
    except ApplicationError as error:
        if form is None:
            messages.error(request, error.message)
            return redirect("matching:pair", pk=pair.pk)
        add_application_error(form, error)
        return _pair_page(request, pair, {action: form})
    messages.success(request, _done(action))
    return redirect("matching:pair", pk=pair.pk)


@login_required
def profile_edit(request: HttpRequest, enrolment_pk: int) -> HttpResponse:
    enrolment = (
        Enrolment.objects.select_related("user", "programme", "workplace")
        .filter(pk=enrolment_pk)
        .first()
    )
    if enrolment is None or not access.can_edit_profile(request.user, enrolment):
        raise Http404
    user = request.user
    assert isinstance(user, User)
    is_coordinator = policies.can_change(user, enrolment)
    own = enrolment.user_id == user.pk
    profile = MatchingProfile.objects.filter(enrolment=enrolment).first()
    form = MatchingProfileForm(
        request.POST or None,
        initial=MatchingProfileForm.initial_for(profile),
        enrolment=enrolment,
        is_coordinator=is_coordinator,
    )
    if request.method == "POST" and form.is_valid():
        try:
            profiles.matching_profile_save(enrolment=enrolment, actor=user, **form.profile_fields())
        except ApplicationError as error:
            add_application_error(form, error)
        else:
            messages.success(request, _("Your answers are saved. Thank you!"))
            if own:
                return redirect("portal:home")
            return redirect("programmes:detail", pk=enrolment.programme_id)
    title = (
        _("My matching profile")
        if own
        else _("Matching profile of %(name)s") % {"name": enrolment.user.full_name}
    )
    context = {"form": form, "title": title, "enrolment": enrolment, "own": own}
    return render(request, "matching/profile_form.html", context)
