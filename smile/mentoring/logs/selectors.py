"""Reads for the logs part of mentoring. Every read goes through `smile.core.access`."""

from typing import Any

from smile.accounts.models import User
from smile.matching.models import Pair


def for_home(*, user: User, role: str) -> dict[str, Any]:
    """What the adept's or the mentor's home shows of this part (role is "adept" or "mentor")."""
    return {}


def for_pair(*, user: User, pair: Pair) -> dict[str, Any]:
    """What the pair's mentorship page shows of this part, for this reader."""
    return {}
