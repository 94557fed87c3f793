"""The life-situation check-in: only the adept writes it; her mentor sees it only if she shares and
while the pair is live; the coordinator sees only the areas she asked support with; everyone else
gets a 404. Every read and write is in the adept's access log, and the database holds no plaintext.
"""

import re
from datetime import date
from typing import Any

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from smile.accounts.models import User
from smile.core.actor import SYSTEM
from smile.core.errors import ApplicationError
from smile.lib.crypto import decrypt_json
from smile.matching.models import Pair, PairStatus
from smile.mentoring.life import services
from smile.mentoring.models import LifeSituationCheckIn
from smile.notifications.models import Kind, Notification
from smile.privacy.models import AccessLog
from smile.programmes.services import enrolment_create
from tests.cast import Cast, make_user
from tests.pages import body_of

NOTE = "Hyran är för hög. الإيجار مرتفع جدا"


def checkin_for(
    cast: Cast,
    *,
    answers: dict[str, str] | None = None,
    note: str = NOTE,
    share_with_mentor: bool = False,
    coordinator_areas: list[str] | None = None,
    share_note_with_coordinator: bool = False,
    adept: User | None = None,
) -> LifeSituationCheckIn:
    adept = adept or cast.dana
    return services.life_checkin_create(
        enrolment=adept.enrolments.get(role="adept"),
        by=adept,
        answers=answers
        or {"housing": "support", "health": "support", "transport": "fine", "family": "better"},
        note=note,
        share_with_mentor=share_with_mentor,
        coordinator_areas=coordinator_areas or [],
        share_note_with_coordinator=share_note_with_coordinator,
    )


def detail(checkin: LifeSituationCheckIn) -> str:
    return f"/mentoring/life/{checkin.pk}/"


def log_rows(checkin: LifeSituationCheckIn) -> list[tuple[int | None, int, str]]:
    rows = AccessLog.objects.filter(record_id=checkin.pk).order_by("pk")
    return list(rows.values_list("actor_id", "subject_id", "action"))


def form_data(**extra: Any) -> dict[str, Any]:
    data: dict[str, Any] = {
        f"answer_{area}": ""
        for area in (
            "housing",
            "family",
            "health",
            "economy",
            "transport",
            "language",
            "authorities",
        )
    }
    data.update(extra)
    return data


# --- the adept ------------------------------------------------------------------------------


def test_the_adept_is_invited_from_her_home_page(cast: Cast, login) -> None:
    content = body_of(login(cast.dana).get("/home/adept/"))
    assert "How is life outside work?" in content
    assert "It is voluntary. Only you see your answers" in content
    assert 'href="/mentoring/life/"' in content


def test_the_form_offers_every_area_with_skipping_as_the_default(cast: Cast, login) -> None:
    content = body_of(login(cast.dana).get("/mentoring/life/new/"))
    assert content.count("<fieldset") == 8  # seven areas and the coordinator's checkboxes
    assert len(re.findall(r'value="" id="id_answer_\w+_0" checked', content)) == 7
    for text in (
        "<legend>Housing</legend>",
        "<legend>Contacts with authorities</legend>",
        "I do not want to answer",
        "Could be better",
        "I need support",
        "My mentor may see my answers and my note",
        "Tell the coordinator that I need support with:",
        "The coordinator may read my note",
    ):
        assert text in content


