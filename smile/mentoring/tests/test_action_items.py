"""Things to do: on both homes until done, ticked by either side, reminded once when due."""

from collections.abc import Callable
from datetime import date, timedelta
from typing import Any

import pytest
from django.core import mail
from django.db import connection
from django.template.loader import render_to_string
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from smile.accounts.models import User
from smile.core.errors import ApplicationError, NotAllowed
from smile.core.jobs import discover_periodic_jobs
from smile.core.tests.worker import run_worker
from smile.matching.models import Pair, PairStatus
from smile.mentoring.logs import selectors
from smile.mentoring.logs.services import (
    action_item_create,
    action_item_done,
    action_item_reopen,
    meeting_log_create,
)
from smile.mentoring.logs.tasks import remind_due_action_items
from smile.mentoring.models import ActionItem, Dimension
from smile.notifications.models import Kind, Notification
from tests.cast import Cast
from tests.pages import body_of


def today() -> date:
    """Read at each use: a run that passes midnight must not use yesterday's date."""
    return timezone.localdate()


HOME = {"adept": "/home/adept/", "mentor": "/home/mentor/"}


def item_for(
    cast: Cast, owner: User, title: str, due_on: date, by: User | None = None
) -> ActionItem:
    return ActionItem.objects.create(
        pair=cast.pair, title=title, owner=owner, due_on=due_on, created_by=by or cast.bob
    )


def done_url(item: ActionItem) -> str:
    return f"/mentoring/actions/{item.pk}/done/"


# --- services ---------------------------------------------------------------------------------


def test_either_side_adds_something_to_do_and_the_owner_is_told(cast: Cast) -> None:
    due = today() + timedelta(days=5)
    item = action_item_create(
        pair=cast.pair, by=cast.dana, title=" Send the timetable ", owner=cast.bob, due_on=due
    )
    assert (item.title, item.owner, item.created_by, item.log) == (
        "Send the timetable",
        cast.bob,
        cast.dana,
        None,
    )
    notification = Notification.objects.get()
    assert (notification.recipient, notification.kind, notification.params) == (
        cast.bob,
        Kind.ACTION_ASSIGNED,
        {"name": "Dana Darwish", "title": "Send the timetable", "due_on": due.isoformat()},
    )


@pytest.mark.parametrize(
    ("who", "owner", "title", "due_days", "message"),
    [
        ("bob", "erin", "Ask", 1, "Only the adept or the mentor can be given something to do."),
        ("bob", "dana", "  ", 1, "Write what is to be done."),
        ("bob", "dana", "Ask", -1, "The date to do it by cannot be in the past."),
    ],
)
def test_action_item_rules(
    cast: Cast, who: str, owner: str, title: str, due_days: int, message: str
) -> None:
    with pytest.raises(ApplicationError) as caught:
        action_item_create(
            pair=cast.pair,
            by=getattr(cast, who),
            title=title,
            owner=getattr(cast, owner),
            due_on=today() + timedelta(days=due_days),
        )
    assert caught.value.message == message
    assert not ActionItem.objects.exists() and not Notification.objects.exists()


def test_done_records_who_and_when_and_twice_says_so(cast: Cast) -> None:
    item = item_for(cast, cast.dana, "Ask", today())
    done = action_item_done(item=item, by=cast.dana)
    assert done.done_by == cast.dana and done.done_at is not None
    first = done.done_at
    with pytest.raises(ApplicationError) as caught:
        action_item_done(item=item, by=cast.dana)
    assert caught.value.message == "This is already marked as done."
    item.refresh_from_db()
    assert (item.done_at, item.done_by) == (first, cast.dana)


def test_reopen_undoes_a_mistaken_tick(cast: Cast) -> None:
    item = item_for(cast, cast.dana, "Ask", today())
    action_item_done(item=item, by=cast.dana)
    reopened = action_item_reopen(item=item, by=cast.dana)
    assert (reopened.done_at, reopened.done_by) == (None, None)
    with pytest.raises(ApplicationError) as caught:
        action_item_reopen(item=item, by=cast.dana)
    assert caught.value.message == "This is not marked as done."


