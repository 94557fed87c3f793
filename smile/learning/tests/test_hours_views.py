"""Hours pages: my hours, hours to confirm, the export for funders, the daily reminder."""

import csv
import io
from datetime import date, timedelta

import pytest
from django.core import mail
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from openpyxl import load_workbook

from smile.core.jobs import discover_periodic_jobs
from smile.core.tests.worker import run_worker
from smile.learning.hours.tasks import hours_reminders_send
from smile.learning.models import HoursEntry, MonthConfirmation
from smile.learning.tests.reviews_fixtures import entry, other_mentor
from smile.matching.tests.matching_cast import add_adept
from smile.notifications.models import Kind, Notification
from tests.cast import Cast
from tests.pages import body_of

DAY = date(2026, 10, 14)
OCTOBER = date(2026, 10, 1)


def form(**values: str) -> dict[str, str]:
    return {
        "day": DAY.isoformat(),
        "kind": "workplace",
        "starts_at": "08:00",
        "ends_at": "12:00",
        "note": "",
        **values,
    }


def add_url(cast: Cast) -> str:
    return f"/learning/adepts/{cast.dana_enrolment.pk}/hours/add/"


# --- my hours --------------------------------------------------------------------------------


def test_the_adept_sees_her_week_and_months(cast: Cast, login) -> None:
    entry(cast.dana_enrolment, DAY, "08:00", "12:30", confirmed_by=cast.bob)
    response = login(cast.dana).get(f"/learning/hours/?week={DAY.isoformat()}")
    page = response.content.decode()
    assert response.status_code == 200
    assert "<h1>My hours</h1>" in page
    assert "08:00–12:30 Workplace" in page
    assert "Confirm the month" in page  # October is over and all its hours are confirmed
    assert 'value="2026-10"' in page


def test_the_adept_adds_hours_and_comes_back_to_that_week(cast: Cast, login) -> None:
    response = login(cast.dana).post(add_url(cast), form(note="Formning"))
    assert response.status_code == 302
    assert response["Location"] == "/learning/hours/?week=2026-10-12"
    added = HoursEntry.objects.get()
    assert (added.day, added.minutes, added.note, added.confirmed_at) == (
        DAY,
        240,
        "Formning",
        None,
    )


def test_an_overlap_is_shown_on_the_form_with_what_was_typed(cast: Cast, login) -> None:
    entry(cast.dana_enrolment, DAY, "08:00", "12:00")
    response = login(cast.dana).post(
        add_url(cast), form(kind="theory", starts_at="11:59", ends_at="15:00", note="Skolan")
    )
    page = response.content.decode()
    assert response.status_code == 200
    assert "These hours overlap with workplace hours 08:00–12:00 on the same day." in page
    assert 'value="11:59"' in page and 'value="Skolan"' in page
    assert HoursEntry.objects.count() == 1


def test_bad_input_is_refused_without_a_500(cast: Cast, login) -> None:
    response = login(cast.dana).post(add_url(cast), form(starts_at="25:00", kind="sleep"))
    page = response.content.decode()
    assert response.status_code == 200
    assert "Enter a valid time." in page
    assert "Select a valid choice." in page
    assert not HoursEntry.objects.exists()


@pytest.mark.parametrize("name", ["charlie", "mona", "erin"])
def test_others_cannot_see_or_add_her_hours(cast: Cast, login, name: str) -> None:
    client = login(getattr(cast, name))
    assert client.get(f"/learning/adepts/{cast.dana_enrolment.pk}/hours/").status_code == 404
    assert client.post(add_url(cast), form()).status_code == 404
    assert not HoursEntry.objects.exists()


def test_a_mentor_of_another_workplace_sees_nothing(cast: Cast, login) -> None:
    work = entry(cast.dana_enrolment, DAY, "08:00", "12:00")
    client = login(other_mentor(cast))
    assert client.get(f"/learning/adepts/{cast.dana_enrolment.pk}/hours/").status_code == 404
    assert client.post("/learning/hours/confirm/", {"entry": [work.pk]}).status_code == 404
    assert client.post(f"/learning/hours/{work.pk}/delete/").status_code == 404
    assert "Dana" not in body_of(client.get("/learning/hours/to-confirm/"))
    work.refresh_from_db()
    assert work.confirmed_at is None