def test_the_adept_answers_and_sees_everything(
    cast: Cast, login, django_capture_on_commit_callbacks
) -> None:
    client = login(cast.dana)
    data = form_data(
        answer_housing="support",
        answer_transport="fine",
        note=NOTE,
        share_with_mentor="on",
        coordinator_areas=["housing"],
    )
    response = client.post("/mentoring/life/new/", data)
    checkin = LifeSituationCheckIn.objects.get()
    assert response.status_code == 302 and response["Location"] == detail(checkin)
    assert (checkin.enrolment, checkin.share_with_mentor, checkin.support_requested) == (
        cast.dana_enrolment,
        True,
        True,
    )
    assert decrypt_json(checkin.payload) == {
        "answers": {"housing": "support", "transport": "fine"},
        "note": NOTE,
        "coordinator_areas": ["housing"],
        "share_note_with_coordinator": False,
    }
    assert log_rows(checkin) == [(cast.dana.pk, cast.dana.pk, "create")]

    content = body_of(client.get(detail(checkin)))
    assert "<dt>Housing</dt><dd>I need support</dd>" in content
    assert "<dt>Getting to work</dt><dd>Fine</dd>" in content
    assert "<dt>Health</dt><dd>Not answered</dd>" in content
    assert NOTE in content
    assert "Your mentor may see your answers and your note." in content
    assert "The coordinator knows that you need support with: Housing." in content
    assert log_rows(checkin)[-1] == (cast.dana.pk, cast.dana.pk, "view")

    listing = body_of(client.get("/mentoring/life/"))
    assert "you asked the coordinator for support" in listing
    assert NOTE not in listing and "Housing" not in listing  # a list decrypts nothing
    assert len(log_rows(checkin)) == 2  # and logs nothing


def test_the_raw_payload_holds_no_plaintext(cast: Cast) -> None:
    checkin = checkin_for(cast, coordinator_areas=["housing"], share_note_with_coordinator=True)
    (raw,) = LifeSituationCheckIn.objects.filter(pk=checkin.pk).values_list("payload", flat=True)
    for word in ("Hyran", "hög", "الإيجار", "housing", "support", "transport", "note"):
        assert word not in raw


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (
            {
                "answer_housing": "better",
                "answer_health": "support",
                "coordinator_areas": ["housing"],
            },
            "You can only ask the coordinator for support with something you answered "
            "“I need support”. Please check: Housing.",
        ),
        ({"note": "Nothing else"}, "Please answer at least one question. You can skip the others."),
        (
            {"answer_health": "support", "note": "x", "share_note_with_coordinator": "on"},
            "The coordinator only sees your note when you ask for support.",
        ),
        ({"answer_health": "maybe"}, "Select a valid choice. maybe is not one of the available"),
    ],
)
def test_bad_input_is_explained_and_the_answers_are_kept(
    cast: Cast, login, data: dict[str, Any], message: str
) -> None:
    response = login(cast.dana).post("/mentoring/life/new/", form_data(**data))
    assert response.status_code == 200
    content = response.content.decode()
    assert message in content
    if data.get("answer_housing") == "better":
        assert 'name="answer_housing" value="better" id="id_answer_housing_2" checked' in content
        assert 'value="housing" aria-invalid="true" id="id_coordinator_areas_0" checked' in content
    if "note" in data:
        assert f">\n{data['note']}</textarea>" in content
    assert not LifeSituationCheckIn.objects.exists()
    assert not AccessLog.objects.exists()
    assert not Notification.objects.exists()


def test_only_the_adept_herself_can_write_her_check_in(cast: Cast) -> None:
    with pytest.raises(ApplicationError, match="Only the adept"):
        services.life_checkin_create(
            enrolment=cast.dana_enrolment,
            by=cast.bob,
            answers={"housing": "fine"},
            note="",
            share_with_mentor=True,
            coordinator_areas=[],
            share_note_with_coordinator=False,
        )
    with pytest.raises(ApplicationError, match="Only the adept"):
        services.life_checkin_create(
            enrolment=cast.bob_enrolment,
            by=cast.bob,
            answers={"housing": "fine"},
            note="",
            share_with_mentor=False,
            coordinator_areas=[],
            share_note_with_coordinator=False,
        )
    assert not LifeSituationCheckIn.objects.exists()


@pytest.mark.parametrize("who", ["bob", "alice", "tess", "mona", "charlie"])
def test_people_who_are_not_adepts_have_no_life_pages(cast: Cast, login, who: str) -> None:
    client = login(getattr(cast, who))
    assert client.get("/mentoring/life/").status_code == 404
    assert client.get("/mentoring/life/new/").status_code == 404
    assert client.post("/mentoring/life/new/", form_data(answer_housing="fine")).status_code == 404
    assert not LifeSituationCheckIn.objects.exists()


# --- the coordinator is told, without details -------------------------------------------------


