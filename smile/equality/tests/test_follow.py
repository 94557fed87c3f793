"""The anonymous reporter follows her case with her code: in her language, answering questions,
with look-ups limited per client address and per account."""

from typing import Any

from smile.equality import services
from smile.equality.models import ConcernMessage, MessageKind
from smile.equality.tests.casework import Equality, anonymous_concern
from smile.notifications.models import Notification
from tests.pages import body_of

WRONG = "ABCD-EFGH-JKMN-PQRS-TVWX"


def test_the_code_opens_her_case_without_logging_in(eq: Equality, visitor: Any) -> None:
    concern, code = anonymous_concern(eq.cast)
    response = visitor.post("/equality/follow/", {"code": code})
    body = body_of(response)
    assert f"Case <bdi>C-{concern.pk}</bdi>" in body
    assert "Received" in body
    assert "We have received your report. No one at your workplace sees it." in body
    assert "Förmannen kallar mig dumma namn" in body
    assert "no-store" in response["Cache-Control"]


def test_the_code_is_forgiving_about_case_spaces_and_misread_letters(
    eq: Equality, visitor: Any
) -> None:
    concern, code = anonymous_concern(eq.cast)
    typed = " " + code.lower().replace("-", " ").replace("0", "o").replace("1", "l") + " "
    body = body_of(visitor.post("/equality/follow/", {"code": typed}))
    assert f"Case <bdi>C-{concern.pk}</bdi>" in body


def test_she_reads_it_in_somali(eq: Equality, visitor: Any) -> None:
    _concern, code = anonymous_concern(eq.cast)
    visitor.cookies["smile_language"] = "so"
    body = body_of(visitor.post("/equality/follow/", {"code": code}))
    assert '<html lang="so" dir="ltr">' in body
    assert "Waan helnay warbixintaada. Qofna shaqadaada kama arko." in body


def test_a_wrong_code_opens_nothing(eq: Equality, visitor: Any) -> None:
    concern, code = anonymous_concern(eq.cast)
    # The right first part with a wrong secret is as wrong as any other code.
    half_right = code[:5] + "-" + "ZZZZ-ZZZZ-ZZZZ-ZZZZ"
    for typed in (WRONG, half_right, "hello"):
        body = body_of(visitor.post("/equality/follow/", {"code": typed}))
        assert "This code does not open a case. Check the code and try again." in body
        assert "Förmannen" not in body
        assert f"C-{concern.pk}" not in body


def test_code_look_ups_are_limited_per_client_address(
    eq: Equality,
    visitor: Any,
    settings,
) -> None:
    settings.EQUALITY_CODE_LOOKUP_LIMIT = 3
    _concern, code = anonymous_concern(eq.cast)
    for _ in range(3):
        body_of(visitor.post("/equality/follow/", {"code": WRONG}, REMOTE_ADDR="203.0.113.5"))
    # The fourth try is refused even with the right code.
    response = visitor.post("/equality/follow/", {"code": code}, REMOTE_ADDR="203.0.113.5")
    body = body_of(response, 429)
    assert "Too many tries with a code. Please wait an hour and try again." in body
    assert "Förmannen" not in body
    # Another address still may.
    body = body_of(visitor.post("/equality/follow/", {"code": code}, REMOTE_ADDR="203.0.113.6"))
    assert "Förmannen kallar mig dumma namn" in body


def test_code_look_ups_are_limited_per_account(eq: Equality, login, settings) -> None:
    settings.EQUALITY_CODE_LOOKUP_LIMIT = 2
    _concern, code = anonymous_concern(eq.cast)
    client = login(eq.cast.erin)
    body_of(client.post("/equality/follow/", {"code": WRONG}, REMOTE_ADDR="203.0.113.1"))
    body_of(client.post("/equality/follow/", {"code": WRONG}, REMOTE_ADDR="203.0.113.2"))
    response = client.post("/equality/follow/", {"code": code}, REMOTE_ADDR="203.0.113.3")
    assert "Too many tries with a code." in body_of(response, 429)


def test_she_answers_with_her_code_and_the_answer_names_no_one(eq: Equality, login) -> None:
    cast = eq.cast
    concern, code = anonymous_concern(cast)
    services.concern_ask(concern=concern, by=cast.alice, text="Vem mer var där?")
    Notification.objects.all().delete()
    # Signed in as herself, as she may well be: still no trace of her account.
    client = login(cast.dana)
    page = body_of(client.post("/equality/follow/", {"code": code}))
    assert "Vem mer var där?" in page
    body = body_of(
        client.post(
            "/equality/follow/",
            {"code": code, "send_answer": "1", "text": "Min kollega Sara såg det."},
        )
    )
    assert "Your message is sent to the case handlers." in body
    answer = ConcernMessage.objects.get(kind=MessageKind.ANSWER)
    assert answer.concern == concern
    assert answer.author is None
    notice = Notification.objects.get()
    assert notice.recipient == cast.alice
    assert notice.params["message"] == (
        "Den som anmälde har svarat. Öppna ärendet för att läsa svaret."
    )


def test_an_empty_answer_is_refused_and_the_page_stays_open(eq: Equality, visitor: Any) -> None:
    _concern, code = anonymous_concern(eq.cast)
    body = body_of(
        visitor.post("/equality/follow/", {"code": code, "send_answer": "1", "text": ""})
    )
    assert "This field is required." in body
    assert "Förmannen kallar mig dumma namn" in body
    assert ConcernMessage.objects.filter(kind=MessageKind.ANSWER).count() == 0


def test_an_answer_with_a_wrong_code_is_not_stored(eq: Equality, visitor: Any) -> None:
    anonymous_concern(eq.cast)
    body = body_of(
        visitor.post("/equality/follow/", {"code": WRONG, "send_answer": "1", "text": "Hej"})
    )
    assert "This code does not open a case." in body
    assert ConcernMessage.objects.filter(kind=MessageKind.ANSWER).count() == 0


def test_a_closed_case_takes_no_more_answers(eq: Equality, visitor: Any) -> None:
    cast = eq.cast
    concern, code = anonymous_concern(cast)
    services.concern_advance(concern=concern, by=cast.alice, step="closed", message="")
    body = body_of(
        visitor.post("/equality/follow/", {"code": code, "send_answer": "1", "text": "Hej"})
    )
    assert "This case is closed. If it happens again, report it again." in body
    assert ConcernMessage.objects.filter(kind=MessageKind.ANSWER).count() == 0
