"""The learning plan: the adept's "My plan", the plan page of her mentor, teacher and
coordinator, choosing objectives, the skills scan, levels, signing and the signed versions."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from smile.accounts.http import request_user
from smile.accounts.models import User
from smile.core import policies
from smile.core.errors import ApplicationError
from smile.core.forms import add_application_error
from smile.learning.models import LearningPlan, PlanStatus
from smile.learning.plans import selectors, services
from smile.learning.plans.forms import LevelsForm, ObjectivesForm, ScanForm
from smile.programmes.models import Enrolment


def _own(request: HttpRequest, enrolment: Enrolment) -> bool:
    return enrolment.user_id == request.user.pk


def _back(request: HttpRequest, enrolment: Enrolment) -> HttpResponse:
    if _own(request, enrolment):
        return redirect("learning:my-plan")
    return redirect("learning:plan", pk=enrolment.pk)


def _render_plan(
    request: HttpRequest,
    enrolment: Enrolment,
    *,
    scan_form: ScanForm | None = None,
    levels_form: LevelsForm | None = None,
) -> HttpResponse:
    context = selectors.plan_page(user=request_user(request), enrolment=enrolment)
    own = _own(request, enrolment)
    column = "self_rating" if own else "mentor_rating"
    scan_form = scan_form or ScanForm(items=context["items"], column=column)
    levels_form = levels_form or LevelsForm(items=context["items"])
    for row in context["rows"]:
        row.scan_field = scan_form.field_for(row.item)
        row.level_field = levels_form.field_for(row.item)
    context["scan_form"] = scan_form
    context["levels_form"] = levels_form
    template = "learning/plans/my_plan.html" if own else "learning/plans/plan.html"
    return render(request, template, context)


# What the plan pages show of the adept, read with her.
ADEPT_RELATED = ("user", "programme", "workplace", "education_provider")


def _adept(user: User, pk: int, *, to: str = "learn") -> Enrolment:
    """An adept whose learning the person follows (`to="edit_plan"`: whose objectives she may
    choose); 404 for anyone else."""
    return policies.load(user, Enrolment, pk, to=to, related=ADEPT_RELATED)


def _existing_plan(enrolment: Enrolment) -> LearningPlan:
    """Her plan, for a change to it; there is nothing to rate or sign before it exists."""
    plan = selectors.plan_of(enrolment)
    if plan is None:
        raise Http404
    return plan


@login_required
def my_plan(request: HttpRequest) -> HttpResponse:
    enrolment = selectors.own_enrolment(user=request_user(request))
    if enrolment is None:
        return render(request, "learning/plans/my_plan.html", {"enrolment": None})
    return _render_plan(request, enrolment)


@login_required
def plan_detail(request: HttpRequest, pk: int) -> HttpResponse:
    enrolment = _adept(request_user(request), pk)
    if _own(request, enrolment):
        return redirect("learning:my-plan")
    return _render_plan(request, enrolment)


@login_required
def plan_objectives(request: HttpRequest, pk: int) -> HttpResponse:
    user = request_user(request)
    enrolment = _adept(user, pk, to="edit_plan")
    choices = selectors.plan_choices(enrolment=enrolment)
    form = ObjectivesForm(
        request.POST if request.method == "POST" else None,
        enrolment=enrolment,
        objectives=choices["objectives"],
        chosen=choices["chosen"],
    )
    if request.method == "POST" and form.is_valid():
        try:
            plan = services.learning_plan_get_or_create(enrolment=enrolment)
            plan = services.plan_objectives_set(plan=plan, by=user, items=form.items())
        except ApplicationError as error:
            add_application_error(form, error)
        else:
            if plan.status == PlanStatus.IN_REVIEW:
                messages.success(request, _("The plan is changed. All three sign it again."))
            else:
                messages.success(request, _("The objectives are saved."))
            return redirect("learning:plan", pk=enrolment.pk)
    context = {"enrolment": enrolment, "form": form, "plan": choices["plan"]}
    return render(request, "learning/plans/objectives.html", context)


@login_required
@require_POST
def plan_scan(request: HttpRequest, pk: int) -> HttpResponse:
    user = request_user(request)
    enrolment = _adept(user, pk)
    plan = _existing_plan(enrolment)
    column = "self_rating" if _own(request, enrolment) else "mentor_rating"
    items = selectors.plan_items(plan=plan)
    form = ScanForm(request.POST, items=items, column=column)
    if form.is_valid():
        try:
            services.skills_scan_rate(plan=plan, by=user, ratings=form.ratings())
        except ApplicationError as error:
            add_application_error(form, error)
        else:
            messages.success(request, _("The ratings are saved."))
            return _back(request, enrolment)
    return _render_plan(request, enrolment, scan_form=form)


@login_required
@require_POST
def plan_levels(request: HttpRequest, pk: int) -> HttpResponse:
    user = request_user(request)
    enrolment = _adept(user, pk)
    plan = _existing_plan(enrolment)
    items = selectors.plan_items(plan=plan)
    form = LevelsForm(request.POST, items=items)
    if form.is_valid():
        try:
            services.plan_levels_set(plan=plan, by=user, levels=form.values())
        except ApplicationError as error:
            add_application_error(form, error)
        else:
            messages.success(request, _("The levels are saved."))
            return _back(request, enrolment)
    return _render_plan(request, enrolment, levels_form=form)


@login_required
@require_POST
def plan_sign(request: HttpRequest, pk: int) -> HttpResponse:
    user = request_user(request)
    enrolment = _adept(user, pk)
    plan = _existing_plan(enrolment)
    version = request.POST.get("version", "")
    try:
        services.plan_sign(plan=plan, by=user, version=int(version) if version.isdigit() else -1)
    except ApplicationError as error:
        messages.error(request, error.message)
    else:
        plan.refresh_from_db()
        if plan.status == PlanStatus.SIGNED:
            messages.success(request, _("The plan is signed by all three."))
        else:
            messages.success(request, _("Thank you. Your signature is saved."))
    return _back(request, enrolment)


@login_required
def plan_version(request: HttpRequest, pk: int, version: int) -> HttpResponse:
    user = request_user(request)
    enrolment = _adept(user, pk)
    context = selectors.plan_version(user=user, enrolment=enrolment, version=version)
    if context is None:
        raise Http404
    return render(request, "learning/plans/version.html", context)
