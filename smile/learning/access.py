"""Who sees and changes learning: curricula and workplace tasks, and each adept's plan, practice
log, reviews, hours and words.

An adept's learning records are read by the adept herself, her mentor while they are a pair, the
teachers of her school and the programme's coordinators; what each may do depends on the capacity
she acts in (`learning_roles`), and the enrolments where she acts in given capacities are a
queryset too (`enrolments_as`), so lists and single pages agree.
"""

from collections.abc import Iterable

from django.db.models import Q, QuerySet

from smile.core import policies
from smile.core.actor import AnyUser, person
from smile.learning.models import (
    Curriculum,
    HoursEntry,
    LearningPlan,
    PracticeEntry,
    Review,
    Term,
    WorkplaceTask,
)
from smile.matching.access import workable_pairs
from smile.matching.models import LIVE_PAIR_STATUSES, Pair
from smile.organisations import access as organisations
from smile.organisations.choices import Role
from smile.organisations.models import Organisation, Workplace
from smile.programmes import access as programmes
from smile.programmes.models import Enrolment, EnrolmentRole

# The capacities in which people act on an adept's learning, and who may do what.
ADEPT, MENTOR, TEACHER, COORDINATOR = "adept", "mentor", "teacher", "coordinator"
PLAN_EDITORS = frozenset({TEACHER, MENTOR, COORDINATOR})
REVIEW_SCHEDULERS = frozenset({TEACHER, MENTOR, COORDINATOR})
REVIEW_PARTIES = frozenset({ADEPT, MENTOR, TEACHER})
HOURS_WRITERS = frozenset({ADEPT, TEACHER, COORDINATOR})


# --- curricula and the workplace's tasks and words ---------------------------------------------


def visible_curricula(user: AnyUser) -> QuerySet[Curriculum]:
    """Curricula are no secret inside a programme: its people and the owner's staff read them."""
    scope = organisations.scope_of(user)
    if scope is None:
        return Curriculum.objects.none()
    if scope.user.is_superuser:
        return Curriculum.objects.all()
    q = Q(organisation_id__in=scope.all_organisation_ids)
    q |= Q(programmes__in=programmes.visible_programmes(user))
    return Curriculum.objects.filter(pk__in=Curriculum.objects.filter(q).values("pk"))


def changeable_curricula(user: AnyUser) -> QuerySet[Curriculum]:
    """Teachers and coordinators of the owning organisation (or of the one managing it) edit."""
    scope = organisations.scope_of(user)
    if scope is None:
        return Curriculum.objects.none()
    if scope.user.is_superuser:
        return Curriculum.objects.all()
    editors = scope.organisation_ids(Role.COORDINATOR, Role.TEACHER)
    return Curriculum.objects.filter(
        Q(organisation_id__in=editors) | Q(organisation__managed_by_id__in=scope.coordinating)
    )


def coverage_curricula(user: AnyUser) -> QuerySet[Curriculum]:
    """Whose texts are missing in the languages of the adepts placed where a curriculum is
    practised: for the teachers and coordinators who see the curriculum (they write the texts
    or have them written), not for its adepts and mentors."""
    scope = organisations.scope_of(user)
    if scope is None:
        return Curriculum.objects.none()
    if not scope.user.is_superuser and not scope.organisation_ids(Role.TEACHER, Role.COORDINATOR):
        return Curriculum.objects.none()
    return visible_curricula(user)


def curriculum_owners(user: AnyUser) -> QuerySet[Organisation]:
    """The organisations a person may make a curriculum for: where she teaches or coordinates
    (any, for an installation administrator)."""
    scope = organisations.scope_of(user)
    if scope is None:
        return Organisation.objects.none()
    if scope.user.is_superuser:
        return Organisation.objects.all()
    return Organisation.objects.filter(
        pk__in=scope.organisation_ids(Role.TEACHER, Role.COORDINATOR)
    )


def visible_workplace_tasks(user: AnyUser) -> QuerySet[WorkplaceTask]:
    return WorkplaceTask.objects.filter(workplace__in=organisations.visible_workplaces(user))


def task_workplaces(user: AnyUser) -> QuerySet[Workplace]:
    """Workplaces whose tasks and words the person may write: their coordinators, the mentors
    working there (they know the real tasks) and the teachers whose adepts are placed there."""
    scope = organisations.scope_of(user)
    if scope is None:
        return Workplace.objects.none()
    if scope.user.is_superuser:
        return Workplace.objects.all()
    teaching = scope.organisation_ids(Role.TEACHER)
    q = Q(pk__in=organisations.changeable_workplaces(user).values("pk"))
    q |= Q(pk__in=scope.mentor_workplace_ids)
    q |= Q(enrolments__role=EnrolmentRole.ADEPT, enrolments__education_provider_id__in=teaching)
    return Workplace.objects.filter(pk__in=Workplace.objects.filter(q).values("pk"))


def changeable_workplace_tasks(user: AnyUser) -> QuerySet[WorkplaceTask]:
    return WorkplaceTask.objects.filter(workplace__in=task_workplaces(user))


def writes_words(user: AnyUser) -> bool:
    """Whether the person writes any words (`changeable_curricula` or `task_workplaces` is not
    empty), told by her memberships where they are enough: a mentor writes her workplace's."""
    scope = organisations.scope_of(user)
    if scope is None:
        return False
    if scope.mentor_workplace_ids:
        return True
    if not scope.user.is_superuser and not scope.organisation_ids(Role.COORDINATOR, Role.TEACHER):
        return False
    return changeable_curricula(user).exists() or task_workplaces(user).exists()