def test_the_coordinator_is_notified_without_details(cast: Cast) -> None:
    checkin = checkin_for(cast, coordinator_areas=["housing"], share_note_with_coordinator=True)
    notification = Notification.objects.get()
    assert (notification.recipient, notification.kind, notification.params, notification.url) == (
        cast.alice,
        Kind.SUPPORT_REQUESTED,
        {"programme": "Gjuterivägen"},
        detail(checkin),
    )


def test_no_one_is_notified_when_she_asks_for_no_support(cast: Cast) -> None:
    checkin = checkin_for(cast, share_with_mentor=True)
    assert not checkin.support_requested
    assert not Notification.objects.exists()


# --- who may read -----------------------------------------------------------------------------


def test_the_mentor_sees_answers_and_note_only_if_she_shares(cast: Cast, login) -> None:
    hidden = checkin_for(cast, coordinator_areas=["housing"])
    assert login(cast.bob).get(detail(hidden)).status_code == 404
    assert log_rows(hidden) == [(cast.dana.pk, cast.dana.pk, "create")]

    shared = checkin_for(cast, share_with_mentor=True, coordinator_areas=["health"])
    response = login(cast.bob).get(detail(shared))
    assert response.status_code == 200
    content = response.content.decode()
    assert "Life situation of <bdi>Dana Darwish</bdi>" in content
    assert "<dt>Housing</dt><dd>Needs support</dd>" in content
    assert "<dt>Family</dt><dd>Could be better</dd>" in content
    assert "<dt>Money</dt>" not in content and "Not answered" not in content
    assert NOTE in content
    # What she told the coordinator is not his to know.
    assert "asks for support" not in content and "coordinator" not in content.lower()
    assert log_rows(shared)[-1] == (cast.bob.pk, cast.dana.pk, "view")

    home = body_of(login(cast.bob).get("/home/mentor/"))
    assert f'href="{detail(shared)}"' in home and f'href="{detail(hidden)}"' not in home
    assert NOTE not in home


@pytest.mark.parametrize("status", [PairStatus.ENDED, PairStatus.COMPLETED])
def test_the_mentor_sees_nothing_once_the_pair_is_over(
    cast: Cast, login, status: PairStatus
) -> None:
    shared = checkin_for(cast, share_with_mentor=True)
    Pair.objects.filter(pk=cast.pair.pk).update(status=status, end_reason="Moved away")
    assert login(cast.bob).get(detail(shared)).status_code == 404
    assert len(log_rows(shared)) == 1
    assert "Read the answers" not in body_of(login(cast.bob).get("/home/mentor/"))


def test_the_coordinator_sees_only_the_shared_areas(cast: Cast, login) -> None:
    checkin = checkin_for(cast, share_with_mentor=True, coordinator_areas=["housing"])
    response = login(cast.alice).get(detail(checkin))
    assert response.status_code == 200
    content = response.content.decode()
    assert "The adept asks for support with:" in content
    assert "<dt>Housing</dt><dd>Needs support</dd>" in content
    for hidden in ("Health", "Getting to work", "Family", "Could be better", NOTE):
        assert hidden not in content
    assert "Mark as followed up" in content
    assert log_rows(checkin)[-1] == (cast.alice.pk, cast.dana.pk, "view")


def test_the_coordinator_reads_the_note_only_if_she_agreed(cast: Cast, login) -> None:
    checkin = checkin_for(cast, coordinator_areas=["housing"], share_note_with_coordinator=True)
    assert NOTE in body_of(login(cast.alice).get(detail(checkin)))


def test_the_coordinator_sees_nothing_without_a_support_request(cast: Cast, login) -> None:
    checkin = checkin_for(cast, share_with_mentor=True)
    assert login(cast.alice).get(detail(checkin)).status_code == 404
    assert len(log_rows(checkin)) == 1


def other_mentor(cast: Cast) -> User:
    max_ = make_user("max@gjuteri.example", "Max Mattsson")
    enrolment_create(
        actor=SYSTEM,
        programme=cast.programme,
        user=max_,
        role="mentor",
        workplace=cast.moulding,
        starts_on=date(2026, 8, 10),
    )
    return max_


