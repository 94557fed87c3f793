"""The coordinator's early warnings and her one-click message to a pair."""

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
from smile.mentoring.warnings.forms import PairMessageForm
from smile.organisations import access as organisations_access
from smile.programmes import access as programmes_access
from smile.programmes.models import Programme


@login_required
def warning_list(request: HttpRequest) -> HttpResponse:
    user = request.user
    assert isinstance(user, User)
    if not organisations_access.can_coordinate(user):
        raise Http404
    programme = None
    pk = request.GET.get("programme", "")
    if pk:
        if not pk.isdigit():
            raise Http404
        programme = policies.load(user, Programme, int(pk), to=policies.CHANGE)
    rows = selectors.early_warnings(user=user, programme=programme)
    programmes = list(programmes_access.changeable_programmes(user).order_by("name"))
    context = {
        "groups": selectors.warning_groups(rows),
        "count": len(rows),
        "programme": programme,
        "programmes": programmes,
        # The programme column only when the rows can come from more than one.
        "several": programme is None and len(programmes) > 1,
    }
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
