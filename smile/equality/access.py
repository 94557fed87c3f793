"""Who reports a concern, who works a case, and who names the case handlers.

Only a programme's named case handlers reach its concerns, and only while they coordinate for the
programme's owner. There is deliberately no clause for an installation administrator, nor for the
workplace's manager or a coordinator who is not named: for all of them a case is a 404. A named
reporter follows her own case; an anonymous one has no account link at all (she uses her code,
see `services.concern_by_code`).
"""

from django.db.models import Q, QuerySet

from smile.core import policies
from smile.core.actor import AnyUser, person
from smile.equality.models import (
    Attachment,
    CaseHandler,
    CaseLogEntry,
    CaseTask,
    Concern,
    ConcernMessage,
    Measure,
    MeasureCycle,
)
from smile.organisations.access import managed_workplaces, scope_of
from smile.organisations.choices import Role
from smile.organisations.models import Workplace
from smile.programmes.models import EnrolmentStatus, Programme

REPORT = "report_concern"
MANAGE_HANDLERS = "manage_case_handlers"
FOLLOW = "follow"


def reportable_programmes(user: AnyUser) -> QuerySet[Programme]:
    """Programmes the person may report a concern in: those she is active in as an adept or a
    mentor, and those whose partner school she teaches at."""
    scope = scope_of(user)
    if scope is None:
        return Programme.objects.none()
    teaching = scope.organisation_ids(Role.TEACHER)
    q = policies.any_of(
        Q(enrolments__user_id=scope.user.pk, enrolments__status=EnrolmentStatus.ACTIVE),
        Q(partners__in=teaching) if teaching else None,
    )
    return Programme.objects.filter(pk__in=Programme.objects.filter(q).values("pk"))


def handler_managed_programmes(user: AnyUser) -> QuerySet[Programme]:
    """Programmes whose case handlers the person names: those of the owners she coordinates."""
    scope = scope_of(user)
    if scope is None or not scope.coordinating:
        return Programme.objects.none()
    return Programme.objects.filter(owner_id__in=scope.coordinating)


def handled_programmes(user: AnyUser) -> QuerySet[Programme]:
    """Programmes in which the person is a named case handler and coordinates for the owner."""
    scope = scope_of(user)
    if scope is None or not scope.coordinating:
        return Programme.objects.none()
    return Programme.objects.filter(
        case_handlers__user_id=scope.user.pk, owner_id__in=scope.coordinating
    )


def handled_concerns(user: AnyUser) -> QuerySet[Concern]:
    scope = scope_of(user)
    if scope is None or not scope.coordinating:
        return Concern.objects.none()
    return Concern.objects.filter(
        programme__case_handlers__user_id=scope.user.pk,
        programme__owner_id__in=scope.coordinating,
    )


def own_named_concerns(user: AnyUser) -> QuerySet[Concern]:
    """The concerns she reported with her name; her anonymous ones are not linked to her."""
    found = person(user)
    if found is None:
        return Concern.objects.none()
    return Concern.objects.filter(reporter_id=found.pk, anonymous=False)


def managed_case_handlers(user: AnyUser) -> QuerySet[CaseHandler]:
    return CaseHandler.objects.filter(programme__in=handler_managed_programmes(user))


def handled_log_entries(user: AnyUser) -> QuerySet[CaseLogEntry]:
    return CaseLogEntry.objects.filter(concern__in=handled_concerns(user))


def handled_tasks(user: AnyUser) -> QuerySet[CaseTask]:
    return CaseTask.objects.filter(concern__in=handled_concerns(user))


def handled_attachments(user: AnyUser) -> QuerySet[Attachment]:
    return Attachment.objects.filter(concern__in=handled_concerns(user))


def handled_messages(user: AnyUser) -> QuerySet[ConcernMessage]:
    return ConcernMessage.objects.filter(concern__in=handled_concerns(user))


# --- active measures ---------------------------------------------------------------------------
# The employer's own yearly work: the workplace's managers (and the employer's managers without a
# workplace of their own) keep it; the coordinators of a programme the employer takes part in, or
# of the organisation that registered it, read it. No one else, not an installation administrator
# through these pages either.

MEASURES_VIEW = "view_active_measures"
MEASURES_EDIT = "edit_active_measures"


def measures_editable_workplaces(user: AnyUser) -> QuerySet[Workplace]:
    return managed_workplaces(user)


def measures_visible_workplaces(user: AnyUser) -> QuerySet[Workplace]:
    scope = scope_of(user)
    if scope is None:
        return Workplace.objects.none()
    coordinating = scope.coordinating
    q = policies.any_of(
        scope.managed_workplace_q if scope.organisation_ids(Role.MANAGER) else None,
        Q(organisation__managed_by_id__in=coordinating) if coordinating else None,
        Q(organisation__partner_programmes__owner_id__in=coordinating) if coordinating else None,
    )
    return Workplace.objects.filter(pk__in=Workplace.objects.filter(q).values("pk"))


def visible_cycles(user: AnyUser) -> QuerySet[MeasureCycle]:
    return MeasureCycle.objects.filter(workplace__in=measures_visible_workplaces(user))


def editable_cycles(user: AnyUser) -> QuerySet[MeasureCycle]:
    return MeasureCycle.objects.filter(workplace__in=measures_editable_workplaces(user))


def visible_measures(user: AnyUser) -> QuerySet[Measure]:
    return Measure.objects.filter(cycle__in=visible_cycles(user))


def editable_measures(user: AnyUser) -> QuerySet[Measure]:
    return Measure.objects.filter(cycle__in=editable_cycles(user))


# --- fair figures ------------------------------------------------------------------------------
# A coordinator sees the figures of the programmes her organisation owns; a manager those of the
# workplaces she answers for (and, as everywhere, only cells of five people or more). No one else,
# and the figures never name anyone.

FIGURES = "view_fair_figures"


def figures_programmes(user: AnyUser) -> QuerySet[Programme]:
    scope = scope_of(user)
    if scope is None or not scope.coordinating:
        return Programme.objects.none()
    return Programme.objects.filter(owner_id__in=scope.coordinating)


def figures_workplaces(user: AnyUser) -> QuerySet[Workplace]:
    return managed_workplaces(user)


def register() -> None:
    policies.register(Programme, **{FIGURES: figures_programmes})
    policies.register(Workplace, **{FIGURES: figures_workplaces})
    policies.register(
        Workplace,
        **{MEASURES_VIEW: measures_visible_workplaces, MEASURES_EDIT: measures_editable_workplaces},
    )
    policies.register(MeasureCycle, view=visible_cycles, change=editable_cycles)
    policies.register(Measure, view=visible_measures, change=editable_measures)
    policies.register(
        Programme, **{REPORT: reportable_programmes, MANAGE_HANDLERS: handler_managed_programmes}
    )
    policies.register(
        Concern, view=handled_concerns, change=handled_concerns, **{FOLLOW: own_named_concerns}
    )
    policies.register(CaseHandler, view=managed_case_handlers, change=managed_case_handlers)
    policies.register(CaseLogEntry, view=handled_log_entries, change=handled_log_entries)
    policies.register(CaseTask, view=handled_tasks, change=handled_tasks)
    policies.register(Attachment, view=handled_attachments)
    policies.register(ConcernMessage, view=handled_messages)
