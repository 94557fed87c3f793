"""Names inside translated sentences are isolated, and still escaped."""

from django.template import Context, Template
from django.utils import translation


def _render(source: str, **context: object) -> str:
    return Template(source).render(Context(context))


def test_a_name_in_a_translated_sentence_is_isolated_and_escaped() -> None:
    source = (
        "{% load i18n %}{% blocktranslate with a=first|bdi b=second|bdi %}"
        "{{ a }} and {{ b }}{% endblocktranslate %}"
    )
    with translation.override("en"):
        html = _render(source, first="Bob Berg", second="<Dana>")
    assert html == "<bdi>Bob Berg</bdi> and <bdi>&lt;Dana&gt;</bdi>"


def test_nothing_gives_nothing() -> None:
    assert _render("[{{ name|bdi }}]", name=None) == "[]"
    assert _render("[{{ name|bdi }}]", name="") == "[]"
