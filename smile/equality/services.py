"""Writes of equality: reporting a concern, following it, and working the case.

Every text a person writes here is encrypted before it is stored. Every read of a case by a
handler, and every change, is written in the privacy access log. The log needs a subject (the
person a record is about): for a named concern that is the reporter, who can then see who read her
case; an anonymous concern has no person to name, so the handler who acts is entered as the
subject too, and the reporter is never recorded anywhere (the log's rows about an anonymous case
would otherwise be the very link she chose not to give).
"""

import datetime
from collections.abc import Iterable
from dataclasses import dataclass
from typing import IO

from django.conf import settings
from django.core.files.uploadedfile import UploadedFile
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.functional import Promise
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from smile.accounts.models import User
from smile.accounts.services import count_within_limit
from smile.core import policies
from smile.core.actor import AnyUser, person
from smile.core.errors import ApplicationError, NotAllowed
from smile.equality import access, codes, selectors
from smile.equality.attachments import (
    AttachmentRefused,
    CleanFile,
    clean_attachment,
    opened,
    sealed,
)
from smile.equality.models import (
    STEP_ORDER,
    Attachment,
    CaseHandler,
    CaseLogEntry,
    CaseTask,
    Concern,
    ConcernKind,
    ConcernMessage,
    Ground,
    MessageKind,
    Place,
    Step,
)
from smile.lib.crypto import encrypt_json
from smile.notifications.models import Kind
from smile.notifications.services import notify
from smile.organisations.choices import Role
from smile.organisations.models import Membership, Workplace
from smile.privacy.models import AccessAction
from smile.privacy.services import access_record
from smile.programmes.models import Enrolment, EnrolmentStatus, Programme

WHAT_MAX_LENGTH = 5000
WHEN_MAX_LENGTH = 200
MESSAGE_MAX_LENGTH = 3000
LOG_MAX_LENGTH = 5000
TASK_TITLE_MAX_LENGTH = 300


# --- limits ------------------------------------------------------------------------------------


def _within_limits(purpose: str, limit: int, *, client: str, user: AnyUser | None) -> bool:
    """One more request from this client address (and this account, when signed in), counted
    with the password-reset counters of smile.accounts; False once either is over `limit`."""
    window = settings.EQUALITY_LIMIT_WINDOW
    if not count_within_limit("client", client, limit, purpose=purpose, window=window):
        return False
    found = person(user)
    return found is None or count_within_limit(
        "account", str(found.pk), limit, purpose=purpose, window=window
    )


def written_text(value: str, *, field: str, limit: int, required: bool = True) -> str:
    """What a person wrote, trimmed; refused when empty (if required) or longer than `limit`."""
    value = (value or "").strip()
    if required and not value:
        raise ApplicationError(_("Please write something here."), field=field)
    if len(value) > limit:
        raise ApplicationError(
            _("Please write at most %(count)d characters.") % {"count": limit}, field=field
        )
    return value


def _attachment(upload: UploadedFile | IO[bytes] | None) -> CleanFile | None:
    if upload is None:
        return None
    try:
        return clean_attachment(upload, size=getattr(upload, "size", None))
    except AttachmentRefused as refused:
        raise ApplicationError(refused.message, field="attachment") from None


def _store_attachment(
    clean: CleanFile, *, concern: Concern, message: ConcernMessage | None
) -> None:
    attachment = Attachment(
        concern=concern, message=message, content_type=clean.content_type, size=len(clean.data)
    )
    content = sealed(clean)
    attachment.file.save(content.name or "attachment.bin", content, save=False)
    attachment.save()


def _sealed_text(text: str) -> str:
    return encrypt_json(text)


def _log(*, actor: User, concern: Concern, action: AccessAction) -> None:
    subject = concern.reporter if not concern.anonymous and concern.reporter else actor
    access_record(actor=actor, subject=subject, record=concern, action=action)


# --- telling people ----------------------------------------------------------------------------


# What the notices say. None holds a detail of the case: a notice may go by e-mail, which is no
# place for what happened.
NEW_CONCERN = gettext_lazy("A new concern is reported. Open the case list to read it.")
REPORTER_ANSWERED = gettext_lazy("The reporter has answered. Open the case to read it.")
NO_HANDLERS = gettext_lazy(
    "A concern is reported, but the programme has no case handlers. Name them so that it is read."
)
NEWS_FOR_REPORTER = gettext_lazy(
    "There is news about the concern you reported. Open it to read it."
)


