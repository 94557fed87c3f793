"""Reads for the life part of mentoring. Every read goes through the access policies.

A check-in is special-category data. Lists show only what the database holds in clear (dates,
whether she shares, whether she asks for support), so they decrypt nothing and log nothing; only
the detail page decrypts, and `services.life_checkin_read` logs every time it does.
"""

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from django.db.models import Exists, F, OuterRef, QuerySet, Subquery
from django.utils.translation import gettext_lazy as _

from smile.accounts.models import User
from smile.lib.crypto import decrypt_json
from smile.matching.home import HomeBasis, home_basis
from smile.matching.models import LIVE_PAIR_STATUSES, Pair
from smile.mentoring import access
from smile.mentoring.models import LifeArea, LifeSituationCheckIn, LifeStatus, SupportMessage
from smile.programmes.models import Enrolment, EnrolmentRole, EnrolmentStatus

# How an answer reads to someone else than the adept ("I need support" is her own voice).
OTHERS_STATUS_LABELS = {
    LifeStatus.FINE: _("Fine"),
    LifeStatus.COULD_BE_BETTER: _("Could be better"),
    LifeStatus.NEEDS_SUPPORT: _("Needs support"),
}


@dataclass(frozen=True)
class LifeAnswer:
    area: str
    area_label: str
    status: str  # "" when she did not answer
    status_label: str


@dataclass(frozen=True)
class LifeCheckinView:
    """One check-in as one reader may see it; nothing else of the record is in here."""

    pk: int
    created_at: datetime
    adept_name: str
    reader: str  # "adept", "mentor" or "coordinator"
    answers: list[LifeAnswer]
    note: str
    language: str  # what her note is written in
    # Only for the adept: what she shares with whom.
    share_with_mentor: bool = False
    coordinator_areas: list[str] = field(default_factory=list)
    share_note_with_coordinator: bool = False
    # For the adept and the coordinator.
    support_requested: bool = False
    followed_up_at: datetime | None = None
    followed_up_by: str = ""


def adept_enrolment(user: User) -> Enrolment | None:
    """The enrolment a new check-in belongs to: her current one as an adept."""
    return (
        Enrolment.objects.filter(user=user, role=EnrolmentRole.ADEPT, status=EnrolmentStatus.ACTIVE)
        .select_related("programme")
        .order_by("-starts_on", "-pk")
        .first()
    )


def is_adept(user: User) -> bool:
    return Enrolment.objects.filter(user=user, role=EnrolmentRole.ADEPT).exists()


def own_life_checkins(user: User) -> QuerySet[LifeSituationCheckIn]:
    """The adept's own check-ins, newest first (for lists: read only the fields in clear)."""
    return access.changeable_life_checkins(user).order_by("-created_at", "-pk")


@dataclass(frozen=True)
class ThreadMessage:
    """One message of a support request's thread, as its reader sees it."""

    pk: int
    author_name: str
    from_adept: bool
    mine: bool
    text: str
    language: str
    created_at: datetime


def own_life_checkins_answered(user: User) -> QuerySet[LifeSituationCheckIn]:
    """Her check-ins for her list, each with `answered`: someone else wrote in its thread."""
    others = SupportMessage.objects.filter(request=OuterRef("pk")).exclude(author_id=user.pk)
    return own_life_checkins(user).annotate(answered=Exists(others))


def support_requests(user: User) -> QuerySet[LifeSituationCheckIn]:
    """The coordinator's list: open requests first, then the newest. Each with `answered` (a
    coordinator wrote in its thread) and `adept_wrote_last` (the adept's message waits), read in
    the same query."""
    thread = SupportMessage.objects.filter(request=OuterRef("pk"))
    last_author = thread.order_by("-created_at", "-pk").values("author_id")[:1]
    return (
        access.followable_life_checkins(user)
        .select_related("enrolment__user", "enrolment__programme")
        .annotate(
            answered=Exists(thread.exclude(author_id=OuterRef("enrolment__user_id"))),
            last_author_id=Subquery(last_author),
        )
        .order_by(F("followed_up_at").asc(nulls_first=True), "-created_at", "-pk")
    )


def support_thread(user: User, checkin: LifeSituationCheckIn) -> list[ThreadMessage]:
    """The messages of a support request this person may read (the adept who asked and the
    coordinators; nobody else, so her mentor gets an empty list), oldest first. Decrypts them:
    call it only where the request's read is logged (`services.life_checkin_read`)."""
    rows = (
        access.visible_support_messages(user)
        .filter(request=checkin)
        .select_related("author")
        .order_by("created_at", "pk")
    )
    adept_id = checkin.enrolment.user_id
    return [
        ThreadMessage(
            pk=row.pk,
            author_name=row.author.full_name if row.author else "",
            from_adept=row.author_id == adept_id,
            mine=row.author_id == user.pk,
            text=str(decrypt_json(row.text)),
            language=row.language,
            created_at=row.created_at,
        )
        for row in rows
    ]


