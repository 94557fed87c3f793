"""The life-situation check-in seen from privacy: consent, who sees what, and the access log.

Dana (adept) answers; Bob is her mentor; Otto mentors Erin at another workplace of the same
employer; Alice coordinates the programme; Charlie coordinates another municipality; Tess teaches
at Dana's school; Mona manages the foundry; Ada administers the installation. Every expected value
is written out by hand.

(These tests live in mentoring, not in smile/privacy/tests: the privacy app sits below mentoring
in the layers and its tests may not import it. The log's own page is tested there.)
"""

import re

import pytest
from django.test import Client

from smile.accounts.models import User
from smile.mentoring.life import services
from smile.mentoring.models import LifeSituationCheckIn
from smile.notifications.models import Kind, Notification
from smile.privacy.models import AccessLog
from tests.cast import Cast, add_other_mentor, make_user
from tests.pages import body_of

NOTE = "Hyran är för hög."
LOG_PAGE = "/privacy/access-log/"
EMPTY_LOG = "No one has read or written your private information yet."


def people(cast: Cast) -> dict[str, User]:
    admin = make_user("ada@smile.example", "Ada Admin", totp=True)
    admin.is_superuser = True
    admin.is_staff = True
    admin.save()
    return {
        "dana": cast.dana,
        "bob": cast.bob,
        "otto": add_other_mentor(cast),
        "alice": cast.alice,
        "charlie": cast.charlie,
        "admin": admin,
        "tess": cast.tess,
        "mona": cast.mona,
        "erin": cast.erin,
    }


def answer(
    cast: Cast,
    *,
    share_with_mentor: bool,
    coordinator_areas: list[str] | None = None,
    share_note_with_coordinator: bool = False,
) -> LifeSituationCheckIn:
    return services.life_checkin_create(
        enrolment=cast.dana_enrolment,
        by=cast.dana,
        answers={"housing": "support", "health": "support", "transport": "fine"},
        note=NOTE,
        share_with_mentor=share_with_mentor,
        coordinator_areas=coordinator_areas or [],
        share_note_with_coordinator=share_note_with_coordinator,
    )


def detail(checkin: LifeSituationCheckIn) -> str:
    return f"/mentoring/life/{checkin.pk}/"


def log_of(checkin: LifeSituationCheckIn) -> list[tuple[str, str, str, str]]:
    """(actor, subject, record type, action) of every entry about the check-in, oldest first."""
    rows = AccessLog.objects.filter(record_id=checkin.pk).order_by("pk")
    return [
        (e.actor.full_name if e.actor else "-", e.subject.full_name, e.record_type, e.action)
        for e in rows.select_related("actor", "subject")
    ]


def answers_shown(content: str) -> list[tuple[str, str]]:
    return re.findall(r"<dt>(.*?)</dt><dd>(.*?)</dd>", content)


def log_rows(content: str) -> list[tuple[str, str, str]]:
    """(who, what they did, which information) of each row of the access-log page."""
    cells = re.findall(
        r"<tr>\s*<td[^>]*>[^<]*</td>\s*<td[^>]*>(.*?)</td>\s*<td[^>]*>(.*?)</td>\s*<td[^>]*>(.*?)</td>",
        content,
    )
    return [(re.sub(r"</?bdi>", "", who), what, record) for who, what, record in cells]


RECORD = "mentoring.lifesituationcheckin"


# --- what each role sees --------------------------------------------------------------------

# who: (status, the heading, the answers shown, whether the note shows)
SEES = {
    "dana": (
        200,
        "My answers",
        [
            ("Housing", "I need support"),
            ("Family", "Not answered"),
            ("Health", "I need support"),
            ("Money", "Not answered"),
            ("Getting to work", "Fine"),
            ("Language", "Not answered"),
            ("Contacts with authorities", "Not answered"),
        ],
        True,
    ),
    "bob": (
        200,
        "Life situation of <bdi>Dana Darwish</bdi>",
        [("Housing", "Needs support"), ("Health", "Needs support"), ("Getting to work", "Fine")],
        True,
    ),
    "alice": (
        200,
        "Life situation of <bdi>Dana Darwish</bdi>",
        [("Housing", "Needs support")],
        False,
    ),
    "otto": (404, "Page not found", [], False),
    "charlie": (404, "Page not found", [], False),
    "admin": (404, "Page not found", [], False),
    "tess": (404, "Page not found", [], False),
    "mona": (404, "Page not found", [], False),
    "erin": (404, "Page not found", [], False),
}


READER_NAMES = {"dana": "Dana Darwish", "bob": "Bob Berg", "alice": "Alice Andersson"}


