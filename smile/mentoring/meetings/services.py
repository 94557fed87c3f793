"""Meetings of a pair: propose, accept, propose another time, cancel; each one tells the others.

Either side of an active pair proposes (or the coordinator, for a follow-up); the other side
accepts or proposes another time, and anyone of them may cancel. Every change raises the meeting's
SEQUENCE, and every notice carries a calendar file made in its reader's language, so calendars
follow the meeting. Answers lock the meeting row, so two answers at once are served in turn.

Nobody is booked into two meetings at once: a new time is refused if the adept or the mentor
already has a meeting then, in any of her pairs (a cancelled meeting, or one of a pair that has
ended, does not count). Both people's rows are locked first, always in the same order, so two
bookings for one person at the same moment are checked one after the other.

A proposal asks for an answer: its notices name the meeting as their subject, and whoever
answers (accepts, proposes another time, or cancels) marks them done for everyone.

Who may is `smile/mentoring/access.py`'s to say, and each service asks it before it writes
(`NotAllowed` otherwise): a pair's "plan_meetings" to propose; a meeting's "change" (the two people
of a live pair) to accept it or propose another time, of whom the one who did not propose answers;
its "answer" (they, or the programme's coordinators) to cancel it.
"""

from datetime import UTC, datetime, timedelta

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

from smile.accounts.models import User
from smile.core import dates, policies
from smile.core.errors import ApplicationError, NotAllowed
from smile.core.reasons import clean_reason
from smile.core.templatetags.bidi import bdi
from smile.matching.models import LIVE_PAIR_STATUSES, Pair, PairStatus
from smile.mentoring import access
from smile.mentoring.meetings.ics import attachment_for
from smile.mentoring.models import Meeting, MeetingStatus
from smile.notifications.models import Kind
from smile.notifications.services import finish, notify, subject_key

MIN_MINUTES = 15
MAX_MINUTES = 480
MAX_AHEAD = timedelta(days=366)


def _check_time(starts_at: datetime, duration_minutes: int) -> None:
    now = timezone.now()
    if starts_at <= now:
        raise ApplicationError(_("Please choose a time in the future."), field="starts_at")
    if starts_at > now + MAX_AHEAD:
        raise ApplicationError(_("Please choose a time within the next year."), field="starts_at")
    if not MIN_MINUTES <= duration_minutes <= MAX_MINUTES:
        raise ApplicationError(
            _("A meeting is %(least)d to %(most)d minutes long.")
            % {"least": MIN_MINUTES, "most": MAX_MINUTES},
            field="duration_minutes",
        )


def _check_place(place: str, video_url: str) -> None:
    if not place and not video_url:
        raise ApplicationError(_("Please write a place or a video link."), field="place")


def _clean(meeting: Meeting) -> None:
    try:
        meeting.full_clean()
    except ValidationError as error:
        field, messages = next(iter(error.message_dict.items()))
        raise ApplicationError(messages[0], field=field) from None


def _iso(value: datetime) -> str:
    """Times in notices are UTC ISO strings; each reader sees them in her own time and words."""
    return value.astimezone(UTC).isoformat()


def _place(meeting: Meeting) -> str:
    return meeting.place or meeting.video_url


def _recipients(meeting: Meeting, actor: User) -> list[User]:
    """The pair's two people, and a coordinator who proposed the meeting, but not the actor."""
    people = [meeting.pair.adept.user, meeting.pair.mentor.user]
    if meeting.proposed_by is not None and not access.is_side(meeting.proposed_by, meeting.pair):
        people.append(meeting.proposed_by)
    return [person for person in people if person.pk != actor.pk]


# The notices that ask for an answer.
ASKING = (Kind.MEETING_PROPOSED, Kind.MEETING_CHANGED)


def _answer_subject(meeting: Meeting) -> str:
    return subject_key(meeting, "answer")


def _tell(meeting: Meeting, actor: User, kind: Kind, **params: str) -> None:
    url = reverse("mentoring:meeting", args=[meeting.pk])
    subject = _answer_subject(meeting) if kind in ASKING else ""
    for recipient in _recipients(meeting, actor):
        with translation.override(recipient.preferred_language):
            attachment = attachment_for(meeting)
        notify(
            recipient=recipient,
            kind=kind,
            params=params,
            url=url,
            attachment=attachment,
            subject=subject,
        )


