"""notify honours each person's choice; settings are saved for every kind; read marks."""

import pytest
from django.core import mail

from smile.core.errors import ApplicationError, NotAllowed
from smile.core.tests.worker import run_worker
from smile.notifications import services
from smile.notifications.models import Kind, Notification, NotificationSetting
from smile.notifications.selectors import notification_list, unread_count
from tests.cast import Cast

PARAMS = {"name": "Bob Berg"}


def tell_dana(cast: Cast, capture) -> Notification | None:
    """Tell Dana that Bob asks for her reflection; the worker then sends what is to be sent."""
    with capture(execute=True):
        notice = services.notify(
            recipient=cast.dana, kind=Kind.REFLECTION_ASKED, params=PARAMS, url="/x/"
        )
    run_worker()
    return notice


def test_by_default_both_the_bell_and_an_email_in_her_language(
    cast: Cast, django_capture_on_commit_callbacks
) -> None:
    notice = tell_dana(cast, django_capture_on_commit_callbacks)
    assert notice is not None and (notice.in_app, notice.email) == (True, True)
    assert list(notification_list(user=cast.dana)) == [notice]
    assert unread_count(user=cast.dana) == 1
    assert [m.to for m in mail.outbox] == [["dana@elev.example"]]
    # Dana reads Arabic: the greeting is in Arabic.
    assert mail.outbox[0].body.startswith("مرحبًا Dana")


def test_a_kind_switched_off_sends_nothing_and_rings_no_bell(
    cast: Cast, django_capture_on_commit_callbacks
) -> None:
    services.notification_settings_update(user=cast.dana, in_app=[], email=[])
    assert tell_dana(cast, django_capture_on_commit_callbacks) is None
    assert not Notification.objects.exists()
    assert mail.outbox == []


def test_email_only_keeps_the_row_out_of_the_bell(
    cast: Cast, django_capture_on_commit_callbacks
) -> None:
    services.notification_settings_update(user=cast.dana, in_app=[], email=[Kind.REFLECTION_ASKED])
    notice = tell_dana(cast, django_capture_on_commit_callbacks)
    assert notice is not None and notice.in_app is False
    assert list(notification_list(user=cast.dana)) == []
    assert unread_count(user=cast.dana) == 0
    assert len(mail.outbox) == 1


def test_bell_only_sends_no_email(cast: Cast, django_capture_on_commit_callbacks) -> None:
    services.notification_settings_update(user=cast.dana, in_app=[Kind.REFLECTION_ASKED], email=[])
    notice = tell_dana(cast, django_capture_on_commit_callbacks)
    assert notice is not None and unread_count(user=cast.dana) == 1
    assert mail.outbox == []


def test_settings_are_written_for_every_kind(cast: Cast) -> None:
    services.notification_settings_update(
        user=cast.bob, in_app=[Kind.MEETING_REMINDER], email=[Kind.ACTION_DUE]
    )
    services.notification_settings_update(
        user=cast.bob, in_app=[Kind.MEETING_REMINDER], email=[Kind.ACTION_DUE]
    )
    rows = NotificationSetting.objects.filter(user=cast.bob)
    assert rows.count() == len(Kind.values)
    assert {(r.kind, r.in_app, r.email) for r in rows if r.in_app or r.email} == {
        (Kind.MEETING_REMINDER, True, False),
        (Kind.ACTION_DUE, False, True),
    }


def test_an_unknown_kind_is_refused_and_nothing_saved(cast: Cast) -> None:
    with pytest.raises(ApplicationError, match=r"Please choose only from the list\."):
        services.notification_settings_update(user=cast.bob, in_app=["rockets"], email=[])
    assert not NotificationSetting.objects.exists()


def test_only_the_recipient_marks_a_notice_read(cast: Cast) -> None:
    notice = Notification.objects.create(recipient=cast.dana, kind=Kind.REFLECTION_ASKED)
    with pytest.raises(NotAllowed):
        services.notification_read(notification=notice, user=cast.bob)
    notice.refresh_from_db()
    assert notice.read_at is None
    services.notification_read(notification=notice, user=cast.dana)
    notice.refresh_from_db()
    assert notice.read_at is not None


def test_read_all_marks_only_her_own(cast: Cast) -> None:
    for user in (cast.dana, cast.dana, cast.bob):
        Notification.objects.create(recipient=user, kind=Kind.REFLECTION_ASKED)
    assert services.notifications_read_all(user=cast.dana) == 2
    assert unread_count(user=cast.dana) == 0
    assert unread_count(user=cast.bob) == 1


def test_a_pair_proposal_email_says_who_where_and_how_to_answer(
    cast: Cast, django_capture_on_commit_callbacks
) -> None:
    cast.dana.preferred_language = "en"
    cast.dana.save()
    with django_capture_on_commit_callbacks(execute=True):
        services.notify(
            recipient=cast.dana,
            kind=Kind.PAIR_CHANGED,
            params={
                "event": "proposed",
                "name": "Bob Berg",
                "side": "adept",
                "workplace": "Formning",
            },
            url="/matching/pairs/1/",
        )
    run_worker()
    [message] = mail.outbox
    assert message.subject == "SMILE: A mentor pair is proposed to you"
    assert "We propose Bob Berg at Formning as your mentor." in message.body
    assert "Open this link to see why, and to say yes or no:\n" in message.body
    assert "http://127.0.0.1:8000/matching/pairs/1/" in message.body
