"""`{{ name|bdi }}`: a name, title or other text people wrote, isolated from the sentence around
it, so a Swedish name inside an Arabic line keeps its own order (and the line its own). Made for
the values handed to `{% blocktranslate with name=person.full_name|bdi %}`, which keeps the
translated sentence as it is. A builtin (settings TEMPLATES), so no `{% load %}` is needed."""

from django import template
from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe

register = template.Library()


@register.filter
def bdi(value: object) -> SafeString:
    if value is None or value == "":
        return mark_safe("")
    return format_html("<bdi>{}</bdi>", value)
