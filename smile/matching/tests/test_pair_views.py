"""The pair page: the adept and the mentor answer, the coordinator steers, others see nothing."""

import pytest
from django.conf import settings
from django.core import mail

from smile.core.tests.worker import run_worker
from smile.matching.models import Pair, PairStatus
from tests.cast import Cast
from tests.pages import body_of

S = PairStatus


@pytest.fixture
def proposal(cast: Cast) -> Pair:
    Pair.objects.filter(pk=cast.pair.pk).update(
        status=S.PROPOSED,
        started_on=None,
        score=82.4,
        breakdown={
            "language": {"points": 30.0, "max": 40.0},
            "workplace": {"points": 32.0, "max": 32.0},
            "trade": {"points": 20.4, "max": 28.0},
        },
    )
    cast.pair.refresh_from_db()
    return cast.pair


def url(pair: Pair, end: str = "") -> str:
    return f"/matching/pairs/{pair.pk}/{end}"


def test_the_adept_sees_her_proposal_and_why(cast: Cast, login, proposal: Pair) -> None:
    response = login(cast.dana).get(url(proposal))
    assert response.status_code == 200
    content = response.content.decode()
    assert "Do you want <bdi>Bob Berg</bdi> as your mentor?" in content
    assert "Compatibility: 82 of 100" in content
    assert "Shared language" in content and "30 of 40" in content
    assert "Yes, I accept" in content
    assert "Pause" not in content  # the coordinator's buttons are not hers


def test_dana_accepts_then_bob_accepts_and_the_pair_is_active(
    cast: Cast, login, proposal: Pair, django_capture_on_commit_callbacks
) -> None:
    response = login(cast.dana).post(url(proposal, "answer/"), {"decision": "accept"})
    assert response.status_code == 302
    proposal.refresh_from_db()
    assert proposal.status == S.PROPOSED and proposal.adept_accepted_at is not None
    content = body_of(login(cast.dana).get(url(proposal)))
    assert "Yes, I accept" not in content

    content = body_of(login(cast.bob).get(url(proposal)))
    assert "Do you want to be the mentor of <bdi>Dana Darwish</bdi>?" in content
    with django_capture_on_commit_callbacks(execute=True):
        response = login(cast.bob).post(url(proposal, "answer/"), {"decision": "accept"})
    assert response.status_code == 302
    proposal.refresh_from_db()
    assert proposal.status == S.ACTIVE
    run_worker()
    assert sorted(m.to[0] for m in mail.outbox) == ["bob@gjuteri.example", "dana@elev.example"]
    assert f"{settings.SITE_URL}/matching/pairs/{proposal.pk}/" in mail.outbox[0].body


@pytest.mark.parametrize("who", ["charlie", "erin", "mona"])
def test_others_get_404_and_nothing_changes(cast: Cast, login, proposal: Pair, who: str) -> None:
    client = login(getattr(cast, who))
    assert client.get(url(proposal)).status_code == 404
    assert client.post(url(proposal, "answer/"), {"decision": "accept"}).status_code == 404
    assert (
        client.post(url(proposal, "answer/"), {"decision": "decline", "decline-reason": "x"})
    ).status_code == 404
    assert client.post(url(proposal, "end/"), {"end-reason": "x"}).status_code == 404
    proposal.refresh_from_db()
    assert (proposal.status, proposal.adept_accepted_at, proposal.mentor_accepted_at) == (
        S.PROPOSED,
        None,
        None,
    )
    assert not proposal.events.exists()


def test_declining_without_a_reason_is_explained(cast: Cast, login, proposal: Pair) -> None:
    response = login(cast.dana).post(
        url(proposal, "answer/"), {"decision": "decline", "decline-reason": "  "}
    )
    assert response.status_code == 200
    assert "This field is required." in response.content.decode()
    proposal.refresh_from_db()
    assert proposal.status == S.PROPOSED
    assert not proposal.events.exists()


def test_declining_with_a_reason_ends_the_proposal(cast: Cast, login, proposal: Pair) -> None:
    response = login(cast.bob).post(
        url(proposal, "answer/"), {"decision": "decline", "decline-reason": "Other shifts"}
    )
    assert response.status_code == 302
    proposal.refresh_from_db()
    assert (proposal.status, proposal.end_reason) == (S.ENDED, "Other shifts")


