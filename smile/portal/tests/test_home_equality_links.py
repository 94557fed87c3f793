"""The safe route for concerns is one tap from every home that may use it; the coordinator's
links to cases and handlers appear only for those who have that work."""

from smile.equality import services as equality
from tests.cast import Cast
from tests.pages import body_of

REPORT = '<a href="/equality/">Something wrong? Tell us</a>'
CASES = '<a href="/equality/cases/">Cases</a>'
HANDLERS = '<a href="/equality/handlers/">Case handlers</a>'


def test_the_adept_mentor_and_teacher_homes_link_to_raising_a_concern(cast: Cast, login) -> None:
    assert REPORT in body_of(login(cast.dana).get("/home/adept/"))
    assert REPORT in body_of(login(cast.bob).get("/home/mentor/"))
    assert REPORT in body_of(login(cast.tess).get("/home/teacher/"))


def test_the_coordinator_sees_the_cases_link_once_she_is_named_a_handler(cast: Cast, login) -> None:
    client = login(cast.alice)
    before = body_of(client.get("/home/coordinator/"))
    assert CASES not in before
    assert HANDLERS in before  # she coordinates the owner, so she names the handlers
    equality.case_handler_add(programme=cast.programme, by=cast.alice, user=cast.alice)
    assert CASES in body_of(client.get("/home/coordinator/"))


def test_another_municipalitys_coordinator_gets_neither_link_for_savsjo(cast: Cast, login) -> None:
    equality.case_handler_add(programme=cast.programme, by=cast.alice, user=cast.alice)
    content = body_of(login(cast.charlie).get("/home/coordinator/"))
    assert CASES not in content


def test_the_managers_home_opens_her_smile_page_and_active_measures(cast: Cast, login) -> None:
    content = body_of(login(cast.mona).get("/home/manager/"))
    assert '<a class="button" href="/leadership/">SMILE at my workplaces</a>' in content
    assert '<a href="/equality/measures/">Active measures</a>' in content
    assert (
        f'<a href="/leadership/workplaces/{cast.moulding.pk}/"><bdi>Formning</bdi></a>' in content
    )
