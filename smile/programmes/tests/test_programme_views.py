from smile.programmes.models import Programme
from tests.cast import Cast
from tests.pages import body_of


def programme_data(cast: Cast, **overrides: object) -> dict[str, object]:
    return {
        "name": "Husbyggarvägen",
        "description": "Trähusbygge",
        "owner": cast.savsjo.pk,
        "starts_on": "2027-01-10",
        "ends_on": "2027-12-20",
        "partners": [cast.foundry.pk, cast.school.pk],
        "meeting_cadence_days": 14,
        "mentor_capacity": 2,
        "mentor_hours_per_month": 8,
        "mentor_training_required": "on",
    } | overrides


def test_the_list_shows_each_coordinator_her_own_programmes(cast: Cast, login) -> None:
    content = body_of(login(cast.alice).get("/programmes/"))
    assert "Gjuterivägen" in content and "Vårdvägen" not in content


def test_a_coordinator_creates_a_programme(cast: Cast, login) -> None:
    response = login(cast.alice).post("/programmes/new/", programme_data(cast))
    programme = Programme.objects.get(name="Husbyggarvägen")
    assert (response.status_code, response["Location"]) == (302, f"/programmes/{programme.pk}/")
    assert set(programme.partners.all()) == {cast.foundry, cast.school}
    assert programme.mentor_training_required is True


def test_an_end_before_the_start_is_explained_and_the_form_kept(cast: Cast, login) -> None:
    response = login(cast.alice).post(
        "/programmes/new/", programme_data(cast, ends_on="2026-12-01")
    )
    assert response.status_code == 200
    content = response.content.decode()
    assert 'value="Husbyggarvägen"' in content
    assert 'id="id_ends_on_error"' in content
    assert "The end date must be on or after the start date." in content
    assert not Programme.objects.filter(name="Husbyggarvägen").exists()


def test_settings_out_of_range_are_explained(cast: Cast, login) -> None:
    response = login(cast.alice).post(
        "/programmes/new/", programme_data(cast, mentor_capacity=0, meeting_cadence_days="x")
    )
    content = body_of(response)
    assert "Enter a whole number." in content
    assert not Programme.objects.filter(name="Husbyggarvägen").exists()


def test_a_coordinator_cannot_own_for_another_organisation(cast: Cast, login) -> None:
    response = login(cast.charlie).post("/programmes/new/", programme_data(cast, partners=[]))
    assert response.status_code == 200
    assert "Select a valid choice" in response.content.decode()
    assert not Programme.objects.filter(name="Husbyggarvägen").exists()


def test_a_mentor_cannot_create_programmes(cast: Cast, login) -> None:
    assert login(cast.bob).post("/programmes/new/", programme_data(cast)).status_code == 403
    assert not Programme.objects.filter(name="Husbyggarvägen").exists()


def test_the_detail_shows_the_people_to_the_coordinator(cast: Cast, login) -> None:
    content = body_of(login(cast.alice).get(f"/programmes/{cast.programme.pk}/"))
    for name in ("Bob Berg", "Dana Darwish", "Erin Eriksson"):
        assert name in content


def test_a_mentor_sees_the_programme_with_only_her_own_adepts(cast: Cast, login) -> None:
    content = body_of(login(cast.bob).get(f"/programmes/{cast.programme.pk}/"))
    assert "Dana Darwish" in content and "Erin Eriksson" not in content
    assert f"/programmes/{cast.programme.pk}/edit/" not in content


def test_the_detail_is_hidden_from_another_organisation(cast: Cast, login) -> None:
    assert login(cast.charlie).get(f"/programmes/{cast.programme.pk}/").status_code == 404


def test_a_coordinator_edits_the_settings(cast: Cast, login) -> None:
    data = programme_data(
        cast, name="Gjuterivägen", starts_on="2026-08-01", ends_on="2027-06-30", mentor_capacity=3
    )
    response = login(cast.alice).post(f"/programmes/{cast.programme.pk}/edit/", data)
    assert response.status_code == 302
    cast.programme.refresh_from_db()
    assert cast.programme.mentor_capacity == 3


def test_an_employer_with_placed_people_cannot_be_removed(cast: Cast, login) -> None:
    data = programme_data(
        cast,
        name="Gjuterivägen",
        starts_on="2026-08-01",
        ends_on="2027-06-30",
        partners=[cast.school.pk],
    )
    response = login(cast.alice).post(f"/programmes/{cast.programme.pk}/edit/", data)
    assert response.status_code == 200
    assert "cannot be removed" in response.content.decode()
    assert cast.foundry in cast.programme.partners.all()


def test_another_organisation_cannot_edit(cast: Cast, login) -> None:
    data = programme_data(cast, name="Kapad")
    assert (
        login(cast.charlie).post(f"/programmes/{cast.programme.pk}/edit/", data).status_code == 404
    )
    cast.programme.refresh_from_db()
    assert cast.programme.name == "Gjuterivägen"
