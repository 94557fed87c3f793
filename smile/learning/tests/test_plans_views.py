"""The plan pages: "My plan" on her phone, the plan page of the others, choosing objectives, the
skills scan, levels, signing, the signed versions, and what the homes show."""

import re
from datetime import date
from typing import Any

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from smile.learning.models import LearningPlan, Level, PlanObjective, PlanSignature, PlanVersion
from smile.learning.plans import services
from smile.learning.tests.curricula_fixtures import in_swedish
from smile.learning.tests.plans_fixtures import (
    Course,
    build_course,
    more_objectives,
    other_mentor,
)
from tests.cast import Cast
from tests.pages import body_of

SEPT = date(2026, 9, 15)  # past: the objective is late until she is independent
MARCH = date(2027, 3, 1)


@pytest.fixture
def course(cast: Cast) -> Course:
    return build_course(cast)


@pytest.fixture
def plan(cast: Cast, course: Course) -> LearningPlan:
    plan = services.learning_plan_get_or_create(enrolment=cast.dana_enrolment)
    services.plan_objectives_set(
        plan=plan, by=cast.tess, items=[(course.m1, SEPT), (course.f1, MARCH)]
    )
    return plan


def url(cast: Cast, end: str = "") -> str:
    return f"/learning/adepts/{cast.dana_enrolment.pk}/plan/{end}"


def state() -> Any:
    """Everything the plan pages can change, to show that a refused request changed nothing."""
    return (
        list(LearningPlan.objects.values_list("status", "version")),
        sorted(
            PlanObjective.objects.values_list(
                "objective__code", "target_on", "self_rating", "mentor_rating", "level"
            )
        ),
        list(PlanSignature.objects.values_list("version", "role", "user__email")),
        list(PlanVersion.objects.values_list("version", flat=True)),
    )


def item(plan: LearningPlan, code: str) -> PlanObjective:
    return PlanObjective.objects.get(plan=plan, objective__code=code)


# --- My plan ------------------------------------------------------------------------------------


def test_my_plan_shows_her_objectives_by_unit_with_levels_dates_and_tasks(
    cast: Cast, course: Course, plan: LearningPlan, login
) -> None:
    services.plan_level_set(item=item(plan, "F1"), by=cast.bob, level=Level.WITH_SUPPORT)
    response = login(cast.dana).get("/learning/my-plan/")
    assert response.status_code == 200
    content = response.content.decode()
    assert '<h2 id="plans-unit-' in content
    assert content.index("Mätteknik") < content.index(f"{in_swedish('Formning')}</h2>")
    assert f"<h3>{in_swedish('Mäta en form med skjutmått')}</h3>" in content
    assert "15 Sept 2026 – <strong>late</strong>" in content
    assert "1 Mar 2027</dd>" in content  # not late
    assert '<span aria-hidden="true">●○○○</span> Not started' in content
    assert "(step 1 of 4)" in content
    assert '<span aria-hidden="true">●●●○</span> Practised with support' in content
    assert "(step 3 of 4)" in content
    task = (
        f'<a href="/learning/tasks/{course.task.pk}/">'
        f"{in_swedish('Formlinje 2: mäta och bygga formar')}</a> – {in_swedish('Hall B')}"
    )
    assert content.count(task) == 2
    assert f"Safety: {in_swedish('Skyddsskor och hörselskydd')}" in content
    assert 'name="rating_' in content and 'type="radio"' in content
    assert "Your plan waits for your signature." in content
    assert f'action="{url(cast, "sign/")}"' in content


def test_my_plan_leaves_out_tasks_of_other_workplaces(
    cast: Cast, course: Course, plan: LearningPlan, login
) -> None:
    course.task.workplace = cast.finishing
    course.task.save()
    content = body_of(login(cast.dana).get("/learning/my-plan/"))
    assert "Formlinje 2" not in content
    assert "Where you practise it at work" not in content


def test_my_plan_before_objectives_are_chosen(cast: Cast, course: Course, login) -> None:
    content = body_of(login(cast.dana).get("/learning/my-plan/"))
    assert "Your objectives are not chosen yet." in content
    assert "Sign the plan" not in content


def test_my_plan_for_someone_without_a_placement(cast: Cast, login) -> None:
    response = login(cast.tess).get("/learning/my-plan/")
    assert response.status_code == 200
    assert "You are not placed at a workplace yet." in response.content.decode()


