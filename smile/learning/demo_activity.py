"""The demo adepts' learning: plans, practice, reviews, hours and the words of the trade.

Written through the same services the screens use (so the rules hold and the history is real),
relative to the day the demo is loaded. Amal is well under way; Yonas's plan waits for
signatures; Olena is behind, with no practice for weeks.
"""

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from django.utils import timezone

from smile.accounts.models import User
from smile.learning.demo import LearningDemo
from smile.learning.hours.services import hours_add, hours_confirm, month_confirm, month_start
from smile.learning.models import (
    HoursEntry,
    LearningPlan,
    Level,
    Objective,
    Review,
    ReviewSignature,
    ReviewStatus,
    SignerRole,
    Term,
    WorkplaceTask,
)
from smile.learning.plans.services import (
    learning_plan_get_or_create,
    plan_level_set,
    plan_objectives_set,
    plan_sign,
    skills_scan_rate,
)
from smile.learning.practice.services import practice_confirm, practice_entry_create
from smile.learning.reviews.services import review_schedule
from smile.learning.vocabulary.services import term_create, term_practise
from smile.matching.models import Pair

# Swedish word, plain explanation, then ar, ti, uk, so, prs, fa, en.
FOUNDRY_WORDS: list[tuple[str, str, tuple[str, ...]]] = [
    (
        "gjutform",
        "Formen som smältan hälls i.",
        (
            "قالب الصب",
            "መፍሰሲ ቅርጺ",
            "ливарна форма",
            "qaabka shubka",
            "قالب ریخته‌گری",
            "قالب ریخته‌گری",
            "casting mould",
        ),
    ),
    (
        "skjutmått",
        "Verktyg för att mäta längd, tjocklek och hål.",
        (
            "قدمة ذات ورنية",
            "መዐቀኒ ቨርኒየር",
            "штангенциркуль",
            "qalabka cabbirka",
            "کولیس",
            "کولیس",
            "vernier caliper",
        ),
    ),
    (
        "skyddsglasögon",
        "Glasögon som skyddar ögonen mot gnistor och damm.",
        (
            "نظارات واقية",
            "መከላኸሊ መነጽር",
            "захисні окуляри",
            "muraayadaha ilaalinta",
            "عینک محافظ",
            "عینک ایمنی",
            "safety glasses",
        ),
    ),
    (
        "hörselskydd",
        "Skyddar öronen mot högt ljud.",
        (
            "واقي السمع",
            "መከላኸሊ እዝኒ",
            "навушники для захисту слуху",
            "ilaaliyaha dhegaha",
            "محافظ گوش",
            "محافظ گوش",
            "ear protection",
        ),
    ),
    (
        "smälta",
        "Het flytande metall.",
        (
            "المعدن المصهور",
            "ዝሓቀቐ ብረት",
            "розплав",
            "bir dhalaalay",
            "فلز ذوب‌شده",
            "مذاب فلز",
            "molten metal",
        ),
    ),
    (
        "formsand",
        "Sand som formen görs av.",
        (
            "رمل القوالب",
            "ሓመድ ቅርጺ",
            "формувальний пісок",
            "ciidda qaabka",
            "ریگ قالب‌گیری",
            "ماسه قالب‌گیری",
            "moulding sand",
        ),
    ),
    (
        "kärna",
        "En del av sand som ger hål inne i gjutgodset.",
        ("القلب (الماسورة)", "ማእከል", "стрижень", "xudunta", "ماهیچه", "ماهیچه", "core"),
    ),
    (
        "skänk",
        "Stor skopa som bär smältan till formen.",
        ("بوتقة الصب", "መስገሪ ብረት", "ківш", "weelka shubka", "پاتیل", "پاتیل", "ladle"),
    ),
    (
        "tolerans",
        "Hur mycket ett mått får skilja från ritningen.",
        (
            "التفاوت المسموح",
            "ዝፍቀድ ፍልልይ",
            "допуск",
            "farqiga la oggol yahay",
            "تلرانس",
            "تلرانس",
            "tolerance",
        ),
    ),
    (
        "nödstopp",
        "Röd knapp som stoppar maskinen direkt.",
        (
            "زر الإيقاف الطارئ",
            "ናይ ህጹጽ ደው መበሊ",
            "аварійна зупинка",
            "joojinta degdegga ah",
            "توقف اضطراری",
            "توقف اضطراری",
            "emergency stop",
        ),
    ),
]
LANGUAGES = ("ar", "ti", "uk", "so", "prs", "fa", "en")


