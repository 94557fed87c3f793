"""Writes of onboarding: templates, each adept's copy, ticking off, and the overdue alert."""

from collections import defaultdict
from collections.abc import Mapping
from datetime import date, timedelta
from typing import Any

from django.conf import settings
from django.db import transaction
from django.db.models import Count
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop
from modeltranslation.utils import build_localized_fieldname

from smile.accounts.models import User
from smile.core.errors import ApplicationError
from smile.matching.models import LIVE_PAIR_STATUSES, Pair
from smile.matching.profiles import LANGUAGE_CODES
from smile.notifications.models import Kind, Notification
from smile.notifications.services import Notice, finish, notify_many, subject_maker
from smile.organisations.models import Workplace
from smile.programmes.models import Enrolment, EnrolmentRole, EnrolmentStatus

from .models import (
    ChecklistItem,
    ChecklistTemplate,
    LanguageAmbassador,
    LanguageSupport,
    SwedishLevel,
    TemplateItem,
)

# The steps every workplace starts with, and the days after the start each is due.
DEFAULT_STEPS: list[tuple[str, int | None]] = [
    (gettext_noop("Welcome and introduction to the team"), 1),
    (gettext_noop("Safety induction"), 3),
    (gettext_noop("Unwritten rules and breaks"), 7),
    (gettext_noop("Where to eat and where to change clothes"), 3),
    (gettext_noop("Meet the union contact"), 14),
    (gettext_noop("A named buddy or language ambassador"), 7),
]
ONBOARDING = "onboarding"
onboarding_subject = subject_maker(Enrolment, ONBOARDING)


SOURCE: str = settings.MODELTRANSLATION_DEFAULT_LANGUAGE  # Swedish


def _codes() -> list[str]:
    return [code for code, _name in settings.LANGUAGES]


def _column(code: str) -> str:
    return build_localized_fieldname("title", code)


def _every_language(msgid: str) -> dict[str, str]:
    """A default step's title in every language of SMILE, from the catalogues."""
    titles = {}
    for code in _codes():
        with translation.override(code):
            titles[_column(code)] = _(msgid)
    return titles


def template_for(workplace: Workplace) -> ChecklistTemplate:
    """The workplace's template; made with the default steps the first time it is asked for."""
    template, made = ChecklistTemplate.objects.get_or_create(workplace=workplace)
    if made:
        TemplateItem.objects.bulk_create(
            TemplateItem(template=template, due_days=days, position=i, **_every_language(msgid))
            for i, (msgid, days) in enumerate(DEFAULT_STEPS)
        )
    return template


def template_item_add(
    *, template: ChecklistTemplate, title: str, due_days: int | None
) -> TemplateItem:
    """A step the workplace adds, written in Swedish (the other languages follow)."""
    title = title.strip()
    if not title:
        raise ApplicationError(_("Write the step."), field="title")
    if due_days is not None and not 0 <= due_days <= 365:
        raise ApplicationError(_("Give at most 365 days."), field="due_days")
    last = template.items.order_by("-position").values_list("position", flat=True).first()
    return TemplateItem.objects.create(
        template=template,
        due_days=due_days,
        position=(last or 0) + 1,
        **{_column(settings.MODELTRANSLATION_DEFAULT_LANGUAGE): title},
    )


@transaction.atomic
def template_item_update(
    *,
    item: TemplateItem,
    title: str,
    due_days: int | None,
    translations: Mapping[str, str | None] | None = None,
) -> TemplateItem:
    """A step's Swedish text, its due day and its versions in the other languages
    (`{"title_ar": ...}`; an empty one is no version, one left out is kept). The texts reach the
    copies adepts already have where the step is not ticked off yet; their due days stay."""
    title = title.strip()
    if not title:
        raise ApplicationError(_("Write the step."), field="title")
    if due_days is not None and not 0 <= due_days <= 365:
        raise ApplicationError(_("Give at most 365 days."), field="due_days")
    allowed = {_column(code) for code in _codes() if code != SOURCE}
    values: dict[str, str | None] = {_column(SOURCE): title}
    for key, text in (translations or {}).items():
        if key not in allowed:
            raise ValueError(f"{key} is not a language of a step")
        values[key] = (text or "").strip() or None
    for key, text in values.items():
        setattr(item, key, text)
    item.due_days = due_days
    with translation.override(SOURCE):  # the plain column keeps the Swedish text
        item.save(update_fields=[*values, "title", "due_days"])
        ChecklistItem.objects.filter(source=item, done_at__isnull=True).update(**values)
    return item


def template_item_remove(*, item: TemplateItem) -> None:
    """A step no longer given to new adepts (the copies already made stay)."""
    item.delete()


def checklist_copy(enrolment: Enrolment) -> int:
    """Give a placed adept her own copy of her workplace's checklist, once; returns how many
    steps were made."""
    if enrolment.role != EnrolmentRole.ADEPT or enrolment.status != EnrolmentStatus.ACTIVE:
        return 0
    if ChecklistItem.objects.filter(enrolment=enrolment).exists():
        return 0
    template = template_for(enrolment.workplace)
    columns = [_column(code) for code in _codes()]
    items = [
        ChecklistItem(
            enrolment=enrolment,
            source=step,
            position=step.position,
            due_on=None
            if step.due_days is None
            else enrolment.starts_on + timedelta(step.due_days),
            **{column: getattr(step, column) for column in columns},
        )
        for step in template.items.all()
    ]
    ChecklistItem.objects.bulk_create(items)
    return len(items)


