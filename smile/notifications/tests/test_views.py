"""The bell's list, opening a notice, read-all and the settings page: only ever her own."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from smile.notifications.models import Kind, Notification, NotificationSetting
from tests.cast import Cast
from tests.pages import body_of


def notice_for(user, url: str = "/mentoring/pairs/1/", **params: object) -> Notification:
    return Notification.objects.create(
        recipient=user,
        kind=Kind.REFLECTION_ASKED,
        params={"name": "Bob Berg", **params},
        url=url,
    )


def test_the_list_shows_her_own_notices_newest_first_with_unread_in_words(
    cast: Cast, login
) -> None:
    old = notice_for(cast.dana, name="Old Name")
    new = notice_for(cast.dana, name="New Name")
    Notification.objects.filter(pk=old.pk).update(read_at=old.created_at)
    notice_for(cast.bob, name="Not For Dana")
    content = body_of(login(cast.dana).get("/notifications/"))
    assert content.index("<bdi>New Name</bdi>") < content.index("<bdi>Old Name</bdi>")
    assert "Not For Dana" not in content
    assert content.count('<strong class="notice-new">Unread</strong>') == 1
    assert f'action="/notifications/{new.pk}/read/"' in content
    # The bell says how many are unread, in words for screen readers.
    assert "Notifications, 1 unread" in content
    assert '<span class="bell-count" aria-hidden="true">1</span>' in content


def test_the_list_is_empty_and_says_so(cast: Cast, login) -> None:
    content = body_of(login(cast.erin).get("/notifications/"))
    assert "You have no notices yet." in content
    assert "Notifications, 0 unread" in content
    assert "Mark all as read" not in content


def test_the_list_is_paged_by_30(cast: Cast, login) -> None:
    for _ in range(31):
        notice_for(cast.dana)
    client = login(cast.dana)
    assert body_of(client.get("/notifications/")).count("notice-open") == 30
    page2 = body_of(client.get("/notifications/?page=2"))
    assert page2.count("notice-open") == 1 and "Page 2 of 2" in page2
    assert client.get("/notifications/?page=nonsense").status_code == 200


def test_the_lists_queries_do_not_grow_with_its_rows(cast: Cast, login) -> None:
    client = login(cast.dana)
    for _ in range(2):
        notice_for(cast.dana)
    with CaptureQueriesContext(connection) as two:
        assert client.get("/notifications/").status_code == 200
    for _ in range(3):
        notice_for(cast.dana)
    with CaptureQueriesContext(connection) as five:
        assert client.get("/notifications/").status_code == 200
    assert len(two) == len(five)


def test_opening_a_notice_marks_it_read_and_goes_where_it_points(cast: Cast, login) -> None:
    notice = notice_for(cast.dana, url="/mentoring/pairs/7/")
    response = login(cast.dana).post(f"/notifications/{notice.pk}/read/")
    assert (response.status_code, response["Location"]) == (302, "/mentoring/pairs/7/")
    notice.refresh_from_db()
    assert notice.read_at is not None


@pytest.mark.parametrize("url", ["https://evil.example/", "//evil.example/", "", "javascript:x"])
def test_a_notice_never_sends_her_off_the_site(cast: Cast, login, url: str) -> None:
    notice = notice_for(cast.dana, url=url)
    response = login(cast.dana).post(f"/notifications/{notice.pk}/read/")
    assert (response.status_code, response["Location"]) == (302, "/notifications/")


@pytest.mark.parametrize("who", ["charlie", "bob", "mona"])
def test_others_cannot_open_her_notice(cast: Cast, login, who: str) -> None:
    notice = notice_for(cast.dana)
    client = login(getattr(cast, who))
    assert client.post(f"/notifications/{notice.pk}/read/").status_code == 404
    assert client.post("/notifications/read-all/").status_code == 302
    notice.refresh_from_db()
    assert notice.read_at is None


def test_opening_needs_a_post_and_a_login(cast: Cast, login, client) -> None:
    notice = notice_for(cast.dana)
    assert client.get("/notifications/").status_code == 302
    assert client.post(f"/notifications/{notice.pk}/read/").status_code == 302
    assert login(cast.dana).get(f"/notifications/{notice.pk}/read/").status_code == 405
    notice.refresh_from_db()
    assert notice.read_at is None


def test_mark_all_as_read(cast: Cast, login) -> None:
    notice_for(cast.dana)
    notice_for(cast.dana)
    response = login(cast.dana).post("/notifications/read-all/", follow=True)
    assert response.redirect_chain == [("/notifications/", 302)]
    assert "All notices are marked as read." in body_of(response)
    assert not Notification.objects.filter(recipient=cast.dana, read_at__isnull=True).exists()


def test_the_settings_page_shows_every_kind_on_by_default(cast: Cast, login) -> None:
    content = body_of(login(cast.bob).get("/notifications/settings/"))
    assert content.count('type="checkbox"') == 2 * len(Kind.values)
    assert content.count(" checked") == 2 * len(Kind.values)
    assert "A meeting is proposed to me" in content and "By e-mail" in content


def test_saving_the_settings(cast: Cast, login) -> None:
    client = login(cast.bob)
    response = client.post(
        "/notifications/settings/",
        {"in_app": [Kind.MEETING_REMINDER, Kind.ACTION_DUE], "email": [Kind.ACTION_DUE]},
        follow=True,
    )
    assert "Your choices are saved." in response.content.decode()
    chosen = {
        (s.kind, s.in_app, s.email)
        for s in NotificationSetting.objects.filter(user=cast.bob)
        if s.in_app or s.email
    }
    assert chosen == {(Kind.MEETING_REMINDER, True, False), (Kind.ACTION_DUE, True, True)}
    content = body_of(client.get("/notifications/settings/"))
    assert content.count(" checked") == 3
    # Her choices are hers: Dana's are untouched.
    assert not NotificationSetting.objects.filter(user=cast.dana).exists()


def test_a_bad_choice_is_refused_with_a_message_and_her_ticks_kept(cast: Cast, login) -> None:
    response = login(cast.bob).post(
        "/notifications/settings/", {"in_app": [Kind.ACTION_DUE, "rockets"], "email": []}
    )
    assert response.status_code == 200
    content = response.content.decode()
    assert "Select a valid choice. rockets is not one of the available choices." in content
    assert 'value="action_due" id="in-app-action_due"' in content
    assert content.count(" checked") == 1
    assert not NotificationSetting.objects.exists()
