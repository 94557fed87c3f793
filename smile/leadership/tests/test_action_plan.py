"""The action plan: actions made by hand or from a gap in one click, followed up at management's
meetings whose decisions change the plan, and reminded through the worker."""

from datetime import date, timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from smile.core.errors import ApplicationError, NotAllowed
from smile.core.jobs import discover_periodic_jobs
from smile.core.tests.worker import run_worker
from smile.leadership.models import Action, Decision, FollowUpMeeting
from smile.leadership.services import (
    action_create,
    action_from_statement,
    actions_remind_due,
    assessment_round_open,
)
from smile.leadership.tasks import remind_due_actions
from smile.leadership.tests.fixtures import add_mentors, answer_all, close, every, other_manager
from smile.notifications.models import Kind, Notification
from tests.cast import Cast
from tests.pages import body_of


def today() -> date:
    return timezone.localdate()


def an_action(cast: Cast, title: str = "Ge mentorerna två timmar i veckan", **kw: object) -> Action:
    values: dict[str, object] = {
        "actor": cast.mona,
        "workplace": cast.moulding,
        "dimension": "support",
        "title": title,
        "owner": cast.mona,
        "due_on": today() + timedelta(days=30),
    } | kw
    return action_create(**values)  # type: ignore[arg-type]


def test_an_action_by_hand_tells_its_owner(cast: Cast, login) -> None:
    client = login(cast.mona)
    url = f"/leadership/workplaces/{cast.moulding.pk}/actions/new/"
    body = body_of(client.get(url))
    # Who may be responsible: the workplace's manager and the programme's coordinator.
    assert ">Alice Andersson</option>" in body and ">Mona Magnusson</option>" in body
    assert "Bob Berg" not in body
    data = {
        "title": "Boka mentorsutbildning",
        "dimension": "learning",
        "owner": cast.alice.pk,
        "due_on": "",
    }
    body = body_of(client.post(url, data))
    assert "This field is required." in body
    assert 'value="Boka mentorsutbildning"' in body
    body = body_of(client.post(url, data | {"owner": cast.bob.pk, "due_on": "2027-01-15"}))
    assert "Please choose only from the list." in body
    assert not Action.objects.exists()
    response = client.post(url, data | {"due_on": "2027-01-15"})
    assert response.status_code == 302
    assert response["Location"] == f"/leadership/workplaces/{cast.moulding.pk}/#plan-heading"
    action = Action.objects.get()
    assert (action.title, action.dimension, action.owner, action.due_on, action.status) == (
        "Boka mentorsutbildning",
        "learning",
        cast.alice,
        date(2027, 1, 15),
        "planned",
    )
    notice = Notification.objects.get(kind=Kind.ACTION_ASSIGNED)
    assert (notice.recipient, notice.params["title"], notice.url) == (
        cast.alice,
        "Boka mentorsutbildning",
        f"/leadership/workplaces/{cast.moulding.pk}/#plan-heading",
    )


def test_a_gap_becomes_an_action_with_one_click(cast: Cast, login) -> None:
    mentors = add_mentors(cast, 2)
    round = assessment_round_open(actor=cast.mona, workplace=cast.moulding)
    answer_all(
        round,
        {cast.bob: every(4, support__time=1), mentors[0]: every(4), mentors[1]: every(4)},
    )
    client = login(cast.mona)
    # Not before the round is closed.
    response = client.post(f"/leadership/rounds/{round.pk}/act/", {"statement": "support.time"})
    assert response.status_code == 302
    assert not Action.objects.exists()
    close(round)
    response = client.post(f"/leadership/rounds/{round.pk}/act/", {"statement": "support.time"})
    action = Action.objects.get()
    assert response["Location"] == f"/leadership/actions/{action.pk}/"
    assert (action.title, action.dimension, action.statement, action.owner, action.due_on) == (
        "Mentors have time for mentoring set aside in their working hours.",
        "support",
        "support.time",
        cast.mona,
        today() + timedelta(days=90),
    )
    # A second click says it is already in the plan; the round's page says so too.
    response = client.post(
        f"/leadership/rounds/{round.pk}/act/", {"statement": "support.time"}, follow=True
    )
    assert "There is already an open action on this statement." in body_of(response)
    assert "It is in the action plan." in body_of(client.get(f"/leadership/rounds/{round.pk}/"))
    assert Action.objects.count() == 1
    # A statement that does not exist.
    with pytest.raises(ApplicationError):
        action_from_statement(actor=cast.mona, round=round, statement="support.nothing")
    # Bob answered the round but keeps no plan.
    assert (
        login(cast.bob)
        .post(f"/leadership/rounds/{round.pk}/act/", {"statement": "inclusion.life"})
        .status_code
        == 404
    )
    assert Action.objects.count() == 1


