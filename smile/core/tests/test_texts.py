"""Text between people: its language, how a page marks it, and machine translation through the
operator's LibreTranslate (a stand-in answering over real HTTP on this machine)."""

from collections.abc import Iterator

import pytest
from django.core.cache import cache
from django.template import Context, Template
from django.utils import translation

from smile.core import texts
from tests.libretranslate import fake_libretranslate


@pytest.fixture(autouse=True)
def _empty_cache() -> Iterator[None]:
    cache.clear()
    yield
    cache.clear()


def render(source: str, **context: object) -> str:
    return Template("{% load texts %}" + source).render(Context(context))


# --- the language of a text -------------------------------------------------------------------


def test_the_writer_s_choice_wins_else_the_language_she_uses() -> None:
    with translation.override("ar"):
        assert texts.writer_language("so") == "so"
        assert texts.writer_language("") == "ar"
        assert texts.writer_language("xx") == "ar"  # not one of SMILE's: hers
    with translation.override("prs"):
        assert texts.writer_language() == "prs"


def test_the_page_language_is_one_of_smile_s_codes() -> None:
    with translation.override("uk"):
        assert texts.page_language() == "uk"
    with translation.override("ar-sy"):
        assert texts.page_language() == "ar"  # a regional variant: its language
    with translation.override("de"):
        assert texts.page_language() == "sv"  # not one of SMILE's: the default


def test_the_choices_name_each_language_in_itself() -> None:
    assert texts.language_choices() == [
        ("sv", "svenska"),
        ("en", "English"),
        ("ar", "العربيّة"),
        ("uk", "Українська"),
        ("ti", "ትግርኛ"),
        ("so", "Soomaali"),
        ("prs", "دری"),
        ("fa", "فارسی"),
    ]


def test_a_language_is_named_in_the_reader_s_language() -> None:
    with translation.override("sv"):
        assert texts.language_name("ar") == "Arabiska"
    with translation.override("en"):
        assert texts.language_name("prs") == "Dari"
        assert texts.language_name("") == ""


def test_written_text_carries_its_language_and_its_own_direction() -> None:
    assert render("{% written text 'ar' %}", text="مرحبا <b>") == (
        '<bdi lang="ar" dir="auto">مرحبا &lt;b&gt;</bdi>'
    )
    assert render("{% written text 'sv' block=True %}", text="Rad ett\nRad två") == (
        '<div lang="sv" dir="auto"><p>Rad ett<br>Rad två</p></div>'
    )
    # A text of unknown language (written before SMILE kept it) gets no lang, only its direction.
    assert render("{% written text '' %}", text="Hej") == '<bdi dir="auto">Hej</bdi>'


# --- whether a translation is offered ---------------------------------------------------------


def test_without_a_service_no_translation_is_offered(settings) -> None:
    settings.TRANSLATION_SERVICE_URL = ""
    with translation.override("sv"):
        assert texts.can_translate("ar") is False
        assert render("{% translation_link 'action-item' 7 'ar' %}") == ""


def test_with_a_service_a_text_in_another_language_is_offered(settings) -> None:
    settings.TRANSLATION_SERVICE_URL = "http://127.0.0.1:9"
    with translation.override("sv"):
        assert texts.can_translate("ar") is True
        assert texts.can_translate("sv") is False
        assert texts.can_translate("") is True  # unknown: the service guesses
        link = render("{% translation_link 'action-item' 7 'ar' %}")
    assert 'href="/texts/action-item/7/translation/"' in link
    assert 'hx-get="/texts/action-item/7/translation/"' in link
    assert 'hx-target="#translation-action-item-7"' in link
    assert '<div id="translation-action-item-7" class="translation" aria-live="polite">' in link
    assert ">Översätt</a>" in link


def test_dari_and_persian_readers_are_one_language_to_the_service(settings) -> None:
    settings.TRANSLATION_SERVICE_URL = "http://127.0.0.1:9"
    with translation.override("prs"):
        assert texts.can_translate("fa") is False


# --- translating --------------------------------------------------------------------------------


