"""Fair figures: the numbers by hand, small groups hidden with what would give them away, only
consenting people counted under their gender, and who may see which figures (others get 404)."""

from datetime import date

import pytest
from django.utils import timezone

from smile.equality.figures.selectors import figures_of
from smile.equality.models import StatisticsConsent
from smile.equality.tests.figurework import add_adepts, build_figures
from smile.equality.tests.measurework import vera
from smile.matching.models import Pair
from smile.mentoring.models import MeetingLog
from smile.programmes.models import Enrolment
from tests.cast import Cast
from tests.pages import body_of


def lines(cast: Cast, **where: object) -> dict[str, tuple[str | None, ...]]:
    found = figures_of(Enrolment.objects.filter(**where), timezone.localdate())
    return {line.label: (*line.cells, line.total) for line in found.lines}


def test_the_programme_figures_by_hand(cast: Cast) -> None:
    build_figures(cast)
    # women, men, non-binary, not stated, all (see build_figures for the sums)
    assert lines(cast, programme=cast.programme) == {
        "Adepts": ("6", "7", None, None, "22"),
        "Learning progress, average": ("100 %", "33 %", None, None, "64 %"),
        "Hours logged per adept, average": ("3", "2", None, None, "2"),
        "Meetings held per adept, average": ("0", "0", None, None, "0"),
        # completed 5 / 6 / 0 / 0: the two empty groups (sum 0) would follow from 11 - 5 - 6,
        # so the smallest shown (women, 5) is hidden with them.
        "Pairs completed": (None, "6", None, None, "11"),
        # one pair in all: nothing at all.
        "Pairs ended early": (None, None, None, None, None),
    }


def log_meetings(adepts: list[Enrolment], count: int) -> None:
    """`count` meeting logs on each of these adepts' pairs."""
    for pair in Pair.objects.filter(adept__in=adepts):
        for day in range(1, count + 1):
            MeetingLog.objects.create(pair=pair, held_on=date(2026, 9, day), minutes=60)


def test_meetings_held_are_an_average_per_adept_over_all_her_pairs(cast: Cast) -> None:
    women = add_adepts(cast, 5, gender="woman", pair="completed")
    log_meetings(women[:4], 3)  # 4 women with 3 meetings, one with none: 12 / 5 = 2.4 -> 2
    men = add_adepts(cast, 5, gender="man", pair="ended")
    log_meetings(men, 2)
    # a man's second pair, after the one that ended: 2 + 4 = 6 for him; 10 + 4 = 14 / 5 = 2.8 -> 3
    second = Pair.objects.create(programme=cast.programme, mentor=cast.bob_enrolment, adept=men[0])
    for day in (1, 8, 15, 22):
        MeetingLog.objects.create(pair=second, held_on=date(2026, 11, day), minutes=45)
    # non-binary 0 and not stated (dana, erin) 2: hidden, with the women (smallest shown first).
    # All: dana's pair with bob in the cast has no log: (12 + 14) / 12 = 2.2 -> 2
    assert lines(cast, programme=cast.programme)["Meetings held per adept, average"] == (
        None,
        "3",
        None,
        None,
        "2",
    )
    add_adepts(cast, 5, gender="non_binary")
    # now only not stated (2) is small; of the three groups of 5 the first, women, hides it, and
    # the non-binary adepts (no meetings) are shown.
    assert lines(cast, programme=cast.programme)["Meetings held per adept, average"] == (
        None,
        "3",
        "0",
        None,
        "2",  # 26 / 17 = 1.5 -> 2
    )


def test_a_workplace_of_one_adept_shows_nothing_and_the_other_hides_two_small_groups(
    cast: Cast,
) -> None:
    build_figures(cast)
    assert lines(cast, workplace=cast.finishing)["Adepts"] == (None, None, None, None, None)
    # moulding: everyone but erin: not stated 4 and non-binary 4 are both small; together 8.
    assert lines(cast, workplace=cast.moulding)["Adepts"] == ("6", "7", None, None, "21")


def test_only_a_yes_counts_her_gender_and_a_withdrawal_holds_at_once(cast: Cast) -> None:
    add_adepts(cast, 5, gender="woman")
    men = add_adepts(cast, 5, gender="man")
    add_adepts(cast, 5, gender="non_binary")
    # not stated (dana, erin: 2) alone is hidden, and the first smallest shown (women) with it.
    assert lines(cast, programme=cast.programme)["Adepts"] == (None, "5", "5", None, "17")
    StatisticsConsent.objects.filter(user=men[0].user).update(gender_counted=False)
    # 4 men and 3 not stated: both hidden, 7 together; the women come back.
    assert lines(cast, programme=cast.programme)["Adepts"] == ("5", None, "5", None, "17")


