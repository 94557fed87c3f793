import base64

from django.test import Client
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice

from tests.cast import PASSWORD, TOTP_SECRET, Cast


def code(secret_b32: str = TOTP_SECRET) -> str:
    return f"{TOTP(base64.b32decode(secret_b32)).token():06d}"


def password_login(client: Client, email: str) -> None:
    response = client.post("/accounts/login/", {"username": email, "password": PASSWORD})
    assert response.status_code == 302


def test_a_coordinator_must_give_a_code_before_any_page(cast: Cast, client: Client) -> None:
    password_login(client, "alice@savsjo.example")
    response = client.get("/programmes/")
    assert response.status_code == 302
    assert response["Location"] == "/accounts/2fa/?next=/programmes/"


def test_the_right_code_opens_the_pages(cast: Cast, client: Client) -> None:
    password_login(client, "alice@savsjo.example")
    response = client.post("/accounts/2fa/", {"token": code(), "next": "/programmes/"})
    assert response.status_code == 302
    assert response["Location"] == "/programmes/"
    assert client.get("/programmes/").status_code == 200


def test_a_wrong_code_is_refused_with_a_message(cast: Cast, client: Client) -> None:
    password_login(client, "alice@savsjo.example")
    client.cookies["smile_language"] = "en"
    wrong = "000000" if code() != "000000" else "111111"
    response = client.post("/accounts/2fa/", {"token": wrong})
    assert response.status_code == 200
    assert "The code is wrong or too old" in response.content.decode()
    assert client.get("/programmes/").status_code == 302


def test_a_code_that_is_not_six_digits_is_explained(cast: Cast, client: Client) -> None:
    password_login(client, "alice@savsjo.example")
    client.cookies["smile_language"] = "en"
    response = client.post("/accounts/2fa/", {"token": "12ab"})
    assert "Enter the six digits shown in the app." in response.content.decode()


def test_a_mentor_needs_no_second_factor(cast: Cast, client: Client) -> None:
    password_login(client, "bob@gjuteri.example")
    assert client.get("/home/mentor/").status_code == 200


def test_a_new_manager_sets_up_her_app_on_first_login(cast: Cast, client: Client) -> None:
    TOTPDevice.objects.filter(user=cast.mona).delete()
    password_login(client, "mona@gjuteri.example")
    client.cookies["smile_language"] = "en"
    page = client.get("/accounts/2fa/")
    assert "Set up your second factor" in page.content.decode()
    secret = page.context["secret"]
    assert page.context["qr_svg"].startswith("data:image/svg+xml")
    response = client.post("/accounts/2fa/", {"token": code(secret)})
    assert response.status_code == 302
    assert TOTPDevice.objects.filter(user=cast.mona, confirmed=True).count() == 1
    assert client.get("/home/manager/").status_code == 200


def test_the_setup_shows_the_same_secret_until_confirmed(cast: Cast, client: Client) -> None:
    TOTPDevice.objects.filter(user=cast.mona).delete()
    password_login(client, "mona@gjuteri.example")
    first = client.get("/accounts/2fa/").context["secret"]
    assert client.get("/accounts/2fa/").context["secret"] == first
