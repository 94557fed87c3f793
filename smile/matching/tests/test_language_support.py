"""Language support in matching: a pair who share no language get a modest language fit when a
language ambassador at the adept's workplace speaks one of her languages; the registry joins what
the apps above matching (inclusion) provide. Pure: no database."""

from collections.abc import Iterator

import pytest

from smile.matching import language_support
from smile.matching.scoring import Criteria, ProfileView, fits, score_pair


def adept(languages: dict[str, int], support: frozenset[str] = frozenset()) -> ProfileView:
    return ProfileView(
        enrolment_id=1,
        user_id=1,
        workplace_id=7,
        employer_id=3,
        languages=languages,
        support_languages=support,
    )


MENTOR = ProfileView(
    enrolment_id=2, user_id=2, workplace_id=7, employer_id=3, languages={"sv": 4}, capacity=1
)
ONLY_LANGUAGE = Criteria(weights={"language": 10}).maxima()


def test_no_shared_language_and_no_ambassador_fits_nothing() -> None:
    assert fits(adept({"ti": 4}), MENTOR)["language"] == 0.0


def test_an_ambassador_who_speaks_hers_gives_a_quarter() -> None:
    helped = adept({"ti": 4}, frozenset({"ti", "ar"}))
    assert fits(helped, MENTOR)["language"] == 0.25
    # language alone weighed: 100 * 0.25
    assert score_pair(helped, MENTOR, ONLY_LANGUAGE)[0] == 25.0


def test_an_ambassador_of_another_language_gives_nothing() -> None:
    assert fits(adept({"ti": 4}, frozenset({"ar"})), MENTOR)["language"] == 0.0


def test_a_shared_language_is_weighed_as_before_with_or_without_an_ambassador() -> None:
    # sv 2 shared: min(2, 4) / 4
    assert fits(adept({"ti": 4, "sv": 2}, frozenset({"ti"})), MENTOR)["language"] == 0.5
    assert fits(adept({"ti": 4, "sv": 1}, frozenset({"ti"})), MENTOR)["language"] == 0.25


@pytest.fixture
def providers() -> Iterator[None]:
    saved = dict(language_support._providers)
    language_support._providers.clear()
    yield
    language_support._providers.clear()
    language_support._providers.update(saved)


def test_the_registry_joins_the_providers(providers: None) -> None:
    assert language_support.languages_at([7, 8]) == {}
    language_support.register("one", lambda ids: {7: ["ti"], 8: []})
    language_support.register("two", lambda ids: {7: {"ar"}, 9: {"uk"}})
    language_support.register("two", lambda ids: {7: {"so"}})  # replaces by name
    assert language_support.languages_at([7, 8]) == {7: frozenset({"ti", "so"})}
    assert language_support.languages_at([]) == {}