def shared_with_mentor(
    user: User, *, basis: HomeBasis | None = None
) -> QuerySet[LifeSituationCheckIn]:
    """The latest check-in each adept of the mentor's live pairs shares with him."""
    if basis is None:
        adepts = Pair.objects.filter(mentor__user=user, status__in=LIVE_PAIR_STATUSES)
        shared = access.visible_life_checkins(user).filter(
            share_with_mentor=True, enrolment__in=adepts.values("adept")
        )
    else:
        shared = access.checkins_shared_with_mentor(basis)
    latest = shared.filter(enrolment=OuterRef("enrolment")).order_by("-created_at", "-pk")
    return (
        shared.filter(pk=Subquery(latest.values("pk")[:1]))
        .select_related("enrolment__user")
        .order_by("enrolment__user__full_name", "pk")
    )


def _answer(area: str, status: str, *, own: bool) -> LifeAnswer:
    if not status:
        label = str(_("Not answered"))
    elif own:
        label = str(LifeStatus(status).label)
    else:
        label = str(OTHERS_STATUS_LABELS[LifeStatus(status)])
    return LifeAnswer(
        area=area, area_label=str(LifeArea(area).label), status=status, status_label=label
    )


def life_checkin_for(*, reader: str, checkin: LifeSituationCheckIn) -> LifeCheckinView:
    """Only what a reader in this capacity (`access.life_checkin_reader`) may see of it.

    The adept sees everything; her mentor, if she shares, her answers and her note but not what
    she told the coordinator; the coordinator only the areas she asked support with, and her note
    only if she agreed.
    """
    payload: dict[str, Any] = decrypt_json(checkin.payload)
    answers: dict[str, str] = payload.get("answers", {})
    note: str = payload.get("note", "")
    areas: list[str] = payload.get("coordinator_areas", [])
    common: dict[str, Any] = {
        "pk": checkin.pk,
        "created_at": checkin.created_at,
        "adept_name": checkin.enrolment.user.full_name,
        "reader": reader,
        "language": checkin.language,
    }
    followed: dict[str, Any] = {
        "support_requested": checkin.support_requested,
        "followed_up_at": checkin.followed_up_at,
        "followed_up_by": checkin.followed_up_by.full_name if checkin.followed_up_by else "",
    }
    if reader == "adept":
        return LifeCheckinView(
            **common,
            **followed,
            answers=[_answer(a, answers.get(a, ""), own=True) for a in LifeArea.values],
            note=note,
            share_with_mentor=checkin.share_with_mentor,
            coordinator_areas=[str(LifeArea(a).label) for a in areas],
            share_note_with_coordinator=bool(payload.get("share_note_with_coordinator")),
        )
    if reader == "mentor":
        answered = [a for a in LifeArea.values if answers.get(a)]
        return LifeCheckinView(
            **common, answers=[_answer(a, answers[a], own=False) for a in answered], note=note
        )
    shared_note = note if payload.get("share_note_with_coordinator") else ""
    return LifeCheckinView(
        **common,
        **followed,
        answers=[_answer(a, LifeStatus.NEEDS_SUPPORT, own=False) for a in areas],
        note=shared_note,
    )


def for_home(*, user: User, role: str, basis: HomeBasis | None = None) -> dict[str, Any]:
    """What the adept's or the mentor's home shows of this part (role is "adept" or "mentor").

    No decrypted content: the adept gets the card that invites her, with the date of her last
    check-in; the mentor a link to the latest check-in each adept shares with him. One query at
    most (none for a mentor without a live pair).
    """
    basis = basis or home_basis(user=user, role=role)
    if role == "adept":
        if not basis.enrolments:
            return {}
        latest = own_life_checkins(user).values_list("created_at", flat=True).first()
        return {"invite": True, "latest_at": latest}
    if role == "mentor":
        shared = [
            {"pk": c.pk, "adept_name": c.enrolment.user.full_name, "created_at": c.created_at}
            for c in shared_with_mentor(user, basis=basis)
        ]
        return {"shared": shared} if shared else {}
    return {}


def for_pair(*, user: User, pair: Pair) -> dict[str, Any]:
    """Life-situation answers never show on the pair's page (other people see that page)."""
    return {}
