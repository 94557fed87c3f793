"""What the homes and the pair's mentorship page show of mentoring, gathered from each part."""

from typing import Any

from smile.accounts.models import User
from smile.matching.home import HomeBasis, home_basis
from smile.matching.models import Pair
from smile.mentoring.closing import selectors as closing
from smile.mentoring.life import selectors as life
from smile.mentoring.logs import selectors as logs
from smile.mentoring.meetings import selectors as meetings

PARTS = {"meetings": meetings, "logs": logs, "life": life, "closing": closing}


def home_panels(
    *, user: User, role: str, basis: HomeBasis | None = None
) -> dict[str, dict[str, Any]]:
    """Every part's panel, all built on one basis (her own enrolments and pairs)."""
    basis = basis or home_basis(user=user, role=role)
    return {name: part.for_home(user=user, role=role, basis=basis) for name, part in PARTS.items()}


def pair_panels(*, user: User, pair: Pair) -> dict[str, dict[str, Any]]:
    return {name: part.for_pair(user=user, pair=pair) for name, part in PARTS.items()}
