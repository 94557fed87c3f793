from collections.abc import Callable

from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse

from smile.accounts.selectors import needs_second_factor

# Paths a half-logged-in person may reach: the second-factor screens, logout, language, assets.
_OPEN_PREFIXES = (
    "/accounts/2fa/",
    "/accounts/logout/",
    "/accounts/language/",
    "/i18n/",
    "/static/",
    "/favicon",
)


class SecondFactorRequiredMiddleware:
    """Coordinators, managers and administrators must pass TOTP before they see anything."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        user = request.user
        if (
            user.is_authenticated
            and not request.path.startswith(_OPEN_PREFIXES)
            and not getattr(user, "is_verified", lambda: False)()
            and needs_second_factor(user)
        ):
            return redirect(f"{reverse('accounts:second-factor')}?next={request.get_full_path()}")
        return self.get_response(request)
