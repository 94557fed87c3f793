"""The practice log's texts between people: the adept's note and the mentor's comment are kept
with the language each is written in (her choice, else the language she uses SMILE in), the
pages mark them with it, and where a translation service is configured a reader may have them
translated beside the original, labelled as machine-made (a LibreTranslate stand-in over real
HTTP)."""

from collections.abc import Iterator
from typing import Any

import pytest
from django.core.cache import cache
from django.utils import timezone, translation

from smile.learning.models import Level, PracticeEntry, PracticeStatus
from smile.learning.practice import services
from smile.learning.tests.practice_fixtures import Practice, build_practice, other_mentor
from tests.cast import Cast
from tests.libretranslate import FakeLibreTranslate, fake_libretranslate
from tests.pages import body_of

NOTE = "قست القالب مع المعلم"
NOTE_IN_SWEDISH = "Jag mätte formen med läraren"
COMMENT = "Vilken form mätte du?"
COMMENT_IN_ARABIC = "أي قالب قستِ؟"
LABEL_SV = "Maskinöversättning – kan innehålla fel"
LABEL_AR = "ترجمة آلية — قد تحتوي على أخطاء"
HTMX = {"HX-Request": "true"}


@pytest.fixture
def practice(cast: Cast, settings, tmp_path) -> Practice:
    settings.MEDIA_ROOT = tmp_path
    settings.TRANSLATION_SERVICE_URL = ""
    return build_practice(cast)


@pytest.fixture(autouse=True)
def _empty_cache() -> Iterator[None]:
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def service(settings) -> Iterator[FakeLibreTranslate]:
    phrases = {("ar", "sv", NOTE): NOTE_IN_SWEDISH, ("sv", "ar", COMMENT): COMMENT_IN_ARABIC}
    with fake_libretranslate(phrases=phrases) as running:
        settings.TRANSLATION_SERVICE_URL = running.url
        yield running


def in_language(client: Any, language: str) -> Any:
    client.cookies["smile_language"] = language
    return client


def log(cast: Cast, *, note: str = NOTE, language: str = "") -> PracticeEntry:
    return services.practice_entry_create(
        enrolment=cast.dana_enrolment,
        by=cast.dana,
        done_on=timezone.localdate(),
        task=None,
        objective=None,
        note=note,
        photo=None,
        self_level=Level.INTRODUCED,
        language=language,
    )


def returned(cast: Cast, entry: PracticeEntry) -> PracticeEntry:
    return services.practice_return(entry=entry, by=cast.bob, comment=COMMENT, language="sv")


def entry_url(entry: PracticeEntry) -> str:
    return f"/learning/practice/{entry.pk}/"


# --- stored with its language ----------------------------------------------------------------


def test_her_note_keeps_the_language_she_chose(cast: Cast, practice: Practice) -> None:
    with translation.override("sv"):
        entry = log(cast, language="ar")
    entry.refresh_from_db()
    assert (entry.note_language, entry.comment_language) == ("ar", "")


def test_without_a_choice_her_note_takes_the_language_of_her_page(
    cast: Cast, practice: Practice
) -> None:
    with translation.override("uk"):
        entry = log(cast)
    with translation.override("ar"):
        other = log(cast, language="xx")  # not one of SMILE's: her page's language
    entry.refresh_from_db()
    other.refresh_from_db()
    assert (entry.note_language, other.note_language) == ("uk", "ar")


def test_changing_her_entry_keeps_the_language_she_chooses_then(
    cast: Cast, practice: Practice
) -> None:
    entry = log(cast, language="ar")
    services.practice_entry_update(
        entry=entry,
        by=cast.dana,
        done_on=entry.done_on,
        task=None,
        objective=None,
        note="Jag mätte formen",
        photo=None,
        self_level=Level.INTRODUCED,
        language="sv",
    )
    entry.refresh_from_db()
    assert (entry.note, entry.note_language) == ("Jag mätte formen", "sv")


