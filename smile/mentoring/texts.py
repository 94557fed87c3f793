"""The texts of mentoring a reader may have translated by machine (see `smile.core.texts`): the
notes of a meeting log, the things to do, the adept's note on her life situation and the messages
of a support request. Each is loaded through mentoring's access policy, and each reader gets only
the text she may read on the page: the notes only where `can_read_notes`, the life note only in
her capacity as a reader of it (and logged, as reading it on the page is)."""

from smile.accounts.models import User
from smile.core import texts
from smile.core.actor import AnyUser, person
from smile.core.texts import Written
from smile.mentoring import access
from smile.mentoring.life import services as life
from smile.mentoring.models import ActionItem, LifeSituationCheckIn, MeetingLog, SupportMessage


def _reader(user: AnyUser) -> User | None:
    found = person(user)
    return found if isinstance(found, User) else None


def log_notes(user: AnyUser, log: MeetingLog) -> Written | None:
    if not access.can_read_notes(user, log):
        return None
    return Written(log.notes, log.language)


def action_item_title(user: AnyUser, item: ActionItem) -> Written:
    return Written(item.title, item.language)


def life_note(user: AnyUser, checkin: LifeSituationCheckIn) -> Written | None:
    reader = _reader(user)
    note = life.life_note_read(checkin=checkin, reader=reader) if reader else None
    return Written(note, checkin.language) if note else None


def support_message(user: AnyUser, message: SupportMessage) -> Written | None:
    reader = _reader(user)
    if reader is None:
        return None
    return Written(life.support_message_read(message=message, reader=reader), message.language)


def register() -> None:
    texts.register("meeting-log-notes", MeetingLog, text=log_notes, related=("pair",))
    texts.register("action-item", ActionItem, text=action_item_title)
    texts.register(
        "life-note",
        LifeSituationCheckIn,
        text=life_note,
        related=("enrolment__user", "followed_up_by"),
    )
    texts.register(
        "support-message",
        SupportMessage,
        text=support_message,
        related=("request__enrolment__user",),
    )
