"""What the homes and an adept's learning page show of curricula and tasks."""

from django.db import connection
from django.template.loader import render_to_string
from django.test.utils import CaptureQueriesContext

from smile.learning.curricula import selectors
from smile.learning.models import Curriculum
from smile.learning.tests.curricula_fixtures import in_swedish, make_curriculum
from tests.cast import Cast


def test_the_adept_panel_links_her_curricula_and_the_tasks_at_her_workplace(cast: Cast) -> None:
    foundry = make_curriculum(cast)
    Curriculum.objects.create(organisation=cast.varnamo, name="Vård")
    panel = selectors.for_adept(user=cast.dana, enrolment=cast.dana_enrolment)
    assert panel["curricula"] == [foundry.curriculum] and panel["task_count"] == 1
    html = render_to_string("learning/curricula/_adept.html", {"panel": panel})
    link = f'<a href="/learning/curricula/{foundry.curriculum.pk}/">{in_swedish("Gjuteri")}</a>'
    assert link in html
    tasks = f"/learning/workplaces/{cast.moulding.pk}/tasks/"
    assert f'<a href="{tasks}">Tasks at <bdi>Formning</bdi></a>' in html


def test_the_panels_are_empty_when_there_is_nothing(cast: Cast) -> None:
    assert selectors.for_adept(user=cast.erin, enrolment=cast.erin_enrolment) == {}
    assert render_to_string("learning/curricula/_adept.html", {"panel": {}}).strip() == ""
    assert selectors.for_home(user=cast.bob, role="coordinator") == {}


def test_the_teachers_home_panel_lists_curricula_and_workplaces(cast: Cast) -> None:
    foundry = make_curriculum(cast)
    panel = selectors.for_home(user=cast.tess, role="teacher")
    assert [c.pk for c in panel["curricula"]] == [foundry.curriculum.pk]
    assert [w.name for w in panel["workplaces"]] == ["Efterbehandling", "Formning"]
    html = render_to_string("learning/curricula/_home.html", {"panel": panel})
    assert 'aria-labelledby="curricula-home-heading"' in html
    assert "Tasks at <bdi>Efterbehandling</bdi>" in html


def test_the_home_panel_makes_the_same_queries_for_one_curriculum_or_four(cast: Cast) -> None:
    make_curriculum(cast)

    def count() -> int:
        cast.tess.__dict__.pop("_smile_actor", None)
        with CaptureQueriesContext(connection) as queries:
            selectors.for_home(user=cast.tess, role="teacher")
        return len(queries)

    one = count()
    for i in range(3):
        Curriculum.objects.create(organisation=cast.school, name=f"C{i}")
    assert count() == one