def test_the_mentor_s_comment_keeps_its_language(cast: Cast, practice: Practice) -> None:
    entry = returned(cast, log(cast, language="ar"))
    entry.refresh_from_db()
    assert (entry.status, entry.comment_language) == (PracticeStatus.RETURNED, "sv")
    services.practice_entry_update(
        entry=entry,
        by=cast.dana,
        done_on=entry.done_on,
        task=None,
        objective=None,
        note=NOTE,
        photo=None,
        self_level=Level.INTRODUCED,
        language="ar",
    )
    with translation.override("ti"):
        services.practice_confirm(entry=entry, by=cast.bob, mentor_level=2, comment="ጽቡቕ")
    entry.refresh_from_db()
    assert (entry.mentor_comment, entry.comment_language) == ("ጽቡቕ", "ti")


def test_a_confirmation_without_a_comment_has_no_comment_language(
    cast: Cast, practice: Practice
) -> None:
    entry = log(cast, language="ar")
    services.practice_confirm(entry=entry, by=cast.bob, mentor_level=2, language="sv")
    entry.refresh_from_db()
    assert (entry.mentor_comment, entry.comment_language) == ("", "")


# --- the forms -------------------------------------------------------------------------------


def test_her_form_offers_the_language_and_proposes_her_page_s(
    cast: Cast, practice: Practice, login
) -> None:
    client = in_language(login(cast.dana), "ar")
    page = body_of(client.get(f"/learning/adepts/{cast.dana_enrolment.pk}/practice/new/"))
    assert '<select name="language" id="id_language">' in page
    assert '<option value="ar" selected>العربيّة</option>' in page
    data = {
        "done_on": timezone.localdate().isoformat(),
        "task": "",
        "note": NOTE,
        "language": "ar",
        "self_level": "1",
    }
    response = client.post(f"/learning/adepts/{cast.dana_enrolment.pk}/practice/new/", data)
    assert response.status_code == 302
    entry = PracticeEntry.objects.get(enrolment=cast.dana_enrolment)
    assert (entry.note, entry.note_language) == (NOTE, "ar")


def test_her_choice_wins_over_her_page_language(cast: Cast, practice: Practice, login) -> None:
    client = in_language(login(cast.dana), "sv")
    data = {
        "done_on": timezone.localdate().isoformat(),
        "note": NOTE,
        "language": "ar",
        "self_level": "1",
    }
    response = client.post(f"/learning/adepts/{cast.dana_enrolment.pk}/practice/new/", data)
    assert response.status_code == 302
    assert PracticeEntry.objects.get(enrolment=cast.dana_enrolment).note_language == "ar"


def test_the_mentor_returns_with_the_language_of_his_comment(
    cast: Cast, practice: Practice, login
) -> None:
    entry = log(cast, language="ar")
    client = in_language(login(cast.bob), "sv")
    page = body_of(client.get(entry_url(entry)))
    assert f'<select name="return-{entry.pk}-language" id="id_return-{entry.pk}-language">' in page
    data = {f"return-{entry.pk}-comment": COMMENT, f"return-{entry.pk}-language": "uk"}
    response = client.post(f"/learning/practice/{entry.pk}/return/", data)
    assert response.status_code == 302
    entry.refresh_from_db()
    assert (entry.mentor_comment, entry.comment_language) == (COMMENT, "uk")


def test_a_confirmation_from_the_list_keeps_his_page_language(
    cast: Cast, practice: Practice, login
) -> None:
    entry = log(cast, language="ar")
    client = in_language(login(cast.bob), "sv")
    data = {
        "from": "list",
        f"confirm-{entry.pk}-mentor_level": "2",
        f"confirm-{entry.pk}-comment": "Bra",
    }
    response = client.post(f"/learning/practice/{entry.pk}/confirm/", data)
    assert response.status_code == 302
    entry.refresh_from_db()
    assert (entry.status, entry.comment_language) == (PracticeStatus.CONFIRMED, "sv")


# --- marked on the pages ---------------------------------------------------------------------


