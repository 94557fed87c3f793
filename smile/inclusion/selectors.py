"""Reads of onboarding, each in a fixed number of queries."""

from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass
from datetime import date

from django.conf import settings
from django.db.models import Count, Exists, F, OuterRef, Q
from django.utils import timezone, translation
from django.utils.translation import get_language
from modeltranslation.utils import build_localized_fieldname

from smile.core.actor import AnyUser
from smile.matching.models import LanguageLevel, MatchingProfile
from smile.matching.reasons import language_name
from smile.organisations.models import Workplace
from smile.programmes.models import Enrolment, EnrolmentRole, EnrolmentStatus

from . import access
from .models import ChecklistItem, LanguageAmbassador, LanguageSupport, TemplateItem

SOURCE = settings.MODELTRANSLATION_DEFAULT_LANGUAGE


@dataclass(frozen=True)
class Shown:
    """A step's title as the reader sees it: her language's version, else the Swedish source
    (`fallback`: marked "Not yet in your language", as the learning tasks are)."""

    text: str
    lang: str
    fallback: bool

    @property
    def dir(self) -> str:
        return "rtl" if self.lang in settings.LANGUAGES_BIDI else "ltr"


def shown_title(item: object) -> Shown:
    code = (get_language() or SOURCE).split("-")[0]
    text = getattr(item, build_localized_fieldname("title", code), None)
    if text:
        return Shown(text=text, lang=code, fallback=False)
    source = getattr(item, build_localized_fieldname("title", SOURCE)) or ""
    return Shown(text=source, lang=SOURCE, fallback=bool(source) and code != SOURCE)


@dataclass(frozen=True)
class Step:
    item: ChecklistItem
    title: Shown
    overdue: bool


def checklist(items: Iterable[ChecklistItem], *, today: date | None = None) -> list[Step]:
    today = today or timezone.localdate()
    return [
        Step(
            item=item,
            title=shown_title(item),
            overdue=item.done_at is None and item.due_on is not None and item.due_on < today,
        )
        for item in items
    ]


@dataclass(frozen=True)
class Language:
    code: str
    local: str  # its own name
    dir: str


def other_languages() -> list[Language]:
    """The languages a step can have a version in besides Swedish, in SMILE's order."""
    found = []
    for code, _name in settings.LANGUAGES:
        if code == settings.MODELTRANSLATION_DEFAULT_LANGUAGE:
            continue
        info = translation.get_language_info(code)
        found.append(Language(code, info["name_local"], "rtl" if info["bidi"] else "ltr"))
    return found


@dataclass(frozen=True)
class TemplateStep:
    item: TemplateItem
    title: Shown
    missing: list[Language]  # the languages it has no version in yet


def template_steps(items: Iterable[TemplateItem]) -> list[TemplateStep]:
    languages = other_languages()
    return [
        TemplateStep(
            item=item,
            title=shown_title(item),
            missing=[
                language
                for language in languages
                if not getattr(item, build_localized_fieldname("title", language.code))
            ],
        )
        for item in items
    ]


@dataclass(frozen=True)
class MissingStep:
    """A template step of a workplace with no version in some of the languages its adepts read."""

    item: TemplateItem
    title: str  # the Swedish source
    missing: list[str]  # the language codes, in the order they were asked for
    editable: bool  # the reader keeps the workplace's template (the step's editor is hers)


def missing_languages_by_workplace(
    workplaces: Iterable[Workplace | int],
    languages_by_workplace: Mapping[int, Collection[str]],
    *,
    editor: AnyUser | None = None,
) -> dict[int, list[MissingStep]]:
    """Per workplace (by id), the steps of its onboarding template, in their order, that have no
    version in some of the languages given for it (Swedish, the source, is never missing); a
    workplace with no languages gets nothing. `editable` tells whether `editor` may edit the
    step. One query whatever the number of workplaces and steps (once the editor's scope is
    known: any page reads it first)."""
    wanted: dict[int, list[str]] = {}
    for workplace in workplaces:
        pk = workplace if isinstance(workplace, int) else workplace.pk
        codes = [code for code in languages_by_workplace.get(pk, ()) if code != SOURCE]
        if codes:
            wanted[pk] = codes
    if not wanted:
        return {}
    items = TemplateItem.objects.filter(template__workplace_id__in=list(wanted)).annotate(
        workplace_id=F("template__workplace_id"),
    )
    if editor is not None:
        items = items.annotate(
            editable=Exists(access.changeable_templates(editor).filter(pk=OuterRef("template_id")))
        )
    found: dict[int, list[MissingStep]] = {}
    for item in items.order_by("template__workplace_id", "position", "pk"):
        workplace_id: int = item.workplace_id
        source = getattr(item, build_localized_fieldname("title", SOURCE)) or ""
        missing = [
            code
            for code in wanted[workplace_id]
            if not getattr(item, build_localized_fieldname("title", code), None)
        ]
        if source and missing:
            found.setdefault(workplace_id, []).append(
                MissingStep(
                    item=item,
                    title=source,
                    missing=missing,
                    editable=bool(getattr(item, "editable", False)),
                )
            )
    return found


