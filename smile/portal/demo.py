"""A realistic demo: a municipality's programme with a foundry, a timber-house builder and a school.

Loaded by `make run` through `smile demo`; it writes through the same services the screens use.
"""

import base64
from dataclasses import dataclass
from datetime import date

from django.db import transaction
from django_otp.plugins.otp_totp.models import TOTPDevice

from smile.accounts.models import User
from smile.accounts.services import membership_create
from smile.belonging.demo import load_belonging_demo
from smile.core.actor import SYSTEM
from smile.equality.figures.demo import load_figures_demo
from smile.equality.services import case_handler_add
from smile.inclusion.demo import load_inclusion_demo
from smile.learning.demo import load_learning_demo
from smile.learning.demo_activity import DemoPeople, load_learning_activity
from smile.matching.models import MatchingProfile, Pair, PairStatus
from smile.mentoring.demo import load_mentoring
from smile.organisations.choices import OrganisationKind, Role
from smile.organisations.models import Organisation, Workplace
from smile.organisations.services import organisation_create, workplace_save
from smile.programmes.models import Enrolment, Programme
from smile.programmes.services import enrolment_create, programme_save
from smile.training.demo import load_training_demo

DEMO_PASSWORD = "smile-demo-2026"
# Base32, as an authenticator app wants it; the README gives the same string.
DEMO_TOTP_SECRET = "SMILEDEMOSMILEDEMOSMILEDEMO23456"


@dataclass(frozen=True)
class Person:
    email: str
    name: str
    language: str


COORDINATOR = Person("lena.holm@savsjo.example", "Lena Holm", "sv")
OTHER_COORDINATOR = Person("per.nilsson@varnamo.example", "Per Nilsson", "sv")
MANAGER = Person("karin.berg@gjuteri.example", "Karin Berg", "sv")
TEACHER = Person("anders.ek@larcentrum.example", "Anders Ek", "sv")
ADMIN = Person("admin@smile.example", "Alva Admin", "sv")
MENTORS = {
    "johan": Person("johan.lindqvist@gjuteri.example", "Johan Lindqvist", "sv"),
    "maria": Person("maria.svensson@gjuteri.example", "Maria Svensson", "sv"),
    "erik": Person("erik.johansson@smalandshus.example", "Erik Johansson", "sv"),
    "sara": Person("sara.nilsson@smalandshus.example", "Sara Nilsson", "sv"),
}
ADEPTS = {
    "amal": Person("amal.hassan@elev.example", "Amal Hassan", "ar"),
    "yonas": Person("yonas.tesfay@elev.example", "Yonas Tesfay", "ti"),
    "olena": Person("olena.kovalenko@elev.example", "Olena Kovalenko", "uk"),
    "farhad": Person("farhad.ahmadi@elev.example", "Farhad Ahmadi", "prs"),
    "hodan": Person("hodan.ali@elev.example", "Hodan Ali", "so"),
    "maryam": Person("maryam.rezaei@elev.example", "Maryam Rezaei", "fa"),
    "mohammed": Person("mohammed.alsayed@elev.example", "Mohammed Al-Sayed", "ar"),
}
OTHER_ADEPT = Person("ahmed.noor@elev.example", "Ahmed Noor", "so")


def _user(person: Person, *, second_factor: bool = False, superuser: bool = False) -> User:
    user = User.objects.filter(email=person.email).first()
    if user is None:
        user = User.objects.create_user(
            person.email,
            DEMO_PASSWORD,
            full_name=person.name,
            preferred_language=person.language,
            is_staff=superuser,
            is_superuser=superuser,
        )
    if second_factor and not TOTPDevice.objects.filter(user=user, confirmed=True).exists():
        TOTPDevice.objects.create(
            user=user,
            name="Demo",
            confirmed=True,
            key=base64.b32decode(DEMO_TOTP_SECRET).hex(),
        )
    return user


def _organisation(name: str, kind: str, city: str, managed_by: Organisation | None) -> Organisation:
    existing = Organisation.objects.filter(name=name, kind=kind).first()
    return existing or organisation_create(
        actor=SYSTEM, name=name, kind=kind, city=city, managed_by=managed_by
    )


def _workplace(employer: Organisation, name: str, city: str, trade: str) -> Workplace:
    existing = Workplace.objects.filter(organisation=employer, name=name).first()
    return existing or workplace_save(
        actor=SYSTEM, organisation=employer, name=name, city=city, trade=trade
    )


def _enrol(
    programme: Programme,
    user: User,
    role: str,
    workplace: Workplace,
    school: Organisation | None,
    starts_on: date,
) -> Enrolment:
    existing = Enrolment.objects.filter(programme=programme, user=user, role=role).first()
    return existing or enrolment_create(
        actor=SYSTEM,
        programme=programme,
        user=user,
        role=role,
        workplace=workplace,
        education_provider=school,
        starts_on=starts_on,
    )


