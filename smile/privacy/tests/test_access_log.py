"""The privacy app on its own: `access_record` writes one row and refuses bad ones; "Who has seen
my information" shows a person her own rows only, in words, a page at a time.

The records here are enrolments (the privacy app may not import the domains above it); the
life-situation check-in, the record that is logged in SMILE today, is tested from mentoring
(`smile/mentoring/tests/test_life_privacy.py`).
"""

import re

import pytest
from django.core.exceptions import ValidationError
from django.test import Client

from smile.privacy.models import AccessAction, AccessLog
from smile.privacy.services import access_record
from smile.programmes.models import Enrolment
from tests.cast import Cast
from tests.pages import body_of

LOG_PAGE = "/privacy/access-log/"


def log_rows(content: str) -> list[tuple[str, str, str]]:
    cells = re.findall(
        r"<tr>\s*<td[^>]*>[^<]*</td>\s*<td[^>]*>(.*?)</td>\s*<td[^>]*>(.*?)</td>\s*<td[^>]*>(.*?)</td>",
        content,
    )
    return [(re.sub(r"</?bdi>", "", who), what, record) for who, what, record in cells]


def test_it_writes_who_about_whom_which_record_and_what(cast: Cast) -> None:
    entry = access_record(
        actor=cast.alice, subject=cast.dana, record=cast.dana_enrolment, action=AccessAction.UPDATE
    )
    assert list(
        AccessLog.objects.values_list("actor", "subject", "record_type", "record_id", "action")
    ) == [(cast.alice.pk, cast.dana.pk, "programmes.enrolment", cast.dana_enrolment.pk, "update")]
    assert entry.at is not None


def test_it_refuses_an_unknown_action_and_writes_nothing(cast: Cast) -> None:
    with pytest.raises(ValidationError):
        access_record(
            actor=cast.alice, subject=cast.dana, record=cast.dana_enrolment, action="peek"
        )
    assert AccessLog.objects.count() == 0


def test_it_refuses_a_record_that_is_not_saved(cast: Cast) -> None:
    with pytest.raises(AssertionError, match="log an access to a saved record"):
        access_record(actor=cast.alice, subject=cast.dana, record=Enrolment(), action="view")
    assert AccessLog.objects.count() == 0


def test_the_page_lists_her_own_rows_in_words_newest_first(cast: Cast, login) -> None:
    record = cast.dana_enrolment
    access_record(actor=cast.dana, subject=cast.dana, record=record, action="create")
    access_record(actor=cast.bob, subject=cast.dana, record=record, action="view")
    access_record(actor=cast.alice, subject=cast.dana, record=record, action="update")
    access_record(actor=cast.alice, subject=cast.erin, record=cast.erin_enrolment, action="view")
    content = body_of(login(cast.dana).get(LOG_PAGE))
    assert re.findall(r"<h1>(.*?)</h1>", content) == ["Who has seen my information"]
    assert log_rows(content) == [
        ("Alice Andersson", "changed", "programmes.enrolment"),
        ("Bob Berg", "read", "programmes.enrolment"),
        ("You", "wrote", "programmes.enrolment"),
    ]


def test_a_reader_who_left_is_named_as_such(cast: Cast, login) -> None:
    access_record(actor=cast.bob, subject=cast.dana, record=cast.dana_enrolment, action="view")
    cast.bob.delete()
    content = body_of(login(cast.dana).get(LOG_PAGE))
    assert log_rows(content) == [
        ("A person who no longer uses SMILE", "read", "programmes.enrolment")
    ]
    assert AccessLog.objects.get().actor is None


def test_each_person_sees_only_her_own_log_whatever_she_asks(cast: Cast, login) -> None:
    access_record(actor=cast.bob, subject=cast.dana, record=cast.dana_enrolment, action="view")
    for who in (cast.alice, cast.bob, cast.erin, cast.mona, cast.tess, cast.charlie):
        client = login(who)
        for url in (
            LOG_PAGE,
            f"{LOG_PAGE}?user={cast.dana.pk}",
            f"{LOG_PAGE}?subject={cast.dana.pk}",
        ):
            content = body_of(client.get(url))
            assert log_rows(content) == [], (who.email, url)
            assert "No one has read or written your private information yet." in content


def test_it_pages_fifty_rows_and_bad_page_numbers_do_no_harm(cast: Cast, login) -> None:
    for _ in range(51):
        access_record(actor=cast.bob, subject=cast.dana, record=cast.dana_enrolment, action="view")
    client = login(cast.dana)
    first = body_of(client.get(LOG_PAGE))
    assert (len(log_rows(first)), "Page 1 of 2" in first, 'href="?page=2"' in first) == (
        50,
        True,
        True,
    )
    second = body_of(client.get(f"{LOG_PAGE}?page=2"))
    assert (len(log_rows(second)), "Page 2 of 2" in second) == (1, True)
    # Not a number: the first page; past the end: the last page. Never an error.
    assert len(log_rows(body_of(client.get(f"{LOG_PAGE}?page=abc")))) == 50
    assert "Page 2 of 2" in body_of(client.get(f"{LOG_PAGE}?page=999"))


def test_it_needs_a_login(client: Client, cast: Cast) -> None:
    response = client.get(LOG_PAGE)
    assert (response.status_code, response["Location"]) == (
        302,
        "/accounts/login/?next=/privacy/access-log/",
    )