def _tell(recipients: Iterable[User], *, name: str, line: Promise, url: str) -> None:
    """A notice in each recipient's own language. It is sent as a message from the programme
    (its case handlers are the owner's coordinators), written at sending time in the recipient's
    language: notifications has no kind of its own for concerns yet."""
    for recipient in recipients:
        with translation.override(recipient.preferred_language):
            notify(
                recipient=recipient,
                kind=Kind.COORDINATOR_MESSAGE,
                params={"name": name, "message": str(line)},
                url=url,
            )


def _tell_handlers(concern: Concern, line: Promise) -> None:
    handlers = selectors.handlers_of(concern.programme)
    if handlers:
        _tell(
            handlers,
            name=concern.programme.name,
            line=line,
            url=reverse("equality:case", args=[concern.pk]),
        )
        return
    # No one may open it yet: the owner's coordinators hear that they must name case handlers
    # (naming one does not show them the case unless they name themselves).
    coordinators = User.objects.filter(
        is_active=True,
        memberships__organisation_id=concern.programme.owner_id,
        memberships__role=Role.COORDINATOR,
    ).distinct()
    _tell(
        coordinators.order_by("pk"),
        name=concern.programme.name,
        line=NO_HANDLERS,
        url=reverse("equality:programme-handlers", args=[concern.programme_id]),
    )


def _tell_reporter(concern: Concern) -> None:
    """A named reporter hears that there is news; an anonymous one reads it at her code page."""
    if concern.anonymous or concern.reporter is None or not concern.reporter.is_active:
        return
    _tell(
        [concern.reporter],
        name=concern.programme.name,
        line=NEWS_FOR_REPORTER,
        url=reverse("equality:mine-detail", args=[concern.pk]),
    )


# --- reporting and following -------------------------------------------------------------------


@dataclass(frozen=True)
class Reported:
    concern: Concern
    code: str | None  # an anonymous reporter's code, grouped; shown to her once, never stored


def _choice(value: str, choices: Iterable[str], *, field: str, blank: bool = False) -> str:
    if (blank and value == "") or value in choices:
        return value
    raise ApplicationError(_("Please choose one of the answers."), field=field)


def _workplace_of(reporter: User, programme: Programme) -> Workplace | None:
    enrolment = (
        Enrolment.objects.filter(user=reporter, programme=programme, status=EnrolmentStatus.ACTIVE)
        .order_by("pk")
        .first()
    )
    return enrolment.workplace if enrolment else None


def concern_report(
    *,
    reporter: User,
    programme: Programme,
    kind: str,
    ground: str,
    place: str,
    what: str,
    when: str,
    anonymous: bool,
    attachment: UploadedFile | IO[bytes] | None,
    client: str,
) -> Reported:
    """Report a concern to the programme's case handlers; anonymously, she gets a private code."""
    policies.require(reporter, access.REPORT, programme)
    kind = _choice(kind, ConcernKind.values, field="kind")
    ground = _choice(ground, Ground.values, field="ground", blank=True)
    place = _choice(place, Place.values, field="place")
    what = written_text(what, field="what", limit=WHAT_MAX_LENGTH)
    when = written_text(when, field="when", limit=WHEN_MAX_LENGTH, required=False)
    clean = _attachment(attachment)
    if not _within_limits(
        "equality-report", settings.EQUALITY_REPORT_LIMIT, client=client, user=reporter
    ):
        raise ApplicationError(
            _("You have sent several reports in a short time. Please wait an hour and try again.")
        )
    today = timezone.localdate()
    concern = Concern(
        programme=programme,
        kind=kind,
        ground=ground,
        place=place,
        workplace=_workplace_of(reporter, programme) if place == Place.WORKPLACE else None,
        anonymous=anonymous,
        reporter=None if anonymous else reporter,
        language=translation.get_language() or settings.LANGUAGE_CODE,
        payload=encrypt_json({"what": what, "when": when}),
        acknowledge_by=codes.add_working_days(today, settings.EQUALITY_ACKNOWLEDGE_WORKING_DAYS),
    )
    if concern.language not in dict(settings.LANGUAGES):
        concern.language = settings.LANGUAGE_CODE
    code = None
    with transaction.atomic():
        for _attempt in range(5):
            if anonymous:
                code = codes.new_code()
                concern.code_lookup = codes.lookup_of(code)
                concern.code_hash = codes.secret_hash(code)
            concern.full_clean(exclude=["code_lookup"])
            try:
                with transaction.atomic():
                    concern.save()
            except IntegrityError:
                if not anonymous:
                    raise
                concern.pk = None
                continue  # another case has this code's first part: draw a new code
            break
        ConcernMessage.objects.create(
            concern=concern, kind=MessageKind.STEP, step=Step.RECEIVED, body=_sealed_text("")
        )
        if clean is not None:
            _store_attachment(clean, concern=concern, message=None)
        if not anonymous:
            access_record(
                actor=reporter, subject=reporter, record=concern, action=AccessAction.CREATE
            )
        _tell_handlers(concern, NEW_CONCERN)
    return Reported(concern=concern, code=codes.grouped(code) if code else None)


