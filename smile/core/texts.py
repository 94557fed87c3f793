"""Text people write to each other (meeting notes, things to do, support messages), kept with the
language it is written in, and translated by machine when a reader asks.

- A model keeps the language beside the text with `language_field()` (or the `WrittenIn` mixin);
  its service sets it with `writer_language(chosen)`: her choice on the form, else the language
  she is using SMILE in.
- A page shows the text with `{% written text language %}` (the element carries `lang` and
  `dir="auto"`) and offers a translation with `{% translation_link "source" pk language %}`
  (template library `texts`).
- Each domain registers its texts with `register(name, Model, text=...)`: the translation view
  loads the record through the domain's access policy (`policies.load`), so a translation shows
  nothing its reader could not read already.
- The translation comes from the LibreTranslate an operator runs (TRANSLATION_SERVICE_URL; none by
  default, and then no page offers one). It is kept in the cache, encrypted, under a keyed hash of
  the text and the two languages; the service's failures become a sentence in the reader's
  language, never an error page.
"""

import logging
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from django import forms
from django.conf import settings
from django.core.cache import cache
from django.db import models
from django.db.models import Model
from django.urls import reverse
from django.utils.crypto import salted_hmac
from django.utils.functional import Promise
from django.utils.translation import get_language, get_language_info, gettext_lazy
from django.utils.translation import gettext as _

from smile.core.actor import AnyUser
from smile.core.policies import VIEW
from smile.lib import translate as libretranslate
from smile.lib.crypto import DecryptionError, decrypt_json, encrypt_json

if TYPE_CHECKING:  # a name of django-stubs: a str or a lazily translated one
    from django.utils.functional import _StrOrPromise as Label
else:
    Label = str | Promise

logger = logging.getLogger(__name__)

LANGUAGE_MAX_LENGTH = 8
# SMILE's languages as LibreTranslate names them: Dari is written and translated as Persian.
SERVICE_CODES = {"prs": "fa"}
TIMEOUT_SECONDS = 5.0
# A translation does not change; the list of the service's languages may, when it is upgraded.
CACHE_SECONDS = 60 * 60 * 24 * 7
LANGUAGES_CACHE_SECONDS = 60 * 60


# --- the language of a text -------------------------------------------------------------------


def language_codes() -> list[str]:
    return [code for code, _name in settings.LANGUAGES]


WRITTEN_IN = gettext_lazy("written in")


def language_field(verbose_name: Label = WRITTEN_IN) -> models.CharField:
    """The language a text is written in: one of SMILE's languages, or "" where it is not known
    (texts written before SMILE kept it)."""
    return models.CharField(
        verbose_name,
        max_length=LANGUAGE_MAX_LENGTH,
        choices=settings.LANGUAGES,
        blank=True,
        default="",
    )


class WrittenIn(models.Model):
    """For a model whose one text between people is written in one language."""

    language = language_field()

    class Meta:
        abstract = True


def page_language() -> str:
    """The language of the page being made, as one of SMILE's codes ("ar" for "ar-SY"; the
    default language when it is none of them)."""
    codes = language_codes()
    active = get_language() or settings.LANGUAGE_CODE
    if active in codes:
        return active
    base = active.split("-")[0]
    return base if base in codes else settings.LANGUAGE_CODE


def writer_language(chosen: str = "") -> str:
    """The language a text is stored with: the writer's choice when it is one of SMILE's, else
    the language she uses SMILE in now."""
    return chosen if chosen in language_codes() else page_language()


def language_choices() -> list[tuple[str, str]]:
    """SMILE's languages, each named in itself: a writer finds her own whatever the page's."""
    return [(code, get_language_info(code)["name_local"]) for code in language_codes()]


def language_form_field(label: Label) -> forms.ChoiceField:
    """The form's choice of the language a text is written in; left empty, the service takes the
    writer's (set `initial` to `writer_language()` when the form is made)."""
    return forms.ChoiceField(label=label, choices=language_choices(), required=False)


def language_name(code: str) -> str:
    """The language's name in the reader's language ("" for a text of unknown language)."""
    names = dict(settings.LANGUAGES)
    return str(names[code]) if code in names else ""


# --- translating ------------------------------------------------------------------------------


