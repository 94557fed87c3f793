"""What each kind of notification says, in the reader's language.

A notification stores only its kind and its values (`params`); the words are chosen when someone
reads it, in the language active then (the request's, or the recipient's for an e-mail), and times
are shown in that language's formats. Values that are missing or of the wrong shape never break a
page: the reader then sees the kind's subject alone.
"""

from collections.abc import Callable, Mapping
from datetime import date, datetime
from typing import Any

from django.utils import timezone
from django.utils.dateparse import parse_date, parse_datetime
from django.utils.functional import Promise
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from smile.core import dates
from smile.core.templatetags.bidi import bdi
from smile.notifications.models import Kind, Notification

SUBJECTS: dict[str, Promise] = {
    Kind.PAIR_CHANGED: gettext_lazy("Your mentor pair has changed"),
    Kind.MEETING_PROPOSED: gettext_lazy("New meeting proposed"),
    Kind.MEETING_CONFIRMED: gettext_lazy("Meeting confirmed"),
    Kind.MEETING_CHANGED: gettext_lazy("Meeting changed"),
    Kind.MEETING_CANCELLED: gettext_lazy("Meeting cancelled"),
    Kind.MEETING_REMINDER: gettext_lazy("Meeting soon"),
    Kind.ACTION_ASSIGNED: gettext_lazy("Something new to do"),
    Kind.ACTION_DUE: gettext_lazy("Something to do is due"),
    Kind.REFLECTION_ASKED: gettext_lazy("Please write your closing reflection"),
    Kind.REFLECTIONS_READY: gettext_lazy("Both closing reflections are written"),
    Kind.SUPPORT_REQUESTED: gettext_lazy("An adept asks for support"),
    Kind.EARLY_WARNINGS: gettext_lazy("New early warnings"),
    Kind.COORDINATOR_MESSAGE: gettext_lazy("A message from your coordinator"),
    Kind.MANAGER_DIGEST: gettext_lazy("Summary of your workplaces"),
    Kind.PLAN_TO_SIGN: gettext_lazy("A learning plan to sign"),
    Kind.PRACTICE_TO_CONFIRM: gettext_lazy("Practice to confirm"),
    Kind.PRACTICE_ANSWERED: gettext_lazy("Your mentor has answered"),
    Kind.REVIEW_PLANNED: gettext_lazy("Three-party review"),
    Kind.HOURS_TO_CONFIRM: gettext_lazy("Hours to confirm"),
    Kind.LEARNING_ALERTS: gettext_lazy("Learning that falls behind"),
    Kind.ONBOARDING: gettext_lazy("Onboarding at the workplace"),
    Kind.BELONGING_PULSE: gettext_lazy("How do you feel at work?"),
    Kind.MENTOR_DEVELOPMENT: gettext_lazy("Mentor development"),
    Kind.MENTOR_TIME: gettext_lazy("Mentor time"),
}

# A pair's e-mail says what happened to it in its subject.
PAIR_SUBJECTS: dict[str, Promise] = {
    "proposed": gettext_lazy("A mentor pair is proposed to you"),
    "active": gettext_lazy("Your mentor pair has started"),
    "paused": gettext_lazy("Your mentor pair is paused"),
    "resumed": gettext_lazy("Your mentor pair has started again"),
    "ended": gettext_lazy("Your mentor pair has ended"),
    "completed": gettext_lazy("Your mentor pair is completed"),
}

Values = Mapping[str, Any]


def _pair_changed(v: Values) -> str:
    lines = {
        "proposed": _("We propose a mentor pair with %(name)s. Please say yes or no."),
        "active": _("Your mentor pair with %(name)s has started."),
        "paused": _("Your mentor pair with %(name)s is paused for a while."),
        "resumed": _("Your mentor pair with %(name)s has started again."),
        "ended": _("Your mentor pair with %(name)s has ended."),
        "completed": _("Your mentor pair with %(name)s is completed."),
    }
    return lines[v["event"]]


def _meeting_proposed(v: Values) -> str:
    if v.get("place"):
        return _("%(name)s proposes a meeting on %(starts_at)s at %(place)s.")
    return _("%(name)s proposes a meeting on %(starts_at)s.")


def _meeting_confirmed(v: Values) -> str:
    return _("%(name)s confirmed the meeting on %(starts_at)s.")


def _meeting_changed(v: Values) -> str:
    if v.get("place"):
        return _("%(name)s proposes a new time or place: %(starts_at)s at %(place)s.")
    return _("%(name)s proposes a new time: %(starts_at)s.")