@pytest.mark.parametrize("who", list(SEES))
def test_each_role_sees_exactly_its_part_of_a_shared_check_in(cast: Cast, login, who: str) -> None:
    everyone = people(cast)
    checkin = answer(cast, share_with_mentor=True, coordinator_areas=["housing"])
    status, heading, answers, note = SEES[who]
    content = body_of(login(everyone[who]).get(detail(checkin)), status)
    assert re.findall(r"<h1>(.*?)</h1>", content) == [heading]
    assert answers_shown(content) == answers
    assert (NOTE in content) is note
    expected = [("Dana Darwish", "Dana Darwish", RECORD, "create")]
    if status == 200:
        expected.append((READER_NAMES[who], "Dana Darwish", RECORD, "view"))
    assert log_of(checkin) == expected


@pytest.mark.parametrize("who", ["bob", "otto", "alice", "charlie", "admin", "tess", "mona"])
def test_no_one_but_the_adept_can_delete_or_change_it(cast: Cast, login, who: str) -> None:
    checkin = answer(cast, share_with_mentor=True, coordinator_areas=["housing"])
    client = login(people(cast)[who])
    assert client.get(f"{detail(checkin)}delete/").status_code == 404
    assert client.post(f"{detail(checkin)}delete/").status_code == 404
    assert LifeSituationCheckIn.objects.filter(pk=checkin.pk).count() == 1
    assert log_of(checkin) == [("Dana Darwish", "Dana Darwish", RECORD, "create")]


# --- consent given and withdrawn ------------------------------------------------------------


def test_without_consent_the_mentor_gets_nothing(cast: Cast, login) -> None:
    checkin = answer(cast, share_with_mentor=False)
    bob = login(cast.bob)
    content = body_of(bob.get(detail(checkin)), 404)
    assert NOTE not in content and "Dana Darwish" not in content
    assert detail(checkin) not in body_of(bob.get("/home/mentor/"))
    assert log_of(checkin) == [("Dana Darwish", "Dana Darwish", RECORD, "create")]


def test_the_mentor_reads_while_she_shares_and_nothing_once_she_withdraws(
    cast: Cast, login
) -> None:
    checkin = answer(cast, share_with_mentor=True)
    bob = login(cast.bob)
    assert f'href="{detail(checkin)}"' in body_of(bob.get("/home/mentor/"))
    assert NOTE in body_of(bob.get(detail(checkin)))

    # She withdraws what she shared: deleting her answers is how she takes them back.
    dana = login(cast.dana)
    response = dana.post(f"{detail(checkin)}delete/")
    assert (response.status_code, response["Location"]) == (302, "/mentoring/life/")

    bob = login(cast.bob)
    content = body_of(bob.get(detail(checkin)), 404)
    assert NOTE not in content and "Dana Darwish" not in content
    assert detail(checkin) not in body_of(bob.get("/home/mentor/"))
    assert log_of(checkin) == [
        ("Dana Darwish", "Dana Darwish", RECORD, "create"),
        ("Bob Berg", "Dana Darwish", RECORD, "view"),
        ("Dana Darwish", "Dana Darwish", RECORD, "delete"),
    ]


def test_her_next_check_in_without_consent_stays_hidden_from_the_mentor(cast: Cast, login) -> None:
    shared = answer(cast, share_with_mentor=True)
    private = answer(cast, share_with_mentor=False)
    bob = login(cast.bob)
    assert body_of(bob.get(detail(shared))).count(NOTE) == 1
    assert NOTE not in body_of(bob.get(detail(private)), 404)
    home = body_of(bob.get("/home/mentor/"))
    assert (f'href="{detail(shared)}"' in home, f'href="{detail(private)}"' in home) == (
        True,
        False,
    )


def test_support_reaches_the_coordinator_only_when_she_asks(cast: Cast, login) -> None:
    without = answer(cast, share_with_mentor=False)
    alice = login(cast.alice)
    assert body_of(alice.get(detail(without)), 404).count("Dana Darwish") == 0
    assert "Dana Darwish" not in body_of(alice.get("/mentoring/support-requests/"))
    assert Notification.objects.filter(kind=Kind.SUPPORT_REQUESTED).count() == 0

    asked = answer(cast, share_with_mentor=False, coordinator_areas=["housing"])
    notices = Notification.objects.filter(kind=Kind.SUPPORT_REQUESTED)
    assert [(n.recipient.email, n.url) for n in notices] == [
        ("alice@savsjo.example", detail(asked))
    ]
    alice = login(cast.alice)
    assert f'href="{detail(asked)}"' in body_of(alice.get("/mentoring/support-requests/"))
    content = body_of(alice.get(detail(asked)))
    assert answers_shown(content) == [("Housing", "Needs support")]
    assert NOTE not in content  # she did not agree to the coordinator reading her note
    # The mentor is not told, and cannot read it: she did not share with him.
    assert body_of(login(cast.bob).get(detail(asked)), 404).count(NOTE) == 0


