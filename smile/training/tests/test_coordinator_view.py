"""The coordinator's view of a mentor on the four dimensions: given on the programme's
development page by a coordinator of the programme's owner, seen by the mentor beside her own
rating on her development profile; nobody else gives it or sees it."""

from datetime import date
from typing import Any

import pytest
from django.db import IntegrityError, transaction

from smile.core import policies
from smile.core.errors import ApplicationError, NotAllowed
from smile.training import selectors, services
from smile.training.models import CoordinatorView
from tests.cast import Cast, add_other_mentor
from tests.pages import body_of

VIEW = {"inclusion": 4, "learning": 3, "equality": 5, "support": 2}
COMMENT = "Bob tar sig tid för Dana varje vecka"


def _url(cast: Cast, enrolment_pk: int | None = None) -> str:
    pk = cast.bob_enrolment.pk if enrolment_pk is None else enrolment_pk
    return f"/training/programmes/{cast.programme.pk}/mentors/{pk}/view/"


def _post(comment: str = COMMENT) -> dict[str, str]:
    return {"inclusion": "4", "learning": "3", "equality": "5", "support": "2", "comment": comment}


def test_a_new_view_each_time_and_the_latest_counts(cast: Cast) -> None:
    first = services.coordinator_view_give(
        actor=cast.alice, enrolment=cast.bob_enrolment, ratings=VIEW, comment="  Bra start  "
    )
    assert (first.given_by, first.comment) == (cast.alice, "Bra start")
    CoordinatorView.objects.filter(pk=first.pk).update(given_on=date(2026, 9, 1))
    services.coordinator_view_give(
        actor=cast.alice,
        enrolment=cast.bob_enrolment,
        ratings={"inclusion": 5, "learning": 4, "equality": 5, "support": 1},
    )
    assert CoordinatorView.objects.count() == 2
    profile = selectors.development_profile(user=cast.bob)
    assert {row["dimension"]: row["coordinator"] for row in profile["rows"]} == {
        "inclusion": 5,
        "learning": 4,
        "equality": 5,
        "support": 1,
    }
    assert profile["coordinator_view"].comment == ""


def test_a_rating_outside_1_to_5_is_refused_by_the_service_and_the_database(cast: Cast) -> None:
    with pytest.raises(ApplicationError) as caught:
        services.coordinator_view_give(
            actor=cast.alice, enrolment=cast.bob_enrolment, ratings={**VIEW, "support": 6}
        )
    assert caught.value.field == "support"
    with pytest.raises(ApplicationError) as caught:
        services.coordinator_view_give(
            actor=cast.alice, enrolment=cast.bob_enrolment, ratings=VIEW, comment="x" * 301
        )
    assert caught.value.field == "comment"
    with pytest.raises(IntegrityError), transaction.atomic():
        CoordinatorView.objects.create(
            enrolment=cast.bob_enrolment,
            given_by=cast.alice,
            given_on=date(2026, 10, 5),
            **{**VIEW, "inclusion": 0},
        )
    assert not CoordinatorView.objects.exists()


@pytest.mark.parametrize("who", ["bob", "dana", "mona", "tess", "charlie"])
def test_only_a_coordinator_of_the_programmes_owner_gives_a_view(cast: Cast, who: str) -> None:
    with pytest.raises(NotAllowed):
        services.coordinator_view_give(
            actor=getattr(cast, who), enrolment=cast.bob_enrolment, ratings=VIEW
        )
    assert not CoordinatorView.objects.exists()


def test_an_adept_is_not_given_a_mentors_view(cast: Cast) -> None:
    with pytest.raises(NotAllowed):
        services.coordinator_view_give(
            actor=cast.alice, enrolment=cast.dana_enrolment, ratings=VIEW
        )
    assert not CoordinatorView.objects.exists()