def test_a_finished_pair_cannot_tick(cast: Cast) -> None:
    item = item_for(cast, cast.dana, "Ask", today())
    Pair.objects.filter(pk=cast.pair.pk).update(status=PairStatus.COMPLETED)
    with pytest.raises(ApplicationError):
        action_item_done(item=item, by=cast.dana)
    item.refresh_from_db()
    assert item.done_at is None


# --- homes and views --------------------------------------------------------------------------


def test_an_action_from_a_log_shows_on_both_homes_until_done(cast: Cast, login) -> None:
    meeting_log_create(
        pair=cast.pair,
        by=cast.bob,
        held_on=today(),
        minutes=60,
        checkins={dimension: (4, "") for dimension in Dimension.values},
        action_items=[("Ask about safety shoes", cast.dana, today() + timedelta(days=2))],
    )
    item = ActionItem.objects.get()
    # Her home lists it among her own things (no need to say who); his among his adepts'.
    shown = {"adept": ("My things to do", False), "mentor": ("Things my adepts do", True)}
    for user, role in [(cast.dana, "adept"), (cast.bob, "mentor")]:
        content = body_of(login(user).get(HOME[role]))
        heading, says_who = shown[role]
        assert heading in content
        # Written while bob used SMILE in English: the title carries its language.
        assert '<strong><bdi lang="en" dir="auto">Ask about safety shoes</bdi></strong>' in content
        assert ("Who does it: <bdi>Dana Darwish</bdi>" in content) is says_who

    response = login(cast.dana).post(done_url(item), {"next": HOME["adept"]})
    assert response.status_code == 302 and response["Location"] == HOME["adept"]
    item.refresh_from_db()
    assert item.done_by == cast.dana and item.done_at is not None
    for user, role in [(cast.dana, "adept"), (cast.bob, "mentor")]:
        content = body_of(login(user).get(HOME[role]))
        assert "Ask about safety shoes" not in content
    # The pair page still shows it, done; only she (who did it) can undo it, not the mentor.
    content = body_of(login(cast.dana).get(f"/mentoring/pairs/{cast.pair.pk}/"))
    assert "Done lately" in content and "Ask about safety shoes" in content
    assert "Not done after all" in content
    content = body_of(login(cast.bob).get(f"/mentoring/pairs/{cast.pair.pk}/"))
    assert "Done lately" in content and "Ask about safety shoes" in content
    assert "Not done after all" not in content


def test_only_the_one_who_does_it_ticks_it_in_the_service(cast: Cast) -> None:
    danas = item_for(cast, cast.dana, "Ask about gloves", today())
    bobs = item_for(cast, cast.bob, "Show the furnace", today())
    with pytest.raises(NotAllowed):
        action_item_done(item=danas, by=cast.bob)
    with pytest.raises(NotAllowed):
        action_item_done(item=bobs, by=cast.dana)
    action_item_done(item=danas, by=cast.dana)
    with pytest.raises(NotAllowed):
        action_item_reopen(item=danas, by=cast.bob)
    danas.refresh_from_db()
    bobs.refresh_from_db()
    assert (danas.done_by, bobs.done_at) == (cast.dana, None)


