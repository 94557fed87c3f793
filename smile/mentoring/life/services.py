"""Writes of the life-situation check-in. Only the adept writes or deletes her answers; every read
and write is logged in the privacy access log; the coordinator hears of a support request without
any detail (e-mail is not a safe place for special-category data).
"""

from collections.abc import Mapping, Sequence

from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from smile.accounts.models import User
from smile.core.errors import ApplicationError, NotAllowed
from smile.lib.crypto import encrypt_json
from smile.mentoring import access
from smile.mentoring.life import selectors
from smile.mentoring.models import LifeArea, LifeSituationCheckIn, LifeStatus
from smile.notifications.models import Kind
from smile.notifications.services import notify
from smile.organisations.choices import Role
from smile.organisations.models import Membership
from smile.privacy.models import AccessAction
from smile.privacy.services import access_record
from smile.programmes.models import Enrolment, EnrolmentRole

NOTE_MAX_LENGTH = 1000


def _clean_answers(answers: Mapping[str, str | None]) -> dict[str, str]:
    cleaned: dict[str, str] = {}
    for area, status in answers.items():
        if not status:
            continue  # she chose not to answer
        if area not in LifeArea.values or status not in LifeStatus.values:
            raise ApplicationError(_("Please choose one of the answers."))
        cleaned[area] = status
    if not cleaned:
        raise ApplicationError(_("Please answer at least one question. You can skip the others."))
    return cleaned


@transaction.atomic
def life_checkin_create(
    *,
    enrolment: Enrolment,
    by: User,
    answers: Mapping[str, str | None],
    note: str,
    share_with_mentor: bool,
    coordinator_areas: Sequence[str],
    share_note_with_coordinator: bool,
) -> LifeSituationCheckIn:
    """The adept's own check-in. Asks the coordinator for support only with what she agreed."""
    if enrolment.user_id != by.pk or enrolment.role != EnrolmentRole.ADEPT:
        raise ApplicationError(_("Only the adept can answer questions about her own life."))
    cleaned = _clean_answers(answers)
    note = note.strip()
    if len(note) > NOTE_MAX_LENGTH:
        raise ApplicationError(
            _("Please write at most %(count)d characters.") % {"count": NOTE_MAX_LENGTH},
            field="note",
        )
    needs_support = [
        area for area in LifeArea.values if cleaned.get(area) == LifeStatus.NEEDS_SUPPORT
    ]
    wrong = [area for area in coordinator_areas if area not in needs_support]
    if wrong:
        names = ", ".join(str(LifeArea(area).label) for area in wrong if area in LifeArea.values)
        raise ApplicationError(
            _(
                "You can only ask the coordinator for support with something you answered "
                "“I need support”. Please check: %(areas)s."
            )
            % {"areas": names or "?"},
            field="coordinator_areas",
        )
    areas = [area for area in LifeArea.values if area in coordinator_areas]
    if share_note_with_coordinator and not areas:
        raise ApplicationError(
            _(
                "The coordinator only sees your note when you ask for support. Choose what you "
                "need support with, or remove the tick for the note."
            ),
            field="share_note_with_coordinator",
        )
    payload = {
        "answers": cleaned,
        "note": note,
        "coordinator_areas": areas,
        "share_note_with_coordinator": bool(share_note_with_coordinator and note),
    }
    checkin = LifeSituationCheckIn(
        enrolment=enrolment,
        payload=encrypt_json(payload),
        share_with_mentor=share_with_mentor,
        support_requested=bool(areas),
    )
    checkin.full_clean()
    checkin.save()
    access_record(actor=by, subject=by, record=checkin, action=AccessAction.CREATE)
    if checkin.support_requested:
        _tell_coordinators(checkin, enrolment)
    return checkin


def _tell_coordinators(checkin: LifeSituationCheckIn, enrolment: Enrolment) -> None:
    programme = enrolment.programme
    coordinators = User.objects.filter(
        pk__in=Membership.objects.filter(
            organisation_id=programme.owner_id, role=Role.COORDINATOR
        ).values("user"),
        is_active=True,
    ).order_by("pk")
    url = reverse("mentoring:life-detail", args=[checkin.pk])
    for coordinator in coordinators:
        # No name and no detail: the notice may go by e-mail; the record is read in SMILE.
        notify(
            recipient=coordinator,
            kind=Kind.SUPPORT_REQUESTED,
            params={"programme": programme.name},
            url=url,
        )


@transaction.atomic
def life_checkin_delete(*, checkin: LifeSituationCheckIn, by: User) -> None:
    """The adept deletes her answers. The access log keeps that it existed, never what it said."""
    if checkin.enrolment.user_id != by.pk:
        raise ApplicationError(_("Only the adept can delete her answers."))
    access_record(actor=by, subject=by, record=checkin, action=AccessAction.DELETE)
    checkin.delete()


@transaction.atomic
def life_checkin_follow_up(*, checkin: LifeSituationCheckIn, by: User) -> LifeSituationCheckIn:
    """A coordinator of the programme marks that she has followed up the support request."""
    if not access.followable_life_checkins(by).filter(pk=checkin.pk).exists():
        raise ApplicationError(_("Only the programme's coordinator can follow up a request."))
    checkin = LifeSituationCheckIn.objects.select_for_update().get(pk=checkin.pk)
    if checkin.followed_up_at is not None:
        raise ApplicationError(_("This request is already followed up."))
    checkin.followed_up_at = timezone.now()
    checkin.followed_up_by = by
    checkin.full_clean()
    checkin.save(update_fields=["followed_up_at", "followed_up_by", "updated_at"])
    access_record(
        actor=by, subject=checkin.enrolment.user, record=checkin, action=AccessAction.UPDATE
    )
    return checkin


def life_checkin_read(*, checkin: LifeSituationCheckIn, reader: User) -> selectors.LifeCheckinView:
    """Open one check-in for reading: what this reader may see, and the read is logged."""
    capacity = access.life_checkin_reader(reader, checkin)
    if capacity is None:
        raise NotAllowed("read life-situation check-in")
    view = selectors.life_checkin_for(reader=capacity, checkin=checkin)
    access_record(
        actor=reader, subject=checkin.enrolment.user, record=checkin, action=AccessAction.VIEW
    )
    return view
