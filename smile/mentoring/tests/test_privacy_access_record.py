"""The access log records who did what to which record, and nothing of the record's content."""

from smile.lib.crypto import encrypt_json
from smile.mentoring.models import LifeSituationCheckIn
from smile.privacy.models import AccessAction, AccessLog
from smile.privacy.selectors import access_log_page
from smile.privacy.services import access_record
from tests.cast import Cast


def test_it_records_who_what_and_which_record(cast: Cast) -> None:
    checkin = LifeSituationCheckIn.objects.create(
        enrolment=cast.dana_enrolment, payload=encrypt_json({"note": "secret"})
    )
    entry = access_record(
        actor=cast.alice, subject=cast.dana, record=checkin, action=AccessAction.VIEW
    )
    assert AccessLog.objects.values_list(
        "actor", "subject", "record_type", "record_id", "action"
    ).get(pk=entry.pk) == (
        cast.alice.pk,
        cast.dana.pk,
        "mentoring.lifesituationcheckin",
        checkin.pk,
        "view",
    )


def test_the_log_reads_in_words_and_survives_the_record_and_the_reader(cast: Cast) -> None:
    checkin = LifeSituationCheckIn.objects.create(
        enrolment=cast.dana_enrolment, payload=encrypt_json({})
    )
    access_record(actor=cast.dana, subject=cast.dana, record=checkin, action="create")
    access_record(actor=cast.alice, subject=cast.dana, record=checkin, action="view")
    checkin.delete()
    cast.alice.delete()
    _, rows = access_log_page(user=cast.dana, page=None)
    assert [(r.actor_name, r.actor_gone, r.action, r.record) for r in rows] == [
        (None, True, "read", "My life situation"),
        (None, False, "wrote", "My life situation"),
    ]
    assert access_log_page(user=cast.erin, page=None)[1] == []
