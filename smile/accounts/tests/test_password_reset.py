import re
from datetime import UTC, datetime, timedelta
from typing import Any
from unittest import mock

from django.core import mail
from django.core.mail.backends.locmem import EmailBackend
from django.test import Client
from django.utils import timezone, translation
from django_tasks_db.models import DBTaskResult

from smile.core.tests.worker import run_worker
from tests.cast import Cast

RESET = "/accounts/password/reset/"


def without_csrf_token(content: bytes) -> bytes:
    """The page as a person reads it: each visitor gets a form token of her own."""
    return re.sub(rb'name="csrfmiddlewaretoken" value="[^"]+"', b"", content)


def ask(client: Client, email: str, ip: str = "192.0.2.1"):
    return client.post(RESET, {"email": email}, REMOTE_ADDR=ip)


def test_a_person_resets_her_password_by_email(cast: Cast, client: Client) -> None:
    response = ask(client, "bob@gjuteri.example")
    assert response.status_code == 302
    run_worker()
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


def test_the_mail_is_sent_by_the_worker_not_in_the_request(cast: Cast, client: Client) -> None:
    response = ask(client, "bob@gjuteri.example")
    assert response.status_code == 302
    assert mail.outbox == []
    job = DBTaskResult.objects.get()
    assert job.task_path == "smile.accounts.tasks.send_password_reset_email"
    run_worker()
    assert [m.to for m in mail.outbox] == [["bob@gjuteri.example"]]
    assert DBTaskResult.objects.get().status == "SUCCESSFUL"


def test_an_unknown_address_sends_nothing_and_reveals_nothing(cast: Cast, client: Client) -> None:
    response = ask(client, "nobody@example.org")
    assert response.status_code == 302
    assert response["Location"] == "/accounts/password/reset/sent/"
    run_worker()
    assert mail.outbox == []


def test_known_and_unknown_addresses_get_the_same_answer(cast: Cast) -> None:
    known = ask(Client(), "bob@gjuteri.example", ip="192.0.2.1")
    unknown = ask(Client(), "nobody@example.org", ip="192.0.2.2")
    assert (known.status_code, known["Location"]) == (302, "/accounts/password/reset/sent/")
    assert (unknown.status_code, unknown["Location"]) == (302, "/accounts/password/reset/sent/")
    assert known.content == unknown.content == b""
    known_page, unknown_page = Client().get(known["Location"]), Client().get(unknown["Location"])
    assert known_page.status_code == unknown_page.status_code == 200
    assert without_csrf_token(known_page.content) == without_csrf_token(unknown_page.content)


def test_the_fourth_request_for_one_address_in_the_hour_sends_no_mail(
    cast: Cast, client: Client, settings
) -> None:
    settings.PASSWORD_RESET_LIMIT_PER_ADDRESS = 3
    answers = [
        ask(client, "bob@gjuteri.example", ip=f"192.0.2.{n}")["Location"] for n in range(1, 5)
    ]
    # Written the way people type it: the limit counts the address, not its spelling.
    answers.append(ask(client, " BOB@Gjuteri.example ", ip="192.0.2.9")["Location"])
    run_worker()
    assert len(mail.outbox) == 3
    # The limited requests were answered exactly like the others.
    assert answers == ["/accounts/password/reset/sent/"] * 5


def test_many_addresses_from_one_client_are_limited_too(
    cast: Cast, client: Client, settings
) -> None:
    settings.PASSWORD_RESET_LIMIT_PER_CLIENT = 3
    for email in ["bob@gjuteri.example", "dana@elev.example", "erin@elev.example"]:
        assert ask(client, email, ip="198.51.100.7").status_code == 302
    limited = ask(client, "mona@gjuteri.example", ip="198.51.100.7")
    assert (limited.status_code, limited["Location"]) == (302, "/accounts/password/reset/sent/")
    # Another client may still ask for Mona.
    assert ask(Client(), "mona@gjuteri.example", ip="198.51.100.8").status_code == 302
    run_worker()
    assert sorted(m.to[0] for m in mail.outbox) == [
        "bob@gjuteri.example",
        "dana@elev.example",
        "erin@elev.example",
        "mona@gjuteri.example",
    ]
    assert [m.to for m in mail.outbox].count(["mona@gjuteri.example"]) == 1


def test_a_bad_address_is_explained(cast: Cast, client: Client) -> None:
    client.cookies["smile_language"] = "en"
    response = ask(client, "not-an-address")
    assert response.status_code == 200
    assert "Enter a valid email address." in response.content.decode()
    assert DBTaskResult.objects.count() == 0


def test_a_broken_link_is_explained(cast: Cast, client: Client) -> None:
    client.cookies["smile_language"] = "en"
    response = client.get("/accounts/password/reset/MQ/bad-token/")
    assert response.status_code == 200
    assert "The link is not valid any more" in response.content.decode()


def test_the_email_is_written_in_the_persons_language(cast: Cast, client: Client) -> None:
    client.cookies["smile_language"] = "sv"
    ask(client, "dana@elev.example")
    run_worker()
    with translation.override("ar"):
        expected = translation.gettext("Choose a new password for SMILE")
    assert expected != "Choose a new password for SMILE"
    assert mail.outbox[0].subject == expected


def test_the_limit_is_counted_again_in_the_next_hour(cast: Cast, client: Client, settings) -> None:
    settings.PASSWORD_RESET_LIMIT_PER_ADDRESS = 1
    settings.PASSWORD_RESET_LIMIT_WINDOW = 3600
    ten = datetime(2026, 9, 1, 10, 0, tzinfo=UTC)
    with mock.patch("smile.accounts.services.timezone.now", return_value=ten):
        ask(client, "bob@gjuteri.example")
        ask(client, "bob@gjuteri.example")
    with mock.patch("smile.accounts.services.timezone.now", return_value=ten + timedelta(hours=1)):
        ask(client, "bob@gjuteri.example")
    run_worker()
    assert len(mail.outbox) == 2


class MailServerDownOnce(EmailBackend):
    """The mail server refuses the first message of the test, then works."""

    failures_left = 1

    def send_messages(self, messages: Any) -> int:
        if MailServerDownOnce.failures_left > 0:
            MailServerDownOnce.failures_left -= 1
            raise ConnectionRefusedError("mail server down")
        return super().send_messages(messages)


def test_a_failed_reset_mail_is_tried_again(cast: Cast, client: Client, settings) -> None:
    settings.MAILERS = {"default": {"BACKEND": f"{__name__}.MailServerDownOnce"}}
    MailServerDownOnce.failures_left = 1
    ask(client, "bob@gjuteri.example")
    run_worker()
    assert mail.outbox == []
    assert DBTaskResult.objects.get(status="FAILED").exception_class_path == (
        "builtins.ConnectionRefusedError"
    )
    DBTaskResult.objects.filter(status="READY").update(run_after=timezone.now())
    run_worker()
    assert [m.to for m in mail.outbox] == [["bob@gjuteri.example"]]
