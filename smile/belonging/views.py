"""Answering a pulse, and the figures per workplace for coordinators and managers."""

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import get_language_bidi
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from smile.accounts.http import request_user
from smile.core import policies
from smile.core.errors import ApplicationError
from smile.core.forms import add_application_error
from smile.organisations.models import Workplace
from smile.programmes.models import Programme

from . import access, selectors, services
from .charts import trend_bars
from .forms import AnswerForm, CadenceForm
from .models import MIN_SHOWN, PulseRound
from .statements import STATEMENTS


@login_required
def index(request: HttpRequest) -> HttpResponse:
    user = request_user(request)
    context = {
        "to_answer": list(access.answerable_rounds(user).select_related("programme")),
        "programmes": list(policies.allowed(user, Programme, access.SEE).order_by("name")),
        "workplaces": list(policies.allowed(user, Workplace, access.SEE).order_by("name")),
    }
    return render(request, "belonging/index.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def answer(request: HttpRequest, pk: int) -> HttpResponse:
    user = request_user(request)
    round_ = policies.load(user, PulseRound, pk, to=access.ANSWER, related=["programme"])
    form = AnswerForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.pulse_answer(user=user, round_=round_, answers=form.cleaned_data)
        except ApplicationError as error:
            add_application_error(form, error)
        else:
            messages.success(request, _("Thank you. Your answers are saved without your name."))
            return redirect("belonging:index")
    return render(request, "belonging/answer.html", {"round": round_, "form": form})


def _trend_context(workplace: Workplace, figures: list[selectors.RoundFigure]) -> dict[str, Any]:
    direction = "rtl" if get_language_bidi() else "ltr"
    return {
        "workplace": workplace,
        "figures": figures,
        "any_shown": any(figure.shown for figure in figures),
        "chart": trend_bars(
            [figure.overall for figure in figures],
            title=_("Belonging at %(workplace)s, round by round") % {"workplace": workplace.name},
            ident=f"belonging-{workplace.pk}",
            direction=direction,
            description=_(
                "The mean of all statements, from 1 to 5. The table beside it has the numbers."
            ),
        ),
    }


@login_required
@require_http_methods(["GET", "POST"])
def programme(request: HttpRequest, pk: int) -> HttpResponse:
    user = request_user(request)
    programme = policies.load(user, Programme, pk, to=access.SEE)
    form = CadenceForm(
        request.POST or None, initial={"cadence_weeks": services.cadence_of(programme)}
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.pulse_settings_set(
                user=user, programme=programme, cadence_weeks=form.cleaned_data["cadence_weeks"]
            )
        except ApplicationError as error:
            add_application_error(form, error)
        else:
            messages.success(request, _("Saved."))
            return redirect("belonging:programme", pk=programme.pk)
    workplaces = list(
        Workplace.objects.filter(enrolments__programme=programme).distinct().order_by("name")
    )
    trends = selectors.workplace_trends(workplaces)
    context = {
        "programme": programme,
        "form": form,
        "minimum": MIN_SHOWN,
        "trends": [_trend_context(workplace, trends[workplace.pk]) for workplace in workplaces],
        "statements": STATEMENTS,
    }
    return render(request, "belonging/programme.html", context)


@login_required
def workplace(request: HttpRequest, pk: int) -> HttpResponse:
    user = request_user(request)
    workplace = policies.load(user, Workplace, pk, to=access.SEE)
    trends = selectors.workplace_trends([workplace])
    context = {
        "minimum": MIN_SHOWN,
        "trend": _trend_context(workplace, trends[workplace.pk]),
        "statements": STATEMENTS,
    }
    return render(request, "belonging/workplace.html", context)
