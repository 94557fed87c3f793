"""Sending a notification: a row for the bell, and an e-mail in the reader's language."""

from collections.abc import Callable, Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from functools import partial
from typing import Any, Protocol

from django.db import connections, router, transaction
from django.db.models import Field, Model, QuerySet
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from smile.accounts.models import User
from smile.core import policies
from smile.core.errors import ApplicationError, NotAllowed
from smile.notifications import access
from smile.notifications.models import Kind, Notification, NotificationSetting


def _channels(user: User, kind: str) -> tuple[bool, bool]:
    setting = NotificationSetting.objects.filter(user=user, kind=kind).first()
    if setting is None:
        return True, True
    return setting.in_app, setting.email


def subject_key(thing: Model, action: str, *parts: object) -> str:
    """What a notice that asks for something is about: the thing and what is asked, as
    "learning.learningplan:42:sign:adept". The service that asks and the one that completes the
    thing both make the key with this, so they always agree."""
    return ":".join([thing._meta.label_lower, str(thing.pk), action, *(str(p) for p in parts)])


def subject_maker(model: type[Model], action: str) -> Callable[[Any], str]:
    """`subject_key(row, action)` for many rows of one model, from their keys alone (no model
    object made per row)."""
    label = model._meta.label_lower
    return lambda pk: f"{label}:{pk}:{action}"


def notify(
    *,
    recipient: User,
    kind: Kind | str,
    params: Mapping[str, Any] | None = None,
    url: str = "",
    attachment: tuple[str, str, str] | None = None,
    subject: str = "",
) -> Notification | None:
    """Tell one person about something, through the channels she has chosen for this kind.

    `params` are the values for the kind's message (see `messages.py`); datetimes go in as ISO
    strings under keys ending in `_at`, so each reader sees them in her own language. `attachment`
    is (file name, content, MIME type) for the e-mail, for example a calendar invitation. The
    e-mail is sent by the worker after the transaction commits; returns None if both channels are
    off. A notice that asks for something gives its `subject` (`subject_key`), so that `finish`
    marks it done when the thing is done.
    """
    in_app, email = _channels(recipient, str(kind))
    if not in_app and not email:
        return None
    notification = Notification.objects.create(
        recipient=recipient,
        kind=str(kind),
        params=dict(params or {}),
        url=url,
        in_app=in_app,
        email=email,
        subject=subject,
    )
    if email:
        from smile.notifications.tasks import send_notification_email

        transaction.on_commit(
            partial(send_notification_email.enqueue, notification.pk, attachment=attachment)
        )
    return notification


@dataclass(frozen=True)
class Notice:
    """One notice for `notify_many`: to whom (her id), what kind, the message's values, a link,
    and for a notice that asks for something, what it is about (`subject_key`)."""

    recipient_id: int
    kind: Kind | str
    params: Mapping[str, Any] = field(default_factory=dict)
    url: str = ""
    subject: str = ""


def notify_many(*, notices: Iterable[Notice]) -> list[int]:
    """`notify` for many notices at once, in a fixed number of queries whatever their number.

    One read of the recipients' choices for these kinds, one insert of all the rows, one read of
    the rows made, and one e-mail task for all those to be e-mailed, enqueued when the transaction
    commits; the worker sends each in its recipient's language.
    Notices whose two channels are both off make no row. Returns the ids of the rows made.
    """
    notices = list(notices)
    if not notices:
        return []
    chosen = {
        (user_id, kind): (in_app, email)
        for user_id, kind, in_app, email in NotificationSetting.objects.filter(
            user_id__in={notice.recipient_id for notice in notices},
            kind__in={str(notice.kind) for notice in notices},
        ).values_list("user_id", "kind", "in_app", "email")
    }
    now = timezone.now()
    rows: list[Row] = []
    for notice in notices:
        in_app, email = chosen.get((notice.recipient_id, str(notice.kind)), (True, True))
        if in_app or email:
            rows.append(
                (
                    notice.recipient_id,
                    str(notice.kind),
                    notice.params,
                    notice.url,
                    in_app,
                    email,
                    notice.subject,
                )
            )
    if not rows:
        return []
    _insert(rows, now)
    # This call's rows carry its own time to the microsecond: one read finds them (and any other
    # notice of these kinds made at that very instant, which is as new and as unsent).
    made = list(
        Notification.objects.filter(created_at=now, kind__in={row[1] for row in rows})
        .order_by("pk")
        .values_list("pk", "email")
    )
    to_email = [pk for pk, email in made if email]
    if to_email:
        from smile.notifications.tasks import send_notification_emails

        transaction.on_commit(partial(send_notification_emails.enqueue, to_email))
    return [pk for pk, _email in made]