def test_the_adept_is_sent_from_the_plan_page_to_her_own(
    cast: Cast, plan: LearningPlan, login
) -> None:
    response = login(cast.dana).get(url(cast))
    assert (response.status_code, response.url) == (302, "/learning/my-plan/")


# --- the plan page ------------------------------------------------------------------------------


@pytest.mark.parametrize("name", ["bob", "tess", "alice"])
def test_her_mentor_teacher_and_coordinator_read_the_plan(
    cast: Cast, plan: LearningPlan, login, name: str
) -> None:
    response = login(getattr(cast, name)).get(url(cast))
    assert response.status_code == 200
    content = response.content.decode()
    assert "Learning plan: <bdi>Dana Darwish</bdi>" in content
    # Staff read the objective like the adept does: the Swedish text marked as such on an
    # English page.
    assert (
        'M1 <bdi lang="sv" dir="ltr">Mäta en form med skjutmått</bdi> '
        '<span class="not-translated">Not yet in your language</span>'
    ) in content
    assert f'href="{url(cast, "objectives/")}"' in content
    # Levels are set by the mentor and the teacher; the mentor rates in the scan.
    assert ('name="level_' in content) == (name in ("bob", "tess"))
    assert ('name="rating_' in content) == (name == "bob")
    assert ("Sign the plan" in content) == (name in ("bob", "tess"))


@pytest.mark.parametrize("name", ["charlie", "mona", "erin", "otto"])
def test_others_get_404_on_every_plan_page_and_change_nothing(
    cast: Cast, course: Course, plan: LearningPlan, login, name: str
) -> None:
    user = other_mentor(cast) if name == "otto" else getattr(cast, name)
    services.plan_sign(plan=plan, by=cast.dana)
    services.plan_sign(plan=plan, by=cast.bob)
    services.plan_sign(plan=plan, by=cast.tess)
    before = state()
    client = login(user)
    first, second = item(plan, "M1"), item(plan, "F1")
    for path in ("", "objectives/", "versions/1/"):
        assert client.get(url(cast, path)).status_code == 404
    posts = {
        "objectives/": {f"objective_{course.f2.pk}": "on", f"target_{course.f2.pk}": "2027-02-01"},
        "scan/": {f"rating_{first.pk}": "3"},
        "levels/": {f"level_{first.pk}": "3", f"level_{second.pk}": "3"},
        "sign/": {"version": "1"},
    }
    for path, data in posts.items():
        assert client.post(url(cast, path), data).status_code == 404
    assert state() == before


def test_the_plan_page_before_a_plan_exists(cast: Cast, course: Course, login) -> None:
    content = body_of(login(cast.tess).get(url(cast)))
    assert "No objectives are chosen yet." in content
    assert not LearningPlan.objects.exists()  # reading makes nothing


# --- choosing objectives ------------------------------------------------------------------------


def test_the_teacher_chooses_objectives_and_dates(cast: Cast, course: Course, login) -> None:
    client = login(cast.tess)
    content = body_of(client.get(url(cast, "objectives/")))
    assert "Gjuteri grund: M Mätteknik" in content
    assert 'min="2026-08-10" max="2027-06-30"' in content
    data = {
        f"objective_{course.m1.pk}": "on",
        f"target_{course.m1.pk}": "2026-10-01",
        f"objective_{course.f2.pk}": "on",
        f"target_{course.f2.pk}": "2027-02-01",
        f"target_{course.f3.pk}": "2027-02-01",  # a date without a tick is left out
    }
    response = client.post(url(cast, "objectives/"), data)
    assert (response.status_code, response.url) == (302, url(cast))
    plan = LearningPlan.objects.get(enrolment=cast.dana_enrolment)
    assert sorted(PlanObjective.objects.values_list("objective__code", "target_on")) == [
        ("F2", date(2027, 2, 1)),
        ("M1", date(2026, 10, 1)),
    ]
    assert (plan.status, plan.version) == ("draft", 1)
    assert "The objectives are saved." in body_of(client.get(url(cast)))


