"""The pages of management support: the SMILE page, the self-assessment, the commitment and the
action plan. Each loads what it works on through the policies (a 404 for anyone else)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from smile.accounts.http import request_user
from smile.belonging.models import MIN_SHOWN as BELONGING_MIN_SHOWN
from smile.core import policies
from smile.core.errors import ApplicationError
from smile.core.forms import add_application_error
from smile.equality.selectors import OPEN_CONCERNS_SHOWN_FROM
from smile.leadership import access, display, mentor_time, selectors, services
from smile.leadership import statements as st
from smile.leadership.forms import (
    ActionForm,
    AnswerForm,
    CommitmentForm,
    CommitmentRuleForm,
    FollowUpForm,
    PageFilterForm,
    dimension_choices,
)
from smile.leadership.models import (
    Action,
    AssessmentRound,
    Commitment,
    FollowUpMeeting,
)
from smile.learning.models import Level
from smile.mentoring.warnings import selectors as warnings
from smile.organisations.models import Workplace
from smile.programmes.models import Programme


def _workplace(request: HttpRequest, pk: int, to: str = access.LEAD) -> Workplace:
    return policies.load(request.user, Workplace, pk, to=to, related=("organisation",))


def _page(
    request: HttpRequest, *, workplace: Workplace | None, template: str = "leadership/page.html"
) -> HttpResponse:
    user = request_user(request)
    leading = access.leading_workplaces(user)
    programmes = list(access.leading_programmes(user).order_by("-starts_on", "name"))
    choices = None
    if workplace is None:
        choices = list(leading.select_related("organisation").order_by("name", "pk"))
        if not choices:
            raise Http404
    form = PageFilterForm(request.GET or None, programmes=programmes, workplaces=choices)
    context: dict[str, object] = {
        "form": form,
        "workplace": workplace,
        "warning_titles": [(k, t) for k, t in warnings.kind_choices() if k != warnings.SUPPORT],
        "min_ratings": selectors.MIN_RATINGS,
        "min_group": st.MIN_GROUP,
        "threshold": st.one_decimal(st.SUPPORT_THRESHOLD),
        "dimension_labels": dimension_choices(),
    }
    if request.GET and not form.is_valid():
        return render(request, template, context)
    data = form.cleaned_data if request.GET else {}
    programme = next((p for p in programmes if p.pk == data.get("programme")), None)
    workplaces = leading if workplace is None else leading.filter(pk=workplace.pk)
    if workplace is None and data.get("workplace"):
        workplaces = leading.filter(pk=data["workplace"])
    page = selectors.smile_page(user=user, workplaces=workplaces, programme=programme)
    context.update(
        page=page,
        programme=programme,
        totals=page.totals,
        trend=display.trend(page, ident="ratings-trend") if page.has_trend else None,
        single=page.workplaces[0] if workplace is not None and page.workplaces else None,
        coordinated=list(
            policies.allowed(user, Programme, policies.CHANGE).order_by("-starts_on", "name")
        ),
        levels=[(label, page.level_totals[level]) for level, label in Level.choices],
        belonging=display.belonging(page),
        belonging_minimum=BELONGING_MIN_SHOWN,
        concerns_from=OPEN_CONCERNS_SHOWN_FROM,
    )
    if workplace is not None:
        figures = page.workplaces[0]
        if figures.assessment is not None and figures.assessment.enough:
            context["radar"] = display.radar(figures.assessment, ident="radar")
        plan = selectors.action_plan(workplace=workplace)
        context["plan"] = plan
        context["open_statements"] = {row.action.statement for row in plan["open"]}
        context["follow_ups"] = selectors.follow_ups(workplace=workplace, limit=5)
        context["can_sign"] = policies.can(user, access.SIGN, workplace)
    return render(request, template, context)


@login_required
def overview(request: HttpRequest) -> HttpResponse:
    return _page(request, workplace=None)


@login_required
def workplace_page(request: HttpRequest, pk: int) -> HttpResponse:
    return _page(request, workplace=_workplace(request, pk))


@login_required
def my_time(request: HttpRequest) -> HttpResponse:
    """A mentor's own time against the budget her workplace committed, month by month."""
    user = request_user(request)
    if not access.reads_own_mentor_time(user):
        raise Http404
    months = mentor_time.my_months(user_id=user.pk)
    programmes = {
        p.pk: p
        for p in Programme.objects.filter(
            pk__in={row.programme_id for m in months for row in m.rows}
        )
    }
    context = {
        "months": [
            (m.month, [(row, programmes[row.programme_id]) for row in m.rows]) for m in months
        ],
        "several": len(programmes) > 1,
        "rule": mentor_time.RULE,
    }
    return render(request, "leadership/my_time.html", context)


# --- the self-assessment -----------------------------------------------------------------------


