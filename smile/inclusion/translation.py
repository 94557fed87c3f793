"""The onboarding steps' titles in every language of SMILE (django-modeltranslation), as the
learning tasks: the Swedish column is the source and never NULL; another language's column is
NULL until someone writes that version (the default steps come in every language)."""

from django.conf import settings
from modeltranslation.translator import TranslationOptions, register

from smile.inclusion.models import ChecklistItem, TemplateItem

_SOURCE_NOT_NULL: dict[str, dict[str, object]] = {
    settings.MODELTRANSLATION_DEFAULT_LANGUAGE: {"null": False}
}


@register(TemplateItem)
class TemplateItemTranslation(TranslationOptions):
    fields = ("title",)
    field_options = {"title": _SOURCE_NOT_NULL}


@register(ChecklistItem)
class ChecklistItemTranslation(TranslationOptions):
    fields = ("title",)
    field_options = {"title": _SOURCE_NOT_NULL}