def test_changing_a_signed_plan_says_all_three_sign_again(
    cast: Cast, course: Course, plan: LearningPlan, login
) -> None:
    for person in (cast.dana, cast.bob, cast.tess):
        services.plan_sign(plan=plan, by=person)
    client = login(cast.bob)
    content = body_of(client.get(url(cast, "objectives/")))
    assert "The plan is signed. If you change the objectives or dates" in content
    data = {f"objective_{course.m1.pk}": "on", f"target_{course.m1.pk}": "2026-09-15"}
    response = client.post(url(cast, "objectives/"), data, follow=True)
    content = response.content.decode()
    assert "The plan is changed. All three sign it again." in content
    assert "Until all three sign again, version 1 is the valid plan." in content
    assert f'href="{url(cast, "versions/1/")}"' in content


@pytest.mark.parametrize(
    ("target", "message"),
    [
        ("", "Give a target date."),
        ("2027-07-01", "Choose a date between 10 Aug 2026 and 30 Jun 2027."),
        ("someday", "Enter a valid date."),
    ],
)
def test_a_bad_target_date_is_explained_and_what_was_typed_stays(
    cast: Cast, course: Course, plan: LearningPlan, login, target: str, message: str
) -> None:
    before = state()
    data = {
        f"objective_{course.m2.pk}": "on",
        f"target_{course.m2.pk}": target,
        f"objective_{course.f3.pk}": "on",
        f"target_{course.f3.pk}": "2027-01-15",
    }
    response = login(cast.tess).post(url(cast, "objectives/"), data)
    assert response.status_code == 200
    content = response.content.decode()
    assert message in content
    assert "Please correct the fields marked below." in content
    assert f'name="target_{course.f3.pk}" value="2027-01-15"' in content
    assert f'name="objective_{course.f3.pk}" id="id_objective_{course.f3.pk}" checked' in content
    assert state() == before


def test_choosing_nothing_is_refused(cast: Cast, course: Course, plan: LearningPlan, login) -> None:
    before = state()
    response = login(cast.tess).post(url(cast, "objectives/"), {})
    assert response.status_code == 200
    assert "Choose at least one objective." in response.content.decode()
    assert state() == before


def test_the_adept_does_not_choose_her_objectives(
    cast: Cast, course: Course, plan: LearningPlan, login
) -> None:
    before = state()
    client = login(cast.dana)
    assert client.get(url(cast, "objectives/")).status_code == 404
    data = {f"objective_{course.f2.pk}": "on", f"target_{course.f2.pk}": "2027-02-01"}
    assert client.post(url(cast, "objectives/"), data).status_code == 404
    assert state() == before


# --- skills scan and levels ---------------------------------------------------------------------


def test_she_rates_herself_and_the_mentor_rates_her_side_by_side(
    cast: Cast, plan: LearningPlan, login
) -> None:
    m1, f1 = item(plan, "M1"), item(plan, "F1")
    response = login(cast.dana).post(
        url(cast, "scan/"), {f"rating_{m1.pk}": "2", f"rating_{f1.pk}": ""}
    )
    assert (response.status_code, response.url) == (302, "/learning/my-plan/")
    response = login(cast.bob).post(
        url(cast, "scan/"), {f"rating_{m1.pk}": "1", f"rating_{f1.pk}": "0"}
    )
    assert (response.status_code, response.url) == (302, url(cast))
    assert sorted(
        PlanObjective.objects.values_list("objective__code", "self_rating", "mentor_rating")
    ) == [("F1", None, 0), ("M1", 2, 1)]
    content = body_of(login(cast.tess).get(url(cast)))
    side_by_side = (
        r"Mäta en form med skjutmått</bdi> <span class=\"not-translated\">Not yet in your "
        r"language</span></th>\s*<td[^>]*>Practised with support</td>"
        r"\s*<td[^>]*>\s*Introduced\s*</td>"
    )
    assert re.search(side_by_side, content)


def test_a_rating_off_the_scale_is_refused(cast: Cast, plan: LearningPlan, login) -> None:
    before = state()
    m1 = item(plan, "M1")
    response = login(cast.dana).post(url(cast, "scan/"), {f"rating_{m1.pk}": "9"})
    assert response.status_code == 200
    assert "Select a valid choice. 9 is not one of the available choices." in (
        response.content.decode()
    )
    assert state() == before


