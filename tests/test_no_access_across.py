"""Replay every object page the Sävsjö people can open as someone who must not open it.

Each role of the Sävsjö cast (alice coordinator, bob mentor, dana adept, tess teacher, mona
manager) crawls the links that carry a primary key, from her home and from a hand-listed set of
object pages. Every page one of them opens (200) is then asked for by

- charlie, coordinator of Värnamo kommun, another organisation: he must see nothing of Sävsjö;
- erin, an adept of the same programme with no mentor: she must see nothing that is not hers,
  except what is shared with her on purpose (listed in `erin_shared`, each with its reason).

The status each of them gets is written by hand per kind of page (URL name) in `EXPECTED`: a
record that is not yours is a 404 (nobody learns that it exists). A page of a kind that is not in
the table fails the test, so a new page cannot slip past it. And no answer may hold the name of a
Sävsjö person the asker has no business with.
"""

import re
from collections.abc import Iterable
from datetime import timedelta
from urllib.parse import urlsplit

from django.test import Client
from django.urls import Resolver404, resolve
from django.utils import timezone

from smile.learning.models import LearningPlan, PlanObjective, Term
from smile.learning.tests.plans_fixtures import build_course
from smile.learning.tests.progress_fixtures import add_hours, log_practice, plan_review
from smile.matching.models import MatchingProfile, MatchingRun, RunStatus
from smile.mentoring.life.services import life_checkin_create
from smile.mentoring.logs.services import meeting_log_create
from smile.mentoring.meetings.services import meeting_propose
from smile.mentoring.models import Dimension
from tests.cast import Cast

SAVSJO_NAMES = {
    "alice": "Alice Andersson",
    "bob": "Bob Berg",
    "dana": "Dana Darwish",
    "erin": "Erin Eriksson",
    "mona": "Mona Magnusson",
    "tess": "Tess Thor",
}
CRAWLERS = ("alice", "bob", "dana", "tess", "mona")
MAX_PAGES_PER_PERSON = 250

# URL name: (charlie's status, erin's status). 404: the record is not his or hers, so it does
# not exist for them. The pages erin opens on purpose are listed one by one in `erin_shared`.
EXPECTED: dict[str, tuple[int, int]] = {
    # organisations
    "organisations:detail": (404, 404),
    "organisations:edit": (404, 404),
    "organisations:workplace-create": (404, 404),
    "organisations:workplace-edit": (404, 404),
    # programmes
    "programmes:detail": (404, 404),
    "programmes:edit": (404, 404),
    "programmes:enrol": (404, 404),
    "programmes:enrolment-edit": (404, 404),
    # matching
    "matching:programme": (404, 404),
    "matching:progress": (404, 404),
    "matching:import": (404, 404),
    "matching:import_template": (404, 404),
    "matching:pair": (404, 404),
    "matching:profile": (404, 404),
    # learning: curricula, tasks, words
    "learning:curriculum": (404, 404),
    "learning:curriculum-edit": (404, 404),
    "learning:curriculum-delete": (404, 404),
    "learning:curriculum-import": (404, 404),
    "learning:curriculum-import-template": (404, 404),
    "learning:curriculum-export": (404, 404),
    "learning:curriculum-coverage": (404, 404),
    "learning:unit-create": (404, 404),
    "learning:unit-edit": (404, 404),
    "learning:unit-delete": (404, 404),
    "learning:objective-create": (404, 404),
    "learning:objective-edit": (404, 404),
    "learning:objective-delete": (404, 404),
    "learning:tasks": (404, 404),
    "learning:task-create": (404, 404),
    "learning:task": (404, 404),
    "learning:task-edit": (404, 404),
    "learning:task-delete": (404, 404),
    "learning:curriculum-words": (404, 404),
    "learning:curriculum-words-new": (404, 404),
    "learning:curriculum-words-import": (404, 404),
    "learning:curriculum-words-export": (404, 404),
    "learning:workplace-words": (404, 404),
    "learning:workplace-words-new": (404, 404),
    "learning:workplace-words-import": (404, 404),
    "learning:workplace-words-export": (404, 404),
    "learning:word-edit": (404, 404),
    "learning:word-delete": (404, 404),
    # learning: dana's own records
    "learning:adept": (404, 404),
    "learning:plan": (404, 404),
    "learning:plan-objectives": (404, 404),
    "learning:plan-scan": (404, 404),
    "learning:plan-levels": (404, 404),
    "learning:plan-version": (404, 404),
    "learning:practice-list": (404, 404),
    "learning:practice-new": (404, 404),
    "learning:practice-entry": (404, 404),
    "learning:practice-edit": (404, 404),
    "learning:practice-delete": (404, 404),
    "learning:review-schedule": (404, 404),
    "learning:review": (404, 404),
    "learning:hours-adept": (404, 404),
    "learning:hours-add": (404, 404),
    "learning:hours-delete": (404, 404),
    # mentoring
    "mentoring:pair": (404, 404),
    "mentoring:meeting-propose": (404, 404),
    "mentoring:meeting": (404, 404),
    "mentoring:meeting-ics": (404, 404),
    "mentoring:log-create": (404, 404),
    "mentoring:log": (404, 404),
    "mentoring:action-create": (404, 404),
    "mentoring:life-detail": (404, 404),
    "mentoring:life-delete": (404, 404),
    "mentoring:reflection": (404, 404),
    "mentoring:message": (404, 404),
    # pictures of tasks and words
    "media:picture": (404, 404),
    # leadership: the foundry's management support (its managers and Sävsjö's coordinator)
    "leadership:workplace": (404, 404),
    "leadership:assessment": (404, 404),
    "leadership:commitment-sign": (404, 404),
    "leadership:action-create": (404, 404),
    "leadership:follow-up-create": (404, 404),
    "leadership:round": (404, 404),
    "leadership:round-answer": (404, 404),
    "leadership:commitment": (404, 404),
    "leadership:programme": (404, 404),
    "leadership:action": (404, 404),
    "leadership:follow-up": (404, 404),
}


