"""No dead end after a request for support: the coordinator answers in SMILE, the adept reads the
answer (and is told it has come), and either can write again. The thread is the adept's and her
programme's coordinators' only: her mentor, another adept and another municipality get nothing.
"""

from typing import Any

import pytest
from django.test import Client

from smile.core.errors import NotAllowed
from smile.lib.crypto import decrypt_json
from smile.mentoring.life import services
from smile.mentoring.models import LifeSituationCheckIn, SupportMessage
from smile.notifications.models import Notification
from tests.cast import Cast
from tests.pages import body_of

NOTE = "الإيجار مرتفع جدا"
ANSWER = "Ring mig på måndag, så letar vi bostad tillsammans."


def ask(cast: Cast, *, share_with_mentor: bool = False) -> LifeSituationCheckIn:
    """Dana asks for support with housing, in Arabic, and lets the coordinator read her note."""
    return services.life_checkin_create(
        enrolment=cast.dana_enrolment,
        by=cast.dana,
        answers={"housing": "support", "transport": "fine"},
        note=NOTE,
        share_with_mentor=share_with_mentor,
        coordinator_areas=["housing"],
        share_note_with_coordinator=True,
        language="ar",
    )


def detail(checkin: LifeSituationCheckIn) -> str:
    return f"/mentoring/life/{checkin.pk}/"


def messages_url(checkin: LifeSituationCheckIn) -> str:
    return f"/mentoring/life/{checkin.pk}/messages/"


def answer(
    client: Client, checkin: LifeSituationCheckIn, text: str = ANSWER, language: str = "sv"
) -> Any:
    """Post a message to the thread, as the client's person (the response, as the client gives)."""
    return client.post(messages_url(checkin), {"text": text, "language": language})


def test_the_coordinator_sees_the_request_in_the_language_it_was_written_in(
    cast: Cast, login
) -> None:
    checkin = ask(cast)
    assert checkin.language == "ar"
    client = login(cast.alice)
    listing = body_of(client.get("/mentoring/support-requests/"))
    assert '<td data-label="Written in">Arabic</td>' in listing
    assert "<strong>Not answered yet</strong>" in listing
    page = body_of(client.get(detail(checkin)))
    assert '<p class="muted">Written in Arabic</p>' in page
    assert f'<div lang="ar" dir="auto"><p>{NOTE}</p></div>' in page
    assert "Messages with the adept" in page
    assert f'action="{messages_url(checkin)}"' in page


def test_the_coordinator_answers_and_the_adept_reads_it_and_is_told(cast: Cast, login) -> None:
    checkin = ask(cast)
    response = answer(login(cast.alice), checkin)
    assert response.status_code == 302
    assert response["Location"] == f"{detail(checkin)}#thread"

    message = SupportMessage.objects.get()
    assert (message.request, message.author, message.language) == (checkin, cast.alice, "sv")
    assert decrypt_json(message.text) == ANSWER and ANSWER not in message.text
    # The notice says only that a message has come: no text, no name (it may go by e-mail).
    notices = list(
        Notification.objects.filter(recipient=cast.dana).values_list("kind", "params", "url")
    )
    assert notices == [("coordinator_message", {}, f"{detail(checkin)}#thread")]

    client = login(cast.dana)
    page = body_of(client.get(detail(checkin)))
    assert "Messages with the coordinator" in page
    assert "<bdi>Alice Andersson</bdi>" in page
    assert f'<div lang="sv" dir="auto"><p>{ANSWER}</p></div>' in page
    assert "Written in Swedish" in page
    listing = body_of(client.get("/mentoring/life/"))
    assert "<strong>the coordinator has written to you</strong>" in listing


def test_the_coordinator_s_list_follows_the_thread(cast: Cast, login) -> None:
    checkin = ask(cast)
    alice = login(cast.alice)
    answer(alice, checkin)
    assert '<td data-label="Answer">Answered</td>' in body_of(
        alice.get("/mentoring/support-requests/")
    )
    services.support_message_create(checkin=checkin, by=cast.dana, text="شكرا", language="ar")
    listing = body_of(alice.get("/mentoring/support-requests/"))
    assert "<strong>The adept has written again</strong>" in listing


def test_the_adept_s_message_tells_the_coordinators_and_opens_a_followed_up_request(
    cast: Cast,
) -> None:
    checkin = ask(cast)
    services.life_checkin_follow_up(checkin=checkin, by=cast.alice)
    Notification.objects.all().delete()

    services.support_message_create(
        checkin=checkin, by=cast.dana, text="ما زلت أحتاج مساعدة", language="ar"
    )
    checkin.refresh_from_db()
    assert (checkin.followed_up_at, checkin.followed_up_by) == (None, None)
    notices = list(Notification.objects.values_list("recipient", "kind", "params", "subject"))
    assert notices == [
        (
            cast.alice.pk,
            "support_requested",
            {"programme": "Gjuterivägen"},
            f"mentoring.lifesituationcheckin:{checkin.pk}:follow-up",
        )
    ]


