"""The pair's mentorship page: the two sides and the coordinator; nobody else."""

import pytest

from tests.cast import Cast


def url(cast: Cast) -> str:
    return f"/mentoring/pairs/{cast.pair.pk}/"


@pytest.mark.parametrize("name", ["bob", "dana", "alice"])
def test_the_pair_and_its_coordinator_open_the_page(cast: Cast, login, name: str) -> None:
    response = login(getattr(cast, name)).get(url(cast))
    assert response.status_code == 200
    content = response.content.decode()
    assert "Our mentorship" in content
    assert "Dana Darwish" in content and "Bob Berg" in content


@pytest.mark.parametrize("name", ["charlie", "erin", "mona", "tess"])
def test_others_get_not_found(cast: Cast, login, name: str) -> None:
    assert login(getattr(cast, name)).get(url(cast)).status_code == 404


def test_an_unknown_pair_is_not_found(cast: Cast, login) -> None:
    assert login(cast.bob).get("/mentoring/pairs/999999/").status_code == 404


def test_anonymous_people_are_sent_to_log_in(cast: Cast, client) -> None:
    response = client.get(url(cast))
    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]
