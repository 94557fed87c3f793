"""What the homes and an adept's learning page show of learning, gathered from each part."""

from typing import Any

from smile.accounts.models import User
from smile.learning.curricula import selectors as curricula
from smile.learning.hours import selectors as hours
from smile.learning.plans import selectors as plans
from smile.learning.practice import selectors as practice
from smile.learning.progress import selectors as progress
from smile.learning.reviews import selectors as reviews
from smile.learning.vocabulary import selectors as vocabulary
from smile.matching.home import HomeBasis, home_basis
from smile.programmes.models import Enrolment

PARTS = {
    "curricula": curricula,
    "plans": plans,
    "practice": practice,
    "reviews": reviews,
    "hours": hours,
    "progress": progress,
    "vocabulary": vocabulary,
}


def home_panels(
    *, user: User, role: str, basis: HomeBasis | None = None
) -> dict[str, dict[str, Any]]:
    """Every part's panel, all built on one basis (her own enrolments and pairs)."""
    basis = basis or home_basis(user=user, role=role)
    return {name: part.for_home(user=user, role=role, basis=basis) for name, part in PARTS.items()}


def adept_panels(*, user: User, enrolment: Enrolment) -> dict[str, dict[str, Any]]:
    return {name: part.for_adept(user=user, enrolment=enrolment) for name, part in PARTS.items()}