def test_marking_it_followed_up_takes_it_off_the_coordinator_s_list(cast: Cast, login) -> None:
    checkin = ask(cast)
    alice = login(cast.alice)
    answer(alice, checkin)
    assert 'id="support-caption"' in body_of(alice.get("/mentoring/warnings/"))
    to_do = Notification.objects.filter(recipient=cast.alice, done_at__isnull=True).exclude(
        subject=""
    )
    assert list(to_do.values_list("kind", flat=True)) == ["support_requested"]
    assert alice.post(f"{detail(checkin)}follow-up/").status_code == 302
    assert list(to_do.values_list("kind", flat=True)) == []  # it has left her to-do list
    listing = body_of(alice.get("/mentoring/support-requests/"))
    assert "Nothing is waiting for you." in listing
    assert '<td data-label="Followed up">Yes, ' in listing
    # The intro says what just happened: it moved down, it did not leave the page.
    assert "it then moves from “Waiting for you” to “Followed up” further down" in listing
    assert "leaves this list" not in listing
    assert f'href="{detail(checkin)}"' in listing
    assert alice.get(detail(checkin)).status_code == 200
    # Nor among her early warnings any more (whose group of requests for support is gone).
    assert 'id="support-caption"' not in body_of(alice.get("/mentoring/warnings/"))


def test_an_empty_or_too_long_message_is_explained_and_kept(cast: Cast, login) -> None:
    checkin = ask(cast)
    client = login(cast.alice)
    page = body_of(answer(client, checkin, text="   "))
    assert "This field is required." in page
    long = "a" * 2001
    page = body_of(answer(client, checkin, text=long))
    assert "Ensure this value has at most 2000 characters (it has 2001)." in page
    assert f">\n{long}</textarea>" in page
    assert SupportMessage.objects.count() == 0


@pytest.mark.parametrize("share", [False, True])
def test_the_mentor_never_sees_nor_writes_the_thread(cast: Cast, login, share: bool) -> None:
    checkin = ask(cast, share_with_mentor=share)
    services.support_message_create(checkin=checkin, by=cast.alice, text=ANSWER, language="sv")
    client = login(cast.bob)
    # Shared with him, he reads her answers (the existing rule), but not the thread.
    response = client.get(detail(checkin))
    if share:
        page = body_of(response)
        assert ANSWER not in page and "Messages with" not in page
    else:
        assert response.status_code == 404
    assert answer(client, checkin).status_code == 404
    with pytest.raises(NotAllowed):
        services.support_message_create(checkin=checkin, by=cast.bob, text="Hej")
    assert SupportMessage.objects.count() == 1


@pytest.mark.parametrize("who", ["erin", "charlie", "tess", "mona"])
def test_anyone_else_gets_404_and_nothing_is_written(cast: Cast, login, who: str) -> None:
    checkin = ask(cast)
    services.support_message_create(checkin=checkin, by=cast.alice, text=ANSWER, language="sv")
    client = login(getattr(cast, who))
    assert client.get(detail(checkin)).status_code == 404
    assert answer(client, checkin).status_code == 404
    with pytest.raises(NotAllowed):
        services.support_message_create(checkin=checkin, by=getattr(cast, who), text="Hej")
    assert SupportMessage.objects.count() == 1
    assert (
        not Notification.objects.filter(kind="coordinator_message")
        .exclude(recipient=cast.dana)
        .exists()
    )


def test_a_check_in_without_a_request_for_support_has_no_thread(cast: Cast, login) -> None:
    checkin = services.life_checkin_create(
        enrolment=cast.dana_enrolment,
        by=cast.dana,
        answers={"housing": "fine"},
        note="",
        share_with_mentor=False,
        coordinator_areas=[],
        share_note_with_coordinator=False,
    )
    client = login(cast.dana)
    assert "Messages with" not in body_of(client.get(detail(checkin)))
    assert answer(client, checkin).status_code == 404
    assert login(cast.alice).get(detail(checkin)).status_code == 404


def test_the_life_form_keeps_the_language_she_chooses_else_hers(cast: Cast, login) -> None:
    client = login(cast.dana)
    data = {
        "answer_housing": "support",
        "note": "Hyran är för hög",
        "coordinator_areas": ["housing"],
        "language": "sv",
    }
    assert client.post("/mentoring/life/new/", data).status_code == 302
    client.cookies["smile_language"] = "ar"
    data = {"answer_housing": "fine", "note": "بخير"}
    assert client.post("/mentoring/life/new/", data).status_code == 302
    languages = list(LifeSituationCheckIn.objects.order_by("pk").values_list("language", flat=True))
    assert languages == ["sv", "ar"]