def test_her_mentor_reads_her_hours_but_adds_none(cast: Cast, login) -> None:
    client = login(cast.bob)
    page = body_of(client.get(f"/learning/adepts/{cast.dana_enrolment.pk}/hours/"))
    assert "Hours: <bdi>Dana Darwish</bdi>" in page
    assert "Save the hours" not in page
    response = client.post(add_url(cast), form())
    assert "Only the adept, her teacher or the coordinator can add hours." in (
        response.content.decode()
    )
    assert not HoursEntry.objects.exists()


def test_someone_without_an_adept_placement_has_no_my_hours(cast: Cast, login) -> None:
    assert login(cast.bob).get("/learning/hours/").status_code == 404


def test_the_adept_removes_an_open_entry_not_a_confirmed_one(cast: Cast, login) -> None:
    open_ = entry(cast.dana_enrolment, DAY, "08:00", "09:00")
    done = entry(cast.dana_enrolment, DAY, "09:00", "10:00", confirmed_by=cast.bob)
    client = login(cast.dana)
    assert client.post(f"/learning/hours/{open_.pk}/delete/").status_code == 302
    response = client.post(f"/learning/hours/{done.pk}/delete/", follow=True)
    assert "Confirmed hours cannot be changed or removed." in response.content.decode()
    assert list(HoursEntry.objects.values_list("pk", flat=True)) == [done.pk]


def test_the_month_is_confirmed_from_the_page(cast: Cast, login) -> None:
    entry(cast.dana_enrolment, DAY, "08:00", "12:00", confirmed_by=cast.bob)
    url = f"/learning/adepts/{cast.dana_enrolment.pk}/hours/month/"
    client = login(cast.dana)
    response = client.post(url, {"month": "2026-10"})
    assert response.status_code == 302
    assert MonthConfirmation.objects.get().workplace_minutes == 240
    response = client.post(url, {"month": "October"}, follow=True)
    assert "Please choose a month." in response.content.decode()


def test_a_month_with_unconfirmed_hours_is_refused_from_the_page(cast: Cast, login) -> None:
    entry(cast.dana_enrolment, DAY, "08:00", "12:00")
    url = f"/learning/adepts/{cast.dana_enrolment.pk}/hours/month/"
    response = login(cast.dana).post(url, {"month": "2026-10"}, follow=True)
    assert response.redirect_chain == [("/learning/hours/", 302)]
    assert "Not yet: 1." in body_of(response)
    assert not MonthConfirmation.objects.exists()


def test_the_mentor_does_not_confirm_her_month(cast: Cast, login) -> None:
    entry(cast.dana_enrolment, DAY, "08:00", "12:00", confirmed_by=cast.bob)
    url = f"/learning/adepts/{cast.dana_enrolment.pk}/hours/month/"
    response = login(cast.bob).post(url, {"month": "2026-10"}, follow=True)
    assert "Only the adept herself confirms her month." in response.content.decode()
    assert login(cast.charlie).post(url, {"month": "2026-10"}).status_code == 404
    assert not MonthConfirmation.objects.exists()


# --- to confirm ------------------------------------------------------------------------------


def test_the_mentor_confirms_all_shown_workplace_hours_only(cast: Cast, login) -> None:
    work = entry(cast.dana_enrolment, DAY, "08:00", "12:00")
    school = entry(cast.dana_enrolment, DAY, "13:00", "15:00", kind="theory")
    client = login(cast.bob)
    page = body_of(client.get("/learning/hours/to-confirm/"))
    assert f'name="entry" value="{work.pk}"' in page
    assert f'name="entry" value="{school.pk}"' not in page
    response = client.post("/learning/hours/confirm/", {"entry": [work.pk]}, follow=True)
    assert "1 entry is confirmed." in response.content.decode()
    work.refresh_from_db()
    assert work.confirmed_by == cast.bob