@pytest.mark.parametrize("who", ["charlie", "tess", "mona", "erin", "max"])
def test_everyone_else_gets_404_and_nothing_is_logged_or_changed(
    cast: Cast, login, who: str
) -> None:
    user = other_mentor(cast) if who == "max" else getattr(cast, who)
    checkin = checkin_for(
        cast,
        share_with_mentor=True,
        coordinator_areas=["housing"],
        share_note_with_coordinator=True,
    )
    client = login(user)
    assert client.get(detail(checkin)).status_code == 404
    assert client.get(f"{detail(checkin)}delete/").status_code == 404
    assert client.post(f"{detail(checkin)}delete/").status_code == 404
    assert client.post(f"{detail(checkin)}follow-up/").status_code == 404
    # Charlie coordinates elsewhere: his own list opens, without her; nobody else has a list.
    requests_status = 200 if who == "charlie" else 404
    content = body_of(client.get("/mentoring/support-requests/"), requests_status)
    assert "Dana Darwish" not in content
    assert log_rows(checkin) == [(cast.dana.pk, cast.dana.pk, "create")]
    checkin.refresh_from_db()
    assert checkin.followed_up_at is None


def test_every_detail_read_is_logged_once(cast: Cast, login) -> None:
    checkin = checkin_for(cast, share_with_mentor=True, coordinator_areas=["housing"])
    for user in (cast.dana, cast.bob, cast.alice, cast.bob):
        assert login(user).get(detail(checkin)).status_code == 200
    assert log_rows(checkin) == [
        (cast.dana.pk, cast.dana.pk, "create"),
        (cast.dana.pk, cast.dana.pk, "view"),
        (cast.bob.pk, cast.dana.pk, "view"),
        (cast.alice.pk, cast.dana.pk, "view"),
        (cast.bob.pk, cast.dana.pk, "view"),
    ]
    assert set(AccessLog.objects.values_list("record_type", flat=True)) == {
        "mentoring.lifesituationcheckin"
    }


def test_the_pair_page_shows_no_life_situation(cast: Cast, login) -> None:
    checkin_for(cast, share_with_mentor=True)
    content = body_of(login(cast.bob).get(f"/mentoring/pairs/{cast.pair.pk}/"))
    assert "/mentoring/life/" not in content and "Needs support" not in content


# --- delete -----------------------------------------------------------------------------------


def test_the_adept_deletes_after_confirming_and_the_log_stays(cast: Cast, login) -> None:
    checkin = checkin_for(cast, coordinator_areas=["housing"])
    client = login(cast.dana)
    confirm = client.get(f"{detail(checkin)}delete/")
    assert confirm.status_code == 200
    assert "Yes, delete" in confirm.content.decode()
    assert LifeSituationCheckIn.objects.filter(pk=checkin.pk).exists()
    assert len(log_rows(checkin)) == 1  # the question shows no content: nothing read

    response = client.post(f"{detail(checkin)}delete/")
    assert response.status_code == 302 and response["Location"] == "/mentoring/life/"
    assert not LifeSituationCheckIn.objects.exists()
    assert log_rows(checkin) == [
        (cast.dana.pk, cast.dana.pk, "create"),
        (cast.dana.pk, cast.dana.pk, "delete"),
    ]
    assert client.get(detail(checkin)).status_code == 404


@pytest.mark.parametrize("who", ["bob", "alice"])
def test_the_mentor_and_the_coordinator_cannot_delete(cast: Cast, login, who: str) -> None:
    checkin = checkin_for(cast, share_with_mentor=True, coordinator_areas=["housing"])
    client = login(getattr(cast, who))
    assert client.post(f"{detail(checkin)}delete/").status_code == 404
    assert LifeSituationCheckIn.objects.filter(pk=checkin.pk).exists()
    assert len(log_rows(checkin)) == 1


# --- the coordinator's list and follow-up ------------------------------------------------------


