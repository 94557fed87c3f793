"""Checks a placement must pass, added by the domains above programmes.

Placing an adept at a workplace (her enrolment there) can depend on things programmes does not
know, such as a signed management commitment (`smile.leadership`). Such a domain registers a check
in its `AppConfig.ready`; the enrolment services ask every check and refuse a placement that one
of them blocks, and the enrolment views show the warnings of a placement that is saved.
"""

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from smile.organisations.models import Workplace
from smile.programmes.models import Programme


@dataclass(frozen=True)
class PlacementNote:
    """What a check says about a placement (already translated); `blocking` refuses it."""

    message: str
    blocking: bool = False


PlacementCheck = Callable[[Programme, Workplace], Iterable[PlacementNote]]
_CHECKS: list[PlacementCheck] = []


def register_check(check: PlacementCheck) -> PlacementCheck:
    if check not in _CHECKS:
        _CHECKS.append(check)
    return check


def checks(programme: Programme, workplace: Workplace) -> list[PlacementNote]:
    """Every registered check's notes on placing an adept of `programme` at `workplace`."""
    return [note for check in _CHECKS for note in check(programme, workplace)]


def warnings(programme: Programme, workplace: Workplace) -> list[str]:
    """The notes that do not refuse the placement, for the page that saved it."""
    return [note.message for note in checks(programme, workplace) if not note.blocking]
