"""Curricula, units and objectives: teachers and coordinators edit, the programme's people read,
others see nothing."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from smile.learning.models import (
    Curriculum,
    LearningPlan,
    Objective,
    PlanObjective,
    Unit,
    WorkplaceTask,
)
from smile.learning.tests.curricula_fixtures import (
    Foundry,
    in_swedish,
    make_curriculum,
    make_finn,
)
from tests.cast import Cast
from tests.pages import body_of


@pytest.fixture
def foundry(cast: Cast) -> Foundry:
    return make_curriculum(cast)


def snapshot() -> list[tuple[object, ...]]:
    return [
        *Curriculum.objects.order_by("pk").values_list("pk", "name", "trade", "organisation_id"),
        *Unit.objects.order_by("pk").values_list("pk", "code", "name", "order"),
        *Objective.objects.order_by("pk").values_list("pk", "code", "text", "unit_id"),
    ]


def objectives() -> list[tuple[object, ...]]:
    return list(Objective.objects.order_by("pk").values_list("pk", "code", "text", "unit_id"))


def in_plan(cast: Cast, objective: Objective) -> None:
    plan = LearningPlan.objects.create(enrolment=cast.dana_enrolment)
    PlanObjective.objects.create(plan=plan, objective=objective)


# --- list and detail -------------------------------------------------------------------------


def test_the_teacher_sees_the_list_with_counts_and_may_create(
    cast: Cast, login, foundry: Foundry
) -> None:
    content = body_of(login(cast.tess).get("/learning/curricula/"))
    link = f'<a href="/learning/curricula/{foundry.curriculum.pk}/">{in_swedish("Gjuteri")}</a>'
    assert link in content
    assert "2 units" in content and "6 objectives" in content
    assert "New curriculum" in content
    assert f'href="/learning/workplaces/{cast.moulding.pk}/tasks/"' in content


@pytest.mark.parametrize("who", ["dana", "bob", "mona"])
def test_people_of_the_programme_read_the_list_but_may_not_create(
    cast: Cast, login, foundry: Foundry, who: str
) -> None:
    content = body_of(login(getattr(cast, who)).get("/learning/curricula/"))
    assert in_swedish("Gjuteri") in content
    assert "New curriculum" not in content


def test_charlie_sees_no_curriculum_of_savsjo(cast: Cast, login, foundry: Foundry) -> None:
    client = login(cast.charlie)
    content = body_of(client.get("/learning/curricula/"))
    assert "Gjuteri" not in content and "Formning" not in content
    assert client.get(f"/learning/curricula/{foundry.curriculum.pk}/").status_code == 404


def test_the_list_makes_as_many_queries_for_five_curricula_as_for_two(cast: Cast, login) -> None:
    client = login(cast.tess)

    def count() -> int:
        with CaptureQueriesContext(connection) as queries:
            assert client.get("/learning/curricula/").status_code == 200
        return len(queries)

    for i in range(2):
        Curriculum.objects.create(organisation=cast.school, name=f"C{i}").programmes.add(
            cast.programme
        )
    two = count()
    for i in range(2, 5):
        Curriculum.objects.create(organisation=cast.school, name=f"C{i}").programmes.add(
            cast.programme
        )
    assert count() == two


def test_the_detail_shows_units_objectives_and_where_they_are_practised(
    cast: Cast, login, foundry: Foundry
) -> None:
    response = login(cast.tess).get(f"/learning/curricula/{foundry.curriculum.pk}/")
    assert response.status_code == 200
    content = response.content.decode()
    assert f"<bdi>U1</bdi> {in_swedish('Enhet 1')}" in content
    assert in_swedish("Jag kan sak 2.3") in content
    task = foundry.task
    assert (
        f'<bdi>Formning</bdi>:\n          <a href="/learning/tasks/{task.pk}/">'
        f"{in_swedish('Kontrollmäta formen')}</a>"
    ) in content
    assert content.count("Not linked to a workplace task yet.") == 4
    assert "Edit the unit" in content and "Delete the curriculum" in content
    assert "<bdi>Gjuterivägen</bdi>" in content


@pytest.mark.parametrize("who", ["dana", "bob", "mona", "erin"])
def test_readers_see_the_detail_without_edit_links(
    cast: Cast, login, foundry: Foundry, who: str
) -> None:
    content = body_of(
        login(getattr(cast, who)).get(f"/learning/curricula/{foundry.curriculum.pk}/")
    )
    assert in_swedish("Jag kan sak 1.1") in content
    assert "Edit the unit" not in content and "Delete the curriculum" not in content


def test_the_detail_makes_as_many_queries_for_ten_objectives_and_tasks_as_for_two(
    cast: Cast, login
) -> None:
    small = make_curriculum(cast, units=1, per_unit=2)
    client = login(cast.tess)

    def count() -> int:
        with CaptureQueriesContext(connection) as queries:
            response = client.get(f"/learning/curricula/{small.curriculum.pk}/")
        assert response.status_code == 200
        return len(queries)

    two = count()
    unit = small.units[0]
    for i in range(3, 11):
        objective = Objective.objects.create(
            curriculum=small.curriculum, unit=unit, code=f"X{i}", text=f"Mål {i}"
        )
        task = WorkplaceTask.objects.create(
            workplace=cast.moulding if i % 2 else cast.finishing, title=f"Uppgift {i}"
        )
        task.objectives.set([objective, small.objectives[0]])
    assert Objective.objects.filter(curriculum=small.curriculum).count() == 10
    assert count() == two


# --- create, edit, delete a curriculum -------------------------------------------------------


def test_the_teacher_creates_a_curriculum_for_her_school(cast: Cast, login) -> None:
    response = login(cast.tess).post(
        "/learning/curricula/new/",
        {
            "name": "Trähus",
            "trade": "Bygg",
            "description": "Hus",
            "organisation": cast.school.pk,
            "programmes": [cast.programme.pk],
        },
    )
    curriculum = Curriculum.objects.get(name_sv="Trähus")
    assert response.status_code == 302
    assert response["Location"] == f"/learning/curricula/{curriculum.pk}/"
    assert (curriculum.organisation, curriculum.trade, curriculum.description) == (
        cast.school,
        "Bygg",
        "Hus",
    )
    assert list(curriculum.programmes.all()) == [cast.programme]


def test_the_create_form_offers_only_her_organisations_and_programmes(cast: Cast, login) -> None:
    content = body_of(login(cast.tess).get("/learning/curricula/new/"))
    assert "Lärcentrum" in content and "Gjuterivägen" in content
    assert "Värnamo" not in content and "Vårdvägen" not in content
    assert "Sävsjö kommun" not in content


def test_a_bad_curriculum_keeps_what_was_typed_and_says_why(
    cast: Cast, login, foundry: Foundry
) -> None:
    client = login(cast.tess)
    response = client.post(
        "/learning/curricula/new/",
        {"name": "", "trade": "Bygg-typed", "organisation": cast.school.pk},
    )
    assert response.status_code == 200
    content = response.content.decode()
    assert "This field is required." in content and 'value="Bygg-typed"' in content
    response = client.post(
        "/learning/curricula/new/", {"name": "Gjuteri", "organisation": cast.school.pk}
    )
    assert "This organisation already has a curriculum with this name." in (
        response.content.decode()
    )
    assert Curriculum.objects.count() == 1


def test_charlie_cannot_make_a_curriculum_for_the_school_or_link_savsjos_programme(
    cast: Cast, login
) -> None:
    client = login(cast.charlie)
    response = client.post(
        "/learning/curricula/new/",
        {"name": "X", "organisation": cast.school.pk, "programmes": [cast.programme.pk]},
    )
    assert response.status_code == 200
    assert "Select a valid choice." in response.content.decode()
    assert not Curriculum.objects.exists()


@pytest.mark.parametrize("who", ["mona", "bob", "dana"])
def test_people_who_neither_teach_nor_coordinate_cannot_create(cast: Cast, login, who: str) -> None:
    client = login(getattr(cast, who))
    assert client.get("/learning/curricula/new/").status_code == 403
    assert (
        client.post(
            "/learning/curricula/new/", {"name": "X", "organisation": cast.school.pk}
        ).status_code
        == 403
    )
    assert not Curriculum.objects.exists()


def test_the_coordinator_edits_the_schools_curriculum(cast: Cast, login, foundry: Foundry) -> None:
    curriculum = foundry.curriculum
    # Alice coordinates Sävsjö, which manages the school; she may make curricula for Sävsjö.
    response = login(cast.alice).post(
        f"/learning/curricula/{curriculum.pk}/edit/",
        {"name": "Gjuteri 2", "trade": "", "organisation": cast.savsjo.pk, "programmes": []},
    )
    assert response.status_code == 302
    curriculum.refresh_from_db()
    assert (curriculum.name, curriculum.organisation) == ("Gjuteri 2", cast.savsjo)
    assert not curriculum.programmes.exists()


def test_the_edit_form_is_filled_in(cast: Cast, login, foundry: Foundry) -> None:
    content = body_of(login(cast.tess).get(f"/learning/curricula/{foundry.curriculum.pk}/edit/"))
    assert 'value="Gjuteri"' in content
    assert f'value="{cast.programme.pk}" id="id_programmes_0" checked' in content


@pytest.mark.parametrize("who", ["charlie", "mona", "bob", "dana"])
def test_others_cannot_edit_or_delete_a_curriculum(
    cast: Cast, login, foundry: Foundry, who: str
) -> None:
    client = login(getattr(cast, who))
    pk = foundry.curriculum.pk
    before = snapshot()
    assert client.get(f"/learning/curricula/{pk}/edit/").status_code == 404
    data = {"name": "Hacked", "organisation": cast.school.pk}
    assert client.post(f"/learning/curricula/{pk}/edit/", data).status_code == 404
    assert client.post(f"/learning/curricula/{pk}/delete/").status_code == 404
    assert client.post(f"/learning/curricula/{pk}/units/new/", {"code": "Z"}).status_code == 404
    assert client.post(f"/learning/curricula/{pk}/objectives/new/").status_code == 404
    unit, objective = foundry.units[0], foundry.objectives[0]
    assert client.post(f"/learning/curricula/{pk}/units/{unit.pk}/delete/").status_code == 404
    assert (
        client.post(f"/learning/curricula/{pk}/objectives/{objective.pk}/delete/").status_code
        == 404
    )
    assert client.get(f"/learning/curricula/{pk}/import/").status_code == 404
    assert snapshot() == before


def test_the_teacher_deletes_a_curriculum_after_confirming(
    cast: Cast, login, foundry: Foundry
) -> None:
    client = login(cast.tess)
    url = f"/learning/curricula/{foundry.curriculum.pk}/delete/"
    assert "Delete the curriculum Gjuteri with all its units and objectives?" in (
        body_of(client.get(url))
    )
    assert Curriculum.objects.count() == 1
    response = client.post(url)
    assert response.status_code == 302 and response["Location"] == "/learning/curricula/"
    assert not Curriculum.objects.exists() and not Objective.objects.exists()


def test_a_curriculum_with_an_objective_in_a_plan_is_not_deleted(
    cast: Cast, login, foundry: Foundry
) -> None:
    in_plan(cast, foundry.objectives[0])
    before = snapshot()
    response = login(cast.tess).post(f"/learning/curricula/{foundry.curriculum.pk}/delete/")
    assert response.status_code == 200
    assert "some of its objectives are in learning plans" in response.content.decode()
    assert snapshot() == before


# --- units -----------------------------------------------------------------------------------


def test_the_teacher_adds_and_edits_a_unit(cast: Cast, login, foundry: Foundry) -> None:
    client = login(cast.tess)
    pk = foundry.curriculum.pk
    response = client.post(
        f"/learning/curricula/{pk}/units/new/", {"code": "U3", "name": "Mätteknik", "order": 3}
    )
    assert response.status_code == 302
    unit = Unit.objects.get(curriculum=foundry.curriculum, code="U3")
    assert (unit.name, unit.order) == ("Mätteknik", 3)
    response = client.post(
        f"/learning/curricula/{pk}/units/{unit.pk}/edit/",
        {"code": "U3", "name": "Mätning", "order": 4},
    )
    assert response.status_code == 302
    unit.refresh_from_db()
    assert (unit.name, unit.order) == ("Mätning", 4)


def test_a_unit_code_twice_is_refused_and_the_typing_kept(
    cast: Cast, login, foundry: Foundry
) -> None:
    before = snapshot()
    response = login(cast.tess).post(
        f"/learning/curricula/{foundry.curriculum.pk}/units/new/",
        {"code": "U1", "name": "Typed name", "order": 1},
    )
    content = response.content.decode()
    assert response.status_code == 200
    assert "Another unit in this curriculum has this code." in content
    assert 'value="Typed name"' in content
    assert snapshot() == before


def test_a_unit_of_another_curriculum_is_not_found(cast: Cast, login, foundry: Foundry) -> None:
    other = Curriculum.objects.create(organisation=cast.school, name="Annat")
    unit = foundry.units[0]
    client = login(cast.tess)
    assert client.get(f"/learning/curricula/{other.pk}/units/{unit.pk}/edit/").status_code == 404


def test_a_unit_with_an_objective_in_a_plan_is_not_deleted(
    cast: Cast, login, foundry: Foundry
) -> None:
    in_plan(cast, foundry.objectives[0])
    unit = foundry.units[0]
    client = login(cast.tess)
    url = f"/learning/curricula/{foundry.curriculum.pk}/units/{unit.pk}/delete/"
    content = body_of(client.post(url))
    assert "This unit cannot be deleted" in content
    assert Unit.objects.filter(pk=unit.pk).exists()
    other = foundry.units[1]
    response = client.post(f"/learning/curricula/{foundry.curriculum.pk}/units/{other.pk}/delete/")
    assert response.status_code == 302
    assert not Unit.objects.filter(pk=other.pk).exists()
    assert Objective.objects.filter(unit=other).count() == 0


# --- objectives ------------------------------------------------------------------------------


def test_the_teacher_adds_an_objective_to_a_unit(cast: Cast, login, foundry: Foundry) -> None:
    client = login(cast.tess)
    pk, unit = foundry.curriculum.pk, foundry.units[1]
    form = body_of(client.get(f"/learning/curricula/{pk}/objectives/new/?unit={unit.pk}"))
    assert f'<option value="{unit.pk}" selected>U2 Enhet 2</option>' in form
    response = client.post(
        f"/learning/curricula/{pk}/objectives/new/",
        {"unit": unit.pk, "code": "U2.9", "text": "Jag kan läsa en ritning", "order": 9},
    )
    assert response.status_code == 302
    objective = Objective.objects.get(code="U2.9")
    assert (objective.unit, objective.curriculum, objective.text) == (
        unit,
        foundry.curriculum,
        "Jag kan läsa en ritning",
    )


def test_an_objective_code_twice_or_a_foreign_unit_is_refused(
    cast: Cast, login, foundry: Foundry
) -> None:
    client = login(cast.tess)
    pk = foundry.curriculum.pk
    before = objectives()
    response = client.post(
        f"/learning/curricula/{pk}/objectives/new/",
        {"unit": foundry.units[0].pk, "code": "U1.1", "text": "Kept text", "order": 0},
    )
    content = response.content.decode()
    assert "Another objective in this curriculum has this code." in content
    assert "Kept text" in content
    other = Curriculum.objects.create(organisation=cast.school, name="Annat")
    foreign = Unit.objects.create(curriculum=other, code="F", name="Främmande")
    response = client.post(
        f"/learning/curricula/{pk}/objectives/new/",
        {"unit": foreign.pk, "code": "N1", "text": "Ny", "order": 0},
    )
    assert "Select a valid choice." in response.content.decode()
    response = client.post(
        f"/learning/curricula/{pk}/objectives/new/",
        {"unit": foundry.units[0].pk, "code": "N1", "text": "", "order": "x"},
    )
    assert response.status_code == 200
    assert "Enter a whole number." in response.content.decode()
    assert objectives() == before


def test_the_teacher_edits_an_objective(cast: Cast, login, foundry: Foundry) -> None:
    objective = foundry.objectives[0]
    url = f"/learning/curricula/{foundry.curriculum.pk}/objectives/{objective.pk}/edit/"
    response = login(cast.tess).post(
        url, {"unit": foundry.units[1].pk, "code": "U1.1", "text": "Nytt mål", "order": 5}
    )
    assert response.status_code == 302
    objective.refresh_from_db()
    assert (objective.unit, objective.text, objective.order) == (foundry.units[1], "Nytt mål", 5)


def test_an_objective_in_a_plan_is_not_deleted_with_a_clear_message(
    cast: Cast, login, foundry: Foundry
) -> None:
    objective = foundry.objectives[0]
    in_plan(cast, objective)
    url = f"/learning/curricula/{foundry.curriculum.pk}/objectives/{objective.pk}/delete/"
    response = login(cast.tess).post(url)
    assert response.status_code == 200
    assert (
        "This objective cannot be deleted: it is in a learning plan. Take it out of the plan first."
    ) in response.content.decode()
    assert Objective.objects.filter(pk=objective.pk).exists()


def test_an_objective_not_in_a_plan_is_deleted(cast: Cast, login, foundry: Foundry) -> None:
    objective = foundry.objectives[5]
    url = f"/learning/curricula/{foundry.curriculum.pk}/objectives/{objective.pk}/delete/"
    assert login(cast.tess).post(url).status_code == 302
    assert not Objective.objects.filter(pk=objective.pk).exists()


def test_a_mentor_of_another_workplace_reads_the_curriculum_but_cannot_change_it(
    cast: Cast, login, foundry: Foundry
) -> None:
    finn = make_finn(cast)
    client = login(finn)
    pk = foundry.curriculum.pk
    assert client.get(f"/learning/curricula/{pk}/").status_code == 200
    assert client.get(f"/learning/curricula/{pk}/edit/").status_code == 404
