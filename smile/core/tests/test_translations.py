"""The catalogues under locale/ are complete, well-formed and actually used by Django."""

import ast
import re
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import django
import polib
import pytest
from django.conf import settings
from django.core.management import call_command
from django.test.signals import setting_changed
from django.utils import translation

ROOT = Path(__file__).resolve().parents[3]
LOCALE = ROOT / "locale"
TRANSLATED = ["sv", "ar", "uk", "ti", "so", "prs", "fa"]
DJANGO_DIR = Path(django.__file__).resolve().parent

# %(name)s, %s, %d, %.2f, %(value)r ...; "%%" is a literal percent sign, not a placeholder.
PLACEHOLDER = re.compile(
    r"%(?:\((?P<name>[^)]*)\))?[#0\- +]*(?:\*|\d+)?(?:\.(?:\*|\d+))?[hlL]?[diouxXeEfFgGcrsa%]"
)
# The number that picks the plural form may be left out of a form that covers a single n
# ("one adept"), as long as it is given by name: dict formatting ignores unused names.
COUNTER_NAMES = {"counter", "count", "number", "n", "num"}


def catalogue(lang: str) -> polib.POFile:
    return polib.pofile(str(LOCALE / lang / "LC_MESSAGES" / "django.po"))


def placeholders(text: str) -> Counter[str]:
    return Counter(m.group(0) for m in PLACEHOLDER.finditer(text) if m.group(0) != "%%")


def is_counter(placeholder: str) -> bool:
    match = PLACEHOLDER.fullmatch(placeholder)
    return match is not None and match["name"] in COUNTER_NAMES


def nplurals(po: polib.POFile) -> int:
    match = re.search(r"nplurals\s*=\s*(\d+)", po.metadata.get("Plural-Forms", ""))
    assert match, "Plural-Forms header without nplurals"
    return int(match.group(1))


def entry_texts(entry: polib.POEntry) -> list[str]:
    if entry.msgid_plural:
        return [entry.msgstr_plural[i] for i in sorted(entry.msgstr_plural)]
    return [entry.msgstr]


@pytest.fixture(scope="session")
def compiled() -> Iterator[None]:
    """Compile the .po files (the .mo files are not in git) and drop Django's cached catalogues."""
    call_command("compiletranslations", verbosity=0)
    # What Django's test machinery does when LOCALE_PATHS changes: forget the loaded catalogues.
    setting_changed.send(
        sender=type(settings), setting="LOCALE_PATHS", value=settings.LOCALE_PATHS, enter=False
    )
    yield


@pytest.mark.parametrize("lang", [code for code, _name in settings.LANGUAGES])
def test_every_language_in_settings_has_a_catalogue_with_a_proper_header(lang: str) -> None:
    po = catalogue(lang)
    assert not po.metadata_is_fuzzy, "the header is marked fuzzy: msgfmt would drop it"
    assert po.metadata.get("Language") == lang
    assert po.metadata.get("Content-Type") == "text/plain; charset=UTF-8"
    assert nplurals(po) >= 1
    assert "plural=" in po.metadata["Plural-Forms"]


@pytest.mark.parametrize("lang", TRANSLATED)
def test_catalogue_is_fully_translated_and_not_fuzzy(lang: str) -> None:
    po = catalogue(lang)
    assert [e.msgid for e in po.untranslated_entries()] == []
    assert [e.msgid for e in po.fuzzy_entries()] == []
    assert len(po) > 0


@pytest.mark.parametrize("lang", TRANSLATED)
def test_plural_entries_have_every_form_of_the_language(lang: str) -> None:
    po = catalogue(lang)
    n = nplurals(po)
    plurals = [entry for entry in po if entry.msgid_plural]
    # The catalogue has plural messages ("Notifications, {count} unread"): a loop over none
    # would check nothing.
    assert len(plurals) >= 1
    for entry in plurals:
        assert sorted(entry.msgstr_plural) == list(range(n)), entry.msgid
        assert all(text.strip() for text in entry.msgstr_plural.values()), entry.msgid


