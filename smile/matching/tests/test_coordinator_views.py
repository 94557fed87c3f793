import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from smile.matching import engine
from smile.matching.models import MatchingCriteria, MatchingRun, Pair, PairStatus, RunStatus
from smile.matching.tests.matching_cast import add_adept, give_profiles
from tests.cast import Cast
from tests.pages import body_of


def page(cast: Cast, suffix: str = "") -> str:
    return f"/matching/programmes/{cast.programme.pk}/{suffix}"


CRITERIA = {
    "weight_language": 10,
    "weight_workplace": 3,
    "weight_trade": 6,
    "weight_shifts": 5,
    "weight_interests": 2,
    "weight_gender": 5,
    "require_same_employer": "on",
    "require_shared_language": "on",
    "exclude_line_manager": "on",
    "exclude_ended_badly": "on",
}


def test_the_coordinator_sees_the_matching_page(cast: Cast, login) -> None:
    give_profiles(cast)
    response = login(cast.alice).get(page(cast))
    content = response.content.decode()
    assert response.status_code == 200
    assert "Matching has not been run yet." in content
    assert "Erin Eriksson" in content and "Johan Lindqvist" in content
    assert 'name="weight_language"' in content
    # Dana has a mentor, so she is not offered for pairing by hand.
    assert f'<option value="{cast.dana_enrolment.pk}">' not in content
    assert f'<option value="{cast.erin_enrolment.pk}">' in content


def test_the_programme_links_to_matching(cast: Cast, login) -> None:
    content = body_of(login(cast.alice).get(f"/programmes/{cast.programme.pk}/"))
    assert f'href="{page(cast)}"' in content


# The pages that only take a POST refuse a GET (405) before they look at who asks.
@pytest.mark.parametrize(
    ("suffix", "get_status"),
    [
        ("", 404),
        ("criteria/", 405),
        ("run/", 405),
        ("progress/", 404),
        ("assign/", 405),
        ("swap/", 405),
        ("publish/", 405),
    ],
)
def test_another_organisation_gets_404_and_changes_nothing(
    cast: Cast, login, suffix: str, get_status: int
) -> None:
    client = login(cast.charlie)
    response = client.get(page(cast, suffix))
    assert response.status_code == get_status
    assert "Gjuterivägen" not in response.content.decode()
    assert client.post(page(cast, suffix), CRITERIA).status_code == 404
    assert not MatchingRun.objects.exists() and not MatchingCriteria.objects.exists()


def test_a_mentor_cannot_open_the_page(cast: Cast, login) -> None:
    assert login(cast.bob).get(page(cast)).status_code == 404


def test_criteria_are_saved(cast: Cast, login) -> None:
    response = login(cast.alice).post(page(cast, "criteria/"), CRITERIA)
    assert (response.status_code, response["Location"]) == (302, page(cast))
    criteria = MatchingCriteria.objects.get(programme=cast.programme)
    assert criteria.weight_workplace == 3 and criteria.require_same_workplace is False


def test_weights_out_of_range_are_explained_and_nothing_saved(cast: Cast, login) -> None:
    response = login(cast.alice).post(page(cast, "criteria/"), CRITERIA | {"weight_trade": 11})
    content = response.content.decode()
    assert response.status_code == 200
    assert "Ensure this value is less than or equal to 10." in content
    assert 'id="id_weight_trade_error"' in content
    assert not MatchingCriteria.objects.exists()


