"""Who sees and changes the working life of a pair: meetings, logs and their notes, things to do,
the adept's life-situation check-ins (special-category data) and the closing reflections."""

from django.db.models import Q, QuerySet

from smile.core import policies
from smile.core.actor import AnyUser, person
from smile.matching.access import changeable_pairs, own_pairs, visible_pairs, workable_pairs
from smile.matching.home import HomeBasis
from smile.matching.models import LIVE_PAIR_STATUSES, Pair
from smile.mentoring.models import (
    ActionItem,
    LifeSituationCheckIn,
    Meeting,
    MeetingLog,
    Reflection,
    SupportMessage,
)
from smile.organisations.access import scope_of
from smile.organisations.choices import Role
from smile.programmes import access as programmes
from smile.programmes.models import Programme


def visible_meetings(user: AnyUser) -> QuerySet[Meeting]:
    return Meeting.objects.filter(pair__in=visible_pairs(user))


def changeable_meetings(user: AnyUser) -> QuerySet[Meeting]:
    """A meeting is answered, moved or cancelled by the two people of a live pair."""
    return Meeting.objects.filter(pair__in=workable_pairs(user))


def steered_pairs(user: AnyUser) -> QuerySet[Pair]:
    """Pairs whose meetings the person plans and answers: her own live pairs, and the pairs of
    the programmes she coordinates (a follow-up meeting). The service checks that the pair is
    active when she sends a proposal."""
    return Pair.objects.filter(
        Q(pk__in=workable_pairs(user).values("pk")) | Q(pk__in=changeable_pairs(user).values("pk"))
    )


def answerable_meetings(user: AnyUser) -> QuerySet[Meeting]:
    """Meetings the person may act on: her own live pairs', or those of pairs she coordinates."""
    return Meeting.objects.filter(pair__in=steered_pairs(user))


def is_side(user: AnyUser, pair: Pair) -> bool:
    """The person is the pair's adept or its mentor (whatever the pair's status): the services ask
    it to tell a side of a finished pair why nothing more can be done, and anyone else no.
    Read from the pair itself, so asking it costs no query."""
    found = person(user)
    return found is not None and found.pk in (pair.adept.user_id, pair.mentor.user_id)


def visible_meeting_logs(user: AnyUser) -> QuerySet[MeetingLog]:
    """The pair and the programme's coordinators; the notes themselves: see `can_read_notes`."""
    return MeetingLog.objects.filter(
        Q(pair__in=own_pairs(user)) | Q(pair__programme__in=programmes.changeable_programmes(user))
    )


def changeable_meeting_logs(user: AnyUser) -> QuerySet[MeetingLog]:
    return MeetingLog.objects.filter(pair__in=workable_pairs(user))


def can_read_notes(user: AnyUser, log: MeetingLog) -> bool:
    """Free notes are the pair's own, unless they marked them for the coordinator."""
    if own_pairs(user).filter(pk=log.pair_id).exists():
        return True
    return log.notes_for_coordinator and policies.can_change(user, log.pair)


def visible_action_items(user: AnyUser) -> QuerySet[ActionItem]:
    return ActionItem.objects.filter(
        Q(pair__in=own_pairs(user)) | Q(pair__programme__in=programmes.changeable_programmes(user))
    )


def changeable_action_items(user: AnyUser) -> QuerySet[ActionItem]:
    return ActionItem.objects.filter(pair__in=workable_pairs(user))


def can_tick(user: AnyUser, item: ActionItem) -> bool:
    """The item is hers to tick done (or undo): she owns it, she is one of its pair and the pair is
    live. The other side sees the item but does not tick it, neither on a home nor on the pair's
    page; the service and the views ask this. Read from the item and its pair (with its adept and
    mentor loaded), so asking it costs no query."""
    found = person(user)
    return (
        found is not None
        and item.owner_id == found.pk
        and item.pair.status in LIVE_PAIR_STATUSES
        and found.pk in (item.pair.adept.user_id, item.pair.mentor.user_id)
    )


def visible_life_checkins(user: AnyUser) -> QuerySet[LifeSituationCheckIn]:
    """Sensitive: the adept herself; her mentor only if she shares with him; the coordinator
    only the check-ins where she asked for support (and then only the parts she shared).

    Every read of one of these must be logged (`smile.privacy.services.access_record`).
    """
    scope = scope_of(user)
    if scope is None:
        return LifeSituationCheckIn.objects.none()
    mentor_of = Pair.objects.filter(mentor__user_id=scope.user.pk, status__in=LIVE_PAIR_STATUSES)
    q = Q(enrolment__user_id=scope.user.pk)
    q |= Q(share_with_mentor=True, enrolment__in=mentor_of.values("adept"))
    # Coordinators by membership only: an installation administrator is no reader of these.
    coordinated = Programme.objects.filter(owner_id__in=scope.coordinating)
    q |= Q(support_requested=True, enrolment__programme__in=coordinated)
    return LifeSituationCheckIn.objects.filter(q)


