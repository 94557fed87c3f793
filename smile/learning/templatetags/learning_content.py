"""What staff wrote for adepts, in the reader's language: `{% load learning_content %}`, then

    {% in_language task "safety_notes" lines=True %}     the text, marked when it is Swedish
    {% listen task "safety_notes" %}                     a "Listen" button that reads it aloud
    {{ task|shown:"title" }}                             the plain text (for an attribute)

`in_language` gives the page language's version in a <bdi>; when there is none yet, the Swedish
text with `lang="sv" dir="ltr"` (so a screen reader speaks it as Swedish and it keeps its
direction on a right-to-left page) and the mark "Not yet in your language".
"""

from typing import Any

from django import template
from django.db.models import Model

from smile.learning import content

register = template.Library()


@register.filter
def shown(obj: Model, field: str) -> content.Shown:
    return content.shown(obj, field)


@register.inclusion_tag("learning/content/_text.html")
def in_language(obj: Model, field: str, lines: bool = False) -> dict[str, Any]:
    return {"shown": content.shown(obj, field), "lines": lines}


@register.inclusion_tag("learning/content/_listen.html")
def listen(obj: Model, field: str) -> dict[str, Any]:
    found = content.shown(obj, field)
    # The speech of the browser wants a region for Swedish; the other languages go as they are.
    speech = "sv-SE" if found.lang == content.SOURCE else found.lang
    return {"shown": found, "speech": speech}
