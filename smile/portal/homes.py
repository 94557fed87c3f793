"""What each role's home shows, gathered from every domain and kept per person until the data
changes.

A home reads a dozen tables for one person; people open it more than any other page. What it
read is kept in the cache under the data stamp (`smile.core.freshness`), the person, the role,
the language and the day, for at most `HOME_CACHE_SECONDS`: any committed write renews the stamp,
so a change shows at once; the time limit bounds what depends only on the clock (a meeting that
has just begun). Only the data is kept: the page (with its form tokens) is rendered per request.
"""

from typing import Any

from django.conf import settings
from django.core.cache import cache
from django.db.models import QuerySet
from django.utils import timezone, translation

from smile.accounts.models import User
from smile.core import freshness
from smile.equality import selectors as equality
from smile.leadership import selectors as leadership
from smile.learning import selectors as learning
from smile.matching.home import home_basis
from smile.mentoring import selectors as mentoring
from smile.mentoring.warnings.selectors import warning_counts
from smile.portal import selectors


def build(*, user: User, role: str) -> dict[str, Any]:
    """The panels of her home in this role, read from the database."""
    # Her own enrolments and pairs, read once and handed to every panel (see smile.matching.home).
    basis = home_basis(user=user, role=role)
    panels: dict[str, Any] = {}
    match role:
        case "adept":
            panels["home"] = selectors.adept_home(user=user, basis=basis)
            panels["mentoring"] = mentoring.home_panels(user=user, role=role, basis=basis)
            panels["learning"] = learning.home_panels(user=user, role=role, basis=basis)
        case "mentor":
            panels["home"] = selectors.mentor_home(user=user, basis=basis)
            panels["mentoring"] = mentoring.home_panels(user=user, role=role, basis=basis)
            panels["learning"] = learning.home_panels(user=user, role=role, basis=basis)
            panels["waiting"] = selectors.something_waits(
                learning=panels["learning"], mentoring=panels["mentoring"]
            )
            panels["rounds_to_answer"] = leadership.rounds_to_answer(user=user)
        case "teacher":
            panels["home"] = selectors.teacher_home(user=user)
            panels["learning"] = learning.home_panels(user=user, role=role, basis=basis)
            panels["waiting"] = selectors.something_waits(learning=panels["learning"])
        case "coordinator":
            panels["programmes"] = list(selectors.coordinator_programmes(user=user))
            panels["pairs_waiting"] = selectors.pairs_waiting(panels["programmes"])
            panels["rounds_to_answer"] = leadership.rounds_to_answer(user=user)
            panels["warnings"] = warning_counts(user=user)
            panels["equality"] = {
                "handles_cases": equality.is_case_handler(user=user),
                "names_handlers": equality.handler_managed_programmes(user=user).exists(),
            }
        case "manager":
            panels["workplaces"] = list(selectors.manager_workplaces(user=user))
            panels["rounds_to_answer"] = leadership.rounds_to_answer(user=user)
    return {
        key: list(value) if isinstance(value, QuerySet) else value for key, value in panels.items()
    }


def cache_key(*, user: User, role: str) -> str:
    day = timezone.localdate().isoformat()
    return f"smile:home:{role}:{user.pk}:{translation.get_language()}:{day}"


def panels(*, user: User, role: str) -> dict[str, Any]:
    """Her home's panels: from the cache while the data is unchanged, else built and kept."""
    seconds = settings.HOME_CACHE_SECONDS
    if not seconds:
        return build(user=user, role=role)
    key = cache_key(user=user, role=role)
    found = cache.get_many([freshness.STAMP_KEY, key])
    stamp = found.get(freshness.STAMP_KEY)
    kept = found.get(key)
    if stamp is None:
        stamp = freshness.renew()
    elif kept is not None and kept[0] == stamp:
        result: dict[str, Any] = kept[1]
        return result
    built = build(user=user, role=role)
    cache.set(key, (stamp, built), timeout=seconds)
    return built
