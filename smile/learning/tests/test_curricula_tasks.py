"""Workplace tasks: the mentors of the workplace, its coordinators and the teachers of the adepts
placed there write them; the people of the workplace read them; others see nothing."""

import io
import re
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from PIL import Image

from smile.accounts.models import User
from smile.learning.models import Curriculum, Objective, Unit, WorkplaceTask
from smile.learning.tests.curricula_fixtures import (
    Foundry,
    in_swedish,
    make_curriculum,
    make_finn,
)
from tests.cast import Cast
from tests.pages import body_of


@pytest.fixture(autouse=True)
def media(settings, tmp_path: Path) -> Path:
    settings.MEDIA_ROOT = tmp_path
    return tmp_path


@pytest.fixture
def foundry(cast: Cast) -> Foundry:
    return make_curriculum(cast)


@pytest.fixture
def finn(cast: Cast) -> User:
    return make_finn(cast)


def png(name: str = "form.png") -> SimpleUploadedFile:
    out = io.BytesIO()
    Image.new("RGB", (40, 30), (200, 120, 40)).save(out, "PNG")
    return SimpleUploadedFile(name, out.getvalue(), content_type="image/png")


def tasks() -> list[tuple[object, ...]]:
    return list(
        WorkplaceTask.objects.order_by("pk").values_list(
            "pk", "workplace_id", "title", "location", "tools", "safety_notes", "photo"
        )
    )


def links() -> list[tuple[int, int]]:
    return list(
        WorkplaceTask.objects.filter(objectives__isnull=False)
        .order_by("pk", "objectives")
        .values_list("pk", "objectives")
    )


# --- reading ---------------------------------------------------------------------------------


def test_the_mentor_sees_the_tasks_of_his_workplace_and_may_add(
    cast: Cast, login, foundry: Foundry
) -> None:
    content = body_of(login(cast.bob).get(f"/learning/workplaces/{cast.moulding.pk}/tasks/"))
    title = in_swedish("Kontrollmäta formen")
    assert f'<a href="/learning/tasks/{foundry.task.pk}/">{title}</a>' in content
    assert "Skyddsglasögon och hörselskydd" in content
    assert "<bdi>U1.1</bdi>, <bdi>U1.2</bdi>" in content
    assert "New task" in content


@pytest.mark.parametrize("who", ["dana", "mona"])
def test_the_adept_and_the_manager_read_the_tasks_without_changing(
    cast: Cast, login, foundry: Foundry, who: str
) -> None:
    client = login(getattr(cast, who))
    content = body_of(client.get(f"/learning/workplaces/{cast.moulding.pk}/tasks/"))
    assert "Kontrollmäta formen" in content and "New task" not in content
    detail = body_of(client.get(f"/learning/tasks/{foundry.task.pk}/"))
    assert "Kontrollmäta formen" in detail and "Delete the task" not in detail


def test_the_task_page_shows_safety_first_and_the_objectives_practised(
    cast: Cast, login, foundry: Foundry
) -> None:
    content = body_of(login(cast.dana).get(f"/learning/tasks/{foundry.task.pk}/"))
    safety = content.index('<h2 id="task-safety">')
    assert safety < content.index("<dt>Where</dt>")
    assert f"<p>{in_swedish('Skyddsglasögon och hörselskydd')}</p>" in content
    assert f"<dd>{in_swedish('Skjutmått')}</dd>" in content
    assert f"<strong><bdi>U1.1</bdi></strong> {in_swedish('Jag kan sak 1.1')}" in content
    assert "U2.1" not in content
    assert "<img" not in content  # no photo yet


@pytest.mark.parametrize("who", ["charlie", "finn"])
def test_others_and_a_mentor_of_another_workplace_see_nothing(
    cast: Cast, login, foundry: Foundry, finn: User, who: str
) -> None:
    user = finn if who == "finn" else getattr(cast, who)
    client = login(user)
    assert client.get(f"/learning/workplaces/{cast.moulding.pk}/tasks/").status_code == 404
    assert client.get(f"/learning/tasks/{foundry.task.pk}/").status_code == 404


