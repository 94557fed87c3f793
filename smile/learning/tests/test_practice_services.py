"""The rules of the practice log, straight at the services."""

from datetime import date, timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import IntegrityError, transaction
from django.utils import timezone

from smile.core.errors import ApplicationError
from smile.learning.models import (
    Curriculum,
    Level,
    Objective,
    PracticeCorrection,
    PracticeEntry,
    PracticeStatus,
    Unit,
)
from smile.learning.practice import services
from smile.learning.tests.practice_fixtures import (
    Practice,
    build_practice,
    give_plan,
    png_upload,
)
from smile.matching.models import Pair, PairStatus
from smile.notifications.models import Kind, Notification
from tests.cast import Cast


@pytest.fixture
def practice(cast: Cast, settings, tmp_path) -> Practice:
    settings.MEDIA_ROOT = tmp_path
    return build_practice(cast)


def today() -> date:
    return timezone.localdate()


def log(cast: Cast, **values: object) -> PracticeEntry:
    defaults: dict[str, object] = {
        "done_on": today(),
        "task": None,
        "objective": None,
        "note": "Jag mätte formen",
        "photo": None,
        "self_level": Level.INTRODUCED,
    }
    defaults.update(values)
    return services.practice_entry_create(
        enrolment=cast.dana_enrolment,
        by=cast.dana,
        **defaults,  # type: ignore[arg-type]
    )


def confirmed(cast: Cast, entry: PracticeEntry, level: int = Level.WITH_SUPPORT) -> PracticeEntry:
    return services.practice_confirm(entry=entry, by=cast.bob, mentor_level=level, comment="")


# --- logging ---------------------------------------------------------------------------------


def test_the_adept_logs_and_her_mentor_is_asked(cast: Cast, practice: Practice) -> None:
    entry = log(cast, task=practice.measure, note="  Mätte med skjutmått  ")
    assert (entry.status, entry.note, entry.task, entry.self_level) == (
        PracticeStatus.SUBMITTED,
        "Mätte med skjutmått",
        practice.measure,
        Level.INTRODUCED,
    )
    notice = Notification.objects.get()
    assert notice.recipient == cast.bob
    assert notice.kind == Kind.PRACTICE_TO_CONFIRM
    assert notice.params == {"name": "Dana Darwish", "done_on": today().isoformat()}
    assert notice.url == f"/learning/practice/{entry.pk}/"


def test_a_mentor_whose_pair_ended_is_not_asked(cast: Cast, practice: Practice) -> None:
    Pair.objects.filter(pk=cast.pair.pk).update(
        status=PairStatus.ENDED, ended_on=today(), end_reason="moved"
    )
    log(cast)
    assert Notification.objects.count() == 0


@pytest.mark.parametrize("name", ["bob", "erin", "tess", "alice"])
def test_only_the_adept_herself_logs(cast: Cast, practice: Practice, name: str) -> None:
    with pytest.raises(ApplicationError, match="Only the adept herself"):
        services.practice_entry_create(
            enrolment=cast.dana_enrolment,
            by=getattr(cast, name),
            done_on=today(),
            task=None,
            objective=None,
            note="x",
            photo=None,
            self_level=1,
        )
    assert PracticeEntry.objects.count() == 0


def test_a_date_in_the_future_is_refused(cast: Cast, practice: Practice) -> None:
    with pytest.raises(ApplicationError, match="cannot be in the future") as error:
        log(cast, done_on=today() + timedelta(days=1))
    assert error.value.field == "done_on"
    assert PracticeEntry.objects.count() == 0


def test_a_date_before_her_start_is_refused(cast: Cast, practice: Practice) -> None:
    with pytest.raises(
        ApplicationError, match=r"before your start in the programme \(10 Aug 2026\)"
    ):
        log(cast, done_on=date(2026, 8, 9))
    assert log(cast, done_on=date(2026, 8, 10)).done_on == date(2026, 8, 10)


def test_the_task_must_be_at_her_workplace(cast: Cast, practice: Practice) -> None:
    with pytest.raises(ApplicationError, match="Choose a task at your workplace") as error:
        log(cast, task=practice.grind)
    assert error.value.field == "task"


def test_a_task_with_one_objective_names_it(cast: Cast, practice: Practice) -> None:
    assert log(cast, task=practice.measure).objective == practice.objectives[0]


def test_a_task_with_two_objectives_names_none_unless_she_chooses(
    cast: Cast, practice: Practice
) -> None:
    assert log(cast, task=practice.mould).objective is None
    chosen = log(cast, task=practice.mould, objective=practice.objectives[2])
    assert chosen.objective == practice.objectives[2]