@dataclass(frozen=True)
class Translation:
    """The text in the reader's language, or the sentence that says why there is none."""

    text: str = ""
    language: str = ""
    error: str = ""


def service_configured() -> bool:
    return bool(getattr(settings, "TRANSLATION_SERVICE_URL", ""))


def service_code(code: str) -> str:
    return SERVICE_CODES.get(code, code)


def can_translate(language: str, reader_language: str | None = None) -> bool:
    """Whether a reader is offered a translation of a text in `language`: a service is
    configured and the text is not in her language already."""
    if not service_configured():
        return False
    reader = service_code(writer_language(reader_language or ""))
    return not language or service_code(language) != reader


def _cache_key(kind: str, value: str) -> str:
    # Keyed, so the cache's keys do not tell which texts were translated.
    digest = salted_hmac("smile.core.texts", value, algorithm="sha256").hexdigest()
    return f"smile:translation:{kind}:{digest}"


def _service_languages() -> dict[str, set[str]]:
    url = settings.TRANSLATION_SERVICE_URL
    key = _cache_key("languages", url)
    found: dict[str, set[str]] | None = cache.get(key)
    if found is None:
        found = libretranslate.languages(url=url, timeout=TIMEOUT_SECONDS)
        cache.set(key, found, LANGUAGES_CACHE_SECONDS)
    return found


def _check_languages(source: str, target: str) -> None:
    available = _service_languages()
    if source == libretranslate.AUTO:
        if target not in available:
            raise libretranslate.LanguageNotAvailable(target)
    elif target not in available.get(source, set()):
        raise libretranslate.LanguageNotAvailable(f"{source} → {target}")


def machine_translate(text: str, *, source: str, target: str) -> Translation:
    """`text`, written in `source` ("" if not known), translated into `target`."""
    into = service_code(writer_language(target))
    origin = service_code(source) if source else libretranslate.AUTO
    if origin == into:
        return Translation(error=_("This text is already in your language."))
    if not service_configured():
        return Translation(error=_("Machine translation is not available."))
    key = _cache_key("text", f"{origin}\0{into}\0{text}")
    kept = cache.get(key)
    if isinstance(kept, str):
        try:
            return Translation(text=str(decrypt_json(kept)), language=into)
        except DecryptionError:
            pass  # kept under a key that has been rotated away: translate again
    try:
        _check_languages(origin, into)
        translated = libretranslate.translate(
            text,
            source=origin,
            target=into,
            url=settings.TRANSLATION_SERVICE_URL,
            api_key=getattr(settings, "TRANSLATION_SERVICE_KEY", ""),
            timeout=TIMEOUT_SECONDS,
        )
    except libretranslate.LanguageNotAvailable:
        return Translation(error=_("Machine translation is not available for this language."))
    except libretranslate.ServiceUnavailable as error:
        logger.warning("The translation service failed: %s", error)
        return Translation(
            error=_("The translation service does not answer just now. Please try again later.")
        )
    # Encrypted: the texts can be special-category data, and the cache may be a database table.
    cache.set(key, encrypt_json(translated), CACHE_SECONDS)
    return Translation(text=translated, language=into)


# --- which texts can be translated, and who may ------------------------------------------------


@dataclass(frozen=True)
class Written:
    text: str
    language: str


@dataclass(frozen=True)
class Source:
    """A kind of text: the model that holds it, and how a reader who may load the record reads
    its text (`None`: this reader may load the record but not read that text)."""

    model: type[Model]
    text: Callable[[AnyUser, Any], Written | None]
    to: str = VIEW
    related: tuple[str, ...] = ()


_SOURCES: dict[str, Source] = {}


def register(
    name: str,
    model: type[Model],
    *,
    text: Callable[[AnyUser, Any], Written | None],
    to: str = VIEW,
    related: tuple[str, ...] = (),
) -> None:
    """`register("meeting-log-notes", MeetingLog, text=notes_of)`; `to` is the policy's action
    that lets a person load the record (view by default)."""
    _SOURCES[name] = Source(model=model, text=text, to=to, related=related)


def source(name: str) -> Source | None:
    return _SOURCES.get(name)


def translation_url(name: str, pk: object) -> str:
    return reverse("core:translation", args=[name, pk])
