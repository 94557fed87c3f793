"""Writes for mentor development: answering a module's reflections and completing it, which,
once every basic module is done, makes the mentor matchable; her self-ratings and goals; the
coordinator's mentor network meetings and their attendance."""

from collections.abc import Iterable, Mapping
from datetime import date, datetime

from django.db import transaction
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from smile.accounts.models import User
from smile.core import policies
from smile.core.errors import ApplicationError, NotAllowed
from smile.core.reasons import clean_reason
from smile.matching.models import MatchingProfile
from smile.notifications.models import Kind, Notification
from smile.notifications.services import Notice, finish, notify_many, subject_key
from smile.programmes.models import Enrolment, EnrolmentRole, EnrolmentStatus, Programme
from smile.training import access
from smile.training.models import (
    RATING_DIMENSIONS,
    Completion,
    CoordinatorView,
    DevelopmentGoal,
    Module,
    NetworkAttendance,
    NetworkMeeting,
    Reflection,
    SelfRating,
)

MAX_ANSWER = 3000


@transaction.atomic
def module_complete(
    *, actor: User, module: Module, answers: list[str], shared: list[bool] | None = None
) -> Completion:
    """Save her answers and mark the module complete. Every question needs an answer: the
    reflection is the point of the module, a visit alone teaches little."""
    if not access.is_mentor(actor) or not policies.can_view(actor, module):
        raise NotAllowed(f"complete module {module.pk}")
    questions = module.question_texts()
    shared = shared or [False] * len(questions)
    if len(answers) != len(questions):
        raise ApplicationError(_("Answer every question."), field="answer_1")
    for row, answer in enumerate(answers, start=1):
        text = answer.strip()
        if not text:
            raise ApplicationError(_("Answer every question."), field=f"answer_{row}")
        if len(text) > MAX_ANSWER:
            raise ApplicationError(
                _("An answer can be at most %(count)d characters.") % {"count": MAX_ANSWER},
                field=f"answer_{row}",
            )
    for index, answer in enumerate(answers):
        Reflection.objects.update_or_create(
            module=module,
            user=actor,
            question=index,
            defaults={"answer": answer.strip(), "shared": bool(shared[index])},
        )
    completion, _created = Completion.objects.get_or_create(
        module=module, user=actor, defaults={"completed_on": timezone.localdate()}
    )
    if basic_modules_done(user=actor):
        _mark_trained(user=actor, on=completion.completed_on)
        finish(subject=[subject_key(e, REQUIRED) for e in _mentor_enrolments(actor)])
    return completion


def basic_modules_done(*, user: User) -> bool:
    basic = Module.objects.filter(basic=True)
    return not basic.exclude(completions__user=user).exists()


REQUIRED = "basic_modules"


def _mentor_enrolments(user: User) -> list[Enrolment]:
    return list(
        Enrolment.objects.filter(
            user=user, role=EnrolmentRole.MENTOR, status=EnrolmentStatus.ACTIVE
        )
    )


@transaction.atomic
def modules_required_notify() -> int:
    """Ask each active mentor in a programme that requires the basic modules, who has not
    completed them, to do so: once per enrolment (an open or finished notice is not repeated).
    Finished when she completes the last basic module. A fixed number of queries."""
    basic = set(Module.objects.filter(basic=True).values_list("pk", flat=True))
    if not basic:
        return 0
    enrolments = list(
        Enrolment.objects.filter(
            role=EnrolmentRole.MENTOR,
            status=EnrolmentStatus.ACTIVE,
            programme__mentor_training_required=True,
        ).select_related("programme")
    )
    done: dict[int, set[int]] = {}
    for user_id, module_id in Completion.objects.filter(
        user_id__in={e.user_id for e in enrolments}, module_id__in=basic
    ).values_list("user_id", "module_id"):
        done.setdefault(user_id, set()).add(module_id)
    keys = {e.pk: subject_key(e, REQUIRED) for e in enrolments}
    sent = set(
        Notification.objects.filter(subject__in=keys.values()).values_list("subject", flat=True)
    )
    url = reverse("training:mine")
    notices = [
        Notice(
            recipient_id=e.user_id,
            kind=Kind.MENTOR_DEVELOPMENT,
            params={
                "event": "modules_required",
                "count": len(basic - done.get(e.user_id, set())),
                "programme": e.programme.name,
            },
            url=url,
            subject=keys[e.pk],
        )
        for e in enrolments
        if basic - done.get(e.user_id, set()) and keys[e.pk] not in sent
    ]
    return len(notify_many(notices=notices))


def _mark_trained(*, user: User, on: date) -> None:
    """Set the training date on her mentor enrolments' matching profiles where none is set.

    `matching.profiles.matching_profile_save` keeps the training date for the coordinator to
    type; here the date is earned by completing the basic modules, so training writes it
    itself (it sits above matching), without touching a date the coordinator already gave.
    """
    for enrolment in _mentor_enrolments(user):
        profile, _created = MatchingProfile.objects.select_for_update().get_or_create(
            enrolment=enrolment
        )
        if profile.training_completed_on is None:
            profile.training_completed_on = on
            profile.save(update_fields=["training_completed_on", "updated_at"])


