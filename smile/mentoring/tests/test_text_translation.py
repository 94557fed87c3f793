"""Machine translation of what people write to each other, beside the original, through a
LibreTranslate stand-in answering over real HTTP: offered only where a service is configured,
loaded through mentoring's access policy (404 for anyone who may not read the text), and a
sentence in the reader's language when the service fails, never an error page."""

from collections.abc import Iterator
from typing import Any

import pytest
from django.core.cache import cache
from django.test import Client
from django.utils import timezone

from smile.mentoring.life import services as life
from smile.mentoring.logs.services import meeting_log_create
from smile.mentoring.models import Dimension, LifeSituationCheckIn, MeetingLog
from smile.privacy.models import AccessLog
from tests.cast import Cast
from tests.libretranslate import FakeLibreTranslate, fake_libretranslate
from tests.pages import body_of

NOTE = "الإيجار مرتفع جدا"
NOTE_IN_SWEDISH = "Hyran är mycket hög"
ANSWER = "Ring mig på måndag."
ANSWER_IN_ARABIC = "اتصلي بي يوم الاثنين."
LABEL_SV = "Maskinöversättning – kan innehålla fel"
HTMX = {"HX-Request": "true"}  # what htmx sends with its requests


@pytest.fixture(autouse=True)
def _empty_cache() -> Iterator[None]:
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def service(settings) -> Iterator[FakeLibreTranslate]:
    phrases = {("ar", "sv", NOTE): NOTE_IN_SWEDISH, ("sv", "ar", ANSWER): ANSWER_IN_ARABIC}
    with fake_libretranslate(phrases=phrases) as running:
        settings.TRANSLATION_SERVICE_URL = running.url
        yield running


def ask(cast: Cast, *, note_language: str = "ar") -> LifeSituationCheckIn:
    return life.life_checkin_create(
        enrolment=cast.dana_enrolment,
        by=cast.dana,
        answers={"housing": "support"},
        note=NOTE,
        share_with_mentor=True,
        coordinator_areas=["housing"],
        share_note_with_coordinator=True,
        language=note_language,
    )


def in_language(client: Any, language: str) -> Any:
    """The test client (as the `login` fixture gives it), reading SMILE in `language`."""
    client.cookies["smile_language"] = language
    return client


def note_url(checkin: LifeSituationCheckIn) -> str:
    return f"/texts/life-note/{checkin.pk}/translation/"


# --- offered or not -------------------------------------------------------------------------------


def test_no_button_and_no_translation_without_a_service(cast: Cast, login, settings) -> None:
    settings.TRANSLATION_SERVICE_URL = ""
    checkin = ask(cast)
    client = in_language(login(cast.alice), "sv")
    page = body_of(client.get(f"/mentoring/life/{checkin.pk}/"))
    assert f'<div lang="ar" dir="auto"><p>{NOTE}</p></div>' in page
    assert "/translation/" not in page and "Översätt" not in page
    assert client.get(note_url(checkin), headers=HTMX).status_code == 404


def test_a_button_beside_a_text_in_another_language(cast: Cast, login, service) -> None:
    checkin = ask(cast)
    page = body_of(in_language(login(cast.alice), "sv").get(f"/mentoring/life/{checkin.pk}/"))
    assert f'hx-get="{note_url(checkin)}" hx-target="#translation-life-note-{checkin.pk}"' in page
    assert ">Översätt</a>" in page
    assert service.requests == []  # nothing is sent until she asks


def test_no_button_for_a_text_in_her_own_language(cast: Cast, login, service) -> None:
    checkin = ask(cast)
    page = body_of(in_language(login(cast.dana), "ar").get(f"/mentoring/life/{checkin.pk}/"))
    assert "/translation/" not in page


# --- translating ------------------------------------------------------------------------------


def test_the_coordinator_reads_the_note_in_swedish_beside_the_original(
    cast: Cast, login, service
) -> None:
    checkin = ask(cast)
    client = in_language(login(cast.alice), "sv")
    before = AccessLog.objects.filter(actor=cast.alice, action="view").count()
    response = client.get(note_url(checkin), headers=HTMX)
    assert body_of(response) == (
        f'<p class="muted"><small>{LABEL_SV}</small></p>\n'
        f'<div lang="sv" dir="auto"><p>{NOTE_IN_SWEDISH}</p></div>'
    )
    assert service.requests == [{"q": NOTE, "source": "ar", "target": "sv", "format": "text"}]
    # Reading the note through a translation is a read of it, written in her access log.
    assert AccessLog.objects.filter(actor=cast.alice, action="view").count() == before + 1


def test_the_adept_reads_the_coordinator_s_answer_in_arabic(cast: Cast, login, service) -> None:
    checkin = ask(cast)
    message = life.support_message_create(
        checkin=checkin, by=cast.alice, text=ANSWER, language="sv"
    )
    client = in_language(login(cast.dana), "ar")
    page = body_of(client.get(f"/mentoring/life/{checkin.pk}/"))
    url = f"/texts/support-message/{message.pk}/translation/"
    assert f'hx-get="{url}"' in page
    fragment = body_of(client.get(url, headers=HTMX))
    assert "ترجمة آلية — قد تحتوي على أخطاء" in fragment
    assert f'<div lang="ar" dir="auto"><p>{ANSWER_IN_ARABIC}</p></div>' in fragment


