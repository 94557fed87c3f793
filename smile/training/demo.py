"""Demo data for mentor development: the demo mentors have completed the basic modules (their
profiles already carry a training date), one has shared a reflection; Johan has rated himself
once and set a goal, the coordinator has given her view of him, and the programme has a mentor
network meeting in two weeks."""

from datetime import datetime, time, timedelta

from django.utils import timezone

from smile.accounts.models import User
from smile.mentoring.models import Dimension
from smile.programmes.models import Enrolment
from smile.training import services
from smile.training.models import (
    Completion,
    CoordinatorView,
    DevelopmentGoal,
    Module,
    NetworkMeeting,
    Reflection,
    SelfRating,
)


def load_training_demo(*, mentors: dict[str, Enrolment], coordinator: User) -> None:
    basic = list(Module.objects.filter(basic=True))
    for key, enrolment in mentors.items():
        done = basic if key != "sara" else basic[:2]
        for module in done:
            Completion.objects.get_or_create(
                module=module, user=enrolment.user, defaults={"completed_on": enrolment.starts_on}
            )
            for index, _question in enumerate(module.questions):
                Reflection.objects.get_or_create(
                    module=module,
                    user=enrolment.user,
                    question=index,
                    defaults={
                        "answer": "Jag visar och förklarar varför vi gör så här.",
                        "shared": key == "johan" and index == 0,
                    },
                )
    johan = mentors.get("johan")
    if johan is None:
        return
    SelfRating.objects.get_or_create(
        user=johan.user,
        rated_on=johan.starts_on,
        defaults={"inclusion": 3, "learning": 4, "equality": 2, "support": 3},
    )
    DevelopmentGoal.objects.get_or_create(
        user=johan.user,
        dimension=Dimension.EQUALITY,
        defaults={
            "text": "Lära mig mer om diskrimineringsgrunderna och säga ifrån när det behövs."
        },
    )
    day = timezone.localdate() + timedelta(days=14)
    NetworkMeeting.objects.get_or_create(
        programme=johan.programme,
        agenda="Erfarenheter från de första månaderna. Hur ger vi stöd på enkel svenska?",
        defaults={
            "starts_at": timezone.make_aware(datetime.combine(day, time(14, 0))),
            "place": "Kommunhuset, sal 2",
            "themes": [Dimension.INCLUSION.value, Dimension.LEARNING.value],
        },
    )
    if not CoordinatorView.objects.filter(enrolment=johan).exists():
        services.coordinator_view_give(
            actor=coordinator,
            enrolment=johan,
            ratings={"inclusion": 4, "learning": 4, "equality": 3, "support": 3},
            comment="Johan ger sina adepter tid och förklarar varför. Prata mer om likabehandling.",
        )
