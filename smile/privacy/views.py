from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from smile.accounts.models import User
from smile.privacy import selectors


@login_required
def access_log(request: HttpRequest) -> HttpResponse:
    """Who has seen my information: every read and write of my sensitive records."""
    user = request.user
    assert isinstance(user, User)
    page, rows = selectors.access_log_page(user=user, page=request.GET.get("page"))
    return render(request, "privacy/access_log.html", {"page": page, "rows": rows})