def _when(starts_at: datetime, ends_at: datetime) -> dict[str, str]:
    """A meeting's time as the reader writes it: its day, and the hours it starts and ends."""
    same_day = timezone.localdate(starts_at) == timezone.localdate(ends_at)
    return {
        "day": dates.day(starts_at),
        "start": dates.time24(starts_at),
        "end": dates.time24(ends_at) if same_day else dates.moment(ends_at),
    }


def _check_free(
    pair: Pair,
    by: User,
    starts_at: datetime,
    duration_minutes: int,
    moving: Meeting | None = None,
) -> None:
    """Neither the adept nor the mentor has another meeting at this time, in any of her pairs.

    Their two rows are locked first, in the order of their keys, inside the transaction that then
    saves the meeting: a second booking for either of them waits here until the first is
    committed, and then sees it. (SQLite has no row locks; it lets one writer in at a time.)
    Queries: the lock, and one read of the meetings that start in the last eight hours before
    this one ends (none is longer), of which those that end after it starts are in the way.
    """
    people = sorted({pair.adept.user_id, pair.mentor.user_id})
    list(User.objects.select_for_update().filter(pk__in=people).order_by("pk").values("pk"))
    ends_at = starts_at + timedelta(minutes=duration_minutes)
    near = (
        Meeting.objects.filter(
            Q(pair__adept__user_id__in=people) | Q(pair__mentor__user_id__in=people),
            starts_at__lt=ends_at,
            starts_at__gt=starts_at - timedelta(minutes=MAX_MINUTES),
            pair__status__in=LIVE_PAIR_STATUSES,
        )
        .exclude(status=MeetingStatus.CANCELLED)
        .select_related("pair__adept__user", "pair__mentor__user")
        .order_by("starts_at", "pk")
    )
    if moving is not None:
        near = near.exclude(pk=moving.pk)
    for other in near:
        other_ends_at = other.starts_at + timedelta(minutes=other.duration_minutes)
        if other_ends_at <= starts_at:
            continue  # it ends when (or before) this one starts
        busy = [
            user for user in (other.pair.adept.user, other.pair.mentor.user) if user.pk in people
        ]
        when = _when(other.starts_at, other_ends_at)
        if any(user.pk == by.pk for user in busy):
            sentence = _("You already have a meeting on %(day)s %(start)s–%(end)s.")
        else:
            sentence = _("%(name)s already has a meeting on %(day)s %(start)s–%(end)s.")
        values = {key: escape(value) for key, value in when.items()}
        values["name"] = bdi(busy[0].full_name)
        # The sentence and every value escaped; the name isolated in <bdi>.
        raise ApplicationError(mark_safe(escape(sentence) % values), field="starts_at")  # noqa: S308


def _locked(meeting: Meeting) -> Meeting:
    return (
        Meeting.objects.select_for_update(of=("self",))
        .select_related("pair__adept__user", "pair__mentor__user", "proposed_by")
        .get(pk=meeting.pk)
    )


def _check_open(meeting: Meeting) -> None:
    if meeting.status == MeetingStatus.CANCELLED:
        raise ApplicationError(_("This meeting is cancelled."))
    if meeting.starts_at <= timezone.now():
        raise ApplicationError(_("This meeting time has passed."))


def _check_active(pair: Pair) -> None:
    if pair.status != PairStatus.ACTIVE:
        raise ApplicationError(_("Meetings can only be planned while the pair is active."))


def _require(by: User, to: str, obj: Pair | Meeting, pair: Pair) -> None:
    """Ask the policy; a side of a pair that is no longer active is told why, anyone else no."""
    if policies.can(by, to, obj):
        return
    if access.is_side(by, pair):
        _check_active(pair)
    raise NotAllowed(f"{to} {type(obj).__name__} {obj.pk}")


@transaction.atomic
def meeting_propose(
    *,
    pair: Pair,
    by: User,
    starts_at: datetime,
    duration_minutes: int = 60,
    place: str = "",
    video_url: str = "",
    agenda: str = "",
) -> Meeting:
    """A side of an active pair, or a coordinator of its programme, proposes a meeting."""
    _require(by, "plan_meetings", pair, pair)
    _check_active(pair)
    place, video_url, agenda = place.strip(), video_url.strip(), agenda.strip()
    _check_time(starts_at, duration_minutes)
    _check_place(place, video_url)
    _check_free(pair, by, starts_at, duration_minutes)
    meeting = Meeting(
        pair=pair,
        starts_at=starts_at,
        duration_minutes=duration_minutes,
        place=place,
        video_url=video_url,
        agenda=agenda,
        status=MeetingStatus.PROPOSED,
        proposed_by=by,
    )
    _clean(meeting)
    meeting.save()
    _tell(
        meeting,
        by,
        Kind.MEETING_PROPOSED,
        name=by.full_name,
        starts_at=_iso(starts_at),
        place=_place(meeting),
    )
    return meeting


