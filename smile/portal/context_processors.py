from typing import Any

from django.conf import settings
from django.http import HttpRequest
from django.utils.translation import get_language_info

from smile.accounts.models import User
from smile.core import actor
from smile.notifications.selectors import unread_count


def shell(request: HttpRequest) -> dict[str, Any]:
    """What the base layout needs: the person's roles for the navigation, and the languages."""
    languages = [
        {"code": code, "name_local": get_language_info(code)["name_local"]}
        for code, _name in settings.LANGUAGES
    ]
    user = getattr(request, "user", None)
    person = user if isinstance(user, User) and user.is_authenticated else None
    roles = actor.roles_of(person) if person is not None else []
    return {
        # One query: the count of the person's unread notices, for the bell.
        "shell_unread": unread_count(user=person) if person is not None else 0,
        "shell_roles": roles,
        "shell_languages": languages,
        "shell_can_coordinate": "coordinator" in roles or (user is not None and user.is_superuser),
    }
