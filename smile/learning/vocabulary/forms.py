"""Forms of the words of the trade: one word with its translations, an import file, an answer."""

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from smile.core.spreadsheets import upload_field
from smile.learning.models import Term
from smile.learning.vocabulary.languages import LANGUAGES, Language
from smile.learning.vocabulary.services import MAX_EXPLANATION, MAX_SWEDISH, MAX_TRANSLATION


class TermForm(forms.Form):
    swedish = forms.CharField(
        label=_("Word or phrase in Swedish"),
        max_length=MAX_SWEDISH,
        widget=forms.TextInput(attrs={"lang": "sv", "dir": "ltr"}),
    )
    explanation = forms.CharField(
        label=_("Explanation in plain Swedish"),
        max_length=MAX_EXPLANATION,
        required=False,
        widget=forms.Textarea(attrs={"lang": "sv", "dir": "ltr", "rows": 3}),
    )
    picture = forms.FileField(
        label=_("Picture"),
        required=False,
        help_text=_("A JPEG or PNG photo under 10 MB."),
        widget=forms.ClearableFileInput(attrs={"accept": "image/jpeg,image/png"}),
    )
    remove_picture = forms.BooleanField(label=_("Remove the picture"), required=False)

    def __init__(self, *args: Any, term: Term | None = None, **kwargs: Any) -> None:
        if term is not None and "initial" not in kwargs:
            kwargs["initial"] = {
                "swedish": term.swedish,
                "explanation": term.explanation,
                **{f"tr_{code}": text for code, text in (term.translations or {}).items()},
            }
        super().__init__(*args, **kwargs)
        for language in LANGUAGES:
            self.fields[f"tr_{language.code}"] = forms.CharField(
                label=language.local,
                max_length=MAX_TRANSLATION,
                required=False,
                widget=forms.TextInput(attrs={"lang": language.code, "dir": language.dir}),
            )
        if term is None or not term.picture:
            del self.fields["remove_picture"]
        self.picture_field = self["picture"]
        self.remove_field = self["remove_picture"] if "remove_picture" in self.fields else None

    @property
    def language_fields(self) -> list[tuple[forms.BoundField, Language]]:
        return [(self[f"tr_{language.code}"], language) for language in LANGUAGES]

    def translations(self) -> dict[str, str]:
        return {
            language.code: self.cleaned_data.get(f"tr_{language.code}", "")
            for language in LANGUAGES
        }


class TermImportForm(forms.Form):
    file = upload_field(
        label=_("File with words (CSV or Excel)"),
        help_text=_(
            "The first row names the columns: swedish (required), explanation, and one column "
            "per language: ar, uk, ti, so, prs, fa, en. A row with a word that is already in "
            "the list changes it; a column you leave out keeps its values."
        ),
    )
