"""Why a pair was matched and what happened to it, in plain sentences: the coordinator reads every
reason, the adept and the mentor never one about a wish for the mentor's gender; the history says
who did what and when, with names isolated in <bdi>."""

from datetime import UTC, datetime

import pytest

from smile.matching import lifecycle
from smile.matching.models import MatchingProfile, Pair, PairEvent, PairStatus
from tests.cast import Cast
from tests.pages import body_of

S = PairStatus
GENDER_SENTENCE = "The adept wished for a mentor of the same gender, and the wish is met."


def url(pair: Pair) -> str:
    return f"/matching/pairs/{pair.pk}/"


@pytest.fixture
def proposal(cast: Cast) -> Pair:
    """Dana and Bob, proposed; both speak Tigrinya and Arabic, work nights at Formning, and Dana
    wished for a mentor of her own gender."""
    MatchingProfile.objects.create(
        enrolment=cast.dana_enrolment,
        languages=[{"code": "ar", "level": 2}, {"code": "ti", "level": 4}],
        trade="Gjuteri",
        skills=["Formning", "slipning"],
        shifts=["night", "day"],
        interests=["<b>fotboll</b>", "musik"],
        gender="woman",
        wants_same_gender=True,
    )
    MatchingProfile.objects.create(
        enrolment=cast.bob_enrolment,
        languages=[
            {"code": "sv", "level": 4},
            {"code": "ti", "level": 3},
            {"code": "ar", "level": 3},
        ],
        trade="gjuteri",
        skills=["formning"],
        shifts=["night"],
        interests=["<B>Fotboll</B>"],
        gender="woman",
        capacity=2,
    )
    Pair.objects.filter(pk=cast.pair.pk).update(
        status=S.PROPOSED,
        started_on=None,
        score=90.0,
        breakdown={
            "language": {"points": 30.0, "max": 30.0},
            "workplace": {"points": 20.0, "max": 20.0},
            "trade": {"points": 15.0, "max": 15.0},
            "shifts": {"points": 5.0, "max": 10.0},
            "interests": {"points": 5.0, "max": 10.0},
            "gender": {"points": 15.0, "max": 15.0},
        },
    )
    cast.pair.refresh_from_db()
    return cast.pair


def test_the_coordinator_reads_every_reason_in_words(cast: Cast, login, proposal: Pair) -> None:
    body = body_of(login(cast.alice).get(url(proposal)))
    # Tigrinya first: the two speak it better than Arabic (3 against 2).
    assert "Both speak <bdi>Tigrinya and Arabic</bdi>." in body
    assert "Both work at <bdi>Formning</bdi>." in body
    assert "Same trade: <bdi>Gjuteri</bdi>." in body
    assert "Shared skill: <bdi>Formning</bdi>." in body
    assert "Same shift: <bdi>Night</bdi>." in body
    # What people typed is escaped, never markup.
    assert "Shared interest: <bdi>&lt;b&gt;fotboll&lt;/b&gt;</bdi>." in body
    assert "<b>fotboll</b>" not in body
    assert GENDER_SENTENCE in body


@pytest.mark.parametrize("who", ["bob", "dana"])
def test_the_adept_and_the_mentor_read_no_sentence_about_gender(
    cast: Cast, login, proposal: Pair, who: str
) -> None:
    body = body_of(login(getattr(cast, who)).get(url(proposal)))
    assert "Both speak <bdi>Tigrinya and Arabic</bdi>." in body
    assert "Same shift: <bdi>Night</bdi>." in body
    assert "gender" not in body.lower()


def test_the_mentor_reads_no_gender_sentence_in_swedish_either(
    cast: Cast, login, proposal: Pair
) -> None:
    client = login(cast.bob)
    client.cookies["smile_language"] = "sv"
    body = body_of(client.get(url(proposal)))
    assert "Båda talar <bdi>tigrinja och arabiska</bdi>." in body
    assert "Samma skift: <bdi>Natt</bdi>." in body
    assert "kön" not in body


def test_the_reasons_are_in_the_readers_language(cast: Cast, login, proposal: Pair) -> None:
    client = login(cast.dana)
    client.cookies["smile_language"] = "ar"
    body = body_of(client.get(url(proposal)))
    assert "كلاهما يتحدث <bdi>التغرينية والعربية</bdi>." in body


def test_a_criterion_the_coordinator_gave_no_weight_is_no_reason(
    cast: Cast, login, proposal: Pair
) -> None:
    breakdown = dict(proposal.breakdown, shifts={"points": 0.0, "max": 0.0})
    Pair.objects.filter(pk=proposal.pk).update(breakdown=breakdown)
    body = body_of(login(cast.alice).get(url(proposal)))
    assert "Same shift" not in body
    assert "Both speak <bdi>Tigrinya and Arabic</bdi>." in body


def test_an_unmet_gender_wish_is_said_to_the_coordinator_only(
    cast: Cast, login, proposal: Pair
) -> None:
    MatchingProfile.objects.filter(enrolment=cast.bob_enrolment).update(gender="man")
    sentence = "The adept wished for a mentor of the same gender; the wish is not met."
    assert sentence in body_of(login(cast.alice).get(url(proposal)))
    assert "gender" not in body_of(login(cast.dana).get(url(proposal))).lower()


