"""Homes by priority: each role's home starts with what waits for her today, the rest is folded;
"Done" only on her own things; names isolated inside translated lines."""

from datetime import date, timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from smile.accounts.models import User
from smile.learning.models import (
    Curriculum,
    LearningPlan,
    Objective,
    PlanObjective,
    PracticeEntry,
    Unit,
)
from smile.matching.models import Pair, PairStatus
from smile.mentoring import access
from smile.mentoring.models import ActionItem, Meeting, MeetingStatus
from tests.cast import Cast
from tests.pages import body_of

HOME = {
    "adept": "/home/adept/",
    "mentor": "/home/mentor/",
    "teacher": "/home/teacher/",
    "coordinator": "/home/coordinator/",
}


def _item(cast: Cast, title: str, owner: User, days: int = 3) -> ActionItem:
    return ActionItem.objects.create(
        pair=cast.pair,
        title=title,
        owner=owner,
        due_on=timezone.localdate() + timedelta(days=days),
        created_by=cast.bob,
    )


def _plan(cast: Cast, rows: list[tuple[str, int, date | None]]) -> LearningPlan:
    """Dana's plan: (objective, level, target date) in the curriculum's order."""
    course = Curriculum.objects.create(organisation=cast.school, name="Gjuteri")
    course.programmes.add(cast.programme)
    unit = Unit.objects.create(curriculum=course, code="G1", name="Formning", order=1)
    plan = LearningPlan.objects.create(enrolment=cast.dana_enrolment)
    for number, (text, level, target) in enumerate(rows, start=1):
        objective = Objective.objects.create(
            curriculum=course, unit=unit, code=f"G1.{number}", text=text, order=number
        )
        PlanObjective.objects.create(plan=plan, objective=objective, level=level, target_on=target)
    return plan


def _meeting(cast: Cast, *, days: int, status: str, place: str) -> Meeting:
    return Meeting.objects.create(
        pair=cast.pair,
        starts_at=timezone.now() + timedelta(days=days),
        place=place,
        status=status,
        confirmed_at=timezone.now() if status == MeetingStatus.CONFIRMED else None,
        proposed_by=cast.bob,
    )


def _order(content: str, markers: list[str]) -> list[int]:
    positions = [content.find(marker) for marker in markers]
    assert -1 not in positions, dict(zip(markers, positions, strict=True))
    return positions


# --- the order of the parts ---------------------------------------------------------------------


def test_the_adepts_home_starts_with_today_and_folds_the_rest(cast: Cast, login) -> None:
    _meeting(cast, days=2, status=MeetingStatus.CONFIRMED, place="Fikarummet")
    _item(cast, "Läs säkerhetsbladet", cast.dana)
    _plan(cast, [("Mäta en form", 1, timezone.localdate() + timedelta(days=10))])
    content = body_of(login(cast.dana).get(HOME["adept"]))
    markers = [
        '<h2 id="today-heading">Today</h2>',
        f'href="/learning/adepts/{cast.dana_enrolment.pk}/practice/new/">Log what I did today</a>',
        '<h3 id="next-heading">My next meeting</h3>',
        '<h3 id="plans-home-heading">My next goal</h3>',
        '<h3 id="logs-todo-heading">My things to do</h3>',
        '<summary><h2 id="progress-fold-heading">My progress</h2>',
        '<summary><h2 id="mentor-heading">My mentor</h2>',
        '<summary><h2 id="placement-heading">My workplace and course</h2>',
        '<summary><h2 id="help-heading">If something is wrong</h2>',
    ]
    positions = _order(content, markers)
    assert positions == sorted(positions)
    # Nothing of "Today" is folded; every part after it is.
    first_fold = content.index("<details")
    assert content.index("today-heading") < first_fold
    assert content.count("<details>") == 4
    assert content.count("<details open") == 0


