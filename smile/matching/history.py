"""A pair's history in plain words: "Alice Andersson proposed the pair on 7 Dec 2026."

Each `PairEvent` (written by `lifecycle._move`) becomes one sentence in the reader's language, with
the person's name in `<bdi>` and the day from CLDR. An event without a person (a job, a deleted
account) is told without one: "The pair was paused on …".
"""

from collections.abc import Iterable
from dataclasses import dataclass

from django.utils.safestring import SafeString
from django.utils.translation import gettext as _

from smile.core.dates import day
from smile.matching.models import Pair, PairEvent, PairStatus
from smile.matching.reasons import sentence

S = PairStatus


@dataclass
class HistoryLine:
    text: SafeString
    # Why (a pause, an end, a no), for those the caller lets read it; else empty.
    note: str


def _kind(event: PairEvent, pair: Pair) -> str:
    """What happened, read from the two statuses (and, for an end, from who did it)."""
    before, after = event.from_status, event.to_status
    if after == S.DRAFT:
        return "suggested"
    if before == after == S.PROPOSED:
        return "said_yes"
    if after == S.PROPOSED:
        return "proposed"
    if before == S.PROPOSED and after == S.ACTIVE:
        return "started"
    if before == S.PAUSED and after == S.ACTIVE:
        return "resumed"
    if after == S.PAUSED:
        return "paused"
    if after == S.COMPLETED:
        return "completed"
    if after == S.ENDED:
        sides = (pair.adept.user_id, pair.mentor.user_id)
        if before == S.PROPOSED and event.actor_id is not None and event.actor_id in sides:
            return "said_no"
        return "ended"
    return "changed"


def _with_name(kind: str) -> str:
    # Spelled out so that makemessages finds every sentence.
    return {
        "suggested": _("%(name)s suggested the pair on %(date)s."),
        "proposed": _("%(name)s proposed the pair on %(date)s."),
        "said_yes": _("%(name)s said yes on %(date)s."),
        "started": _("%(name)s said yes on %(date)s, and the pair started."),
        "said_no": _("%(name)s said no on %(date)s."),
        "paused": _("%(name)s paused the pair on %(date)s."),
        "resumed": _("%(name)s resumed the pair on %(date)s."),
        "completed": _("%(name)s marked the pair as completed on %(date)s."),
        "ended": _("%(name)s ended the pair early on %(date)s."),
        "changed": _("%(name)s changed the status from %(from)s to %(to)s on %(date)s."),
    }[kind]


def _without_name(kind: str) -> str:
    return {
        "suggested": _("The pair was suggested on %(date)s."),
        "proposed": _("The pair was proposed on %(date)s."),
        "said_yes": _("One of the two said yes on %(date)s."),
        "started": _("The pair started on %(date)s."),
        "said_no": _("The proposal was declined on %(date)s."),
        "paused": _("The pair was paused on %(date)s."),
        "resumed": _("The pair was resumed on %(date)s."),
        "completed": _("The pair was completed on %(date)s."),
        "ended": _("The pair was ended early on %(date)s."),
        "changed": _("The status changed from %(from)s to %(to)s on %(date)s."),
    }[kind]


def history_lines(
    pair: Pair, events: Iterable[PairEvent], *, all_notes: bool, reader_id: int | None
) -> list[HistoryLine]:
    """The events as sentences, oldest first. Load the events with their `actor`.

    The reasons given (a pause, an end, a no) go to the reader with `all_notes` (the caller asks
    the policy: the programme's coordinators), and to each person for what she did herself.
    """
    statuses = dict(S.choices)
    lines = []
    for event in events:
        kind = _kind(event, pair)
        name = event.actor.full_name if event.actor is not None else ""
        values: dict[str, object] = {"date": day(event.at)}
        if kind == "changed":
            values["from"] = str(statuses.get(event.from_status, "–"))
            values["to"] = str(statuses.get(event.to_status, event.to_status))
        if name:
            text = sentence(_with_name(kind), name=name, **values)
        else:
            text = sentence(_without_name(kind), **values)
        readable = all_notes or (reader_id is not None and event.actor_id == reader_id)
        lines.append(HistoryLine(text=text, note=event.note if readable else ""))
    return lines
