"""Modules, private reflections, completion and the matching gate; who sees what."""

from typing import Any

import pytest

from smile.core.errors import ApplicationError, NotAllowed
from smile.matching.models import MatchingProfile
from smile.training import services
from smile.training.models import Completion, Module, Reflection
from tests.cast import Cast, make_user
from tests.pages import body_of

SECRET = "Min chef ger mig ingen tid alls"


def _answers(module: Module, text: str = "Ett svar") -> list[str]:
    return [text] * len(module.questions)


def _complete_basic(cast: Cast) -> None:
    for module in Module.objects.filter(basic=True):
        services.module_complete(actor=cast.bob, module=module, answers=_answers(module))


def test_the_seeded_modules_are_there(db: None) -> None:
    assert Module.objects.count() == 5
    assert Module.objects.filter(basic=True).count() == 4
    grounds = Module.objects.get(code="equality-seven-grounds")
    for ground in [
        "kön",
        "könsöverskridande identitet eller uttryck",
        "etnisk tillhörighet",
        "religion eller annan trosuppfattning",
        "funktionsnedsättning",
        "sexuell läggning",
        "ålder",
    ]:
        assert ground in grounds.body_sv


def test_completing_every_basic_module_makes_her_matchable(cast: Cast) -> None:
    assert not MatchingProfile.objects.filter(
        enrolment=cast.bob_enrolment, training_completed_on__isnull=False
    ).exists()
    modules = list(Module.objects.filter(basic=True))
    for module in modules[:-1]:
        services.module_complete(actor=cast.bob, module=module, answers=_answers(module))
    assert not MatchingProfile.objects.filter(
        enrolment=cast.bob_enrolment, training_completed_on__isnull=False
    ).exists()
    services.module_complete(actor=cast.bob, module=modules[-1], answers=_answers(modules[-1]))
    profile = MatchingProfile.objects.get(enrolment=cast.bob_enrolment)
    assert profile.training_completed_on is not None
    assert Completion.objects.filter(user=cast.bob).count() == 4


def test_every_question_needs_an_answer(cast: Cast) -> None:
    module = Module.objects.get(code="role-theory-practice")
    with pytest.raises(ApplicationError) as caught:
        services.module_complete(actor=cast.bob, module=module, answers=["Svar", "  "])
    assert caught.value.field == "answer_2"
    assert not Completion.objects.exists()
    assert not Reflection.objects.exists()


def test_an_adept_cannot_complete_a_module(cast: Cast) -> None:
    module = Module.objects.get(code="role-theory-practice")
    with pytest.raises(NotAllowed):
        services.module_complete(actor=cast.dana, module=module, answers=_answers(module))


def test_the_mentor_completes_a_module_in_the_browser_form(cast: Cast, login: Any) -> None:
    client = login(cast.bob)
    module = Module.objects.get(code="role-theory-practice")
    body = body_of(client.get(f"/training/modules/{module.pk}/"))
    assert "The mentor&#x27;s role: theory and practice at the workplace" in body
    response = client.post(
        f"/training/modules/{module.pk}/", {"answer_1": SECRET, "answer_2": "Hon visar mig"}
    )
    assert response.status_code == 302
    body = body_of(client.get("/training/"))
    assert "Completed" in body
    assert Reflection.objects.get(user=cast.bob, question=0).answer == SECRET


def test_a_missing_answer_keeps_what_she_typed(cast: Cast, login: Any) -> None:
    client = login(cast.bob)
    module = Module.objects.get(code="role-theory-practice")
    body = body_of(client.post(f"/training/modules/{module.pk}/", {"answer_1": SECRET}))
    assert SECRET in body
    assert "This field is required." in body
    assert not Completion.objects.exists()


def test_reflections_stay_private_from_the_coordinator(cast: Cast, login: Any) -> None:
    module = Module.objects.get(code="role-theory-practice")
    services.module_complete(actor=cast.bob, module=module, answers=[SECRET, "Dold"])
    client = login(cast.alice)
    body = body_of(client.get(f"/training/programmes/{cast.programme.pk}/"))
    assert "Bob Berg" in body
    assert SECRET not in body
    assert "No mentor has shared an answer." in body
    # The coordinator is no mentor: the module pages (where answers are shown) are 404 for her.
    body_of(client.get(f"/training/modules/{module.pk}/"), 404)
    body_of(client.get("/training/"), 404)


