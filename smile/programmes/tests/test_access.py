"""The access module answers the same for lists and single objects, for every role."""

from smile.core import actor, policies
from smile.core.actor import SYSTEM
from smile.organisations import access as organisations_access
from smile.programmes import access as programmes_access
from tests.cast import Cast


def names(queryset) -> set[str]:
    return {str(obj) for obj in queryset}


def people(queryset) -> set[str]:
    return {e.user.full_name for e in queryset}


def test_a_coordinator_sees_her_own_programmes_only(cast: Cast) -> None:
    assert names(programmes_access.visible_programmes(cast.alice)) == {"Gjuterivägen"}
    assert names(programmes_access.visible_programmes(cast.charlie)) == {"Vårdvägen"}


def test_a_coordinator_sees_every_enrolment_of_her_programme(cast: Cast) -> None:
    assert people(programmes_access.visible_enrolments(cast.alice)) == {
        "Bob Berg",
        "Dana Darwish",
        "Erin Eriksson",
    }
    assert people(programmes_access.visible_enrolments(cast.charlie)) == set()


def test_a_mentor_sees_herself_and_her_own_adepts_only(cast: Cast) -> None:
    assert people(programmes_access.visible_enrolments(cast.bob)) == {"Bob Berg", "Dana Darwish"}
    assert not policies.can_view(cast.bob, cast.erin_enrolment)


def test_an_adept_sees_herself_and_her_mentor(cast: Cast) -> None:
    assert people(programmes_access.visible_enrolments(cast.dana)) == {"Dana Darwish", "Bob Berg"}
    assert people(programmes_access.visible_enrolments(cast.erin)) == {"Erin Eriksson"}


def test_a_teacher_sees_the_adepts_of_her_school(cast: Cast) -> None:
    assert people(programmes_access.visible_enrolments(cast.tess)) == {
        "Dana Darwish",
        "Erin Eriksson",
    }


def test_a_manager_sees_her_workplaces_but_no_named_people(cast: Cast) -> None:
    assert names(organisations_access.managed_workplaces(cast.mona)) == {
        "Sävsjö Gjuteri AB – Formning",
        "Sävsjö Gjuteri AB – Efterbehandling",
    }
    assert people(programmes_access.visible_enrolments(cast.mona)) == set()
    assert names(programmes_access.visible_programmes(cast.mona)) == {"Gjuterivägen"}


def test_a_manager_narrowed_to_one_workplace_sees_only_it(cast: Cast) -> None:
    from smile.accounts.services import membership_create
    from tests.cast import make_user

    lead = make_user("lead@gjuteri.example", "Lena Lead")
    membership_create(
        actor=SYSTEM, user=lead, organisation=cast.foundry, role="manager", workplace=cast.moulding
    )
    assert names(organisations_access.managed_workplaces(lead)) == {"Sävsjö Gjuteri AB – Formning"}


def test_organisations_are_visible_to_those_who_work_with_them(cast: Cast) -> None:
    assert names(organisations_access.visible_organisations(cast.alice)) == {
        "Sävsjö kommun",
        "Sävsjö Gjuteri AB",
        "Lärcentrum",
    }
    assert names(organisations_access.visible_organisations(cast.charlie)) == {
        "Värnamo kommun",
        "Värnamo Vård AB",
    }


def test_only_the_owning_coordinator_may_change(cast: Cast) -> None:
    assert policies.can_change(cast.alice, cast.programme)
    assert policies.can_change(cast.alice, cast.foundry)
    assert policies.can_change(cast.alice, cast.dana_enrolment)
    for outsider in (cast.charlie, cast.bob, cast.dana, cast.mona, cast.tess):
        assert not policies.can_change(outsider, cast.programme)
        assert not policies.can_change(outsider, cast.foundry)
        assert not policies.can_change(outsider, cast.dana_enrolment)


def test_another_organisation_sees_nothing_of_sävsjö(cast: Cast) -> None:
    for obj in (cast.programme, cast.foundry, cast.moulding, cast.dana_enrolment, cast.pair):
        assert not policies.can_view(cast.charlie, obj)


def test_roles_come_from_memberships_and_active_enrolments(cast: Cast) -> None:
    assert actor.roles_of(cast.alice) == ["coordinator"]
    assert actor.roles_of(cast.bob) == ["mentor"]
    assert actor.roles_of(cast.dana) == ["adept"]
    assert actor.roles_of(cast.mona) == ["manager"]
    assert actor.roles_of(cast.tess) == ["teacher"]


def test_a_closed_account_sees_nothing(cast: Cast) -> None:
    cast.alice.is_active = False
    assert not programmes_access.visible_programmes(cast.alice).exists()
    assert actor.roles_of(cast.alice) == []
