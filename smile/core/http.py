"""Small helpers every view uses: a safe place to go back to."""

from django.http import HttpRequest
from django.utils.http import url_has_allowed_host_and_scheme


def local_url(request: HttpRequest, target: str | None) -> str | None:
    """`target` if it is a path on this site (never another host), else None."""
    if (
        target
        and target.startswith("/")
        and url_has_allowed_host_and_scheme(
            target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
        )
    ):
        return target
    return None


def next_url(request: HttpRequest, fallback: str) -> str:
    """The `next` the form or link carried, when it is a page of this site; else `fallback`."""
    return local_url(request, request.POST.get("next") or request.GET.get("next")) or fallback