def test_without_script_the_translation_is_a_page_of_its_own(cast: Cast, login, service) -> None:
    checkin = ask(cast)
    client = in_language(login(cast.alice), "sv")
    back = f"/mentoring/life/{checkin.pk}/"
    page = body_of(client.get(f"{note_url(checkin)}?next={back}"))
    assert "<h1>Maskinöversättning</h1>" in page
    assert f'<div lang="ar" dir="auto"><p>{NOTE}</p></div>' in page
    assert f'<div lang="sv" dir="auto"><p>{NOTE_IN_SWEDISH}</p></div>' in page
    assert f'<a href="{back}">Tillbaka</a>' in page
    # Somewhere else than this site is no place to go back to.
    page = body_of(client.get(f"{note_url(checkin)}?next=https://evil.example/"))
    assert 'href="https://evil.example/"' not in page and ">Tillbaka</a>" not in page


@pytest.mark.parametrize("mode", ["down", "garbage"])
def test_a_failing_service_gives_a_sentence_in_her_language(
    cast: Cast, login, settings, mode: str
) -> None:
    checkin = ask(cast)
    with fake_libretranslate(mode=mode) as broken:
        settings.TRANSLATION_SERVICE_URL = broken.url
        response = in_language(login(cast.alice), "sv").get(note_url(checkin), headers=HTMX)
    assert body_of(response) == (
        '<p class="muted">Översättningstjänsten svarar inte just nu. Försök igen senare.</p>'
    )


def test_a_service_that_is_not_there_gives_the_same_sentence(cast: Cast, login, settings) -> None:
    checkin = ask(cast)
    settings.TRANSLATION_SERVICE_URL = "http://127.0.0.1:9"  # the discard port: nobody answers
    response = in_language(login(cast.alice), "sv").get(note_url(checkin), headers=HTMX)
    assert "Översättningstjänsten svarar inte just nu." in body_of(response)


def test_a_language_the_service_lacks_is_said(cast: Cast, login, service) -> None:
    checkin = ask(cast, note_language="ti")
    response = in_language(login(cast.alice), "sv").get(note_url(checkin), headers=HTMX)
    assert body_of(response) == (
        '<p class="muted">Maskinöversättning finns inte för det här språket.</p>'
    )
    assert service.requests == []


# --- who may -------------------------------------------------------------------------------------


@pytest.mark.parametrize("who", ["erin", "charlie", "tess", "mona"])
def test_anyone_who_may_not_read_the_note_gets_404(cast: Cast, login, service, who: str) -> None:
    checkin = ask(cast)
    message = life.support_message_create(
        checkin=checkin, by=cast.alice, text=ANSWER, language="sv"
    )
    client = login(getattr(cast, who))
    assert client.get(note_url(checkin), headers=HTMX).status_code == 404
    url = f"/texts/support-message/{message.pk}/translation/"
    assert client.get(url, headers=HTMX).status_code == 404
    assert service.requests == []


def test_the_mentor_reads_a_shared_note_but_never_the_thread(cast: Cast, login, service) -> None:
    checkin = ask(cast)
    message = life.support_message_create(
        checkin=checkin, by=cast.alice, text=ANSWER, language="sv"
    )
    client = in_language(login(cast.bob), "sv")
    assert NOTE_IN_SWEDISH in body_of(client.get(note_url(checkin), headers=HTMX))
    url = f"/texts/support-message/{message.pk}/translation/"
    assert client.get(url, headers=HTMX).status_code == 404


def test_private_log_notes_are_not_translated_for_the_coordinator(
    cast: Cast, login, service
) -> None:
    log = meeting_log_create(
        pair=cast.pair,
        by=cast.bob,
        held_on=timezone.localdate(),
        minutes=30,
        checkins={dimension: (4, "") for dimension in Dimension.values},
        notes="Hon vill prova nattskiftet.",
        language="sv",
    )
    url = f"/texts/meeting-log-notes/{log.pk}/translation/"
    # Alice sees the log (its check-in) but not its notes, which are the pair's own.
    assert login(cast.alice).get(f"/mentoring/logs/{log.pk}/").status_code == 200
    assert login(cast.alice).get(url, headers=HTMX).status_code == 404
    fragment = body_of(in_language(login(cast.dana), "ar").get(url, headers=HTMX))
    assert '<div lang="ar" dir="auto"><p>[ar] Hon vill prova nattskiftet.</p></div>' in fragment
    MeetingLog.objects.filter(pk=log.pk).update(notes_for_coordinator=True)
    fragment = body_of(in_language(login(cast.alice), "en").get(url, headers=HTMX))
    assert '<div lang="en" dir="auto"><p>[en] Hon vill prova nattskiftet.</p></div>' in fragment


def test_an_unknown_kind_of_text_or_record_is_404(cast: Cast, login, service) -> None:
    client = login(cast.alice)
    assert client.get("/texts/nothing-here/1/translation/", headers=HTMX).status_code == 404
    assert client.get("/texts/life-note/999999/translation/", headers=HTMX).status_code == 404


def test_the_translation_needs_a_login(client: Client, cast: Cast, service) -> None:
    checkin = ask(cast)
    response = client.get(note_url(checkin), headers=HTMX)
    assert response.status_code == 302 and response["Location"].startswith("/accounts/login/")