def test_only_the_one_who_does_it_ticks_it_on_the_pair_page(cast: Cast, login) -> None:
    danas = item_for(cast, cast.dana, "Ask about gloves", today())
    bobs = item_for(cast, cast.bob, "Show the furnace", today())
    page = f"/mentoring/pairs/{cast.pair.pk}/"
    # The pair page offers "Done" on one's own item only.
    content = body_of(login(cast.bob).get(page))
    assert f"/mentoring/actions/{bobs.pk}/done/" in content
    assert f"/mentoring/actions/{danas.pk}/done/" not in content
    content = body_of(login(cast.dana).get(page))
    assert f"/mentoring/actions/{danas.pk}/done/" in content
    assert f"/mentoring/actions/{bobs.pk}/done/" not in content
    # The other side's item: seen, so 403; a stranger and the coordinator: 404.
    assert login(cast.bob).post(f"/mentoring/actions/{danas.pk}/done/").status_code == 403
    assert login(cast.dana).post(f"/mentoring/actions/{bobs.pk}/done/").status_code == 403
    assert login(cast.alice).post(f"/mentoring/actions/{danas.pk}/done/").status_code == 404
    assert login(cast.erin).post(f"/mentoring/actions/{danas.pk}/done/").status_code == 404
    assert login(cast.dana).post(f"/mentoring/actions/{danas.pk}/done/").status_code == 302
    assert login(cast.bob).post(f"/mentoring/actions/{danas.pk}/reopen/").status_code == 403
    assert login(cast.bob).post(f"/mentoring/actions/{bobs.pk}/done/").status_code == 302
    danas.refresh_from_db()
    bobs.refresh_from_db()
    assert (danas.done_by, bobs.done_by) == (cast.dana, cast.bob)


def test_her_own_items_come_first_and_late_is_written_in_words(cast: Cast, login) -> None:
    item_for(cast, cast.bob, "Bob early thing", today() - timedelta(days=3))
    item_for(cast, cast.dana, "Dana later thing", today() + timedelta(days=4))
    item_for(cast, cast.dana, "Dana late thing", today() - timedelta(days=1))
    content = body_of(login(cast.dana).get(HOME["adept"]))
    late = content.index("Dana late thing")
    later = content.index("Dana later thing")
    bobs = content.index("Bob early thing")
    assert late < later < bobs
    assert content.count("– <strong>late</strong>") == 2
    content = body_of(login(cast.bob).get(HOME["mentor"]))
    assert content.index("Bob early thing") < content.index("Dana late thing")
    assert "Mentorship with <bdi>Dana Darwish</bdi>" in content


def test_ticking_done_returns_only_to_a_local_page(cast: Cast, login) -> None:
    item = item_for(cast, cast.dana, "Ask", today())
    response = login(cast.dana).post(done_url(item), {"next": "https://evil.example/home/"})
    assert (response.status_code, response["Location"]) == (
        302,
        f"/mentoring/pairs/{cast.pair.pk}/",
    )
    response = login(cast.dana).post(done_url(item), {"next": "//evil.example/"}, follow=True)
    assert response.redirect_chain == [(f"/mentoring/pairs/{cast.pair.pk}/", 302)]
    assert "This is already marked as done." in body_of(response)


def test_done_is_post_only(cast: Cast, login) -> None:
    item = item_for(cast, cast.dana, "Ask", today())
    assert login(cast.dana).get(done_url(item)).status_code == 405
    item.refresh_from_db()
    assert item.done_at is None


@pytest.mark.parametrize("who", ["charlie", "erin", "tess", "alice"])
def test_others_cannot_tick_or_add(cast: Cast, login, who: str) -> None:
    item = item_for(cast, cast.dana, "Ask", today())
    client = login(getattr(cast, who))
    assert client.post(done_url(item)).status_code == 404
    assert client.post(f"/mentoring/actions/{item.pk}/reopen/").status_code == 404
    new_url = f"/mentoring/pairs/{cast.pair.pk}/actions/new/"
    assert client.get(new_url).status_code == 404
    data = {"title": "X", "owner": "adept", "due_on": today().isoformat()}
    assert client.post(new_url, data).status_code == 404
    item.refresh_from_db()
    assert item.done_at is None
    assert ActionItem.objects.count() == 1


def test_the_coordinator_sees_the_items_on_the_pair_page_without_buttons(cast: Cast, login) -> None:
    item_for(cast, cast.dana, "Ask about safety shoes", today())
    content = body_of(login(cast.alice).get(f"/mentoring/pairs/{cast.pair.pk}/"))
    assert "Ask about safety shoes" in content
    assert "Done<span" not in content


