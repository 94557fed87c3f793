"""People and answers the leadership tests build on the shared cast (tests/cast.py)."""

from collections.abc import Mapping

from smile.accounts.models import User
from smile.accounts.services import membership_create
from smile.core.actor import SYSTEM
from smile.leadership import statements as st
from smile.leadership.models import AssessmentRound
from smile.leadership.services import assessment_answer, assessment_round_close
from smile.organisations.choices import Role
from smile.organisations.models import Organisation, Workplace
from tests.cast import Cast, make_user


def add_member(
    email: str,
    name: str,
    *,
    organisation: Organisation,
    role: str,
    workplace: Workplace | None = None,
    totp: bool = False,
) -> User:
    user = make_user(email, name, totp=totp)
    membership_create(
        actor=SYSTEM, user=user, organisation=organisation, role=role, workplace=workplace
    )
    return user


def add_mentors(cast: Cast, count: int, workplace: Workplace | None = None) -> list[User]:
    """Mentors at the foundry's moulding workplace (or another), besides Bob."""
    return [
        add_member(
            f"mentor{i}@gjuteri.example",
            f"Mentor {i}",
            organisation=cast.foundry,
            role=Role.MENTOR,
            workplace=workplace or cast.moulding,
        )
        for i in range(count)
    ]


def other_manager(cast: Cast) -> User:
    """Vera manages Värnamo Vård, another organisation: she must see nothing of the foundry."""
    return add_member(
        "vera@vard.example", "Vera Vik", organisation=cast.care, role=Role.MANAGER, totp=True
    )


def every(value: int, **overrides: int) -> dict[str, int]:
    """The same answer to every statement, except those named (with "." as "__")."""
    answers = {s.code: value for s in st.STATEMENTS}
    for key, given in overrides.items():
        answers[key.replace("__", ".")] = given
    return answers


def answer_all(round: AssessmentRound, answers: Mapping[User, Mapping[str, int]]) -> None:
    for person, values in answers.items():
        assessment_answer(actor=person, round=round, answers=values)


def close(round: AssessmentRound) -> AssessmentRound:
    return assessment_round_close(actor=SYSTEM, round=round)