def test_the_teacher_does_not_fill_in_the_scan(cast: Cast, plan: LearningPlan, login) -> None:
    before = state()
    m1 = item(plan, "M1")
    response = login(cast.tess).post(url(cast, "scan/"), {f"rating_{m1.pk}": "3"})
    assert response.status_code == 200
    assert "Only the adept and her mentor fill in the skills scan." in response.content.decode()
    assert state() == before


def test_the_mentor_sets_levels_without_reopening_the_signed_plan(
    cast: Cast, plan: LearningPlan, login
) -> None:
    for person in (cast.dana, cast.bob, cast.tess):
        services.plan_sign(plan=plan, by=person)
    m1, f1 = item(plan, "M1"), item(plan, "F1")
    response = login(cast.bob).post(
        url(cast, "levels/"), {f"level_{m1.pk}": "3", f"level_{f1.pk}": "1"}
    )
    assert (response.status_code, response.url) == (302, url(cast))
    assert sorted(PlanObjective.objects.values_list("objective__code", "level")) == [
        ("F1", 1),
        ("M1", 3),
    ]
    plan.refresh_from_db()
    assert (plan.status, plan.version) == ("signed", 1)
    content = body_of(login(cast.bob).get(url(cast)))
    assert "The levels are saved." in content
    assert "15 Sept 2026 – <strong>late</strong>" not in content  # independent: no longer late


def test_a_bad_level_is_refused_and_nothing_is_saved(cast: Cast, plan: LearningPlan, login) -> None:
    before = state()
    m1, f1 = item(plan, "M1"), item(plan, "F1")
    response = login(cast.tess).post(
        url(cast, "levels/"), {f"level_{m1.pk}": "2", f"level_{f1.pk}": "high"}
    )
    assert response.status_code == 200
    assert "Select a valid choice. high is not one of the available choices." in (
        response.content.decode()
    )
    assert state() == before


def test_the_adept_does_not_set_her_levels(cast: Cast, plan: LearningPlan, login) -> None:
    before = state()
    m1, f1 = item(plan, "M1"), item(plan, "F1")
    response = login(cast.dana).post(
        url(cast, "levels/"), {f"level_{m1.pk}": "3", f"level_{f1.pk}": "3"}
    )
    assert response.status_code == 200
    assert state() == before


# --- signing and versions -----------------------------------------------------------------------


def test_three_sign_on_their_pages_and_the_version_can_be_read(
    cast: Cast, plan: LearningPlan, login
) -> None:
    response = login(cast.dana).post(url(cast, "sign/"), {"version": "1"}, follow=True)
    assert "Thank you. Your signature is saved." in body_of(response)
    assert login(cast.bob).post(url(cast, "sign/"), {"version": "1"}).status_code == 302
    response = login(cast.tess).post(url(cast, "sign/"), {"version": "1"}, follow=True)
    content = body_of(response)
    assert "The plan is signed by all three." in content
    assert "Signed by <bdi>Dana Darwish</bdi>" in content
    assert "Signed by <bdi>Bob Berg</bdi>" in content
    assert "Signed by <bdi>Tess Thor</bdi>" in content
    assert "Sign the plan" not in content
    assert f'href="{url(cast, "versions/1/")}">Version 1</a>' in content

    for user in (cast.dana, cast.bob, cast.tess, cast.alice):
        response = login(user).get(url(cast, "versions/1/"))
        assert response.status_code == 200
        content = response.content.decode()
        assert "Learning plan, version 1" in content
        assert "<h3>M1 Mäta en form med skjutmått</h3>" in content
        assert "This is the valid plan." in content
        assert "<dt>Teacher</dt>" in content and "<bdi>Tess Thor</bdi>" in content
    assert login(cast.tess).get(url(cast, "versions/2/")).status_code == 404


def test_a_signature_on_a_changed_plan_is_refused(cast: Cast, plan: LearningPlan, login) -> None:
    before = state()
    for version in ("2", "x"):
        response = login(cast.dana).post(url(cast, "sign/"), {"version": version}, follow=True)
        # The adept goes back to her own plan page.
        assert response.redirect_chain == [("/learning/my-plan/", 302)]
        assert "The plan has changed since you opened it. Read it again." in body_of(response)
    assert state() == before


def test_the_coordinator_does_not_sign(cast: Cast, plan: LearningPlan, login) -> None:
    before = state()
    response = login(cast.alice).post(url(cast, "sign/"), {"version": "1"}, follow=True)
    assert response.redirect_chain == [(url(cast), 302)]
    assert "Only the adept, her mentor and a teacher of her school sign the plan." in body_of(
        response
    )
    assert state() == before


