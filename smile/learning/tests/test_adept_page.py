"""The adept's learning page: herself, her mentor, her teacher, the coordinator; nobody else."""

import pytest

from tests.cast import Cast


def url(cast: Cast) -> str:
    return f"/learning/adepts/{cast.dana_enrolment.pk}/"


def test_the_adept_sees_my_learning(cast: Cast, login) -> None:
    response = login(cast.dana).get(url(cast))
    assert response.status_code == 200
    assert "<h1>My learning</h1>" in response.content.decode()


@pytest.mark.parametrize("name", ["bob", "tess", "alice"])
def test_those_who_follow_her_see_her_name(cast: Cast, login, name: str) -> None:
    response = login(getattr(cast, name)).get(url(cast))
    assert response.status_code == 200
    assert "Learning: <bdi>Dana Darwish</bdi>" in response.content.decode()


@pytest.mark.parametrize("name", ["charlie", "erin", "mona"])
def test_others_get_not_found(cast: Cast, login, name: str) -> None:
    assert login(getattr(cast, name)).get(url(cast)).status_code == 404


def test_a_mentor_enrolment_has_no_learning_page(cast: Cast, login) -> None:
    response = login(cast.alice).get(f"/learning/adepts/{cast.bob_enrolment.pk}/")
    assert response.status_code == 404