@dataclass
class Completion:
    """Onboarding at one workplace: its active adepts with a checklist, those who finished it,
    and the steps done, open and overdue."""

    workplace_id: int
    workplace_name: str
    adepts: int = 0
    finished: int = 0
    steps: int = 0
    done: int = 0
    overdue: int = 0

    @property
    def percent(self) -> int:
        return round(100 * self.done / self.steps) if self.steps else 0


def completion_by_workplace(
    workplaces: Iterable[Workplace], *, today: date | None = None
) -> dict[int, Completion]:
    """Completion per workplace (by id), for active adepts, in one query whatever the number."""
    today = today or timezone.localdate()
    places = list(workplaces)
    result = {w.pk: Completion(workplace_id=w.pk, workplace_name=w.name) for w in places}
    if not result:
        return result
    rows = (
        ChecklistItem.objects.filter(
            enrolment__workplace_id__in=result,
            enrolment__role=EnrolmentRole.ADEPT,
            enrolment__status=EnrolmentStatus.ACTIVE,
        )
        .values("enrolment_id", "enrolment__workplace_id")
        .annotate(
            steps=Count("pk"),
            done=Count("pk", filter=Q(done_at__isnull=False)),
            overdue=Count("pk", filter=Q(done_at__isnull=True, due_on__lt=today)),
        )
        .order_by()
    )
    for row in rows:
        completion = result[row["enrolment__workplace_id"]]
        completion.adepts += 1
        completion.steps += row["steps"]
        completion.done += row["done"]
        completion.overdue += row["overdue"]
        completion.finished += row["done"] == row["steps"]
    return result


# ---- language support ----------------------------------------------------------------------


@dataclass(frozen=True)
class SpokenLanguage:
    code: str
    name: str
    level: str


@dataclass(frozen=True)
class LanguageView:
    """An adept's language support as a page shows it."""

    spoken: list[SpokenLanguage]
    swedish_level: str  # the plain words, or ""
    wants_interpreter: bool
    interpreter_language: str  # the language's name, or ""
    ambassadors: list[LanguageAmbassador]  # at her workplace, for a language she speaks


def language_view(enrolment: Enrolment) -> LanguageView:
    """Her languages (from her matching profile in the programme), her answers, and the
    ambassadors of her workplace who speak one of her languages; three queries."""
    profile = MatchingProfile.objects.filter(enrolment_id=enrolment.pk).only("languages").first()
    levels = dict(LanguageLevel.choices)
    spoken = [
        SpokenLanguage(
            code=item["code"],
            name=language_name(item["code"]),
            level=str(levels.get(item.get("level"), "")),
        )
        for item in (profile.languages if profile is not None else [])
        if item.get("code")
    ]
    support = LanguageSupport.objects.filter(enrolment_id=enrolment.pk).first()
    codes = {language.code for language in spoken}
    if support is not None and support.interpreter_language:
        codes.add(support.interpreter_language)
    ambassadors = list(
        LanguageAmbassador.objects.filter(workplace_id=enrolment.workplace_id, language__in=codes)
    )
    return LanguageView(
        spoken=spoken,
        swedish_level=support.get_swedish_level_display() if support else "",
        wants_interpreter=bool(support and support.wants_interpreter),
        interpreter_language=language_name(support.interpreter_language)
        if support and support.interpreter_language
        else "",
        ambassadors=ambassadors,
    )


def interpreter_wish(enrolment_id: int) -> LanguageView | None:
    """What a three-party review shows of the adept's language support (one query), or None
    when she has said nothing."""
    support = LanguageSupport.objects.filter(enrolment_id=enrolment_id).first()
    if support is None:
        return None
    return LanguageView(
        spoken=[],
        swedish_level=support.get_swedish_level_display(),
        wants_interpreter=support.wants_interpreter,
        interpreter_language=language_name(support.interpreter_language)
        if support.interpreter_language
        else "",
        ambassadors=[],
    )


def ambassador_languages(workplace_ids: Collection[int]) -> dict[int, set[str]]:
    """The languages the language ambassadors speak at each of these workplaces (one query):
    matching's language-support provider (registered in InclusionConfig.ready)."""
    found: dict[int, set[str]] = {}
    for workplace_id, language in LanguageAmbassador.objects.filter(
        workplace_id__in=list(workplace_ids)
    ).values_list("workplace_id", "language"):
        found.setdefault(workplace_id, set()).add(language)
    return found