def test_the_action_is_edited_and_done(cast: Cast, login) -> None:
    action = an_action(cast)
    client = login(cast.alice)
    url = f"/leadership/actions/{action.pk}/"
    assert "Ge mentorerna två timmar i veckan" in body_of(client.get(url))
    data = {
        "title": "Ge mentorerna två timmar i veckan",
        "dimension": "support",
        "owner": cast.mona.pk,
        "due_on": "2027-02-01",
        "status": "finished",
    }
    assert "Please choose only from the list." in body_of(client.post(url, data))
    assert client.post(url, data | {"status": "done"}).status_code == 302
    action.refresh_from_db()
    assert (action.status, action.done_on, action.due_on) == ("done", today(), date(2027, 2, 1))


def test_a_follow_up_meeting_changes_the_plan(cast: Cast, login) -> None:
    first = an_action(cast, "Ge mentorerna två timmar i veckan")
    second = an_action(cast, "Prata om mentorskapet på APT", dimension="inclusion")
    client = login(cast.mona)
    url = f"/leadership/workplaces/{cast.moulding.pk}/follow-ups/new/"
    body = body_of(client.get(url))
    assert "Prata om mentorskapet på APT" in body
    data = {
        "held_on": today().isoformat(),
        "minutes": "Mona och Alice. Vi gick igenom planen.",
        f"a{first.pk}_status": "done",
        f"a{first.pk}_due_on": first.due_on.isoformat(),
        f"a{first.pk}_text": "Schemat är ändrat.",
        f"a{second.pk}_status": "started",
        f"a{second.pk}_due_on": "2027-03-01",
        f"a{second.pk}_text": "",
        "new_title": "Ny mentor till Formning",
        "new_dimension": "",
        "new_owner": "",
        "new_due_on": "",
    }
    # Half a new action: the missing parts are named, the minutes kept, nothing saved.
    body = body_of(client.post(url, data))
    assert body.count("Fill this in too, or leave the new action empty.") == 3
    assert "Vi gick igenom planen." in body
    assert not FollowUpMeeting.objects.exists()
    data |= {
        "new_dimension": "support",
        "new_owner": str(cast.alice.pk),
        "new_due_on": "2027-04-01",
    }
    response = client.post(url, data)
    meeting = FollowUpMeeting.objects.get()
    assert response["Location"] == f"/leadership/follow-ups/{meeting.pk}/"
    first.refresh_from_db()
    second.refresh_from_db()
    assert (first.status, first.done_on) == ("done", today())
    assert (second.status, second.due_on) == ("started", date(2027, 3, 1))
    made = Action.objects.get(title="Ny mentor till Formning")
    assert list(
        Decision.objects.order_by("pk").values_list(
            "action__title", "status_from", "status_to", "due_to", "text", "created"
        )
    ) == [
        ("Ge mentorerna två timmar i veckan", "planned", "done", None, "Schemat är ändrat.", False),
        ("Prata om mentorskapet på APT", "planned", "started", date(2027, 3, 1), "", False),
        (made.title, "", "", None, "", True),
    ]
    body = body_of(client.get(f"/leadership/follow-ups/{meeting.pk}/"))
    assert "status Planned → Done" in body
    assert "Schemat är ändrat." in body
    # A meeting in the future is refused (the open actions are the second and the new one).
    future = {"held_on": (today() + timedelta(days=1)).isoformat(), "minutes": "Nästa gång"}
    for action in (second, made):
        future |= {
            f"a{action.pk}_status": "planned",
            f"a{action.pk}_due_on": "2027-05-01",
            f"a{action.pk}_text": "",
        }
    assert "The meeting cannot be in the future." in body_of(client.post(url, future))
    second.refresh_from_db()
    assert second.due_on == date(2027, 3, 1)
    assert FollowUpMeeting.objects.count() == 1