def test_the_coordinator_gives_her_view_and_the_mentor_sees_it(cast: Cast, login: Any) -> None:
    coordinator = login(cast.alice)
    page = body_of(coordinator.get(f"/training/programmes/{cast.programme.pk}/"))
    assert "Not given yet" in page
    assert f'href="{_url(cast)}"' in page
    body = body_of(coordinator.get(_url(cast)))
    assert "No view of the mentor has been given yet." in body
    response = coordinator.post(_url(cast), _post())
    assert response.status_code == 302
    assert response["Location"] == f"/training/programmes/{cast.programme.pk}/"
    view = CoordinatorView.objects.get()
    assert (view.inclusion, view.learning, view.equality, view.support) == (4, 3, 5, 2)
    CoordinatorView.objects.filter(pk=view.pk).update(given_on=date(2026, 10, 5))
    page = body_of(coordinator.get(f"/training/programmes/{cast.programme.pk}/"))
    assert "Latest 5 Oct 2026" in page
    body = body_of(coordinator.get(_url(cast)))
    assert COMMENT in body

    body = body_of(login(cast.bob).get("/training/profile/"))
    assert (
        "The coordinator's view is from <bdi>Alice Andersson</bdi>, given 5 Oct 2026 in "
        "<bdi>Gjuterivägen</bdi>."
    ) in body
    assert COMMENT in body
    assert '<td data-label="Coordinator\'s view">5</td>' in body
    assert '<td data-label="Coordinator\'s view">2</td>' in body


def test_the_profile_without_a_view_says_so(cast: Cast, login: Any) -> None:
    body = body_of(login(cast.bob).get("/training/profile/"))
    assert "Your coordinator has not given a view of you yet." in body
    assert '<td data-label="Coordinator\'s view">–</td>' in body


def test_a_missing_rating_says_so_and_saves_nothing(cast: Cast, login: Any) -> None:
    body = body_of(login(cast.alice).post(_url(cast), {"inclusion": "4"}))
    assert "This field is required." in body
    assert not CoordinatorView.objects.exists()


@pytest.mark.parametrize("who", ["bob", "dana", "mona", "charlie"])
def test_others_cannot_reach_the_view_page(cast: Cast, login: Any, who: str) -> None:
    client = login(getattr(cast, who))
    body_of(client.get(_url(cast)), 404)
    body_of(client.post(_url(cast), _post()), 404)
    assert not CoordinatorView.objects.exists()


def test_the_page_is_only_for_the_programmes_active_mentors(cast: Cast, login: Any) -> None:
    client = login(cast.alice)
    body_of(client.get(_url(cast, cast.dana_enrolment.pk)), 404)
    body_of(client.post(_url(cast, cast.dana_enrolment.pk), _post()), 404)
    # Bob's enrolment under another programme's address.
    other = f"/training/programmes/{cast.other_programme.pk}/mentors/{cast.bob_enrolment.pk}/view/"
    body_of(client.get(other), 404)
    assert not CoordinatorView.objects.exists()


def test_only_the_mentor_and_the_programmes_coordinators_see_the_view(
    cast: Cast, login: Any
) -> None:
    otto = add_other_mentor(cast)
    services.coordinator_view_give(
        actor=cast.alice, enrolment=cast.bob_enrolment, ratings=VIEW, comment=COMMENT
    )
    seen = {
        name: policies.allowed(user, CoordinatorView).count()
        for name, user in [
            ("alice", cast.alice),
            ("bob", cast.bob),
            ("otto", otto),
            ("dana", cast.dana),
            ("mona", cast.mona),
            ("tess", cast.tess),
            ("charlie", cast.charlie),
        ]
    }
    assert seen == {
        "alice": 1,
        "bob": 1,
        "otto": 0,
        "dana": 0,
        "mona": 0,
        "tess": 0,
        "charlie": 0,
    }
    body = body_of(login(otto).get("/training/profile/"))
    assert COMMENT not in body
    assert "Your coordinator has not given a view of you yet." in body
