"""The languages a word of the trade is translated into: the adepts' languages and English."""

from dataclasses import dataclass

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class Language:
    code: str
    local: str  # the language's own name, shown to those who read it
    name: Promise  # its name in the reader's language
    rtl: bool

    @property
    def dir(self) -> str:
        return "rtl" if self.rtl else "ltr"


LANGUAGES: tuple[Language, ...] = (
    Language("ar", "العربية", _("Arabic"), True),
    Language("uk", "Українська", _("Ukrainian"), False),
    Language("ti", "ትግርኛ", _("Tigrinya"), False),
    Language("so", "Soomaali", _("Somali"), False),
    Language("prs", "دری", _("Dari"), True),
    Language("fa", "فارسی", _("Persian"), True),
    Language("en", "English", _("English"), False),
)
CODES: tuple[str, ...] = tuple(language.code for language in LANGUAGES)
BY_CODE: dict[str, Language] = {language.code: language for language in LANGUAGES}
