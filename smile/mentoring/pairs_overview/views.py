"""The coordinator's list of all the pairs of her programmes."""

from typing import Any
from urllib.parse import urlencode

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render

from smile.accounts.models import User
from smile.mentoring.pairs_overview import selectors
from smile.mentoring.pairs_overview.forms import PairFilterForm
from smile.organisations import access as organisations_access


@login_required
def pair_list(request: HttpRequest) -> HttpResponse:
    """Her pairs, 25 a page, filtered by programme, status, health and name (a GET form).

    A filter value that is not on her lists (another organisation's programme, a made-up status,
    an old link) does not stop her: the filters are reset, a line says so, and all her pairs show.
    """
    user = request.user
    assert isinstance(user, User)
    if not organisations_access.can_coordinate(user):
        raise Http404
    programmes = selectors.her_programmes(user=user)
    choices = [(p.pk, p.name) for p in programmes]
    healths = selectors.health_choices()
    form = PairFilterForm(request.GET, programmes=choices, healths=healths)
    reset = not form.is_valid()
    if reset:
        form = PairFilterForm({}, programmes=choices, healths=healths)
        form.is_valid()
    context: dict[str, Any] = {"form": form, "programmes": programmes, "reset": reset}
    chosen = {key: value for key, value in form.cleaned_data.items() if value}
    programme = {p.pk: p for p in programmes}.get(chosen.get("programme", 0))
    context["result"] = selectors.pairs_page(
        user=user,
        number=request.GET.get("page"),
        programme=programme,
        status=chosen.get("status"),
        health=chosen.get("health"),
        search=chosen.get("q", ""),
    )
    # The page links keep what she chose.
    context["query"] = urlencode(chosen)
    # The programme column only when the rows can come from more than one.
    context["several"] = programme is None and len(programmes) > 1
    context["filtered"] = bool(chosen)
    return render(request, "mentoring/pairs_overview/list.html", context)
