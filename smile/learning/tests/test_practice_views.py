"""The practice log's pages: who may do what, what a wrong answer looks like, and query counts."""

from datetime import date, timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from smile.core.actor import SYSTEM
from smile.learning.models import (
    Level,
    PracticeCorrection,
    PracticeEntry,
    PracticeStatus,
)
from smile.learning.practice import services
from smile.learning.tests.practice_fixtures import (
    Practice,
    build_practice,
    give_plan,
    other_mentor,
    png_upload,
)
from smile.matching.models import Pair, PairStatus
from smile.programmes.services import enrolment_create
from tests.cast import Cast, make_user
from tests.pages import body_of


@pytest.fixture
def practice(cast: Cast, settings, tmp_path) -> Practice:
    settings.MEDIA_ROOT = tmp_path
    return build_practice(cast)


def today() -> date:
    return timezone.localdate()


def entry_of(cast: Cast, note: str = "Jag mätte formen", **values: object) -> PracticeEntry:
    fields: dict[str, object] = {
        "enrolment": cast.dana_enrolment,
        "done_on": today(),
        "note": note,
        "self_level": Level.INTRODUCED,
    }
    fields.update(values)
    return PracticeEntry.objects.create(**fields)


def confirmed_entry(cast: Cast) -> PracticeEntry:
    return services.practice_confirm(entry=entry_of(cast), by=cast.bob, mentor_level=2)


def new_url(cast: Cast) -> str:
    return f"/learning/adepts/{cast.dana_enrolment.pk}/practice/new/"


def strangers(cast: Cast) -> list:
    """Those who must see nothing of dana's practice: another municipality's coordinator, the
    foundry's manager, another adept, and a mentor at another workplace."""
    return [cast.charlie, cast.mona, cast.erin, other_mentor(cast)]


# --- logging on the phone --------------------------------------------------------------------


def test_the_form_offers_her_workplace_tasks_with_what_they_train(
    cast: Cast, practice: Practice, login
) -> None:
    response = login(cast.dana).get(new_url(cast))
    assert response.status_code == 200
    html = response.content.decode()
    assert f'<option value="{practice.measure.pk}">Mäta formen – 1.1 Mål 1.1</option>' in html
    mould = practice.mould.pk
    assert f'<option value="{mould}-{practice.objectives[1].pk}">Forma sand – 1.2 Mål 1.2' in html
    assert f'<option value="{mould}-{practice.objectives[2].pk}">Forma sand – 1.3 Mål 1.3' in html
    assert f'<option value="{practice.sweep.pk}">Städa</option>' in html
    assert "Slipa" not in html  # erin's workplace
    assert 'accept="image/*"' in html and 'capture="environment"' in html
    assert f'value="{today().isoformat()}"' in html
    assert html.count('name="self_level"') == 4
    for level in Level:
        assert str(level.label) in html
    assert 'enctype="multipart/form-data"' in html


def test_she_logs_with_a_task_a_photo_and_her_level(cast: Cast, practice: Practice, login) -> None:
    data = {
        "done_on": today().isoformat(),
        "task": str(practice.measure.pk),
        "note": "Mätte formen",
        "photo": png_upload(),
        "self_level": "2",
    }
    response = login(cast.dana).post(new_url(cast), data)
    assert response.status_code == 302
    assert response["Location"] == f"/learning/adepts/{cast.dana_enrolment.pk}/practice/"
    entry = PracticeEntry.objects.get()
    assert (entry.task, entry.objective, entry.note, entry.self_level, entry.status) == (
        practice.measure,
        practice.objectives[0],
        "Mätte formen",
        2,
        PracticeStatus.SUBMITTED,
    )
    assert str(entry.photo.name).startswith("practice/")
    # Her mentor sees the photo; it is served to those who may read the entry only.
    photo = login(cast.bob).get(f"/media/practice/{entry.pk}/")
    assert (photo.status_code, photo["Content-Type"]) == (200, "image/jpeg")