def test_running_matching_queues_a_run_and_shows_progress(
    cast: Cast, login, django_capture_on_commit_callbacks
) -> None:
    client = login(cast.alice)
    with django_capture_on_commit_callbacks() as callbacks:
        response = client.post(page(cast, "run/"))
    assert response["Location"] == page(cast)
    assert len(callbacks) == 1
    run = MatchingRun.objects.get()
    assert run.status == RunStatus.QUEUED and run.started_by == cast.alice
    content = body_of(client.get(page(cast)))
    assert "<progress" in content and 'hx-trigger="every 1s"' in content
    assert '<p id="run-announce" class="visually-hidden" role="status"></p>' in content
    assert "Refresh" in content
    # The same step again: nothing new for screen readers; a new step: announced once.
    same = client.get(
        page(cast, "progress/") + "?step=Waiting+for+its+turn", headers={"HX-Request": "true"}
    )
    assert "HX-Refresh" not in same
    assert "run-announce" not in same.content.decode()
    new = client.get(
        page(cast, "progress/") + "?step=Reading+the+profiles", headers={"HX-Request": "true"}
    )
    assert (
        '<span id="run-announce" hx-swap-oob="innerHTML">Waiting for its turn</span>'
        in new.content.decode()
    )
    engine.matching_run_execute(run_id=run.pk)
    partial = client.get(page(cast, "progress/"), headers={"HX-Request": "true"})
    assert partial["HX-Refresh"] == "true"


def test_the_review_shows_pairs_why_and_reasons(cast: Cast, login) -> None:
    give_profiles(cast, bob_capacity=2)
    add_adept(cast, 1, language="de")
    run = MatchingRun.objects.create(programme=cast.programme)
    engine.matching_run_execute(run_id=run.pk)
    content = body_of(login(cast.alice).get(page(cast)))
    assert "Shared language:" in content and "points" in content
    assert "Johan Lindqvist: no shared language" in content
    assert "Publish the proposal" in content


def test_assigning_against_a_rule_is_explained(cast: Cast, login) -> None:
    profiles = give_profiles(cast)
    response = login(cast.alice).post(
        page(cast, "assign/"), {"adept": cast.erin_enrolment.pk, "mentor": profiles.johan.pk}
    )
    assert response.status_code == 200
    assert "They share no language." in response.content.decode()
    assert not Pair.objects.filter(status=PairStatus.DRAFT).exists()


def test_assign_unassign_and_publish(cast: Cast, login) -> None:
    give_profiles(cast)
    client = login(cast.alice)
    response = client.post(
        page(cast, "assign/"), {"adept": cast.erin_enrolment.pk, "mentor": cast.bob_enrolment.pk}
    )
    assert (response.status_code, response["Location"]) == (302, page(cast))
    pair = Pair.objects.get(status=PairStatus.DRAFT)
    response = client.post(page(cast, f"pairs/{pair.pk}/unassign/"))
    assert (response.status_code, response["Location"]) == (302, page(cast))
    assert not Pair.objects.filter(pk=pair.pk).exists()
    response = client.post(
        page(cast, "assign/"), {"adept": cast.erin_enrolment.pk, "mentor": cast.bob_enrolment.pk}
    )
    assert (response.status_code, response["Location"]) == (302, page(cast))
    response = client.post(page(cast, "publish/"))
    assert (response.status_code, response["Location"]) == (302, page(cast))
    assert Pair.objects.get(adept=cast.erin_enrolment).status == PairStatus.PROPOSED


def test_charlie_cannot_remove_a_draft(cast: Cast, login) -> None:
    give_profiles(cast)
    pair = engine.draft_assign(
        programme=cast.programme,
        adept=cast.erin_enrolment,
        mentor=cast.bob_enrolment,
        actor=cast.alice,
    )
    assert login(cast.charlie).post(page(cast, f"pairs/{pair.pk}/unassign/")).status_code == 404
    assert Pair.objects.filter(pk=pair.pk).exists()


def _grow(cast: Cast, start: int, count: int) -> None:
    for i in range(start, start + count):
        add_adept(cast, i)
    run = MatchingRun.objects.create(programme=cast.programme)
    engine.matching_run_execute(run_id=run.pk)


def test_the_review_page_queries_do_not_grow_with_the_cohort(cast: Cast, login) -> None:
    give_profiles(cast, bob_capacity=4)
    client = login(cast.alice)
    _grow(cast, 0, 2)
    with CaptureQueriesContext(connection) as small:
        assert client.get(page(cast)).status_code == 200
    _grow(cast, 2, 5)
    with CaptureQueriesContext(connection) as large:
        assert client.get(page(cast)).status_code == 200
    assert Pair.objects.filter(status=PairStatus.DRAFT).count() == 3
    assert len(large) == len(small)
