"""The demo's mentoring life: meetings, logs with check-ins, things to do, and early warnings.

Written directly as rows, so loading the demo sends no e-mail, except the life-situation check-in,
which goes through its service (encryption, access log and the coordinator's notice). Dates are
relative to the day the demo is loaded, so the next meeting is always ahead and the warnings real.
"""

from datetime import date, datetime, time, timedelta

from django.utils import timezone

from smile.accounts.models import User
from smile.matching.models import Pair
from smile.mentoring.life.services import life_checkin_create
from smile.mentoring.models import (
    ActionItem,
    CheckIn,
    Dimension,
    LifeArea,
    LifeStatus,
    Meeting,
    MeetingLog,
    MeetingStatus,
)


def _at(day: date, hour: int) -> datetime:
    return timezone.make_aware(datetime.combine(day, time(hour, 0)))


def _log(
    pair: Pair,
    *,
    held_on: date,
    minutes: int,
    ratings: tuple[int, int, int, int],
    notes: str = "",
    checkin_notes: dict[str, str] | None = None,
    meeting: Meeting | None = None,
) -> MeetingLog:
    log = MeetingLog.objects.create(
        pair=pair,
        meeting=meeting,
        held_on=held_on,
        minutes=minutes,
        notes=notes,
        written_by=pair.mentor.user,
    )
    dimensions = [Dimension.LEARNING, Dimension.INCLUSION, Dimension.EQUALITY, Dimension.SUPPORT]
    for dimension, rating in zip(dimensions, ratings, strict=True):
        CheckIn.objects.create(
            log=log,
            dimension=dimension,
            rating=rating,
            note=(checkin_notes or {}).get(dimension, ""),
        )
    return log


def _held_meeting(pair: Pair, day: date, place: str) -> Meeting:
    return Meeting.objects.create(
        pair=pair,
        starts_at=_at(day, 14),
        duration_minutes=60,
        place=place,
        status=MeetingStatus.CONFIRMED,
        confirmed_at=_at(day - timedelta(days=3), 9),
        proposed_by=pair.mentor.user,
        sequence=1,
    )


def load_mentoring(pairs: dict[str, Pair], *, today: date | None = None) -> None:
    """`pairs` by the adept's key: amal, yonas, olena, farhad."""
    today = today or timezone.localdate()
    amal, yonas, olena, farhad = pairs["amal"], pairs["yonas"], pairs["olena"], pairs["farhad"]
    johan: User = amal.mentor.user

    # Johan and Amal: a good rhythm. Last meeting ten days ago, the next one the day after tomorrow.
    past = _held_meeting(amal, today - timedelta(days=10), "Fikarummet, formningshallen")
    log = _log(
        amal,
        meeting=past,
        held_on=past.starts_at.date(),
        minutes=60,
        ratings=(4, 4, 5, 3),
        notes="Amal visade hur hon kontrollmäter formen. Vi pratade om skiftbytet.",
        checkin_notes={
            Dimension.LEARNING: "Kopplade mätteknik från kursen till formkontrollen.",
            Dimension.SUPPORT: "Behöver en fast tid varje vecka – tar upp det med Karin.",
        },
    )
    ActionItem.objects.create(
        pair=amal,
        log=log,
        title="Läs säkerhetsbladet för formsanden",
        owner=amal.adept.user,
        due_on=today + timedelta(days=3),
        created_by=johan,
    )
    ActionItem.objects.create(
        pair=amal,
        log=log,
        title="Boka en fast handledningstid med produktionschefen",
        owner=johan,
        due_on=today - timedelta(days=2),
        created_by=johan,
        done_at=timezone.now() - timedelta(days=4),
        done_by=johan,
    )
    Meeting.objects.create(
        pair=amal,
        starts_at=_at(today + timedelta(days=2), 10),
        duration_minutes=45,
        place="Fikarummet, formningshallen",
        agenda="Gå igenom säkerhetsbladet. Hur går det med svenskan på jobbet?",
        status=MeetingStatus.CONFIRMED,
        confirmed_at=timezone.now(),
        proposed_by=johan,
        sequence=1,
    )

    # Johan and Yonas: a proposal waiting for Yonas's answer.
    _log(yonas, held_on=today - timedelta(days=6), minutes=45, ratings=(3, 3, 4, 3))
    Meeting.objects.create(
        pair=yonas,
        starts_at=_at(today + timedelta(days=4), 13),
        duration_minutes=60,
        place="Matsalen",
        agenda="Första veckan i gjuteriet: vad var svårt?",
        proposed_by=johan,
    )

    # Erik and Olena: no meeting for three weeks and a late task – two early warnings.
    log = _log(
        olena,
        held_on=today - timedelta(days=21),
        minutes=60,
        ratings=(4, 2, 4, 2),
        checkin_notes={Dimension.INCLUSION: "Olena äter ofta lunch ensam."},
    )
    ActionItem.objects.create(
        pair=olena,
        log=log,
        title="Presentera Olena för monteringslaget",
        owner=olena.mentor.user,
        due_on=today - timedelta(days=7),
        created_by=olena.mentor.user,
    )

    # Maria and Farhad: many long meetings this month – Maria is over her 8-hour budget.
    first = today.replace(day=1)
    for offset, minutes in enumerate((120, 150, 120, 120, 90)):
        held_on = min(first + timedelta(days=offset * 4), today)
        _log(farhad, held_on=held_on, minutes=minutes, ratings=(4, 4, 4, 4))

    # Farhad's own life-situation check-in: he asks the coordinator for support with housing,
    # and shares only that (encrypted; the coordinator's bell tells her, without details).
    life_checkin_create(
        enrolment=farhad.adept,
        by=farhad.adept.user,
        answers={
            LifeArea.HOUSING: LifeStatus.NEEDS_SUPPORT,
            LifeArea.TRANSPORT: LifeStatus.COULD_BE_BETTER,
            LifeArea.LANGUAGE: LifeStatus.FINE,
        },
        note="Mitt hyreskontrakt tar slut i januari.",
        share_with_mentor=False,
        coordinator_areas=[LifeArea.HOUSING],
        share_note_with_coordinator=True,
    )
