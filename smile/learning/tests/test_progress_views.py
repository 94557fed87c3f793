"""The progress pages: the cohort page for coordinators, teachers and mentors, the panel on an
adept's learning page, the home cards; who sees what; and the queries as a cohort grows."""

import re
import xml.etree.ElementTree as ET
from datetime import date, timedelta

import pytest
from django.db import connection
from django.template.loader import render_to_string
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from smile.accounts.models import User
from smile.core.actor import SYSTEM
from smile.learning.models import Objective
from smile.learning.progress.selectors import cohort_progress, for_adept, for_home
from smile.learning.tests.progress_fixtures import (
    add_adept,
    curriculum,
    give_plan,
    hold_review,
    log_practice,
    start,
)
from smile.programmes.models import Enrolment
from smile.programmes.services import enrolment_create
from tests.cast import Cast, add_other_mentor, make_user
from tests.pages import body_of

PROGRESS = "/learning/progress/"


def today() -> date:
    return timezone.localdate()


def adept_url(enrolment: Enrolment) -> str:
    return f"/learning/adepts/{enrolment.pk}/"


@pytest.fixture
def objectives(cast: Cast) -> list[Objective]:
    return curriculum(cast)


@pytest.fixture
def planned(cast: Cast, objectives: list[Objective]) -> Cast:
    """Dana is behind (one objective late), practising and reviewed; erin is on track but has
    logged no practice for a long time."""
    dana = start(cast.dana_enrolment, today() - timedelta(days=50))
    give_plan(
        dana,
        objectives,
        [3, 1, 0],
        targets=[today() + timedelta(days=50), today() - timedelta(days=1), None],
    )
    log_practice(dana, today())
    hold_review(dana, today() - timedelta(days=7))
    erin = start(cast.erin_enrolment, today() - timedelta(days=50))
    give_plan(erin, objectives, [2, 1, 2, 1], targets=today() + timedelta(days=50))
    hold_review(erin, today() - timedelta(days=7))
    return cast


@pytest.fixture
def other_mentor(cast: Cast) -> User:
    return add_other_mentor(cast)


def statuses(content: str) -> list[str]:
    return re.findall(r'<tr data-status="(\w+)">', content)


def row_names(content: str) -> list[str]:
    return re.findall(
        r'<th scope="row"><a href="/learning/adepts/\d+/"><bdi>([^<]+)</bdi>', content
    )


# --- the cohort page -----------------------------------------------------------------------------


def test_the_coordinator_sees_every_adept_of_her_programme(planned: Cast, login) -> None:
    response = login(planned.alice).get(PROGRESS)
    assert response.status_code == 200
    content = response.content.decode()
    assert "<h1>Learning progress</h1>" in content
    assert row_names(content) == ["Dana Darwish", "Erin Eriksson"]
    assert statuses(content) == ["behind", "on_track"]
    assert f'href="{adept_url(planned.dana_enrolment)}"' in content
    assert "1 objective is late" in content
    assert "No practice logged yet" in content
    assert "1 adept has alerts" in content
    assert "Behind means progress is more than 15 points below the time passed" in content
    # A chart per row, named after the adept, and the group's chart with its table.
    assert 'aria-labelledby="progress-row-' in content
    assert "Progress against time: Dana Darwish" in content
    assert '<caption id="progress-levels-caption">Objectives by level</caption>' in content


def test_sorting_by_status_puts_the_behind_first(planned: Cast, login) -> None:
    erin = planned.erin_enrolment
    # Erin falls behind too, and a third adept with no objectives comes in.
    give_plan(erin, [], [])
    Enrolment.objects.filter(pk=erin.pk).update(starts_on=today() - timedelta(days=300))
    newcomer = make_user("amir@elev.example", "Amir Ali")
    enrolment_create(
        actor=SYSTEM,
        programme=planned.programme,
        user=newcomer,
        role="adept",
        workplace=planned.moulding,
        education_provider=planned.school,
        starts_on=today(),
    )
    client = login(planned.alice)
    content = body_of(client.get(PROGRESS))
    assert row_names(content) == ["Amir Ali", "Dana Darwish", "Erin Eriksson"]
    content = body_of(client.get(PROGRESS + "?sort=status"))
    assert statuses(content) == ["behind", "behind", "no_plan"]
    assert row_names(content) == ["Dana Darwish", "Erin Eriksson", "Amir Ali"]
    assert "Sorted by status: behind first." in content
    assert 'href="?sort=name"' in content


def test_an_unknown_sort_is_by_name(planned: Cast, login) -> None:
    response = login(planned.alice).get(PROGRESS + "?sort=<script>")
    assert response.status_code == 200
    assert "Sorted by name." in response.content.decode()
    assert "<script>" not in response.content.decode()