def test_her_choice_of_objective_for_a_task_that_trains_two(
    cast: Cast, practice: Practice, login
) -> None:
    value = f"{practice.mould.pk}-{practice.objectives[2].pk}"
    data = {"done_on": today().isoformat(), "task": value, "self_level": "1"}
    assert login(cast.dana).post(new_url(cast), data).status_code == 302
    entry = PracticeEntry.objects.get()
    assert (entry.task, entry.objective) == (practice.mould, practice.objectives[2])


def test_nobody_else_logs_for_her(cast: Cast, practice: Practice, login) -> None:
    data = {"done_on": today().isoformat(), "note": "x", "self_level": "1"}
    for user in [cast.bob, cast.tess, cast.alice, *strangers(cast)]:
        client = login(user)
        assert client.get(new_url(cast)).status_code == 404
        assert client.post(new_url(cast), data).status_code == 404
    assert PracticeEntry.objects.count() == 0


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"done_on": "FUTURE", "note": "Jag göt"}, "The date cannot be in the future."),
        (
            {"done_on": "TODAY", "note": ""},
            "Please choose a task, write a short note or add a photo.",
        ),
        ({"done_on": "2026-08-01", "note": "Jag göt"}, "before your start in the programme"),
        ({"done_on": "igår", "note": "Jag göt"}, "Enter a valid date."),
    ],
)
def test_wrong_answers_are_explained_and_kept(
    cast: Cast, practice: Practice, login, data: dict[str, str], message: str
) -> None:
    done_on = {"FUTURE": (today() + timedelta(days=1)).isoformat(), "TODAY": today().isoformat()}
    posted = {**data, "done_on": done_on.get(data["done_on"], data["done_on"]), "self_level": "3"}
    response = login(cast.dana).post(new_url(cast), posted)
    assert response.status_code == 200
    html = response.content.decode()
    assert message in html
    assert f"{data['note']}</textarea>" in html
    assert 'value="3" id="id_self_level_3" checked>' in html
    assert PracticeEntry.objects.count() == 0


def test_a_file_that_is_not_a_picture_keeps_the_typed_note(
    cast: Cast, practice: Practice, login
) -> None:
    upload = SimpleUploadedFile("kvitto.pdf", b"%PDF-1.4 not a picture", "application/pdf")
    data = {"done_on": today().isoformat(), "note": "Jag göt en form", "photo": upload}
    response = login(cast.dana).post(new_url(cast), {**data, "self_level": "1"})
    assert response.status_code == 200
    html = response.content.decode()
    assert "This file is not a picture we can use. Use a JPEG or PNG photo under 10 MB." in html
    assert ">\nJag göt en form</textarea>" in html
    assert PracticeEntry.objects.count() == 0


def test_no_level_chosen_is_explained(cast: Cast, practice: Practice, login) -> None:
    data = {"done_on": today().isoformat(), "note": "Jag göt"}
    response = login(cast.dana).post(new_url(cast), data)
    assert response.status_code == 200
    assert "Please choose a level." in response.content.decode()


# --- her list, the entry page, her changes ---------------------------------------------------


@pytest.mark.parametrize("name", ["dana", "bob", "tess", "alice"])
def test_those_who_follow_her_read_her_log_and_entries(
    cast: Cast, practice: Practice, login, name: str
) -> None:
    entry = entry_of(cast, task=practice.measure)
    client = login(getattr(cast, name))
    listing = client.get(f"/learning/adepts/{cast.dana_enrolment.pk}/practice/")
    assert listing.status_code == 200
    assert "Jag mätte formen" in listing.content.decode()
    assert "Waiting for the mentor" in listing.content.decode()
    page = client.get(f"/learning/practice/{entry.pk}/")
    assert page.status_code == 200
    assert (
        '<bdi lang="sv" dir="ltr">Mäta formen</bdi> '
        '<span class="not-translated">Not yet in your language</span>'
    ) in page.content.decode()


def test_strangers_read_nothing(cast: Cast, practice: Practice, login) -> None:
    entry = entry_of(cast)
    for user in strangers(cast):
        client = login(user)
        assert client.get(f"/learning/adepts/{cast.dana_enrolment.pk}/practice/").status_code == 404
        assert client.get(f"/learning/practice/{entry.pk}/").status_code == 404
        assert client.get(f"/media/practice/{entry.pk}/").status_code == 404


