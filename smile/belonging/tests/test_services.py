"""Opening and closing rounds, answering, and the anonymity after a round closes."""

from datetime import datetime, timedelta

import pytest
from django.db import connection
from django.utils import timezone

from smile.belonging import services
from smile.belonging.models import PulseAnswered, PulseResponse, PulseRound, PulseSettings
from smile.belonging.tasks import run_pulse_rounds
from smile.belonging.tests.fixtures import ALL_FOURS, add_adepts, close_round, open_round
from smile.core.errors import ApplicationError
from smile.core.jobs import discover_periodic_jobs
from smile.core.tests.worker import run_worker
from smile.notifications.models import Notification
from tests.cast import Cast

NOW = timezone.make_aware(datetime(2026, 12, 1, 9, 0))


def test_a_round_asks_each_adept_in_an_active_pair_once(cast: Cast) -> None:
    assert services.rounds_open_due(now=NOW) == 1
    round_ = PulseRound.objects.get(programme=cast.programme)
    assert round_.closes_at == NOW + timedelta(days=10)
    assert round_.asked == 1
    notice = Notification.objects.get(kind="belonging_pulse")
    assert notice.recipient == cast.dana  # erin has no pair; bob is a mentor
    assert notice.params == {"programme": "Gjuterivägen"}
    assert notice.url == f"/belonging/rounds/{round_.pk}/answer/"
    assert notice.subject == f"belonging.pulseround:{round_.pk}:answer"


def test_the_job_is_idempotent_within_the_cadence(cast: Cast) -> None:
    assert services.rounds_open_due(now=NOW) == 1
    assert services.rounds_open_due(now=NOW) == 0
    assert services.rounds_open_due(now=NOW + timedelta(days=27)) == 0
    assert Notification.objects.filter(kind="belonging_pulse").count() == 1
    assert services.rounds_close_due(now=NOW + timedelta(days=10, seconds=1)) == 1
    assert services.rounds_close_due(now=NOW + timedelta(days=11)) == 0
    # Four weeks (the default) after the first, the next round.
    assert services.rounds_open_due(now=NOW + timedelta(days=28)) == 1
    assert PulseRound.objects.filter(programme=cast.programme).count() == 2


def test_the_cadence_is_the_coordinators_and_off_means_no_rounds(cast: Cast) -> None:
    services.pulse_settings_set(user=cast.alice, programme=cast.programme, cadence_weeks=0)
    assert services.rounds_open_due(now=NOW) == 0
    services.pulse_settings_set(user=cast.alice, programme=cast.programme, cadence_weeks=2)
    assert services.rounds_open_due(now=NOW) == 1
    assert services.rounds_open_due(now=NOW + timedelta(days=13)) == 0
    assert services.rounds_open_due(now=NOW + timedelta(days=14)) == 1
    assert PulseSettings.objects.get(programme=cast.programme).cadence_weeks == 2


def test_only_the_coordinator_sets_the_cadence(cast: Cast) -> None:
    for person in (cast.mona, cast.bob, cast.dana, cast.charlie):
        with pytest.raises(Exception):  # NotAllowed
            services.pulse_settings_set(user=person, programme=cast.programme, cadence_weeks=2)
    assert not PulseSettings.objects.exists()
    with pytest.raises(ApplicationError):
        services.pulse_settings_set(user=cast.alice, programme=cast.programme, cadence_weeks=3)


def test_an_answer_finishes_her_notice_and_cannot_be_given_twice(cast: Cast) -> None:
    round_ = open_round()
    services.pulse_answer(user=cast.dana, round_=round_, answers=ALL_FOURS)
    assert Notification.objects.get(recipient=cast.dana).done_at is not None
    with pytest.raises(Exception):  # no longer hers to answer
        services.pulse_answer(user=cast.dana, round_=round_, answers=ALL_FOURS)
    assert PulseResponse.objects.count() == 1
    response = PulseResponse.objects.get()
    assert (response.workplace, response.welcome, response.fair) == (cast.moulding, 4, 4)


