"""Writes for the words of the trade: terms of a curriculum or a workplace, and practising them."""

import re
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import F
from django.utils.translation import gettext as _

from smile.accounts.models import User
from smile.core import policies
from smile.core.errors import ApplicationError
from smile.learning.media import picture_problem, save_picture
from smile.learning.models import Curriculum, Term, TermPractice
from smile.learning.vocabulary import selectors
from smile.learning.vocabulary.languages import CODES
from smile.lib.images import NotAPicture
from smile.organisations.models import Workplace

MAX_SWEDISH = 200
MAX_EXPLANATION = 300
MAX_TRANSLATION = 200


def clean_text(value: str) -> str:
    """One line, no doubled spaces: how a word is stored and compared."""
    return re.sub(r"\s+", " ", value or "").strip()


def check_term_fields(*, swedish: str, explanation: str, translations: dict[str, str]) -> None:
    """The rules of one term's texts, shared by the form and the import; ApplicationError."""
    if not swedish:
        raise ApplicationError(_("Write the word or phrase in Swedish."), field="swedish")
    if len(swedish) > MAX_SWEDISH:
        raise ApplicationError(
            _("Use at most %(count)d characters.") % {"count": MAX_SWEDISH}, field="swedish"
        )
    if len(explanation) > MAX_EXPLANATION:
        raise ApplicationError(
            _("Use at most %(count)d characters.") % {"count": MAX_EXPLANATION},
            field="explanation",
        )
    for code, text in translations.items():
        if code not in CODES:
            raise ApplicationError(_("“%(code)s” is not a language we know.") % {"code": code})
        if len(text) > MAX_TRANSLATION:
            raise ApplicationError(
                _("Use at most %(count)d characters.") % {"count": MAX_TRANSLATION},
                field=f"tr_{code}",
            )


def clean_translations(translations: dict[str, str]) -> dict[str, str]:
    """Only the languages that have a text, in the order of the languages."""
    cleaned = {code: clean_text(text) for code, text in translations.items()}
    unknown = [code for code in cleaned if code not in CODES]
    ordered = {code: cleaned[code] for code in CODES if cleaned.get(code)}
    ordered.update({code: cleaned[code] for code in unknown if cleaned[code]})
    return ordered


def _duplicate(
    *, curriculum: Curriculum | None, workplace: Workplace | None, swedish: str, pk: int | None
) -> bool:
    """The same word in the same list, whatever its capitals (compared in Python: SQLite's
    case-insensitive match knows only ASCII, not å, ä or ö)."""
    same = Term.objects.filter(curriculum=curriculum, workplace=workplace)
    if pk is not None:
        same = same.exclude(pk=pk)
    lowered = swedish.casefold()
    return any(word.casefold() == lowered for word in same.values_list("swedish", flat=True))


def _save(term: Term, *, picture: Any, remove_picture: bool) -> Term:
    old = term.picture.name if term.picture else ""
    if remove_picture:
        term.picture = ""
    if picture is not None:
        try:
            save_picture(term, "picture", picture)
        except NotAPicture as error:
            raise ApplicationError(picture_problem(error), field="picture") from None
    try:
        term.full_clean()
    except ValidationError as error:
        raise ApplicationError("; ".join(error.messages)) from None
    term.save()
    if old and term.picture.name != old:
        # The old file goes only once the new state is stored for good.
        storage = term.picture.storage
        transaction.on_commit(lambda: storage.delete(old))
    return term


def _fill(term: Term, *, swedish: str, explanation: str, translations: dict[str, str]) -> None:
    swedish, explanation = clean_text(swedish), clean_text(explanation)
    translations = clean_translations(translations)
    check_term_fields(swedish=swedish, explanation=explanation, translations=translations)
    if _duplicate(
        curriculum=term.curriculum,
        workplace=term.workplace,
        swedish=swedish,
        pk=term.pk,
    ):
        raise ApplicationError(
            _("“%(word)s” is already in the list.") % {"word": swedish}, field="swedish"
        )
    term.swedish = swedish
    term.explanation = explanation
    term.translations = translations


def term_create(
    *,
    actor: User,
    curriculum: Curriculum | None = None,
    workplace: Workplace | None = None,
    swedish: str,
    explanation: str = "",
    translations: dict[str, str] | None = None,
    picture: Any = None,
) -> Term:
    """A new word of a curriculum (its editors) or of a workplace (those who write its tasks)."""
    if (curriculum is None) == (workplace is None):
        raise ApplicationError(_("A word belongs to a curriculum or to a workplace."))
    if curriculum is not None and not policies.can_change(actor, curriculum):
        raise ApplicationError(_("You cannot change the words of this curriculum."))
    if workplace is not None and not selectors.can_edit_workplace_words(actor, workplace):
        raise ApplicationError(_("You cannot change the words of this workplace."))
    with transaction.atomic():
        term = Term(curriculum=curriculum, workplace=workplace)
        _fill(term, swedish=swedish, explanation=explanation, translations=translations or {})
        return _save(term, picture=picture, remove_picture=False)


def term_update(
    *,
    actor: User,
    term: Term,
    swedish: str,
    explanation: str,
    translations: dict[str, str],
    picture: Any = None,
    remove_picture: bool = False,
) -> Term:
    if not policies.can_change(actor, term):
        raise ApplicationError(_("You cannot change this word."))
    with transaction.atomic():
        _fill(term, swedish=swedish, explanation=explanation, translations=translations)
        return _save(term, picture=picture, remove_picture=remove_picture)


def term_delete(*, actor: User, term: Term) -> None:
    if not policies.can_change(actor, term):
        raise ApplicationError(_("You cannot change this word."))
    with transaction.atomic():
        picture = term.picture.name if term.picture else ""
        storage = term.picture.storage if term.picture else None
        term.delete()
        if storage is not None and picture:
            transaction.on_commit(lambda: storage.delete(picture))


def term_practise(*, user: User, term: Term, known: bool) -> TermPractice:
    """She practised the word: one more time, and whether she knew it this time."""
    if not selectors.words_for(user=user).filter(pk=term.pk).exists():
        raise ApplicationError(_("This word is not in your list."))
    with transaction.atomic():
        practice, _created = TermPractice.objects.select_for_update().get_or_create(
            user=user, term=term
        )
        practice.times = F("times") + 1
        practice.known = known
        practice.save(update_fields=["times", "known", "last_at"])
        practice.refresh_from_db(fields=["times"])
        return practice
