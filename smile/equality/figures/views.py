"""Fair figures (coordinators and managers) and the consent that decides who is counted."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from smile.accounts.http import request_user
from smile.core import policies
from smile.equality import access
from smile.equality.figures import selectors, services
from smile.equality.figures.forms import NO, YES, ConsentForm
from smile.equality.models import StatisticsConsent
from smile.organisations.models import Workplace
from smile.programmes.models import Enrolment, Programme


@login_required
def figures(request: HttpRequest) -> HttpResponse:
    user = request_user(request)
    programmes = list(policies.allowed(user, Programme, access.FIGURES).order_by("name"))
    workplaces = list(
        policies.allowed(user, Workplace, access.FIGURES)
        .select_related("organisation")
        .order_by("organisation__name", "name")
    )
    if not programmes and not workplaces:
        raise Http404
    today = timezone.localdate()
    tables = [
        (programme.name, selectors.figures_of(Enrolment.objects.filter(programme=programme), today))
        for programme in programmes
    ] + [
        (
            f"{workplace.organisation.name}, {workplace.name}",
            selectors.figures_of(Enrolment.objects.filter(workplace=workplace), today),
        )
        for workplace in workplaces
    ]
    return render(request, "equality/figures/figures.html", {"tables": tables})


@login_required
@require_http_methods(["GET", "POST"])
def consent(request: HttpRequest) -> HttpResponse:
    user = request_user(request)
    current = StatisticsConsent.objects.filter(user=user).first()
    initial = {} if current is None else {"answer": YES if current.gender_counted else NO}
    form = ConsentForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        services.statistics_consent_set(
            user=user, gender_counted=form.cleaned_data["answer"] == YES
        )
        messages.success(request, _("Your answer is saved. You can change it at any time."))
        return redirect("equality:figures-consent")
    return render(request, "equality/figures/consent.html", {"form": form, "current": current})
