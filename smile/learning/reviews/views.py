"""Review pages: plan a review, read it, write it down, sign it."""

from datetime import datetime, time, timedelta

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from smile.accounts.http import request_user
from smile.core import policies
from smile.core.errors import ApplicationError
from smile.core.forms import add_application_error
from smile.inclusion.selectors import interpreter_wish
from smile.learning.models import Review
from smile.learning.reviews import selectors, services
from smile.learning.reviews.forms import HoldForm, ScheduleForm
from smile.programmes.models import Enrolment

# What the review pages show with the review, read in the same query.
REVIEW_RELATED = ("enrolment__user", "enrolment__programme", "created_by")


@login_required
def review_schedule(request: HttpRequest, pk: int) -> HttpResponse:
    user = request_user(request)
    enrolment = policies.load(
        user, Enrolment, pk, to="schedule_review", related=("user", "programme", "workplace")
    )
    due_on = selectors.next_review_due(enrolment)
    # An overdue review is offered for tomorrow; the page still says when it was due.
    day = max(due_on, timezone.localdate() + timedelta(days=1))
    initial = {
        "scheduled_for": timezone.make_aware(datetime.combine(day, time(10, 0))),
        "place": enrolment.workplace.name,
        "agenda": selectors.default_agenda(enrolment),
    }
    form = ScheduleForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            review = services.review_schedule(enrolment=enrolment, by=user, **form.cleaned_data)
        except ApplicationError as error:
            add_application_error(form, error)
        else:
            messages.success(request, _("The review is planned. We will tell the others."))
            return redirect("learning:review", pk=review.pk)
    context = {"form": form, "enrolment": enrolment, "due_on": due_on}
    return render(request, "learning/reviews/schedule.html", context)


def _review_page(request: HttpRequest, pk: int, hold_form: HoldForm | None = None) -> HttpResponse:
    user = request_user(request)
    review = policies.load(user, Review, pk, related=REVIEW_RELATED)
    view = selectors.review_detail(user=user, review=review)
    form = hold_form or HoldForm(initial={"notes": review.notes}, review=review)
    context = {
        "view": view,
        "review": review,
        "form": form,
        # Her Swedish and whether she wants an interpreter, from inclusion (one query).
        "language_support": interpreter_wish(review.enrolment_id),
    }
    return render(request, "learning/reviews/detail.html", context)


@login_required
def review_detail(request: HttpRequest, pk: int) -> HttpResponse:
    return _review_page(request, pk)


@login_required
@require_POST
def review_hold(request: HttpRequest, pk: int) -> HttpResponse:
    user = request_user(request)
    review = policies.load(user, Review, pk, related=REVIEW_RELATED)
    form = HoldForm(request.POST, review=review)
    if form.is_valid():
        try:
            services.review_hold(review=review, by=user, **form.cleaned_data)
        except ApplicationError as error:
            add_application_error(form, error)
        else:
            messages.success(request, _("Saved. Now the three of you sign the review."))
            return redirect("learning:review", pk=pk)
    return _review_page(request, pk, form)


@login_required
@require_POST
def review_sign(request: HttpRequest, pk: int) -> HttpResponse:
    user = request_user(request)
    review = policies.load(user, Review, pk, related=REVIEW_RELATED)
    try:
        services.review_sign(review=review, by=user)
    except ApplicationError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("You have signed the review."))
    return redirect("learning:review", pk=pk)
