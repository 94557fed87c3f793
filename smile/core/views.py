"""The pages every installation has whatever its domains: errors and the health check."""

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseServerError, JsonResponse
from django.shortcuts import render
from django.template.loader import render_to_string
from django.utils.translation import get_language
from django.views.decorators.http import require_GET

from smile.core import policies, texts
from smile.core.http import local_url


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


@login_required
@require_GET
def translation(request: HttpRequest, source: str, pk: int) -> HttpResponse:
    """A machine translation of one text into the reader's language: beside the original (htmx)
    or on a page of its own. The record is loaded through its domain's policy (404 otherwise)."""
    found = texts.source(source)
    if found is None or not texts.service_configured():
        raise Http404
    record = policies.load(request.user, found.model, pk, to=found.to, related=found.related)
    original = found.text(request.user, record)
    if original is None or not original.text.strip():
        raise Http404
    result = texts.machine_translate(original.text, source=original.language, target=get_language())
    if getattr(request, "htmx", False):
        return render(request, "core/_translation.html", {"result": result})
    context = {
        "result": result,
        "original": original,
        "back": local_url(request, request.GET.get("next")),
    }
    return render(request, "core/translation.html", context)
