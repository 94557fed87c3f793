"""Who leads which workplace, who answers where, and in which group."""

from smile.leadership import access
from smile.leadership.tests.fixtures import add_mentors, other_manager
from tests.cast import Cast


def names(queryset: object) -> list[str]:
    return sorted(w.name for w in queryset)  # type: ignore[attr-defined]


def test_managers_and_coordinators_lead_their_workplaces_and_nobody_else_does(cast: Cast) -> None:
    vera = other_manager(cast)
    assert names(access.leading_workplaces(cast.mona)) == ["Efterbehandling", "Formning"]
    assert names(access.leading_workplaces(cast.alice)) == ["Efterbehandling", "Formning"]
    assert names(access.leading_workplaces(cast.charlie)) == ["Solgläntan"]
    assert names(access.leading_workplaces(vera)) == ["Solgläntan"]
    for person in (cast.bob, cast.dana, cast.erin, cast.tess):
        assert names(access.leading_workplaces(person)) == []


def test_only_a_manager_signs(cast: Cast) -> None:
    assert names(access.signing_workplaces(cast.mona)) == ["Efterbehandling", "Formning"]
    for person in (cast.alice, cast.bob, cast.charlie, cast.dana):
        assert names(access.signing_workplaces(person)) == []


def test_mentors_answer_where_they_work_in_their_group(cast: Cast) -> None:
    (maja,) = add_mentors(cast, 1, workplace=cast.finishing)
    assert names(access.answering_workplaces(cast.bob)) == ["Formning"]
    assert names(access.answering_workplaces(maja)) == ["Efterbehandling"]
    assert names(access.answering_workplaces(cast.mona)) == ["Efterbehandling", "Formning"]
    assert names(access.answering_workplaces(cast.dana)) == []
    assert names(access.answering_workplaces(cast.charlie)) == ["Solgläntan"]
    assert access.respondent_role(cast.bob, cast.moulding) == "mentor"
    assert access.respondent_role(cast.bob, cast.finishing) is None
    assert access.respondent_role(cast.mona, cast.moulding) == "manager"
    assert access.respondent_role(cast.alice, cast.moulding) == "coordinator"
    assert access.respondent_role(cast.dana, cast.moulding) is None


def test_a_manager_follows_the_programmes_her_employer_takes_part_in(cast: Cast) -> None:
    assert [p.name for p in access.leading_programmes(cast.mona)] == ["Gjuterivägen"]
    assert [p.name for p in access.leading_programmes(cast.alice)] == ["Gjuterivägen"]
    assert [p.name for p in access.leading_programmes(cast.charlie)] == ["Vårdvägen"]
    assert list(access.leading_programmes(cast.bob)) == []