def test_the_coordinator_lists_requests_and_marks_one_followed_up(cast: Cast, login) -> None:
    checkin = checkin_for(cast, coordinator_areas=["housing"])
    checkin_for(cast, share_with_mentor=True)  # asks for no support: not listed
    client = login(cast.alice)
    content = body_of(client.get("/mentoring/support-requests/"))
    assert content.count("/mentoring/life/") == 1
    assert f'href="{detail(checkin)}"><bdi>Dana Darwish</bdi>' in content
    assert "Not answered yet" in content and NOTE not in content and "Housing" not in content
    assert len(log_rows(checkin)) == 1  # the list decrypts nothing and logs nothing

    response = client.post(f"{detail(checkin)}follow-up/")
    assert response.status_code == 302
    checkin.refresh_from_db()
    assert checkin.followed_up_by == cast.alice and checkin.followed_up_at is not None
    assert log_rows(checkin)[-1] == (cast.alice.pk, cast.dana.pk, "update")
    response = client.post(f"{detail(checkin)}follow-up/", follow=True)
    assert "This request is already followed up." in response.content.decode()
    listing = body_of(client.get("/mentoring/support-requests/"))
    # Followed up, it has left what waits for her, and is listed below as done.
    assert "Nothing is waiting for you." in listing and "Not answered yet" not in listing
    assert f'href="{detail(checkin)}"><bdi>Dana Darwish</bdi>' in listing


def test_the_mentor_cannot_mark_a_request_followed_up(cast: Cast, login) -> None:
    checkin = checkin_for(cast, share_with_mentor=True, coordinator_areas=["housing"])
    assert login(cast.bob).post(f"{detail(checkin)}follow-up/").status_code == 404
    assert login(cast.bob).get("/mentoring/support-requests/").status_code == 404
    checkin.refresh_from_db()
    assert checkin.followed_up_at is None


def add_adepts_asking_for_support(cast: Cast, count: int, prefix: str) -> None:
    for number in range(count):
        adept = make_user(f"{prefix}{number}@elev.example", f"Adept {prefix} {number}")
        enrolment_create(
            actor=SYSTEM,
            programme=cast.programme,
            user=adept,
            role="adept",
            workplace=cast.finishing,
            education_provider=cast.school,
            starts_on=date(2026, 8, 10),
        )
        checkin_for(cast, adept=adept, coordinator_areas=["housing"])


def count_queries(client: Client, url: str) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def test_the_support_request_list_does_not_grow_queries_with_rows(cast: Cast, login) -> None:
    client = login(cast.alice)
    add_adepts_asking_for_support(cast, 2, "first")
    two = count_queries(client, "/mentoring/support-requests/")
    add_adepts_asking_for_support(cast, 3, "more")
    # session, user, OTP device, memberships (scope), the requests with adept and programme.
    assert count_queries(client, "/mentoring/support-requests/") == two
    assert body_of(client.get("/mentoring/support-requests/")).count("<bdi>Adept ") == 5


# --- the access log -----------------------------------------------------------------------------


def test_the_adept_sees_who_has_seen_her_information(cast: Cast, login) -> None:
    checkin = checkin_for(cast, share_with_mentor=True, coordinator_areas=["housing"])
    assert login(cast.alice).get(detail(checkin)).status_code == 200
    assert login(cast.bob).get(detail(checkin)).status_code == 200
    content = body_of(login(cast.dana).get("/privacy/access-log/"))
    assert content.count("<tr>") == 4  # the header and three rows
    did = '</td>\n          <td data-label="What they did">'
    assert f'<td data-label="Who"><bdi>Alice Andersson</bdi>{did}read</td>' in content
    assert f'<td data-label="Who"><bdi>Bob Berg</bdi>{did}read</td>' in content
    assert (
        f'<td data-label="Who">You{did}wrote</td>\n          '
        '<td data-label="Information">My life situation</td>'
    ) in content
    # Each person sees only her own log.
    assert "Alice Andersson" not in body_of(login(cast.erin).get("/privacy/access-log/"))


def test_the_access_log_page_does_not_grow_queries_with_rows(cast: Cast, login) -> None:
    checkin = checkin_for(cast, share_with_mentor=True, coordinator_areas=["housing"])
    assert login(cast.alice).get(detail(checkin)).status_code == 200
    two = count_queries(login(cast.dana), "/privacy/access-log/")
    for user in (cast.bob, cast.alice, cast.bob):
        assert login(user).get(detail(checkin)).status_code == 200
    assert AccessLog.objects.filter(subject=cast.dana).count() == 5
    assert count_queries(login(cast.dana), "/privacy/access-log/") == two


def test_the_access_log_needs_a_login(client: Client, cast: Cast) -> None:
    response = client.get("/privacy/access-log/")
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]
