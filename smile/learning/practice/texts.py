"""The texts of the practice log a reader may have translated by machine (see `smile.core.texts`):
what the adept wrote she did, and her mentor's comment. Both are on the entry's page for everyone
who may see the entry (learning's access policy), so that is who may have them translated."""

from smile.core import texts
from smile.core.actor import AnyUser
from smile.core.texts import Written
from smile.learning.models import PracticeEntry

NOTE = "practice-note"
COMMENT = "practice-comment"


def practice_note(user: AnyUser, entry: PracticeEntry) -> Written:
    return Written(entry.note, entry.note_language)


def practice_comment(user: AnyUser, entry: PracticeEntry) -> Written:
    return Written(entry.mentor_comment, entry.comment_language)


def register() -> None:
    texts.register(NOTE, PracticeEntry, text=practice_note)
    texts.register(COMMENT, PracticeEntry, text=practice_comment)