def _meeting_cancelled(v: Values) -> str:
    if v.get("reason"):
        return _("%(name)s cancelled the meeting on %(starts_at)s. Reason: %(reason)s")
    return _("%(name)s cancelled the meeting on %(starts_at)s.")


def _meeting_reminder(v: Values) -> str:
    if v.get("place"):
        return _("You meet %(name)s on %(starts_at)s at %(place)s.")
    return _("You meet %(name)s on %(starts_at)s.")


def _action_assigned(v: Values) -> str:
    return _("%(name)s gave you something to do by %(due_on)s: %(title)s")


def _action_due(v: Values) -> str:
    return _("To do by %(due_on)s: %(title)s")


def _reflection_asked(v: Values) -> str:
    return _("Your mentor pair with %(name)s is ending. Please write how it went.")


def _reflections_ready(v: Values) -> str:
    return _("You and %(name)s have both written how it went. You can read both now.")


def _support_requested(v: Values) -> str:
    return _("An adept in %(programme)s asks for support.")


def _early_warnings(v: Values) -> str:
    return ngettext(
        "%(count)d new early warning in %(programme)s.",
        "%(count)d new early warnings in %(programme)s.",
        int(v["count"]),
    )


def _coordinator_message(v: Values) -> str:
    return _("%(name)s writes: %(message)s")


def _manager_digest(v: Values) -> str:
    return _(
        "How mentorship went at your workplaces from %(period_start_on)s to %(period_end_on)s."
    )


def _plan_to_sign(v: Values) -> str:
    return _("The learning plan of %(name)s (version %(version)s) waits for your signature.")


def _practice_to_confirm(v: Values) -> str:
    return _("%(name)s wrote what she did on %(done_on)s. Please confirm it or answer.")


def _practice_answered(v: Values) -> str:
    if v.get("status") == "returned":
        return _("%(name)s has a question about what you did on %(done_on)s.")
    return _("%(name)s confirmed what you did on %(done_on)s.")


def _review_planned(v: Values) -> str:
    return _("A three-party review is planned on %(starts_at)s. Place: %(place)s.")


def _hours_to_confirm(v: Values) -> str:
    return ngettext(
        "%(name)s has %(count)d day of hours for you to confirm.",
        "%(name)s has %(count)d days of hours for you to confirm.",
        int(v["count"]),
    )


def _learning_alerts(v: Values) -> str:
    return ngettext(
        "%(count)d adept in %(programme)s needs attention in her learning.",
        "%(count)d adepts in %(programme)s need attention in their learning.",
        int(v["count"]),
    )


def _onboarding(v: Values) -> str:
    return ngettext(
        "%(count)d onboarding step at %(workplace)s waits to be ticked off.",
        "%(count)d onboarding steps at %(workplace)s wait to be ticked off.",
        int(v["count"]),
    )


def _belonging_pulse(v: Values) -> str:
    return _(
        "A few short questions from %(programme)s on how you feel at work. Your answers are "
        "anonymous."
    )


def _mentor_development(v: Values) -> str:
    if v.get("event") == "network_meeting":
        return _("%(name)s invites you to a mentor network meeting on %(starts_at)s: %(theme)s")
    if v.get("event") == "network_changed":
        return _(
            "%(name)s changed the mentor network meeting: now %(starts_at)s, %(place)s: %(theme)s"
        )
    if v.get("event") == "network_cancelled":
        return _(
            "%(name)s cancelled the mentor network meeting on %(starts_at)s. Reason: %(reason)s"
        )
    return ngettext(
        "%(count)d basic module is left before you can be matched with an adept in %(programme)s.",
        "%(count)d basic modules are left before you can be matched with an adept in "
        "%(programme)s.",
        int(v["count"]),
    )


def _mentor_time(v: Values) -> str:
    if v.get("event") == "under":
        return _(
            "%(name)s has logged %(logged)s hours of mentoring in %(period)s, less than the "
            "%(budget)s hours the workplace committed."
        )
    return _(
        "%(name)s has logged %(logged)s hours of mentoring in %(period)s, more than the "
        "%(budget)s hours the workplace committed."
    )


