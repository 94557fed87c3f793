"""Pages show dates with month names; Tigrinya and Arabic-script pages load SMILE's own fonts."""

from datetime import date
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse

from tests.cast import Cast
from tests.pages import body_of

ETHIOPIC_CSS = '<link rel="stylesheet" href="/static/css/fonts-ethiopic.css">'
ARABIC_CSS = '<link rel="stylesheet" href="/static/css/fonts-arabic.css">'


def _adept_home(login: Any, cast: Cast, language: str) -> str:
    cast.dana_enrolment.ends_on = date(2026, 12, 7)
    cast.dana_enrolment.save(update_fields=["ends_on"])
    client = login(cast.dana)
    client.cookies["smile_language"] = language
    return body_of(client.get(reverse("portal:role-home", args=["adept"])))


def test_an_arabic_page_names_the_month(cast: Cast, login: Any) -> None:
    page = _adept_home(login, cast, "ar")
    assert '<html lang="ar" dir="rtl">' in page
    assert "<dd>7 ديسمبر 2026</dd>" in page
    assert "<dd>10 أغسطس 2026</dd>" in page  # the start, 10 August 2026
    for numeric in ("07/12/2026", "12/07/2026", "07‏/12‏/2026", "2026-12-07"):
        assert numeric not in page


def test_a_tigrinya_page_names_the_month_in_tigrinya(cast: Cast, login: Any) -> None:
    page = _adept_home(login, cast, "ti")
    assert "<dd>7 ታሕ 2026</dd>" in page
    assert "december" not in page.lower()
    assert "07/12/2026" not in page


def test_a_tigrinya_page_links_the_ethiopic_fonts_and_no_others(
    cast: Cast,
    login: Any,
) -> None:
    page = _adept_home(login, cast, "ti")
    assert ETHIOPIC_CSS in page
    assert ARABIC_CSS not in page


@pytest.mark.parametrize("language", ["ar", "fa", "prs"])
def test_arabic_script_pages_link_the_arabic_fonts(
    cast: Cast,
    login: Any,
    language: str,
) -> None:
    page = _adept_home(login, cast, language)
    assert ARABIC_CSS in page
    assert ETHIOPIC_CSS not in page


@pytest.mark.parametrize("language", ["sv", "en", "uk", "so"])
def test_other_pages_load_no_web_fonts(cast: Cast, login: Any, language: str) -> None:
    page = _adept_home(login, cast, language)
    assert "fonts-ethiopic.css" not in page
    assert "fonts-arabic.css" not in page


def test_the_login_page_in_tigrinya_links_the_fonts_too(client: Client, db: None) -> None:
    client.cookies["smile_language"] = "ti"
    page = body_of(client.get(reverse("accounts:login")))
    assert ETHIOPIC_CSS in page


@pytest.mark.parametrize(
    ("path", "content_type"),
    [
        ("/static/css/fonts-ethiopic.css", "text/css"),
        ("/static/css/fonts-arabic.css", "text/css"),
        ("/static/fonts/noto-sans-ethiopic-400.woff2", "font/woff2"),
        ("/static/fonts/noto-sans-ethiopic-700.woff2", "font/woff2"),
        ("/static/fonts/noto-sans-arabic-400.woff2", "font/woff2"),
        ("/static/fonts/noto-sans-arabic-700.woff2", "font/woff2"),
    ],
)
def test_the_fonts_are_served_from_smile(client: Client, path: str, content_type: str) -> None:
    response = client.get(path)
    assert response.status_code == 200
    assert response["Content-Type"].split(";")[0] == content_type
    body = b"".join(response.streaming_content)  # type: ignore[attr-defined]
    if content_type == "font/woff2":
        assert body[:4] == b"wOF2"
        assert 20_000 < len(body) < 100_000  # subset to the script: small, but not empty
    else:
        assert b"font-display: swap" in body