def erin_shared(cast: Cast, curriculum: int) -> dict[str, str]:
    """The Sävsjö pages erin opens on purpose, each with the reason: they are hers too."""
    return {
        f"/organisations/{cast.savsjo.pk}/": "her own organisation: she is a member as an adept",
        f"/organisations/{cast.foundry.pk}/": "the employer she is placed at (Efterbehandling)",
        f"/organisations/{cast.school.pk}/": "her school",
        f"/programmes/{cast.programme.pk}/": "her programme: she is enrolled in it",
        f"/learning/curricula/{curriculum}/": "the curriculum of her programme: what she learns",
        f"/learning/curricula/{curriculum}/export/?format=csv": "she may download what she learns",
        f"/learning/curricula/{curriculum}/export/?format=xlsx": "she may download what she learns",
        f"/learning/workplaces/{cast.finishing.pk}/tasks/": "the tasks of her own workplace",
        # Not the curriculum's word pages (/learning/words/curriculum/…): those are where teachers
        # edit the words; she learns them on her own words page, which has no key to replay.
    }


def build_world(cast: Cast) -> int:
    """One of every kind of Sävsjö record: curriculum, task, words, dana's plan, practice, review,
    hours, a meeting, a log with a thing to do, her life check-in, profiles and a matching run."""
    course = build_course(cast)
    Term.objects.create(curriculum=course.curriculum, swedish="gjutform", explanation="Formen.")
    Term.objects.create(workplace=cast.moulding, swedish="skyddsglasögon", explanation="Glasögon.")
    plan = LearningPlan.objects.create(enrolment=cast.dana_enrolment)
    PlanObjective.objects.create(plan=plan, objective=course.m1, level=1)
    PlanObjective.objects.create(plan=plan, objective=course.f1, level=0)
    today = timezone.localdate()
    log_practice(cast.dana_enrolment, today)
    plan_review(cast.dana_enrolment, today + timedelta(days=7))
    add_hours(cast.dana_enrolment, today - timedelta(days=1), days_old=1)
    meeting_propose(
        pair=cast.pair,
        by=cast.bob,
        starts_at=timezone.now() + timedelta(days=3),
        place="Formning",
        agenda="Första veckan",
    )
    meeting_log_create(
        pair=cast.pair,
        by=cast.bob,
        held_on=today,
        minutes=60,
        checkins={d: (4, "") for d in Dimension.values},
        notes="Vi pratade om nattskiftet.",
        action_items=[("Fråga om skyddsskor", cast.dana, today + timedelta(days=7))],
    )
    life_checkin_create(
        enrolment=cast.dana_enrolment,
        by=cast.dana,
        answers={"housing": "support"},
        note="Hyran är för hög.",
        share_with_mentor=True,
        coordinator_areas=["housing"],
        share_note_with_coordinator=True,
    )
    for enrolment in (cast.bob_enrolment, cast.dana_enrolment):
        MatchingProfile.objects.create(enrolment=enrolment)
    MatchingRun.objects.create(
        programme=cast.programme, started_by=cast.alice, status=RunStatus.FINISHED, progress=100
    )
    return course.curriculum.pk