def test_pages_reject_get_for_changes(cast: Cast, plan: LearningPlan, login) -> None:
    client = login(cast.bob)
    for path in ("scan/", "levels/", "sign/"):
        assert client.get(url(cast, path)).status_code == 405


# --- homes and the adept's learning page --------------------------------------------------------


def test_her_home_says_her_next_goal_and_how_many_goals_are_reached(
    cast: Cast, plan: LearningPlan, login
) -> None:
    services.plan_level_set(item=item(plan, "F1"), by=cast.bob, level=Level.INDEPENDENT)
    content = body_of(login(cast.dana).get("/home/adept/"))
    # "Today" holds her next goal (the one not reached yet); the folded progress, the count.
    assert '<h3 id="plans-home-heading">My next goal</h3>' in content
    assert '<p class="big"><bdi dir="auto">Mäta en form med skjutmått</bdi></p>' in content
    assert '<span class="gist">1 of 2 goals reached</span>' in content
    assert "Your plan waits for your signature." in content
    assert 'href="/learning/my-plan/">Open my plan</a>' in content


def test_the_mentor_and_the_teacher_see_plans_waiting_for_them(
    cast: Cast, plan: LearningPlan, login
) -> None:
    link = f'<a href="{url(cast)}"><bdi>Dana Darwish</bdi></a> – version 1'
    assert link in body_of(login(cast.bob).get("/home/mentor/"))
    assert link in body_of(login(cast.tess).get("/home/teacher/"))
    services.plan_sign(plan=plan, by=cast.bob)
    assert link not in body_of(login(cast.bob).get("/home/mentor/"))
    assert link in body_of(login(cast.tess).get("/home/teacher/"))


def test_a_mentor_of_another_workplace_sees_no_plan_to_sign(
    cast: Cast, plan: LearningPlan, login
) -> None:
    otto = other_mentor(cast)
    content = body_of(login(otto).get("/home/mentor/"))
    assert "Dana Darwish" not in content
    assert "plans-home-heading" not in content


def test_the_learning_page_links_the_plan(cast: Cast, plan: LearningPlan, login) -> None:
    content = body_of(login(cast.bob).get(f"/learning/adepts/{cast.dana_enrolment.pk}/"))
    assert '<h2 id="plans-adept-heading">Learning plan</h2>' in content
    assert "1 objective is late" in content
    assert "The plan waits for your signature." in content
    assert f'href="{url(cast)}">Open the plan</a>' in content
    content = body_of(login(cast.dana).get(f"/learning/adepts/{cast.dana_enrolment.pk}/"))
    assert 'href="/learning/my-plan/">Open the plan</a>' in content


# --- query counts -------------------------------------------------------------------------------


def _grow(cast: Cast, course: Course, plan: LearningPlan, count: int) -> None:
    extra = more_objectives(course, count)
    items = [(course.m1, SEPT), (course.f1, MARCH)] + [(o, MARCH) for o in extra]
    services.plan_objectives_set(plan=plan, by=cast.tess, items=items)
    services.plan_sign(plan=plan, by=cast.dana)
    for plan_item in PlanObjective.objects.filter(plan=plan):
        services.skills_scan_rate(plan=plan, by=cast.dana, ratings={plan_item.objective: 1})


def _queries(client: Any, path: str) -> int:
    client.get(path)  # warm: the session and the language are read once
    with CaptureQueriesContext(connection) as queries:
        assert client.get(path).status_code == 200
    return len(queries)


@pytest.mark.parametrize(("name", "path"), [("tess", "plan"), ("bob", "plan"), ("dana", "mine")])
def test_the_plan_pages_cost_the_same_queries_for_2_and_10_objectives(
    cast: Cast, course: Course, plan: LearningPlan, login, name: str, path: str
) -> None:
    client = login(getattr(cast, name))
    target = "/learning/my-plan/" if path == "mine" else url(cast)
    services.plan_sign(plan=plan, by=cast.dana)
    two = _queries(client, target)
    PlanSignature.objects.all().delete()
    _grow(cast, course, plan, 8)
    assert PlanObjective.objects.filter(plan=plan).count() == 10
    ten = _queries(client, target)
    assert two == ten