def test_a_broken_rule_on_accepting_is_a_message_not_an_error(
    cast: Cast, login, proposal: Pair
) -> None:
    login(cast.dana).post(url(proposal, "answer/"), {"decision": "accept"})
    response = login(cast.dana).post(url(proposal, "answer/"), {"decision": "accept"}, follow=True)
    assert response.status_code == 200
    assert "You have already said yes" in response.content.decode()


def test_the_coordinator_pauses_and_ends_with_reasons(cast: Cast, login) -> None:
    client = login(cast.alice)
    content = body_of(client.get(url(cast.pair)))
    assert "Pause the pair" in content and "End early" in content and "Yes, I accept" not in content
    assert client.post(url(cast.pair, "pause/"), {"pause-reason": "Summer"}).status_code == 302
    cast.pair.refresh_from_db()
    assert cast.pair.status == S.PAUSED
    assert client.post(url(cast.pair, "resume/")).status_code == 302
    cast.pair.refresh_from_db()
    assert cast.pair.status == S.ACTIVE
    content = body_of(client.get(url(cast.pair)))
    assert "Summer" in content  # the coordinator reads the reasons in the history


def test_ending_without_a_reason_is_explained(cast: Cast, login) -> None:
    response = login(cast.alice).post(url(cast.pair, "end/"), {"end-reason": ""})
    assert response.status_code == 200
    assert "This field is required." in response.content.decode()
    cast.pair.refresh_from_db()
    assert cast.pair.status == S.ACTIVE


def test_a_refused_transition_is_a_message(cast: Cast, login) -> None:
    response = login(cast.alice).post(url(cast.pair, "resume/"), follow=True)
    assert "Only a paused pair can be resumed." in response.content.decode()
    cast.pair.refresh_from_db()
    assert cast.pair.status == S.ACTIVE


def test_the_people_in_the_pair_cannot_steer_it(cast: Cast, login) -> None:
    for who in (cast.bob, cast.dana):
        response = login(who).post(url(cast.pair, "end/"), {"end-reason": "I quit"})
        assert response.status_code == 404
    cast.pair.refresh_from_db()
    assert cast.pair.status == S.ACTIVE


def test_the_people_in_the_pair_do_not_read_the_coordinators_reason(cast: Cast, login) -> None:
    login(cast.alice).post(url(cast.pair, "pause/"), {"pause-reason": "Private reason"})
    for who in (cast.dana, cast.bob):
        response = login(who).get(url(cast.pair))
        assert response.status_code == 200
        assert "Paused" in response.content.decode()
        assert "Private reason" not in response.content.decode()
    assert "Private reason" in body_of(login(cast.alice).get(url(cast.pair)))


def test_after_declining_the_adept_goes_home(cast: Cast, login, proposal: Pair) -> None:
    response = login(cast.dana).post(
        url(proposal, "answer/"), {"decision": "decline", "decline-reason": "No"}
    )
    assert (response.status_code, response["Location"]) == (302, "/")


def test_an_unknown_action_is_404(cast: Cast, login) -> None:
    assert login(cast.alice).post(url(cast.pair, "explode/")).status_code == 404
    assert login(cast.dana).post(url(cast.pair, "answer/"), {"decision": "x"}).status_code == 404


def test_dana_finds_her_proposal_and_her_profile_on_her_home_page(
    cast: Cast, login, proposal: Pair
) -> None:
    content = body_of(login(cast.dana).get("/home/adept/"))
    assert "We propose a mentor for you:" in content
    assert f'href="/matching/pairs/{proposal.pk}/"' in content
    assert f'href="/matching/profile/{cast.dana_enrolment.pk}/"' in content
    assert "You do not have a mentor yet" not in content


def test_bob_finds_the_proposed_adept_on_his_home_page(cast: Cast, login, proposal: Pair) -> None:
    content = body_of(login(cast.bob).get("/home/mentor/"))
    assert "Proposed adepts" in content
    assert f'href="/matching/pairs/{proposal.pk}/"' in content
    assert f'href="/matching/profile/{cast.bob_enrolment.pk}/"' in content
    login(cast.bob).post(url(proposal, "answer/"), {"decision": "accept"})
    content = body_of(login(cast.bob).get("/home/mentor/"))
    assert "waiting for the adept's answer" in content


def test_the_pair_page_works_right_to_left(cast: Cast, login, proposal: Pair) -> None:
    client = login(cast.dana)
    client.cookies["smile_language"] = "ar"
    response = client.get(url(proposal))
    assert response.status_code == 200
    assert 'dir="rtl"' in response.content.decode()