def test_the_adept_adds_something_to_do_for_her_mentor(cast: Cast, login) -> None:
    url = f"/mentoring/pairs/{cast.pair.pk}/actions/new/"
    client = login(cast.dana)
    content = body_of(client.get(url))
    assert '<option value="mentor">Bob Berg (Mentor)</option>' in content
    due = (today() + timedelta(days=3)).isoformat()
    response = client.post(url, {"title": "Show me the crane", "owner": "mentor", "due_on": due})
    assert (
        response.status_code == 302 and response["Location"] == f"/mentoring/pairs/{cast.pair.pk}/"
    )
    item = ActionItem.objects.get()
    assert (item.title, item.owner, item.created_by) == ("Show me the crane", cast.bob, cast.dana)
    assert Notification.objects.get().recipient == cast.bob


def test_adding_with_bad_input_keeps_what_was_typed(cast: Cast, login) -> None:
    url = f"/mentoring/pairs/{cast.pair.pk}/actions/new/"
    past = (today() - timedelta(days=1)).isoformat()
    response = login(cast.dana).post(
        url, {"title": "Show me the crane", "owner": "mentor", "due_on": past}
    )
    assert response.status_code == 200
    content = response.content.decode()
    assert "The date to do it by cannot be in the past." in content
    assert 'value="Show me the crane"' in content
    assert '<option value="mentor" selected>' in content
    response = login(cast.dana).post(url, {"title": "", "owner": "", "due_on": ""})
    assert response.status_code == 200
    assert response.context["form"].errors.keys() == {"title", "owner", "due_on"}
    assert not ActionItem.objects.exists()


def test_reopen_brings_it_back_on_the_homes(cast: Cast, login) -> None:
    item = item_for(cast, cast.dana, "Ask about safety shoes", today())
    action_item_done(item=item, by=cast.dana)
    response = login(cast.dana).post(f"/mentoring/actions/{item.pk}/reopen/")
    assert response.status_code == 302
    item.refresh_from_db()
    assert item.done_at is None
    assert "Ask about safety shoes" in body_of(login(cast.dana).get(HOME["adept"]))


# --- query counts -----------------------------------------------------------------------------


def _add(cast: Cast, count: int) -> None:
    for number in range(count):
        meeting_log_create(
            pair=cast.pair,
            by=cast.bob,
            held_on=today() - timedelta(days=number),
            minutes=30,
            checkins={dimension: (3, "x") for dimension in Dimension.values},
            notes="n",
        )
        item_for(cast, cast.dana if number % 2 else cast.bob, f"Thing {number}", today())
        done = item_for(cast, cast.dana, f"Done thing {number}", today())
        action_item_done(item=done, by=cast.dana)


def _counted(template: str, panel_of: Callable[[], dict[str, Any]]) -> tuple[int, str]:
    """The panel's own queries, as a request sees them: its selector and its partial, for a
    reader fresh from the database (the page shell's context processors are not counted)."""
    request = RequestFactory().get("/")
    with CaptureQueriesContext(connection) as queries:
        html = render_to_string(template, {"panel": panel_of(), "request": request})
    return len(queries), html


def _panels(cast: Cast) -> dict[str, tuple[int, str]]:
    dana = User.objects.get(pk=cast.dana.pk)
    bob = User.objects.get(pk=cast.bob.pk)
    bob_again = User.objects.get(pk=cast.bob.pk)
    return {
        "adept home": _counted(
            "mentoring/logs/_home.html", lambda: selectors.for_home(user=dana, role="adept")
        ),
        "mentor home": _counted(
            "mentoring/logs/_home.html", lambda: selectors.for_home(user=bob, role="mentor")
        ),
        "pair": _counted(
            "mentoring/logs/_pair.html",
            lambda: selectors.for_pair(user=bob_again, pair=Pair.objects.get(pk=cast.pair.pk)),
        ),
    }


