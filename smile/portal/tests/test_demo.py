import re

import pytest
from django.utils import timezone

from smile.accounts.models import User
from smile.core import actor
from smile.equality.models import CaseHandler
from smile.matching.models import Pair
from smile.portal.demo import (
    ADEPTS,
    ADMIN,
    COORDINATOR,
    DEMO_PASSWORD,
    MANAGER,
    MENTORS,
    TEACHER,
    load_demo,
)
from smile.programmes.models import Enrolment, Programme
from smile.training.models import CoordinatorView


@pytest.mark.django_db
def test_the_demo_loads_once_and_again_without_duplicates() -> None:
    assert load_demo() is True
    counts = (User.objects.count(), Enrolment.objects.count(), Pair.objects.count())
    assert load_demo() is False
    assert (User.objects.count(), Enrolment.objects.count(), Pair.objects.count()) == counts
    assert Programme.objects.count() == 2


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("person", "role"),
    [
        (ADEPTS["amal"], "adept"),
        (MENTORS["johan"], "mentor"),
        (TEACHER, "teacher"),
        (COORDINATOR, "coordinator"),
        (MANAGER, "manager"),
        (ADMIN, "administrator"),
    ],
)
def test_every_demo_account_logs_in_and_holds_its_role(client, person, role: str) -> None:
    load_demo()
    response = client.post(
        "/accounts/login/", {"username": person.email, "password": DEMO_PASSWORD}
    )
    assert response.status_code == 302
    user = User.objects.get(email=person.email)
    assert role in actor.roles_of(user)


@pytest.mark.django_db
def test_the_demo_gives_every_mentor_and_adept_a_matching_profile() -> None:
    from smile.matching.models import MatchingProfile

    load_demo()
    programme = Programme.objects.get(name="Gjuteri- och husbyggarvägen 2026/27")
    enrolments = Enrolment.objects.filter(programme=programme)
    # 4 mentors, 7 adepts and the 5 of the spring intake (smile/equality/figures/demo.py)
    assert enrolments.count() == 16
    profiles = MatchingProfile.objects.filter(enrolment__in=enrolments)
    assert profiles.count() == 16
    amal = profiles.get(enrolment__user__email=ADEPTS["amal"].email)
    assert {"code": "ar", "level": 4} in amal.languages


@pytest.mark.django_db
def test_the_demo_has_a_living_mentorship_with_warnings_to_follow_up() -> None:
    from smile.mentoring.models import ActionItem, Meeting, MeetingLog, MeetingStatus

    load_demo()
    now = timezone.now()
    amal = Meeting.objects.filter(pair__adept__user__email="amal.hassan@elev.example")
    assert amal.filter(status=MeetingStatus.CONFIRMED, starts_at__gt=now).count() == 1
    assert Meeting.objects.filter(
        status=MeetingStatus.PROPOSED, pair__adept__user__email="yonas.tesfay@elev.example"
    ).exists()
    # Every log has all four check-ins.
    assert all(log.checkins.count() == 4 for log in MeetingLog.objects.all())
    assert ActionItem.objects.filter(done_at__isnull=True, due_on__lt=timezone.localdate()).exists()
    # The coordinator has early warnings of every kind to follow up.
    from smile.mentoring.warnings.selectors import early_warnings

    lena = User.objects.get(email=COORDINATOR.email)
    kinds = {warning.kind for warning in early_warnings(user=lena)}
    assert len(kinds) == 4, kinds


@pytest.mark.django_db
def test_the_demo_has_learning_under_way() -> None:
    from smile.learning.models import (
        LearningPlan,
        MonthConfirmation,
        PlanStatus,
        PracticeEntry,
        PracticeStatus,
        Review,
        Term,
        TermPractice,
    )
    from smile.learning.progress.selectors import adept_progress

    load_demo()
    amal = Enrolment.objects.get(user__email="amal.hassan@elev.example")
    plan = LearningPlan.objects.get(enrolment=amal)
    assert (plan.status, plan.versions.count(), plan.items.count()) == (PlanStatus.SIGNED, 1, 7)
    statuses = sorted(PracticeEntry.objects.filter(enrolment=amal).values_list("status", flat=True))
    assert statuses == [PracticeStatus.CONFIRMED] * 3 + [PracticeStatus.SUBMITTED]
    assert Review.objects.filter(enrolment=amal).count() == 2
    assert MonthConfirmation.objects.filter(enrolment=amal).count() == 1
    assert Term.objects.filter(curriculum__name="Gjuteri – yrkesutbildning").count() == 10
    assert TermPractice.objects.filter(user=amal.user, known=True).count() == 4
    yonas = LearningPlan.objects.get(enrolment__user__email="yonas.tesfay@elev.example")
    assert yonas.status == PlanStatus.DRAFT and not yonas.signatures.exists()
    olena = Enrolment.objects.get(user__email="olena.kovalenko@elev.example")
    assert adept_progress(olena).status == "behind"
    # Amal has learnt the safety objectives (the mentor set them to independent).
    assert set(plan.items.filter(level=3).values_list("objective__code", flat=True)) == {
        "SAK1",
        "SAK2",
    }


@pytest.mark.django_db
def test_the_demo_coordinator_sees_a_fair_figure_shown_and_others_hidden(login) -> None:
    """By hand (smile/equality/figures/demo.py): women 6 shown; men 4, non-binary 0 and not
    stated 2 hidden (6 together); all 12."""
    from tests.pages import body_of

    load_demo()
    coordinator = User.objects.get(email=COORDINATOR.email)
    body = body_of(login(coordinator).get("/equality/figures/"))
    adepts = body.split('<th scope="row">Adepts</th>')[1].split("</tr>")[0]
    cells = [
        re.sub(r"<[^>]+>", "", cell).strip() for cell in re.findall(r"<td[^>]*>(.*?)</td>", adepts)
    ]
    assert cells == ["6", "– hidden", "– hidden", "– hidden", "12"]
    assert "Fewer than 5 adepts: Men, Non-binary, Not stated." in body


@pytest.mark.django_db
def test_the_demo_coordinator_handles_the_programmes_concerns() -> None:
    load_demo()
    handlers = CaseHandler.objects.values_list("programme__name", "user__email")
    assert list(handlers) == [("Gjuteri- och husbyggarvägen 2026/27", "lena.holm@savsjo.example")]


@pytest.mark.django_db
def test_the_demo_mentor_has_the_coordinators_view() -> None:
    load_demo()
    views = CoordinatorView.objects.values_list(
        "enrolment__user__email", "given_by__email", "inclusion", "learning", "equality", "support"
    )
    assert list(views) == [
        ("johan.lindqvist@gjuteri.example", "lena.holm@savsjo.example", 4, 4, 3, 3)
    ]
