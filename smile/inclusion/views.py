"""The onboarding pages. Each loads what it works on through the policies (a 404 for anyone
else)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from smile.accounts.http import request_user
from smile.accounts.models import User
from smile.core import policies
from smile.core.errors import ApplicationError
from smile.core.forms import add_application_error
from smile.inclusion import access, selectors, services
from smile.inclusion.forms import AmbassadorForm, LanguageSupportForm, StepEditForm, StepForm
from smile.inclusion.models import (
    ChecklistItem,
    ChecklistTemplate,
    LanguageAmbassador,
    LanguageSupport,
    TemplateItem,
)
from smile.matching.reasons import language_name
from smile.organisations.models import Workplace
from smile.programmes.models import Enrolment


@login_required
def index(request: HttpRequest) -> HttpResponse:
    """The checklists the person ticks (her own, her adepts'), and the workplaces she follows."""
    user = request_user(request)
    enrolment_ids = access.tickable_items(user).values_list("enrolment_id", flat=True).distinct()
    enrolments = list(
        Enrolment.objects.filter(pk__in=list(enrolment_ids))
        .select_related("user", "workplace")
        .order_by("user__full_name", "pk")
    )
    leading = access.leading_workplaces(user).exists()
    context = {"enrolments": enrolments, "user_id": user.pk, "leading": leading}
    return render(request, "inclusion/index.html", context)


@login_required
def checklist(request: HttpRequest, pk: int) -> HttpResponse:
    """One adept's onboarding steps; she and her mentor tick them off."""
    user = request_user(request)
    items = list(
        policies.allowed(user, ChecklistItem, policies.VIEW)
        .filter(enrolment_id=pk)
        .select_related("done_by")
        .order_by("position", "pk")
    )
    if not items:
        raise Http404
    enrolment = Enrolment.objects.select_related("user", "workplace").get(pk=pk)
    tickable = set(access.tickable_items(user).filter(enrolment_id=pk).values_list("pk", flat=True))
    context = {
        "enrolment": enrolment,
        "steps": selectors.checklist(items),
        "tickable": tickable,
        "own": enrolment.user_id == user.pk,
        "done": sum(item.done_at is not None for item in items),
        "total": len(items),
    }
    return render(request, "inclusion/checklist.html", context)


@login_required
@require_POST
def tick(request: HttpRequest, pk: int) -> HttpResponse:
    user = request_user(request)
    item = policies.load(user, ChecklistItem, pk, to=access.TICK)
    services.item_tick(item=item, by=user, done=request.POST.get("done") != "0")
    return redirect("inclusion:checklist", item.enrolment_id)


@login_required
def completion(request: HttpRequest) -> HttpResponse:
    """Completion per workplace, for its managers and the programmes' coordinators."""
    user = request_user(request)
    workplaces = list(
        access.leading_workplaces(user).select_related("organisation").order_by("name", "pk")
    )
    if not workplaces:
        raise Http404
    figures = selectors.completion_by_workplace(workplaces)
    rows = [(workplace, figures[workplace.pk]) for workplace in workplaces]
    return render(request, "inclusion/completion.html", {"rows": rows})


@login_required
@require_http_methods(["GET", "POST"])
def workplace(request: HttpRequest, pk: int) -> HttpResponse:
    """A workplace's template (its steps; add and remove) and its adepts' checklists."""
    user = request_user(request)
    place = policies.load(user, Workplace, pk, to=access.LEAD, related=("organisation",))
    template = services.template_for(place)
    adding_ambassador = request.method == "POST" and request.POST.get("form") == "ambassador"
    form = StepForm(request.POST if request.method == "POST" and not adding_ambassador else None)
    ambassador_form = AmbassadorForm(
        request.POST if adding_ambassador else None, auto_id="ambassador_%s"
    )
    if adding_ambassador and ambassador_form.is_valid():
        try:
            services.ambassador_add(workplace=place, **ambassador_form.cleaned_data)
        except ApplicationError as error:
            add_application_error(ambassador_form, error)
        else:
            messages.success(request, _("The language ambassador is added."))
            return redirect(
                reverse("inclusion:workplace", args=[place.pk]) + "#ambassadors-heading"
            )
    if form.is_bound and form.is_valid():
        try:
            services.template_item_add(
                template=template,
                title=form.cleaned_data["title"],
                due_days=form.cleaned_data["due_days"],
            )
        except ApplicationError as error:
            add_application_error(form, error)
        else:
            messages.success(request, _("The step is added. Adepts placed from now on get it."))
            return redirect("inclusion:workplace", place.pk)
    figures = selectors.completion_by_workplace([place])[place.pk]
    enrolments = list(
        Enrolment.objects.filter(
            pk__in=access.visible_items(user)
            .filter(enrolment__workplace=place, enrolment__status="active")
            .values("enrolment_id")
        )
        .select_related("user")
        .order_by("user__full_name", "pk")
    )
    context = {
        "workplace": place,
        "steps": selectors.template_steps(template.items.all()),
        "form": form,
        "figures": figures,
        "enrolments": enrolments,
        "ambassadors": [
            (ambassador, language_name(ambassador.language))
            for ambassador in LanguageAmbassador.objects.filter(workplace=place)
        ],
        "ambassador_form": ambassador_form,
    }
    return render(request, "inclusion/workplace.html", context)


def _changeable_step(user: User, pk: int) -> TemplateItem:
    """A step of a template the person keeps (a manager of the workplace, a coordinator of a
    programme placing adepts there), else a 404."""
    step = (
        TemplateItem.objects.filter(
            template__in=policies.allowed(user, ChecklistTemplate, policies.CHANGE),
            pk=pk,
        )
        .select_related("template__workplace")
        .first()
    )
    if step is None:
        raise Http404
    return step


@login_required
@require_http_methods(["GET", "POST"])
def step_edit(request: HttpRequest, pk: int) -> HttpResponse:
    """A step of the template: its Swedish text and due day, and its versions in the adepts'
    languages side by side, as the task editor has them."""
    user = request_user(request)
    step = _changeable_step(user, pk)
    initial: dict[str, object] = {
        "title": getattr(step, StepEditForm.key(selectors.SOURCE)),
        "due_days": step.due_days,
    }
    for language in selectors.other_languages():
        initial[StepEditForm.key(language.code)] = getattr(step, StepEditForm.key(language.code))
    form = StepEditForm(request.POST if request.method == "POST" else None, initial=initial)
    if form.is_bound and form.is_valid():
        try:
            services.template_item_update(item=step, **form.cleaned_data)
        except ApplicationError as error:
            add_application_error(form, error)
        else:
            messages.success(
                request, _("Saved. Adepts who have not ticked the step off yet see the change.")
            )
            return redirect("inclusion:workplace", step.template.workplace_id)
    context = {"step": step, "workplace": step.template.workplace, "form": form}
    return render(request, "inclusion/step.html", context)


@login_required
@require_POST
def step_remove(request: HttpRequest, pk: int) -> HttpResponse:
    user = request_user(request)
    step = _changeable_step(user, pk)
    workplace_id = step.template.workplace_id
    services.template_item_remove(item=step)
    messages.success(request, _("The step is removed. Checklists already given keep it."))
    return redirect("inclusion:workplace", workplace_id)


@login_required
@require_http_methods(["GET", "POST"])
def language(request: HttpRequest, pk: int) -> HttpResponse:
    """An adept's language support: she tells it; her mentor, manager and coordinator read it."""
    user = request_user(request)
    enrolment = policies.load(user, Enrolment, pk, to=access.SUPPORT, related=("user", "workplace"))
    own = access.own_adept_enrolments(user).filter(pk=enrolment.pk).exists()
    form = None
    if own:
        support = LanguageSupport.objects.filter(enrolment=enrolment).first()
        initial = (
            {
                "swedish_level": support.swedish_level,
                "wants_interpreter": support.wants_interpreter,
                "interpreter_language": support.interpreter_language,
            }
            if support
            else {}
        )
        form = LanguageSupportForm(request.POST or None, initial=initial)
        if request.method == "POST" and form.is_valid():
            try:
                services.language_support_save(enrolment=enrolment, **form.cleaned_data)
            except ApplicationError as error:
                add_application_error(form, error)
            else:
                messages.success(request, _("Saved. Your mentor and your reviews will show it."))
                return redirect("inclusion:language", enrolment.pk)
    elif request.method == "POST":
        raise Http404
    context = {
        "enrolment": enrolment,
        "own": own,
        "form": form,
        "view": selectors.language_view(enrolment),
    }
    return render(request, "inclusion/language.html", context)


@login_required
@require_POST
def ambassador_remove(request: HttpRequest, pk: int) -> HttpResponse:
    user = request_user(request)
    ambassador = LanguageAmbassador.objects.filter(
        workplace__in=access.leading_workplaces(user), pk=pk
    ).first()
    if ambassador is None:
        raise Http404
    services.ambassador_remove(ambassador=ambassador)
    messages.success(request, _("The language ambassador is removed."))
    return redirect(
        reverse("inclusion:workplace", args=[ambassador.workplace_id]) + "#ambassadors-heading"
    )