def test_she_changes_a_returned_entry_and_it_waits_again(
    cast: Cast, practice: Practice, login
) -> None:
    entry = services.practice_return(entry=entry_of(cast), by=cast.bob, comment="Vilken form?")
    client = login(cast.dana)
    page = client.get(f"/learning/practice/{entry.pk}/edit/")
    assert page.status_code == 200
    assert "Vilken form?" in page.content.decode()
    data = {"done_on": today().isoformat(), "note": "Den stora formen", "self_level": "2"}
    response = client.post(f"/learning/practice/{entry.pk}/edit/", data)
    assert response.status_code == 302
    entry.refresh_from_db()
    assert (entry.note, entry.status) == ("Den stora formen", PracticeStatus.SUBMITTED)


def test_a_confirmed_entry_cannot_be_edited_or_deleted(
    cast: Cast, practice: Practice, login
) -> None:
    entry = confirmed_entry(cast)
    client = login(cast.dana)
    entry_url = f"/learning/practice/{entry.pk}/"
    response = client.get(f"{entry_url}edit/", follow=True)
    assert response.redirect_chain == [(entry_url, 302)]
    assert "A confirmed entry cannot be changed." in body_of(response)
    data = {"done_on": today().isoformat(), "note": "Ändrat", "self_level": "3"}
    response = client.post(f"{entry_url}edit/", data)
    assert (response.status_code, response["Location"]) == (302, entry_url)
    response = client.post(f"{entry_url}delete/", follow=True)
    assert response.redirect_chain == [(entry_url, 302)]
    assert "A confirmed entry cannot be changed." in body_of(response)
    entry.refresh_from_db()
    assert (entry.note, entry.self_level, entry.status) == (
        "Jag mätte formen",
        Level.INTRODUCED,
        PracticeStatus.CONFIRMED,
    )
    page = body_of(client.get(f"/learning/practice/{entry.pk}/"))
    assert f"/learning/practice/{entry.pk}/edit/" not in page


def test_she_deletes_a_waiting_entry_and_nobody_else_can(
    cast: Cast, practice: Practice, login
) -> None:
    entry = entry_of(cast)
    for user in [cast.bob, cast.tess, *strangers(cast)]:
        assert login(user).post(f"/learning/practice/{entry.pk}/delete/").status_code == 404
        assert login(user).get(f"/learning/practice/{entry.pk}/edit/").status_code == 404
    assert PracticeEntry.objects.count() == 1
    client = login(cast.dana)
    assert client.get(f"/learning/practice/{entry.pk}/delete/").status_code == 200
    assert client.post(f"/learning/practice/{entry.pk}/delete/").status_code == 302
    assert PracticeEntry.objects.count() == 0


# --- the mentor's "To confirm" ---------------------------------------------------------------


def test_the_mentor_sees_what_waits_oldest_first(cast: Cast, practice: Practice, login) -> None:
    newer = entry_of(cast, note="Nyare", photo="practice/x.jpg")
    older = entry_of(cast, note="Äldre", done_on=today() - timedelta(days=3))
    services.practice_confirm(entry=entry_of(cast, note="Klar"), by=cast.bob, mentor_level=1)
    html = body_of(login(cast.bob).get("/learning/practice/to-confirm/"))
    assert html.index("Äldre") < html.index("Nyare")
    assert "Klar" not in html
    assert f'action="/learning/practice/{older.pk}/confirm/"' in html
    assert f'action="/learning/practice/{newer.pk}/return/"' in html
    assert f'src="/media/practice/{newer.pk}/"' in html
    assert "<bdi>Dana Darwish</bdi>" in html


def test_a_mentor_of_another_workplace_has_nothing_to_confirm_of_hers(
    cast: Cast, practice: Practice, login
) -> None:
    entry_of(cast)
    otto = other_mentor(cast)
    html = body_of(login(otto).get("/learning/practice/to-confirm/"))
    assert "Dana" not in html
    assert "Nothing to confirm now." in html


