"""Why a pair was matched, in plain sentences: "Both speak Tigrinya.", "Same shift: Night.".

The score's breakdown says how many points each criterion gave; these sentences say what the two
profiles have in common that gave them. They are read from the profiles as they are now, in the
reader's language (language names and lists from CLDR through babel). Which criteria a reader gets
sentences for is the caller's to ask `access.readable_criteria` — a wish about the mentor's gender
is a sentence for the coordinator only.

There is no sentence about distance: workplaces and people have no coordinates in SMILE, so the
matching does not weigh it either.
"""

from collections.abc import Iterable, Sequence

from babel.lists import format_list
from django.utils.html import conditional_escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from smile.core.dates import cldr_locale
from smile.core.templatetags.bidi import bdi
from smile.matching import language_support
from smile.matching.models import MatchingProfile, Pair, Shift, profile_of
from smile.matching.profiles import LANGUAGES
from smile.matching.scoring import CRITERIA
from smile.programmes.models import Enrolment

# What the pair page and the proposal load with a pair so that its reasons cost no query more.
REASON_RELATED = (
    "adept__matching_profile",
    "mentor__matching_profile",
    "adept__workplace__organisation",
    "mentor__workplace__organisation",
)

_LANGUAGE_NAMES = {code: name for code, _own, name in LANGUAGES}


def sentence(text: str, **values: object) -> SafeString:
    """A translated sentence with names and people's own words put in `<bdi>`, escaped."""
    isolated = {name: bdi(value) for name, value in values.items()}
    return mark_safe(conditional_escape(text) % isolated)  # noqa: S308 — both parts escaped


def _joined(items: Sequence[str]) -> str:
    """ "A, B and C" as the reader's language writes a list."""
    return format_list(list(items), locale=cldr_locale())


def language_name(code: str) -> str:
    """The language's name in the reader's language, as written inside a sentence."""
    name = cldr_locale().languages.get(code)
    if name:
        return str(name)
    fallback = _LANGUAGE_NAMES.get(code)
    return str(fallback) if fallback is not None else code


def _languages(profile: MatchingProfile | None) -> dict[str, int]:
    found: dict[str, int] = {}
    items = profile.languages if profile is not None else []
    for item in items if isinstance(items, list) else []:
        if isinstance(item, dict) and isinstance(item.get("code"), str):
            level = item.get("level")
            found[item["code"]] = level if isinstance(level, int) else 1
    return found


def _words(profile: MatchingProfile | None, name: str) -> dict[str, str]:
    """A list a person typed (skills, interests), by its casefolded form, as she spelled it."""
    items = getattr(profile, name, None) if profile is not None else None
    if not isinstance(items, list):
        return {}
    return {str(i).strip().casefold(): str(i).strip() for i in items if str(i).strip()}


def _workplace_ids(enrolment: Enrolment) -> tuple[int | None, int | None]:
    workplace = enrolment.workplace
    return enrolment.workplace_id, (workplace.organisation_id if workplace else None)


def _language(adept: MatchingProfile | None, mentor: MatchingProfile | None) -> list[SafeString]:
    a, m = _languages(adept), _languages(mentor)
    shared = sorted(a.keys() & m.keys(), key=lambda code: (-min(a[code], m[code]), code))
    if not shared:
        return []
    names = _joined([language_name(code) for code in shared])
    return [sentence(_("Both speak %(languages)s."), languages=names)]


def _ambassador(pair: Pair, adept: MatchingProfile | None) -> list[SafeString]:
    """For a pair who share no language: an ambassador at her workplace who speaks hers (one
    query, only then)."""
    mine = _languages(adept)
    if not mine or pair.adept.workplace_id is None:
        return []
    spoken = language_support.languages_at([pair.adept.workplace_id]).get(
        pair.adept.workplace_id, frozenset()
    )
    shared = sorted(spoken & mine.keys(), key=lambda code: (-mine[code], code))
    if not shared:
        return []
    names = _joined([language_name(code) for code in shared])
    return [
        sentence(_("A language ambassador at the workplace speaks %(languages)s."), languages=names)
    ]