def test_the_mentor_cannot_confirm_theory_hours(cast: Cast, login) -> None:
    school = entry(cast.dana_enrolment, DAY, "13:00", "15:00", kind="theory")
    response = login(cast.bob).post("/learning/hours/confirm/", {"entry": [school.pk]}, follow=True)
    assert response.redirect_chain == [("/learning/hours/to-confirm/", 302)]
    assert "Only a teacher of her school can confirm theory hours." in body_of(response)
    school.refresh_from_db()
    assert school.confirmed_at is None


def test_the_teacher_confirms_theory_hours_one_by_one(cast: Cast, login) -> None:
    school = entry(cast.dana_enrolment, DAY, "13:00", "15:00", kind="theory")
    client = login(cast.tess)
    assert f'value="{school.pk}"' in body_of(client.get("/learning/hours/to-confirm/"))
    assert client.post("/learning/hours/confirm/", {"entry": school.pk}).status_code == 302
    school.refresh_from_db()
    assert school.confirmed_by == cast.tess


@pytest.mark.parametrize("name", ["charlie", "mona", "erin"])
def test_outsiders_confirm_nothing(cast: Cast, login, name: str) -> None:
    work = entry(cast.dana_enrolment, DAY, "08:00", "12:00")
    client = login(getattr(cast, name))
    assert "Dana" not in body_of(client.get("/learning/hours/to-confirm/"))
    assert client.post("/learning/hours/confirm/", {"entry": [work.pk]}).status_code == 404
    work.refresh_from_db()
    assert work.confirmed_at is None


def test_nothing_chosen_or_rubbish_is_a_message_not_a_500(cast: Cast, login) -> None:
    response = login(cast.bob).post("/learning/hours/confirm/", {"entry": ["x"]}, follow=True)
    assert response.status_code == 200
    assert "Please choose the hours to confirm." in response.content.decode()


def test_hours_to_confirm_reads_the_same_queries_for_2_and_10_adepts(cast: Cast, login) -> None:
    client = login(cast.tess)

    def grow_to(count: int) -> None:
        while HoursEntry.objects.count() < count:
            adept = add_adept(cast, HoursEntry.objects.count())
            entry(adept, DAY, "13:00", "15:00", kind="theory")

    grow_to(2)
    with CaptureQueriesContext(connection) as two:
        page = body_of(client.get("/learning/hours/to-confirm/"))
    assert page.count('<th scope="row">') == 2
    grow_to(10)
    with CaptureQueriesContext(connection) as ten:
        page = body_of(client.get("/learning/hours/to-confirm/"))
    assert page.count('<th scope="row">') == 10
    assert len(ten) == len(two)


# --- export ----------------------------------------------------------------------------------


def confirmed_october(cast: Cast) -> None:
    entry(cast.dana_enrolment, DAY, "08:00", "12:30", confirmed_by=cast.bob)
    entry(cast.dana_enrolment, DAY, "13:00", "16:00", kind="theory", confirmed_by=cast.tess)
    entry(cast.erin_enrolment, DAY, "08:00", "12:00")  # not confirmed: no hours in the export
    MonthConfirmation.objects.create(
        enrolment=cast.dana_enrolment,
        month=OCTOBER,
        theory_minutes=180,
        workplace_minutes=270,
        confirmed_by=cast.dana,
    )


def test_the_coordinator_downloads_the_month_as_a_spreadsheet(cast: Cast, login) -> None:
    confirmed_october(cast)
    response = login(cast.alice).get("/learning/hours/export/?month=2026-10")
    assert response.status_code == 200
    assert response["Content-Disposition"] == 'attachment; filename="hours-2026-10.xlsx"'
    sheet = load_workbook(io.BytesIO(response.content)).active
    assert sheet is not None
    rows = [list(row) for row in sheet.iter_rows(values_only=True)]
    today = timezone.localdate()
    assert rows[0] == [
        "Programme",
        "Adept",
        "Workplace",
        "School",
        "Month",
        "Theory hours",
        "Workplace hours",
        "Confirmed by the adept on",
    ]
    assert rows[1][:7] == [
        "Gjuterivägen",
        "Dana Darwish",
        "Formning",
        "Lärcentrum",
        "2026-10",
        3,
        4.5,
    ]
    assert rows[1][7].date() == today
    assert rows[2] == [
        "Gjuterivägen",
        "Erin Eriksson",
        "Efterbehandling",
        "Lärcentrum",
        "2026-10",
        None,
        None,
        None,
    ]
    assert len(rows) == 3


