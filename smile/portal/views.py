"""The homes of each role and the programme overview: pages that gather from every domain."""

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from smile.accounts.http import request_user
from smile.core import actor
from smile.portal import homes, selectors
from smile.programmes import selectors as programme_selectors

HOME_TEMPLATES = {
    "adept": "portal/home_adept.html",
    "mentor": "portal/home_mentor.html",
    "teacher": "portal/home_teacher.html",
    "coordinator": "portal/home_coordinator.html",
    "manager": "portal/home_manager.html",
    "administrator": "portal/home_administrator.html",
}


@login_required
def home(request: HttpRequest) -> HttpResponse:
    roles = actor.roles_of(request.user)
    if not roles:
        return render(request, "portal/home_none.html")
    # Staff hold most power; their first stop is still their working role, if they have one.
    return redirect("portal:role-home", role=roles[0])


@login_required
def role_home(request: HttpRequest, role: str) -> HttpResponse:
    user = request_user(request)
    if role not in HOME_TEMPLATES or role not in actor.roles_of(user):
        raise Http404
    context: dict[str, object] = {"role": role, **homes.panels(user=user, role=role)}
    return render(request, HOME_TEMPLATES[role], context)


@login_required
def programme_list(request: HttpRequest) -> HttpResponse:
    """The programmes the person may see, with their people and live pairs."""
    user = request_user(request)
    programmes = selectors.programme_overview(user=user)
    can_create = programme_selectors.programme_owners_for(user=user).exists()
    context = {"programmes": programmes, "can_create": can_create}
    return render(request, "portal/programme_list.html", context)