# Languages (ISO 639 code, level 1–4), trade, shifts and interests, as each person gave them.
PROFILES: dict[str, dict[str, object]] = {
    "johan": {
        "languages": [("sv", 4), ("en", 3), ("ar", 1)],
        "trade": "Gjuteri",
        "skills": ["formning", "gjutning", "mätteknik"],
        "shifts": ["day"],
        "interests": ["fotboll", "fiske"],
        "gender": "man",
    },
    "maria": {
        "languages": [("sv", 4), ("en", 3)],
        "trade": "Gjuteri",
        "skills": ["efterbehandling", "slipning", "kvalitet"],
        "shifts": ["day", "evening"],
        "interests": ["matlagning", "löpning"],
        "gender": "woman",
    },
    "erik": {
        "languages": [("sv", 4), ("en", 2), ("uk", 1)],
        "trade": "Trähusbygge",
        "skills": ["stomme", "montering", "ritningsläsning"],
        "shifts": ["day"],
        "interests": ["fiske", "musik"],
        "gender": "man",
    },
    "sara": {
        "languages": [("sv", 4), ("en", 3), ("so", 2)],
        "trade": "Trähusbygge",
        "skills": ["montering", "takarbete", "säkerhet"],
        "shifts": ["day", "weekend"],
        "interests": ["musik", "löpning"],
        "gender": "woman",
    },
    "amal": {
        "languages": [("ar", 4), ("sv", 2), ("en", 2)],
        "trade": "Gjuteri",
        "skills": ["formning"],
        "shifts": ["day"],
        "interests": ["matlagning"],
        "gender": "woman",
    },
    "yonas": {
        "languages": [("ti", 4), ("am", 3), ("sv", 2)],
        "trade": "Gjuteri",
        "skills": ["gjutning"],
        "shifts": ["day"],
        "interests": ["fotboll"],
        "gender": "man",
    },
    "olena": {
        "languages": [("uk", 4), ("ru", 3), ("sv", 2), ("en", 2)],
        "trade": "Trähusbygge",
        "skills": ["ritningsläsning"],
        "shifts": ["day"],
        "interests": ["musik"],
        "gender": "woman",
    },
    "farhad": {
        "languages": [("prs", 4), ("fa", 4), ("sv", 2)],
        "trade": "Gjuteri",
        "skills": ["slipning"],
        "shifts": ["day", "evening"],
        "interests": ["fotboll"],
        "gender": "man",
    },
    "hodan": {
        "languages": [("so", 4), ("sv", 2), ("en", 1)],
        "trade": "Trähusbygge",
        "skills": ["montering"],
        "shifts": ["day"],
        "interests": ["löpning"],
        "gender": "woman",
        "wants_same_gender": True,
    },
    "maryam": {
        "languages": [("fa", 4), ("en", 2), ("sv", 1)],
        "trade": "Trähusbygge",
        "skills": ["säkerhet"],
        "shifts": ["day", "weekend"],
        "interests": ["musik"],
        "gender": "woman",
    },
    "mohammed": {
        "languages": [("ar", 4), ("sv", 2)],
        "trade": "Gjuteri",
        "skills": ["kvalitet"],
        "shifts": ["evening"],
        "interests": ["matlagning"],
        "gender": "man",
    },
}


def _profile(enrolment: Enrolment, key: str, *, mentor: bool) -> None:
    data = dict(PROFILES[key])
    languages = [{"code": code, "level": level} for code, level in data.pop("languages")]  # type: ignore[attr-defined]
    defaults: dict[str, object] = {"languages": languages, **data}
    if mentor:
        defaults["training_completed_on"] = date(2026, 8, 20)
    MatchingProfile.objects.update_or_create(enrolment=enrolment, defaults=defaults)


def _pair(programme: Programme, mentor: Enrolment, adept: Enrolment, started_on: date) -> Pair:
    pair, _created = Pair.objects.get_or_create(
        programme=programme,
        mentor=mentor,
        adept=adept,
        defaults={"status": PairStatus.ACTIVE, "started_on": started_on},
    )
    return pair


