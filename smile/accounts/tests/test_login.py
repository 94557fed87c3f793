from django.contrib.auth.tokens import default_token_generator
from django.test import Client
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode

from tests.cast import PASSWORD, Cast


def test_it_logs_in_with_email_and_password(cast: Cast, client: Client) -> None:
    response = client.post(
        "/accounts/login/", {"username": "bob@gjuteri.example", "password": PASSWORD}
    )
    assert response.status_code == 302
    assert response["Location"] == "/"
    assert client.get("/").status_code == 302


def test_it_signs_in_in_the_persons_language(cast: Cast, client: Client) -> None:
    response = client.post(
        "/accounts/login/", {"username": "dana@elev.example", "password": PASSWORD}
    )
    assert response.cookies["smile_language"].value == "ar"


def test_the_email_is_case_insensitive(cast: Cast, client: Client) -> None:
    response = client.post(
        "/accounts/login/", {"username": "BOB@Gjuteri.example", "password": PASSWORD}
    )
    assert response.status_code == 302


def test_a_wrong_password_gets_a_clear_message_and_keeps_the_email(
    cast: Cast, client: Client
) -> None:
    client.cookies["smile_language"] = "en"
    response = client.post(
        "/accounts/login/", {"username": "bob@gjuteri.example", "password": "nope"}
    )
    assert response.status_code == 200
    content = response.content.decode()
    assert "The e-mail address or the password is wrong" in content
    assert 'value="bob@gjuteri.example"' in content


def test_the_message_is_in_swedish_by_default(cast: Cast, client: Client) -> None:
    response = client.post(
        "/accounts/login/", {"username": "bob@gjuteri.example", "password": "nope"}
    )
    assert 'lang="sv"' in response.content.decode()


def test_five_failures_lock_the_account_for_that_address(cast: Cast, client: Client) -> None:
    for _ in range(5):
        client.post("/accounts/login/", {"username": "bob@gjuteri.example", "password": "nope"})
    response = client.post(
        "/accounts/login/", {"username": "bob@gjuteri.example", "password": PASSWORD}
    )
    assert response.status_code == 429
    assert "/accounts/password/reset/" in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_logout_needs_a_post(cast: Cast, login) -> None:
    client = login(cast.bob)
    assert client.get("/accounts/logout/").status_code == 405
    assert client.post("/accounts/logout/").status_code == 302
    assert "_auth_user_id" not in client.session


def test_guesses_from_many_addresses_lock_the_account_but_not_another(
    cast: Cast, client: Client, settings
) -> None:
    settings.AXES_FAILURE_LIMIT = 5
    settings.AXES_ACCOUNT_FAILURE_LIMIT = 20
    client.cookies["smile_language"] = "en"
    # Four wrong passwords from each of five machines: no pair of account and address reaches
    # its five, but the account has had twenty.
    for machine in range(5):
        for _ in range(4):
            response = client.post(
                "/accounts/login/",
                {"username": "bob@gjuteri.example", "password": "nope"},
                REMOTE_ADDR=f"203.0.113.{machine}",
            )
            assert response.status_code in (200, 429)
    # The right password, from a machine that has never guessed, no longer opens the account.
    response = client.post(
        "/accounts/login/",
        {"username": "bob@gjuteri.example", "password": PASSWORD},
        REMOTE_ADDR="198.51.100.50",
    )
    assert response.status_code == 429
    assert "Logging in is locked for one hour" in response.content.decode()
    assert "_auth_user_id" not in client.session
    # Dana's account, from one of the same machines, is not affected.
    response = client.post(
        "/accounts/login/",
        {"username": "dana@elev.example", "password": PASSWORD},
        REMOTE_ADDR="203.0.113.1",
    )
    assert response.status_code == 302


def test_nineteen_guesses_from_many_addresses_leave_the_account_open(
    cast: Cast, client: Client, settings
) -> None:
    settings.AXES_FAILURE_LIMIT = 5
    settings.AXES_ACCOUNT_FAILURE_LIMIT = 20
    for guess in range(19):
        client.post(
            "/accounts/login/",
            {"username": "bob@gjuteri.example", "password": "nope"},
            REMOTE_ADDR=f"203.0.113.{guess // 4}",
        )
    response = client.post(
        "/accounts/login/",
        {"username": "bob@gjuteri.example", "password": PASSWORD},
        REMOTE_ADDR="198.51.100.50",
    )
    assert response.status_code == 302


def test_a_new_password_lifts_the_lock(cast: Cast, client: Client, settings) -> None:
    settings.AXES_FAILURE_LIMIT = 5
    for _ in range(5):
        client.post("/accounts/login/", {"username": "bob@gjuteri.example", "password": "nope"})
    assert (
        client.post(
            "/accounts/login/", {"username": "bob@gjuteri.example", "password": PASSWORD}
        ).status_code
        == 429
    )
    reset = Client()
    uid = urlsafe_base64_encode(force_bytes(cast.bob.pk))
    token = default_token_generator.make_token(cast.bob)
    form_page = reset.get(f"/accounts/password/reset/{uid}/{token}/", follow=True)
    assert form_page.status_code == 200
    response = reset.post(
        form_page.redirect_chain[-1][0],
        {"new_password1": "kopparfisk-17", "new_password2": "kopparfisk-17"},
    )
    assert response.status_code == 302
    response = client.post(
        "/accounts/login/", {"username": "bob@gjuteri.example", "password": "kopparfisk-17"}
    )
    assert response.status_code == 302
