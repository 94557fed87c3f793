"""Words of the trade for the shared cast: a curriculum of the school's with two words, a word at
dana's workplace (Formning), and otto, a mentor at another workplace (Efterbehandling)."""

import io
from dataclasses import dataclass
from datetime import date

from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from smile.accounts.models import User
from smile.accounts.services import membership_create
from smile.core.tests.cast import Cast, make_user
from smile.learning.models import Curriculum, Term
from smile.matching.models import Pair, PairStatus
from smile.organisations.choices import Role
from smile.programmes.services import enrolment_create


@dataclass
class Words:
    curriculum: Curriculum
    mould: Term  # curriculum
    sand: Term  # curriculum
    goggles: Term  # at Formning, dana's workplace
    otto: User  # mentor at Efterbehandling, paired with erin


def png(name: str = "picture.png", size: tuple[int, int] = (40, 30)) -> SimpleUploadedFile:
    buffer = io.BytesIO()
    Image.new("RGB", size, (200, 80, 20)).save(buffer, "PNG")
    return SimpleUploadedFile(name, buffer.getvalue(), content_type="image/png")


def other_mentor(cast: Cast) -> User:
    user = make_user("otto@gjuteri.example", "Otto Olsson")
    membership_create(
        user=user, organisation=cast.foundry, role=Role.MENTOR, workplace=cast.finishing
    )
    enrolment = enrolment_create(
        programme=cast.programme,
        user=user,
        role="mentor",
        workplace=cast.finishing,
        starts_on=date(2026, 8, 10),
    )
    Pair.objects.create(
        programme=cast.programme,
        mentor=enrolment,
        adept=cast.erin_enrolment,
        status=PairStatus.ACTIVE,
        started_on=date(2026, 8, 20),
    )
    return user


def build_words(cast: Cast) -> Words:
    curriculum = Curriculum.objects.create(
        organisation=cast.school, name="Gjuteri grund", trade="Gjuteri"
    )
    curriculum.programmes.add(cast.programme)
    mould = Term.objects.create(
        curriculum=curriculum,
        swedish="gjutform",
        explanation="Formen som metallen hälls i.",
        translations={"ar": "قالب الصب", "en": "casting mould"},
    )
    sand = Term.objects.create(
        curriculum=curriculum,
        swedish="formsand",
        explanation="Sand som formen görs av.",
        translations={"ar": "رمل القوالب", "uk": "формувальний пісок"},
    )
    goggles = Term.objects.create(
        workplace=cast.moulding,
        swedish="skyddsglasögon",
        explanation="Glasögon som skyddar ögonen.",
        translations={"ar": "نظارات واقية"},
    )
    return Words(
        curriculum=curriculum, mould=mould, sand=sand, goggles=goggles, otto=other_mentor(cast)
    )
