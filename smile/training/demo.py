"""Demo data for mentor development: the demo mentors have completed the basic modules (their
profiles already carry a training date), one has shared a reflection."""

from smile.programmes.models import Enrolment
from smile.training.models import Completion, Module, Reflection


def load_training_demo(*, mentors: dict[str, Enrolment]) -> None:
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
