"""No one but a programme's named case handlers reaches a case: not the workplace's manager, not
a coordinator who is not named, not another municipality, not the installation's administrator,
not the mentor, and not even the reporter through the handlers' pages. All get a 404."""

import pytest

from smile.equality.models import CaseLogEntry, CaseTask, Concern, Step
from smile.equality.tests.casework import Equality, anonymous_concern, report
from smile.privacy.models import AccessLog
from tests.pages import body_of


def outsiders(eq: Equality) -> dict[str, object]:
    cast = eq.cast
    return {
        "mona (manager of the workplace)": cast.mona,
        "hanna (coordinator, not named)": eq.hanna,
        "charlie (another municipality)": cast.charlie,
        "ada (administrator)": eq.ada,
        "bob (mentor)": cast.bob,
        "tess (teacher)": cast.tess,
        "dana (the reporter)": cast.dana,
    }


def test_the_named_handler_opens_the_case(eq: Equality, login) -> None:
    concern, _code = anonymous_concern(eq.cast)
    body = body_of(login(eq.cast.alice).get(f"/equality/cases/{concern.pk}/"))
    assert f"Case <bdi>C-{concern.pk}</bdi>" in body
    assert "Förmannen kallar mig dumma namn" in body


@pytest.mark.parametrize(
    "who",
    [
        "mona (manager of the workplace)",
        "hanna (coordinator, not named)",
        "charlie (another municipality)",
        "ada (administrator)",
        "bob (mentor)",
        "tess (teacher)",
        "dana (the reporter)",
    ],
)
def test_everyone_else_gets_404_and_nothing_is_logged_or_changed(
    eq: Equality, login, who: str
) -> None:
    concern, _code = anonymous_concern(eq.cast)
    client = login(outsiders(eq)[who])
    base = f"/equality/cases/{concern.pk}/"
    body_of(client.get(base), 404)
    body_of(client.post(base, {"action": "step", "step-step": "acknowledged"}), 404)
    body_of(client.post(base, {"action": "log", "log-text": "Anteckning"}), 404)
    body_of(client.post(base, {"action": "ask", "ask-text": "Fråga"}), 404)
    body_of(
        client.post(
            base,
            {"action": "task", "task-title": "Prata med chefen", "task-due_on": "2026-09-01"},
        ),
        404,
    )
    body_of(client.get("/equality/cases/"), 404)
    concern.refresh_from_db()
    assert concern.step == Step.RECEIVED
    assert CaseLogEntry.objects.count() == 0
    assert CaseTask.objects.count() == 0
    assert concern.messages.count() == 1  # the step "received" only
    assert AccessLog.objects.filter(record_type="equality.concern").count() == 0


def test_a_handler_of_another_programme_does_not_reach_it(eq: Equality, login) -> None:
    from smile.equality import services

    cast = eq.cast
    services.case_handler_add(programme=cast.other_programme, by=cast.charlie, user=cast.charlie)
    concern, _code = anonymous_concern(cast)
    body_of(login(cast.charlie).get(f"/equality/cases/{concern.pk}/"), 404)
    cases = body_of(login(cast.charlie).get("/equality/cases/"))
    assert f"C-{concern.pk}" not in cases


def test_a_handler_who_no_longer_coordinates_for_the_owner_loses_the_case(
    eq: Equality, login
) -> None:
    cast = eq.cast
    concern = report(cast, anonymous=False).concern
    cast.alice.memberships.filter(role="coordinator").delete()
    body_of(login(cast.alice).get(f"/equality/cases/{concern.pk}/"), 404)


def test_the_named_reporter_follows_her_own_case_only(eq: Equality, login) -> None:
    cast = eq.cast
    concern = report(cast, anonymous=False).concern
    body = body_of(login(cast.dana).get(f"/equality/mine/{concern.pk}/"))
    assert "Received" in body
    for person in (cast.erin, cast.alice, cast.mona, eq.ada):
        body_of(login(person).get(f"/equality/mine/{concern.pk}/"), 404)


def test_an_anonymous_case_is_not_among_the_reporters_own(eq: Equality, login) -> None:
    concern, _code = anonymous_concern(eq.cast)
    client = login(eq.cast.dana)
    body_of(client.get(f"/equality/mine/{concern.pk}/"), 404)
    assert f"C-{concern.pk}" not in body_of(client.get("/equality/mine/"))


def test_a_malformed_case_number_is_a_404(eq: Equality, login) -> None:
    body_of(login(eq.cast.alice).get("/equality/cases/999999/"), 404)


def test_an_unknown_action_is_a_404_and_changes_nothing(eq: Equality, login) -> None:
    concern, _code = anonymous_concern(eq.cast)
    response = login(eq.cast.alice).post(f"/equality/cases/{concern.pk}/", {"action": "delete"})
    body_of(response, 404)
    assert Concern.objects.filter(pk=concern.pk).exists()


def test_no_equality_record_is_in_the_django_admin(eq: Equality, login) -> None:
    from django.contrib import admin

    registered = sorted(
        model._meta.label for model in admin.site._registry if model._meta.app_label == "equality"
    )
    assert registered == []
    concern, _code = anonymous_concern(eq.cast)
    client = login(eq.ada)
    assert client.get(f"/admin/equality/concern/{concern.pk}/change/").status_code == 404
    assert client.get("/admin/equality/").status_code == 404
