from typing import Any

from django.conf import settings
from django.http import HttpRequest
from django.utils.translation import get_language_info

from smile.core import access


def shell(request: HttpRequest) -> dict[str, Any]:
    """What the base layout needs: the person's roles for the navigation, and the languages."""
    languages = [
        {"code": code, "name_local": get_language_info(code)["name_local"]}
        for code, _name in settings.LANGUAGES
    ]
    user = getattr(request, "user", None)
    roles = access.roles_of(user) if user is not None and user.is_authenticated else []
    return {
        "shell_roles": roles,
        "shell_languages": languages,
        "shell_can_coordinate": "coordinator" in roles or (user is not None and user.is_superuser),
    }
