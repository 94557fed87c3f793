"""The self-assessment: a round is opened, answered once per person, closed, and its results shown
to those who lead the workplace, never one person's answers."""

import pytest

from smile.core.errors import ApplicationError, NotAllowed
from smile.leadership.models import AssessmentAnswer, AssessmentResponse, AssessmentRound
from smile.leadership.services import (
    assessment_answer,
    assessment_round_close,
    assessment_round_open,
)
from smile.leadership.tests.fixtures import add_mentors, answer_all, close, every, other_manager
from tests.cast import Cast
from tests.pages import body_of


def test_a_round_is_opened_answered_and_closed(cast: Cast) -> None:
    round = assessment_round_open(actor=cast.mona, workplace=cast.moulding)
    with pytest.raises(ApplicationError, match="already open"):
        assessment_round_open(actor=cast.alice, workplace=cast.moulding)
    assessment_answer(actor=cast.bob, round=round, answers=every(4))
    with pytest.raises(ApplicationError, match="already answered"):
        assessment_answer(actor=cast.bob, round=round, answers=every(2))
    with pytest.raises(ApplicationError, match="every statement"):
        assessment_answer(actor=cast.mona, round=round, answers={"support.time": 3})
    with pytest.raises(ApplicationError, match="every statement"):
        assessment_answer(actor=cast.mona, round=round, answers=every(6))
    # Bob's answers are kept without his name: 16 answers, one response that names him.
    assert AssessmentAnswer.objects.count() == 16
    assert list(AssessmentResponse.objects.values_list("respondent__full_name", "role")) == [
        ("Bob Berg", "mentor")
    ]
    assert "respondent" not in {f.name for f in AssessmentAnswer._meta.get_fields()}
    closed = assessment_round_close(actor=cast.mona, round=round)
    assert closed.closed_at is not None
    with pytest.raises(NotAllowed):  # a closed round is answered no more
        assessment_answer(actor=cast.mona, round=closed, answers=every(3))


def test_those_outside_the_workplace_neither_open_nor_answer(cast: Cast) -> None:
    vera = other_manager(cast)
    for person in (cast.bob, cast.dana, cast.charlie, vera):
        with pytest.raises(NotAllowed):
            assessment_round_open(actor=person, workplace=cast.moulding)
    round = assessment_round_open(actor=cast.alice, workplace=cast.moulding)
    for person in (cast.dana, cast.charlie, vera, cast.erin):
        with pytest.raises(NotAllowed):
            assessment_answer(actor=person, round=round, answers=every(3))
    assert AssessmentResponse.objects.count() == 0


def test_the_manager_opens_a_round_and_a_mentor_answers_through_the_pages(
    cast: Cast, login
) -> None:
    client = login(cast.mona)
    url = f"/leadership/workplaces/{cast.moulding.pk}/self-assessment/"
    body = body_of(client.get(url))
    assert "Open a new round" in body
    response = client.post(f"/leadership/workplaces/{cast.moulding.pk}/self-assessment/open/")
    assert response.status_code == 302
    round = AssessmentRound.objects.get()

    client = login(cast.bob)
    body = body_of(client.get("/leadership/self-assessment/"))
    assert f'href="/leadership/rounds/{round.pk}/answer/"' in body
    # Half the statements answered: the page says what is missing and keeps what was chosen.
    partial = {"s_inclusion_welcome": "4", "s_support_time": "2"}
    body = body_of(client.post(f"/leadership/rounds/{round.pk}/answer/", partial))
    assert "Please choose an answer." in body
    assert 'name="s_support_time" value="2" required id="id_s_support_time_1" checked' in body
    assert AssessmentResponse.objects.count() == 0
    # A value outside the scale is refused with a message.
    body = body_of(client.post(f"/leadership/rounds/{round.pk}/answer/", {"s_support_time": "9"}))
    assert "Please choose only from the list." in body
    answers = {f"s_{code.replace('.', '_')}": str(v) for code, v in every(4).items()}
    response = client.post(f"/leadership/rounds/{round.pk}/answer/", answers)
    assert response.status_code == 302
    assert response["Location"] == "/leadership/self-assessment/"
    body = body_of(client.get(f"/leadership/rounds/{round.pk}/answer/"))
    assert "You have answered this round" in body
    assert "Nothing to answer now." in body_of(client.get("/leadership/self-assessment/"))
    assert AssessmentResponse.objects.get().role == "mentor"


