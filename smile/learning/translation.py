"""What staff write for adepts to read, in every language of SMILE (django-modeltranslation).

Each field named here gets a column per language of `settings.LANGUAGES` beside it (`title_sv`,
`title_ar`, ...), read with the row, so no page asks the database more than before. The Swedish
column is the source and, like the field before it, never NULL; another language's column is NULL
until someone writes that version. Reading `task.title` gives the reader's language, or the
Swedish text when there is none yet: `smile.learning.content.shown` tells which, so pages can mark
it. Writes name the columns (`smile.learning.content.set_versions`), and a row made with the plain
names (`Unit(name=...)`, `Unit.objects.create(name=...)`) is written in Swedish.

modeltranslation finds this module by its name, once the apps are ready.
"""

from collections.abc import Iterable
from functools import wraps
from typing import Any

from django.db.models import Model
from modeltranslation.translator import TranslationOptions, register
from modeltranslation.utils import build_localized_fieldname

from smile.learning.content import SOURCE
from smile.learning.models import Curriculum, Objective, Review, Unit, WorkplaceTask

# The Swedish column keeps the NOT NULL of the field it comes from.
_SOURCE_NOT_NULL: dict[str, dict[str, object]] = {SOURCE: {"null": False}}


def _source_not_null(*fields: str) -> dict[str, dict[str, dict[str, object]]]:
    return {field: _SOURCE_NOT_NULL for field in fields}


@register(Curriculum)
class CurriculumTranslation(TranslationOptions):
    fields = ("name", "description")
    field_options = _source_not_null(*fields)


@register(Unit)
class UnitTranslation(TranslationOptions):
    fields = ("name",)
    field_options = _source_not_null(*fields)


@register(Objective)
class ObjectiveTranslation(TranslationOptions):
    fields = ("text",)
    field_options = _source_not_null(*fields)


@register(WorkplaceTask)
class WorkplaceTaskTranslation(TranslationOptions):
    fields = ("title", "location", "tools", "safety_notes")
    field_options = _source_not_null(*fields)


@register(Review)
class ReviewTranslation(TranslationOptions):
    # What the adept reads of a review and acts on; the notes stay as written.
    fields = ("next_steps",)
    field_options = _source_not_null(*fields)


def _made_in_swedish(model: type[Model], fields: Iterable[str]) -> None:
    """Make `model(title=...)` fill the Swedish column, whatever language is active.

    modeltranslation puts a plain name given to the constructor into the active language's
    column: an import run from an English page, or a test (tests speak English), would write
    Swedish texts as English versions and leave the Swedish source empty. The plain names are
    handed on as the Swedish columns' names instead; reading them still gives the reader's
    language."""
    made = model.__init__
    names = tuple(fields)

    @wraps(made)
    def __init__(self: Model, *args: Any, **kwargs: Any) -> None:
        for name in names:
            if name in kwargs:
                kwargs.setdefault(build_localized_fieldname(name, SOURCE), kwargs.pop(name))
        made(self, *args, **kwargs)

    model.__init__ = __init__  # type: ignore[method-assign]


for _model, _options in (
    (Curriculum, CurriculumTranslation),
    (Unit, UnitTranslation),
    (Objective, ObjectiveTranslation),
    (WorkplaceTask, WorkplaceTaskTranslation),
    (Review, ReviewTranslation),
):
    _made_in_swedish(_model, _options.fields)
