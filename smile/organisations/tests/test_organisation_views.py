from smile.organisations.models import Organisation, Workplace
from tests.cast import Cast
from tests.pages import body_of


def test_the_list_shows_the_organisations_one_works_with(cast: Cast, login) -> None:
    content = body_of(login(cast.alice).get("/organisations/"))
    assert "Sävsjö Gjuteri AB" in content and "Lärcentrum" in content
    assert "Värnamo" not in content


def test_a_coordinator_creates_an_employer_she_then_manages(cast: Cast, login) -> None:
    response = login(cast.alice).post(
        "/organisations/new/",
        {
            "name": "Smålandshus AB",
            "kind": "employer",
            "organisation_number": "5560160680",
            "city": "Vrigstad",
            "managed_by": cast.savsjo.pk,
        },
    )
    created = Organisation.objects.get(name="Smålandshus AB")
    assert (response.status_code, response["Location"]) == (302, f"/organisations/{created.pk}/")
    assert created.managed_by == cast.savsjo
    assert created.organisation_number == "556016-0680"


def test_a_bad_organisation_number_is_explained_and_the_name_kept(cast: Cast, login) -> None:
    response = login(cast.alice).post(
        "/organisations/new/",
        {
            "name": "Smålandshus AB",
            "kind": "employer",
            "organisation_number": "556016-0681",
            "managed_by": cast.savsjo.pk,
        },
    )
    assert response.status_code == 200
    content = response.content.decode()
    assert "Enter a valid organisation number" in content
    assert 'value="Smålandshus AB"' in content
    assert not Organisation.objects.filter(name="Smålandshus AB").exists()


def test_a_duplicate_name_is_explained(cast: Cast, login) -> None:
    response = login(cast.alice).post(
        "/organisations/new/",
        {"name": "Sävsjö Gjuteri AB", "kind": "employer", "managed_by": cast.savsjo.pk},
    )
    assert response.status_code == 200
    assert "already exists" in response.content.decode()
    assert Organisation.objects.filter(name="Sävsjö Gjuteri AB").count() == 1


def test_a_coordinator_cannot_register_for_another_organisation(cast: Cast, login) -> None:
    response = login(cast.charlie).post(
        "/organisations/new/",
        {"name": "Intrång AB", "kind": "employer", "managed_by": cast.savsjo.pk},
    )
    assert response.status_code == 200
    assert not Organisation.objects.filter(name="Intrång AB").exists()


def test_a_mentor_cannot_create_organisations(cast: Cast, login) -> None:
    response = login(cast.bob).post("/organisations/new/", {"name": "X AB", "kind": "employer"})
    assert response.status_code == 403
    assert not Organisation.objects.filter(name="X AB").exists()


def test_the_detail_page_shows_workplaces_and_people_to_its_coordinator(cast: Cast, login) -> None:
    content = body_of(login(cast.alice).get(f"/organisations/{cast.foundry.pk}/"))
    assert "Formning" in content and "Efterbehandling" in content
    assert "Bob Berg" in content


def test_the_detail_page_is_hidden_from_another_organisation(cast: Cast, login) -> None:
    assert login(cast.charlie).get(f"/organisations/{cast.foundry.pk}/").status_code == 404


def test_a_manager_sees_her_employer_but_not_its_people(cast: Cast, login) -> None:
    content = body_of(login(cast.mona).get(f"/organisations/{cast.foundry.pk}/"))
    assert "Formning" in content
    assert "Bob Berg" not in content


def test_a_coordinator_edits_an_organisation(cast: Cast, login) -> None:
    response = login(cast.alice).post(
        f"/organisations/{cast.foundry.pk}/edit/",
        {"name": "Sävsjö Gjuteri", "city": "Sävsjö", "organisation_number": ""},
    )
    assert response.status_code == 302
    cast.foundry.refresh_from_db()
    assert cast.foundry.name == "Sävsjö Gjuteri"


def test_another_organisation_cannot_edit(cast: Cast, login) -> None:
    response = login(cast.charlie).post(
        f"/organisations/{cast.foundry.pk}/edit/",
        {"name": "Hacked", "city": "", "organisation_number": ""},
    )
    assert response.status_code == 404
    cast.foundry.refresh_from_db()
    assert cast.foundry.name == "Sävsjö Gjuteri AB"


def test_a_coordinator_adds_and_edits_a_workplace(cast: Cast, login) -> None:
    client = login(cast.alice)
    response = client.post(
        f"/organisations/{cast.foundry.pk}/workplaces/new/",
        {
            "name": "Kärnmakeriet",
            "street_address": "Industrigatan 4",
            "city": "Sävsjö",
            "trade": "Gjuteri",
        },
    )
    assert response.status_code == 302
    workplace = Workplace.objects.get(name="Kärnmakeriet")
    response = client.post(
        f"/organisations/{cast.foundry.pk}/workplaces/{workplace.pk}/edit/",
        {"name": "Kärnmakeri", "street_address": "", "city": "Sävsjö", "trade": "Gjuteri"},
    )
    assert response.status_code == 302
    workplace.refresh_from_db()
    assert workplace.name == "Kärnmakeri"


def test_a_workplace_name_is_required_and_unique(cast: Cast, login) -> None:
    client = login(cast.alice)
    response = client.post(
        f"/organisations/{cast.foundry.pk}/workplaces/new/", {"name": "", "city": "Sävsjö"}
    )
    content = body_of(response)
    assert "This field is required." in content
    assert 'value="Sävsjö"' in content
    response = client.post(
        f"/organisations/{cast.foundry.pk}/workplaces/new/", {"name": "Formning"}
    )
    assert "already has a workplace with this name" in body_of(response)
    assert Workplace.objects.filter(organisation=cast.foundry).count() == 2


def test_a_school_has_no_workplaces(cast: Cast, login) -> None:
    response = login(cast.alice).post(
        f"/organisations/{cast.school.pk}/workplaces/new/", {"name": "Sal 3"}
    )
    assert "Only employers have workplaces." in body_of(response)
    assert not Workplace.objects.filter(name="Sal 3").exists()


def test_another_organisation_cannot_add_a_workplace(cast: Cast, login) -> None:
    response = login(cast.charlie).post(
        f"/organisations/{cast.foundry.pk}/workplaces/new/", {"name": "Intrång"}
    )
    assert response.status_code == 404
    assert not Workplace.objects.filter(name="Intrång").exists()


def test_a_workplace_of_another_employer_cannot_be_edited_through_this_one(
    cast: Cast, login
) -> None:
    response = login(cast.alice).post(
        f"/organisations/{cast.school.pk}/workplaces/{cast.moulding.pk}/edit/", {"name": "Flyttad"}
    )
    assert response.status_code == 404
    cast.moulding.refresh_from_db()
    assert cast.moulding.name == "Formning"
