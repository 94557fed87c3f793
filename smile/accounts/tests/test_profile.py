from django.test import Client

from smile.accounts.models import User
from tests.cast import Cast


def test_a_person_changes_her_name_and_language(cast: Cast, login) -> None:
    client = login(cast.bob)
    response = client.post(
        "/accounts/profile/", {"full_name": "Bob B. Berg", "preferred_language": "uk"}
    )
    assert response.status_code == 302
    assert response.cookies["smile_language"].value == "uk"
    cast.bob.refresh_from_db()
    assert (cast.bob.full_name, cast.bob.preferred_language) == ("Bob B. Berg", "uk")


def test_an_empty_name_is_refused_and_nothing_changes(cast: Cast, login) -> None:
    client = login(cast.bob)
    response = client.post("/accounts/profile/", {"full_name": "", "preferred_language": "xx"})
    assert response.status_code == 200
    content = response.content.decode()
    assert "This field is required." in content
    assert "Select a valid choice." in content
    cast.bob.refresh_from_db()
    assert (cast.bob.full_name, cast.bob.preferred_language) == ("Bob Berg", "sv")


def test_the_profile_needs_a_login(client: Client, db: None) -> None:
    assert client.get("/accounts/profile/").status_code == 302


def test_the_language_switcher_remembers_the_choice(cast: Cast, login) -> None:
    client = login(cast.bob)
    response = client.post("/accounts/language/", {"language": "ar", "next": "/home/mentor/"})
    assert response.status_code == 302
    assert response["Location"] == "/home/mentor/"
    assert response.cookies["smile_language"].value == "ar"
    assert User.objects.get(pk=cast.bob.pk).preferred_language == "ar"
    page = client.get("/home/mentor/")
    assert 'lang="ar" dir="rtl"' in page.content.decode()


def test_the_language_switcher_works_before_login(client: Client, db: None) -> None:
    response = client.post("/accounts/language/", {"language": "prs", "next": "/accounts/login/"})
    assert response.cookies["smile_language"].value == "prs"
    page = client.get("/accounts/login/")
    assert 'lang="prs" dir="rtl"' in page.content.decode()


def test_an_unknown_language_changes_nothing(cast: Cast, login) -> None:
    client = login(cast.bob)
    response = client.post(
        "/accounts/language/", {"language": "xx", "next": "https://evil.example/"}
    )
    assert response.status_code == 302
    assert response["Location"] == "/"
    assert "smile_language" not in response.cookies
    assert User.objects.get(pk=cast.bob.pk).preferred_language == "sv"
