"""The three-party review shows the adept's Swedish and her wish for an interpreter
(smile.inclusion)."""

from datetime import timedelta

from django.utils import timezone

from smile.inclusion import services
from smile.learning.reviews.services import review_schedule
from tests.cast import Cast
from tests.pages import body_of


def test_the_three_party_review_shows_the_interpreter_wish(cast: Cast, login) -> None:
    services.language_support_save(
        enrolment=cast.dana_enrolment,
        swedish_level="a2",
        wants_interpreter=True,
        interpreter_language="ar",
    )
    review = review_schedule(
        enrolment=cast.dana_enrolment,
        by=cast.bob,
        scheduled_for=timezone.now() + timedelta(days=3),
        place="Formning",
        agenda="",
    )
    page = body_of(login(cast.bob).get(f"/learning/reviews/{review.pk}/"))
    assert "Interpreter at reviews" in page
    assert "Yes, for Arabic" in page


def test_the_review_says_nothing_of_language_support_she_has_not_given(cast: Cast, login) -> None:
    review = review_schedule(
        enrolment=cast.dana_enrolment,
        by=cast.bob,
        scheduled_for=timezone.now() + timedelta(days=3),
        place="Formning",
        agenda="",
    )
    page = body_of(login(cast.bob).get(f"/learning/reviews/{review.pk}/"))
    assert "Interpreter at reviews" not in page
