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
from smile.core import policies
from smile.core.errors import ApplicationError, NotAllowed
from smile.core.texts import writer_language
from smile.lib.crypto import decrypt_json, encrypt_json
from smile.mentoring import access
from smile.mentoring.life import selectors
from smile.mentoring.models import LifeArea, LifeSituationCheckIn, LifeStatus, SupportMessage
from smile.notifications.models import Kind
from smile.notifications.services import finish, notify, subject_key
from smile.organisations.choices import Role
from smile.organisations.models import Membership
from smile.privacy.models import AccessAction
from smile.privacy.services import access_record
from smile.programmes.models import Enrolment, EnrolmentRole

NOTE_MAX_LENGTH = 1000
MESSAGE_MAX_LENGTH = 2000


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
    language: str = "",
) -> LifeSituationCheckIn:
    """The adept's own check-in. Asks the coordinator for support only with what she agreed.

    `language`: what her note is written in (her choice, else the language she uses SMILE in).
    """
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
        language=writer_language(language),
    )
    checkin.full_clean()
    checkin.save()
    access_record(actor=by, subject=by, record=checkin, action=AccessAction.CREATE)
    if checkin.support_requested:
        _tell_coordinators(checkin, enrolment)
    return checkin


def _coordinators(enrolment: Enrolment) -> list[User]:
    return list(
        User.objects.filter(
            pk__in=Membership.objects.filter(
                organisation_id=enrolment.programme.owner_id, role=Role.COORDINATOR
            ).values("user"),
            is_active=True,
        ).order_by("pk")
    )


def _tell_coordinators(checkin: LifeSituationCheckIn, enrolment: Enrolment) -> None:
    programme = enrolment.programme
    url = reverse("mentoring:life-detail", args=[checkin.pk])
    for coordinator in _coordinators(enrolment):
        # No name and no detail: the notice may go by e-mail; the record is read in SMILE.
        notify(
            recipient=coordinator,
            kind=Kind.SUPPORT_REQUESTED,
            params={"programme": programme.name},
            url=url,
            subject=subject_key(checkin, "follow-up"),  # done when one of them follows it up
        )


@transaction.atomic
def life_checkin_delete(*, checkin: LifeSituationCheckIn, by: User) -> None:
    """The adept deletes her answers. The access log keeps that it existed, never what it said."""
    if checkin.enrolment.user_id != by.pk:
        raise ApplicationError(_("Only the adept can delete her answers."))
    access_record(actor=by, subject=by, record=checkin, action=AccessAction.DELETE)
    finish(subject=subject_key(checkin, "follow-up"))
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
    finish(subject=subject_key(checkin, "follow-up"))
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


@transaction.atomic
def support_message_create(
    *, checkin: LifeSituationCheckIn, by: User, text: str, language: str = ""
) -> SupportMessage:
    """A message in the thread of a support request, by the adept who asked or a coordinator who
    follows it up (`access.support_writable_life_checkins`; NotAllowed for anyone else).

    The coordinator's answer tells the adept that there is an answer (not what it says: the
    notice may go by e-mail). The adept's message tells the coordinators, and a request that was
    followed up is open again: it is back on their list until one of them follows it up anew.
    """
    policies.require(by, "write_support", checkin)
    text = (text or "").strip()
    if not text:
        raise ApplicationError(_("Please write a message."), field="text")
    if len(text) > MESSAGE_MAX_LENGTH:
        raise ApplicationError(
            _("Please write at most %(count)d characters.") % {"count": MESSAGE_MAX_LENGTH},
            field="text",
        )
    locked = (
        LifeSituationCheckIn.objects.select_for_update(of=("self",))
        .select_related("enrolment__user", "enrolment__programme")
        .get(pk=checkin.pk)
    )
    message = SupportMessage(
        request=locked, author=by, text=encrypt_json(text), language=writer_language(language)
    )
    message.full_clean()
    message.save()
    adept = locked.enrolment.user
    url = reverse("mentoring:life-detail", args=[locked.pk]) + "#thread"
    if by.pk == adept.pk:
        if locked.followed_up_at is not None:
            locked.followed_up_at = None
            locked.followed_up_by = None
            locked.save(update_fields=["followed_up_at", "followed_up_by", "updated_at"])
        for coordinator in _coordinators(locked.enrolment):
            notify(
                recipient=coordinator,
                kind=Kind.SUPPORT_REQUESTED,
                params={"programme": locked.enrolment.programme.name},
                url=url,
                # On their to-do list until one of them follows the request up (again).
                subject=subject_key(locked, "follow-up"),
            )
    else:
        # No text and no name in the notice: "A message from your coordinator", read in SMILE.
        notify(recipient=adept, kind=Kind.COORDINATOR_MESSAGE, params={}, url=url)
    return message


def life_note_read(*, checkin: LifeSituationCheckIn, reader: User) -> str | None:
    """Her note as this reader may read it (None if she may not), the read logged: for the
    machine translation of the note."""
    try:
        view = life_checkin_read(checkin=checkin, reader=reader)
    except NotAllowed:
        return None
    return view.note


def support_message_read(*, message: SupportMessage, reader: User) -> str:
    """One message's text, for a reader the policy let load it; the read is logged against the
    request, as the page that shows the thread is."""
    request = message.request
    access_record(
        actor=reader, subject=request.enrolment.user, record=request, action=AccessAction.VIEW
    )
    return str(decrypt_json(message.text))