def _workplace(pair: Pair) -> list[SafeString]:
    adept_place, adept_employer = _workplace_ids(pair.adept)
    mentor_place, mentor_employer = _workplace_ids(pair.mentor)
    if adept_place is not None and adept_place == mentor_place:
        assert pair.adept.workplace is not None
        return [sentence(_("Both work at %(workplace)s."), workplace=pair.adept.workplace.name)]
    if adept_employer is not None and adept_employer == mentor_employer:
        assert pair.adept.workplace is not None
        employer = pair.adept.workplace.organisation.name
        return [
            sentence(_("Both work for %(employer)s, at different workplaces."), employer=employer)
        ]
    return []


def _trade(adept: MatchingProfile | None, mentor: MatchingProfile | None) -> list[SafeString]:
    found = []
    trade = adept.trade.strip() if adept is not None else ""
    if trade and mentor is not None and trade.casefold() == mentor.trade.strip().casefold():
        found.append(sentence(_("Same trade: %(trade)s."), trade=trade))
    skills = _words(adept, "skills")
    shared = [skills[key] for key in sorted(skills.keys() & _words(mentor, "skills").keys())]
    if shared:
        found.append(
            sentence(
                ngettext("Shared skill: %(skills)s.", "Shared skills: %(skills)s.", len(shared)),
                skills=_joined(shared),
            )
        )
    return found


def _shifts(adept: MatchingProfile | None, mentor: MatchingProfile | None) -> list[SafeString]:
    a = {str(s) for s in (adept.shifts if adept is not None else []) or []}
    m = {str(s) for s in (mentor.shifts if mentor is not None else []) or []}
    labels = dict(Shift.choices)
    # In the order of the day, not of the alphabet.
    shared = [str(labels[code]) for code in Shift.values if code in a & m]
    if not shared:
        return []
    text = ngettext("Same shift: %(shifts)s.", "Same shifts: %(shifts)s.", len(shared))
    return [sentence(text, shifts=_joined(shared))]


def _interests(adept: MatchingProfile | None, mentor: MatchingProfile | None) -> list[SafeString]:
    mine = _words(adept, "interests")
    shared = [mine[key] for key in sorted(mine.keys() & _words(mentor, "interests").keys())]
    if not shared:
        return []
    text = ngettext(
        "Shared interest: %(interests)s.", "Shared interests: %(interests)s.", len(shared)
    )
    return [sentence(text, interests=_joined(shared))]


def _gender(adept: MatchingProfile | None, mentor: MatchingProfile | None) -> list[SafeString]:
    """Only a wish the adept gave is a reason; her gender and his are never said as such."""
    if adept is None or not adept.wants_same_gender:
        return []
    if adept.gender and mentor is not None and adept.gender == mentor.gender:
        return [
            sentence(_("The adept wished for a mentor of the same gender, and the wish is met."))
        ]
    return [sentence(_("The adept wished for a mentor of the same gender; the wish is not met."))]


def match_reasons(pair: Pair, criteria: Iterable[str]) -> list[SafeString]:
    """The sentences for these criteria (in the score's order), from the pair's two profiles.

    Load the pair with `REASON_RELATED`, or each profile and workplace costs a query.
    """
    wanted = set(criteria)
    adept, mentor = profile_of(pair.adept), profile_of(pair.mentor)
    found: list[SafeString] = []
    for criterion in CRITERIA:
        if criterion not in wanted:
            continue
        if criterion == "language":
            found += _language(adept, mentor) or _ambassador(pair, adept)
        elif criterion == "workplace":
            found += _workplace(pair)
        elif criterion == "trade":
            found += _trade(adept, mentor)
        elif criterion == "shifts":
            found += _shifts(adept, mentor)
        elif criterion == "interests":
            found += _interests(adept, mentor)
        elif criterion == "gender":
            found += _gender(adept, mentor)
    return found


def scored_criteria(pair: Pair) -> list[str]:
    """The criteria the pair's score weighed (a share of the points above 0); every criterion
    for a pair made without a score."""
    breakdown = pair.breakdown if isinstance(pair.breakdown, dict) else {}
    if not breakdown:
        return list(CRITERIA)
    return [
        name
        for name in CRITERIA
        if isinstance(breakdown.get(name), dict) and float(breakdown[name].get("max", 0)) > 0
    ]