def test_results_show_from_three_answers_and_never_to_a_mentor(cast: Cast, login) -> None:
    (maja,) = add_mentors(cast, 1)
    round = assessment_round_open(actor=cast.mona, workplace=cast.moulding)
    answer_all(round, {cast.bob: every(4), maja: every(2)})
    close(round)
    client = login(cast.mona)
    body = body_of(client.get(f"/leadership/rounds/{round.pk}/"))
    assert "Fewer than 3 answered" in body
    assert 'class="chart"' not in body

    second = assessment_round_open(actor=cast.mona, workplace=cast.moulding)
    answer_all(
        second,
        {cast.bob: every(4), maja: every(2, support__time=1), cast.mona: every(3)},
    )
    close(second)
    body = body_of(client.get(f"/leadership/rounds/{second.pk}/"))
    # Everyone's support: (4×4 + 2+1+2+2 + 3×4) / 12 = 35/12 = 2.9: below 3, called out.
    assert '<g data-key="overall">' in body
    assert "Management support is 2.9, below 3.0." in body
    # Two mentors and a manager: no group of three, so no group's own column.
    assert '<g data-key="mentor">' not in body
    assert '<g data-key="manager">' not in body
    # The weakest statement: time, (4 + 1 + 3) / 3 = 2.7, offered as an action.
    assert "Mentors have time for mentoring set aside in their working hours." in body
    assert '<input type="hidden" name="statement" value="support.time">' in body
    # The first round had too few answers: no change is shown.
    assert "Change since the round before" not in body

    for person in (cast.bob, maja, cast.dana, cast.charlie, other_manager(cast)):
        assert login(person).get(f"/leadership/rounds/{second.pk}/").status_code == 404


def test_a_group_of_three_gets_its_own_line(cast: Cast, login) -> None:
    mentors = add_mentors(cast, 2)
    round = assessment_round_open(actor=cast.mona, workplace=cast.moulding)
    answer_all(round, {cast.bob: every(4), mentors[0]: every(4), mentors[1]: every(1)})
    close(round)
    body = body_of(login(cast.alice).get(f"/leadership/rounds/{round.pk}/"))
    # Three mentors and nobody else: their line is shown, (4 + 4 + 1) / 3 = 3.0.
    assert '<g data-key="mentor">' in body
    assert ">Mentors</th>" in body


def test_every_page_of_the_assessment_is_a_404_for_those_outside(cast: Cast, login) -> None:
    vera = other_manager(cast)
    round = assessment_round_open(actor=cast.mona, workplace=cast.moulding)
    pages = [
        f"/leadership/workplaces/{cast.moulding.pk}/self-assessment/",
        f"/leadership/rounds/{round.pk}/",
    ]
    for person in (cast.bob, cast.dana, cast.charlie, vera):
        client = login(person)
        for url in pages:
            assert client.get(url).status_code == 404, (person, url)
        assert client.post(f"/leadership/rounds/{round.pk}/close/").status_code == 404
        assert (
            client.post(
                f"/leadership/workplaces/{cast.moulding.pk}/self-assessment/open/"
            ).status_code
            == 404
        )
    # The adept, Charlie and Vera do not answer there either; Bob does.
    for person in (cast.dana, cast.charlie, vera):
        assert login(person).get(f"/leadership/rounds/{round.pk}/answer/").status_code == 404
    assert login(cast.bob).get(f"/leadership/rounds/{round.pk}/answer/").status_code == 200
    round.refresh_from_db()
    assert round.closed_at is None


def test_closing_twice_says_so(cast: Cast, login) -> None:
    round = assessment_round_open(actor=cast.mona, workplace=cast.moulding)
    client = login(cast.mona)
    assert client.post(f"/leadership/rounds/{round.pk}/close/").status_code == 302
    response = client.post(f"/leadership/rounds/{round.pk}/close/", follow=True)
    assert "This round is already closed." in body_of(response)
    assert client.get(f"/leadership/rounds/{round.pk}/close/").status_code == 405
