"""What the active-measures tests do over and over: Vera manages another employer; Mona starts a
year's cycle for the foundry's moulding workplace."""

from datetime import date

from smile.accounts.models import User
from smile.accounts.services import membership_create
from smile.core.actor import SYSTEM
from smile.equality.measures import services
from smile.equality.models import Measure, MeasureCycle
from smile.organisations.choices import Role
from tests.cast import Cast, make_user


def vera(cast: Cast) -> User:
    """A manager at Värnamo Vård AB: another organisation's manager."""
    user = make_user("vera@vard.example", "Vera Vik", totp=True)
    membership_create(actor=SYSTEM, user=user, organisation=cast.care, role=Role.MANAGER)
    return user


def finishing_manager(cast: Cast) -> User:
    """Fredrik manages only the foundry's finishing workplace."""
    user = make_user("fredrik@gjuteri.example", "Fredrik Falk", totp=True)
    membership_create(
        actor=SYSTEM,
        user=user,
        organisation=cast.foundry,
        role=Role.MANAGER,
        workplace=cast.finishing,
    )
    return user


def start(cast: Cast, year: int = 2026) -> MeasureCycle:
    return services.cycle_start(workplace=cast.moulding, by=cast.mona, year=year)


def add_measure(
    cycle: MeasureCycle, cast: Cast, *, title: str, owner: User, due_on: date
) -> Measure:
    return services.measure_add(cycle=cycle, by=cast.mona, title=title, owner=owner, due_on=due_on)
