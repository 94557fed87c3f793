"""Words of the trade for the shared cast: a curriculum of the school's with two words, a word at
dana's workplace (Formning), and otto, a mentor at another workplace (Efterbehandling)."""

import io
from dataclasses import dataclass

from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from smile.accounts.models import User
from smile.learning.models import Curriculum, Term
from tests.cast import Cast, add_other_mentor


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


other_mentor = add_other_mentor


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