def test_a_shared_answer_reaches_the_coordinator(cast: Cast, login: Any) -> None:
    module = Module.objects.get(code="role-theory-practice")
    services.module_complete(
        actor=cast.bob, module=module, answers=[SECRET, "Dold"], shared=[True, False]
    )
    body = body_of(login(cast.alice).get(f"/training/programmes/{cast.programme.pk}/"))
    assert SECRET in body
    assert "Dold" not in body


def test_the_coordinator_sees_completion_per_mentor(cast: Cast, login: Any) -> None:
    _complete_basic(cast)
    body = body_of(login(cast.alice).get(f"/training/programmes/{cast.programme.pk}/"))
    assert "All completed" in body
    body = body_of(login(cast.alice).get("/training/programmes/"))
    assert f"/training/programmes/{cast.programme.pk}/" in body


@pytest.mark.parametrize("who", ["charlie", "mona", "bob", "dana", "stranger"])
def test_others_do_not_see_the_programme_page(cast: Cast, login: Any, who: str) -> None:
    user = make_user("s@x.example", "Sam Stranger") if who == "stranger" else getattr(cast, who)
    client = login(user)
    body_of(client.get(f"/training/programmes/{cast.programme.pk}/"), 404)
    if who != "charlie":
        body_of(client.get("/training/programmes/"), 404)


@pytest.mark.parametrize("who", ["mona", "dana", "alice", "charlie"])
def test_only_mentors_reach_the_modules(cast: Cast, login: Any, who: str) -> None:
    client = login(getattr(cast, who))
    body_of(client.get("/training/"), 404)
    module = Module.objects.first()
    assert module is not None
    body_of(client.get(f"/training/modules/{module.pk}/"), 404)


def test_anonymous_goes_to_login(client: Any, cast: Cast) -> None:
    assert client.get("/training/").status_code == 302
    assert client.get(f"/training/programmes/{cast.programme.pk}/").status_code == 302


def test_a_required_training_asks_the_mentor_once_and_ends_when_done(cast: Cast) -> None:
    from smile.notifications.models import Notification

    cast.programme.mentor_training_required = True
    cast.programme.save()
    assert services.modules_required_notify() == 1
    assert services.modules_required_notify() == 0
    notice = Notification.objects.get(recipient=cast.bob, kind="mentor_development")
    assert notice.params == {
        "event": "modules_required",
        "count": 4,
        "programme": cast.programme.name,
    }
    assert notice.url == "/training/"
    assert notice.done_at is None
    _complete_basic(cast)
    notice.refresh_from_db()
    assert notice.done_at is not None


def test_no_notice_when_the_programme_does_not_require_training(cast: Cast) -> None:
    cast.programme.mentor_training_required = False
    cast.programme.save()
    assert services.modules_required_notify() == 0


def test_matching_treats_her_as_unavailable_until_she_has_done_the_basic_modules(
    cast: Cast,
) -> None:
    from smile.matching import engine, scoring

    cast.programme.mentor_training_required = True
    cast.programme.save()
    swedish = [{"code": "sv", "level": 4}]
    MatchingProfile.objects.create(enrolment=cast.bob_enrolment, capacity=3, languages=swedish)
    MatchingProfile.objects.create(enrolment=cast.erin_enrolment, languages=swedish)
    before = engine.cohort_match(engine.cohort_load(cast.programme))
    assert before.pairs == []
    reasons = before.unmatched[str(cast.erin_enrolment.pk)][str(cast.bob_enrolment.pk)]
    assert scoring.TRAINING in reasons
    _complete_basic(cast)
    after = engine.cohort_match(engine.cohort_load(cast.programme))
    assert [(p.adept_id, p.mentor_id) for p in after.pairs] == [
        (cast.erin_enrolment.pk, cast.bob_enrolment.pk)
    ]