def concern_by_code(*, typed: str, client: str, user: AnyUser | None) -> Concern | None:
    """The anonymous case the code opens, or None. Look-ups are limited per client address and
    per account, right or wrong, so codes cannot be guessed."""
    if not _within_limits(
        "equality-code", settings.EQUALITY_CODE_LOOKUP_LIMIT, client=client, user=user
    ):
        raise ApplicationError(
            _("Too many tries with a code. Please wait an hour and try again."), field="code"
        )
    code = codes.normalised(typed)
    if code is None:
        return None
    concern = (
        Concern.objects.filter(anonymous=True, code_lookup=codes.lookup_of(code))
        .select_related("programme")
        .first()
    )
    if concern is None:
        codes.spend_time_as_if_checking(code)
        return None
    if not codes.secret_matches(code, concern.code_hash):
        return None
    return concern


def concern_answer(
    *,
    concern: Concern,
    text: str,
    attachment: UploadedFile | IO[bytes] | None = None,
    by: User | None = None,
    code: str | None = None,
) -> ConcernMessage:
    """The reporter writes to the handlers: signed in (`by`) for a named case, or with her code
    for an anonymous one. The message names no one."""
    if by is not None:
        policies.require(by, access.FOLLOW, concern)
    else:
        found = codes.normalised(code or "")
        if (
            not concern.anonymous
            or found is None
            or codes.lookup_of(found) != concern.code_lookup
            or not codes.secret_matches(found, concern.code_hash)
        ):
            raise NotAllowed("answer concern")
    if concern.step == Step.CLOSED:
        raise ApplicationError(_("This case is closed. If it happens again, report it again."))
    text = written_text(text, field="text", limit=MESSAGE_MAX_LENGTH)
    clean = _attachment(attachment)
    with transaction.atomic():
        message = ConcernMessage.objects.create(
            concern=concern, kind=MessageKind.ANSWER, body=_sealed_text(text)
        )
        if clean is not None:
            _store_attachment(clean, concern=concern, message=message)
        if by is not None:
            access_record(actor=by, subject=by, record=concern, action=AccessAction.UPDATE)
        _tell_handlers(concern, REPORTER_ANSWERED)
    return message


def concern_follow(*, concern: Concern, reader: User) -> selectors.ReporterCase:
    """A named reporter opens her own case; her reading is logged like anyone's."""
    policies.require(reader, access.FOLLOW, concern)
    access_record(actor=reader, subject=reader, record=concern, action=AccessAction.VIEW)
    return selectors.reporter_case(concern)


# --- working the case --------------------------------------------------------------------------


def concern_read(*, concern: Concern, reader: User) -> selectors.HandlerCase:
    """A case handler opens the case: all of it, decrypted, and the read is logged."""
    policies.require(reader, policies.VIEW, concern)
    _log(actor=reader, concern=concern, action=AccessAction.VIEW)
    return selectors.handler_case(concern)


def _open_for_work(concern: Concern, by: User) -> Concern:
    policies.require(by, policies.CHANGE, concern)
    locked = Concern.objects.select_for_update(of=("self",)).select_related("programme", "reporter")
    return locked.get(pk=concern.pk)