def own_terms(enrolments: Iterable[Enrolment]) -> QuerySet[Term]:
    """The words of an adept's own placements (given, read already): those of her workplaces and
    of the curricula of her programmes. She sees them all (a part of `visible_terms`)."""
    enrolments = list(enrolments)
    workplaces = sorted({e.workplace_id for e in enrolments if e.workplace_id})
    programmes = sorted({e.programme_id for e in enrolments})
    if not enrolments:
        return Term.objects.none()
    return Term.objects.filter(
        Q(workplace_id__in=workplaces) | Q(curriculum__programmes__in=programmes)
    )


def visible_terms(user: AnyUser) -> QuerySet[Term]:
    return Term.objects.filter(
        Q(curriculum__in=visible_curricula(user))
        | Q(workplace__in=organisations.visible_workplaces(user))
    )


def changeable_terms(user: AnyUser) -> QuerySet[Term]:
    return Term.objects.filter(
        Q(curriculum__in=changeable_curricula(user)) | Q(workplace__in=task_workplaces(user))
    )


# --- each adept's learning ---------------------------------------------------------------------


def learning_enrolments(user: AnyUser) -> QuerySet[Enrolment]:
    """Adepts whose learning records the person may read: the adept herself, her mentor while
    they are a pair, the teachers of her school and the programme's coordinators."""
    return programmes.visible_enrolments(user).filter(role=EnrolmentRole.ADEPT)


def enrolments_as(user: AnyUser, capacities: Iterable[str]) -> QuerySet[Enrolment]:
    """The adepts on whose learning the person acts in at least one of `capacities`."""
    scope = organisations.scope_of(user)
    if scope is None:
        return Enrolment.objects.none()
    wanted = set(capacities)
    q = Q(pk__in=[])
    if ADEPT in wanted:
        q |= Q(user_id=scope.user.pk)
    if MENTOR in wanted:
        q |= Q(pk__in=workable_pairs(user).filter(mentor__user_id=scope.user.pk).values("adept"))
    if TEACHER in wanted:
        q |= Q(education_provider_id__in=scope.organisation_ids(Role.TEACHER))
    if COORDINATOR in wanted:
        q |= Q(pk__in=programmes.changeable_enrolments(user).values("pk"))
    return Enrolment.objects.filter(q, role=EnrolmentRole.ADEPT)


def own_learning_enrolments(user: AnyUser) -> QuerySet[Enrolment]:
    """The adept's own placements, where she logs her practice and hours; nobody logs for her."""
    return enrolments_as(user, {ADEPT})


def learning_roles(user: AnyUser, enrolment: Enrolment) -> set[str]:
    """In which capacities the person acts on this adept's learning: "adept", "mentor",
    "teacher", "coordinator" (a person may hold more than one)."""
    scope = organisations.scope_of(user)
    if scope is None or enrolment.role != EnrolmentRole.ADEPT:
        return set()
    roles = set()
    if enrolment.user_id == scope.user.pk:
        roles.add(ADEPT)
    if Pair.objects.filter(
        adept=enrolment, mentor__user_id=scope.user.pk, status__in=LIVE_PAIR_STATUSES
    ).exists():
        roles.add(MENTOR)
    if enrolment.education_provider_id in scope.organisation_ids(Role.TEACHER):
        roles.add(TEACHER)
    if programmes.changeable_enrolments(user).filter(pk=enrolment.pk).exists():
        roles.add(COORDINATOR)
    return roles


def visible_learning_plans(user: AnyUser) -> QuerySet[LearningPlan]:
    return LearningPlan.objects.filter(enrolment__in=learning_enrolments(user))


def visible_practice_entries(user: AnyUser) -> QuerySet[PracticeEntry]:
    return PracticeEntry.objects.filter(enrolment__in=learning_enrolments(user))


def own_practice_entries(user: AnyUser) -> QuerySet[PracticeEntry]:
    """The adept's own entries: she changes or deletes them (before they are confirmed)."""
    found = person(user)
    if found is None:
        return PracticeEntry.objects.none()
    return visible_practice_entries(user).filter(enrolment__user_id=found.pk)


def visible_reviews(user: AnyUser) -> QuerySet[Review]:
    return Review.objects.filter(enrolment__in=learning_enrolments(user))


def visible_hours(user: AnyUser) -> QuerySet[HoursEntry]:
    return HoursEntry.objects.filter(enrolment__in=learning_enrolments(user))


def register() -> None:
    policies.register(
        Curriculum,
        view=visible_curricula,
        change=changeable_curricula,
        coverage=coverage_curricula,
    )
    policies.register(
        WorkplaceTask, view=visible_workplace_tasks, change=changeable_workplace_tasks
    )
    policies.register(Term, view=visible_terms, change=changeable_terms)
    policies.register(LearningPlan, view=visible_learning_plans)
    policies.register(PracticeEntry, view=visible_practice_entries, change=own_practice_entries)
    policies.register(Review, view=visible_reviews)
    policies.register(HoursEntry, view=visible_hours)
    # What learning adds on other domains' records.
    policies.register(
        Enrolment,
        learn=learning_enrolments,
        log_learning=own_learning_enrolments,
        edit_plan=lambda user: enrolments_as(user, PLAN_EDITORS),
        schedule_review=lambda user: enrolments_as(user, REVIEW_SCHEDULERS),
    )
    # describe: write the workplace's tasks and words.
    policies.register(Workplace, describe=task_workplaces)
