from django.test import Client

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
