"""Text between people on a page: `{% load texts %}`, then

    {% written log.notes log.language block=True %}      the text, marked with its language
    {% translation_link "meeting-log-notes" log.pk log.language %}   "Translate", if offered

`written` gives the element holding the text `lang` (when known) and `dir="auto"`, so a screen
reader speaks it in its language and an Arabic note reads right to left on a Swedish page.
`translation_link` shows nothing unless a translation service is configured and the text is in
another language than the reader's; the translation appears beside the original (htmx), or on a
page of its own without script.
"""

from typing import Any

from django import template
from django.utils.html import format_html, linebreaks
from django.utils.safestring import SafeString, mark_safe

from smile.core import texts

register = template.Library()


@register.simple_tag
def written(text: str, language: str, block: bool = False) -> SafeString:
    lang = format_html(' lang="{}"', language) if language in texts.language_codes() else ""
    if block:
        # linebreaks escapes the text itself before it adds its <p> and <br>.
        paragraphs = mark_safe(linebreaks(text, autoescape=True))  # noqa: S308
        return format_html('<div{} dir="auto">{}</div>', lang, paragraphs)
    return format_html('<bdi{} dir="auto">{}</bdi>', lang, text)


@register.inclusion_tag("core/_translation_link.html", takes_context=True)
def translation_link(
    context: template.Context, source: str, pk: object, language: str
) -> dict[str, Any]:
    if not texts.can_translate(language):
        return {"url": ""}
    request = context.get("request")
    back = request.get_full_path() if request is not None else ""
    return {
        "url": texts.translation_url(source, pk),
        "back": back,
        "slot": f"translation-{source}-{pk}",
    }


@register.filter
def language_name(code: str) -> str:
    """The language's name in the reader's language."""
    return texts.language_name(code)
