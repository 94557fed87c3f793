"""The rules of the learning plan: who chooses, who rates, who signs, and what a change reopens."""

from collections.abc import Callable
from datetime import date
from typing import Any

import pytest

from smile.accounts.services import membership_create
from smile.core.actor import SYSTEM
from smile.core.errors import ApplicationError
from smile.learning.models import (
    Curriculum,
    LearningPlan,
    Level,
    Objective,
    PlanObjective,
    PlanSignature,
    PlanStatus,
    PlanVersion,
    Unit,
)
from smile.learning.plans import services
from smile.learning.tests.plans_fixtures import Course, build_course, other_mentor
from smile.notifications.models import Kind, Notification
from smile.organisations.choices import Role
from tests.cast import Cast, make_user

SEPT = date(2026, 9, 15)
MARCH = date(2027, 3, 1)


@pytest.fixture
def course(cast: Cast) -> Course:
    return build_course(cast)


@pytest.fixture
def plan(cast: Cast, course: Course) -> LearningPlan:
    """Dana's plan with M1 (by September) and F1 (by March), chosen by tess."""
    plan = services.learning_plan_get_or_create(enrolment=cast.dana_enrolment)
    services.plan_objectives_set(
        plan=plan, by=cast.tess, items=[(course.m1, SEPT), (course.f1, MARCH)]
    )
    Notification.objects.all().delete()
    return plan


def refused(message: str, call: Callable[..., object], *args: Any, **kwargs: Any) -> None:
    with pytest.raises(ApplicationError) as caught:
        call(*args, **kwargs)
    assert caught.value.message == message


def sign_all(cast: Cast, plan: LearningPlan) -> None:
    for person in (cast.dana, cast.bob, cast.tess):
        services.plan_sign(plan=plan, by=person)


def targets(plan: LearningPlan) -> dict[str, date | None]:
    return dict(PlanObjective.objects.filter(plan=plan).values_list("objective__code", "target_on"))


# --- the plan and its objectives --------------------------------------------------------------


def test_a_plan_is_made_once_as_a_draft(cast: Cast) -> None:
    plan = services.learning_plan_get_or_create(enrolment=cast.dana_enrolment)
    again = services.learning_plan_get_or_create(enrolment=cast.dana_enrolment)
    assert plan.pk == again.pk
    assert (plan.status, plan.version) == (PlanStatus.DRAFT, 1)
    assert LearningPlan.objects.count() == 1


def test_a_mentor_has_no_learning_plan(cast: Cast) -> None:
    refused(
        "Only an adept has a learning plan.",
        services.learning_plan_get_or_create,
        enrolment=cast.bob_enrolment,
    )
    assert not LearningPlan.objects.exists()


def test_the_teacher_chooses_objectives_and_the_others_are_asked_to_sign(
    cast: Cast, course: Course
) -> None:
    plan = services.learning_plan_get_or_create(enrolment=cast.dana_enrolment)
    services.plan_objectives_set(
        plan=plan, by=cast.tess, items=[(course.m1, SEPT), (course.f1, MARCH)]
    )
    assert targets(plan) == {"M1": SEPT, "F1": MARCH}
    plan.refresh_from_db()
    assert (plan.status, plan.version) == (PlanStatus.DRAFT, 1)
    sent = Notification.objects.filter(kind=Kind.PLAN_TO_SIGN).order_by("recipient__email")
    assert [(n.recipient, n.params, n.url) for n in sent] == [
        (
            cast.bob,
            {"name": "Dana Darwish", "version": 1},
            f"/learning/adepts/{plan.enrolment_id}/plan/",
        ),
        (cast.dana, {"name": "Dana Darwish", "version": 1}, "/learning/my-plan/"),
    ]


@pytest.mark.parametrize("name", ["bob", "alice"])
def test_the_mentor_and_the_coordinator_may_choose_too(
    cast: Cast, course: Course, name: str
) -> None:
    plan = services.learning_plan_get_or_create(enrolment=cast.dana_enrolment)
    services.plan_objectives_set(plan=plan, by=getattr(cast, name), items=[(course.m2, SEPT)])
    assert targets(plan) == {"M2": SEPT}