# The mentor's development profile ------------------------------------------------------------

GOAL_MAX = 500


def _require_mentor(actor: User, what: str) -> None:
    if not access.is_mentor(actor):
        raise NotAllowed(what)


@transaction.atomic
def self_rating_save(*, actor: User, ratings: Mapping[str, int]) -> SelfRating:
    """Her rating of herself on each of the four dimensions, 1 to 5, dated today. A new round
    each day she rates; rating again the same day corrects that day's round."""
    _require_mentor(actor, "self-rating")
    values: dict[str, int] = {}
    for dimension in RATING_DIMENSIONS:
        value = ratings.get(dimension)
        if value is None or not 1 <= int(value) <= 5:
            raise ApplicationError(_("Choose a rating from 1 to 5."), field=dimension)
        values[dimension] = int(value)
    rating, _created = SelfRating.objects.update_or_create(
        user=actor, rated_on=timezone.localdate(), defaults=values
    )
    return rating


@transaction.atomic
def development_goals_save(*, actor: User, goals: Mapping[str, str]) -> int:
    """Her personal goal per dimension; an empty goal removes the one she had. Returns how many
    goals she has now."""
    _require_mentor(actor, "development goals")
    for dimension in RATING_DIMENSIONS:
        text = (goals.get(dimension) or "").strip()
        if len(text) > GOAL_MAX:
            raise ApplicationError(
                _("Write at most %(count)d characters.") % {"count": GOAL_MAX}, field=dimension
            )
    for dimension in RATING_DIMENSIONS:
        text = (goals.get(dimension) or "").strip()
        if text:
            DevelopmentGoal.objects.update_or_create(
                user=actor, dimension=dimension, defaults={"text": text}
            )
        else:
            DevelopmentGoal.objects.filter(user=actor, dimension=dimension).delete()
    return DevelopmentGoal.objects.filter(user=actor).count()


# The coordinator's view of a mentor ----------------------------------------------------------

COMMENT_MAX = 300


@transaction.atomic
def coordinator_view_give(
    *, actor: User, enrolment: Enrolment, ratings: Mapping[str, int], comment: str = ""
) -> CoordinatorView:
    """A coordinator of the programme's owner gives her view of one of the programme's active
    mentors on each of the four dimensions, 1 to 5, dated today. A new view each time; the
    latest counts on the mentor's profile."""
    access.require_rate(actor, enrolment)
    values: dict[str, int] = {}
    for dimension in RATING_DIMENSIONS:
        value = ratings.get(dimension)
        if value is None or not 1 <= int(value) <= 5:
            raise ApplicationError(_("Choose a rating from 1 to 5."), field=dimension)
        values[dimension] = int(value)
    text = comment.strip()
    if len(text) > COMMENT_MAX:
        raise ApplicationError(
            _("Write at most %(count)d characters.") % {"count": COMMENT_MAX}, field="comment"
        )
    return CoordinatorView.objects.create(
        enrolment=enrolment,
        given_by=actor,
        given_on=timezone.localdate(),
        comment=text,
        **values,
    )


# Mentor network meetings ---------------------------------------------------------------------


def _active_mentors(programme: Programme) -> list[Enrolment]:
    return list(
        Enrolment.objects.filter(
            programme=programme, role=EnrolmentRole.MENTOR, status=EnrolmentStatus.ACTIVE
        ).select_related("user")
    )


def _network_values(
    *,
    starts_at: datetime,
    themes: Iterable[str],
    duration_minutes: int,
    place: str,
    video_url: str,
    agenda: str,
) -> dict[str, object]:
    """The checked values of a network meeting, for scheduling and for changing it."""
    chosen = [t for t in RATING_DIMENSIONS if t in set(themes)]
    if not chosen:
        raise ApplicationError(_("Choose at least one dimension."), field="themes")
    if starts_at <= timezone.now():
        raise ApplicationError(_("Choose a time in the future."), field="starts_at")
    if not place.strip() and not video_url.strip():
        raise ApplicationError(_("Give a place or a video link."), field="place")
    return {
        "starts_at": starts_at,
        "duration_minutes": duration_minutes,
        "place": place.strip(),
        "video_url": video_url.strip(),
        "themes": chosen,
        "agenda": agenda.strip(),
    }


def _tell_mentors(
    *, actor: User, meeting: NetworkMeeting, event: str, extra: Mapping[str, str] | None = None
) -> None:
    """A MENTOR_DEVELOPMENT notice about the meeting to each active mentor of the programme; the
    themes are words in the sentence, so they go in the language she reads SMILE in."""
    url = reverse("training:mine") + "#network"
    notices = []
    for enrolment in _active_mentors(meeting.programme):
        with translation.override(enrolment.user.preferred_language):
            theme = ", ".join(meeting.theme_labels())
        notices.append(
            Notice(
                recipient_id=enrolment.user_id,
                kind=Kind.MENTOR_DEVELOPMENT,
                params={
                    "event": event,
                    "name": actor.full_name,
                    "starts_at": meeting.starts_at.isoformat(),
                    "theme": theme,
                    "programme": meeting.programme.name,
                    **(extra or {}),
                },
                url=url,
            )
        )
    notify_many(notices=notices)


