from smile.accounts.services import membership_create
from smile.core.actor import SYSTEM
from smile.programmes.models import Enrolment
from tests.cast import Cast, make_user
from tests.pages import body_of


def new_adept(cast: Cast):
    user = make_user("fatima@elev.example", "Fatima Farah", language="so")
    membership_create(actor=SYSTEM, user=user, organisation=cast.savsjo, role="adept")
    return user


def enrol_data(cast: Cast, user_pk: int, **overrides: object) -> dict[str, object]:
    return {
        "user": user_pk,
        "role": "adept",
        "workplace": cast.finishing.pk,
        "education_provider": cast.school.pk,
        "starts_on": "2026-09-01",
        "ends_on": "",
    } | overrides


def test_a_coordinator_enrols_an_adept_at_a_workplace(cast: Cast, login) -> None:
    fatima = new_adept(cast)
    response = login(cast.alice).post(
        f"/programmes/{cast.programme.pk}/enrol/", enrol_data(cast, fatima.pk)
    )
    assert response.status_code == 302
    enrolment = Enrolment.objects.get(user=fatima)
    assert (enrolment.workplace, enrolment.education_provider, str(enrolment.starts_on)) == (
        cast.finishing,
        cast.school,
        "2026-09-01",
    )


def test_a_start_outside_the_programme_is_explained(cast: Cast, login) -> None:
    fatima = new_adept(cast)
    response = login(cast.alice).post(
        f"/programmes/{cast.programme.pk}/enrol/",
        enrol_data(cast, fatima.pk, starts_on="2030-01-01"),
    )
    assert response.status_code == 200
    assert "The start date must be within the programme" in response.content.decode()
    assert not Enrolment.objects.filter(user=fatima).exists()


def test_enrolling_twice_is_explained(cast: Cast, login) -> None:
    response = login(cast.alice).post(
        f"/programmes/{cast.programme.pk}/enrol/", enrol_data(cast, cast.erin.pk)
    )
    assert response.status_code == 200
    assert "already enrolled" in response.content.decode()
    assert Enrolment.objects.filter(user=cast.erin).count() == 1


def test_a_mentor_has_no_school(cast: Cast, login) -> None:
    mentor = make_user("mats@gjuteri.example", "Mats Mentor")
    membership_create(actor=SYSTEM, user=mentor, organisation=cast.foundry, role="mentor")
    response = login(cast.alice).post(
        f"/programmes/{cast.programme.pk}/enrol/", enrol_data(cast, mentor.pk, role="mentor")
    )
    assert "Only adepts have a school." in body_of(response)
    assert not Enrolment.objects.filter(user=mentor).exists()


def test_a_workplace_outside_the_programme_is_refused(cast: Cast, login) -> None:
    fatima = new_adept(cast)
    response = login(cast.alice).post(
        f"/programmes/{cast.programme.pk}/enrol/",
        enrol_data(cast, fatima.pk, workplace=cast.care_home.pk),
    )
    assert "Select a valid choice" in body_of(response)
    assert not Enrolment.objects.filter(user=fatima).exists()


def test_another_organisation_cannot_enrol(cast: Cast, login) -> None:
    fatima = new_adept(cast)
    response = login(cast.charlie).post(
        f"/programmes/{cast.programme.pk}/enrol/", enrol_data(cast, fatima.pk)
    )
    assert response.status_code == 404
    assert not Enrolment.objects.filter(user=fatima).exists()


def test_a_coordinator_ends_an_enrolment(cast: Cast, login) -> None:
    response = login(cast.alice).post(
        f"/programmes/enrolments/{cast.erin_enrolment.pk}/edit/",
        {
            "workplace": cast.finishing.pk,
            "education_provider": cast.school.pk,
            "starts_on": "2026-08-10",
            "ends_on": "2026-12-01",
            "status": "completed",
        },
    )
    assert response.status_code == 302
    cast.erin_enrolment.refresh_from_db()
    assert cast.erin_enrolment.status == "completed"


def test_an_ended_enrolment_needs_an_end_date(cast: Cast, login) -> None:
    response = login(cast.alice).post(
        f"/programmes/enrolments/{cast.erin_enrolment.pk}/edit/",
        {
            "workplace": cast.finishing.pk,
            "education_provider": cast.school.pk,
            "starts_on": "2026-08-10",
            "ends_on": "",
            "status": "left_early",
        },
    )
    assert "Give the end date" in response.content.decode()
    cast.erin_enrolment.refresh_from_db()
    assert cast.erin_enrolment.status == "active"


def test_another_organisation_cannot_edit_an_enrolment(cast: Cast, login) -> None:
    response = login(cast.charlie).post(
        f"/programmes/enrolments/{cast.erin_enrolment.pk}/edit/",
        {
            "workplace": cast.care_home.pk,
            "starts_on": "2026-08-10",
            "status": "completed",
            "ends_on": "2026-09-01",
        },
    )
    assert response.status_code == 404
    cast.erin_enrolment.refresh_from_db()
    assert cast.erin_enrolment.status == "active"
