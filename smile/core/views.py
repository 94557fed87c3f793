from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseServerError, JsonResponse
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.views.decorators.http import require_GET

from smile.core import access, selectors
from smile.learning import selectors as learning
from smile.mentoring import selectors as mentoring
from smile.mentoring.warnings.selectors import warning_counts

HOME_TEMPLATES = {
    "adept": "core/home_adept.html",
    "mentor": "core/home_mentor.html",
    "teacher": "core/home_teacher.html",
    "coordinator": "core/home_coordinator.html",
    "manager": "core/home_manager.html",
    "administrator": "core/home_administrator.html",
}


@login_required
def home(request: HttpRequest) -> HttpResponse:
    roles = access.roles_of(request.user)
    if not roles:
        return render(request, "core/home_none.html")
    # Staff hold most power; their first stop is still their working role, if they have one.
    return redirect("core:role-home", role=roles[0])


@login_required
def role_home(request: HttpRequest, role: str) -> HttpResponse:
    if role not in HOME_TEMPLATES or role not in access.roles_of(request.user):
        raise Http404
    user = request.user
    context: dict[str, object] = {"role": role}
    match role:
        case "adept":
            context["home"] = selectors.adept_home(user=user)  # type: ignore[arg-type]
            context["mentoring"] = mentoring.home_panels(user=user, role=role)  # type: ignore[arg-type]
            context["learning"] = learning.home_panels(user=user, role=role)  # type: ignore[arg-type]
        case "mentor":
            context["home"] = selectors.mentor_home(user=user)  # type: ignore[arg-type]
            context["mentoring"] = mentoring.home_panels(user=user, role=role)  # type: ignore[arg-type]
            context["learning"] = learning.home_panels(user=user, role=role)  # type: ignore[arg-type]
        case "teacher":
            context["home"] = selectors.teacher_home(user=user)  # type: ignore[arg-type]
            context["learning"] = learning.home_panels(user=user, role=role)  # type: ignore[arg-type]
        case "coordinator":
            context["programmes"] = selectors.coordinator_programmes(user=user)  # type: ignore[arg-type]
            context["warnings"] = warning_counts(user=user)  # type: ignore[arg-type]
        case "manager":
            context["workplaces"] = selectors.manager_workplaces(user=user)  # type: ignore[arg-type]
    return render(request, HOME_TEMPLATES[role], context)


@require_GET
def healthz(request: HttpRequest) -> HttpResponse:
    return JsonResponse({"status": "ok"})


def page_not_found(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return render(request, "404.html", status=404)


def server_error(request: HttpRequest) -> HttpResponse:
    # No request context: the database may be what failed, and the page must still render.
    return HttpResponseServerError(render_to_string("500.html"))


def permission_denied(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return render(request, "core/forbidden.html", status=403)


def csrf_failure(request: HttpRequest, reason: str = "") -> HttpResponse:
    return render(request, "core/csrf_failure.html", status=403)