def enrolment_saved(sender: Any, instance: Enrolment, created: bool, **kwargs: Any) -> None:
    """An adept placed at a workplace gets its onboarding checklist (post_save of Enrolment)."""
    if created and not kwargs.get("raw"):
        checklist_copy(instance)


def checklists_fill() -> int:
    """Copies for active adepts who have none yet (placed before this app, or in bulk)."""
    missing = Enrolment.objects.filter(
        role=EnrolmentRole.ADEPT, status=EnrolmentStatus.ACTIVE, onboarding_items__isnull=True
    ).select_related("workplace")
    return sum(checklist_copy(enrolment) for enrolment in missing)


@transaction.atomic
def item_tick(*, item: ChecklistItem, by: User, done: bool = True) -> ChecklistItem:
    """Tick a step off (or undo it); when every step is done, the alert about it is finished."""
    if done:
        item.done_at = timezone.now()
        item.done_by = by
    else:
        item.done_at = None
        item.done_by = None
    item.save(update_fields=["done_at", "done_by"])
    if (
        done
        and not ChecklistItem.objects.filter(
            enrolment_id=item.enrolment_id, done_at__isnull=True
        ).exists()
    ):
        finish(subject=onboarding_subject(item.enrolment_id))
    return item


def onboarding_remind_overdue(*, today: date | None = None) -> int:
    """Tell the adept and her mentor of steps past their due day, once per checklist: no new
    notice while one about it is still open (it is finished when every step is ticked off).
    Returns how many were told."""
    from django.urls import reverse

    today = today or timezone.localdate()
    overdue = list(
        Enrolment.objects.filter(
            role=EnrolmentRole.ADEPT,
            status=EnrolmentStatus.ACTIVE,
            onboarding_items__done_at__isnull=True,
            onboarding_items__due_on__lt=today,
        )
        .annotate(count=Count("onboarding_items"))
        .values_list("pk", "user_id", "workplace__name", "count")
    )
    if not overdue:
        return 0
    by_pk = {pk: (user_id, name, count) for pk, user_id, name, count in overdue}
    recipients: dict[int, set[int]] = defaultdict(set)
    for pk, (user_id, _name, _count) in by_pk.items():
        recipients[pk].add(user_id)
    for adept_pk, mentor_user in Pair.objects.filter(
        adept_id__in=by_pk, status__in=LIVE_PAIR_STATUSES
    ).values_list("adept_id", "mentor__user_id"):
        recipients[adept_pk].add(mentor_user)
    subjects = {onboarding_subject(pk): pk for pk in by_pk}
    told = set(
        Notification.objects.filter(subject__in=subjects, done_at__isnull=True).values_list(
            "subject", "recipient_id"
        )
    )
    notices = []
    for subject, pk in subjects.items():
        _user, name, count = by_pk[pk]
        url = reverse("inclusion:checklist", args=[pk])
        for recipient in sorted(recipients[pk]):
            if (subject, recipient) in told:
                continue
            notices.append(
                Notice(
                    recipient_id=recipient,
                    kind=Kind.ONBOARDING,
                    params={"count": count, "workplace": name},
                    url=url,
                    subject=subject,
                )
            )
    notify_many(notices=notices)
    return len(notices)


# ---- language support ----------------------------------------------------------------------


def language_support_save(
    *,
    enrolment: Enrolment,
    swedish_level: str,
    wants_interpreter: bool,
    interpreter_language: str = "",
) -> LanguageSupport:
    """The adept's own answers: her Swedish, and whether she wants an interpreter at reviews
    (and for which language)."""
    if swedish_level and swedish_level not in SwedishLevel.values:
        raise ApplicationError(_("Choose from the list."), field="swedish_level")
    if not wants_interpreter:
        interpreter_language = ""
    elif interpreter_language and interpreter_language not in LANGUAGE_CODES:
        raise ApplicationError(_("Choose a language from the list."), field="interpreter_language")
    support, _made = LanguageSupport.objects.update_or_create(
        enrolment=enrolment,
        defaults={
            "swedish_level": swedish_level,
            "wants_interpreter": wants_interpreter,
            "interpreter_language": interpreter_language,
        },
    )
    return support


def ambassador_add(*, workplace: Workplace, name: str, language: str) -> LanguageAmbassador:
    name = name.strip()
    if not name:
        raise ApplicationError(_("Write the name."), field="name")
    if language not in LANGUAGE_CODES:
        raise ApplicationError(_("Choose a language from the list."), field="language")
    ambassador, made = LanguageAmbassador.objects.get_or_create(
        workplace=workplace, name=name, language=language
    )
    if not made:
        raise ApplicationError(_("This person is already named for this language."), field="name")
    return ambassador


def ambassador_remove(*, ambassador: LanguageAmbassador) -> None:
    ambassador.delete()