def test_an_arabic_note_is_marked_arabic_on_every_page_that_shows_it(
    cast: Cast, practice: Practice, login
) -> None:
    entry = log(cast, language="ar")
    marked = f'<div lang="ar" dir="auto"><p>{NOTE}</p></div>'
    mentor = in_language(login(cast.bob), "sv")
    assert marked in body_of(mentor.get(entry_url(entry)))
    assert marked in body_of(mentor.get("/learning/practice/to-confirm/"))
    teacher = in_language(login(cast.tess), "sv")
    listing = f"/learning/adepts/{cast.dana_enrolment.pk}/practice/"
    assert marked in body_of(teacher.get(listing))
    # No service configured (the default): nothing offers a translation.
    assert "/translation/" not in body_of(teacher.get(listing))


def test_the_returned_comment_is_marked_on_her_form(cast: Cast, practice: Practice, login) -> None:
    entry = returned(cast, log(cast, language="ar"))
    page = body_of(in_language(login(cast.dana), "ar").get(f"/learning/practice/{entry.pk}/edit/"))
    assert f'<div lang="sv" dir="auto"><p>{COMMENT}</p></div>' in page
    assert '<option value="ar" selected>العربيّة</option>' in page


# --- translated by machine -------------------------------------------------------------------


def test_the_mentor_reads_her_arabic_note_in_swedish_labelled_machine_made(
    cast: Cast, practice: Practice, login, service: FakeLibreTranslate
) -> None:
    entry = log(cast, language="ar")
    client = in_language(login(cast.bob), "sv")
    url = f"/texts/practice-note/{entry.pk}/translation/"
    for page in (entry_url(entry), "/learning/practice/to-confirm/"):
        html = body_of(client.get(page))
        assert f'hx-get="{url}" hx-target="#translation-practice-note-{entry.pk}"' in html
        assert ">Översätt</a>" in html
    assert service.requests == []  # nothing is sent until he asks
    fragment = body_of(client.get(url, headers=HTMX))
    assert fragment == (
        f'<p class="muted"><small>{LABEL_SV}</small></p>\n'
        f'<div lang="sv" dir="auto"><p>{NOTE_IN_SWEDISH}</p></div>'
    )
    assert service.requests == [{"q": NOTE, "source": "ar", "target": "sv", "format": "text"}]


def test_she_reads_his_swedish_comment_in_arabic(
    cast: Cast, practice: Practice, login, service: FakeLibreTranslate
) -> None:
    entry = returned(cast, log(cast, language="ar"))
    client = in_language(login(cast.dana), "ar")
    url = f"/texts/practice-comment/{entry.pk}/translation/"
    assert f'hx-get="{url}"' in body_of(client.get(entry_url(entry)))
    assert f'hx-get="{url}"' in body_of(client.get(f"/learning/practice/{entry.pk}/edit/"))
    # Her own note is in her language: nothing to translate.
    assert "/texts/practice-note/" not in body_of(client.get(entry_url(entry)))
    fragment = body_of(client.get(url, headers=HTMX))
    assert LABEL_AR in fragment
    assert f'<div lang="ar" dir="auto"><p>{COMMENT_IN_ARABIC}</p></div>' in fragment


def test_the_translation_is_only_for_those_who_may_read_the_entry(
    cast: Cast, practice: Practice, login, service: FakeLibreTranslate
) -> None:
    entry = returned(cast, log(cast, language="ar"))
    for user in (cast.charlie, cast.mona, cast.erin, other_mentor(cast)):
        client = in_language(login(user), "sv")
        for name in ("practice-note", "practice-comment"):
            response = client.get(f"/texts/{name}/{entry.pk}/translation/", headers=HTMX)
            assert response.status_code == 404
    assert service.requests == []


def test_without_a_service_there_is_no_translation(cast: Cast, practice: Practice, login) -> None:
    entry = log(cast, language="ar")
    client = in_language(login(cast.bob), "sv")
    response = client.get(f"/texts/practice-note/{entry.pk}/translation/", headers=HTMX)
    assert response.status_code == 404