def test_an_incomplete_answer_is_refused(cast: Cast) -> None:
    round_ = open_round()
    with pytest.raises(ApplicationError) as caught:
        services.pulse_answer(user=cast.dana, round_=round_, answers={"welcome": 5})
    assert caught.value.field == "help"
    assert not PulseResponse.objects.exists()
    assert not PulseAnswered.objects.exists()


def test_others_cannot_answer(cast: Cast) -> None:
    round_ = open_round()
    for person in (cast.erin, cast.bob, cast.mona, cast.alice, cast.charlie):
        with pytest.raises(Exception):
            services.pulse_answer(user=person, round_=round_, answers=ALL_FOURS)
    assert not PulseResponse.objects.exists()


def test_after_close_no_row_links_a_person_to_an_answer(cast: Cast) -> None:
    people = add_adepts(cast, 5, workplace=cast.moulding)
    round_ = open_round()
    for index, person in enumerate(people):
        answers = dict(ALL_FOURS, welcome=index + 1)
        services.pulse_answer(user=person, round_=round_, answers=answers)
    assert PulseAnswered.objects.filter(round=round_).count() == 5
    close_round(round_)
    assert round_.closed_at is not None
    assert not PulseAnswered.objects.exists()
    assert sorted(PulseResponse.objects.values_list("welcome", flat=True)) == [1, 2, 3, 4, 5]
    # The response table has no column that could hold a person or a time.
    columns = {
        column.name
        for column in connection.introspection.get_table_description(
            connection.cursor(), PulseResponse._meta.db_table
        )
    }
    assert columns == {
        "id",
        "round_id",
        "workplace_id",
        "welcome",
        "help",
        "expected",
        "colleagues",
        "fair",
    }
    # Dana did not answer: her notice is finished by the close, too.
    assert not Notification.objects.filter(kind="belonging_pulse", done_at__isnull=True).exists()


def test_the_worker_runs_the_daily_job_and_running_it_again_changes_nothing(cast: Cast) -> None:
    job = discover_periodic_jobs()[run_pulse_rounds.module_path]
    assert (job.task, job.every) == (run_pulse_rounds, timedelta(hours=24))
    run_pulse_rounds.enqueue()
    run_worker()
    assert PulseRound.objects.filter(programme=cast.programme).count() == 1
    run_pulse_rounds.enqueue()
    run_worker()
    assert PulseRound.objects.filter(programme=cast.programme).count() == 1
    assert Notification.objects.filter(kind="belonging_pulse").count() == 1


def test_after_close_the_notices_of_who_answered_and_who_did_not_are_alike(cast: Cast) -> None:
    from smile.belonging import selectors
    from smile.notifications.services import notification_read

    people = add_adepts(cast, 6, workplace=cast.moulding)
    round_ = open_round(NOW)
    # Five answer, at different moments, having opened their notice; the sixth does nothing.
    for index, person in enumerate(people[:5]):
        notice = Notification.objects.get(recipient=person, kind="belonging_pulse")
        notification_read(notification=notice, user=person)
        services.pulse_answer(
            user=person, round_=round_, answers=dict(ALL_FOURS, welcome=index + 1, fair=5)
        )
    answerer, silent = people[0], people[5]
    assert Notification.objects.get(recipient=answerer).done_at is not None
    assert Notification.objects.get(recipient=silent).done_at is None
    close_round(round_)
    closed = NOW + timedelta(days=10, seconds=1)
    assert round_.closed_at == closed
    assert list(
        Notification.objects.filter(recipient=answerer).values_list("done_at", "read_at")
    ) == [(closed, closed)]
    assert list(
        Notification.objects.filter(recipient=silent).values_list("done_at", "read_at")
    ) == [(closed, closed)]
    # Every notice of the round (dana's too) finished and read at the close, nothing else.
    assert set(
        Notification.objects.filter(kind="belonging_pulse").values_list("done_at", "read_at")
    ) == {(closed, closed)}
    assert not PulseAnswered.objects.exists()
    # The figures are those of the answers as given.
    figures = selectors.workplace_trends([cast.moulding])[cast.moulding.pk]
    assert [(figure.answered, figure.means) for figure in figures] == [
        (5, {"welcome": 3.0, "help": 4.0, "expected": 4.0, "colleagues": 4.0, "fair": 5.0})
    ]
