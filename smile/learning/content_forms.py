"""Editing a text and its versions in other languages side by side.

A form lists the fields that have a version per language (`translated`). The Swedish field keeps
its name, its place and its rules (required as before); for every other language the form gets
an optional field per text, named after the column (`title_ar`), labelled with the text's label and
the language's own name, and typed in that language's direction. `languages_to_check` adds, per
language, a box for "this version is a machine translation or not yet checked".

The cleaned data hands the services `translations` (column → text) and, with the boxes,
`languages_to_check`, so a view passes `**form.cleaned_data` on as before.
"""

import copy
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from django import forms
from django.db.models import Model
from django.utils import translation
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from smile.learning import content


@dataclass
class LanguageGroup:
    """One language's fields, for the template: a collapsed <details> each."""

    language: content.Language
    fields: list[forms.BoundField]
    check: forms.BoundField | None
    written: int  # how many of its texts have a version
    open: bool  # shown open: one of its fields has an error


# For the type checker the mixin is a form; at run time it stands before the form class.
if TYPE_CHECKING:
    _Form = forms.BaseForm
else:
    _Form = object


class TranslatedFormMixin(_Form):
    """For a form (or model form) whose `translated` fields get a version per language."""

    translated: tuple[str, ...] = ()
    languages_to_check = False  # whether to offer the "to check" box per language

    def add_languages(self, obj: Model | None) -> None:
        """Add the other languages' fields, filled from `obj` (the text being edited)."""
        if obj is not None and obj.pk:
            for name in self.translated:
                # A model form reads the plain field, which is the reader's language: the
                # Swedish field edits the Swedish text.
                self.initial[name] = content.source(obj, name)
        to_check = set(getattr(obj, "languages_to_check", None) or [])
        for language in content.other_languages():
            for name in self.translated:
                key = content.column(name, language.code)
                field = copy.deepcopy(self.fields[name])
                field.required = False
                field.help_text = ""
                field.label = format_html(
                    '{} <span lang="{}" dir="{}">({})</span>',
                    self.fields[name].label,
                    language.code,
                    language.dir,
                    language.local,
                )
                field.widget.attrs.update({"lang": language.code, "dir": language.dir})
                self.fields[key] = field
                if obj is not None and obj.pk:
                    self.initial[key] = content.version(obj, name, language.code)
            if self.languages_to_check:
                self.fields[f"to_check_{language.code}"] = forms.BooleanField(
                    label=_("Machine translation or not checked yet: to be checked"),
                    required=False,
                    initial=language.code in to_check,
                )

    def _version_keys(self) -> list[str]:
        return [
            content.column(name, language.code)
            for language in content.other_languages()
            for name in self.translated
        ]

    def main_fields(self) -> list[forms.BoundField]:
        """The visible fields other than the versions in other languages."""
        others = set(self._version_keys())
        others |= {f"to_check_{language.code}" for language in content.other_languages()}
        return [field for field in self.visible_fields() if field.name not in others]

    def language_groups(self) -> list[LanguageGroup]:
        groups = []
        for language in content.other_languages():
            bound = [self[content.column(name, language.code)] for name in self.translated]
            check_name = f"to_check_{language.code}"
            check = self[check_name] if check_name in self.fields else None
            written = sum(1 for field in bound if (field.value() or "").strip())
            has_error = any(field.errors for field in bound)
            groups.append(LanguageGroup(language, bound, check, written, has_error))
        return groups

    def clean(self) -> dict[str, Any]:
        cleaned: dict[str, Any] = super().clean() or {}
        cleaned["translations"] = {key: cleaned.pop(key, "") for key in self._version_keys()}
        if self.languages_to_check:
            cleaned["languages_to_check"] = [
                language.code
                for language in content.other_languages()
                if cleaned.pop(f"to_check_{language.code}", False)
            ]
        return cleaned

    def _post_clean(self) -> None:
        # A model form copies the plain fields onto its instance: with Swedish active they land
        # in the Swedish columns, not in those of the editor's page language.
        with translation.override(content.SOURCE):
            super()._post_clean()  # type: ignore[misc]  # not in the stubs of BaseForm