def test_the_filter_shows_one_programme(planned: Cast, login) -> None:
    programme = planned.programme
    response = login(planned.alice).get(PROGRESS + f"?programme={programme.pk}&sort=status")
    assert response.status_code == 200
    content = response.content.decode()
    assert row_names(content) == ["Dana Darwish", "Erin Eriksson"]
    # The sort links keep the programme.
    assert f'href="?programme={programme.pk}&amp;sort=name"' in content


@pytest.mark.parametrize("value", ["abc", "99999", "-1", " 1"])
def test_a_bad_programme_is_404(planned: Cast, login, value: str) -> None:
    assert login(planned.alice).get(PROGRESS, {"programme": value}).status_code == 404


def test_another_municipality_cannot_filter_on_her_programme(planned: Cast, login) -> None:
    client = login(planned.charlie)
    assert client.get(PROGRESS, {"programme": planned.programme.pk}).status_code == 404
    content = body_of(client.get(PROGRESS))
    assert "Dana" not in content and "Erin" not in content
    assert "There are no adepts whose learning you follow here." in content


def test_the_teacher_sees_her_class(planned: Cast, login) -> None:
    content = body_of(login(planned.tess).get(PROGRESS))
    assert "<h1>Progress of my class</h1>" in content
    assert row_names(content) == ["Dana Darwish", "Erin Eriksson"]


def test_a_mentor_sees_his_adepts_only(planned: Cast, login, other_mentor: User) -> None:
    content = body_of(login(planned.bob).get(PROGRESS))
    assert "<h1>Progress of my adepts</h1>" in content
    assert row_names(content) == ["Dana Darwish"]
    content = body_of(login(other_mentor).get(PROGRESS))
    assert row_names(content) == ["Erin Eriksson"]


@pytest.mark.parametrize("who", ["charlie", "mona", "erin", "dana"])
def test_others_see_no_one_of_the_class(planned: Cast, login, who: str) -> None:
    response = login(getattr(planned, who)).get(PROGRESS)
    assert response.status_code == 200
    assert row_names(response.content.decode()) == []


def test_the_page_needs_a_login(planned: Cast, client) -> None:
    response = client.get(PROGRESS)
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


# --- the panel on an adept's page ---------------------------------------------------------------


def test_the_panel_shows_the_chart_the_numbers_status_and_alerts(planned: Cast, login) -> None:
    response = login(planned.tess).get(adept_url(planned.erin_enrolment))
    assert response.status_code == 200
    content = response.content.decode()
    panel = content[content.index('aria-labelledby="progress-heading"') :]
    panel = panel[: panel.index("</section>")]
    assert "Status: On track" in panel
    assert "No practice logged yet" in panel
    # Erin: two practised with support, two introduced; 50 of 100 days passed.
    assert '<td class="num">0 %</td>' in panel  # independent
    assert '<td class="num">50 %</td>' in panel  # progress
    assert "Objectives in the plan" in panel and '<td class="num">4</td>' in panel
    svg = re.search(r'<svg xmlns="http://www.w3.org/2000/svg" class="chart".*?</svg>', panel)
    assert svg is not None
    root = ET.fromstring(svg.group(0))
    assert root.get("role") == "img"


def test_the_panel_is_in_her_language_and_direction(planned: Cast, login) -> None:
    client = login(planned.dana)
    client.cookies["smile_language"] = "ar"
    content = body_of(client.get(adept_url(planned.dana_enrolment)))
    match = re.search(
        r'<svg[^>]*aria-labelledby="progress-adept-title progress-adept-desc"', content
    )
    assert match is not None
    # Mirrored: the bar of her progress ends at the right edge (x + width = 279 of 280).
    bar = re.search(r'<g data-key="independent"><rect x="([\d.]+)" y="1" width="([\d.]+)"', content)
    assert bar is not None
    assert round(float(bar.group(1)) + float(bar.group(2)), 2) == 279


@pytest.mark.parametrize("who", ["charlie", "mona", "erin"])
def test_others_get_404_on_her_page_and_nothing_of_the_panel(planned: Cast, login, who) -> None:
    user = getattr(planned, who)
    assert login(user).get(adept_url(planned.dana_enrolment)).status_code == 404
    assert for_adept(user=user, enrolment=planned.dana_enrolment) == {}


def test_a_mentor_of_another_workplace_sees_nothing_of_dana(
    planned: Cast, login, other_mentor: User
) -> None:
    assert login(other_mentor).get(adept_url(planned.dana_enrolment)).status_code == 404
    assert for_adept(user=other_mentor, enrolment=planned.dana_enrolment) == {}
    assert [row.enrolment for row in cohort_progress(other_mentor)] == [planned.erin_enrolment]