def test_he_confirms_from_the_list(cast: Cast, practice: Practice, login) -> None:
    (item,) = give_plan(cast, practice.objectives[:1])
    entry = entry_of(cast, task=practice.measure, objective=practice.objectives[0])
    data = {"from": "list", f"confirm-{entry.pk}-mentor_level": "3"}
    response = login(cast.bob).post(f"/learning/practice/{entry.pk}/confirm/", data)
    assert response.status_code == 302
    assert response["Location"] == "/learning/practice/to-confirm/"
    entry.refresh_from_db()
    item.refresh_from_db()
    assert (entry.status, entry.mentor_level, item.level) == (PracticeStatus.CONFIRMED, 3, 3)


def test_a_confirmation_without_his_level_keeps_his_comment(
    cast: Cast, practice: Practice, login
) -> None:
    entry = entry_of(cast)
    data = {"from": "list", f"confirm-{entry.pk}-comment": "Bra jobbat"}
    response = login(cast.bob).post(f"/learning/practice/{entry.pk}/confirm/", data)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Please choose a level." in html
    assert ">\nBra jobbat</textarea>" in html
    assert "<h1>To confirm</h1>" in html
    entry.refresh_from_db()
    assert entry.status == PracticeStatus.SUBMITTED


def test_he_returns_with_a_comment_and_must_write_one(
    cast: Cast, practice: Practice, login
) -> None:
    entry = entry_of(cast)
    client = login(cast.bob)
    response = client.post(f"/learning/practice/{entry.pk}/return/", {"from": "entry"})
    assert response.status_code == 200
    assert "Please write a comment: what should she add or change?" in response.content.decode()
    entry.refresh_from_db()
    assert entry.status == PracticeStatus.SUBMITTED
    data = {f"return-{entry.pk}-comment": "Vilken form?"}
    response = client.post(f"/learning/practice/{entry.pk}/return/", data)
    assert response["Location"] == f"/learning/practice/{entry.pk}/"
    entry.refresh_from_db()
    assert (entry.status, entry.mentor_comment) == (PracticeStatus.RETURNED, "Vilken form?")


def test_nobody_but_her_mentor_answers(cast: Cast, practice: Practice, login) -> None:
    entry = entry_of(cast)
    confirm = {f"confirm-{entry.pk}-mentor_level": "3"}
    answer = {f"return-{entry.pk}-comment": "Nej"}
    for user in strangers(cast):
        client = login(user)
        assert client.post(f"/learning/practice/{entry.pk}/confirm/", confirm).status_code == 404
        assert client.post(f"/learning/practice/{entry.pk}/return/", answer).status_code == 404
    for user in (cast.tess, cast.dana, cast.alice):
        response = login(user).post(f"/learning/practice/{entry.pk}/confirm/", confirm, follow=True)
        assert "Only the adept&#x27;s mentor can confirm" in response.content.decode()
    entry.refresh_from_db()
    assert (entry.status, entry.mentor_level, entry.reviewed_at) == (
        PracticeStatus.SUBMITTED,
        None,
        None,
    )


def test_the_list_needs_the_same_queries_for_2_and_10_entries(
    cast: Cast, practice: Practice, login
) -> None:
    client = login(cast.bob)

    def add(i: int) -> None:
        user = make_user(f"adept{i}@elev.example", f"Adept {i:02d}")
        enrolment = enrolment_create(
            actor=SYSTEM,
            programme=cast.programme,
            user=user,
            role="adept",
            workplace=cast.moulding,
            education_provider=cast.school,
            starts_on=date(2026, 8, 10),
        )
        Pair.objects.create(
            programme=cast.programme,
            mentor=cast.bob_enrolment,
            adept=enrolment,
            status=PairStatus.ACTIVE,
            started_on=date(2026, 8, 20),
        )
        PracticeEntry.objects.create(
            enrolment=enrolment,
            done_on=today(),
            task=practice.measure,
            objective=practice.objectives[0],
            note=f"Post {i}",
            photo="practice/x.jpg",
            self_level=1,
        )

    for i in range(2):
        add(i)
    with CaptureQueriesContext(connection) as two:
        assert body_of(client.get("/learning/practice/to-confirm/")).count("<article") == 2
    for i in range(2, 10):
        add(i)
    with CaptureQueriesContext(connection) as ten:
        assert body_of(client.get("/learning/practice/to-confirm/")).count("<article") == 10
    assert len(ten) == len(two)


