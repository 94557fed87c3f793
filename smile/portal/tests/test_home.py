import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tests.cast import Cast


@pytest.mark.parametrize(
    ("who", "role"),
    [
        ("alice", "coordinator"),
        ("bob", "mentor"),
        ("dana", "adept"),
        ("mona", "manager"),
        ("tess", "teacher"),
    ],
)
def test_home_sends_each_person_to_her_role_home(cast: Cast, login, who: str, role: str) -> None:
    response = login(getattr(cast, who)).get(reverse("portal:home"))
    assert response.status_code == 302
    assert response["Location"] == f"/home/{role}/"


def test_it_asks_anonymous_visitors_to_log_in(client) -> None:
    response = client.get("/home/adept/")
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")


def test_a_role_home_is_refused_to_someone_without_that_role(cast: Cast, login) -> None:
    assert login(cast.bob).get("/home/coordinator/").status_code == 404
    assert login(cast.bob).get("/home/nonsense/").status_code == 404


def test_the_adept_sees_her_mentor_and_placement(cast: Cast, login) -> None:
    response = login(cast.dana).get("/home/adept/")
    content = response.content.decode()
    assert "Bob Berg" in content
    assert "Formning" in content
    assert "Alice Andersson" in content  # who to turn to


def test_an_adept_without_mentor_is_told_so(cast: Cast, login) -> None:
    content = login(cast.erin).get("/home/adept/").content.decode()
    assert "You do not have a mentor yet" in content
    assert "Bob Berg" not in content


def test_the_mentor_sees_her_adepts_only(cast: Cast, login) -> None:
    content = login(cast.bob).get("/home/mentor/").content.decode()
    assert "Dana Darwish" in content
    assert "Erin Eriksson" not in content


def test_the_teacher_sees_her_schools_adepts(cast: Cast, login) -> None:
    content = login(cast.tess).get("/home/teacher/").content.decode()
    assert "Dana Darwish" in content and "Erin Eriksson" in content
    assert "Bob Berg" not in content


def test_the_manager_sees_counts_and_no_names(cast: Cast, login) -> None:
    content = login(cast.mona).get("/home/manager/").content.decode()
    assert "Formning" in content and "Efterbehandling" in content
    assert "Dana Darwish" not in content and "Bob Berg" not in content


def test_the_coordinator_sees_her_programmes_only(cast: Cast, login) -> None:
    content = login(cast.alice).get("/home/coordinator/").content.decode()
    assert "Gjuterivägen" in content
    assert "Vårdvägen" not in content
    content = login(cast.charlie).get("/home/coordinator/").content.decode()
    assert "Vårdvägen" in content and "Gjuterivägen" not in content


def _add_adepts(cast: Cast, count: int) -> None:
    from datetime import date

    from smile.accounts.services import membership_create
    from smile.core.actor import SYSTEM
    from smile.matching.models import Pair
    from smile.programmes.services import enrolment_create
    from tests.cast import make_user

    for i in range(count):
        user = make_user(f"extra{i}@elev.example", f"Extra {i}")
        membership_create(actor=SYSTEM, user=user, organisation=cast.savsjo, role="adept")
        enrolment = enrolment_create(
            actor=SYSTEM,
            programme=cast.programme,
            user=user,
            role="adept",
            workplace=cast.moulding,
            education_provider=cast.school,
            starts_on=date(2026, 8, 10),
        )
        mentor_user = make_user(f"mentor{i}@gjuteri.example", f"Mentor {i}")
        mentor = enrolment_create(
            actor=SYSTEM,
            programme=cast.programme,
            user=mentor_user,
            role="mentor",
            workplace=cast.moulding,
            starts_on=date(2026, 8, 10),
        )
        Pair.objects.create(
            programme=cast.programme, mentor=mentor, adept=enrolment, status="active"
        )


@pytest.mark.parametrize(
    ("who", "path"),
    [("tess", "/home/teacher/"), ("alice", "/home/coordinator/"), ("mona", "/home/manager/")],
)
def test_home_queries_do_not_grow_with_the_cohort(cast: Cast, login, who: str, path: str) -> None:
    client = login(getattr(cast, who))
    with CaptureQueriesContext(connection) as small:
        assert client.get(path).status_code == 200
    _add_adepts(cast, 5)
    with CaptureQueriesContext(connection) as large:
        assert client.get(path).status_code == 200
    assert len(large) == len(small)


def test_the_mentor_home_counts_her_own_capacity(cast: Cast, login) -> None:
    from smile.matching.models import MatchingProfile

    MatchingProfile.objects.create(enrolment=cast.bob_enrolment, capacity=3)
    home = login(cast.bob).get("/home/mentor/").context["home"]
    assert (home.capacity, home.free_places) == (3, 2)