def test_the_export_as_csv(cast: Cast, login) -> None:
    confirmed_october(cast)
    response = login(cast.alice).get("/learning/hours/export/?month=2026-10&format=csv")
    assert response.status_code == 200
    assert response["Content-Disposition"] == 'attachment; filename="hours-2026-10.csv"'
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert rows[1][:7] == [
        "Gjuterivägen",
        "Dana Darwish",
        "Formning",
        "Lärcentrum",
        "2026-10",
        "3.0",
        "4.5",
    ]
    assert rows[2][5:] == ["", "", ""]


def test_the_export_page_without_or_with_a_bad_month(cast: Cast, login) -> None:
    client = login(cast.alice)
    page = body_of(client.get("/learning/hours/export/"))
    assert "<h1>Hours for funders</h1>" in page
    response = client.get("/learning/hours/export/?month=2026-13")
    assert response.status_code == 200
    assert "Enter a valid date." in response.content.decode()


@pytest.mark.parametrize("name", ["bob", "tess", "dana", "mona"])
def test_only_coordinators_export(cast: Cast, login, name: str) -> None:
    assert (
        login(getattr(cast, name)).get("/learning/hours/export/?month=2026-10").status_code == 404
    )


def test_another_municipality_exports_none_of_savsjo(cast: Cast, login) -> None:
    confirmed_october(cast)
    response = login(cast.charlie).get("/learning/hours/export/?month=2026-10&format=csv")
    assert response.status_code == 200
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    # His own (empty) export: the heading row and nobody of Sävsjö.
    assert rows == [
        [
            "Programme",
            "Adept",
            "Workplace",
            "School",
            "Month",
            "Theory hours",
            "Workplace hours",
            "Confirmed by the adept on",
        ]
    ]


# --- the daily reminder ----------------------------------------------------------------------


def run_the_worker() -> None:
    run_worker()


def test_the_job_is_registered_to_run_daily() -> None:
    job = discover_periodic_jobs()[hours_reminders_send.module_path]
    assert job.every == timedelta(hours=24)


def test_mentors_and_teachers_are_told_of_hours_waiting_over_three_days_once_a_day(
    cast: Cast, django_capture_on_commit_callbacks
) -> None:
    old = timezone.now() - timedelta(days=4)
    for day, kind in ((DAY, "workplace"), (DAY + timedelta(days=1), "workplace"), (DAY, "theory")):
        start = "13:00" if kind == "theory" else "08:00"
        made = entry(
            cast.dana_enrolment, day, start, "12:00" if kind == "workplace" else "15:00", kind=kind
        )
        HoursEntry.objects.filter(pk=made.pk).update(created_at=old)
    entry(cast.erin_enrolment, DAY, "08:00", "12:00")  # only a day old: not yet
    hours_reminders_send.enqueue()
    with django_capture_on_commit_callbacks(execute=True):
        run_the_worker()
    run_the_worker()  # the e-mails
    rows = Notification.objects.filter(kind=Kind.HOURS_TO_CONFIRM).order_by("recipient__email")
    url = f"/learning/hours/to-confirm/?adept={cast.dana_enrolment.pk}"
    assert [(n.recipient.email, n.params, n.url) for n in rows] == [
        ("bob@gjuteri.example", {"name": "Dana Darwish", "count": 2}, url),
        ("tess@larcentrum.example", {"name": "Dana Darwish", "count": 1}, url),
    ]
    assert len(mail.outbox) == 2
    assert hours_reminders_send.call() == 0  # the same day: nothing again
    Notification.objects.update(created_at=timezone.now() - timedelta(hours=25))
    assert hours_reminders_send.call() == 2