LINES: dict[str, Callable[[Values], str]] = {
    Kind.PAIR_CHANGED: _pair_changed,
    Kind.MEETING_PROPOSED: _meeting_proposed,
    Kind.MEETING_CONFIRMED: _meeting_confirmed,
    Kind.MEETING_CHANGED: _meeting_changed,
    Kind.MEETING_CANCELLED: _meeting_cancelled,
    Kind.MEETING_REMINDER: _meeting_reminder,
    Kind.ACTION_ASSIGNED: _action_assigned,
    Kind.ACTION_DUE: _action_due,
    Kind.REFLECTION_ASKED: _reflection_asked,
    Kind.REFLECTIONS_READY: _reflections_ready,
    Kind.SUPPORT_REQUESTED: _support_requested,
    Kind.EARLY_WARNINGS: _early_warnings,
    Kind.COORDINATOR_MESSAGE: _coordinator_message,
    Kind.MANAGER_DIGEST: _manager_digest,
    Kind.PLAN_TO_SIGN: _plan_to_sign,
    Kind.PRACTICE_TO_CONFIRM: _practice_to_confirm,
    Kind.PRACTICE_ANSWERED: _practice_answered,
    Kind.REVIEW_PLANNED: _review_planned,
    Kind.HOURS_TO_CONFIRM: _hours_to_confirm,
    Kind.LEARNING_ALERTS: _learning_alerts,
    Kind.ONBOARDING: _onboarding,
    Kind.BELONGING_PULSE: _belonging_pulse,
    Kind.MENTOR_DEVELOPMENT: _mentor_development,
    Kind.MENTOR_TIME: _mentor_time,
}


def format_datetime(value: Any) -> str:
    """An ISO datetime as the reader writes it, in the current time zone; anything else as is."""
    try:
        moment = parse_datetime(str(value))
    except ValueError:
        moment = None
    if moment is None:
        return str(value)
    if timezone.is_naive(moment):
        moment = timezone.make_aware(moment)
    return dates.moment(moment)


def format_date(value: Any) -> str:
    try:
        day: date | datetime | None = parse_date(str(value))
    except ValueError:
        day = None
    if day is None:
        return str(value)
    return dates.day(day)


def values(params: Mapping[str, Any]) -> dict[str, Any]:
    """The params made readable: times and dates in the reader's formats."""
    readable: dict[str, Any] = {}
    for key, value in params.items():
        if key.endswith("_at"):
            readable[key] = format_datetime(value)
        elif key.endswith("_on"):
            readable[key] = format_date(value)
        else:
            readable[key] = value
    return readable


def subject(notification: Notification) -> str:
    params = notification.params if isinstance(notification.params, dict) else {}
    event = params.get("event")
    if notification.kind == Kind.PAIR_CHANGED and isinstance(event, str) and event in PAIR_SUBJECTS:
        return str(PAIR_SUBJECTS[event])
    found = SUBJECTS.get(notification.kind)
    return str(found) if found is not None else _("New notice")


def _parts(notification: Notification) -> tuple[str, str | None, dict[str, Any]]:
    """(subject, the line's sentence with %(…)s places, the readable values)."""
    title = subject(notification)
    params = notification.params if isinstance(notification.params, dict) else {}
    line = LINES.get(notification.kind)
    if line is None:
        return title, None, {}
    try:
        readable = values(params)
        if "count" in readable:
            readable["count"] = int(readable["count"])
        sentence = line(readable)
        # "… 10 a.m.." reads as a typo: a value that ends a sentence with its own full stop
        # brings it along.
        for key, value in readable.items():
            if isinstance(value, str) and value.endswith("."):
                sentence = sentence.replace(f"%({key})s.", f"%({key})s")
        return title, sentence, readable
    except (KeyError, TypeError, ValueError):
        return title, None, {}


def render(notification: Notification) -> tuple[str, str]:
    """(subject, one line) in the active language; the line falls back to the subject."""
    title, sentence, readable = _parts(notification)
    if sentence is None:
        return title, title
    try:
        return title, sentence % readable
    except (KeyError, TypeError, ValueError):
        return title, title


def _isolated(value: Any) -> Any:
    if isinstance(value, str):
        return bdi(value)
    return value


def render_html(notification: Notification) -> SafeString:
    """The line as HTML: the sentence escaped, each value escaped and isolated in <bdi> (a
    Swedish name in an Arabic sentence keeps its own direction)."""
    title, sentence, readable = _parts(notification)
    if sentence is None:
        return escape(title)
    try:
        isolated = {key: _isolated(value) for key, value in readable.items()}
        return mark_safe(escape(sentence) % isolated)  # noqa: S308 - both parts escaped
    except (KeyError, TypeError, ValueError):
        return escape(title)
