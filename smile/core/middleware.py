"""Responses for a logged-in person are hers alone: no browser or proxy cache may keep them."""

from collections.abc import Callable

from django.http import HttpRequest, HttpResponseBase


class PrivateResponsesNotStoredMiddleware:
    """`Cache-Control: no-store` on every response to a logged-in request.

    Every page, export and picture a logged-in person sees may hold personal data (a pair, a
    plan, a practice log, a life-situation answer), and a shared computer's browser cache or the
    back button must not show it to the next person. Static files never reach this (WhiteNoise
    answers them earlier); pages for anonymous visitors keep their own headers (the login page
    is already `no-store` through Django's `never_cache`).
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponseBase]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        # Asked before and after: a login makes the request authenticated, a logout ends it.
        authenticated = request.user.is_authenticated
        response = self.get_response(request)
        if authenticated or request.user.is_authenticated:
            response["Cache-Control"] = "no-store"
        return response
