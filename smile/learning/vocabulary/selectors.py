"""Reads for the vocabulary part of learning. Every read goes through the access policies."""

from typing import Any

from django.db.models import Count, Exists, IntegerField, OuterRef, Q, QuerySet, Subquery, Value
from django.db.models.functions import Coalesce

from smile.accounts.models import User
from smile.learning import access
from smile.learning.models import Curriculum, Term, TermPractice
from smile.matching.home import HomeBasis, home_basis
from smile.organisations.models import Workplace
from smile.programmes.models import Enrolment, EnrolmentRole, EnrolmentStatus


def adept_enrolments(*, user: User) -> QuerySet[Enrolment]:
    """Where she is an adept now: her words come from these programmes and workplaces."""
    return Enrolment.objects.filter(
        user=user, role=EnrolmentRole.ADEPT, status=EnrolmentStatus.ACTIVE
    )


def _words_of(enrolments: QuerySet[Enrolment]) -> Q:
    return Q(workplace__in=enrolments.values("workplace")) | Q(
        curriculum__programmes__in=enrolments.values("programme")
    )


def _with_practice(terms: QuerySet[Term], user: User) -> QuerySet[Term]:
    mine = TermPractice.objects.filter(user=user, term=OuterRef("pk"))
    return terms.annotate(
        known=Exists(mine.filter(known=True)),
        times=Coalesce(Subquery(mine.values("times")[:1]), Value(0), output_field=IntegerField()),
    )


# Not known first, then the least practised; annotations of `_with_practice`.
CARD_ORDER = ("known", "times", "swedish", "pk")


def words_for(*, user: User) -> QuerySet[Term]:
    """The words of her curricula and of her workplace, as far as she may see them."""
    own = Term.objects.filter(_words_of(adept_enrolments(user=user))).values("pk")
    return access.visible_terms(user).filter(pk__in=own)


def word_list(*, user: User) -> list[Term]:
    """Her words, A to Ö, each with `known` and `times` (how often she practised it)."""
    return list(_with_practice(words_for(user=user), user).order_by("swedish", "pk"))


def next_card(*, user: User) -> Term | None:
    """The word to practise next: one she does not know yet, the least practised first."""
    return _with_practice(words_for(user=user), user).order_by(*CARD_ORDER).first()


def known_count(*, user: User, terms: QuerySet[Term] | None = None) -> tuple[int, int]:
    """(words she knows, all her words)."""
    terms = words_for(user=user) if terms is None else terms
    known = TermPractice.objects.filter(user=user, term=OuterRef("pk"), known=True)
    counts = terms.aggregate(
        total=Count("pk", distinct=True),
        known=Count("pk", distinct=True, filter=Q(Exists(known))),
    )
    return counts["known"], counts["total"]


# --- editors ----------------------------------------------------------------------------------


def can_edit_workplace_words(user: User, workplace: Workplace) -> bool:
    return access.task_workplaces(user).filter(pk=workplace.pk).exists()


def owner_terms(
    *, curriculum: Curriculum | None = None, workplace: Workplace | None = None
) -> QuerySet[Term]:
    """The words of one curriculum or one workplace, for its editors."""
    if curriculum is not None:
        return Term.objects.filter(curriculum=curriculum).order_by("swedish", "pk")
    return Term.objects.filter(workplace=workplace).order_by("swedish", "pk")


def editable_lists(*, user: User) -> dict[str, list[Any]]:
    """The curricula and workplaces whose words the person may write, with their word counts."""
    curricula = access.changeable_curricula(user).annotate(words=Count("terms")).order_by("name_sv")
    workplaces = (
        access.task_workplaces(user)
        .select_related("organisation")
        .annotate(words=Count("terms"))
        .order_by("organisation__name", "name")
    )
    return {"curricula": list(curricula), "workplaces": list(workplaces)}


def can_edit_any(*, user: User) -> bool:
    return access.changeable_curricula(user).exists() or access.task_workplaces(user).exists()


# --- the panels on the homes and the adept's learning page ------------------------------------


def for_home(*, user: User, role: str, basis: HomeBasis | None = None) -> dict[str, Any]:
    """What the home of this role ("adept", "mentor" or "teacher") shows of this part (one
    query for the adept; none for a mentor, at most two for a teacher)."""
    if role == "adept":
        basis = basis or home_basis(user=user, role=role)
        if not basis.active_enrolments:
            return {}
        known, total = known_count(user=user, terms=access.own_terms(basis.active_enrolments))
        if total == 0:
            return {}
        return {"role": role, "known": known, "total": total}
    if access.writes_words(user):
        return {"role": role, "editor": True}
    return {}


def for_adept(*, user: User, enrolment: Enrolment) -> dict[str, Any]:
    """What the adept's learning page shows of this part, for this reader."""
    own = Term.objects.filter(_words_of(Enrolment.objects.filter(pk=enrolment.pk))).values("pk")
    terms = access.visible_terms(user).filter(pk__in=own)
    known, total = known_count(user=enrolment.user, terms=terms)
    if total == 0:
        return {}
    return {
        "known": known,
        "total": total,
        "is_adept": enrolment.user_id == user.pk,
        "name": enrolment.user.full_name,
    }