def claim_and_notify(
    *,
    claimable: QuerySet[Any],
    ids: Sequence[int],
    stamp: str,
    now: datetime,
    values: Sequence[str],
    notice: Callable[..., Notice | None],
    touch: Sequence[str] = (),
) -> int:
    """Claim the rows `ids` (ascending) and tell about each one claimed; returns how many notices.

    The claim is one conditional UPDATE that sets `stamp` (and each field in `touch`) to `now` on
    the rows of `claimable` (the rows that may still be told about: still open, say) among `ids`
    whose `stamp` is still empty. A run at the same time, or a retry, has set `stamp` on the rows
    it took, so each row is told about once. Then one read of the claimed rows' `values`: `ids`
    ascend and earlier batches lie below them, so in their range only this batch's claimed rows
    carry `now` (a range reads faster than the list again). `notice(*row)` builds each row's
    notice, or None for a row to tell nobody about.

    Queries, whatever the number of rows, in one transaction: the claim, the read, and
    `notify_many`'s (the recipients' choices, one insert, the rows made; one e-mail task after
    the commit).
    """
    if not ids:
        return 0
    with transaction.atomic():
        claimable.filter(pk__in=ids, **{f"{stamp}__isnull": True}).update(
            **dict.fromkeys((stamp, *touch), now)
        )
        claimed = claimable.model._default_manager.filter(
            pk__gte=ids[0], pk__lte=ids[-1], **{stamp: now}
        ).values_list(*values)
        notices = [made for row in claimed if (made := notice(*row)) is not None]
        notify_many(notices=notices)
    return len(notices)


def in_batches(due: QuerySet[Any], size: int, each: Callable[[list[int]], int]) -> int:
    """Call `each` with the keys of the rows `due`, `size` at a time in ascending order (each
    batch one query, read after the one before is done); returns the sum of what it returned.
    One query finds an empty or last short batch, and ends it."""
    due = due.order_by("pk")
    total = 0
    after = None
    while True:
        batch = due if after is None else due.filter(pk__gt=after)
        ids = list(batch.values_list("pk", flat=True)[:size])
        if ids:
            total += each(ids)
            after = ids[-1]
        if len(ids) < size:
            return total


def link_maker(name: str) -> Callable[[int], str]:
    """`reverse(name, args=[pk])` for many rows: the address is reversed once, with a stand-in
    key, and each row's key is put in its place (reversing each costs more than the rest of a
    reminder)."""
    stand_in = 987_654_321_987
    head, tail = reverse(name, args=[stand_in]).rsplit(str(stand_in), 1)
    return lambda pk: f"{head}{int(pk)}{tail}"


def due_notice_maker(
    page: str, *, anchor: str = "", subject: Callable[[Any], str] | None = None
) -> Callable[..., Notice | None]:
    """The ACTION_DUE notice of a thing to do, from its row's (owner's key, title, due day, key
    of the row `page` shows, [its own key]): to the owner (none for a thing without one), linking
    to `page` at `anchor`; `subject` makes its subject from the thing's own key. For
    `claim_and_notify`'s `notice`."""
    link = link_maker(page)

    def notice(
        owner: int | None, title: str, due_on: date, target: int, key: Any = None
    ) -> Notice | None:
        if owner is None:
            return None
        return Notice(
            recipient_id=owner,
            kind=Kind.ACTION_DUE,
            params={"title": title, "due_on": due_on.isoformat()},
            url=link(target) + anchor,
            subject=subject(key) if subject else "",
        )

    return notice


_COLUMNS = ("recipient", "kind", "params", "url", "in_app", "email", "subject", "created_at")
Row = tuple[int, str, Mapping[str, Any], str, bool, bool, str]


def _insert(rows: list[Row], now: datetime) -> None:
    """Insert the notices' rows with one `executemany`.

    Hand-written because `bulk_create` builds a model object per row and prepares each of its
    values field by field: 2.4 s for 20,000 notices here, against 0.6 s for this. Each value is
    prepared for the database (the JSON of `params`, the time as the database keeps it).
    """
    db = router.db_for_write(Notification)
    connection = connections[db]
    fields = [Notification._meta.get_field(name) for name in _COLUMNS]
    columns = [field.column for field in fields if isinstance(field, Field) and field.column]
    quote = connection.ops.quote_name
    # Only the model's own table and column names, quoted; the values go as parameters.
    sql = "INSERT INTO {} ({}) VALUES ({})".format(  # noqa: S608
        quote(Notification._meta.db_table),
        ", ".join(quote(column) for column in columns),
        ", ".join(["%s"] * len(columns)),
    )
    created_at = Notification._meta.get_field("created_at")
    assert isinstance(created_at, Field)
    at = created_at.get_db_prep_save(now, connection)
    # The values are names, numbers and ISO strings: adapted as JSON directly (the field would
    # first walk each one to normalise it).
    as_json = connection.ops.adapt_json_value
    values = [
        (
            recipient,
            kind,
            as_json(dict(params), None),
            url,
            in_app,
            email,
            subject,
            at,
        )
        for recipient, kind, params, url, in_app, email, subject in rows
    ]
    with connection.cursor() as cursor:
        cursor.executemany(sql, values)