@transaction.atomic
def concern_advance(*, concern: Concern, by: User, step: str, message: str) -> Concern:
    """Move the case on to a later step, with an optional word to the reporter."""
    concern = _open_for_work(concern, by)
    if step not in STEP_ORDER:
        raise ApplicationError(_("Please choose one of the answers."), field="step")
    if STEP_ORDER.index(step) <= STEP_ORDER.index(concern.step):
        raise ApplicationError(
            _("The case is already at this step or further. Choose a later step."), field="step"
        )
    message = written_text(message, field="message", limit=MESSAGE_MAX_LENGTH, required=False)
    concern.step = step
    concern.closed_at = timezone.now() if step == Step.CLOSED else None
    concern.save(update_fields=["step", "closed_at", "updated_at"])
    ConcernMessage.objects.create(
        concern=concern, kind=MessageKind.STEP, step=step, author=by, body=_sealed_text(message)
    )
    _log(actor=by, concern=concern, action=AccessAction.UPDATE)
    _tell_reporter(concern)
    return concern


@transaction.atomic
def concern_ask(*, concern: Concern, by: User, text: str) -> ConcernMessage:
    """A question (or any word) from the handlers to the reporter."""
    concern = _open_for_work(concern, by)
    if concern.step == Step.CLOSED:
        raise ApplicationError(_("This case is closed."))
    text = written_text(text, field="text", limit=MESSAGE_MAX_LENGTH)
    question = ConcernMessage.objects.create(
        concern=concern, kind=MessageKind.QUESTION, author=by, body=_sealed_text(text)
    )
    _log(actor=by, concern=concern, action=AccessAction.UPDATE)
    _tell_reporter(concern)
    return question


@transaction.atomic
def case_log_add(*, concern: Concern, by: User, text: str) -> CaseLogEntry:
    concern = _open_for_work(concern, by)
    text = written_text(text, field="text", limit=LOG_MAX_LENGTH)
    entry = CaseLogEntry.objects.create(concern=concern, author=by, body=_sealed_text(text))
    _log(actor=by, concern=concern, action=AccessAction.UPDATE)
    return entry


@transaction.atomic
def case_task_add(
    *,
    concern: Concern,
    by: User,
    title: str,
    due_on: datetime.date,
    assignee: User | None,
) -> CaseTask:
    concern = _open_for_work(concern, by)
    title = written_text(title, field="title", limit=TASK_TITLE_MAX_LENGTH)
    if assignee is not None and assignee not in selectors.handlers_of(concern.programme):
        raise ApplicationError(_("Choose one of the case handlers."), field="assignee")
    task = CaseTask(
        concern=concern,
        payload=encrypt_json({"title": title}),
        due_on=due_on,
        assignee=assignee,
        created_by=by,
    )
    task.full_clean()
    task.save()
    _log(actor=by, concern=concern, action=AccessAction.UPDATE)
    return task


@transaction.atomic
def case_task_done(*, task: CaseTask, by: User) -> CaseTask:
    policies.require(by, policies.CHANGE, task)
    task = (
        CaseTask.objects.select_for_update(of=("self",)).select_related("concern").get(pk=task.pk)
    )
    if task.done_at is not None:
        raise ApplicationError(_("This task is already done."))
    task.done_at = timezone.now()
    task.save(update_fields=["done_at"])
    _log(actor=by, concern=task.concern, action=AccessAction.UPDATE)
    return task


def attachment_open(*, attachment: Attachment, reader: User) -> bytes:
    """A handler opens a file of the case: decrypted, and logged as a read of the case."""
    policies.require(reader, policies.VIEW, attachment)
    with attachment.file.open("rb") as handle:
        data = opened(handle.read())
    _log(actor=reader, concern=attachment.concern, action=AccessAction.VIEW)
    return data


# --- naming the case handlers ------------------------------------------------------------------


def eligible_handler(programme: Programme, user: User) -> bool:
    return Membership.objects.filter(
        user=user, organisation_id=programme.owner_id, role=Role.COORDINATOR, user__is_active=True
    ).exists()


@transaction.atomic
def case_handler_add(*, programme: Programme, by: User, user: User) -> CaseHandler:
    """Name a case handler: a coordinator of the programme's owner, never the workplace."""
    policies.require(by, access.MANAGE_HANDLERS, programme)
    if not eligible_handler(programme, user):
        raise ApplicationError(
            _("Only a coordinator of the programme's owner can be a case handler."), field="user"
        )
    if CaseHandler.objects.filter(programme=programme, user=user).exists():
        raise ApplicationError(_("This person is already a case handler."), field="user")
    return CaseHandler.objects.create(programme=programme, user=user, added_by=by)


@transaction.atomic
def case_handler_remove(*, handler: CaseHandler, by: User) -> None:
    policies.require(by, policies.CHANGE, handler)
    handler.delete()