@transaction.atomic
def network_meeting_schedule(
    *,
    actor: User,
    programme: Programme,
    starts_at: datetime,
    themes: Iterable[str],
    duration_minutes: int = 90,
    place: str = "",
    video_url: str = "",
    agenda: str = "",
) -> NetworkMeeting:
    """The coordinator calls the programme's mentors to a network meeting; each active mentor
    is told (in her own language) when and on which dimensions."""
    policies.require(actor, access.DEVELOPMENT, programme)
    values = _network_values(
        starts_at=starts_at,
        themes=themes,
        duration_minutes=duration_minutes,
        place=place,
        video_url=video_url,
        agenda=agenda,
    )
    meeting = NetworkMeeting(programme=programme, created_by=actor, **values)
    meeting.full_clean()
    meeting.save()
    _tell_mentors(actor=actor, meeting=meeting, event="network_meeting")
    return meeting


def _require_upcoming(meeting: NetworkMeeting, field: str) -> None:
    """Only a meeting that is still ahead, and not cancelled, can be changed or cancelled."""
    if meeting.cancelled:
        raise ApplicationError(_("The network meeting is cancelled."), field=field)
    if meeting.starts_at <= timezone.now():
        raise ApplicationError(
            _("The network meeting has started: it can no longer be changed or cancelled."),
            field=field,
        )


@transaction.atomic
def network_meeting_change(
    *,
    actor: User,
    meeting: NetworkMeeting,
    starts_at: datetime,
    themes: Iterable[str],
    duration_minutes: int,
    place: str = "",
    video_url: str = "",
    agenda: str = "",
) -> NetworkMeeting:
    """The coordinator moves an upcoming meeting or changes its place, themes or agenda. If
    anything changed, each active mentor is told the new time and themes."""
    policies.require(actor, access.MANAGE, meeting)
    meeting = (
        NetworkMeeting.objects.select_for_update().select_related("programme").get(pk=meeting.pk)
    )
    _require_upcoming(meeting, "starts_at")
    values = _network_values(
        starts_at=starts_at,
        themes=themes,
        duration_minutes=duration_minutes,
        place=place,
        video_url=video_url,
        agenda=agenda,
    )
    changed = [name for name, value in values.items() if getattr(meeting, name) != value]
    if not changed:
        return meeting
    for name in changed:
        setattr(meeting, name, values[name])
    meeting.full_clean()
    meeting.save(update_fields=[*changed, "updated_at"])
    extra = {"place": meeting.place or meeting.video_url}
    _tell_mentors(actor=actor, meeting=meeting, event="network_changed", extra=extra)
    return meeting


@transaction.atomic
def network_meeting_cancel(*, actor: User, meeting: NetworkMeeting, reason: str) -> NetworkMeeting:
    """The coordinator calls off an upcoming meeting with a reason; each active mentor is told.
    The meeting stays, shown as cancelled, and gets no attendance."""
    policies.require(actor, access.MANAGE, meeting)
    meeting = (
        NetworkMeeting.objects.select_for_update().select_related("programme").get(pk=meeting.pk)
    )
    _require_upcoming(meeting, "reason")
    meeting.cancel_reason = clean_reason(reason)
    meeting.cancelled_at = timezone.now()
    meeting.save(update_fields=["cancel_reason", "cancelled_at", "updated_at"])
    extra = {"reason": meeting.cancel_reason}
    _tell_mentors(actor=actor, meeting=meeting, event="network_cancelled", extra=extra)
    return meeting


@transaction.atomic
def network_attendance_record(
    *, actor: User, meeting: NetworkMeeting, attended: Iterable[int]
) -> int:
    """After the meeting, the coordinator ticks who was there (mentor enrolments of the
    programme). Recording again replaces the list. Returns how many attended."""
    policies.require(actor, access.MANAGE, meeting)
    if meeting.cancelled:
        raise ApplicationError(
            _("The network meeting is cancelled: it has no attendance."), field="attended"
        )
    if meeting.starts_at > timezone.now():
        raise ApplicationError(
            _("Attendance can be recorded when the meeting has started."), field="attended"
        )
    wanted = set(attended)
    mentors = set(
        Enrolment.objects.filter(
            programme_id=meeting.programme_id, role=EnrolmentRole.MENTOR
        ).values_list("pk", flat=True)
    )
    if wanted - mentors:
        raise ApplicationError(_("Only the programme's mentors can be recorded."), field="attended")
    NetworkAttendance.objects.filter(meeting=meeting).exclude(enrolment_id__in=wanted).delete()
    have = set(
        NetworkAttendance.objects.filter(meeting=meeting).values_list("enrolment_id", flat=True)
    )
    NetworkAttendance.objects.bulk_create(
        [NetworkAttendance(meeting=meeting, enrolment_id=pk) for pk in sorted(wanted - have)]
    )
    meeting.attendance_recorded_at = timezone.now()
    meeting.save(update_fields=["attendance_recorded_at", "updated_at"])
    return len(wanted)
