"""Matching uses the workplace's language ambassadors (through matching's registry, filled in
InclusionConfig.ready): an adept who shares no language with her mentor, at a workplace where an
ambassador speaks hers, gets a modest language fit, and the proposal says why in words."""

import pytest

from smile.inclusion import services
from smile.matching import engine
from smile.matching.models import MatchingProfile, Pair, PairStatus
from tests.cast import Cast
from tests.pages import body_of


@pytest.fixture
def no_shared_language(cast: Cast) -> Pair:
    """Dana speaks Tigrinya, Bob Swedish; proposed with language weighed."""
    MatchingProfile.objects.create(
        enrolment=cast.dana_enrolment, languages=[{"code": "ti", "level": 4}]
    )
    MatchingProfile.objects.create(
        enrolment=cast.bob_enrolment, languages=[{"code": "sv", "level": 4}], capacity=2
    )
    Pair.objects.filter(pk=cast.pair.pk).update(
        status=PairStatus.PROPOSED,
        started_on=None,
        score=62.5,
        breakdown={
            "language": {"points": 12.5, "max": 50.0},
            "workplace": {"points": 50.0, "max": 50.0},
        },
    )
    cast.pair.refresh_from_db()
    return cast.pair


def test_the_adepts_view_carries_her_workplaces_ambassador_languages(
    cast: Cast, no_shared_language: Pair
) -> None:
    assert engine.profile_view(cast.dana_enrolment, cast.programme).support_languages == (
        frozenset()
    )
    services.ambassador_add(workplace=cast.moulding, name="Semhar Kidane", language="ti")
    services.ambassador_add(workplace=cast.finishing, name="Samir Haddad", language="ar")
    dana = engine.profile_view(cast.dana_enrolment, cast.programme)
    bob = engine.profile_view(cast.bob_enrolment, cast.programme)
    assert dana.support_languages == frozenset({"ti"})
    assert bob.support_languages == frozenset()  # a mentor's view holds none
    # The cohort reads them once for every adept to match: erin, at Efterbehandling (dana is
    # in a proposed pair already).
    cohort = engine.cohort_load(cast.programme)
    assert {a.enrolment_id: a.support_languages for a in cohort.adepts} == {
        cast.erin_enrolment.pk: frozenset({"ar"})
    }


def test_the_proposal_says_an_ambassador_speaks_her_language(
    cast: Cast, login, no_shared_language: Pair
) -> None:
    sentence = "A language ambassador at the workplace speaks <bdi>Tigrinya</bdi>."
    url = f"/matching/pairs/{no_shared_language.pk}/"
    assert sentence not in body_of(login(cast.alice).get(url))
    services.ambassador_add(workplace=cast.moulding, name="Semhar Kidane", language="ti")
    assert sentence in body_of(login(cast.alice).get(url))
    assert sentence in body_of(login(cast.dana).get(url))
