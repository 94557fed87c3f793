"""One invitation accepted twice at the same moment (a double click, two tabs): one account, one
role, and a clear answer for the second, never a 500.

PostgreSQL only, as the other races: SQLite's in-memory test database cannot run two writers.
Run with DATABASE_URL=postgres://postgres@127.0.0.1:5432/smile_dev pytest <this file>.
"""

import re
import threading
from collections.abc import Callable
from typing import Any

import pytest
from django.core import mail
from django.db import connection
from django.test import Client

from smile.accounts.models import Invitation, User
from smile.accounts.services import invitation_create
from smile.organisations.models import Membership
from tests.cast import Cast, build_cast

pytestmark = [
    pytest.mark.skipif(connection.vendor != "postgresql", reason="needs two database writers"),
    pytest.mark.django_db(transaction=True),
]


def race(*calls: Callable[[], Any]) -> list[Any]:
    """Run the calls in threads released at the same moment; return each response or error."""
    barrier = threading.Barrier(len(calls))
    results: list[Any] = [None] * len(calls)

    def run(i: int, call: Callable[[], Any]) -> None:
        try:
            barrier.wait()
            results[i] = call()
        except Exception as error:
            results[i] = error
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=(i, c)) for i, c in enumerate(calls)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    return results


def invitation_link(cast: Cast, email: str, **overrides: object) -> str:
    fields: dict[str, Any] = {
        "full_name": "Nadia Noor",
        "organisation": cast.foundry,
        "role": "mentor",
        "workplace": cast.moulding,
    } | overrides
    invitation_create(
        invited_by=cast.alice, email=email, language="en", base_url="http://testserver/", **fields
    )
    body = str(mail.outbox[-1].body)
    match = re.search(r"http://testserver(/accounts/invitation/[^/\s]+/)", body)
    assert match
    return match.group(1)


def visitor() -> Client:
    client = Client(raise_request_exception=False)
    client.cookies["smile_language"] = "en"
    return client


def test_two_new_accounts_at_once_make_one_and_the_second_is_told_why() -> None:
    cast = build_cast()
    link = invitation_link(cast, "nadia@elev.example")
    data = {"full_name": "Nadia Noor", "password1": "kopparfisk-17", "password2": "kopparfisk-17"}

    results = race(lambda: visitor().post(link, data), lambda: visitor().post(link, data))

    assert sorted(r.status_code for r in results) == [302, 410], results
    refused = next(r for r in results if r.status_code == 410)
    content = refused.content.decode()
    assert "This invitation has already been used. Log in instead." in content
    assert 'href="/accounts/login/"' in content
    user = User.objects.get(email="nadia@elev.example")
    assert Membership.objects.filter(user=user, role="mentor").count() == 1
    assert Invitation.objects.get().accepted_by == user


def test_a_double_click_by_a_logged_in_person_gives_one_role() -> None:
    cast = build_cast()
    link = invitation_link(
        cast, "erin@elev.example", role="adept", organisation=cast.savsjo, workplace=None
    )

    def accept() -> Any:
        client = visitor()
        client.force_login(cast.erin, backend="django.contrib.auth.backends.ModelBackend")
        return client.post(link)

    results = race(accept, accept)

    assert sorted(r.status_code for r in results) == [302, 410], results
    assert (
        Membership.objects.filter(user=cast.erin, organisation=cast.savsjo, role="adept").count()
        == 1
    )