def test_an_objective_outside_her_programme_is_refused(cast: Cast, practice: Practice) -> None:
    other = Curriculum.objects.create(organisation=cast.school, name="Trähus")
    unit = Unit.objects.create(curriculum=other, code="T", name="Trä")
    foreign = Objective.objects.create(curriculum=other, unit=unit, code="T1", text="Såga")
    with pytest.raises(ApplicationError, match="not part of your programme"):
        log(cast, objective=foreign)
    # The default ignores objectives of curricula her programme does not use.
    practice.sweep.objectives.add(foreign)
    assert log(cast, task=practice.sweep).objective is None


def test_a_note_a_photo_or_a_task_is_needed(cast: Cast, practice: Practice) -> None:
    with pytest.raises(ApplicationError, match="choose a task, write a short note or add a photo"):
        log(cast, note="   ")
    assert log(cast, note="", task=practice.sweep).task == practice.sweep
    photo_only = log(cast, note="", photo=png_upload())
    assert str(photo_only.photo.name).startswith("practice/")
    assert str(photo_only.photo.name).endswith(".jpg")


def test_the_database_refuses_an_entry_that_says_nothing(cast: Cast) -> None:
    with pytest.raises(IntegrityError), transaction.atomic():
        PracticeEntry.objects.create(enrolment=cast.dana_enrolment, done_on=today(), self_level=1)


def test_a_file_that_is_not_a_picture_is_refused(cast: Cast, practice: Practice) -> None:
    upload = SimpleUploadedFile("notes.png", b"not a picture", content_type="image/png")
    with pytest.raises(ApplicationError, match="not a picture we can use") as error:
        log(cast, photo=upload)
    assert error.value.field == "photo"
    assert PracticeEntry.objects.count() == 0


def test_her_level_must_be_one_of_the_four(cast: Cast, practice: Practice) -> None:
    for level in (None, 4):
        with pytest.raises(ApplicationError, match="Please choose a level"):
            log(cast, self_level=level)


# --- changing her own entry ------------------------------------------------------------------


def update(cast: Cast, entry: PracticeEntry, **values: object) -> PracticeEntry:
    defaults: dict[str, object] = {
        "done_on": entry.done_on,
        "task": entry.task,
        "objective": None,
        "note": entry.note,
        "photo": None,
        "self_level": entry.self_level,
    }
    defaults.update(values)
    return services.practice_entry_update(entry=entry, by=cast.dana, **defaults)  # type: ignore[arg-type]


def test_she_changes_a_waiting_entry(cast: Cast, practice: Practice) -> None:
    entry = log(cast)
    changed = update(cast, entry, note="Mätte två formar", self_level=Level.WITH_SUPPORT)
    entry.refresh_from_db()
    assert (entry.note, entry.self_level, entry.status) == (
        "Mätte två formar",
        Level.WITH_SUPPORT,
        PracticeStatus.SUBMITTED,
    )
    assert changed.pk == entry.pk
    assert Notification.objects.count() == 1  # only the first ask


def test_a_returned_entry_goes_back_to_the_mentor_when_she_changes_it(
    cast: Cast, practice: Practice
) -> None:
    entry = services.practice_return(entry=log(cast), by=cast.bob, comment="Lägg till ett foto")
    update(cast, entry, photo=png_upload())
    entry.refresh_from_db()
    assert entry.status == PracticeStatus.SUBMITTED
    assert entry.photo
    asks = Notification.objects.filter(kind=Kind.PRACTICE_TO_CONFIRM, recipient=cast.bob)
    assert asks.count() == 2


def test_she_may_remove_the_photo_only_if_something_else_remains(
    cast: Cast, practice: Practice
) -> None:
    entry = log(cast, note="", photo=png_upload())
    with pytest.raises(ApplicationError, match="choose a task"):
        update(cast, entry, remove_photo=True)
    update(cast, entry, remove_photo=True, note="Utan foto")
    entry.refresh_from_db()
    assert (entry.photo.name, entry.note) == ("", "Utan foto")


def test_nobody_else_changes_or_deletes_her_entry(cast: Cast, practice: Practice) -> None:
    entry = log(cast)
    with pytest.raises(ApplicationError, match="Only the adept herself"):
        services.practice_entry_update(
            entry=entry,
            by=cast.bob,
            done_on=today(),
            task=None,
            objective=None,
            note="Ändrat",
            photo=None,
            self_level=1,
        )
    with pytest.raises(ApplicationError, match="Only the adept herself"):
        services.practice_entry_delete(entry=entry, by=cast.bob)
    entry.refresh_from_db()
    assert entry.note == "Jag mätte formen"