@transaction.atomic
def load_demo() -> bool:
    """Load the demo once; return False when it was already there."""
    if Programme.objects.filter(name="Gjuteri- och husbyggarvägen 2026/27").exists():
        return False
    savsjo = _organisation("Sävsjö kommun", OrganisationKind.PROGRAMME_OWNER, "Sävsjö", None)
    varnamo = _organisation("Värnamo kommun", OrganisationKind.PROGRAMME_OWNER, "Värnamo", None)
    foundry = _organisation("Sävsjö Gjuteri AB", OrganisationKind.EMPLOYER, "Sävsjö", savsjo)
    houses = _organisation("Smålandshus AB", OrganisationKind.EMPLOYER, "Vrigstad", savsjo)
    school = _organisation(
        "Sävsjö Lärcentrum", OrganisationKind.EDUCATION_PROVIDER, "Sävsjö", savsjo
    )
    care = _organisation("Värnamo Vård AB", OrganisationKind.EMPLOYER, "Värnamo", varnamo)

    moulding = _workplace(foundry, "Formning och gjutning", "Sävsjö", "Gjuteri")
    finishing = _workplace(foundry, "Efterbehandling", "Sävsjö", "Gjuteri")
    factory = _workplace(houses, "Husfabriken Vrigstad", "Vrigstad", "Trähusbygge")
    site_team = _workplace(houses, "Monteringslaget", "Vrigstad", "Trähusbygge")
    care_home = _workplace(care, "Solgläntans äldreboende", "Värnamo", "Vård och omsorg")

    coordinator = _user(COORDINATOR, second_factor=True)
    membership_create(actor=SYSTEM, user=coordinator, organisation=savsjo, role=Role.COORDINATOR)
    other = _user(OTHER_COORDINATOR, second_factor=True)
    membership_create(actor=SYSTEM, user=other, organisation=varnamo, role=Role.COORDINATOR)
    manager = _user(MANAGER, second_factor=True)
    membership_create(actor=SYSTEM, user=manager, organisation=foundry, role=Role.MANAGER)
    teacher = _user(TEACHER)
    membership_create(actor=SYSTEM, user=teacher, organisation=school, role=Role.TEACHER)
    admin = _user(ADMIN, second_factor=True, superuser=True)
    membership_create(actor=SYSTEM, user=admin, organisation=savsjo, role=Role.ADMINISTRATOR)

    programme = programme_save(
        actor=SYSTEM,
        owner=savsjo,
        name="Gjuteri- och husbyggarvägen 2026/27",
        description=(
            "Yrkesutbildning med arbetsplatsförlagt lärande för nyanlända vuxna: gjuteri och "
            "trähusbygge, med en mentor på arbetsplatsen."
        ),
        starts_on=date(2026, 8, 17),
        ends_on=date(2027, 6, 11),
        partners=[foundry, houses, school],
        meeting_cadence_days=14,
        mentor_capacity=2,
        mentor_hours_per_month=8,
        mentor_training_required=True,
    )
    start = date(2026, 8, 24)
    mentor_places = {"johan": moulding, "maria": finishing, "erik": factory, "sara": site_team}
    mentors = {}
    for key, person in MENTORS.items():
        employer = foundry if mentor_places[key].organisation_id == foundry.pk else houses
        user = _user(person)
        membership_create(
            actor=SYSTEM,
            user=user,
            organisation=employer,
            role=Role.MENTOR,
            workplace=mentor_places[key],
        )
        mentors[key] = _enrol(programme, user, "mentor", mentor_places[key], None, start)
        _profile(mentors[key], key, mentor=True)
    adept_places = {
        "amal": moulding,
        "yonas": moulding,
        "olena": factory,
        "farhad": finishing,
        "hodan": factory,
        "maryam": site_team,
        "mohammed": finishing,
    }
    adepts = {}
    for key, person in ADEPTS.items():
        user = _user(person)
        membership_create(actor=SYSTEM, user=user, organisation=savsjo, role=Role.ADEPT)
        adepts[key] = _enrol(programme, user, "adept", adept_places[key], school, start)
        _profile(adepts[key], key, mentor=False)
    pairs = {
        "amal": _pair(programme, mentors["johan"], adepts["amal"], date(2026, 9, 1)),
        "yonas": _pair(programme, mentors["johan"], adepts["yonas"], date(2026, 9, 1)),
        "olena": _pair(programme, mentors["erik"], adepts["olena"], date(2026, 9, 7)),
        "farhad": _pair(programme, mentors["maria"], adepts["farhad"], date(2026, 9, 7)),
    }
    load_mentoring(pairs)
    learning = load_learning_demo(
        programme=programme,
        foundry_workplaces={"moulding": moulding, "finishing": finishing},
        house_workplaces={"factory": factory, "site_team": site_team},
        teacher=teacher,
    )
    load_learning_activity(learning, DemoPeople(teacher=teacher, pairs=pairs))
    load_belonging_demo(programme=programme, shown=moulding, hidden=finishing)
    load_inclusion_demo(pairs=pairs, workplaces={"moulding": moulding, "factory": factory})
    load_training_demo(mentors=mentors, coordinator=coordinator)
    load_figures_demo(
        programme=programme,
        owner=savsjo,
        school=school,
        workplaces=[moulding, finishing, factory, site_team],
        adepts=adepts,
    )
    # Lena handles the programme's concerns (named by the programme owner's coordinator).
    case_handler_add(programme=programme, by=coordinator, user=coordinator)

    # A second municipality's programme: nothing of it may show to Sävsjö's people.
    care_programme = programme_save(
        actor=SYSTEM,
        owner=varnamo,
        name="Vårdvägen Värnamo 2026",
        starts_on=date(2026, 9, 1),
        ends_on=date(2027, 5, 31),
        partners=[care],
    )
    noor = _user(OTHER_ADEPT)
    membership_create(actor=SYSTEM, user=noor, organisation=varnamo, role=Role.ADEPT)
    _enrol(care_programme, noor, "adept", care_home, None, date(2026, 9, 7))
    return True
