"""The cohort page: every adept the reader follows, with her progress against time."""

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render

from smile.accounts.models import User
from smile.core import actor
from smile.learning.progress import selectors

SORTS = ("name", "status")


@login_required
def cohort(request: HttpRequest) -> HttpResponse:
    """A coordinator's programmes, a teacher's class, a mentor's adepts: one row per adept."""
    user = request.user
    assert isinstance(user, User)
    programmes = selectors.cohort_programmes(user)
    programme = None
    pk = request.GET.get("programme", "")
    if pk:
        programme = next((p for p in programmes if str(p.pk) == pk), None)
        if programme is None:
            raise Http404
    sort = request.GET.get("sort", "name")
    if sort not in SORTS:
        sort = "name"
    roles = actor.roles_of(user)
    context = selectors.cohort_page(user=user, programme=programme, sort=sort)
    context |= {
        "programme": programme,
        "programmes": programmes,
        "sort": sort,
        "title_role": next((r for r in ("coordinator", "teacher", "mentor") if r in roles), ""),
        "rule": selectors.RULE,
        "help": selectors.PROGRESS_HELP,
    }
    return render(request, "learning/progress/cohort.html", context)