def test_the_coordinator_reads_the_note_only_with_consent(cast: Cast, login) -> None:
    checkin = answer(
        cast,
        share_with_mentor=False,
        coordinator_areas=["housing", "health"],
        share_note_with_coordinator=True,
    )
    content = body_of(login(cast.alice).get(detail(checkin)))
    assert answers_shown(content) == [("Housing", "Needs support"), ("Health", "Needs support")]
    assert NOTE in content


def test_another_municipality_neither_hears_of_nor_reads_a_support_request(
    cast: Cast, login
) -> None:
    checkin = answer(
        cast,
        share_with_mentor=True,
        coordinator_areas=["housing"],
        share_note_with_coordinator=True,
    )
    charlie = login(cast.charlie)
    assert Notification.objects.filter(recipient=cast.charlie).count() == 0
    listing = body_of(charlie.get("/mentoring/support-requests/"))
    assert "Dana Darwish" not in listing and detail(checkin) not in listing
    assert NOTE not in body_of(charlie.get(detail(checkin)), 404)
    assert charlie.post(f"{detail(checkin)}follow-up/").status_code == 404
    checkin.refresh_from_db()
    assert checkin.followed_up_at is None


# --- the access log -------------------------------------------------------------------------


def a_whole_story(cast: Cast, login) -> tuple[LifeSituationCheckIn, dict[str, User]]:
    """Dana writes and reads; Bob and Alice read; Alice follows up; Dana deletes. Refused tries of
    everyone else in between."""
    everyone = people(cast)
    checkin = answer(cast, share_with_mentor=True, coordinator_areas=["housing"])
    for who in ("dana", "bob", "alice"):
        assert login(everyone[who]).get(detail(checkin)).status_code == 200
    for who in ("otto", "charlie", "admin", "tess", "mona", "erin"):
        assert login(everyone[who]).get(detail(checkin)).status_code == 404
    response = login(cast.alice).post(f"{detail(checkin)}follow-up/")
    assert (response.status_code, response["Location"]) == (302, "/mentoring/support-requests/")
    response = login(cast.dana).post(f"{detail(checkin)}delete/")
    assert (response.status_code, response["Location"]) == (302, "/mentoring/life/")
    return checkin, everyone


def test_every_read_write_and_delete_is_logged_once_and_refusals_not_at_all(
    cast: Cast, login
) -> None:
    checkin, _ = a_whole_story(cast, login)
    assert log_of(checkin) == [
        ("Dana Darwish", "Dana Darwish", RECORD, "create"),
        ("Dana Darwish", "Dana Darwish", RECORD, "view"),
        ("Bob Berg", "Dana Darwish", RECORD, "view"),
        ("Alice Andersson", "Dana Darwish", RECORD, "view"),
        ("Alice Andersson", "Dana Darwish", RECORD, "update"),
        ("Dana Darwish", "Dana Darwish", RECORD, "delete"),
    ]
    assert AccessLog.objects.count() == 6
    assert set(AccessLog.objects.values_list("record_id", flat=True)) == {checkin.pk}


def test_her_who_has_seen_my_information_page_lists_them_newest_first(cast: Cast, login) -> None:
    a_whole_story(cast, login)
    content = body_of(login(cast.dana).get(LOG_PAGE))
    assert log_rows(content) == [
        ("You", "deleted", "My life situation"),
        ("Alice Andersson", "changed", "My life situation"),
        ("Alice Andersson", "read", "My life situation"),
        ("Bob Berg", "read", "My life situation"),
        ("You", "read", "My life situation"),
        ("You", "wrote", "My life situation"),
    ]
    assert NOTE not in content  # the log says who and what, never the content


def test_nobody_else_can_open_her_log(cast: Cast, login) -> None:
    _, everyone = a_whole_story(cast, login)
    for who in ("bob", "otto", "alice", "charlie", "admin", "tess", "mona", "erin"):
        client = login(everyone[who])
        # Each person's page is her own: there is no way to name someone else's.
        for url in (
            LOG_PAGE,
            f"{LOG_PAGE}?user={cast.dana.pk}",
            f"{LOG_PAGE}?subject={cast.dana.pk}",
        ):
            content = body_of(client.get(url))
            assert (log_rows(content), EMPTY_LOG in content) == ([], True), (who, url)
            assert "Dana Darwish" not in content, (who, url)


def test_the_log_page_needs_a_login(client: Client, cast: Cast) -> None:
    response = client.get(LOG_PAGE)
    assert (response.status_code, response["Location"]) == (
        302,
        "/accounts/login/?next=/privacy/access-log/",
    )
