from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from smile.accounts.models import User
from smile.core import policies
from smile.matching.models import Pair
from smile.mentoring import access, selectors


@login_required
def pair_mentorship(request: HttpRequest, pk: int) -> HttpResponse:
    """The pair's working page: meetings, logs, action items, closing reflections."""
    pair = policies.load(request.user, Pair, pk)
    user = request.user
    assert isinstance(user, User)
    is_side = access.is_side(user, pair)
    context = {
        "pair": pair,
        "is_side": is_side,
        "panels": selectors.pair_panels(user=user, pair=pair),
    }
    return render(request, "mentoring/pair.html", context)