def test_it_translates_into_the_reader_s_language(settings) -> None:
    with fake_libretranslate(phrases={("ar", "sv", "الإيجار مرتفع"): "Hyran är hög"}) as service:
        settings.TRANSLATION_SERVICE_URL = service.url
        found = texts.machine_translate("الإيجار مرتفع", source="ar", target="sv")
    assert found == texts.Translation(text="Hyran är hög", language="sv")
    assert service.requests == [
        {"q": "الإيجار مرتفع", "source": "ar", "target": "sv", "format": "text"}
    ]


def test_dari_is_asked_for_as_persian(settings) -> None:
    with fake_libretranslate(phrases={("fa", "en", "سلام"): "Hello"}) as service:
        settings.TRANSLATION_SERVICE_URL = service.url
        assert texts.machine_translate("سلام", source="prs", target="en").text == "Hello"
        assert texts.machine_translate("Hi", source="en", target="prs").text == "[fa] Hi"
    assert [(r["source"], r["target"]) for r in service.requests] == [("fa", "en"), ("en", "fa")]


def test_an_unknown_language_is_guessed_by_the_service(settings) -> None:
    with fake_libretranslate() as service:
        settings.TRANSLATION_SERVICE_URL = service.url
        assert texts.machine_translate("Hej", source="", target="en").text == "[en] Hej"
    assert service.requests[0]["source"] == "auto"


def test_a_translation_is_asked_for_once_and_then_kept(settings) -> None:
    with fake_libretranslate() as service:
        settings.TRANSLATION_SERVICE_URL = service.url
        first = texts.machine_translate("Hej", source="sv", target="en")
        second = texts.machine_translate("Hej", source="sv", target="en")
        other = texts.machine_translate("Hej", source="sv", target="uk")
    assert first == second == texts.Translation(text="[en] Hej", language="en")
    assert other.text == "[uk] Hej"
    assert len(service.requests) == 2  # "Hej" into English once, into Ukrainian once
    assert service.language_requests == 1  # the list of languages is kept too


def test_the_cache_holds_neither_the_text_nor_the_translation_in_clear(settings) -> None:
    with fake_libretranslate() as service:
        settings.TRANSLATION_SERVICE_URL = service.url
        texts.machine_translate("Min hyra", source="sv", target="en")
    kept = [str(value) for value in cache._cache.values()]  # type: ignore[attr-defined]
    assert kept and not any("Min hyra" in value or "[en]" in value for value in kept)


@pytest.mark.parametrize(
    ("source", "target"),
    [("ti", "sv"), ("sv", "so")],
)
def test_a_language_the_service_lacks_is_said_in_the_reader_s_words(
    settings, source: str, target: str
) -> None:
    with fake_libretranslate() as service:
        settings.TRANSLATION_SERVICE_URL = service.url
        with translation.override("sv"):
            found = texts.machine_translate("ሰላም", source=source, target=target)
    assert found == texts.Translation(error="Maskinöversättning finns inte för det här språket.")
    assert service.requests == []  # known from the list of languages: nothing was sent


@pytest.mark.parametrize("mode", ["down", "garbage", "slow"])
def test_a_broken_service_gives_a_sentence_not_an_error(settings, monkeypatch, mode: str) -> None:
    monkeypatch.setattr(texts, "TIMEOUT_SECONDS", 0.2)
    with fake_libretranslate(mode=mode, delay=1.0) as service:
        settings.TRANSLATION_SERVICE_URL = service.url
        with translation.override("en"):
            found = texts.machine_translate("Hej", source="sv", target="en")
    assert found == texts.Translation(
        error="The translation service does not answer just now. Please try again later."
    )
    # Nothing kept: the next reader asks again.
    assert not any(key.startswith(":1:smile:translation:text") for key in cache._cache)  # type: ignore[attr-defined]


def test_a_text_in_the_reader_s_language_is_not_sent(settings) -> None:
    with fake_libretranslate() as service:
        settings.TRANSLATION_SERVICE_URL = service.url
        with translation.override("en"):
            found = texts.machine_translate("Hej", source="sv", target="sv")
    assert found.error == "This text is already in your language."
    assert service.requests == [] and service.language_requests == 0