@pytest.mark.parametrize("name", ["dana", "erin", "charlie", "mona"])
def test_others_may_not_choose_objectives(cast: Cast, course: Course, name: str) -> None:
    plan = services.learning_plan_get_or_create(enrolment=cast.dana_enrolment)
    refused(
        "Only her teacher, her mentor or the coordinator can choose the objectives.",
        services.plan_objectives_set,
        plan=plan,
        by=getattr(cast, name),
        items=[(course.m1, SEPT)],
    )
    assert not PlanObjective.objects.exists()
    assert not Notification.objects.exists()


def test_a_mentor_of_another_workplace_may_not_choose(cast: Cast, course: Course) -> None:
    otto = other_mentor(cast)
    plan = services.learning_plan_get_or_create(enrolment=cast.dana_enrolment)
    refused(
        "Only her teacher, her mentor or the coordinator can choose the objectives.",
        services.plan_objectives_set,
        plan=plan,
        by=otto,
        items=[(course.m1, SEPT)],
    )
    assert not PlanObjective.objects.exists()


@pytest.mark.parametrize(
    "target_on", [date(2026, 8, 9), date(2027, 7, 1), date(2025, 1, 1)], ids=str
)
def test_a_target_outside_the_period_is_refused(
    cast: Cast, course: Course, target_on: date
) -> None:
    plan = services.learning_plan_get_or_create(enrolment=cast.dana_enrolment)
    refused(
        "Choose a date between 10 Aug 2026 and 30 Jun 2027.",
        services.plan_objectives_set,
        plan=plan,
        by=cast.tess,
        items=[(course.m1, SEPT), (course.f1, target_on)],
    )
    assert not PlanObjective.objects.exists()


def test_the_first_and_last_days_of_the_period_are_allowed(cast: Cast, course: Course) -> None:
    plan = services.learning_plan_get_or_create(enrolment=cast.dana_enrolment)
    items = [(course.m1, date(2026, 8, 10)), (course.f1, date(2027, 6, 30))]
    services.plan_objectives_set(plan=plan, by=cast.tess, items=items)
    assert targets(plan) == {"M1": date(2026, 8, 10), "F1": date(2027, 6, 30)}


def test_an_earlier_end_of_her_placement_ends_the_period(cast: Cast, course: Course) -> None:
    cast.dana_enrolment.ends_on = date(2027, 1, 31)
    cast.dana_enrolment.save()
    plan = services.learning_plan_get_or_create(enrolment=cast.dana_enrolment)
    refused(
        "Choose a date between 10 Aug 2026 and 31 Jan 2027.",
        services.plan_objectives_set,
        plan=plan,
        by=cast.tess,
        items=[(course.m1, MARCH)],
    )


def test_objectives_from_outside_her_programme_are_refused(cast: Cast, course: Course) -> None:
    other = Curriculum.objects.create(organisation=cast.school, name="Trähus")
    unit = Unit.objects.create(curriculum=other, code="T", name="Takstolar")
    stray = Objective.objects.create(curriculum=other, unit=unit, code="T1", text="Resa takstol")
    plan = services.learning_plan_get_or_create(enrolment=cast.dana_enrolment)
    refused(
        "This objective is not in a curriculum of her programme.",
        services.plan_objectives_set,
        plan=plan,
        by=cast.tess,
        items=[(stray, SEPT)],
    )


def test_a_missing_date_an_empty_choice_and_a_double_are_refused(
    cast: Cast, course: Course
) -> None:
    plan = services.learning_plan_get_or_create(enrolment=cast.dana_enrolment)
    call = services.plan_objectives_set
    refused("Give a target date.", call, plan=plan, by=cast.tess, items=[(course.m1, None)])
    refused("Choose at least one objective.", call, plan=plan, by=cast.tess, items=[])
    refused(
        "An objective can be in the plan only once.",
        call,
        plan=plan,
        by=cast.tess,
        items=[(course.m1, SEPT), (course.m1, MARCH)],
    )
    assert not PlanObjective.objects.exists()


