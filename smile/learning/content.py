"""Content in the adept's language: which version of a text a reader gets, and writing versions.

The texts staff write for adepts have a column per language (smile/learning/translation.py). The
Swedish one is the source every text has; a reader gets her language's version, or the Swedish
text marked "Not yet in your language" (`shown`). Writers always name the columns
(`set_versions`), so what a person types never lands in whatever language her page is in, and
they save in Swedish (`save_in_source`), so the plain column the library keeps beside the versions
holds the Swedish text too: lists and joins through it read Swedish, like every list does.
"""

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import cache
from typing import Any

from django.conf import settings
from django.db.models import Model
from django.utils import translation
from modeltranslation.translator import NotRegistered, translator
from modeltranslation.utils import build_localized_fieldname

from smile.core import texts

SOURCE: str = settings.MODELTRANSLATION_DEFAULT_LANGUAGE  # Swedish


@dataclass(frozen=True)
class Language:
    code: str
    local: str  # its own name, as those who read it write it
    rtl: bool

    @property
    def dir(self) -> str:
        return "rtl" if self.rtl else "ltr"


@cache
def _languages(codes: tuple[str, ...]) -> tuple[Language, ...]:
    found = []
    for code in codes:
        info = translation.get_language_info(code)
        found.append(Language(code=code, local=info["name_local"], rtl=bool(info["bidi"])))
    return tuple(found)


def languages() -> list[Language]:
    """Every language of SMILE, Swedish first (the order of `settings.LANGUAGES`)."""
    return list(_languages(tuple(codes())))


def other_languages() -> list[Language]:
    """The languages a Swedish text can have a version in."""
    return [language for language in languages() if language.code != SOURCE]


def codes() -> list[str]:
    return texts.language_codes()


def language_of(code: str) -> Language | None:
    return next((language for language in languages() if language.code == code), None)


def languages_named(language_codes: Iterable[str]) -> list[Language]:
    """The languages of these codes, in SMILE's order (unknown codes left out)."""
    wanted = set(language_codes)
    return [language for language in languages() if language.code in wanted]


def column(field: str, code: str) -> str:
    """`column("title", "ar")` is "title_ar"."""
    return build_localized_fieldname(field, code)


def translated_fields(model: type[Model]) -> tuple[str, ...]:
    """The fields of `model` with a version per language."""
    try:
        return tuple(translator.get_options_for_model(model).get_field_names())
    except NotRegistered:
        return ()


def reader_language() -> str:
    """The language of the page being made (one of SMILE's; Swedish when unsure)."""
    return texts.page_language()


def version(obj: Model, field: str, code: str) -> str:
    """The text in one language exactly as written ("" when there is no such version)."""
    return getattr(obj, column(field, code)) or ""


def source(obj: Model, field: str) -> str:
    return version(obj, field, SOURCE)


@dataclass(frozen=True)
class Shown:
    """The text a reader gets: `lang` is the language it is in; `fallback` is true when it is
    the Swedish source shown for lack of a version in the reader's language."""

    text: str
    lang: str
    fallback: bool

    @property
    def dir(self) -> str:
        found = language_of(self.lang)
        return found.dir if found else "ltr"

    def __str__(self) -> str:
        return self.text


def shown(obj: Model, field: str, language: str | None = None) -> Shown:
    """The version in `language` (the page's, by default), else the Swedish source."""
    code = language or reader_language()
    text = version(obj, field, code)
    if text:
        return Shown(text=text, lang=code, fallback=False)
    text = source(obj, field)
    return Shown(text=text, lang=SOURCE, fallback=bool(text) and code != SOURCE)


def missing(obj: Model, field: str, language_codes: Iterable[str]) -> list[str]:
    """Of `language_codes`, those with no version of a text that has a Swedish one."""
    if not source(obj, field):
        return []
    return [code for code in language_codes if code != SOURCE and not version(obj, field, code)]


def set_versions(
    obj: Model,
    sources: Mapping[str, str],
    translations: Mapping[str, str | None] | None = None,
) -> None:
    """Write the Swedish texts (`{"title": ...}`) and, when given, the other languages' versions
    (`{"title_ar": ...}`: a missing or empty one is no version). Leading and trailing spaces go.

    `translations` names only columns of the model's translated fields; a version left out of
    it is kept as it is, so a caller that knows nothing of translations changes none."""
    allowed = {
        column(field, language.code)
        for field in translated_fields(type(obj))
        for language in other_languages()
    }
    for field, text in sources.items():
        setattr(obj, column(field, SOURCE), text.strip())
    for key, version_text in (translations or {}).items():
        if key not in allowed:
            raise ValueError(f"{key} is not a translated column of {type(obj).__name__}")
        setattr(obj, key, (version_text or "").strip() or None)


def check_languages(chosen: Iterable[str]) -> list[str]:
    """The languages marked "to check", in SMILE's order, without Swedish or unknown codes."""
    wanted = set(chosen)
    return [language.code for language in other_languages() if language.code in wanted]


def save_in_source(obj: Model, **kwargs: Any) -> None:
    """Save with Swedish active: the plain column beside the versions then holds the Swedish
    text, not the version of whatever language the writer's page is in."""
    with translation.override(SOURCE):
        obj.save(**kwargs)


def full_clean_in_source(obj: Model, **kwargs: Any) -> None:
    """`full_clean` with Swedish active (the plain field is then checked as the Swedish text)."""
    with translation.override(SOURCE):
        obj.full_clean(**kwargs)