def may_accept(meeting: Meeting, user: User) -> bool:
    """The side that did not propose answers; a coordinator's proposal is answered by either."""
    return (
        meeting.status == MeetingStatus.PROPOSED
        and access.is_side(user, meeting.pair)
        and meeting.proposed_by_id != user.pk
    )


def may_counter(meeting: Meeting, user: User) -> bool:
    """The side that did not propose offers another time; a confirmed one is moved by either."""
    if meeting.status == MeetingStatus.CONFIRMED:
        return access.is_side(user, meeting.pair)
    return may_accept(meeting, user)


@transaction.atomic
def meeting_accept(*, meeting: Meeting, by: User) -> Meeting:
    meeting = _locked(meeting)
    _require(by, policies.CHANGE, meeting, meeting.pair)
    _check_open(meeting)
    if meeting.status == MeetingStatus.CONFIRMED:
        raise ApplicationError(_("This meeting is already confirmed."))
    if meeting.proposed_by_id == by.pk:
        raise ApplicationError(_("You proposed this time. The other person answers."))
    _check_active(meeting.pair)
    meeting.status = MeetingStatus.CONFIRMED
    meeting.confirmed_at = timezone.now()
    meeting.sequence += 1
    _clean(meeting)
    meeting.save()
    finish(subject=_answer_subject(meeting))
    _tell(
        meeting,
        by,
        Kind.MEETING_CONFIRMED,
        name=by.full_name,
        starts_at=_iso(meeting.starts_at),
        place=_place(meeting),
    )
    return meeting


@transaction.atomic
def meeting_counter(
    *,
    meeting: Meeting,
    by: User,
    starts_at: datetime,
    duration_minutes: int,
    place: str = "",
    video_url: str = "",
) -> Meeting:
    """Propose another time or place: the meeting waits for the other side's answer again."""
    meeting = _locked(meeting)
    _require(by, policies.CHANGE, meeting, meeting.pair)
    _check_open(meeting)
    if not may_counter(meeting, by):
        raise ApplicationError(
            _("You proposed this time. Cancel it if you want to propose another.")
        )
    _check_active(meeting.pair)
    place, video_url = place.strip(), video_url.strip()
    _check_time(starts_at, duration_minutes)
    _check_place(place, video_url)
    _check_free(meeting.pair, by, starts_at, duration_minutes, moving=meeting)
    meeting.starts_at = starts_at
    meeting.duration_minutes = duration_minutes
    meeting.place = place
    meeting.video_url = video_url
    meeting.status = MeetingStatus.PROPOSED
    meeting.confirmed_at = None
    meeting.reminded_at = None
    meeting.proposed_by = by
    meeting.sequence += 1
    _clean(meeting)
    meeting.save()
    # The earlier time was answered; the new one asks the other side again.
    finish(subject=_answer_subject(meeting))
    _tell(
        meeting,
        by,
        Kind.MEETING_CHANGED,
        name=by.full_name,
        starts_at=_iso(starts_at),
        place=_place(meeting),
    )
    return meeting


@transaction.atomic
def meeting_cancel(*, meeting: Meeting, by: User, reason: str) -> Meeting:
    meeting = _locked(meeting)
    _require(by, "answer", meeting, meeting.pair)
    if meeting.status == MeetingStatus.CANCELLED:
        raise ApplicationError(_("This meeting is already cancelled."))
    _check_open(meeting)
    reason = clean_reason(reason)
    meeting.status = MeetingStatus.CANCELLED
    meeting.cancelled_at = timezone.now()
    meeting.cancel_reason = reason
    meeting.sequence += 1
    _clean(meeting)
    meeting.save()
    finish(subject=_answer_subject(meeting))
    _tell(
        meeting,
        by,
        Kind.MEETING_CANCELLED,
        name=by.full_name,
        starts_at=_iso(meeting.starts_at),
        reason=reason,
    )
    return meeting