def test_setting_the_same_objectives_again_changes_nothing(
    cast: Cast, course: Course, plan: LearningPlan
) -> None:
    services.plan_sign(plan=plan, by=cast.dana)
    services.plan_objectives_set(
        plan=plan, by=cast.tess, items=[(course.f1, MARCH), (course.m1, SEPT)]
    )
    assert PlanSignature.objects.filter(plan=plan, version=1, role="adept").exists()
    assert not Notification.objects.exists()


# --- signing ------------------------------------------------------------------------------------


def test_each_signs_in_their_own_role(cast: Cast, plan: LearningPlan) -> None:
    roles = [services.plan_sign(plan=plan, by=p).role for p in (cast.tess, cast.dana, cast.bob)]
    assert roles == ["teacher", "adept", "mentor"]


@pytest.mark.parametrize("name", ["alice", "erin", "charlie", "mona"])
def test_others_may_not_sign(cast: Cast, plan: LearningPlan, name: str) -> None:
    refused(
        "Only the adept, her mentor and a teacher of her school sign the plan.",
        services.plan_sign,
        plan=plan,
        by=getattr(cast, name),
    )
    assert not PlanSignature.objects.exists()


def test_a_mentor_of_another_workplace_may_not_sign(cast: Cast, plan: LearningPlan) -> None:
    refused(
        "Only the adept, her mentor and a teacher of her school sign the plan.",
        services.plan_sign,
        plan=plan,
        by=other_mentor(cast),
    )
    assert not PlanSignature.objects.exists()


def test_one_cannot_ask_for_a_role_one_does_not_hold(cast: Cast, plan: LearningPlan) -> None:
    refused(
        "Only the adept, her mentor and a teacher of her school sign the plan.",
        services.plan_sign,
        plan=plan,
        by=cast.bob,
        role="teacher",
    )


def test_the_same_person_cannot_sign_in_two_roles(cast: Cast, plan: LearningPlan) -> None:
    # Bob also teaches at her school: he signs once, as her mentor.
    membership_create(actor=SYSTEM, user=cast.bob, organisation=cast.school, role=Role.TEACHER)
    assert services.plan_sign(plan=plan, by=cast.bob).role == "mentor"
    refused(
        "You have already signed this version of the plan.",
        services.plan_sign,
        plan=plan,
        by=cast.bob,
    )
    refused(
        "You have already signed this version of the plan.",
        services.plan_sign,
        plan=plan,
        by=cast.bob,
        role="teacher",
    )
    assert PlanSignature.objects.count() == 1


def test_a_role_is_signed_once_per_version(cast: Cast, plan: LearningPlan) -> None:
    ted = make_user("ted@larcentrum.example", "Ted Teacher")
    membership_create(actor=SYSTEM, user=ted, organisation=cast.school, role=Role.TEACHER)
    services.plan_sign(plan=plan, by=cast.tess)
    refused(
        "Someone has already signed this version in your role.",
        services.plan_sign,
        plan=plan,
        by=ted,
    )


def test_an_empty_plan_cannot_be_signed(cast: Cast) -> None:
    plan = services.learning_plan_get_or_create(enrolment=cast.dana_enrolment)
    refused("The plan has no objectives yet.", services.plan_sign, plan=plan, by=cast.dana)


def test_a_signature_for_another_version_than_the_one_read_is_refused(
    cast: Cast, plan: LearningPlan
) -> None:
    refused(
        "The plan has changed since you opened it. Read it again.",
        services.plan_sign,
        plan=plan,
        by=cast.dana,
        version=2,
    )
    assert services.plan_sign(plan=plan, by=cast.dana, version=1).version == 1