def test_she_deletes_a_waiting_entry(cast: Cast, practice: Practice) -> None:
    entry = log(cast)
    services.practice_entry_delete(entry=entry, by=cast.dana)
    assert PracticeEntry.objects.count() == 0


def test_a_confirmed_entry_cannot_be_changed_or_deleted(cast: Cast, practice: Practice) -> None:
    entry = confirmed(cast, log(cast))
    with pytest.raises(ApplicationError, match="A confirmed entry cannot be changed"):
        update(cast, entry, note="Ändrat")
    with pytest.raises(ApplicationError, match="A confirmed entry cannot be changed"):
        services.practice_entry_delete(entry=entry, by=cast.dana)
    entry.refresh_from_db()
    assert (entry.note, entry.status) == ("Jag mätte formen", PracticeStatus.CONFIRMED)


# --- the mentor's answer ---------------------------------------------------------------------


def test_her_mentor_confirms_with_his_assessment(cast: Cast, practice: Practice) -> None:
    entry = services.practice_confirm(
        entry=log(cast), by=cast.bob, mentor_level=Level.WITH_SUPPORT, comment=" Bra! "
    )
    entry.refresh_from_db()
    assert (entry.status, entry.mentor_level, entry.mentor_comment, entry.reviewed_by) == (
        PracticeStatus.CONFIRMED,
        Level.WITH_SUPPORT,
        "Bra!",
        cast.bob,
    )
    assert entry.reviewed_at is not None
    answer = Notification.objects.get(kind=Kind.PRACTICE_ANSWERED)
    assert answer.recipient == cast.dana
    assert answer.params == {
        "name": "Bob Berg",
        "status": "confirmed",
        "done_on": today().isoformat(),
    }


@pytest.mark.parametrize("name", ["dana", "tess", "alice", "erin"])
def test_only_her_live_mentor_confirms_or_returns(
    cast: Cast, practice: Practice, name: str
) -> None:
    entry = log(cast)
    with pytest.raises(ApplicationError, match="Only the adept's mentor"):
        services.practice_confirm(entry=entry, by=getattr(cast, name), mentor_level=2)
    with pytest.raises(ApplicationError, match="Only the adept's mentor"):
        services.practice_return(entry=entry, by=getattr(cast, name), comment="Nej")
    entry.refresh_from_db()
    assert entry.status == PracticeStatus.SUBMITTED


def test_a_mentor_whose_pair_ended_no_longer_confirms(cast: Cast, practice: Practice) -> None:
    entry = log(cast)
    Pair.objects.filter(pk=cast.pair.pk).update(
        status=PairStatus.ENDED, ended_on=today(), end_reason="moved"
    )
    with pytest.raises(ApplicationError, match="Only the adept's mentor"):
        services.practice_confirm(entry=entry, by=cast.bob, mentor_level=2)


def test_confirming_needs_his_level(cast: Cast, practice: Practice) -> None:
    entry = log(cast)
    with pytest.raises(ApplicationError, match="Please choose a level") as error:
        services.practice_confirm(entry=entry, by=cast.bob, mentor_level=None)
    assert error.value.field == "mentor_level"


def test_returning_needs_a_comment_and_tells_her(cast: Cast, practice: Practice) -> None:
    entry = log(cast)
    with pytest.raises(ApplicationError, match="Please write a comment") as error:
        services.practice_return(entry=entry, by=cast.bob, comment="  ")
    assert error.value.field == "comment"
    services.practice_return(entry=entry, by=cast.bob, comment="Vilken form?")
    entry.refresh_from_db()
    assert (entry.status, entry.mentor_comment) == (PracticeStatus.RETURNED, "Vilken form?")
    answer = Notification.objects.get(kind=Kind.PRACTICE_ANSWERED)
    assert answer.params["status"] == "returned"


def test_an_answered_entry_is_not_answered_again(cast: Cast, practice: Practice) -> None:
    returned = services.practice_return(entry=log(cast), by=cast.bob, comment="Foto?")
    with pytest.raises(ApplicationError, match="not waiting for the mentor"):
        services.practice_confirm(entry=returned, by=cast.bob, mentor_level=2)
    done = confirmed(cast, log(cast))
    with pytest.raises(ApplicationError, match="not waiting for the mentor"):
        services.practice_return(entry=done, by=cast.bob, comment="Ändra")