def test_the_task_list_makes_as_many_queries_for_five_tasks_as_for_two(
    cast: Cast, login, foundry: Foundry
) -> None:
    client = login(cast.bob)

    def count() -> int:
        with CaptureQueriesContext(connection) as queries:
            assert client.get(f"/learning/workplaces/{cast.moulding.pk}/tasks/").status_code == 200
        return len(queries)

    WorkplaceTask.objects.create(workplace=cast.moulding, title="Två")
    two = count()
    for i in range(3):
        task = WorkplaceTask.objects.create(workplace=cast.moulding, title=f"Fler {i}")
        task.objectives.set(foundry.objectives[i : i + 2])
    assert count() == two


# --- writing ---------------------------------------------------------------------------------


def test_the_mentor_adds_a_task_with_a_photo_and_objectives(
    cast: Cast, login, foundry: Foundry, media: Path
) -> None:
    client = login(cast.bob)
    form = body_of(client.get(f"/learning/workplaces/{cast.moulding.pk}/tasks/new/"))
    assert 'enctype="multipart/form-data"' in form
    assert "U2.3 Jag kan sak 2.3 (Gjuteri)" in form
    u21, u22 = foundry.objectives[3], foundry.objectives[4]
    response = client.post(
        f"/learning/workplaces/{cast.moulding.pk}/tasks/new/",
        {
            "title": "Stampa en sandform",
            "location": "Formmaskin 1",
            "tools": "Stamp, formsand",
            "safety_notes": "Skyddsskor",
            "objectives": [u21.pk, u22.pk],
            "new_photo": png(),
        },
    )
    task = WorkplaceTask.objects.get(title_sv="Stampa en sandform")
    assert response.status_code == 302 and response["Location"] == f"/learning/tasks/{task.pk}/"
    assert (task.workplace, task.location, task.tools, task.safety_notes) == (
        cast.moulding,
        "Formmaskin 1",
        "Stamp, formsand",
        "Skyddsskor",
    )
    assert set(task.objectives.all()) == {u21, u22}
    assert re.fullmatch(r"tasks/\d{4}/\d{2}/[0-9a-f]{32}\.jpg", str(task.photo.name))
    assert (media / str(task.photo.name)).exists()
    detail = body_of(client.get(f"/learning/tasks/{task.pk}/"))
    assert f'<img class="photo" src="/media/task/{task.pk}/" width="320"' in detail
    assert 'alt="Photo: Stampa en sandform"' in detail
    picture = login(cast.dana).get(f"/media/task/{task.pk}/")
    assert picture.status_code == 200 and picture["Content-Type"] == "image/jpeg"
    assert login(cast.charlie).get(f"/media/task/{task.pk}/").status_code == 404


def test_a_file_that_is_not_a_picture_is_refused_and_nothing_saved(
    cast: Cast, login, foundry: Foundry, media: Path
) -> None:
    before = tasks()
    response = login(cast.bob).post(
        f"/learning/workplaces/{cast.moulding.pk}/tasks/new/",
        {
            "title": "Typed title",
            "new_photo": SimpleUploadedFile("form.png", b"not a picture at all", "image/png"),
        },
    )
    content = response.content.decode()
    assert response.status_code == 200
    assert "This file is not a picture we can use. Use a JPEG or PNG photo under 10 MB." in content
    assert 'value="Typed title"' in content
    assert tasks() == before
    assert not any(media.rglob("*.jpg"))


def test_the_teacher_of_the_adept_placed_there_edits_a_task_and_replaces_its_photo(
    cast: Cast, login, foundry: Foundry, media: Path, django_capture_on_commit_callbacks
) -> None:
    client = login(cast.tess)
    url = f"/learning/tasks/{foundry.task.pk}/edit/"
    data = {"title": "Kontrollmäta formen", "safety_notes": "Hörselskydd"}
    response = client.post(
        url, {**data, "objectives": [foundry.objectives[2].pk], "new_photo": png()}
    )
    assert (response.status_code, response["Location"]) == (
        302,
        f"/learning/tasks/{foundry.task.pk}/",
    )
    task = WorkplaceTask.objects.get(pk=foundry.task.pk)
    first = task.photo.name
    assert (media / str(first)).exists()
    assert [o.code for o in task.objectives.all()] == ["U1.3"]
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url, {**data, "new_photo": png("second.png")})
    assert response.status_code == 302
    task.refresh_from_db()
    assert task.photo.name != first and (media / str(task.photo.name)).exists()
    assert not (media / str(first)).exists()
    assert "Remove the photo" in body_of(client.get(url))
    second = task.photo.name
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url, {**data, "remove_photo": "on"})
    assert response.status_code == 302
    task.refresh_from_db()
    assert not (media / str(second)).exists()
    assert not task.photo and task.safety_notes == "Hörselskydd"
    assert not task.objectives.exists()