@login_required
def assessment(request: HttpRequest, pk: int) -> HttpResponse:
    workplace = _workplace(request, pk)
    rounds = selectors.workplace_rounds(workplace=workplace)
    context = {
        "workplace": workplace,
        "rounds": rounds,
        "open_round": next((r for r in rounds if r.is_open), None),
        "statements": st.STATEMENTS,
        "min_group": st.MIN_GROUP,
    }
    return render(request, "leadership/assessment.html", context)


@login_required
@require_POST
def round_open(request: HttpRequest, pk: int) -> HttpResponse:
    workplace = _workplace(request, pk)
    try:
        services.assessment_round_open(actor=request_user(request), workplace=workplace)
    except ApplicationError as error:
        messages.error(request, error.message)
    else:
        messages.success(
            request,
            _("The round is open. The workplace's managers, mentors and coordinators can answer."),
        )
    return redirect("leadership:assessment", pk=workplace.pk)


@login_required
@require_POST
def round_close(request: HttpRequest, pk: int) -> HttpResponse:
    round = policies.load(request.user, AssessmentRound, pk, to=policies.CHANGE)
    try:
        services.assessment_round_close(actor=request_user(request), round=round)
    except ApplicationError as error:
        messages.error(request, error.message)
        return redirect("leadership:assessment", pk=round.workplace_id)
    messages.success(request, _("The round is closed. Here are its results."))
    return redirect("leadership:round", pk=round.pk)


@login_required
def round_detail(request: HttpRequest, pk: int) -> HttpResponse:
    round = policies.load(request.user, AssessmentRound, pk, related=("workplace__organisation",))
    result = selectors.round_detail(round=round)
    context: dict[str, object] = {
        "round": round,
        "workplace": round.workplace,
        "result": result,
        "respondents": round.responses.count(),
        "min_group": st.MIN_GROUP,
        "threshold": st.one_decimal(st.SUPPORT_THRESHOLD),
        "open_statements": selectors.open_action_statements(workplace_id=round.workplace_id),
    }
    if result is not None and result.enough:
        context["radar"] = display.radar(result, ident="radar")
    return render(request, "leadership/round.html", context)


@login_required
def to_answer(request: HttpRequest) -> HttpResponse:
    rounds = selectors.rounds_to_answer(user=request_user(request))
    return render(request, "leadership/to_answer.html", {"rounds": rounds})


@login_required
def round_answer(request: HttpRequest, pk: int) -> HttpResponse:
    user = request_user(request)
    round = policies.load(user, AssessmentRound, pk, to=access.ANSWER, related=("workplace",))
    if selectors.has_answered(user=user, round=round):
        return render(request, "leadership/answered.html", {"round": round})
    form = AnswerForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.assessment_answer(actor=user, round=round, answers=form.answers())
        except ApplicationError as error:
            add_application_error(form, error)
        else:
            messages.success(request, _("Thank you! Your answers are saved without your name."))
            return redirect("leadership:to-answer")
    context = {"round": round, "form": form, "scale": st.SCALE}
    return render(request, "leadership/answer.html", context)


@login_required
@require_POST
def action_from_gap(request: HttpRequest, pk: int) -> HttpResponse:
    round = policies.load(request.user, AssessmentRound, pk, related=("workplace",))
    try:
        action = services.action_from_statement(
            actor=request_user(request), round=round, statement=request.POST.get("statement", "")
        )
    except ApplicationError as error:
        messages.error(request, error.message)
        return redirect("leadership:round", pk=round.pk)
    messages.success(
        request,
        _("The action is in the plan, with you as responsible. Change what you need here."),
    )
    return redirect("leadership:action", pk=action.pk)


# --- commitments -------------------------------------------------------------------------------