class Named(Protocol):
    """What a programme-wide count is about: a programme, say (its key and its name)."""

    @property
    def pk(self) -> Any: ...

    @property
    def name(self) -> str: ...


def start_of_today() -> datetime:
    return timezone.localtime().replace(hour=0, minute=0, second=0, microsecond=0)


def daily_counts_notify(
    *,
    kind: Kind,
    page: str,
    readers: QuerySet[User],
    counts: Callable[[User], Iterable[tuple[Named, int]]],
) -> int:
    """Tell each reader, once a day per programme, how many things on `page` wait for her there.

    `counts(reader)` gives (programme, how many) for her programmes with any. A notice goes to
    `page?programme=<pk>` with the values `count` and `programme` (its name). Idempotent: a
    programme she has been told about today (the same address) is skipped, so a second run the
    same day, or a retry after a failure, sends nothing twice. Returns how many notices were made.

    Queries: the readers, what each `counts` reads, one read of today's notices of this kind, and
    `notify_many`'s fixed few.
    """
    start = start_of_today()
    wanted: list[Notice] = []
    for reader in readers.order_by("pk"):
        for programme, count in sorted(counts(reader), key=lambda item: item[0].pk):
            if count:
                wanted.append(
                    Notice(
                        recipient_id=reader.pk,
                        kind=kind,
                        params={"count": count, "programme": programme.name},
                        url=f"{page}?programme={programme.pk}",
                    )
                )
    if not wanted:
        return 0
    with transaction.atomic():
        told = set(
            Notification.objects.filter(
                recipient_id__in={notice.recipient_id for notice in wanted},
                kind=kind,
                created_at__gte=start,
            ).values_list("recipient_id", "url")
        )
        new = [notice for notice in wanted if (notice.recipient_id, notice.url) not in told]
        notify_many(notices=new)
    return len(new)


def finish(*, subject: str | Iterable[str], recipient: User | None = None) -> int:
    """The thing is done: every open notice about it (`subject`, one key or several) is marked
    done, for everyone who got one, in one UPDATE; returns how many.

    Called by the service that completes the thing, inside its transaction, whoever of those
    entitled did it. `recipient` limits it to her own notices, where each of several people does
    her own part of one thing (each signs a review).
    """
    keys = [key for key in ([subject] if isinstance(subject, str) else subject) if key]
    if not keys:
        return 0
    notices = Notification.objects.filter(subject__in=keys, done_at__isnull=True)
    if recipient is not None:
        notices = notices.filter(recipient_id=recipient.pk)
    return notices.update(done_at=timezone.now())


@transaction.atomic
def notification_read(*, notification: Notification, user: User) -> Notification:
    """Mark one of the person's own notices as read (again is harmless)."""
    policies.require(user, policies.CHANGE, notification)
    if notification.read_at is None:
        notification.read_at = timezone.now()
        notification.save(update_fields=["read_at"])
    return notification


@transaction.atomic
def notifications_read_all(*, user: User) -> int:
    """Mark every unread notice of the person as read; returns how many."""
    if not access.has_own_notices(user):
        raise NotAllowed("mark notices read")
    own = policies.allowed(user, Notification, policies.CHANGE)
    return own.filter(read_at__isnull=True).update(read_at=timezone.now())


@transaction.atomic
def notification_settings_update(
    *, user: User, in_app: Collection[str], email: Collection[str]
) -> list[NotificationSetting]:
    """Save the person's choice for every kind: the kinds in `in_app` show in SMILE, those in
    `email` come by e-mail. A kind in neither is switched off. Unknown kinds are refused."""
    if not access.has_own_notices(user):
        raise NotAllowed("change notification settings")
    unknown = (set(in_app) | set(email)) - set(Kind.values)
    if unknown:
        raise ApplicationError(_("Please choose only from the list."))
    own = policies.allowed(user, NotificationSetting, policies.CHANGE)
    existing = {s.kind: s for s in own.select_for_update()}
    saved = []
    for kind in Kind.values:
        setting = existing.get(kind) or NotificationSetting(user=user, kind=kind)
        setting.in_app = kind in in_app
        setting.email = kind in email
        setting.full_clean()
        setting.save()
        saved.append(setting)
    return saved
