"""Matching profiles for the shared cast, and one more mentor: Johan, who speaks only Finnish."""

from dataclasses import dataclass
from datetime import date

from smile.core.actor import SYSTEM
from smile.matching.models import MatchingProfile
from smile.programmes.models import Enrolment
from smile.programmes.services import enrolment_create
from tests.cast import Cast, make_user

TRAINED = date(2026, 6, 1)


@dataclass
class Profiles:
    johan: Enrolment


def give_profiles(cast: Cast, *, bob_capacity: int = 2) -> Profiles:
    MatchingProfile.objects.create(
        enrolment=cast.bob_enrolment,
        languages=[{"code": "sv", "level": 4}, {"code": "ar", "level": 2}],
        trade="Gjuteri",
        skills=["formning", "svetsning"],
        shifts=["day"],
        interests=["fotboll"],
        gender="man",
        capacity=bob_capacity,
        training_completed_on=TRAINED,
    )
    MatchingProfile.objects.create(
        enrolment=cast.dana_enrolment, languages=[{"code": "ar", "level": 4}], trade="Gjuteri"
    )
    MatchingProfile.objects.create(
        enrolment=cast.erin_enrolment,
        languages=[{"code": "sv", "level": 4}],
        trade="Gjuteri",
        skills=["formning"],
        shifts=["day"],
        interests=["fotboll", "musik"],
    )
    johan_user = make_user("johan@gjuteri.example", "Johan Lindqvist")
    johan = enrolment_create(
        actor=SYSTEM,
        programme=cast.programme,
        user=johan_user,
        role="mentor",
        workplace=cast.finishing,
        starts_on=date(2026, 8, 10),
    )
    MatchingProfile.objects.create(
        enrolment=johan,
        languages=[{"code": "fi", "level": 4}],
        trade="Gjuteri",
        capacity=2,
        training_completed_on=TRAINED,
    )
    return Profiles(johan=johan)


def add_adept(cast: Cast, i: int, *, language: str = "sv") -> Enrolment:
    user = make_user(f"adept{i}@elev.example", f"Adept {i:02d}")
    enrolment = enrolment_create(
        actor=SYSTEM,
        programme=cast.programme,
        user=user,
        role="adept",
        workplace=cast.moulding,
        education_provider=cast.school,
        starts_on=date(2026, 8, 10),
    )
    MatchingProfile.objects.create(enrolment=enrolment, languages=[{"code": language, "level": 3}])
    return enrolment