@pytest.mark.parametrize("lang", TRANSLATED)
def test_placeholders_match_the_source(lang: str) -> None:
    problems = []
    for entry in catalogue(lang):
        source = placeholders(entry.msgid)
        if entry.msgid_plural:
            allowed = set(source) | set(placeholders(entry.msgid_plural))
            needed = {p for p in placeholders(entry.msgid_plural) if not is_counter(p)}
            for text in entry_texts(entry):
                found = placeholders(text)
                if set(found) - allowed or needed - set(found):
                    problems.append((entry.msgid, text))
        elif placeholders(entry.msgstr) != source:
            problems.append((entry.msgid, entry.msgstr))
    assert problems == []


@pytest.mark.parametrize("lang", TRANSLATED)
def test_leading_and_trailing_newlines_follow_the_source(lang: str) -> None:
    problems = []
    for entry in catalogue(lang):
        for text in entry_texts(entry):
            if entry.msgid.startswith("\n") != text.startswith("\n") or entry.msgid.endswith(
                "\n"
            ) != text.endswith("\n"):
                problems.append(entry.msgid)
    assert problems == []


def test_english_catalogue_leaves_msgstr_empty() -> None:
    """The msgids are English: empty msgstr makes gettext return the msgid itself."""
    po = catalogue("en")
    assert [e.msgid for e in po if e.msgstr or any(e.msgstr_plural.values())] == []


def _django_strings() -> list[str]:
    tree = ast.parse((ROOT / "smile" / "core" / "django_strings.py").read_text())
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name):
            count = 2 if node.func.id == "ngettext_lazy" else 1
            for arg in node.args[:count]:
                assert isinstance(arg, ast.Constant) and isinstance(arg.value, str)
                found.append(arg.value)
    return found


def test_django_strings_are_django_msgids_and_in_our_catalogues() -> None:
    """A Django upgrade that rewords a message shows up here, not as an English error."""
    ours = _django_strings()
    assert len(ours) > 30
    django_msgids: set[str] = set()
    for path in DJANGO_DIR.glob("**/locale/en/LC_MESSAGES/django.po"):
        for entry in polib.pofile(str(path)):
            django_msgids.update({entry.msgid, entry.msgid_plural} - {""})
    assert [s for s in ours if s not in django_msgids] == []
    sv = catalogue("sv")
    in_catalogue = {e.msgid for e in sv} | {e.msgid_plural for e in sv if e.msgid_plural}
    assert [s for s in ours if s not in in_catalogue] == []


@pytest.mark.usefixtures("compiled")
def test_django_uses_our_arabic_catalogue() -> None:
    expected = catalogue("ar").find("Log in")
    assert expected is not None and expected.msgstr
    with translation.override("ar"):
        assert translation.gettext("Log in") == expected.msgstr
        assert translation.gettext("Log in") != "Log in"


@pytest.mark.usefixtures("compiled")
@pytest.mark.parametrize("lang", ["ti", "so", "prs"])
def test_our_catalogue_translates_django_messages_where_django_has_none(lang: str) -> None:
    expected = catalogue(lang).find("This field is required.")
    assert expected is not None and expected.msgstr
    with translation.override(lang):
        assert translation.gettext("This field is required.") == expected.msgstr
        plural = translation.ngettext(
            "This password is too short. It must contain at least %d character.",
            "This password is too short. It must contain at least %d characters.",
            8,
        )
        assert "%d" in plural and not plural.startswith("This password")


@pytest.mark.usefixtures("compiled")
@pytest.mark.parametrize(
    ("lang", "bidi"),
    [("ar", True), ("fa", True), ("prs", True), ("ti", False), ("so", False), ("sv", False)],
)
def test_language_info_and_direction(lang: str, bidi: bool) -> None:
    info = translation.get_language_info(lang)
    assert info["code"] == lang
    assert info["name_local"]
    assert info["bidi"] is bidi
    with translation.override(lang):
        assert translation.get_language() == lang
        assert translation.get_language_bidi() is bidi
