"""Reads of equality: a case as its reporter and as its handlers see it, the lists, the counts.

Reading a whole case decrypts it; views do that through `services.concern_read` (handlers) or
`services.concern_follow` (a named reporter), which log the read. The anonymous reporter's page
reads `reporter_case` straight after her code was checked.
"""

import datetime
from collections.abc import Iterable
from dataclasses import dataclass, field

from django.conf import settings
from django.db.models import Count, Min, Q, QuerySet
from django.utils import timezone
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from smile.accounts.models import User
from smile.core.actor import AnyUser
from smile.equality import access
from smile.equality.models import (
    OPEN_STEPS,
    STEP_ORDER,
    Attachment,
    CaseHandler,
    CaseTask,
    Concern,
    ConcernKind,
    ConcernMessage,
    Ground,
    MessageKind,
    Place,
    Step,
)
from smile.lib.crypto import decrypt_json
from smile.organisations.choices import Role
from smile.organisations.models import Workplace
from smile.programmes.models import Programme

# Fewer open concerns than this at a workplace are not shown on the manager's page: one or two
# could point at the person who reported.
OPEN_CONCERNS_SHOWN_FROM = 3

# What each step means, told to the reporter in her language.
STEP_EXPLANATIONS: dict[str, Promise] = {
    Step.RECEIVED: _("We have received your report. No one at your workplace sees it."),
    Step.ACKNOWLEDGED: _("A case handler has read your report and will look into it."),
    Step.INVESTIGATING: _("The case handlers are finding out what happened."),
    Step.MEASURES: _("Measures are being taken so that it stops and does not happen again."),
    Step.FOLLOWED_UP: _("The case handlers have checked that the measures work."),
    Step.CLOSED: _("The case is closed. If it happens again, you can report it again."),
}


@dataclass(frozen=True)
class StepRow:
    step: str
    label: str
    explanation: str
    reached_at: datetime.datetime | None
    current: bool

    @property
    def done(self) -> bool:
        return self.reached_at is not None


@dataclass(frozen=True)
class MessageRow:
    kind: str
    step_label: str
    text: str
    created_at: datetime.datetime
    author_name: str  # empty for the reporter, and in everything the reporter reads


@dataclass(frozen=True)
class ReporterCase:
    """The case as the person who reported it sees it: no handler's notes, no names."""

    pk: int
    reference: str
    programme_name: str
    kind_label: str
    ground_label: str
    place_label: str
    created_at: datetime.datetime
    step: str
    step_label: str
    acknowledge_by: datetime.date
    what: str
    when: str
    steps: list[StepRow]
    messages: list[MessageRow]

    @property
    def closed(self) -> bool:
        return self.step == Step.CLOSED

    @property
    def waiting_for_acknowledgement(self) -> bool:
        return self.step == Step.RECEIVED


def _label(choices: type[Step | Ground | Place | ConcernKind], value: str) -> str:
    return str(choices(value).label) if value in choices.values else ""


def _report_of(concern: Concern) -> tuple[str, str]:
    payload = decrypt_json(concern.payload)
    return str(payload.get("what", "")), str(payload.get("when", ""))


def _steps(concern: Concern, messages: list[ConcernMessage]) -> list[StepRow]:
    reached: dict[str, datetime.datetime] = {}
    for message in messages:
        if message.kind == MessageKind.STEP and message.step:
            reached.setdefault(message.step, message.created_at)
    current = STEP_ORDER.index(concern.step)
    return [
        StepRow(
            step=step,
            label=_label(Step, step),
            explanation=str(STEP_EXPLANATIONS[step]),
            reached_at=reached.get(step) if index <= current else None,
            current=index == current,
        )
        for index, step in enumerate(STEP_ORDER)
    ]


def _messages(messages: list[ConcernMessage], *, with_authors: bool) -> list[MessageRow]:
    rows = []
    for message in messages:
        text = str(decrypt_json(message.body))
        if message.kind == MessageKind.STEP and not text and message.step == Step.RECEIVED:
            continue  # the report itself is shown above the conversation
        author = ""
        if with_authors and message.author is not None:
            author = message.author.full_name
        rows.append(
            MessageRow(
                kind=message.kind,
                step_label=_label(Step, message.step),
                text=text,
                created_at=message.created_at,
                author_name=author,
            )
        )
    return rows


def reporter_case(concern: Concern) -> ReporterCase:
    messages = list(concern.messages.select_related("author"))
    what, when = _report_of(concern)
    return ReporterCase(
        pk=concern.pk,
        reference=concern.reference,
        programme_name=concern.programme.name,
        kind_label=_label(ConcernKind, concern.kind),
        ground_label=_label(Ground, concern.ground),
        place_label=_label(Place, concern.place),
        created_at=concern.created_at,
        step=concern.step,
        step_label=_label(Step, concern.step),
        acknowledge_by=concern.acknowledge_by,
        what=what,
        when=when,
        steps=_steps(concern, messages),
        messages=_messages(messages, with_authors=False),
    )


@dataclass(frozen=True)
class LogRow:
    text: str
    created_at: datetime.datetime
    author_name: str


@dataclass(frozen=True)
class TaskRow:
    pk: int
    title: str
    due_on: datetime.date
    assignee_name: str
    done_at: datetime.datetime | None
    overdue: bool


@dataclass(frozen=True)
class AttachmentRow:
    pk: int
    is_pdf: bool
    size_kb: int
    created_at: datetime.datetime


@dataclass(frozen=True)
class HandlerCase:
    """The whole case for its handlers. `reporter_name`/`reporter_email` are empty for an
    anonymous concern: nothing on the handlers' page can point at her."""

    concern: Concern
    report: ReporterCase
    reporter_name: str
    reporter_email: str
    language: str
    workplace_name: str
    acknowledgement_late: bool
    later_steps: list[tuple[str, str]]
    messages: list[MessageRow]
    log: list[LogRow]
    tasks: list[TaskRow]
    attachments: list[AttachmentRow]
    handlers: list[User] = field(default_factory=list)