def test_another_organisation_reads_no_reason(cast: Cast, login, proposal: Pair) -> None:
    body = body_of(login(cast.charlie).get(url(proposal)), status=404)
    assert "Tigrinya" not in body


def test_the_proposal_on_the_matching_page_gives_the_reasons(
    cast: Cast, login, proposal: Pair
) -> None:
    Pair.objects.filter(pk=proposal.pk).update(status=S.DRAFT)
    body = body_of(login(cast.alice).get(f"/matching/programmes/{cast.programme.pk}/"))
    assert "Both speak <bdi>Tigrinya and Arabic</bdi>." in body
    assert GENDER_SENTENCE in body
    assert f'href="/mentoring/pairs/?programme={cast.programme.pk}"' in body


# --- the history ------------------------------------------------------------------------------


def _on(day: int, month: int = 12, year: int = 2026) -> None:
    """Date the newest event (the tests' writes all happen "now")."""
    event = PairEvent.objects.order_by("-pk").first()
    assert event is not None
    PairEvent.objects.filter(pk=event.pk).update(at=datetime(year, month, day, 10, tzinfo=UTC))


def test_the_history_tells_who_did_what_and_when(cast: Cast, login) -> None:
    Pair.objects.filter(pk=cast.pair.pk).update(status=S.DRAFT, started_on=None)
    lifecycle.pairs_publish(programme=cast.programme, actor=cast.alice)
    _on(7)
    pair = Pair.objects.get(pk=cast.pair.pk)
    lifecycle.pair_accept(pair=pair, user=cast.dana)
    _on(8)
    lifecycle.pair_accept(pair=pair, user=cast.bob)
    _on(9)
    lifecycle.pair_pause(pair=pair, actor=cast.alice, reason="Bob is on leave")
    _on(20)
    lifecycle.pair_resume(pair=pair, actor=cast.alice)
    _on(11, 1, 2027)
    lifecycle.pair_end(pair=pair, actor=cast.alice, reason="Dana moved away")
    _on(1, 2, 2027)

    alice = body_of(login(cast.alice).get(url(pair)))
    expected = [
        "<bdi>Alice Andersson</bdi> proposed the pair on <bdi>7 Dec 2026</bdi>.",
        "<bdi>Dana Darwish</bdi> said yes on <bdi>8 Dec 2026</bdi>.",
        "<bdi>Bob Berg</bdi> said yes on <bdi>9 Dec 2026</bdi>, and the pair started.",
        "<bdi>Alice Andersson</bdi> paused the pair on <bdi>20 Dec 2026</bdi>.",
        "<bdi>Alice Andersson</bdi> resumed the pair on <bdi>11 Jan 2027</bdi>.",
        "<bdi>Alice Andersson</bdi> ended the pair early on <bdi>1 Feb 2027</bdi>.",
    ]
    positions = [alice.index(line) for line in expected]
    assert positions == sorted(positions)
    assert "Reason: <bdi>Bob is on leave</bdi>" in alice
    assert "Reason: <bdi>Dana moved away</bdi>" in alice

    # The adept reads the same story, without the coordinator's reasons.
    dana = body_of(login(cast.dana).get(url(pair)))
    assert all(line in dana for line in expected)
    assert "Bob is on leave" not in dana and "Dana moved away" not in dana


def test_a_no_is_told_as_a_no_and_the_one_who_said_it_reads_her_reason(cast: Cast, login) -> None:
    Pair.objects.filter(pk=cast.pair.pk).update(status=S.PROPOSED, started_on=None)
    pair = Pair.objects.get(pk=cast.pair.pk)
    lifecycle.pair_decline(pair=pair, user=cast.bob, reason="Too many adepts now")
    _on(7)
    bob = body_of(login(cast.bob).get(url(pair)))
    assert "<bdi>Bob Berg</bdi> said no on <bdi>7 Dec 2026</bdi>." in bob
    assert "Reason: <bdi>Too many adepts now</bdi>" in bob


def test_an_event_without_a_person_is_told_without_one(cast: Cast, login) -> None:
    PairEvent.objects.create(
        pair=cast.pair, from_status=S.ACTIVE, to_status=S.PAUSED, actor=None, note=""
    )
    _on(7)
    body = body_of(login(cast.alice).get(url(cast.pair)))
    assert "The pair was paused on <bdi>7 Dec 2026</bdi>." in body


def test_the_history_in_swedish(cast: Cast, login) -> None:
    Pair.objects.filter(pk=cast.pair.pk).update(status=S.DRAFT, started_on=None)
    lifecycle.pairs_publish(programme=cast.programme, actor=cast.alice)
    _on(7)
    client = login(cast.alice)
    client.cookies["smile_language"] = "sv"
    body = body_of(client.get(url(cast.pair)))
    assert "<bdi>Alice Andersson</bdi> föreslog paret den <bdi>7 dec. 2026</bdi>." in body
