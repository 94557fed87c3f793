"""Demo fair figures for `make run`: the adepts' answers to the statistics question, and a spring
intake of five adepts not yet matched, so that the coordinator's programme has 12 adepts.

By hand: women 6 (amal, olena, hodan, maryam, and two of the intake: all yes) are shown; men 4
(yonas, farhad, and two of the intake: yes) and not stated 2 (mohammed said no; one of the intake
never answered) are too small, and non-binary 0 with them: hidden, 6 together; all 12 shown.
"""

from datetime import date

from smile.accounts.models import User
from smile.accounts.services import membership_create
from smile.core.actor import SYSTEM
from smile.matching.models import MatchingProfile
from smile.organisations.choices import Role
from smile.organisations.models import Organisation, Workplace
from smile.programmes.models import Enrolment, Programme
from smile.programmes.services import enrolment_create

from .services import statistics_consent_set

# The existing adepts' answers (key in the portal demo's ADEPTS): yes or no.
ANSWERS = {
    "amal": True,
    "olena": True,
    "hodan": True,
    "maryam": True,
    "yonas": True,
    "farhad": True,
    "mohammed": False,
}
# The spring intake: email, name, language, gender, answer (None: never answered).
SPRING_INTAKE = [
    ("asli.warsame@elev.example", "Asli Warsame", "so", "woman", True),
    ("rahel.gebru@elev.example", "Rahel Gebru", "ti", "woman", True),
    ("dmytro.bondar@elev.example", "Dmytro Bondar", "uk", "man", True),
    ("karim.nasser@elev.example", "Karim Nasser", "ar", "man", True),
    ("zahra.karimi@elev.example", "Zahra Karimi", "prs", "woman", None),
]
SPRING_STARTS_ON = date(2027, 1, 11)


def load_figures_demo(
    *,
    programme: Programme,
    owner: Organisation,
    school: Organisation,
    workplaces: list[Workplace],
    adepts: dict[str, Enrolment],
) -> None:
    for key, yes in ANSWERS.items():
        if key in adepts:
            statistics_consent_set(user=adepts[key].user, gender_counted=yes)
    for index, (email, name, language, gender, answer) in enumerate(SPRING_INTAKE):
        user = User.objects.filter(email=email).first() or User.objects.create_user(
            email, None, full_name=name, preferred_language=language
        )
        membership_create(actor=SYSTEM, user=user, organisation=owner, role=Role.ADEPT)
        enrolment = enrolment_create(
            actor=SYSTEM,
            programme=programme,
            user=user,
            role="adept",
            workplace=workplaces[index % len(workplaces)],
            education_provider=school,
            starts_on=SPRING_STARTS_ON,
        )
        MatchingProfile.objects.update_or_create(
            enrolment=enrolment,
            defaults={"gender": gender, "languages": [{"code": language, "level": 4}]},
        )
        if answer is not None:
            statistics_consent_set(user=user, gender_counted=answer)