def handlers_of(programme: Programme) -> list[User]:
    """The programme's case handlers who may act now (active, and still coordinating for the
    programme's owner)."""
    return list(
        User.objects.filter(
            case_handler_roles__programme=programme,
            is_active=True,
            memberships__organisation_id=programme.owner_id,
            memberships__role=Role.COORDINATOR,
        )
        .distinct()
        .order_by("full_name", "pk")
    )


def later_steps(concern: Concern) -> list[tuple[str, str]]:
    """The steps the case can move on to, as (value, label)."""
    current = STEP_ORDER.index(concern.step)
    return [(step, _label(Step, step)) for step in STEP_ORDER[current + 1 :]]


def handler_case(concern: Concern) -> HandlerCase:
    messages = list(concern.messages.select_related("author"))
    today = timezone.localdate()
    reporter = None if concern.anonymous else concern.reporter
    tasks = [
        TaskRow(
            pk=task.pk,
            title=str(decrypt_json(task.payload).get("title", "")),
            due_on=task.due_on,
            assignee_name=task.assignee.full_name if task.assignee else "",
            done_at=task.done_at,
            overdue=task.done_at is None and task.due_on < today,
        )
        for task in concern.tasks.select_related("assignee")
    ]
    return HandlerCase(
        concern=concern,
        report=reporter_case(concern),
        reporter_name=reporter.full_name if reporter else "",
        reporter_email=reporter.email if reporter else "",
        language=str(dict(settings.LANGUAGES).get(concern.language, concern.language)),
        workplace_name=str(concern.workplace) if concern.workplace_id else "",
        acknowledgement_late=concern.step == Step.RECEIVED and concern.acknowledge_by < today,
        later_steps=later_steps(concern),
        messages=_messages(messages, with_authors=True),
        log=[
            LogRow(
                text=str(decrypt_json(entry.body)),
                created_at=entry.created_at,
                author_name=entry.author.full_name if entry.author else "",
            )
            for entry in concern.log_entries.select_related("author")
        ],
        tasks=tasks,
        attachments=[
            AttachmentRow(
                pk=attachment.pk,
                is_pdf=attachment.content_type == "application/pdf",
                size_kb=max(1, attachment.size // 1024),
                created_at=attachment.created_at,
            )
            for attachment in concern.attachments.all()
        ],
        handlers=handlers_of(concern.programme),
    )


# --- lists -------------------------------------------------------------------------------------


def handler_case_list(*, user: AnyUser) -> QuerySet[Concern]:
    """The cases of the programmes she handles, open ones first, with their task counts."""
    today = timezone.localdate()
    return (
        access.handled_concerns(user)
        .select_related("programme")
        .annotate(
            open_tasks=Count("tasks", filter=Q(tasks__done_at__isnull=True), distinct=True),
            late_tasks=Count(
                "tasks",
                filter=Q(tasks__done_at__isnull=True, tasks__due_on__lt=today),
                distinct=True,
            ),
            next_due_on=Min("tasks__due_on", filter=Q(tasks__done_at__isnull=True)),
        )
        .order_by("closed_at", "-created_at")
    )


def own_concern_list(*, user: AnyUser) -> QuerySet[Concern]:
    return access.own_named_concerns(user).select_related("programme")


def reportable_programmes(*, user: AnyUser) -> QuerySet[Programme]:
    return access.reportable_programmes(user).order_by("name")


def handler_managed_programmes(*, user: AnyUser) -> QuerySet[Programme]:
    return (
        access.handler_managed_programmes(user)
        .annotate(handler_count=Count("case_handlers", distinct=True))
        .order_by("name")
    )


def programme_handlers(*, programme: Programme) -> QuerySet[CaseHandler]:
    return CaseHandler.objects.filter(programme=programme).select_related("user")


def eligible_handlers(*, programme: Programme) -> QuerySet[User]:
    """Who may be named: the active coordinators of the programme's owner not yet named."""
    return (
        User.objects.filter(
            is_active=True,
            memberships__organisation_id=programme.owner_id,
            memberships__role=Role.COORDINATOR,
        )
        .exclude(case_handler_roles__programme=programme)
        .distinct()
        .order_by("full_name")
    )


def is_case_handler(*, user: AnyUser) -> bool:
    return access.handled_programmes(user).exists()


def open_concern_counts(workplaces: Iterable[Workplace]) -> dict[int, int | None]:
    """Open concerns reported as having happened at each workplace (by key), for the manager's
    page; None when fewer than three, so that no one can tell a single report (or who made it).
    One query, however many workplaces. The only place the rule of three is applied."""
    counts = {w.pk: 0 for w in workplaces}
    if counts:
        for workplace_id, n in (
            Concern.objects.filter(workplace_id__in=list(counts), step__in=OPEN_STEPS)
            .order_by()
            .values_list("workplace_id")
            .annotate(n=Count("pk"))
        ):
            counts[workplace_id] = n
    return {pk: n if n >= OPEN_CONCERNS_SHOWN_FROM else None for pk, n in counts.items()}


def open_concern_count(workplace: Workplace) -> int | None:
    """`open_concern_counts` for one workplace."""
    return open_concern_counts([workplace])[workplace.pk]


def attachment_of(*, concern: Concern, pk: int) -> Attachment | None:
    return concern.attachments.filter(pk=pk).first()


def task_of(*, concern: Concern, pk: int) -> CaseTask | None:
    return concern.tasks.filter(pk=pk).first()
