"""Reads for the plans part of learning. Every read goes through `smile.core.access`."""

from typing import Any

from smile.accounts.models import User
from smile.programmes.models import Enrolment


def for_home(*, user: User, role: str) -> dict[str, Any]:
    """What the home of this role ("adept", "mentor" or "teacher") shows of this part."""
    return {}


def for_adept(*, user: User, enrolment: Enrolment) -> dict[str, Any]:
    """What the adept's learning page shows of this part, for this reader."""
    return {}
