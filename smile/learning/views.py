from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render

from smile.accounts.models import User
from smile.learning import access, selectors


@login_required
def adept_learning(request: HttpRequest, pk: int) -> HttpResponse:
    """One adept's learning: plan, practice, reviews, hours, progress and words, for those who
    may follow it (the adept, her mentor, her teacher, the programme's coordinators)."""
    user = request.user
    assert isinstance(user, User)
    enrolment = (
        access.learning_enrolments(user)
        .select_related("user", "programme", "workplace", "education_provider")
        .filter(pk=pk)
        .first()
    )
    if enrolment is None:
        raise Http404
    context = {
        "enrolment": enrolment,
        "roles": access.learning_roles(user, enrolment),
        "panels": selectors.adept_panels(user=user, enrolment=enrolment),
    }
    return render(request, "learning/adept.html", context)
