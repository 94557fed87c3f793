"""Every kind says something readable, in the reader's language, and nothing breaks a page."""

import pytest
from django.utils import translation

from smile.notifications.messages import SUBJECTS, render, render_html
from smile.notifications.models import Kind, Notification

STARTS = "2026-09-01T08:00:00+00:00"  # 10:00 in Sävsjö (summer time)

EXAMPLES: dict[str, tuple[dict, str]] = {
    Kind.PAIR_CHANGED: (
        {"event": "active", "name": "Bob Berg"},
        "Your mentor pair with Bob Berg has started.",
    ),
    Kind.MEETING_PROPOSED: (
        {"name": "Bob Berg", "starts_at": STARTS, "place": "Fikarummet"},
        "Bob Berg proposes a meeting on 1 Sept 2026, 10:00 at Fikarummet.",
    ),
    Kind.MEETING_CONFIRMED: (
        {"name": "Dana Darwish", "starts_at": STARTS, "place": ""},
        "Dana Darwish confirmed the meeting on 1 Sept 2026, 10:00.",
    ),
    Kind.MEETING_CHANGED: (
        {"name": "Bob Berg", "starts_at": STARTS, "place": ""},
        "Bob Berg proposes a new time: 1 Sept 2026, 10:00.",
    ),
    Kind.MEETING_CANCELLED: (
        {"name": "Bob Berg", "starts_at": STARTS, "reason": "Sick"},
        "Bob Berg cancelled the meeting on 1 Sept 2026, 10:00. Reason: Sick",
    ),
    Kind.MEETING_REMINDER: (
        {"name": "Bob Berg", "starts_at": STARTS, "place": "Hall 2"},
        "You meet Bob Berg on 1 Sept 2026, 10:00 at Hall 2.",
    ),
    Kind.ACTION_ASSIGNED: (
        {"name": "Bob Berg", "title": "Read the safety rules", "due_on": "2026-09-03"},
        "Bob Berg gave you something to do by 3 Sept 2026: Read the safety rules",
    ),
    Kind.ACTION_DUE: (
        {"title": "Read the safety rules", "due_on": "2026-09-03"},
        "To do by 3 Sept 2026: Read the safety rules",
    ),
    Kind.REFLECTION_ASKED: (
        {"name": "Bob Berg"},
        "Your mentor pair with Bob Berg is ending. Please write how it went.",
    ),
    Kind.REFLECTIONS_READY: (
        {"name": "Bob Berg"},
        "You and Bob Berg have both written how it went. You can read both now.",
    ),
    Kind.SUPPORT_REQUESTED: (
        {"programme": "Gjuterivägen"},
        "An adept in Gjuterivägen asks for support.",
    ),
    Kind.EARLY_WARNINGS: (
        {"count": 2, "programme": "Gjuterivägen"},
        "2 new early warnings in Gjuterivägen.",
    ),
    Kind.COORDINATOR_MESSAGE: (
        {"name": "Alice Andersson", "message": "Call me."},
        "Alice Andersson writes: Call me.",
    ),
    Kind.MANAGER_DIGEST: (
        {"period_start_on": "2026-09-01", "period_end_on": "2026-09-14", "workplaces": []},
        "How mentorship went at your workplaces from 1 Sept 2026 to 14 Sept 2026.",
    ),
    Kind.PLAN_TO_SIGN: (
        {"name": "Dana Darwish", "version": 2},
        "The learning plan of Dana Darwish (version 2) waits for your signature.",
    ),
    Kind.PRACTICE_TO_CONFIRM: (
        {"name": "Dana Darwish", "done_on": "2026-09-03"},
        "Dana Darwish wrote what she did on 3 Sept 2026. Please confirm it or answer.",
    ),
    Kind.PRACTICE_ANSWERED: (
        {"name": "Bob Berg", "status": "returned", "done_on": "2026-09-03"},
        "Bob Berg has a question about what you did on 3 Sept 2026.",
    ),
    Kind.REVIEW_PLANNED: (
        {"starts_at": STARTS, "place": "Lärcentrum"},
        "A three-party review is planned on 1 Sept 2026, 10:00. Place: Lärcentrum.",
    ),
    Kind.HOURS_TO_CONFIRM: (
        {"name": "Dana Darwish", "count": 3},
        "Dana Darwish has 3 days of hours for you to confirm.",
    ),
    Kind.LEARNING_ALERTS: (
        {"count": 1, "programme": "Gjuterivägen"},
        "1 adept in Gjuterivägen needs attention in her learning.",
    ),
    Kind.ONBOARDING: (
        {"count": 3, "workplace": "Gjuteriet"},
        "3 onboarding steps at Gjuteriet wait to be ticked off.",
    ),
    Kind.BELONGING_PULSE: (
        {"programme": "Gjuterivägen"},
        "A few short questions from Gjuterivägen on how you feel at work. Your answers are "
        "anonymous.",
    ),
    Kind.MENTOR_DEVELOPMENT: (
        {
            "event": "network_meeting",
            "name": "Carin Ceder",
            "starts_at": STARTS,
            "theme": "Jämlikhet",
        },
        "Carin Ceder invites you to a mentor network meeting on 1 Sept 2026, 10:00: Jämlikhet",
    ),
    Kind.MENTOR_TIME: (
        {"event": "over", "name": "Bob Berg", "logged": "9.5", "budget": "8", "period": "November"},
        "Bob Berg has logged 9.5 hours of mentoring in November, more than the 8 hours the "
        "workplace committed.",
    ),
}