def test_confirming_raises_the_plan_level_never_lowers_it(cast: Cast, practice: Practice) -> None:
    first, second = give_plan(cast, practice.objectives[:2], level=Level.INTRODUCED)
    confirmed(cast, log(cast, task=practice.measure), level=Level.INDEPENDENT)
    first.refresh_from_db()
    second.refresh_from_db()
    assert (first.level, second.level) == (Level.INDEPENDENT, Level.INTRODUCED)
    confirmed(cast, log(cast, task=practice.measure), level=Level.NOT_STARTED)
    first.refresh_from_db()
    assert first.level == Level.INDEPENDENT


def test_confirming_an_objective_outside_her_plan_changes_no_plan(
    cast: Cast, practice: Practice
) -> None:
    (item,) = give_plan(cast, practice.objectives[1:2])
    confirmed(cast, log(cast, task=practice.measure), level=Level.INDEPENDENT)
    item.refresh_from_db()
    assert item.level == Level.NOT_STARTED


# --- corrections -----------------------------------------------------------------------------


def correct(cast: Cast, entry: PracticeEntry, by: str = "bob", **values: object) -> object:
    return services.practice_correct(entry=entry, by=getattr(cast, by), **values)  # type: ignore[arg-type]


@pytest.mark.parametrize("name", ["bob", "tess"])
def test_the_mentor_or_teacher_corrects_with_a_record(
    cast: Cast, practice: Practice, name: str
) -> None:
    entry = confirmed(cast, log(cast))
    correction = correct(
        cast, entry, by=name, field="done_on", new_value=date(2026, 9, 1), reason="Fel dag"
    )
    entry.refresh_from_db()
    assert entry.done_on == date(2026, 9, 1)
    row = PracticeCorrection.objects.get()
    assert row == correction
    assert (row.field, row.old_value, row.new_value, row.reason, row.by) == (
        "done_on",
        today().isoformat(),
        "2026-09-01",
        "Fel dag",
        getattr(cast, name),
    )


@pytest.mark.parametrize("name", ["dana", "alice", "erin"])
def test_others_do_not_correct(cast: Cast, practice: Practice, name: str) -> None:
    entry = confirmed(cast, log(cast))
    with pytest.raises(ApplicationError, match="Only the adept's mentor or teacher"):
        correct(cast, entry, by=name, field="note", new_value="Ändrat", reason="Varför inte")
    assert PracticeCorrection.objects.count() == 0


def test_a_correction_needs_a_confirmed_entry_a_known_field_and_a_reason(
    cast: Cast, practice: Practice
) -> None:
    waiting = log(cast)
    with pytest.raises(ApplicationError, match="Only a confirmed entry is corrected"):
        correct(cast, waiting, field="note", new_value="Ändrat", reason="Fel")
    entry = confirmed(cast, log(cast))
    with pytest.raises(ApplicationError, match="This cannot be corrected"):
        correct(cast, entry, field="self_level", new_value=3, reason="Fel")
    with pytest.raises(ApplicationError, match="Please write why") as error:
        correct(cast, entry, field="note", new_value="Ändrat", reason=" ")
    assert error.value.field == "reason"
    with pytest.raises(ApplicationError, match="the value it already has"):
        correct(cast, entry, field="note", new_value="Jag mätte formen", reason="Samma")
    with pytest.raises(ApplicationError, match="cannot be in the future"):
        correct(cast, entry, field="done_on", new_value=today() + timedelta(1), reason="Fel")
    assert PracticeCorrection.objects.count() == 0


def test_correcting_the_level_or_objective_raises_the_plan(cast: Cast, practice: Practice) -> None:
    first, second = give_plan(cast, practice.objectives[:2])
    entry = confirmed(cast, log(cast, task=practice.measure), level=Level.INTRODUCED)
    correct(cast, entry, field="mentor_level", new_value=Level.WITH_SUPPORT, reason="Bättre")
    first.refresh_from_db()
    assert first.level == Level.WITH_SUPPORT
    correct(cast, entry, field="objective", new_value=practice.objectives[1], reason="Annat mål")
    second.refresh_from_db()
    assert second.level == Level.WITH_SUPPORT
    rows = list(PracticeCorrection.objects.values_list("field", "old_value", "new_value"))
    assert rows == [
        ("mentor_level", "1", "2"),
        ("objective", "1.1 Mål 1.1", "1.2 Mål 1.2"),
    ]
