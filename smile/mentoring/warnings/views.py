"""The coordinator's early warnings and her one-click message to a pair."""

from typing import Any
from urllib.parse import urlencode

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from smile.accounts.models import User
from smile.core import policies
from smile.core.errors import ApplicationError
from smile.core.forms import add_application_error
from smile.matching.models import Pair
from smile.mentoring.warnings import selectors, services
from smile.mentoring.warnings.forms import PairMessageForm, WarningFilterForm
from smile.organisations import access as organisations_access


@login_required
def warning_list(request: HttpRequest) -> HttpResponse:
    """Her warnings, 50 a page, filtered by programme, kind and workplace (a GET form).

    A filter value that is not on her lists (another organisation's programme, a made-up kind)
    is explained beside its field and shows no rows; a page number that is not one shows the
    first page, and one past the end the last.
    """
    user = request.user
    assert isinstance(user, User)
    if not organisations_access.can_coordinate(user):
        raise Http404
    filters = selectors.warning_filters(user=user)
    form = WarningFilterForm(
        request.GET,
        programmes=[(p.pk, p.name) for p in filters.programmes],
        kinds=selectors.kind_choices(),
        workplaces=filters.workplaces,
    )
    context: dict[str, Any] = {"form": form, "programmes": filters.programmes}
    if form.is_valid():
        chosen = {key: value for key, value in form.cleaned_data.items() if value}
        programme = {p.pk: p for p in filters.programmes}.get(chosen.get("programme", 0))
        context["result"] = selectors.warning_page(
            user=user,
            number=request.GET.get("page"),
            programme=programme,
            kind=chosen.get("kind"),
            workplace=chosen.get("workplace"),
        )
        # The page links keep what she chose.
        context["query"] = urlencode(chosen)
        # The programme column only when the rows can come from more than one.
        context["several"] = programme is None and len(filters.programmes) > 1
    return render(request, "mentoring/warnings/list.html", context)


@login_required
def pair_message(request: HttpRequest, pk: int) -> HttpResponse:
    policies.load(request.user, Pair, pk, to=policies.CHANGE)
    pair = Pair.objects.select_related("adept__user", "mentor__user", "programme").get(pk=pk)
    user = request.user
    assert isinstance(user, User)
    form = PairMessageForm(request.POST or None, pair=pair)
    if request.method == "POST" and form.is_valid():
        try:
            services.pair_message_send(pair=pair, by=user, **form.cleaned_data)
        except ApplicationError as error:
            add_application_error(form, error)
        else:
            messages.success(request, _("Your message is sent."))
            return redirect("mentoring:warnings")
    return render(request, "mentoring/warnings/message.html", {"form": form, "pair": pair})
