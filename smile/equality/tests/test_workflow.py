"""A case handler works a case from received to closed; the reporter is told of each step."""

import datetime
from typing import Any

from smile.equality import services
from smile.equality.models import CaseLogEntry, CaseTask, Concern, ConcernMessage, MessageKind
from smile.equality.tests.casework import Equality, anonymous_concern, report
from smile.notifications.models import Notification
from tests.pages import body_of


def test_the_handler_moves_the_case_through_every_step_to_closed(
    eq: Equality, login, visitor: Any
) -> None:
    cast = eq.cast
    concern, code = anonymous_concern(cast)
    client = login(cast.alice)
    url = f"/equality/cases/{concern.pk}/"
    for step, word in (
        ("acknowledged", "Vi har läst din anmälan."),
        ("investigating", ""),
        ("measures", "Chefen har fått utbildning."),
        ("followed_up", ""),
        ("closed", "Tack för att du berättade."),
    ):
        response = client.post(url, {"action": "step", "step-step": step, "step-message": word})
        assert response.status_code == 302, step
        assert response["Location"] == url
        concern.refresh_from_db()
        assert concern.step == step
    assert concern.closed_at is not None
    steps = list(
        ConcernMessage.objects.filter(kind=MessageKind.STEP).values_list("step", flat=True)
    )
    assert steps == [
        "received",
        "acknowledged",
        "investigating",
        "measures",
        "followed_up",
        "closed",
    ]
    page = body_of(visitor.post("/equality/follow/", {"code": code}))
    assert "The case is closed. If it happens again, you can report it again." in page
    assert "Chefen har fått utbildning." in page
    assert "Write to the case handlers" not in page


def test_a_case_cannot_go_back_a_step(eq: Equality, login) -> None:
    cast = eq.cast
    concern, _code = anonymous_concern(cast)
    services.concern_advance(concern=concern, by=cast.alice, step="investigating", message="")
    body = body_of(
        login(cast.alice).post(
            f"/equality/cases/{concern.pk}/",
            {"action": "step", "step-step": "acknowledged", "step-message": "Tillbaka"},
        )
    )
    assert "Select a valid choice." in body
    assert "Tillbaka" in body
    concern.refresh_from_db()
    assert concern.step == "investigating"


def test_the_named_reporter_is_told_of_each_step_in_her_language(eq: Equality) -> None:
    cast = eq.cast
    cast.dana.preferred_language = "so"
    cast.dana.save()
    concern = report(cast, anonymous=False).concern
    services.concern_advance(concern=concern, by=cast.alice, step="acknowledged", message="")
    services.concern_ask(concern=concern, by=cast.alice, text="Vem såg det?")
    notices = Notification.objects.filter(recipient=cast.dana).order_by("pk")
    assert [notice.params["message"] for notice in notices] == [
        "Waxaa jira war cusub oo ku saabsan cabashada aad soo gudbisay. Fur si aad u akhrido.",
        "Waxaa jira war cusub oo ku saabsan cabashada aad soo gudbisay. Fur si aad u akhrido.",
    ]
    assert {notice.url for notice in notices} == {f"/equality/mine/{concern.pk}/"}


def test_an_anonymous_reporter_gets_no_notification(eq: Equality) -> None:
    cast = eq.cast
    concern, _code = anonymous_concern(cast)
    services.concern_advance(concern=concern, by=cast.alice, step="acknowledged", message="")
    assert Notification.objects.filter(recipient=cast.dana).count() == 0


def test_log_entries_and_tasks_with_deadlines(eq: Equality, login) -> None:
    cast = eq.cast
    concern, _code = anonymous_concern(cast)
    client = login(cast.alice)
    url = f"/equality/cases/{concern.pk}/"
    response = client.post(url, {"action": "log", "log-text": "Ringde facket."})
    assert response.status_code == 302
    response = client.post(
        url,
        {
            "action": "task",
            "task-title": "Samtal med arbetsledaren",
            "task-due_on": "2020-01-15",
            "task-assignee": str(cast.alice.pk),
        },
    )
    assert response.status_code == 302
    task = CaseTask.objects.get()
    assert task.due_on == datetime.date(2020, 1, 15)
    assert task.assignee == cast.alice
    body = body_of(client.get(url))
    assert "Ringde facket." in body
    assert "Samtal med arbetsledaren" in body
    assert "late" in body
    cases = body_of(client.get("/equality/cases/"))
    assert "1 late" in cases
    response = client.post(f"/equality/cases/{concern.pk}/tasks/{task.pk}/done/")
    assert response.status_code == 302
    task.refresh_from_db()
    assert task.done_at is not None
    assert CaseLogEntry.objects.get().author == cast.alice


def test_a_task_for_someone_who_is_not_a_handler_is_refused(eq: Equality, login) -> None:
    cast = eq.cast
    concern, _code = anonymous_concern(cast)
    body = body_of(
        login(cast.alice).post(
            f"/equality/cases/{concern.pk}/",
            {
                "action": "task",
                "task-title": "Prata med Mona",
                "task-due_on": "2026-10-01",
                "task-assignee": str(eq.hanna.pk),
            },
        )
    )
    assert "Select a valid choice." in body
    assert 'value="Prata med Mona"' in body
    assert CaseTask.objects.count() == 0


def test_a_bad_due_date_is_refused_and_kept(eq: Equality, login) -> None:
    cast = eq.cast
    concern, _code = anonymous_concern(cast)
    body = body_of(
        login(cast.alice).post(
            f"/equality/cases/{concern.pk}/",
            {"action": "task", "task-title": "Uppföljning", "task-due_on": "31/31/2026"},
        )
    )
    assert "Enter a valid date." in body
    assert 'value="Uppföljning"' in body
    assert CaseTask.objects.count() == 0


def test_the_deadline_is_shown_to_handler_and_reporter(eq: Equality, login, visitor: Any) -> None:
    cast = eq.cast
    concern, code = anonymous_concern(cast)
    Concern.objects.filter(pk=concern.pk).update(acknowledge_by=datetime.date(2026, 9, 14))
    handler_page = body_of(login(cast.alice).get(f"/equality/cases/{concern.pk}/"))
    assert "Acknowledge the report by 14 Sept 2026." in handler_page
    reporter_page = body_of(visitor.post("/equality/follow/", {"code": code}))
    assert "A case handler answers you by 14 Sept 2026 at the latest." in reporter_page
