"""The managers' digest as a page: the figures of the e-mail, for the workplaces she leads."""

from datetime import date

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone

from smile.accounts.http import request_user
from smile.mentoring import access
from smile.mentoring.digest import selectors


@login_required
def manager_digest(request: HttpRequest, end: str) -> HttpResponse:
    """The fortnight that ends on `end` (the digest notice links here): per workplace she
    manages, the same counts as the e-mail. Anyone who manages nothing gets a 404, as does a
    day that is not one or lies in the future."""
    user = request_user(request)
    if not access.reads_manager_digest(user):
        raise Http404
    try:
        end_on = date.fromisoformat(end)
    except ValueError:
        raise Http404 from None
    if end_on > timezone.localdate():
        raise Http404
    start_on, end_on = selectors.digest_period(end_on)
    rows = selectors.manager_digest_rows(user=user, start=start_on, end=end_on)
    context = {"rows": rows, "start_on": start_on, "end_on": end_on}
    return render(request, "mentoring/digest/digest.html", context)
