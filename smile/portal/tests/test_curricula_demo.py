"""The demo's curricula and workplace tasks load through the services, once."""

import pytest

from smile.accounts.models import User
from smile.learning.demo import LearningDemo, load_learning_demo
from smile.learning.models import Curriculum, Objective, Unit, WorkplaceTask
from smile.organisations.models import Workplace
from smile.portal.demo import TEACHER, load_demo
from smile.programmes.models import Programme


def load() -> LearningDemo:
    def place(name: str) -> Workplace:
        return Workplace.objects.get(name=name)

    return load_learning_demo(
        programme=Programme.objects.get(name="Gjuteri- och husbyggarvägen 2026/27"),
        foundry_workplaces={
            "moulding": place("Formning och gjutning"),
            "finishing": place("Efterbehandling"),
        },
        house_workplaces={
            "factory": place("Husfabriken Vrigstad"),
            "site_team": place("Monteringslaget"),
        },
        teacher=User.objects.get(email=TEACHER.email),
    )


@pytest.mark.django_db
def test_the_demo_has_a_foundry_and_a_timber_house_curriculum_with_tasks() -> None:
    load_demo()
    demo = load()
    assert demo.foundry.name == "Gjuteri – yrkesutbildning"
    assert demo.foundry.organisation.name == "Sävsjö Lärcentrum"
    assert list(demo.foundry.programmes.values_list("name", flat=True)) == [
        "Gjuteri- och husbyggarvägen 2026/27"
    ]
    assert list(Unit.objects.filter(curriculum=demo.house).values_list("name", flat=True)) == [
        "Säkerhet på bygget",
        "Ritningsläsning",
        "Stomresning",
        "Isolering och fukt",
        "Montering av fönster och dörrar",
    ]
    assert Objective.objects.filter(curriculum=demo.foundry).count() == 19
    assert Objective.objects.filter(curriculum=demo.house).count() == 15
    counts = {
        w.name: w.tasks.count() for w in Workplace.objects.filter(tasks__isnull=False).distinct()
    }
    assert counts == {
        "Formning och gjutning": 5,
        "Efterbehandling": 4,
        "Husfabriken Vrigstad": 4,
        "Monteringslaget": 4,
    }
    check = WorkplaceTask.objects.get(title_sv="Kontrollmäta formen före gjutning")
    assert "Skyddsglasögon och hörselskydd" in check.safety_notes
    # The foundry's tasks come in Arabic and Tigrinya too, to be checked by someone who reads them.
    assert WorkplaceTask.objects.values_list("safety_notes_ar", "title_ti").get(pk=check.pk) == (
        "نظارات واقية وواقيات للأذن. لا تقف بجانب الخط عندما يُنقل القالب.",
        "ቅድሚ ምፍሳስ ነቲ ቅርጺ ብመለክዒ ምፍታሽ",
    )
    assert check.languages_to_check == ["ar", "ti"]
    assert not WorkplaceTask.objects.filter(
        workplace__name="Monteringslaget", title_ar__isnull=False
    ).exists()
    assert sorted(check.objectives.values_list("code", flat=True)) == [
        "FRM4",
        "MAT1",
        "MAT3",
        "MAT4",
    ]
    # Every task practises something, and a second load adds nothing.
    assert not WorkplaceTask.objects.filter(objectives__isnull=True).exists()
    load()
    assert Curriculum.objects.count() == 2 and WorkplaceTask.objects.count() == 17
