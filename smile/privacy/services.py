"""Writes of the privacy app: the access log of sensitive records."""

from django.db import models, transaction

from smile.accounts.models import User
from smile.privacy.models import AccessAction, AccessLog


def record_type_of(record: models.Model) -> str:
    """How a record's kind is named in the log ("mentoring.lifesituationcheckin")."""
    return record._meta.label_lower


@transaction.atomic
def access_record(
    *, actor: User | None, subject: User, record: models.Model, action: AccessAction | str
) -> AccessLog:
    """Write down that `actor` read or wrote `record`, which is about `subject`.

    Only who, what kind of record, which one, what and when: never any of the record's content,
    so the row can stay after the record is deleted.
    """
    assert record.pk is not None, "log an access to a saved record"
    entry = AccessLog(
        actor=actor,
        subject=subject,
        record_type=record_type_of(record),
        record_id=record.pk,
        action=str(action),
    )
    entry.full_clean()
    entry.save()
    return entry
