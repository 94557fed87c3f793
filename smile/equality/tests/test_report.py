"""Reporting a concern: who may, what is stored, the code shown once, files and limits."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from PIL import Image

from smile.core.errors import ApplicationError
from smile.equality.models import Attachment, Concern, ConcernMessage
from smile.equality.tests.casework import WHAT, Equality, report
from smile.notifications.models import Notification
from tests.pages import body_of
from tests.pictures import huge_png

FORM = {
    "kind": "harassment",
    "ground": "religion",
    "place": "workplace",
    "what": WHAT,
    "when": "I måndags",
    "anonymous": "anonymous",
}


def jpeg() -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (40, 30), (200, 10, 10)).save(buffer, "JPEG")
    return buffer.getvalue()


def test_an_adept_sees_the_form_with_every_ground(eq: Equality, login) -> None:
    body = body_of(login(eq.cast.dana).get("/equality/report/"))
    for ground in (
        "Sex",
        "Transgender identity or expression",
        "Ethnicity",
        "Religion or other belief",
        "Disability",
        "Sexual orientation",
        "Age",
        "Another reason, or I do not know",
    ):
        assert ground in body
    # One programme: nothing to choose, it goes with the form.
    assert f'type="hidden" name="programme" value="{eq.cast.programme.pk}"' in body


@pytest.mark.parametrize("who", ["bob", "tess", "erin"])
def test_mentors_teachers_and_other_adepts_may_report(eq: Equality, login, who: str) -> None:
    body_of(login(getattr(eq.cast, who)).get("/equality/report/"))


@pytest.mark.parametrize("who", ["mona", "charlie", "alice"])
def test_people_outside_the_programme_cannot(eq: Equality, login, who: str) -> None:
    client = login(getattr(eq.cast, who))
    body_of(client.get("/equality/report/"), 404)
    body_of(client.post("/equality/report/", FORM), 404)
    assert Concern.objects.count() == 0


def test_someone_not_logged_in_is_sent_to_log_in(eq: Equality, client: Client) -> None:
    response = client.get("/equality/report/")
    assert response.status_code == 302
    assert response["Location"] == "/accounts/login/?next=/equality/report/"


def test_an_anonymous_report_shows_the_code_once_and_keeps_no_link(eq: Equality, login) -> None:
    cast = eq.cast
    response = login(cast.dana).post("/equality/report/", FORM)
    body = body_of(response)
    assert "Your private code" in body
    concern = Concern.objects.get()
    assert concern.anonymous is True
    assert concern.reporter is None
    assert concern.workplace == cast.moulding
    assert concern.programme == cast.programme
    assert concern.step == "received"
    # The code on the page opens the case; the row holds its first part and a hash only.
    code = body.split('<p class="big secret" dir="ltr" lang="en"><code>')[1].split("</code>")[0]
    assert len(code) == 24 and code.count("-") == 4
    assert concern.code_lookup == code.replace("-", "")[:6]
    assert code.replace("-", "")[6:] not in concern.code_hash
    assert response["Cache-Control"] == "no-store"
    # The handlers hear of it, without a word of what happened, in Alice's Swedish.
    notice = Notification.objects.get(recipient=cast.alice)
    assert notice.params == {
        "name": "Gjuterivägen",
        "message": "En ny anmälan har kommit in. Öppna ärendelistan för att läsa den.",
    }
    assert notice.url == f"/equality/cases/{concern.pk}/"
    assert Notification.objects.filter(recipient=cast.dana).count() == 0


def test_the_handlers_notice_is_in_their_own_language(eq: Equality, login) -> None:
    cast = eq.cast
    cast.alice.preferred_language = "uk"
    cast.alice.save()
    body_of(login(cast.dana).post("/equality/report/", FORM))
    notice = Notification.objects.get(recipient=cast.alice)
    assert notice.params["message"] == (
        "Надійшло нове повідомлення. Відкрийте список справ, щоб прочитати його."
    )


def test_a_named_report_goes_to_her_case_page(eq: Equality, login) -> None:
    cast = eq.cast
    response = login(cast.dana).post("/equality/report/", {**FORM, "anonymous": "named"})
    concern = Concern.objects.get()
    assert response.status_code == 302
    assert response["Location"] == f"/equality/mine/{concern.pk}/"
    assert concern.reporter == cast.dana
    assert concern.anonymous is False
    assert concern.code_lookup is None and concern.code_hash == ""


def test_elsewhere_names_no_workplace(eq: Equality, login) -> None:
    body_of(login(eq.cast.dana).post("/equality/report/", {**FORM, "place": "elsewhere"}))
    assert Concern.objects.get().workplace is None


def test_a_missing_description_is_refused_and_what_she_typed_is_kept(eq: Equality, login) -> None:
    body = body_of(
        login(eq.cast.dana).post("/equality/report/", {**FORM, "what": "  ", "when": "Igår kväll"})
    )
    # The form refuses it (a description of only spaces is empty) before the service sees it.
    assert "This field is required." in body
    assert 'value="Igår kväll"' in body
    assert Concern.objects.count() == 0


def test_a_made_up_ground_is_refused(eq: Equality, login) -> None:
    body = body_of(login(eq.cast.dana).post("/equality/report/", {**FORM, "ground": "looks"}))
    assert "Select a valid choice." in body
    assert WHAT in body
    assert Concern.objects.count() == 0


def test_a_programme_she_is_not_in_is_refused(eq: Equality, login) -> None:
    form = {**FORM, "programme": eq.cast.other_programme.pk}
    body_of(login(eq.cast.dana).post("/equality/report/", form))
    assert Concern.objects.count() == 0


def test_a_wrong_kind_of_file_is_refused_with_a_clear_message_and_nothing_stored(
    eq: Equality, login, media
) -> None:
    # An HTML page named like a photo, sent as one.
    upload = SimpleUploadedFile(
        "photo.jpg", b"<html><script>alert(1)</script></html>", content_type="image/jpeg"
    )
    body = body_of(login(eq.cast.dana).post("/equality/report/", {**FORM, "attachment": upload}))
    assert "This kind of file cannot be sent. Send a photo (JPEG or PNG) or a PDF." in body
    assert WHAT in body
    assert Concern.objects.count() == 0
    assert Attachment.objects.count() == 0
    assert list(media.rglob("*")) == []


def test_a_picture_with_too_many_pixels_is_refused(eq: Equality, login, media) -> None:
    upload = SimpleUploadedFile("big.png", huge_png(), content_type="image/png")
    body = body_of(login(eq.cast.dana).post("/equality/report/", {**FORM, "attachment": upload}))
    assert "This picture is too large: it has more than 50 million pixels." in body
    assert Concern.objects.count() == 0
    assert list(media.rglob("*")) == []


def test_a_file_over_the_size_limit_is_refused(eq: Equality, login, media) -> None:
    upload = SimpleUploadedFile(
        "big.pdf", b"%PDF-1.7\n" + b"0" * (5 * 1024 * 1024), content_type="application/pdf"
    )
    body = body_of(login(eq.cast.dana).post("/equality/report/", {**FORM, "attachment": upload}))
    assert "The file is too large. Send a file under 5 MB." in body
    assert Concern.objects.count() == 0


def test_a_photo_and_a_pdf_are_kept_encrypted(eq: Equality, login, media) -> None:
    client = login(eq.cast.dana)
    photo = SimpleUploadedFile("bild.txt", jpeg(), content_type="text/plain")
    body_of(client.post("/equality/report/", {**FORM, "attachment": photo}))
    pdf = SimpleUploadedFile("x.pdf", b"%PDF-1.4\nHemligt bevis\n%%EOF", content_type="text/plain")
    body_of(client.post("/equality/report/", {**FORM, "attachment": pdf}))
    types = sorted(Attachment.objects.values_list("content_type", flat=True))
    assert types == ["application/pdf", "image/jpeg"]
    stored = [path.read_bytes() for path in media.rglob("*.bin")]
    assert len(stored) == 2
    for data in stored:
        assert b"Hemligt" not in data and b"%PDF" not in data and b"\xff\xd8\xff" not in data


def test_reports_are_limited_per_account(eq: Equality, login, settings) -> None:
    settings.EQUALITY_REPORT_LIMIT = 2
    client = login(eq.cast.dana)
    body_of(client.post("/equality/report/", FORM))
    body_of(client.post("/equality/report/", FORM))
    body = body_of(client.post("/equality/report/", FORM))
    assert "You have sent several reports in a short time. Please wait an hour and try again." in (
        body
    )
    assert WHAT in body
    assert Concern.objects.count() == 2
    assert ConcernMessage.objects.count() == 2


def test_reports_are_limited_per_client_address(eq: Equality, login, settings) -> None:
    settings.EQUALITY_REPORT_LIMIT = 1
    body_of(login(eq.cast.dana).post("/equality/report/", FORM, REMOTE_ADDR="203.0.113.9"))
    # Another account from the same address is held back too.
    other = login(eq.cast.erin)
    body = body_of(other.post("/equality/report/", FORM, REMOTE_ADDR="203.0.113.9"))
    assert "Please wait an hour and try again." in body
    assert Concern.objects.count() == 1
    body_of(other.post("/equality/report/", FORM, REMOTE_ADDR="203.0.113.10"))
    assert Concern.objects.count() == 2


ALREADY_SENT = "This report is already sent. You do not need to send it again."


def token_of(body: str) -> str:
    return body.split('<input type="hidden" name="once" value="')[1].split('"')[0]


def test_a_reload_of_the_code_page_sends_no_second_report(eq: Equality, login) -> None:
    client = login(eq.cast.dana)
    once = token_of(body_of(client.get("/equality/report/")))
    code_page = body_of(client.post("/equality/report/", {**FORM, "once": once}))
    assert "Your private code" in code_page
    code = code_page.split("<code>")[1].split("</code>")[0]
    # The session keeps no trace of the code, only the form's tokens.
    assert code.replace("-", "")[6:] not in str(dict(client.session.items()))
    # The browser sends the same form again: nothing new, and she is told why.
    again = body_of(client.post("/equality/report/", {**FORM, "once": once}))
    assert ALREADY_SENT in again
    assert "Your private code" not in again
    assert WHAT in again
    assert Concern.objects.count() == 1
    assert Notification.objects.filter(recipient=eq.cast.alice).count() == 1
    # Sending it once more from that page is a choice of hers: a fresh token, a second report.
    fresh = token_of(again)
    assert fresh != once
    body = body_of(client.post("/equality/report/", {**FORM, "once": fresh}))
    assert "Your private code" in body
    assert Concern.objects.count() == 2


def test_a_named_report_sent_twice_is_one_report(eq: Equality, login) -> None:
    client = login(eq.cast.dana)
    once = token_of(body_of(client.get("/equality/report/")))
    form = {**FORM, "anonymous": "named", "once": once}
    assert client.post("/equality/report/", form).status_code == 302
    assert ALREADY_SENT in body_of(client.post("/equality/report/", form))
    assert Concern.objects.count() == 1


def test_a_refused_report_can_be_sent_again_with_the_same_form(eq: Equality, login, media) -> None:
    client = login(eq.cast.dana)
    once = token_of(body_of(client.get("/equality/report/")))
    upload = SimpleUploadedFile("photo.jpg", b"<html></html>", content_type="image/jpeg")
    refused = body_of(
        client.post("/equality/report/", {**FORM, "once": once, "attachment": upload})
    )
    assert "This kind of file cannot be sent. Send a photo (JPEG or PNG) or a PDF." in refused
    assert token_of(refused) == once
    body = body_of(client.post("/equality/report/", {**FORM, "once": once}))
    assert "Your private code" in body
    assert ALREADY_SENT not in body
    assert Concern.objects.count() == 1


def test_the_service_refuses_an_empty_or_too_long_description(eq: Equality) -> None:
    with pytest.raises(ApplicationError) as empty:
        report(eq.cast, anonymous=True, what="   ")
    assert (empty.value.message, empty.value.field) == ("Please write something here.", "what")
    with pytest.raises(ApplicationError) as long:
        report(eq.cast, anonymous=True, what="x" * 5001)
    assert (long.value.message, long.value.field) == (
        "Please write at most 5000 characters.",
        "what",
    )
    assert Concern.objects.count() == 0