def test_the_plan_is_a_404_for_those_outside(cast: Cast, login) -> None:
    action = an_action(cast)
    vera = other_manager(cast)
    meeting = FollowUpMeeting.objects.create(
        workplace=cast.moulding, held_on=today(), minutes="Möte", recorded_by=cast.mona
    )
    pages = [
        f"/leadership/actions/{action.pk}/",
        f"/leadership/follow-ups/{meeting.pk}/",
        f"/leadership/workplaces/{cast.moulding.pk}/actions/new/",
        f"/leadership/workplaces/{cast.moulding.pk}/follow-ups/new/",
    ]
    for person in (cast.bob, cast.dana, cast.charlie, vera):
        client = login(person)
        for url in pages:
            assert client.get(url).status_code == 404, (person, url)
            assert client.post(url, {"title": "x", "minutes": "x"}).status_code == 404
    with pytest.raises(NotAllowed):
        an_action(cast, actor=cast.bob)
    assert Action.objects.count() == 1
    assert FollowUpMeeting.objects.count() == 1


@pytest.mark.django_db(transaction=True)
def test_the_worker_reminds_each_owner_once(cast: Cast) -> None:
    soon = an_action(cast, "Snart", due_on=today() + timedelta(days=7))
    late = an_action(cast, "Sent", owner=cast.alice, due_on=today() - timedelta(days=2))
    an_action(cast, "Senare", due_on=today() + timedelta(days=8))
    done = an_action(cast, "Klart", due_on=today())
    Action.objects.filter(pk=done.pk).update(status="done", done_on=today())
    Notification.objects.all().delete()  # the notice that Alice was given "Sent"
    remind_due_actions.enqueue()
    run_worker()
    reminded = Notification.objects.filter(kind=Kind.ACTION_DUE).order_by("recipient__email")
    assert [(n.recipient, n.params, n.url) for n in reminded] == [
        (
            cast.alice,
            {"title": "Sent", "due_on": late.due_on.isoformat()},
            f"/leadership/workplaces/{cast.moulding.pk}/#plan-heading",
        ),
        (
            cast.mona,
            {"title": "Snart", "due_on": soon.due_on.isoformat()},
            f"/leadership/workplaces/{cast.moulding.pk}/#plan-heading",
        ),
    ]
    remind_due_actions.enqueue()
    run_worker()
    assert Notification.objects.filter(kind=Kind.ACTION_DUE).count() == 2


def test_the_reminders_take_the_same_queries_for_2_and_20_actions(cast: Cast) -> None:
    for i in range(2):
        an_action(cast, f"Åtgärd {i}", due_on=today())
    with CaptureQueriesContext(connection) as two:
        assert actions_remind_due() == 2
    for i in range(20):
        an_action(cast, f"Fler {i}", due_on=today())
    with CaptureQueriesContext(connection) as twenty:
        assert actions_remind_due() == 20
    assert len(two) == len(twenty)


def test_the_job_is_registered_to_run_daily() -> None:
    job = discover_periodic_jobs()[remind_due_actions.module_path]
    assert (job.task, job.every) == (remind_due_actions, timedelta(hours=24))