def test_three_signatures_make_the_plan_signed_and_keep_a_snapshot(
    cast: Cast, course: Course, plan: LearningPlan
) -> None:
    services.plan_level_set(
        item=PlanObjective.objects.get(plan=plan, objective=course.m1),
        by=cast.bob,
        level=Level.INTRODUCED,
    )
    services.plan_sign(plan=plan, by=cast.dana)
    services.plan_sign(plan=plan, by=cast.bob)
    plan.refresh_from_db()
    assert plan.status == PlanStatus.DRAFT
    assert not PlanVersion.objects.exists()
    services.plan_sign(plan=plan, by=cast.tess)
    plan.refresh_from_db()
    assert (plan.status, plan.version) == (PlanStatus.SIGNED, 1)
    kept = PlanVersion.objects.get(plan=plan)
    assert kept.version == 1
    signed = {s.role: s.signed_at.isoformat() for s in PlanSignature.objects.filter(plan=plan)}
    assert kept.snapshot == {
        "version": 1,
        "objectives": [
            {
                "code": "M1",
                "text": "Mäta en form med skjutmått",
                "unit": "M Mätteknik",
                "target_on": "2026-09-15",
                "level": 1,
            },
            {
                "code": "F1",
                "text": "Bygga en sandform",
                "unit": "F Formning",
                "target_on": "2027-03-01",
                "level": 0,
            },
        ],
        "signers": [
            {"role": "adept", "name": "Dana Darwish", "signed_at": signed["adept"]},
            {"role": "mentor", "name": "Bob Berg", "signed_at": signed["mentor"]},
            {"role": "teacher", "name": "Tess Thor", "signed_at": signed["teacher"]},
        ],
    }
    refused(
        "This version of the plan is already signed by all three.",
        services.plan_sign,
        plan=plan,
        by=cast.dana,
    )


# --- changes after signing ----------------------------------------------------------------------


def test_a_change_after_signing_opens_version_2_for_review_and_keeps_version_1(
    cast: Cast, course: Course, plan: LearningPlan
) -> None:
    sign_all(cast, plan)
    services.plan_objectives_set(
        plan=plan, by=cast.bob, items=[(course.m1, SEPT), (course.f1, MARCH), (course.f2, MARCH)]
    )
    plan.refresh_from_db()
    assert (plan.status, plan.version) == (PlanStatus.IN_REVIEW, 2)
    first = PlanVersion.objects.get(plan=plan)
    assert first.version == 1
    assert [o["code"] for o in first.snapshot["objectives"]] == ["M1", "F1"]
    assert PlanSignature.objects.filter(plan=plan, version=1).count() == 3
    asked = Notification.objects.filter(kind=Kind.PLAN_TO_SIGN)
    assert sorted((n.recipient.email, n.params["version"]) for n in asked) == [
        ("dana@elev.example", 2),
        ("tess@larcentrum.example", 2),
    ]

    # A second change during the review stays version 2.
    services.plan_objectives_set(
        plan=plan, by=cast.tess, items=[(course.m1, SEPT), (course.f2, MARCH)]
    )
    plan.refresh_from_db()
    assert (plan.status, plan.version) == (PlanStatus.IN_REVIEW, 2)

    # Version 2 needs all three again.
    services.plan_sign(plan=plan, by=cast.dana)
    services.plan_sign(plan=plan, by=cast.bob)
    plan.refresh_from_db()
    assert plan.status == PlanStatus.IN_REVIEW
    services.plan_sign(plan=plan, by=cast.tess)
    plan.refresh_from_db()
    assert (plan.status, plan.version) == (PlanStatus.SIGNED, 2)
    versions = {v.version: v.snapshot for v in PlanVersion.objects.filter(plan=plan)}
    assert sorted(versions) == [1, 2]
    assert [o["code"] for o in versions[2]["objectives"]] == ["M1", "F2"]
    assert [o["code"] for o in versions[1]["objectives"]] == ["M1", "F1"]


def test_a_new_target_date_after_signing_opens_a_review(
    cast: Cast, course: Course, plan: LearningPlan
) -> None:
    sign_all(cast, plan)
    services.plan_objectives_set(
        plan=plan, by=cast.tess, items=[(course.m1, SEPT), (course.f1, date(2027, 4, 1))]
    )
    plan.refresh_from_db()
    assert (plan.status, plan.version) == (PlanStatus.IN_REVIEW, 2)