# --- corrections -----------------------------------------------------------------------------


@pytest.mark.parametrize("name", ["bob", "tess"])
def test_the_mentor_or_teacher_corrects_and_the_history_shows(
    cast: Cast, practice: Practice, login, name: str
) -> None:
    entry = confirmed_entry(cast)
    client = login(getattr(cast, name))
    url = f"/learning/practice/{entry.pk}/correct/mentor_level/"
    assert client.get(url).status_code == 200
    response = client.post(url, {"new_value": "3", "reason": "Hon klarar det själv"})
    assert response["Location"] == f"/learning/practice/{entry.pk}/"
    entry.refresh_from_db()
    assert entry.mentor_level == 3
    html = body_of(client.get(f"/learning/practice/{entry.pk}/"))
    assert "<bdi>Practised with support</bdi>" in html
    assert "<bdi>Independent</bdi>" in html
    assert "<bdi>Hon klarar det själv</bdi>" in html


def test_a_correction_without_a_reason_is_explained_and_kept(
    cast: Cast, practice: Practice, login
) -> None:
    entry = confirmed_entry(cast)
    url = f"/learning/practice/{entry.pk}/correct/note/"
    response = login(cast.bob).post(url, {"new_value": "Rätt text", "reason": ""})
    assert response.status_code == 200
    html = response.content.decode()
    assert "Please write why you correct it." in html
    assert ">\nRätt text</textarea>" in html
    assert PracticeCorrection.objects.count() == 0


def test_others_cannot_correct(cast: Cast, practice: Practice, login) -> None:
    entry = confirmed_entry(cast)
    url = f"/learning/practice/{entry.pk}/correct/note/"
    data = {"new_value": "Ändrat", "reason": "Därför"}
    for user in strangers(cast):
        assert login(user).post(url, data).status_code == 404
    for user in (cast.dana, cast.alice):
        assert login(user).get(url).status_code == 404
        assert login(user).post(url, data).status_code == 404
    assert (
        login(cast.bob).get(f"/learning/practice/{entry.pk}/correct/self_level/").status_code == 404
    )
    entry.refresh_from_db()
    assert entry.note == "Jag mätte formen"
    assert PracticeCorrection.objects.count() == 0


# --- homes and the adept page ----------------------------------------------------------------


def test_her_home_has_the_button_and_her_latest_three(
    cast: Cast, practice: Practice, login
) -> None:
    for days in range(4):
        entry_of(
            cast, note=f"Dag {days}", done_on=today() - timedelta(days=days), task=practice.sweep
        )
    html = body_of(login(cast.dana).get("/home/adept/"))
    assert f'href="{new_url(cast)}">Log what I did today</a>' in html
    assert html.count("Städa</bdi></a> – Waiting for the mentor") == 3


def test_his_home_counts_what_waits(cast: Cast, practice: Practice, login) -> None:
    entry_of(cast)
    entry_of(cast)
    html = body_of(login(cast.bob).get("/home/mentor/"))
    assert '<a href="/learning/practice/to-confirm/">2 entries to confirm</a>' in html


def test_the_teacher_home_counts_the_week(cast: Cast, practice: Practice, login) -> None:
    confirmed_entry(cast)
    entry_of(cast)
    entry_of(cast)
    html = body_of(login(cast.tess).get("/home/teacher/"))
    assert "1 entry confirmed this week" in html
    assert "2 entries waiting for the mentor" in html


def test_the_teacher_follows_on_the_adept_page(cast: Cast, practice: Practice, login) -> None:
    entry_of(cast, task=practice.measure)
    html = body_of(login(cast.tess).get(f"/learning/adepts/{cast.dana_enrolment.pk}/"))
    assert 'id="practice-adept-heading"' in html
    assert "Mäta formen</bdi></a> – Waiting for the mentor" in html
