"""What a person's home is built on: her own enrolments in the role and her own pairs on that
side, read once per page and handed to every domain's panel.

A home shows the person's own records, so its panels filter on these keys (literal ids) instead of
re-deriving everything she may see: the SQL stays small and the page reads each table once. The
sets are parts of the access policies (`programmes.access.own_enrolments`,
`matching.access.own_pairs_as`); a test checks they agree with `learning.access.enrolments_as`.
"""

from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

from smile.core.actor import Person
from smile.matching import access
from smile.matching.models import LIVE_PAIR_STATUSES, Pair, PairStatus
from smile.programmes import access as programmes_access
from smile.programmes.models import Enrolment, EnrolmentStatus

SIDES = ("adept", "mentor")
# What each side's home shows of the other person (and of herself: both sides' users are asked).
PAIR_RELATED = {
    "adept": ("adept", "mentor__user", "mentor__workplace"),
    "mentor": (
        "programme",
        "mentor",
        "adept__user",
        "adept__workplace",
        "adept__education_provider",
    ),
}


@dataclass
class HomeBasis:
    """Each set is read on first use (one query each) and kept for the rest of the page."""

    user: Person
    role: str
    # What two panels both read (an adept's plan levels: her progress and her plan), once.
    shared: dict[object, Any] = field(default_factory=dict, repr=False)

    def once[T](self, key: object, compute: Callable[[], T]) -> T:
        if key not in self.shared:
            self.shared[key] = compute()
        value: T = self.shared[key]
        return value

    @cached_property
    def enrolments(self) -> list[Enrolment]:
        """Her own enrolments in this role (every status), newest first, with what the home
        shows of each."""
        if self.role not in SIDES:
            return []
        related = ["programme"]
        if self.role == "adept":
            related += ["user", "workplace", "education_provider"]
        else:
            related += ["matching_profile"]
        return list(
            programmes_access.own_enrolments(self.user)
            .filter(role=self.role)
            .select_related(*related)
            .order_by("-starts_on", "-pk")
        )

    @property
    def active_enrolments(self) -> list[Enrolment]:
        return [e for e in self.enrolments if e.status == EnrolmentStatus.ACTIVE]

    @cached_property
    def pairs(self) -> list[Pair]:
        """Her pairs on her side (no drafts), with both people, by the adept's name."""
        if self.role not in SIDES:
            return []
        return list(
            access.own_pairs_as(self.user, self.role)
            .select_related(*PAIR_RELATED[self.role])
            .order_by("adept__user__full_name", "pk")
        )

    @property
    def live_pairs(self) -> list[Pair]:
        """The pairs she works in now (`access.workable_pairs` on her side)."""
        return [p for p in self.pairs if p.status in LIVE_PAIR_STATUSES]

    @property
    def proposals(self) -> list[Pair]:
        return [p for p in self.pairs if p.status == PairStatus.PROPOSED]

    @property
    def learner_ids(self) -> list[int]:
        """The adept enrolments whose learning this home follows: her own (an adept) or her
        live pairs' adepts (a mentor); the same as `learning.access.enrolments_as(role)`."""
        if self.role == "adept":
            return [e.pk for e in self.enrolments]
        if self.role == "mentor":
            return sorted({p.adept_id for p in self.live_pairs})
        return []


def home_basis(*, user: Person, role: str) -> HomeBasis:
    return HomeBasis(user=user, role=role)
