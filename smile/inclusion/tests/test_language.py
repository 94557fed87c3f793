"""Language support: her Swedish and an interpreter wish, seen at reviews; ambassadors."""

import pytest

from smile.core.errors import ApplicationError
from smile.inclusion import selectors, services
from smile.inclusion.models import LanguageAmbassador, LanguageSupport
from smile.matching.models import MatchingProfile
from tests.cast import Cast, add_other_mentor, make_user
from tests.pages import body_of

from .test_onboarding import other_manager


def test_the_adept_tells_her_swedish_and_wish_and_sees_ambassadors_of_her_languages(
    cast: Cast,
) -> None:
    MatchingProfile.objects.create(
        enrolment=cast.dana_enrolment, languages=[{"code": "ar", "level": 4}]
    )
    services.ambassador_add(workplace=cast.moulding, name="Samir Haddad", language="ar")
    services.ambassador_add(workplace=cast.moulding, name="Olena Koval", language="uk")
    services.ambassador_add(workplace=cast.finishing, name="Rana Ali", language="ar")
    services.language_support_save(
        enrolment=cast.dana_enrolment,
        swedish_level="a2",
        wants_interpreter=True,
        interpreter_language="ar",
    )
    view = selectors.language_view(cast.dana_enrolment)
    assert [(s.code, s.name, s.level) for s in view.spoken] == [("ar", "Arabic", "Mother tongue")]
    assert view.swedish_level == "I understand simple words and sentences"
    assert (view.wants_interpreter, view.interpreter_language) == (True, "Arabic")
    assert [a.name for a in view.ambassadors] == ["Samir Haddad"]


def test_no_interpreter_clears_the_language_and_bad_values_are_refused(cast: Cast) -> None:
    support = services.language_support_save(
        enrolment=cast.dana_enrolment,
        swedish_level="b1",
        wants_interpreter=False,
        interpreter_language="ar",
    )
    assert support.interpreter_language == ""
    with pytest.raises(ApplicationError):
        services.language_support_save(
            enrolment=cast.dana_enrolment, swedish_level="x9", wants_interpreter=False
        )
    with pytest.raises(ApplicationError):
        services.ambassador_add(workplace=cast.moulding, name="Samir", language="xx")
    services.ambassador_add(workplace=cast.moulding, name="Samir", language="ar")
    with pytest.raises(ApplicationError):
        services.ambassador_add(workplace=cast.moulding, name="Samir", language="ar")


def test_the_adept_saves_her_form_and_the_review_page_shows_the_wish(cast: Cast, login) -> None:
    client = login(cast.dana)
    url = f"/inclusion/languages/{cast.dana_enrolment.pk}/"
    body_of(client.get(url))
    response = client.post(
        url, {"swedish_level": "a1", "wants_interpreter": "on", "interpreter_language": "ar"}
    )
    assert response.status_code == 302
    support = LanguageSupport.objects.get(enrolment=cast.dana_enrolment)
    assert (support.swedish_level, support.wants_interpreter) == ("a1", True)
    page = body_of(client.post(url, {"swedish_level": "zz", "wants_interpreter": "on"}))
    assert "checked" in page  # what was typed stays
    # Her mentor, manager and coordinator read it; they cannot change it.
    for person in (cast.bob, cast.mona, cast.alice):
        other = login(person)
        assert "Yes, for Arabic" in body_of(other.get(url))
        body_of(other.post(url, {"swedish_level": "c1"}), 404)
    support.refresh_from_db()
    assert support.swedish_level == "a1"


def test_managers_keep_ambassadors_and_others_get_404(cast: Cast, login) -> None:
    client = login(cast.mona)
    url = f"/inclusion/workplaces/{cast.moulding.pk}/"
    page = body_of(client.post(url, {"form": "ambassador", "name": "Samir", "language": ""}))
    assert 'value="Samir"' in page
    assert (
        client.post(url, {"form": "ambassador", "name": "Samir", "language": "ar"}).status_code
        == 302
    )
    ambassador = LanguageAmbassador.objects.get(workplace=cast.moulding)
    otto = add_other_mentor(cast)
    stranger = make_user("sam@example.example", "Sam Stranger")
    vera = other_manager(cast)
    for person in (vera, otto, cast.erin, cast.charlie, stranger, cast.dana):
        other = login(person)
        body_of(other.post(f"/inclusion/ambassadors/{ambassador.pk}/remove/"), 404)
        body_of(other.post(url, {"form": "ambassador", "name": "X", "language": "ar"}), 404)
    for person in (vera, otto, cast.erin, cast.charlie, stranger):
        other = login(person)
        body_of(other.get(f"/inclusion/languages/{cast.dana_enrolment.pk}/"), 404)
    assert LanguageAmbassador.objects.count() == 1
    client = login(cast.mona)  # one test client: log her in again
    assert client.post(f"/inclusion/ambassadors/{ambassador.pk}/remove/").status_code == 302
    assert not LanguageAmbassador.objects.exists()