def test_the_panels_take_the_same_queries_for_2_and_5_rows(cast: Cast) -> None:
    _add(cast, 2)
    two = _panels(cast)
    _add(cast, 3)
    five = _panels(cast)
    assert five["pair"][1].count("Inclusion: Okay") == 5
    assert five["mentor home"][1].count("Who does it") == 5
    # Homes: her live pairs with their people (1, the home's basis, shared with the other panels
    # on the page), the open items with their owners (1); the mentor's enrolments (1, the basis),
    # her minutes per programme (1) and her workplace's committed budget (1, leadership's provider
    # of `smile.mentoring.time_budget`). Pair: the pair as given (1), the reader's memberships for
    # the access rules (1), the logs (1) and their check-ins (1), the items with their people (1),
    # "may she write?" (1), the pair's mentor (1), the mentor's time (3, with the budget).
    assert {name: count for name, (count, _html) in two.items()} == {
        "adept home": 2,
        "mentor home": 5,
        "pair": 10,
    }
    assert {name: count for name, (count, _html) in five.items()} == {
        "adept home": 2,
        "mentor home": 5,
        "pair": 10,
    }


# --- the due reminders, with the real worker --------------------------------------------------


def run_the_worker() -> None:
    run_worker()


# The worker commits (and closes its connection) as it does in production, so the tests that
# run it use real transactions.
@pytest.mark.django_db(transaction=True)
def test_the_daily_job_tells_owners_about_items_due_tomorrow_or_late_once(cast: Cast) -> None:
    tomorrow = item_for(cast, cast.dana, "Tomorrow", today() + timedelta(days=1))
    late = item_for(cast, cast.bob, "Late", today() - timedelta(days=2))
    item_for(cast, cast.dana, "Later", today() + timedelta(days=2))
    done = item_for(cast, cast.dana, "Done", today() - timedelta(days=1))
    action_item_done(item=done, by=cast.dana)
    earlier = timezone.now() - timedelta(days=1)
    reminded_before = item_for(cast, cast.dana, "Reminded", today())
    ActionItem.objects.filter(pk=reminded_before.pk).update(reminded_at=earlier)

    remind_due_action_items.enqueue()
    run_the_worker()

    sent = Notification.objects.filter(kind=Kind.ACTION_DUE).order_by("-recipient__email")
    assert [(n.recipient, n.params, n.url) for n in sent] == [
        (
            cast.dana,
            {"title": "Tomorrow", "due_on": tomorrow.due_on.isoformat()},
            f"/mentoring/pairs/{cast.pair.pk}/",
        ),
        (
            cast.bob,
            {"title": "Late", "due_on": late.due_on.isoformat()},
            f"/mentoring/pairs/{cast.pair.pk}/",
        ),
    ]
    reminded = dict(ActionItem.objects.values_list("title", "reminded_at"))
    assert reminded["Tomorrow"] is not None and reminded["Late"] is not None
    assert reminded["Later"] is None and reminded["Done"] is None
    assert reminded["Reminded"] == earlier

    # Run again: the e-mails queued by the first run go out; no reminder is sent twice.
    remind_due_action_items.enqueue()
    run_the_worker()
    run_the_worker()
    assert Notification.objects.filter(kind=Kind.ACTION_DUE).count() == 2
    assert sorted(message.to[0] for message in mail.outbox) == [
        "bob@gjuteri.example",
        "dana@elev.example",
    ]


def test_the_job_is_registered_to_run_daily() -> None:
    job = discover_periodic_jobs()[remind_due_action_items.module_path]
    assert (job.task, job.every) == (remind_due_action_items, timedelta(hours=24))


@pytest.mark.django_db(transaction=True)
def test_items_of_a_finished_pair_are_not_reminded(cast: Cast) -> None:
    item_for(cast, cast.dana, "Tomorrow", today() + timedelta(days=1))
    Pair.objects.filter(pk=cast.pair.pk).update(status=PairStatus.COMPLETED)
    remind_due_action_items.enqueue()
    run_the_worker()
    assert not Notification.objects.exists()