def test_a_task_title_twice_and_an_objective_of_another_municipality_are_refused(
    cast: Cast, login, foundry: Foundry
) -> None:
    WorkplaceTask.objects.create(workplace=cast.moulding, title="Gjuta")
    varnamo = Curriculum.objects.create(organisation=cast.varnamo, name="Vård")
    unit = Unit.objects.create(curriculum=varnamo, code="V", name="Vård")
    foreign = Objective.objects.create(curriculum=varnamo, unit=unit, code="V1", text="Vård")
    before, before_links = tasks(), links()
    client = login(cast.bob)
    url = f"/learning/workplaces/{cast.moulding.pk}/tasks/new/"
    content = body_of(client.post(url, {"title": "Gjuta", "location": "Kept place"}))
    assert "This workplace already has a task with this name." in content
    assert 'value="Kept place"' in content
    content = body_of(client.post(url, {"title": "Ny", "objectives": [foreign.pk]}))
    assert "Select a valid choice." in content
    assert "This field is required." in body_of(client.post(url, {"title": ""}))
    assert tasks() == before and links() == before_links


@pytest.mark.parametrize("who", ["charlie", "finn", "dana", "mona", "erin"])
def test_others_cannot_add_change_or_delete_tasks_here(
    cast: Cast, login, foundry: Foundry, finn: User, who: str
) -> None:
    user = finn if who == "finn" else getattr(cast, who)
    client = login(user)
    before, before_links = tasks(), links()
    task = foundry.task
    assert client.get(f"/learning/workplaces/{cast.moulding.pk}/tasks/new/").status_code == 404
    assert (
        client.post(
            f"/learning/workplaces/{cast.moulding.pk}/tasks/new/", {"title": "X"}
        ).status_code
        == 404
    )
    assert client.get(f"/learning/tasks/{task.pk}/edit/").status_code == 404
    assert client.post(f"/learning/tasks/{task.pk}/edit/", {"title": "X"}).status_code == 404
    assert client.post(f"/learning/tasks/{task.pk}/delete/").status_code == 404
    assert tasks() == before and links() == before_links


def test_the_mentor_of_the_other_workplace_writes_tasks_there(
    cast: Cast, login, foundry: Foundry, finn: User
) -> None:
    response = login(finn).post(
        f"/learning/workplaces/{cast.finishing.pk}/tasks/new/",
        {"title": "Slipa gjutskägg", "objectives": [foundry.objectives[0].pk]},
    )
    assert response.status_code == 302
    task = WorkplaceTask.objects.get(title_sv="Slipa gjutskägg")
    assert task.workplace == cast.finishing
    assert [o.code for o in task.objectives.all()] == ["U1.1"]


def test_the_mentor_deletes_a_task_after_confirming(cast: Cast, login, foundry: Foundry) -> None:
    client = login(cast.bob)
    url = f"/learning/tasks/{foundry.task.pk}/delete/"
    assert "Delete the task Kontrollmäta formen?" in body_of(client.get(url))
    response = client.post(url)
    assert response.status_code == 302
    assert response["Location"] == f"/learning/workplaces/{cast.moulding.pk}/tasks/"
    assert not WorkplaceTask.objects.exists()
    assert Objective.objects.count() == 6


def test_the_service_itself_refuses_a_stranger_and_a_foreign_objective(
    cast: Cast, foundry: Foundry, finn: User
) -> None:
    from smile.core.errors import ApplicationError
    from smile.learning.curricula.services import workplace_task_save

    with pytest.raises(ApplicationError, match="You cannot change the tasks of this workplace"):
        workplace_task_save(actor=finn, workplace=cast.moulding, title="X")
    varnamo = Curriculum.objects.create(organisation=cast.varnamo, name="Vård")
    unit = Unit.objects.create(curriculum=varnamo, code="V", name="Vård")
    foreign = Objective.objects.create(curriculum=varnamo, unit=unit, code="V1", text="Vård")
    with pytest.raises(ApplicationError, match="Choose among the objectives"):
        workplace_task_save(
            actor=cast.bob, workplace=cast.moulding, title="X", objectives=[foreign]
        )
    assert list(WorkplaceTask.objects.values_list("title", flat=True)) == ["Kontrollmäta formen"]
