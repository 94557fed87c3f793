"""The statements and the answer scale, each with a simple pictogram drawn here (inline SVG,
aria-hidden: the words beside it carry the meaning)."""

from dataclasses import dataclass

from django.utils.functional import Promise
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class Statement:
    code: str
    text: Promise
    icon: SafeString


def _svg(body: str) -> SafeString:
    return mark_safe(  # noqa: S308 — constant drawings written here, no input.
        '<svg class="pictogram" aria-hidden="true" focusable="false" viewBox="0 0 48 48" '
        'width="48" height="48" fill="none" stroke="currentColor" stroke-width="3" '
        f'stroke-linecap="round" stroke-linejoin="round">{body}</svg>'
    )


STATEMENTS: list[Statement] = [
    Statement(
        "welcome",
        _("I feel welcome at my workplace"),
        _svg('<path d="M8 22 24 8l16 14"/><path d="M12 19v21h24V19"/><path d="M21 40V29h6v11"/>'),
    ),
    Statement(
        "help",
        _("I can ask for help when I need it"),
        _svg(
            '<circle cx="24" cy="24" r="17"/><path d="M19 19a5 5 0 1 1 7 5c-2 1-2 2-2 5"/>'
            '<circle cx="24" cy="34" r="1"/>'
        ),
    ),
    Statement(
        "expected",
        _("I understand what is expected of me"),
        _svg(
            '<rect x="11" y="7" width="26" height="34" rx="3"/><path d="m17 18 3 3 6-6"/>'
            '<path d="M17 30h14"/>'
        ),
    ),
    Statement(
        "colleagues",
        _("My colleagues talk with me"),
        _svg('<path d="M6 10h22v14H16l-6 5v-5H6z"/><path d="M32 18h10v14h-4v5l-6-5H22v-4"/>'),
    ),
    Statement(
        "fair",
        _("I am treated fairly"),
        _svg('<path d="M24 7v34M14 41h20M10 13h28"/><path d="m10 13-5 12h10zM38 13l-5 12h10z"/>'),
    ),
]
CODES = [statement.code for statement in STATEMENTS]

_MOUTHS = {
    1: "M16 34q8-8 16 0",
    2: "M16 33q8-4 16 0",
    3: "M16 31h16",
    4: "M16 30q8 4 16 0",
    5: "M15 29q9 9 18 0",
}

SCALE: list[tuple[int, Promise, SafeString]] = [
    (
        value,
        label,
        _svg(
            '<circle cx="24" cy="24" r="19"/><circle cx="17" cy="19" r="1.5"/>'
            f'<circle cx="31" cy="19" r="1.5"/><path d="{_MOUTHS[value]}"/>'
        ),
    )
    for value, label in [
        (1, _("Not at all")),
        (2, _("Not much")),
        (3, _("Partly")),
        (4, _("Mostly")),
        (5, _("Fully")),
    ]
]
