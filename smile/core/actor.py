"""The person behind a request, and the roles she holds.

Roles come from the domains (memberships of organisations, enrolments in programmes), which core
does not know: each domain registers a *role source* when its app is ready. What a domain works
out about a person once per request (her memberships, say) is kept on the actor, so a page that
asks twenty policies reads them once.
"""

from collections.abc import Callable, Iterable
from typing import Any, Protocol

from django.contrib.auth.models import AnonymousUser

from smile.core.roles import HOME_ORDER, Role


class Person(Protocol):
    """What the policies need of a user (the accounts app's `User` has it)."""

    @property
    def pk(self) -> Any: ...
    @property
    def is_authenticated(self) -> bool: ...
    @property
    def is_active(self) -> bool: ...
    @property
    def is_superuser(self) -> bool: ...


AnyUser = Person | AnonymousUser

RoleSource = Callable[[Person], Iterable[str]]
_ROLE_SOURCES: list[RoleSource] = []


def register_role_source(source: RoleSource) -> RoleSource:
    """Add a way of holding roles (called from a domain's `AppConfig.ready`)."""
    if source not in _ROLE_SOURCES:
        _ROLE_SOURCES.append(source)
    return source


def person(user: AnyUser | None) -> Person | None:
    """The signed-in, active person, or None for anyone else."""
    if user is None or not user.is_authenticated or not user.is_active:
        return None
    return user


def remember[T](user: Person, key: str, compute: Callable[[], T]) -> T:
    """`compute()` once per user object (that is, once per request)."""
    cache: dict[str, Any] = user.__dict__.setdefault("_smile_actor", {})
    if key not in cache:
        cache[key] = compute()
    value: T = cache[key]
    return value


def is_installation_admin(user: AnyUser | None) -> bool:
    found = person(user)
    return found is not None and bool(found.is_superuser)


def roles_of(user: AnyUser | None) -> list[str]:
    """Every role the person holds, in the order her home pages are offered."""
    found = person(user)
    if found is None:
        return []

    def compute() -> list[str]:
        held: set[str] = set()
        for source in _ROLE_SOURCES:
            held.update(source(found))
        if found.is_superuser:
            held.add(Role.ADMINISTRATOR)
        return [str(role) for role in HOME_ORDER if role in held]

    return remember(found, "roles", compute)


class _System:
    """The installation itself acting (the demo loader, a management command, the test cast):
    allowed what an installation administrator is, and named so it is easy to find."""

    pk = None
    is_authenticated = True
    is_active = True
    is_superuser = True

    def __str__(self) -> str:
        return "system"


SYSTEM: Person = _System()