def test_the_mentors_home_starts_with_what_waits_then_meetings_and_proposals(
    cast: Cast, login
) -> None:
    PracticeEntry.objects.create(
        enrolment=cast.dana_enrolment, done_on=timezone.localdate(), note="Mätte", self_level=1
    )
    Pair.objects.create(
        programme=cast.programme,
        mentor=cast.bob_enrolment,
        adept=cast.erin_enrolment,
        status=PairStatus.PROPOSED,
    )
    _item(cast, "Boka tid med chefen", cast.bob)
    content = body_of(login(cast.bob).get(HOME["mentor"]))
    markers = [
        '<h2 id="waiting-heading">Waiting for you</h2>',
        '<h3 id="practice-home-heading">Practice to confirm</h3>',
        '<h3 id="logs-todo-heading">My things to do</h3>',
        '<h2 id="next-heading">Next meetings</h2>',
        '<h2 id="proposals-heading">Proposed adepts</h2>',
        '<summary><h2 id="adepts-heading">My adepts</h2>',
        '<summary><h2 id="progress-home-heading">Progress of my adepts</h2>',
        '<summary><h2 id="logs-time-heading">My mentoring time</h2>',
    ]
    positions = _order(content, markers)
    assert positions == sorted(positions)
    assert "1 entry to confirm" in content
    assert "Nothing waits for you now." not in content


def test_a_mentor_with_nothing_waiting_is_told_so(cast: Cast, login) -> None:
    content = body_of(login(cast.bob).get(HOME["mentor"]))
    waiting = content[content.index('id="waiting-heading"') : content.index('id="next-heading"')]
    assert "Nothing waits for you now." in waiting


def test_the_teachers_home_starts_with_what_waits_and_folds_her_class(cast: Cast, login) -> None:
    _plan(cast, [("Mäta en form", 0, None)])
    content = body_of(login(cast.tess).get(HOME["teacher"]))
    markers = [
        '<h2 id="waiting-heading">Waiting for you</h2>',
        '<h3 id="plans-home-heading">Learning plans to sign</h3>',
        '<h2 id="progress-home-heading">Progress of my class</h2>',
        '<summary><h2 id="class-heading">Adepts from your school at workplaces</h2> '
        '<span class="gist">2 adepts</span></summary>',
    ]
    positions = _order(content, markers)
    assert positions == sorted(positions)
    # The table is named by the heading that folds it (it has no caption of its own).
    assert '<table class="cards" aria-labelledby="class-heading">' in content


def test_the_coordinators_home_starts_with_warnings_and_pairs_waiting(cast: Cast, login) -> None:
    Pair.objects.create(
        programme=cast.programme,
        mentor=cast.bob_enrolment,
        adept=cast.erin_enrolment,
        status=PairStatus.DRAFT,
    )
    content = body_of(login(cast.alice).get(HOME["coordinator"]))
    link = f'<a href="/matching/programmes/{cast.programme.pk}/"><bdi>Gjuterivägen</bdi></a>:'
    markers = [
        '<h2 id="waiting-heading">Waiting for you</h2>',
        '<h3 id="warnings-heading">Early warnings</h3>',
        '<h3 id="pairs-waiting-heading">Pairs waiting</h3>',
        link,
        "1 suggested pair to publish",
        '<summary><h2 id="programmes-heading">Programmes</h2>',
    ]
    positions = _order(content, markers)
    assert positions == sorted(positions)
    # Another municipality's coordinator sees nothing of it.
    other = body_of(login(cast.charlie).get(HOME["coordinator"]))
    assert "pairs-waiting-heading" not in other and "Gjuterivägen" not in other


def test_a_published_proposal_waits_for_an_answer_on_the_coordinators_home(
    cast: Cast, login
) -> None:
    Pair.objects.create(
        programme=cast.programme,
        mentor=cast.bob_enrolment,
        adept=cast.erin_enrolment,
        status=PairStatus.PROPOSED,
    )
    content = body_of(login(cast.alice).get(HOME["coordinator"]))
    assert "1 proposal waits for an answer" in content
    assert "suggested pair to publish" not in content


# --- her next goal and her things to do ---------------------------------------------------------


def test_her_next_goal_is_the_nearest_not_reached(cast: Cast, login) -> None:
    today = timezone.localdate()
    _plan(
        cast,
        [
            ("Följa skyddsreglerna", 3, today + timedelta(days=2)),
            ("Bygga en sandform", 1, today + timedelta(days=20)),
            ("Mäta en form med skjutmått", 2, today + timedelta(days=9)),
            ("Tappa metall", 0, None),
        ],
    )
    content = body_of(login(cast.dana).get(HOME["adept"]))
    assert '<p class="big"><bdi dir="auto">Mäta en form med skjutmått</bdi></p>' in content
    assert '<span class="gist">1 of 4 goals reached</span>' in content