def test_nothing_to_show_is_no_panel(cast: Cast) -> None:
    start(cast.dana_enrolment, today())
    assert for_adept(user=cast.bob, enrolment=cast.dana_enrolment) == {}


# --- the home cards ---------------------------------------------------------------------------


def render_home(user: User, role: str, rf: RequestFactory) -> str:
    request = rf.get("/")
    request.user = user
    return render_to_string(
        "learning/progress/_home.html", {"panel": for_home(user=user, role=role)}, request=request
    )


def test_the_teachers_card_counts(planned: Cast, rf: RequestFactory) -> None:
    html = render_home(planned.tess, "teacher", rf)
    assert "Behind: <strong>1</strong>" in html
    assert "On track: <strong>1</strong>" in html
    assert "Ahead: <strong>0</strong>" in html
    assert "1 adept has alerts" in html
    assert f'href="{PROGRESS}"' in html


def test_the_mentors_card_has_a_line_per_adept(planned: Cast, rf: RequestFactory) -> None:
    html = render_home(planned.bob, "mentor", rf)
    assert (
        f'<a href="{adept_url(planned.dana_enrolment)}"><bdi>Dana Darwish</bdi></a>: Behind' in html
    )
    assert "Erin" not in html


def test_the_adepts_card_is_one_sentence_and_a_chart(planned: Cast, rf: RequestFactory) -> None:
    html = render_home(planned.erin, "adept", rf)
    assert (
        "On track: 0 % of your objectives are independent, and 50 % of the time has passed." in html
    )
    assert 'aria-labelledby="progress-home-' in html
    assert render_home(planned.mona, "teacher", rf).strip() == ""


# --- the queries as the cohort grows --------------------------------------------------------------


def grow(cast: Cast, objectives: list[Objective], frm: int, to: int) -> None:
    for n in range(frm, to):
        add_adept(cast, n, objectives, mentor=cast.bob_enrolment)


def test_the_cohort_page_takes_as_many_queries_for_50_adepts_as_for_2(
    cast: Cast, objectives: list[Objective], login
) -> None:
    grow(cast, objectives, 0, 2)
    client = login(cast.tess)
    client.get(PROGRESS)  # the first request of a session reads a little more
    with CaptureQueriesContext(connection) as two:
        content = body_of(client.get(PROGRESS))
    assert len(row_names(content)) == 2 + 2
    grow(cast, objectives, 2, 50)
    with CaptureQueriesContext(connection) as fifty:
        content = body_of(client.get(PROGRESS + "?sort=status"))
    assert len(row_names(content)) == 50 + 2
    assert len(two) == len(fifty)
    # The rows themselves: memberships (scope), the adepts with their last practice, last
    # review, planned review and waiting hours as subqueries, their objectives per level.
    tess = User.objects.get(pk=cast.tess.pk)
    with CaptureQueriesContext(connection) as rows:
        assert len(cohort_progress(tess)) == 52
    assert len(rows) == 3


def test_the_homes_take_as_many_queries_for_50_adepts_as_for_2(
    cast: Cast, objectives: list[Objective], login
) -> None:
    grow(cast, objectives, 0, 2)
    client = login(cast.tess)
    client.get("/home/teacher/")  # the first request of a session reads a little more
    with CaptureQueriesContext(connection) as two:
        assert client.get("/home/teacher/").status_code == 200
    tess, bob = User.objects.get(pk=cast.tess.pk), User.objects.get(pk=cast.bob.pk)
    with CaptureQueriesContext(connection) as two_teacher:
        for_home(user=tess, role="teacher")
    with CaptureQueriesContext(connection) as two_mentor:
        rows = for_home(user=bob, role="mentor")["rows"]
    assert len(rows) == 3
    grow(cast, objectives, 2, 50)
    with CaptureQueriesContext(connection) as fifty:
        assert client.get("/home/teacher/").status_code == 200
    tess, bob = User.objects.get(pk=cast.tess.pk), User.objects.get(pk=cast.bob.pk)
    with CaptureQueriesContext(connection) as fifty_teacher:
        panel = for_home(user=tess, role="teacher")
    with CaptureQueriesContext(connection) as fifty_mentor:
        rows = for_home(user=bob, role="mentor")["rows"]
    assert len(rows) == 51
    assert sum(item.count for item in panel["statuses"]) == 52
    # memberships (scope), the adepts with their subqueries, their objectives per level.
    assert len(two_teacher) == len(fifty_teacher) == 3
    assert len(two_mentor) == len(fifty_mentor) == 3
    # The whole home, with every part's card.
    assert len(two) == len(fifty)
