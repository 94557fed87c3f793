from django.http import HttpRequest

from smile.accounts.models import User


def request_user(request: HttpRequest) -> User:
    """The person of a view behind `login_required`."""
    user = request.user
    assert isinstance(user, User)
    return user
