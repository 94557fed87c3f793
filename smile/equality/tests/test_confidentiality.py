"""What a case keeps to itself: the anonymous reporter's identity, the plaintext at rest, and a
record of every read in the access log."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection

from smile.equality import services
from smile.equality.models import Attachment, CaseLogEntry, CaseTask, Concern, ConcernMessage
from smile.equality.tests.casework import CLIENT, WHAT, Equality, anonymous_concern, report
from smile.privacy.models import AccessLog
from tests.pages import body_of


def test_an_anonymous_reporters_name_and_email_never_reach_the_handlers_pages(
    eq: Equality, login
) -> None:
    cast = eq.cast
    concern, code = anonymous_concern(cast)
    services.concern_answer(concern=concern, text="Det hände igen idag.", code=code)
    client = login(cast.alice)
    for url in (f"/equality/cases/{concern.pk}/", "/equality/cases/"):
        body = body_of(client.get(url))
        for trace in ("Dana", "Darwish", "dana@elev.example", "elev.example"):
            assert trace not in body, (url, trace)
    assert "Anonymous: SMILE does not know who reported." in body_of(
        client.get(f"/equality/cases/{concern.pk}/")
    )


def test_a_named_reporter_is_shown_to_the_handlers(eq: Equality, login) -> None:
    concern = report(eq.cast, anonymous=False).concern
    body = body_of(login(eq.cast.alice).get(f"/equality/cases/{concern.pk}/"))
    assert "<bdi>Dana Darwish</bdi> (<bdi>dana@elev.example</bdi>)" in body


def test_every_read_of_a_case_is_in_the_access_log(eq: Equality, login) -> None:
    cast = eq.cast
    concern, _code = anonymous_concern(cast)
    client = login(cast.alice)
    body_of(client.get(f"/equality/cases/{concern.pk}/"))
    body_of(client.get(f"/equality/cases/{concern.pk}/"))
    reads = AccessLog.objects.filter(
        record_type="equality.concern", record_id=concern.pk, action="view"
    )
    assert reads.count() == 2
    # An anonymous case has no person to name: the reader is entered as the subject, never Dana.
    assert set(reads.values_list("actor", "subject")) == {(cast.alice.pk, cast.alice.pk)}
    assert AccessLog.objects.filter(subject=cast.dana).count() == 0


def test_reads_of_a_named_case_show_in_the_reporters_own_log(eq: Equality, login) -> None:
    cast = eq.cast
    concern = report(cast, anonymous=False).concern
    body_of(login(cast.alice).get(f"/equality/cases/{concern.pk}/"))
    entries = AccessLog.objects.filter(subject=cast.dana, record_id=concern.pk).order_by("pk")
    assert list(entries.values_list("actor", "action")) == [
        (cast.dana.pk, "create"),
        (cast.alice.pk, "view"),
    ]


def test_changes_are_logged_as_well(eq: Equality) -> None:
    cast = eq.cast
    concern, _code = anonymous_concern(cast)
    services.concern_advance(concern=concern, by=cast.alice, step="acknowledged", message="")
    services.case_log_add(concern=concern, by=cast.alice, text="Anteckning")
    assert (
        AccessLog.objects.filter(record_id=concern.pk, action="update", actor=cast.alice).count()
        == 2
    )


def test_a_file_read_is_logged_and_served_as_a_download(eq: Equality, login, media) -> None:
    cast = eq.cast
    upload = SimpleUploadedFile("a.pdf", b"%PDF-1.4\nBevis\n%%EOF", content_type="application/pdf")
    concern = services.concern_report(
        reporter=cast.dana,
        programme=cast.programme,
        kind="unfair",
        ground="",
        place="elsewhere",
        what=WHAT,
        when="",
        anonymous=True,
        attachment=upload,
        client=CLIENT,
    ).concern
    attachment = Attachment.objects.get()
    url = f"/equality/cases/{concern.pk}/attachments/{attachment.pk}/"
    response = login(cast.alice).get(url)
    assert response.status_code == 200
    assert response.content == b"%PDF-1.4\nBevis\n%%EOF"
    assert response["Content-Type"] == "application/pdf"
    assert (
        response["Content-Disposition"]
        == f'attachment; filename="C-{concern.pk}-{attachment.pk}.pdf"'
    )
    assert AccessLog.objects.filter(record_id=concern.pk, action="view").count() == 1
    for outsider in (cast.mona, eq.hanna, eq.ada):
        assert login(outsider).get(url).status_code == 404


def _raw(table: str, column: str) -> list[str]:
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT {column} FROM {table}")  # the names are written here
        return [row[0] for row in cursor.fetchall()]


@pytest.mark.django_db
def test_nothing_anyone_wrote_is_stored_in_plain_text(eq: Equality) -> None:
    cast = eq.cast
    concern, code = anonymous_concern(cast)
    services.concern_ask(concern=concern, by=cast.alice, text="Vilken dag hände det?")
    services.concern_answer(concern=concern, text="Tisdagen efter lunch.", code=code)
    services.case_log_add(concern=concern, by=cast.alice, text="Arbetsledaren nekar.")
    services.case_task_add(
        concern=concern,
        by=cast.alice,
        title="Samtal med skyddsombudet",
        due_on=concern.acknowledge_by,
        assignee=None,
    )
    stored = (
        _raw(Concern._meta.db_table, "payload")
        + _raw(ConcernMessage._meta.db_table, "body")
        + _raw(CaseLogEntry._meta.db_table, "body")
        + _raw(CaseTask._meta.db_table, "payload")
    )
    assert len(stored) == 1 + 3 + 1 + 1  # report; received, question, answer; log; task
    for words in (
        "Förmannen",
        "slöja",
        "måndags",
        "Vilken dag",
        "Tisdagen",
        "Arbetsledaren",
        "skyddsombudet",
    ):
        assert all(words not in value for value in stored), words
