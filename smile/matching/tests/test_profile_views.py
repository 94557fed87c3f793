"""The matching profile form: the person herself or her coordinator, nobody else."""

from typing import Any

import pytest

from smile.core.errors import ApplicationError, NotAllowed
from smile.matching.models import MatchingProfile
from smile.matching.profiles import matching_profile_save
from tests.cast import Cast
from tests.pages import body_of


def url(enrolment_pk: int) -> str:
    return f"/matching/profile/{enrolment_pk}/"


def dana_data(**overrides: Any) -> dict[str, Any]:
    return {
        "language_1": "ar",
        "level_1": "4",
        "language_2": "sv",
        "level_2": "2",
        "trade": "Gjuteri",
        "skills": "formning, svetsning, ,formning",
        "shifts": ["day", "evening"],
        "interests": "fotboll",
        "gender": "woman",
        "wants_same_gender": "on",
    } | overrides


def test_dana_fills_in_her_profile(cast: Cast, login) -> None:
    client = login(cast.dana)
    page = body_of(client.get(url(cast.dana_enrolment.pk)))
    assert "My matching profile" in page
    assert "Only used if you want a mentor of your own gender" in page
    assert 'name="line_manager"' not in page and 'name="capacity"' not in page
    response = client.post(url(cast.dana_enrolment.pk), dana_data())
    assert response.status_code == 302
    profile = MatchingProfile.objects.get(enrolment=cast.dana_enrolment)
    assert profile.languages == [{"code": "ar", "level": 4}, {"code": "sv", "level": 2}]
    assert profile.skills == ["formning", "svetsning"]
    assert profile.shifts == ["day", "evening"]
    assert (profile.gender, profile.wants_same_gender, profile.trade) == ("woman", True, "Gjuteri")
    # What she saved is shown again next time.
    page = body_of(client.get(url(cast.dana_enrolment.pk)))
    assert 'value="formning, svetsning"' in page


def test_a_bad_language_level_is_explained_and_her_answers_kept(cast: Cast, login) -> None:
    response = login(cast.dana).post(url(cast.dana_enrolment.pk), dana_data(level_2="9"))
    assert response.status_code == 200
    content = response.content.decode()
    assert "Select a valid choice" in content
    assert 'value="Gjuteri"' in content and "formning, svetsning" in content
    assert not MatchingProfile.objects.filter(enrolment=cast.dana_enrolment).exists()


def test_a_language_without_a_level_is_explained(cast: Cast, login) -> None:
    response = login(cast.dana).post(url(cast.dana_enrolment.pk), dana_data(level_2=""))
    assert "Choose how well you speak this language." in body_of(response)
    assert not MatchingProfile.objects.filter(enrolment=cast.dana_enrolment).exists()


def test_a_language_given_twice_is_explained(cast: Cast, login) -> None:
    response = login(cast.dana).post(url(cast.dana_enrolment.pk), dana_data(language_2="ar"))
    assert response.status_code == 200
    assert "is already in the list" in response.content.decode()
    assert not MatchingProfile.objects.filter(enrolment=cast.dana_enrolment).exists()


def test_a_gender_wish_needs_a_gender(cast: Cast, login) -> None:
    response = login(cast.dana).post(url(cast.dana_enrolment.pk), dana_data(gender=""))
    assert "Tell us your gender" in body_of(response)
    assert not MatchingProfile.objects.filter(enrolment=cast.dana_enrolment).exists()


@pytest.mark.parametrize("who", ["bob", "erin", "charlie", "mona", "tess"])
def test_others_cannot_edit_danas_profile(cast: Cast, login, who: str) -> None:
    client = login(getattr(cast, who))
    assert client.get(url(cast.dana_enrolment.pk)).status_code == 404
    assert client.post(url(cast.dana_enrolment.pk), dana_data()).status_code == 404
    assert not MatchingProfile.objects.filter(enrolment=cast.dana_enrolment).exists()


def test_the_coordinator_edits_it_and_sets_the_line_manager(cast: Cast, login) -> None:
    client = login(cast.alice)
    page = body_of(client.get(url(cast.dana_enrolment.pk)))
    assert "Matching profile of Dana Darwish" in page
    assert 'name="line_manager"' in page
    response = client.post(url(cast.dana_enrolment.pk), dana_data(line_manager=cast.mona.pk))
    assert response.status_code == 302
    profile = MatchingProfile.objects.get(enrolment=cast.dana_enrolment)
    assert profile.line_manager == cast.mona


def test_a_line_manager_from_elsewhere_is_refused(cast: Cast, login) -> None:
    response = login(cast.alice).post(
        url(cast.dana_enrolment.pk), dana_data(line_manager=cast.charlie.pk)
    )
    assert "Select a valid choice" in body_of(response)
    assert not MatchingProfile.objects.filter(enrolment=cast.dana_enrolment).exists()


def test_the_mentor_gives_her_capacity_but_not_her_training_date(cast: Cast, login) -> None:
    client = login(cast.bob)
    page = body_of(client.get(url(cast.bob_enrolment.pk)))
    assert 'name="capacity"' in page and 'name="training_completed_on"' not in page
    data = {"language_1": "sv", "level_1": "4", "capacity": "11", "skills": "", "interests": ""}
    response = client.post(url(cast.bob_enrolment.pk), data)
    assert response.status_code == 200
    assert not MatchingProfile.objects.filter(enrolment=cast.bob_enrolment).exists()
    response = client.post(url(cast.bob_enrolment.pk), data | {"capacity": "1"})
    assert response.status_code == 302
    assert MatchingProfile.objects.get(enrolment=cast.bob_enrolment).capacity == 1


def test_the_coordinator_records_the_mentor_training(cast: Cast, login) -> None:
    data = {"language_1": "sv", "level_1": "4", "training_completed_on": "2026-06-01"}
    response = login(cast.alice).post(url(cast.bob_enrolment.pk), data)
    assert response.status_code == 302
    profile = MatchingProfile.objects.get(enrolment=cast.bob_enrolment)
    assert str(profile.training_completed_on) == "2026-06-01"


# --- the service's own checks, for callers other than the form ------------------------------


@pytest.mark.parametrize(
    ("fields", "field"),
    [
        ({"languages": [{"code": "xx", "level": 2}]}, "language_1"),
        ({"languages": [{"code": "sv", "level": 5}]}, "level_1"),
        ({"languages": [{"code": "sv", "level": 2}, {"code": "sv", "level": 3}]}, "language_2"),
        (
            {"languages": [{"code": c, "level": 1} for c in ["sv", "en", "ar", "uk", "ti", "so"]]},
            "languages",
        ),
        ({"capacity": 11}, "capacity"),
        ({"shifts": ["always"]}, "shifts"),
    ],
)
def test_the_service_refuses_bad_values(cast: Cast, fields: dict[str, Any], field: str) -> None:
    with pytest.raises(ApplicationError) as error:
        matching_profile_save(enrolment=cast.bob_enrolment, actor=cast.alice, **fields)
    assert error.value.field == field
    assert not MatchingProfile.objects.exists()


def test_only_the_coordinator_sets_the_training_date(cast: Cast) -> None:
    from datetime import date

    with pytest.raises(ApplicationError, match="Only the coordinator"):
        matching_profile_save(
            enrolment=cast.bob_enrolment, actor=cast.bob, training_completed_on=date(2026, 1, 1)
        )
    with pytest.raises(NotAllowed):
        matching_profile_save(enrolment=cast.dana_enrolment, actor=cast.bob, trade="x")