@dataclass(frozen=True)
class DemoPeople:
    teacher: User
    pairs: dict[str, Pair]  # by the adept's key: amal, yonas, olena, farhad


def _objectives(curriculum_objectives: list[Objective], codes: list[str]) -> list[Objective]:
    by_code = {o.code: o for o in curriculum_objectives}
    return [by_code[code] for code in codes]


def _plan(pair: Pair, teacher: User, items: list[tuple[Objective, date]]) -> LearningPlan:
    plan = learning_plan_get_or_create(enrolment=pair.adept)
    plan_objectives_set(plan=plan, by=teacher, items=items)
    return plan


def _workdays(today: date, count: int) -> list[date]:
    days: list[date] = []
    day = today - timedelta(days=1)
    while len(days) < count:
        if day.weekday() < 5:
            days.append(day)
        day -= timedelta(days=1)
    return sorted(days)


def load_learning_activity(
    demo: LearningDemo, people: DemoPeople, today: date | None = None
) -> None:
    today = today or timezone.localdate()
    teacher = people.teacher
    amal, yonas, olena = people.pairs["amal"], people.pairs["yonas"], people.pairs["olena"]
    foundry = list(demo.foundry.objectives.all())
    house = list(demo.house.objectives.all())
    end = amal.programme.ends_on

    # Amal: a signed plan, a skills scan, practice confirmed by Johan, a review held, hours.
    codes = ["SAK1", "SAK2", "MAT1", "MAT3", "MAT4", "FRM2", "FRM4"]
    targets = [today + timedelta(days=20 + 25 * i) for i in range(len(codes))]
    items = list(zip(_objectives(foundry, codes), [min(t, end) for t in targets], strict=True))
    plan = _plan(amal, teacher, items)
    objectives = [objective for objective, _ in items]
    skills_scan_rate(
        plan=plan,
        by=amal.adept.user,
        ratings=dict(zip(objectives, [2, 1, 1, 0, 0, 1, 0], strict=True)),
    )
    skills_scan_rate(
        plan=plan,
        by=amal.mentor.user,
        ratings=dict(zip(objectives, [1, 1, 1, 0, 0, 0, 0], strict=True)),
    )
    for signer in (amal.adept.user, amal.mentor.user, teacher):
        plan_sign(plan=plan, by=signer)
    # She has learnt the safety rules: Johan marks those objectives independent.
    for item in plan.items.filter(objective__code__in=["SAK1", "SAK2"]):
        plan_level_set(item=item, by=amal.mentor.user, level=Level.INDEPENDENT)

    measure = WorkplaceTask.objects.get(
        workplace=amal.adept.workplace, title_sv="Kontrollmäta formen före gjutning"
    )
    by_code = {o.code: o for o in objectives}
    practice = [
        (
            14,
            by_code["MAT1"],
            "Mätte tre formar med skjutmått. Johan visade hur man läser av.",
            1,
            2,
        ),
        (9, by_code["MAT1"], "Mätte själv och skrev i protokollet.", 2, 2),
        (4, by_code["MAT3"], "Jämförde måtten med ritningen. En form var utanför tolerans.", 2, 2),
        (1, by_code["MAT4"], "Fyllde i mätprotokollet för hela skiftet.", 2, None),
    ]
    for days_ago, objective, note, own, mentor_level in practice:
        entry = practice_entry_create(
            enrolment=amal.adept,
            by=amal.adept.user,
            done_on=today - timedelta(days=days_ago),
            task=measure,
            objective=objective,
            note=note,
            photo=None,
            self_level=own,
            language="sv",  # the demo's notes are written in Swedish
        )
        if mentor_level is not None:
            practice_confirm(entry=entry, by=amal.mentor.user, mentor_level=mentor_level)

    # The last review was held five weeks ago (written as it was); the next one is planned.
    held_at = timezone.make_aware(datetime.combine(today - timedelta(weeks=5), time(13, 0)))
    review = Review.objects.create(
        enrolment=amal.adept,
        scheduled_for=held_at,
        place="Sävsjö Lärcentrum, rum 12",
        agenda="Säkerhet och mätteknik: hur går det? Vad är svårt? Vad gör vi nu?",
        notes="Amal använder skyddsutrustningen rätt. Mätningen går bra med stöd.",
        next_steps="Öva mätprotokoll varje vecka. Läsa om toleranser på svenska.",
        status=ReviewStatus.SIGNED,
        held_at=held_at,
        created_by=teacher,
    )
    for role, user in (
        (SignerRole.ADEPT, amal.adept.user),
        (SignerRole.MENTOR, amal.mentor.user),
        (SignerRole.TEACHER, teacher),
    ):
        ReviewSignature.objects.create(review=review, role=role, user=user)
    review_schedule(
        enrolment=amal.adept,
        by=teacher,
        scheduled_for=timezone.make_aware(datetime.combine(today + timedelta(days=9), time(13, 0))),
        place="Sävsjö Lärcentrum, rum 12",
    )

    # Hours: last month all confirmed and certified by Amal; this month, the last days wait.
    first = month_start(today)
    last_month = month_start(first - timedelta(days=1))
    days = [d for d in _workdays(today, 30) if d >= max(last_month, amal.adept.starts_on)]
    for day in days:
        if day.weekday() == 4:
            hours_add(
                enrolment=amal.adept,
                by=amal.adept.user,
                day=day,
                kind="theory",
                starts_at=time(8, 30),
                ends_at=time(12, 0),
            )
        else:
            hours_add(
                enrolment=amal.adept,
                by=amal.adept.user,
                day=day,
                kind="workplace",
                starts_at=time(7, 0),
                ends_at=time(15, 30),
            )
    confirmed_before = today - timedelta(days=4)
    waiting = HoursEntry.objects.filter(enrolment=amal.adept, day__lt=confirmed_before)
    hours_confirm(entries=list(waiting.filter(kind="workplace")), by=amal.mentor.user)
    hours_confirm(entries=list(waiting.filter(kind="theory")), by=teacher)
    if HoursEntry.objects.filter(enrolment=amal.adept, day__gte=last_month, day__lt=first).exists():
        month_confirm(enrolment=amal.adept, by=amal.adept.user, month=last_month)

    # The words of the foundry, and which ones Amal knows.
    for swedish, explanation, translations in FOUNDRY_WORDS:
        if not Term.objects.filter(curriculum=demo.foundry, swedish=swedish).exists():
            term_create(
                actor=teacher,
                curriculum=demo.foundry,
                swedish=swedish,
                explanation=explanation,
                translations=dict(zip(LANGUAGES, translations, strict=True)),
            )
    for term in Term.objects.filter(
        curriculum=demo.foundry,
        swedish__in=["gjutform", "skyddsglasögon", "hörselskydd", "skjutmått"],
    ):
        term_practise(user=amal.adept.user, term=term, known=True)

    # Yonas: his plan is chosen and waits for the three signatures.
    _plan(
        yonas,
        teacher,
        [
            (o, min(today + timedelta(days=60), end))
            for o in _objectives(foundry, ["SAK1", "SAK2", "FRM1"])
        ],
    )

    # Olena: her first target date has passed and she has not practised for three weeks: behind.
    chosen = _objectives(house, [house[0].code, house[1].code, house[4].code])
    dates = [today - timedelta(days=12), today + timedelta(days=40), today + timedelta(days=90)]
    plan = _plan(olena, teacher, [(o, min(d, end)) for o, d in zip(chosen, dates, strict=True)])
    for signer in (olena.adept.user, olena.mentor.user, teacher):
        plan_sign(plan=plan, by=signer)
    factory_task = WorkplaceTask.objects.filter(workplace=olena.adept.workplace).first()
    entry = practice_entry_create(
        enrolment=olena.adept,
        by=olena.adept.user,
        done_on=today - timedelta(days=22),
        task=factory_task,
        objective=None,
        note="Jag hjälpte till att resa en vägg.",
        photo=None,
        self_level=1,
        language="sv",
    )
    practice_confirm(entry=entry, by=olena.mentor.user, mentor_level=1)