# Non-binary adepts n = 0..10 next to 6 women and 7 men (all saying yes) and dana and erin
# (not stated, 2), worked out by hand: hidden groups are never a lone one and never hold fewer
# than 5 together, so no subtraction from the total gives a small group.
@pytest.mark.parametrize(
    ("n", "expected"),
    [
        (0, (None, "7", None, None, "15")),  # 0 + 2 < 5: women (smallest shown) hidden too
        (1, (None, "7", None, None, "16")),
        (2, (None, "7", None, None, "17")),
        (3, ("6", "7", None, None, "18")),  # 3 + 2 = 5 hidden together: enough
        (4, ("6", "7", None, None, "19")),
        (5, ("6", "7", None, None, "20")),  # only "not stated" small: non-binary (5) hides it
        (6, (None, "7", "6", None, "21")),  # women and non-binary equal: the first, women
        (7, (None, "7", "7", None, "22")),
        (8, (None, "7", "8", None, "23")),
        (9, (None, "7", "9", None, "24")),
        (10, (None, "7", "10", None, "25")),
    ],
)
def test_every_group_size_and_the_subtraction_attack(
    cast: Cast, n: int, expected: tuple[str | None, ...]
) -> None:
    add_adepts(cast, 6, gender="woman")
    add_adepts(cast, 7, gender="man")
    add_adepts(cast, n, gender="non_binary")
    shown = lines(cast, programme=cast.programme)["Adepts"]
    assert shown == expected
    true = (6, 7, n, 2)
    hidden = [count for count, cell in zip(true, shown[:4], strict=True) if cell is None]
    assert len(hidden) != 1
    assert not hidden or sum(hidden) >= 5


def test_the_coordinator_sees_her_programme_and_the_explanation(cast: Cast, login) -> None:
    build_figures(cast)
    body = body_of(login(cast.alice).get("/equality/figures/"))
    assert "Gjuterivägen" in body
    assert "Vårdvägen" not in body
    assert "Fewer than 5 adepts: Non-binary, Not stated." not in body
    assert "Fewer than 5 adepts: Non-binary." in body
    assert "cannot be worked out from the total: Not stated." in body
    assert "Belonging is not shown by gender" in body
    assert '<a href="/belonging/">the belonging page</a>' in body
    assert "Meetings held per adept, average" in body
    # printing leaves out the link to the question (a screen-only thing), not the explanation
    assert '<p class="no-print"><a href="/equality/figures/consent/">' in body
    assert "Figur " not in body and "Dana" not in body  # no one is named


def test_the_manager_sees_only_her_workplaces(cast: Cast, login) -> None:
    build_figures(cast)
    body = body_of(login(cast.mona).get("/equality/figures/"))
    assert "Formning" in body
    assert "Efterbehandling" in body
    assert "Fewer than 5 adepts here" in body  # finishing: erin alone
    assert "Gjuterivägen" not in body
    other = body_of(login(vera(cast)).get("/equality/figures/"))
    assert "Formning" not in other and "Solgläntan" in other


def test_the_other_coordinator_sees_only_his_own(cast: Cast, login) -> None:
    body = body_of(login(cast.charlie).get("/equality/figures/"))
    assert "Vårdvägen" in body and "Gjuterivägen" not in body


@pytest.mark.parametrize("who", ["bob", "dana", "erin", "tess"])
def test_mentors_adepts_and_teachers_get_404(cast: Cast, login, who: str) -> None:
    body_of(login(getattr(cast, who)).get("/equality/figures/"), 404)


def test_a_stranger_is_sent_to_log_in(cast: Cast, client) -> None:
    body_of(client.get("/equality/figures/"), 302)
    body_of(client.get("/equality/figures/consent/"), 302)


def test_the_adept_says_yes_and_withdraws(cast: Cast, login) -> None:
    dana = login(cast.dana)
    body = body_of(dana.get("/equality/figures/consent/"))
    assert "May SMILE count your gender, without your name, in equality statistics?" in body
    body_of(dana.post("/equality/figures/consent/", {"answer": "yes"}), 302)
    assert StatisticsConsent.objects.get(user=cast.dana).gender_counted is True
    body_of(dana.post("/equality/figures/consent/", {"answer": "no"}), 302)
    assert StatisticsConsent.objects.get(user=cast.dana).gender_counted is False
    body = body_of(dana.post("/equality/figures/consent/", {"answer": "maybe"}))
    assert StatisticsConsent.objects.get(user=cast.dana).gender_counted is False
    assert body_of(dana.get("/equality/")).count("/equality/figures/consent/") == 1


def test_the_figures_take_a_constant_number_of_queries(
    cast: Cast, django_assert_max_num_queries
) -> None:
    build_figures(cast)
    with django_assert_max_num_queries(6):
        lines(cast, programme=cast.programme)


def test_the_question_is_reachable_from_her_privacy_page(cast: Cast, login) -> None:
    body = body_of(login(cast.dana).get("/privacy/access-log/"))
    assert "Your choices about your information" in body
    assert (
        '<a href="/equality/figures/consent/">Counting your gender in equality statistics</a>'
        in (body)
    )
