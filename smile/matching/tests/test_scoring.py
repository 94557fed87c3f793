import pytest

from smile.matching import scoring
from smile.matching.scoring import Criteria, History, ProfileView

WEIGHTS = {"language": 10, "workplace": 8, "trade": 6, "shifts": 5, "interests": 2, "gender": 5}


def person(enrolment_id: int, **fields: object) -> ProfileView:
    values: dict[str, object] = {
        "enrolment_id": enrolment_id,
        "user_id": enrolment_id + 100,
        "workplace_id": 1,
        "employer_id": 1,
        "languages": {"sv": 4},
        "capacity": 2,
        "trained": True,
    }
    return ProfileView(**(values | fields))  # type: ignore[arg-type]


def test_maxima_share_100_points_by_weight() -> None:
    maxima = Criteria(weights=WEIGHTS).maxima()
    assert sum(maxima.values()) == pytest.approx(100)
    assert maxima["language"] == pytest.approx(100 * 10 / 36)


def test_all_weights_zero_gives_zero_maxima() -> None:
    assert set(Criteria(weights=dict.fromkeys(WEIGHTS, 0)).maxima().values()) == {0.0}


def test_a_perfect_pair_scores_100() -> None:
    fields = {
        "trade": "Gjuteri",
        "skills": frozenset({"a"}),
        "shifts": frozenset({"day"}),
        "interests": frozenset({"x"}),
    }
    score, breakdown = scoring.score_pair(
        person(1, **fields), person(2, **fields), Criteria(weights=WEIGHTS).maxima()
    )
    assert score == 100.0
    assert breakdown["language"] == {"points": 27.8, "max": 27.8}


def test_each_fit_follows_its_rule() -> None:
    adept = person(
        1,
        languages={"sv": 2, "ar": 4},
        workplace_id=1,
        trade="gjuteri",
        skills=frozenset({"a", "b"}),
        shifts=frozenset({"day", "night"}),
        wants_same_gender=True,
        gender="woman",
    )
    mentor = person(
        2,
        languages={"sv": 4, "ar": 3},
        workplace_id=2,
        trade="Gjuteri",
        skills=frozenset({"b", "c"}),
        shifts=frozenset({"day"}),
        gender="man",
    )
    assert scoring.fits(adept, mentor) == {
        "language": 0.75,
        "workplace": 0.5,
        "trade": pytest.approx(0.6 + 0.4 / 3),
        "shifts": 0.5,
        "interests": 0.0,
        "gender": 0.0,
    }


def test_only_the_weighted_criterion_counts() -> None:
    weights = dict.fromkeys(WEIGHTS, 0) | {"shifts": 3}
    score, breakdown = scoring.score_pair(
        person(1, shifts=frozenset({"day", "night"})),
        person(2, shifts=frozenset({"day"})),
        Criteria(weights=weights).maxima(),
    )
    assert score == 50.0
    assert breakdown["shifts"] == {"points": 50.0, "max": 100.0}
    assert breakdown["language"] == {"points": 0.0, "max": 0.0}


@pytest.mark.parametrize(
    ("criteria", "adept", "mentor", "history", "codes"),
    [
        ({"require_same_workplace": True}, {}, {"workplace_id": 9}, {}, ["same_workplace"]),
        ({}, {}, {"employer_id": 9, "workplace_id": 9}, {}, ["same_employer"]),
        ({}, {}, {"languages": {"fi": 4}}, {}, ["shared_language"]),
        ({}, {"line_manager_id": 102}, {}, {}, ["line_manager"]),
        ({}, {}, {}, {"ended_badly": {(101, 102)}}, ["ended_badly"]),
        ({}, {}, {}, {"excluded": {(1, 2)}}, ["excluded"]),
        ({}, {}, {"trained": False}, {}, ["training"]),
        ({}, {}, {"capacity": 0}, {}, ["capacity_zero"]),
        ({"training_required": False}, {}, {"trained": False}, {}, []),
        (
            {"require_same_employer": False, "require_shared_language": False},
            {},
            {"employer_id": 9, "languages": {}},
            {},
            [],
        ),
    ],
)
def test_hard_rules(
    criteria: dict[str, object],
    adept: dict[str, object],
    mentor: dict[str, object],
    history: dict[str, object],
    codes: list[str],
) -> None:
    rules = Criteria(weights=WEIGHTS, **criteria)  # type: ignore[arg-type]
    found = scoring.broken_rules(
        person(1, **adept),
        person(2, **mentor),
        rules,
        History(**history),  # type: ignore[arg-type]
    )
    assert found == codes


def test_score_all_keeps_the_best_k_mentors_per_adept() -> None:
    adepts = [person(1, shifts=frozenset({"day"}))]
    mentors = [
        person(10, shifts=frozenset({"night"})),
        person(11, shifts=frozenset({"day"})),
        person(12, shifts=frozenset({"day", "night"})),
        person(13, languages={"fi": 4}),  # not allowed
    ]
    criteria = Criteria(weights=WEIGHTS)
    every = scoring.score_all(adepts, mentors, criteria, History(), limit=None)
    assert {s.mentor_id for s in every} == {10, 11, 12}
    best = scoring.score_all(adepts, mentors, criteria, History(), limit=2)
    assert [s.mentor_id for s in best] == [11, 12]


def test_score_all_skips_other_employers_and_the_same_person() -> None:
    adepts = [person(1, user_id=7)]
    mentors = [person(2, employer_id=5, workplace_id=5), person(3, user_id=7), person(4)]
    found = scoring.score_all(adepts, mentors, Criteria(weights=WEIGHTS), History())
    assert [s.mentor_id for s in found] == [4]