def seeds(cast: Cast, curriculum: int) -> list[str]:
    """Object pages to start from, besides each person's home (hand-listed: some are only linked
    from pages that need a form first)."""
    programme, pair, dana = cast.programme.pk, cast.pair.pk, cast.dana_enrolment.pk
    return [
        f"/organisations/{cast.savsjo.pk}/",
        f"/organisations/{cast.foundry.pk}/",
        f"/organisations/{cast.school.pk}/",
        f"/programmes/{programme}/",
        f"/matching/programmes/{programme}/",
        f"/matching/programmes/{programme}/progress/",
        f"/matching/pairs/{pair}/",
        f"/matching/profile/{dana}/",
        f"/mentoring/pairs/{pair}/",
        f"/learning/adepts/{dana}/",
        f"/learning/adepts/{dana}/plan/",
        f"/learning/adepts/{dana}/practice/",
        f"/learning/adepts/{dana}/hours/",
        f"/learning/workplaces/{cast.moulding.pk}/tasks/",
        "/learning/curricula/",
        f"/learning/words/curriculum/{curriculum}/",
        f"/learning/words/workplace/{cast.moulding.pk}/",
        "/mentoring/support-requests/",
        "/notifications/",
        "/leadership/",
    ]


HREF = re.compile(r'href="(/[^"#?]*\d[^"#]*)"')


def links(content: str) -> Iterable[str]:
    for href in HREF.findall(content):
        yield href.replace("&amp;", "&")


def url_name(url: str) -> str | None:
    try:
        match = resolve(urlsplit(url).path)
    except Resolver404:
        return None
    return match.view_name


def crawl(client: Client, start: list[str]) -> set[str]:
    """The pages with a primary key in their address that this person opens (status 200)."""
    seen: set[str] = set()
    opened: set[str] = set()
    queue = list(start)
    while queue and len(seen) < MAX_PAGES_PER_PERSON:
        url = queue.pop(0)
        if url in seen or url_name(url) is None:
            continue
        seen.add(url)
        response = client.get(url)
        if response.status_code != 200:
            continue
        if re.search(r"/\d+/", urlsplit(url).path):
            opened.add(url)
        if response.get("Content-Type", "").startswith("text/html"):
            queue.extend(link for link in links(response.content.decode()) if link not in seen)
    return opened


def names_in(content: bytes, names: Iterable[str]) -> list[str]:
    text = content.decode("utf-8", errors="replace")
    return [name for name in names if name in text]


def test_no_page_of_savsjo_opens_for_another_municipality_or_an_adept_it_is_not_about(
    cast: Cast, login
) -> None:
    curriculum = build_world(cast)
    found: dict[str, set[str]] = {}
    for who in CRAWLERS:
        for url in crawl(login(getattr(cast, who)), ["/", *seeds(cast, curriculum)]):
            found.setdefault(url, set()).add(who)

    kinds = {name for url in found if (name := url_name(url)) is not None}
    # The crawl reached every kind of object the brief names: a crawl that found nothing would
    # prove nothing.
    must_reach = {
        "organisations:detail",
        "programmes:detail",
        "matching:programme",
        "matching:progress",
        "matching:pair",
        "matching:profile",
        "mentoring:pair",
        "mentoring:meeting",
        "mentoring:log",
        "mentoring:life-detail",
        "learning:adept",
        "learning:plan",
        "learning:practice-entry",
        "learning:review",
        "learning:hours-adept",
        "learning:curriculum",
        "learning:curriculum-export",
        "learning:tasks",
        "learning:task",
        "learning:curriculum-words",
        "learning:workplace-words",
    }
    assert sorted(must_reach - kinds) == []
    assert sorted(k for k in kinds if k not in EXPECTED) == []
    shared = erin_shared(cast, curriculum)
    # Every exclusion is a page the crawl found: none is left over from an older layout.
    assert sorted(set(shared) - set(found)) == []

    problems: list[str] = []
    for person, column in (("charlie", 0), ("erin", 1)):
        client = login(getattr(cast, person))
        forbidden = [name for who, name in SAVSJO_NAMES.items() if who != person]
        for url in sorted(found):
            kind = url_name(url)
            assert kind is not None
            expected = 200 if person == "erin" and url in shared else EXPECTED[kind][column]
            response = client.get(url)
            if response.status_code != expected:
                problems.append(
                    f"{person} {url} ({kind}): {response.status_code}, expected {expected}"
                    f" (opened by {sorted(found[url])})"
                )
            leaked = names_in(response.content, forbidden)
            if leaked:
                problems.append(f"{person} {url} ({kind}) shows {leaked}")
    assert problems == []


def test_the_expected_table_names_only_pages_that_exist() -> None:
    from django.urls import reverse

    # Every name in the table is a page of SMILE (a renamed page must be renamed here too).
    for name in EXPECTED:
        args: list[object] = [1]
        if name in {"organisations:workplace-edit", "learning:plan-version"} or name in {
            "learning:unit-edit",
            "learning:unit-delete",
            "learning:objective-edit",
            "learning:objective-delete",
        }:
            args = [1, 1]
        elif name in {"learning:curriculum-words-export", "learning:workplace-words-export"}:
            args = [1, "csv"]
        elif name == "media:picture":
            args = ["task", 1]
        assert reverse(name, args=args).startswith("/"), name