def checkins_shared_with_mentor(basis: HomeBasis) -> QuerySet[LifeSituationCheckIn]:
    """On a mentor's home: what the adepts of her live pairs (the basis) share with her (the
    mentor's ground of `visible_life_checkins`, on literal keys)."""
    if basis.role != "mentor":
        return LifeSituationCheckIn.objects.none()
    return LifeSituationCheckIn.objects.filter(
        share_with_mentor=True, enrolment_id__in=basis.learner_ids
    )


def followable_life_checkins(user: AnyUser) -> QuerySet[LifeSituationCheckIn]:
    """Support requests this person follows up as a coordinator of the programme."""
    return visible_life_checkins(user).filter(
        support_requested=True,
        enrolment__programme__in=programmes.changeable_programmes(user),
    )


def life_checkin_reader(user: AnyUser, checkin: LifeSituationCheckIn) -> str | None:
    """In which capacity the person reads this check-in — "adept", "mentor" (she shares with
    him) or "coordinator" (she asked for support) — or None: she may not read it."""
    found = person(user)
    if found is None:
        return None
    if checkin.enrolment.user_id == found.pk:
        return "adept"
    visible = visible_life_checkins(user).filter(pk=checkin.pk)
    mentor_of = Pair.objects.filter(mentor__user_id=found.pk, status__in=LIVE_PAIR_STATUSES)
    if visible.filter(share_with_mentor=True, enrolment__in=mentor_of.values("adept")).exists():
        return "mentor"
    if followable_life_checkins(user).filter(pk=checkin.pk).exists():
        return "coordinator"
    return None


def support_writable_life_checkins(user: AnyUser) -> QuerySet[LifeSituationCheckIn]:
    """Support requests whose thread the person writes in: the adept her own, and the
    coordinators who follow the request up. Never the mentor, even when she shares with him."""
    found = person(user)
    if found is None:
        return LifeSituationCheckIn.objects.none()
    own = LifeSituationCheckIn.objects.filter(enrolment__user_id=found.pk, support_requested=True)
    return LifeSituationCheckIn.objects.filter(
        Q(pk__in=own.values("pk")) | Q(pk__in=followable_life_checkins(user).values("pk"))
    )


def visible_support_messages(user: AnyUser) -> QuerySet[SupportMessage]:
    """The thread of a support request: the adept who asked, and the coordinators (by membership,
    as for the request itself) of her programme's owner. Never her mentor."""
    scope = scope_of(user)
    if scope is None:
        return SupportMessage.objects.none()
    q = policies.any_of(
        Q(request__enrolment__user_id=scope.user.pk),
        Q(
            request__support_requested=True,
            request__enrolment__programme__owner_id__in=scope.coordinating,
        )
        if scope.coordinating
        else None,
    )
    return SupportMessage.objects.filter(q)


def changeable_life_checkins(user: AnyUser) -> QuerySet[LifeSituationCheckIn]:
    """Only the adept changes or deletes her own answers."""
    found = person(user)
    if found is None:
        return LifeSituationCheckIn.objects.none()
    return LifeSituationCheckIn.objects.filter(enrolment__user_id=found.pk)


def visible_reflections(user: AnyUser) -> QuerySet[Reflection]:
    """Her own reflection always; the other side's (and the coordinator's view) once both wrote."""
    found = person(user)
    if found is None:
        return Reflection.objects.none()
    both = Pair.objects.filter(reflections__side="adept").filter(reflections__side="mentor")
    q = Q(author_id=found.pk, pair__in=own_pairs(user))
    q |= Q(pair__in=both) & (
        Q(pair__in=own_pairs(user)) | Q(pair__programme__in=programmes.changeable_programmes(user))
    )
    return Reflection.objects.filter(q)


def reads_manager_digest(user: AnyUser) -> bool:
    """A manager reads the digest of the workplaces she answers for (counts, never names)."""
    scope = scope_of(user)
    return scope is not None and bool(scope.organisation_ids(Role.MANAGER))


def register() -> None:
    policies.register(
        Meeting, view=visible_meetings, change=changeable_meetings, answer=answerable_meetings
    )
    # A closing reflection is written by the pair's two people; the coordinators only read them.
    policies.register(Pair, plan_meetings=steered_pairs, write_reflection=own_pairs)
    policies.register(MeetingLog, view=visible_meeting_logs, change=changeable_meeting_logs)
    policies.register(ActionItem, view=visible_action_items, change=changeable_action_items)
    policies.register(
        LifeSituationCheckIn,
        view=visible_life_checkins,
        change=changeable_life_checkins,
        follow_up=followable_life_checkins,
        write_support=support_writable_life_checkins,
    )
    policies.register(SupportMessage, view=visible_support_messages)
    policies.register(Reflection, view=visible_reflections)
