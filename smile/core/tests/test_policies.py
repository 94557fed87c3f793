"""The policy registry: one load-and-authorise helper, grants from higher domains, and services'
`require`. Tried on core's own model with a policy made for the test, so core needs no domain."""

from collections.abc import Iterator
from datetime import UTC, datetime

import pytest
from django.contrib.auth.models import AnonymousUser
from django.db.models import Q, QuerySet
from django.http import Http404

from smile.core import policies
from smile.core.actor import AnyUser
from smile.core.errors import NotAllowed
from smile.core.models import PeriodicJobRun


class Reader:
    """A person as the policies see one."""

    def __init__(self, pk: int, *, superuser: bool = False) -> None:
        self.pk = pk
        self.is_authenticated = True
        self.is_active = True
        self.is_superuser = superuser


def runs_named_for(user: object) -> QuerySet[PeriodicJobRun]:
    """The test's rule: a reader sees the runs whose name ends with her number."""
    return PeriodicJobRun.objects.filter(name__endswith=f"-{getattr(user, 'pk', 'x')}")


def nothing(user: object) -> QuerySet[PeriodicJobRun]:
    return PeriodicJobRun.objects.none()


@pytest.fixture
def registered() -> Iterator[None]:
    saved_actions = dict(policies._ACTIONS.get(PeriodicJobRun, {}))
    saved_grounds = list(policies._GROUNDS.get(PeriodicJobRun, []))
    policies.register(PeriodicJobRun, view=runs_named_for, change=nothing)
    yield
    policies._ACTIONS[PeriodicJobRun] = saved_actions
    policies._GROUNDS[PeriodicJobRun] = saved_grounds


@pytest.fixture
def runs(db: None) -> list[PeriodicJobRun]:
    at = datetime(2026, 12, 1, 8, 0, tzinfo=UTC)
    return [
        PeriodicJobRun.objects.create(name="job-1", last_enqueued_at=at),
        PeriodicJobRun.objects.create(name="job-2", last_enqueued_at=at),
    ]


def test_load_returns_what_the_policy_allows(registered: None, runs: list) -> None:
    assert policies.load(Reader(1), PeriodicJobRun, runs[0].pk).name == "job-1"


def test_load_is_a_404_for_what_the_policy_refuses(registered: None, runs: list) -> None:
    with pytest.raises(Http404):
        policies.load(Reader(1), PeriodicJobRun, runs[1].pk)
    with pytest.raises(Http404):
        policies.load(Reader(1), PeriodicJobRun, runs[0].pk, to=policies.CHANGE)


def test_load_is_a_404_for_a_key_that_is_not_a_number(registered: None, runs: list) -> None:
    with pytest.raises(Http404):
        policies.load(Reader(1), PeriodicJobRun, "abc")


def test_an_action_nobody_registered_is_a_programming_error(registered: None) -> None:
    with pytest.raises(LookupError, match="no policy for 'publish' on PeriodicJobRun"):
        policies.allowed(Reader(1), PeriodicJobRun, "publish")


def test_require_refuses_with_not_allowed(registered: None, runs: list) -> None:
    policies.require(Reader(2), policies.VIEW, runs[1])
    with pytest.raises(NotAllowed):
        policies.require(Reader(2), policies.VIEW, runs[0])
    with pytest.raises(NotAllowed):
        policies.require(Reader(2), policies.CHANGE, runs[1])


def test_a_grant_from_another_domain_widens_who_sees(registered: None, runs: list) -> None:
    def grounded_view(user: AnyUser) -> QuerySet[PeriodicJobRun]:
        return PeriodicJobRun.objects.filter(
            Q(name__endswith=f"-{getattr(user, 'pk', 'x')}")
            | policies.any_of(policies.granted(PeriodicJobRun, user))
        )

    policies.register(PeriodicJobRun, view=grounded_view)
    assert policies.can_view(Reader(1), runs[1]) is False
    policies.grant(PeriodicJobRun, lambda user: Q(name="job-2") if user.pk == 1 else None)
    assert policies.can_view(Reader(1), runs[1]) is True
    assert policies.can_view(Reader(3), runs[1]) is False


def test_any_of_leaves_out_what_does_not_apply(db: None) -> None:
    assert policies.any_of(None, None) == policies.NOTHING
    assert policies.any_of(None, Q(name="a")) == Q(name="a")
    assert policies.any_of(Q(name="a"), None, Q(name="b")) == Q(name="a") | Q(name="b")


def test_anonymous_readers_get_nothing(registered: None, runs: list) -> None:
    assert list(policies.allowed(AnonymousUser(), PeriodicJobRun)) == []