def test_the_other_lines_of_the_new_kinds() -> None:
    modules = {"event": "modules_required", "count": 1, "programme": "Gjuterivägen"}
    under = {"event": "under", "name": "Bob Berg", "logged": "2", "budget": "8", "period": "May"}
    assert render(notice(Kind.MENTOR_DEVELOPMENT, modules))[1] == (
        "1 basic module is left before you can be matched with an adept in Gjuterivägen."
    )
    assert render(notice(Kind.MENTOR_TIME, under))[1] == (
        "Bob Berg has logged 2 hours of mentoring in May, less than the 8 hours the workplace "
        "committed."
    )


def notice(kind: str, params: object) -> Notification:
    return Notification(kind=kind, params=params)


def test_every_kind_has_a_subject_and_an_example() -> None:
    assert set(SUBJECTS) == set(Kind.values) == set(EXAMPLES)


@pytest.mark.parametrize("kind", Kind.values)
def test_each_kind_reads_as_a_sentence_in_english(kind: str) -> None:
    params, line = EXAMPLES[kind]
    assert render(notice(kind, params)) == (
        str(SUBJECTS[kind]) if kind != Kind.PAIR_CHANGED else "Your mentor pair has started",
        line,
    )


def test_one_early_warning_is_singular() -> None:
    _, line = render(notice(Kind.EARLY_WARNINGS, {"count": 1, "programme": "G"}))
    assert line == "1 new early warning in G."


def test_times_and_dates_follow_the_readers_language() -> None:
    params, _ = EXAMPLES[Kind.MEETING_PROPOSED]
    with translation.override("sv"):
        _, line = render(notice(Kind.MEETING_PROPOSED, params))
    assert "1 sep. 2026 10:00" in line
    with translation.override("ar"):
        _, line = render(notice(Kind.ACTION_DUE, {"title": "x", "due_on": "2026-09-03"}))
    assert "3 سبتمبر 2026" in line  # 3 September 2026, in Arabic
    assert "Sept" not in line


@pytest.mark.parametrize(
    "kind, params",
    [
        (Kind.MEETING_PROPOSED, {}),
        (Kind.MEETING_PROPOSED, {"starts_at": STARTS}),
        (Kind.PAIR_CHANGED, {"event": "exploded", "name": "Bob"}),
        (Kind.PAIR_CHANGED, {"event": ["a"], "name": "Bob"}),
        (Kind.EARLY_WARNINGS, {"count": "many", "programme": "G"}),
        (Kind.ACTION_DUE, ["not", "a", "dict"]),
    ],
)
def test_missing_or_odd_values_fall_back_to_the_subject(kind: str, params: object) -> None:
    subject, line = render(notice(kind, params))
    assert line == subject
    assert render_html(notice(kind, params)) == subject


def test_a_time_that_is_not_a_time_is_shown_as_written() -> None:
    _, line = render(notice(Kind.ACTION_DUE, {"title": "x", "due_on": "soon"}))
    assert line == "To do by soon: x"


def test_an_unknown_kind_has_a_plain_subject() -> None:
    assert render(notice("gone_kind", {})) == ("New notice", "New notice")


def test_html_escapes_and_isolates_every_value() -> None:
    html = render_html(notice(Kind.COORDINATOR_MESSAGE, {"name": "<b>Al</b>", "message": "a & b"}))
    assert html == "<bdi>&lt;b&gt;Al&lt;/b&gt;</bdi> writes: <bdi>a &amp; b</bdi>"