@login_required
def commitment_sign(request: HttpRequest, pk: int) -> HttpResponse:
    user = request_user(request)
    workplace = _workplace(request, pk, to=access.SIGN)
    programmes = selectors.workplace_programmes(user=user, workplace=workplace)
    initial: dict[str, object] = {}
    chosen = request.GET.get("programme", "")
    latest = None
    if chosen.isdigit():
        found = programmes.filter(pk=int(chosen)).first()
        if found is not None:
            initial["programme"] = found
            history = selectors.commitment_history(workplace=workplace, programme=found)
            latest = history[0] if history else None
    if latest is not None:
        initial.update(
            mentor_hours_per_week=latest.mentor_hours_per_week,
            development_hours_per_month=latest.development_hours_per_month,
            contact_name=latest.contact_name,
            contact_details=latest.contact_details,
            follow_up_weeks=latest.follow_up_weeks,
            notes=latest.notes,
        )
    form = CommitmentForm(request.POST or None, programmes=programmes, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            commitment = services.commitment_sign(
                actor=user, workplace=workplace, **form.service_kwargs()
            )
        except ApplicationError as error:
            add_application_error(form, error)
        else:
            messages.success(request, _("The commitment is signed."))
            return redirect("leadership:commitment", pk=commitment.pk)
    context = {"workplace": workplace, "form": form, "latest": latest}
    return render(request, "leadership/commitment_form.html", context)


@login_required
def commitment_detail(request: HttpRequest, pk: int) -> HttpResponse:
    user = request_user(request)
    commitment = policies.load(
        user, Commitment, pk, related=("workplace__organisation", "programme", "signed_by")
    )
    history = selectors.commitment_history(
        workplace=commitment.workplace, programme=commitment.programme
    )
    context = {
        "commitment": commitment,
        "workplace": commitment.workplace,
        "history": history,
        "is_latest": history[0].pk == commitment.pk,
        "can_sign": policies.can(user, access.SIGN, commitment.workplace),
    }
    return render(request, "leadership/commitment.html", context)


@login_required
def programme_rule(request: HttpRequest, pk: int) -> HttpResponse:
    programme = policies.load(request.user, Programme, pk, to=policies.CHANGE)
    current = selectors.commitment_rule(programme=programme)
    form = CommitmentRuleForm(request.POST or None, initial={"commitment_rule": current})
    if request.method == "POST" and form.is_valid():
        try:
            services.commitment_rule_set(
                actor=request_user(request),
                programme=programme,
                rule=form.cleaned_data["commitment_rule"],
            )
        except ApplicationError as error:
            add_application_error(form, error)
        else:
            messages.success(request, _("The programme's rule is saved."))
            return redirect("leadership:programme", pk=programme.pk)
    context = {
        "programme": programme,
        "form": form,
        "rows": selectors.programme_commitments(programme=programme),
    }
    return render(request, "leadership/programme.html", context)


# --- the action plan ---------------------------------------------------------------------------


@login_required
def action_create(request: HttpRequest, pk: int) -> HttpResponse:
    user = request_user(request)
    workplace = _workplace(request, pk)
    owners = selectors.action_owners(workplace=workplace)
    initial: dict[str, object] = {"owner": user.pk}
    if request.GET.get("dimension") in dict(st.DIMENSION_LABELS):
        initial["dimension"] = request.GET["dimension"]
    form = ActionForm(request.POST or None, owners=owners, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.action_create(actor=user, workplace=workplace, **form.cleaned_data)
        except ApplicationError as error:
            add_application_error(form, error)
        else:
            messages.success(request, _("The action is in the plan."))
            return redirect(reverse("leadership:workplace", args=[workplace.pk]) + "#plan-heading")
    context = {
        "form": form,
        "title": _("New action at %(workplace)s") % {"workplace": workplace.name},
        "cancel_url": reverse("leadership:workplace", args=[workplace.pk]),
    }
    return render(request, "core/form_page.html", context)


@login_required
def action_edit(request: HttpRequest, pk: int) -> HttpResponse:
    user = request_user(request)
    action = policies.load(user, Action, pk, to=policies.CHANGE, related=("workplace",))
    owners = selectors.action_owners(workplace=action.workplace)
    form = ActionForm(request.POST or None, owners=owners, action=action)
    if request.method == "POST" and form.is_valid():
        try:
            services.action_update(actor=user, action=action, **form.cleaned_data)
        except ApplicationError as error:
            add_application_error(form, error)
        else:
            messages.success(request, _("The action is saved."))
            return redirect(
                reverse("leadership:workplace", args=[action.workplace_id]) + "#plan-heading"
            )
    context = {
        "form": form,
        "action": action,
        "workplace": action.workplace,
        "decisions": action.decisions.select_related("meeting").order_by("-meeting__held_on"),
        "statement": st.BY_CODE.get(action.statement),
        "dimension_labels": dimension_choices(),
    }
    return render(request, "leadership/action_form.html", context)


@login_required
def follow_up_create(request: HttpRequest, pk: int) -> HttpResponse:
    user = request_user(request)
    workplace = _workplace(request, pk)
    open_actions = [row.action for row in selectors.action_plan(workplace=workplace)["open"]]
    owners = selectors.action_owners(workplace=workplace)
    form = FollowUpForm(request.POST or None, actions=open_actions, owners=owners)
    if request.method == "POST" and form.is_valid():
        try:
            meeting = services.follow_up_record(
                actor=user,
                workplace=workplace,
                held_on=form.cleaned_data["held_on"],
                minutes=form.cleaned_data["minutes"],
                decisions=form.decisions(),
                new_action=form.new_action(),
            )
        except ApplicationError as error:
            add_application_error(form, error)
        else:
            messages.success(request, _("The follow-up meeting is saved and the plan updated."))
            return redirect("leadership:follow-up", pk=meeting.pk)
    context = {"workplace": workplace, "form": form, "today": timezone.localdate()}
    return render(request, "leadership/follow_up_form.html", context)


@login_required
def follow_up_detail(request: HttpRequest, pk: int) -> HttpResponse:
    meeting = policies.load(
        request.user, FollowUpMeeting, pk, related=("workplace__organisation", "recorded_by")
    )
    decisions = meeting.decisions.select_related("action").order_by("pk")
    context = {"meeting": meeting, "workplace": meeting.workplace, "decisions": decisions}
    return render(request, "leadership/follow_up.html", context)
