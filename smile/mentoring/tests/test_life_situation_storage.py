"""The life-situation check-in is stored encrypted: the column holds no plaintext."""

from smile.lib.crypto import decrypt_json, encrypt_json
from smile.mentoring.models import LifeSituationCheckIn
from tests.cast import Cast

ANSWERS = {"answers": {"housing": "support"}, "note": "Hyran är för hög. الإيجار مرتفع جدا"}


def test_the_database_column_holds_no_plaintext(cast: Cast) -> None:
    checkin = LifeSituationCheckIn.objects.create(
        enrolment=cast.dana_enrolment, payload=encrypt_json(ANSWERS)
    )
    (raw,) = LifeSituationCheckIn.objects.filter(pk=checkin.pk).values_list("payload", flat=True)
    for word in ("Hyran", "hög", "الإيجار", "housing", "support"):
        assert word not in raw
    assert decrypt_json(raw) == ANSWERS
