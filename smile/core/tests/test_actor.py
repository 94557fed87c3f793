"""The actor: roles come from the sources the domains register, in the order of the homes."""

from collections.abc import Iterator

import pytest
from django.contrib.auth.models import AnonymousUser

from smile.core import actor


class Someone:
    def __init__(self, pk: int, *, superuser: bool = False, active: bool = True) -> None:
        self.pk = pk
        self.is_authenticated = True
        self.is_active = active
        self.is_superuser = superuser


@pytest.fixture
def only_test_sources() -> Iterator[None]:
    saved = list(actor._ROLE_SOURCES)
    actor._ROLE_SOURCES.clear()
    actor.register_role_source(lambda user: {"manager", "mentor"} if user.pk == 1 else set())
    actor.register_role_source(lambda user: {"adept"} if user.pk == 1 else set())
    yield
    actor._ROLE_SOURCES[:] = saved


def test_roles_are_gathered_and_ordered_for_the_homes(only_test_sources: None) -> None:
    assert actor.roles_of(Someone(1)) == ["adept", "mentor", "manager"]


def test_an_installation_administrator_has_the_administrator_role(only_test_sources: None) -> None:
    assert actor.roles_of(Someone(2, superuser=True)) == ["administrator"]


def test_nobody_signed_in_or_closed_has_no_role(only_test_sources: None) -> None:
    assert actor.roles_of(AnonymousUser()) == []
    assert actor.roles_of(Someone(1, active=False)) == []
    assert actor.roles_of(None) == []


def test_roles_are_read_once_per_person_object(only_test_sources: None) -> None:
    calls: list[int] = []

    def counting(user: actor.Person) -> set[str]:
        calls.append(user.pk)
        return set()

    actor.register_role_source(counting)
    person = Someone(1)
    actor.roles_of(person)
    actor.roles_of(person)
    assert calls == [1]
