"""Who may follow an adept's learning, and who may write curricula and tasks."""

from datetime import date

import pytest

from smile.learning import access
from smile.learning.models import Curriculum, PracticeEntry, WorkplaceTask
from smile.matching.models import Pair, PairStatus
from tests.cast import Cast, add_other_mentor


@pytest.fixture
def other_mentor(cast: Cast):
    return add_other_mentor(cast)


def test_the_adept_her_mentor_her_teacher_and_the_coordinator_follow_her(cast: Cast) -> None:
    dana = cast.dana_enrolment
    assert access.learning_roles(cast.dana, dana) == {"adept"}
    assert access.learning_roles(cast.bob, dana) == {"mentor"}
    assert access.learning_roles(cast.tess, dana) == {"teacher"}
    assert access.learning_roles(cast.alice, dana) == {"coordinator"}
    for user in (cast.dana, cast.bob, cast.tess, cast.alice):
        assert dana in access.learning_enrolments(user)


@pytest.mark.parametrize("name", ["charlie", "mona", "erin"])
def test_others_follow_nothing_of_her(cast: Cast, name: str) -> None:
    user = getattr(cast, name)
    assert cast.dana_enrolment not in access.learning_enrolments(user)
    assert access.learning_roles(user, cast.dana_enrolment) == set()


def test_a_mentor_of_another_workplace_sees_nothing_of_her(cast: Cast, other_mentor) -> None:
    entry = PracticeEntry.objects.create(
        enrolment=cast.dana_enrolment, done_on=date(2026, 9, 1), note="Mätte formen", self_level=1
    )
    assert list(access.learning_enrolments(other_mentor)) == [cast.erin_enrolment]
    assert not access.visible_practice_entries(other_mentor).filter(pk=entry.pk).exists()
    assert access.learning_roles(other_mentor, cast.dana_enrolment) == set()
    # Nor can he write the tasks of her workplace; he may write his own workplace's.
    assert cast.moulding not in access.task_workplaces(other_mentor)
    assert cast.finishing in access.task_workplaces(other_mentor)


def test_a_mentor_no_longer_follows_once_the_pair_ends(cast: Cast) -> None:
    Pair.objects.filter(pk=cast.pair.pk).update(
        status=PairStatus.ENDED, ended_on=date(2026, 10, 1), end_reason="moved"
    )
    assert cast.dana_enrolment not in access.learning_enrolments(cast.bob)
    assert access.learning_roles(cast.bob, cast.dana_enrolment) == set()


def test_curricula_are_written_by_the_owners_teachers_and_coordinators(cast: Cast) -> None:
    curriculum = Curriculum.objects.create(organisation=cast.school, name="Gjuteri")
    curriculum.programmes.add(cast.programme)
    assert list(access.changeable_curricula(cast.tess)) == [curriculum]
    # The school is managed by Sävsjö kommun, whose coordinator may edit it too.
    assert list(access.changeable_curricula(cast.alice)) == [curriculum]
    for name in ("bob", "dana", "mona", "charlie"):
        assert not access.changeable_curricula(getattr(cast, name)).exists(), name
    for name in ("bob", "dana", "tess", "alice"):
        assert list(access.visible_curricula(getattr(cast, name))) == [curriculum], name
    assert not access.visible_curricula(cast.charlie).exists()


def test_tasks_are_written_by_the_workplaces_mentors_teachers_and_coordinators(cast: Cast) -> None:
    task = WorkplaceTask.objects.create(workplace=cast.moulding, title="Kontrollmäta formen")
    for name in ("bob", "tess", "alice"):
        assert list(access.changeable_workplace_tasks(getattr(cast, name))) == [task], name
    for name in ("dana", "erin", "mona", "charlie"):
        assert not access.changeable_workplace_tasks(getattr(cast, name)).exists(), name
    assert list(access.visible_workplace_tasks(cast.dana)) == [task]
    assert not access.visible_workplace_tasks(cast.charlie).exists()
