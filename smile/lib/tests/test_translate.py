"""The LibreTranslate client against a LibreTranslate stand-in over real HTTP on this machine."""

import socket

import pytest

from smile.lib import translate
from tests.libretranslate import fake_libretranslate


def test_it_posts_the_text_and_returns_the_translation() -> None:
    with fake_libretranslate(phrases={("ar", "sv", "الإيجار مرتفع"): "Hyran är hög"}) as service:
        found = translate.translate(
            "الإيجار مرتفع", source="ar", target="sv", url=service.url, timeout=5
        )
    assert found == "Hyran är hög"
    assert service.requests == [
        {"q": "الإيجار مرتفع", "source": "ar", "target": "sv", "format": "text"}
    ]


def test_it_sends_the_api_key_when_there_is_one() -> None:
    with fake_libretranslate(api_key="s3cret") as service:
        found = translate.translate(
            "Hej", source="sv", target="en", url=service.url + "/", api_key="s3cret", timeout=5
        )
    assert found == "[en] Hej"
    assert service.requests[0]["api_key"] == "s3cret"


def test_a_wrong_api_key_is_a_service_failure() -> None:
    with (
        fake_libretranslate(api_key="s3cret") as service,
        pytest.raises(translate.ServiceUnavailable, match="HTTP 403: Invalid API key"),
    ):
        translate.translate("Hej", source="sv", target="en", url=service.url, timeout=5)


def test_a_language_the_service_lacks_is_said_as_such() -> None:
    with (
        fake_libretranslate() as service,
        pytest.raises(translate.LanguageNotAvailable, match="ti is not supported"),
    ):
        translate.translate("ሰላም", source="ti", target="sv", url=service.url, timeout=5)


def test_it_reads_which_languages_translate_into_which() -> None:
    with fake_libretranslate(languages=("en", "sv")) as service:
        found = translate.languages(url=service.url, timeout=5)
    assert found == {"en": {"en", "sv"}, "sv": {"en", "sv"}}


@pytest.mark.parametrize(
    ("mode", "message"),
    [("down", "HTTP 500"), ("garbage", "not JSON")],
)
def test_a_broken_service_is_a_service_failure(mode: str, message: str) -> None:
    with (
        fake_libretranslate(mode=mode) as service,
        pytest.raises(translate.ServiceUnavailable, match=message),
    ):
        translate.translate("Hej", source="sv", target="en", url=service.url, timeout=5)


def test_a_slow_service_times_out() -> None:
    with (
        fake_libretranslate(mode="slow", delay=1.0) as service,
        pytest.raises(translate.ServiceUnavailable),
    ):
        translate.translate("Hej", source="sv", target="en", url=service.url, timeout=0.2)


def test_no_service_listening_is_a_service_failure() -> None:
    with socket.socket() as free:
        free.bind(("127.0.0.1", 0))
        port = free.getsockname()[1]
    with pytest.raises(translate.ServiceUnavailable):
        translate.translate(
            "Hej", source="sv", target="en", url=f"http://127.0.0.1:{port}", timeout=2
        )


def test_only_http_addresses_are_called() -> None:
    with pytest.raises(translate.ServiceUnavailable, match="not an http"):
        translate.translate("Hej", source="sv", target="en", url="file:///etc/passwd", timeout=2)
