"""The employer's active measures: the workplaces' cycles, and one cycle's page."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.forms import Form
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from smile.accounts.http import request_user
from smile.accounts.models import User
from smile.core import policies
from smile.core.errors import ApplicationError
from smile.core.forms import add_application_error
from smile.equality.measures import selectors, services
from smile.equality.measures.forms import (
    CausesForm,
    FindingsForm,
    MeasureForm,
    MeasureUpdateForm,
    StartForm,
)
from smile.equality.models import CycleStatus, Measure, MeasureCycle

ACTIONS = ("findings", "causes", "measure", "update", "advance")


@login_required
@require_http_methods(["GET", "POST"])
def index(request: HttpRequest) -> HttpResponse:
    user = request_user(request)
    rows = selectors.workplace_cycles(user=user)
    if not rows:
        raise Http404
    editable = selectors.editable_workplaces(user=user)
    form = StartForm(request.POST or None, workplaces=editable) if editable.exists() else None
    if request.method == "POST":
        if form is None:
            raise Http404
        if form.is_valid():
            try:
                cycle = services.cycle_start(
                    workplace=form.cleaned_data["workplace"],
                    by=user,
                    year=form.cleaned_data["year"],
                )
            except ApplicationError as error:
                add_application_error(form, error)
            else:
                messages.success(request, _("The year's cycle is started."))
                return redirect("equality:measure-cycle", pk=cycle.pk)
    return render(request, "equality/measures/index.html", {"rows": rows, "form": form})


def _update_prefix(measure_pk: int) -> str:
    return f"m{measure_pk}"


@login_required
@require_http_methods(["GET", "POST"])
def cycle(request: HttpRequest, pk: int) -> HttpResponse:
    """One year's cycle; each form on the page posts here with its `action`."""
    user = request_user(request)
    found = policies.load(user, MeasureCycle, pk, related=("workplace__organisation",))
    editable = policies.can_change(user, found)
    action = request.POST.get("action") if request.method == "POST" else None
    if request.method == "POST" and (not editable or action not in ACTIONS):
        raise Http404
    page = selectors.cycle_page(cycle=found)
    data = {name: request.POST if name == action else None for name in ACTIONS}
    forms: dict[str, Form] = {}
    measure_forms: dict[int, MeasureUpdateForm] = {}
    if editable:
        forms = {
            "findings": FindingsForm(data["findings"], findings=page.findings),
            "causes": CausesForm(data["causes"], risks=page.risks),
            "measure": MeasureForm(
                data["measure"], owners=selectors.owner_choices(workplace=found.workplace)
            ),
        }
        posted_measure = request.POST.get("measure") if action == "update" else None
        for row in page.measures:
            m = row.measure
            bound = posted_measure == str(m.pk)
            measure_forms[m.pk] = MeasureUpdateForm(
                request.POST if bound else None,
                prefix=_update_prefix(m.pk),
                initial={
                    "status": m.status,
                    "due_on": m.due_on,
                    "outcome": m.outcome,
                    "followed_up_on": m.followed_up_on,
                },
            )
        if action == "update" and not any(
            str(row.measure.pk) == posted_measure for row in page.measures
        ):
            raise Http404
    if action is not None:
        form: Form | None = (
            measure_forms[int(request.POST["measure"])] if action == "update" else forms.get(action)
        )
        if form is None or form.is_valid():
            try:
                _act(action, cycle=found, user=user, form=form, request=request)
            except ApplicationError as error:
                if form is None or found.status == CycleStatus.DONE:
                    # Said above the page: a done cycle's page shows no forms.
                    messages.error(request, error.message)
                else:
                    add_application_error(form, error)
            else:
                messages.success(request, _("Saved."))
                return redirect("equality:measure-cycle", pk=pk)
    context = {
        "page": page,
        "editable": editable and found.status != CycleStatus.DONE,
        "forms": forms,
        "measure_rows": [(row, measure_forms.get(row.measure.pk)) for row in page.measures],
    }
    return render(request, "equality/measures/cycle.html", context)


def _act(
    action: str, *, cycle: MeasureCycle, user: User, form: Form | None, request: HttpRequest
) -> None:
    if action == "findings":
        assert isinstance(form, FindingsForm)
        services.findings_save(cycle=cycle, by=user, cells=form.cells())
    elif action == "causes":
        assert isinstance(form, CausesForm)
        services.causes_save(cycle=cycle, by=user, causes=form.causes())
    elif action == "measure":
        assert form is not None
        services.measure_add(
            cycle=cycle,
            by=user,
            title=form.cleaned_data["title"],
            owner=form.cleaned_data["owner"],
            due_on=form.cleaned_data["due_on"],
        )
    elif action == "update":
        assert form is not None
        measure = policies.load(user, Measure, request.POST["measure"], to=policies.CHANGE)
        services.measure_update(
            measure=measure,
            by=user,
            status=form.cleaned_data["status"],
            due_on=form.cleaned_data["due_on"],
            outcome=form.cleaned_data["outcome"],
            followed_up_on=form.cleaned_data["followed_up_on"],
        )
    else:
        services.cycle_advance(cycle=cycle, by=user)