def test_her_home_shows_her_three_soonest_things_and_says_how_many_more(cast: Cast, login) -> None:
    for days in (4, 1, 6, 2):
        _item(cast, f"Sak om {days} dagar", cast.dana, days)
    content = body_of(login(cast.dana).get(HOME["adept"]))
    mine = content[content.index('id="logs-todo-heading"') : content.index("<details")]
    assert [title in mine for title in ("Sak om 1", "Sak om 2", "Sak om 4", "Sak om 6")] == [
        True,
        True,
        True,
        False,
    ]
    assert f'<a href="/mentoring/pairs/{cast.pair.pk}/">1 more thing to do</a>' in mine


# --- "Done" only on her own things ----------------------------------------------------------------


def test_done_shows_only_to_the_owner_of_the_thing_to_do(cast: Cast, login) -> None:
    danas = _item(cast, "Fråga om skyddsskor", cast.dana)
    bobs = _item(cast, "Boka tid med chefen", cast.bob)
    done = '<form method="post" action="/mentoring/actions/{}/done/"'
    adept_home = body_of(login(cast.dana).get(HOME["adept"]))
    mentor_home = body_of(login(cast.bob).get(HOME["mentor"]))
    # Each sees both things, and "Done" only on her own.
    assert "Fråga om skyddsskor" in adept_home and "Boka tid med chefen" in adept_home
    assert "Fråga om skyddsskor" in mentor_home and "Boka tid med chefen" in mentor_home
    assert done.format(danas.pk) in adept_home
    assert done.format(bobs.pk) not in adept_home
    assert done.format(bobs.pk) in mentor_home
    assert done.format(danas.pk) not in mentor_home
    assert adept_home.count("Done<span") == 1 and mentor_home.count("Done<span") == 1


def test_the_policy_lets_only_the_owner_of_a_live_pair_tick(cast: Cast) -> None:
    item = _item(cast, "Fråga om skyddsskor", cast.dana)
    assert [access.can_tick(who, item) for who in (cast.dana, cast.bob, cast.alice)] == [
        True,
        False,
        False,
    ]
    Pair.objects.filter(pk=cast.pair.pk).update(status=PairStatus.COMPLETED)
    item = ActionItem.objects.select_related("pair__adept", "pair__mentor").get(pk=item.pk)
    assert access.can_tick(cast.dana, item) is False


# --- names isolated in Arabic --------------------------------------------------------------------


def test_names_are_isolated_in_the_arabic_home(cast: Cast, login) -> None:
    _meeting(cast, days=4, status=MeetingStatus.PROPOSED, place="Matsalen")
    client = login(cast.dana)
    client.cookies["smile_language"] = "ar"
    content = body_of(client.get(HOME["adept"]))
    assert '<html lang="ar" dir="rtl">' in content
    assert "<h1>مرحبًا <bdi>Dana</bdi>!</h1>" in content
    assert "يقترح <bdi>Bob Berg</bdi> لقاءً:" in content
    assert '<span class="gist"><bdi>Bob Berg</bdi></span>' in content
    assert '<h2 id="today-heading">اليوم</h2>' in content


def test_the_closing_reflection_isolates_the_name(cast: Cast, login) -> None:
    Pair.objects.filter(pk=cast.pair.pk).update(
        status=PairStatus.COMPLETED, ended_on=timezone.localdate()
    )
    client = login(cast.dana)
    client.cookies["smile_language"] = "ar"
    content = body_of(client.get(HOME["adept"]))
    assert "انتهى إرشادك مع <bdi>Bob Berg</bdi>. كيف كان؟" in content


# --- what it costs ------------------------------------------------------------------------------


def _adept_home_queries(client: object) -> int:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(HOME["adept"])  # type: ignore[attr-defined]
    assert response.status_code == 200
    return len(queries)


@pytest.mark.parametrize("objectives", [2, 5])
def test_a_plan_adds_two_queries_to_her_home_however_long(
    cast: Cast, login, objectives: int
) -> None:
    client = login(cast.dana)
    assert client.get(HOME["adept"]).status_code == 200
    without = _adept_home_queries(client)
    _plan(cast, [(f"Mål {n}", n % 3, None) for n in range(objectives)])
    # Once her plan has objectives: whether it waits for her signature (1), her next goal (1).
    assert _adept_home_queries(client) == without + 2