def test_a_change_before_all_have_signed_voids_the_signatures_given(
    cast: Cast, course: Course, plan: LearningPlan
) -> None:
    services.plan_sign(plan=plan, by=cast.dana)
    services.plan_objectives_set(plan=plan, by=cast.tess, items=[(course.m1, MARCH)])
    plan.refresh_from_db()
    assert (plan.status, plan.version) == (PlanStatus.DRAFT, 1)
    assert not PlanSignature.objects.exists()
    assert targets(plan) == {"M1": MARCH}


# --- levels and the skills scan -----------------------------------------------------------------


@pytest.mark.parametrize("name", ["bob", "tess"])
def test_levels_do_not_reopen_a_signed_plan(
    cast: Cast, course: Course, plan: LearningPlan, name: str
) -> None:
    sign_all(cast, plan)
    item = PlanObjective.objects.get(plan=plan, objective=course.f1)
    services.plan_level_set(item=item, by=getattr(cast, name), level=Level.WITH_SUPPORT)
    item.refresh_from_db()
    plan.refresh_from_db()
    assert item.level == Level.WITH_SUPPORT
    assert (plan.status, plan.version) == (PlanStatus.SIGNED, 1)
    assert PlanVersion.objects.get().snapshot["objectives"][1]["level"] == 0


@pytest.mark.parametrize("name", ["dana", "alice", "erin", "charlie"])
def test_only_the_mentor_and_the_teacher_set_levels(
    cast: Cast, course: Course, plan: LearningPlan, name: str
) -> None:
    item = PlanObjective.objects.get(plan=plan, objective=course.f1)
    refused(
        "Only her mentor or her teacher can set the level.",
        services.plan_level_set,
        item=item,
        by=getattr(cast, name),
        level=Level.INDEPENDENT,
    )
    item.refresh_from_db()
    assert item.level == Level.NOT_STARTED


def test_a_level_off_the_scale_is_refused(cast: Cast, course: Course, plan: LearningPlan) -> None:
    item = PlanObjective.objects.get(plan=plan, objective=course.f1)
    refused(
        "Choose one of the four levels.", services.plan_level_set, item=item, by=cast.bob, level=4
    )


def test_the_adept_and_the_mentor_each_rate_only_their_own_column(
    cast: Cast, course: Course, plan: LearningPlan
) -> None:
    sign_all(cast, plan)
    services.skills_scan_rate(
        plan=plan, by=cast.dana, ratings={course.m1: Level.WITH_SUPPORT, course.f1: None}
    )
    services.skills_scan_rate(plan=plan, by=cast.bob, ratings={course.m1: Level.INTRODUCED})
    rows = PlanObjective.objects.filter(plan=plan).values_list(
        "objective__code", "self_rating", "mentor_rating"
    )
    assert sorted(rows) == [("F1", None, None), ("M1", 2, 1)]
    plan.refresh_from_db()
    assert (plan.status, plan.version) == (PlanStatus.SIGNED, 1)


@pytest.mark.parametrize("name", ["tess", "alice", "erin", "charlie"])
def test_others_do_not_fill_in_the_skills_scan(
    cast: Cast, course: Course, plan: LearningPlan, name: str
) -> None:
    refused(
        "Only the adept and her mentor fill in the skills scan.",
        services.skills_scan_rate,
        plan=plan,
        by=getattr(cast, name),
        ratings={course.m1: Level.INDEPENDENT},
    )
    assert not PlanObjective.objects.filter(self_rating__isnull=False).exists()
    assert not PlanObjective.objects.filter(mentor_rating__isnull=False).exists()


def test_the_scan_refuses_objectives_outside_the_plan_and_levels_off_the_scale(
    cast: Cast, course: Course, plan: LearningPlan
) -> None:
    refused(
        "This objective is not in the plan.",
        services.skills_scan_rate,
        plan=plan,
        by=cast.dana,
        ratings={course.f3: Level.INTRODUCED},
    )
    refused(
        "Choose one of the four levels.",
        services.skills_scan_rate,
        plan=plan,
        by=cast.dana,
        ratings={course.m1: 7},
    )
    assert not PlanObjective.objects.filter(self_rating__isnull=False).exists()
