import re

from django.core import mail
from django.test import Client
from django.utils import translation

from tests.cast import Cast


def test_a_person_resets_her_password_by_email(cast: Cast, client: Client) -> None:
    response = client.post("/accounts/password/reset/", {"email": "bob@gjuteri.example"})
    assert response.status_code == 302
    assert len(mail.outbox) == 1
    link = re.search(r"http://testserver(/accounts/password/reset/\S+/)", str(mail.outbox[0].body))
    assert link
    form_page = client.get(link.group(1), follow=True)
    assert form_page.context["validlink"] is True
    response = client.post(
        form_page.redirect_chain[-1][0],
        {"new_password1": "kopparfisk-17", "new_password2": "kopparfisk-17"},
    )
    assert response.status_code == 302
    cast.bob.refresh_from_db()
    assert cast.bob.check_password("kopparfisk-17")


def test_an_unknown_address_sends_nothing_and_reveals_nothing(cast: Cast, client: Client) -> None:
    response = client.post("/accounts/password/reset/", {"email": "nobody@example.org"})
    assert response.status_code == 302
    assert response["Location"] == "/accounts/password/reset/sent/"
    assert mail.outbox == []


def test_a_broken_link_is_explained(cast: Cast, client: Client) -> None:
    client.cookies["smile_language"] = "en"
    response = client.get("/accounts/password/reset/MQ/bad-token/")
    assert response.status_code == 200
    assert "The link is not valid any more" in response.content.decode()


def test_the_email_is_written_in_the_persons_language(cast: Cast, client: Client) -> None:
    client.cookies["smile_language"] = "sv"
    client.post("/accounts/password/reset/", {"email": "dana@elev.example"})
    with translation.override("ar"):
        expected = translation.gettext("Choose a new password for SMILE")
    assert expected != "Choose a new password for SMILE"
    assert mail.outbox[0].subject == expected
