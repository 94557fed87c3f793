"""Writes for mentor development: answering a module's reflections and completing it, which,
once every basic module is done, makes the mentor matchable."""

from datetime import date

from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from smile.accounts.models import User
from smile.core import policies
from smile.core.errors import ApplicationError, NotAllowed
from smile.matching.models import MatchingProfile
from smile.notifications.models import Kind, Notification
from smile.notifications.services import Notice, finish, notify_many, subject_key
from smile.programmes.models import Enrolment, EnrolmentRole, EnrolmentStatus
from smile.training import access
from smile.training.models import Completion, Module, Reflection

MAX_ANSWER = 3000


@transaction.atomic
def module_complete(
    *, actor: User, module: Module, answers: list[str], shared: list[bool] | None = None
) -> Completion:
    """Save her answers and mark the module complete. Every question needs an answer: the
    reflection is the point of the module, a visit alone teaches little."""
    if not access.is_mentor(actor) or not policies.can_view(actor, module):
        raise NotAllowed(f"complete module {module.pk}")
    questions = module.question_texts()
    shared = shared or [False] * len(questions)
    if len(answers) != len(questions):
        raise ApplicationError(_("Answer every question."), field="answer_1")
    for row, answer in enumerate(answers, start=1):
        text = answer.strip()
        if not text:
            raise ApplicationError(_("Answer every question."), field=f"answer_{row}")
        if len(text) > MAX_ANSWER:
            raise ApplicationError(
                _("An answer can be at most %(count)d characters.") % {"count": MAX_ANSWER},
                field=f"answer_{row}",
            )
    for index, answer in enumerate(answers):
        Reflection.objects.update_or_create(
            module=module,
            user=actor,
            question=index,
            defaults={"answer": answer.strip(), "shared": bool(shared[index])},
        )
    completion, _created = Completion.objects.get_or_create(
        module=module, user=actor, defaults={"completed_on": timezone.localdate()}
    )
    if basic_modules_done(user=actor):
        _mark_trained(user=actor, on=completion.completed_on)
        finish(subject=[subject_key(e, REQUIRED) for e in _mentor_enrolments(actor)])
    return completion


def basic_modules_done(*, user: User) -> bool:
    basic = Module.objects.filter(basic=True)
    return not basic.exclude(completions__user=user).exists()


REQUIRED = "basic_modules"


def _mentor_enrolments(user: User) -> list[Enrolment]:
    return list(
        Enrolment.objects.filter(
            user=user, role=EnrolmentRole.MENTOR, status=EnrolmentStatus.ACTIVE
        )
    )


@transaction.atomic
def modules_required_notify() -> int:
    """Ask each active mentor in a programme that requires the basic modules, who has not
    completed them, to do so: once per enrolment (an open or finished notice is not repeated).
    Finished when she completes the last basic module. A fixed number of queries."""
    basic = set(Module.objects.filter(basic=True).values_list("pk", flat=True))
    if not basic:
        return 0
    enrolments = list(
        Enrolment.objects.filter(
            role=EnrolmentRole.MENTOR,
            status=EnrolmentStatus.ACTIVE,
            programme__mentor_training_required=True,
        ).select_related("programme")
    )
    done: dict[int, set[int]] = {}
    for user_id, module_id in Completion.objects.filter(
        user_id__in={e.user_id for e in enrolments}, module_id__in=basic
    ).values_list("user_id", "module_id"):
        done.setdefault(user_id, set()).add(module_id)
    keys = {e.pk: subject_key(e, REQUIRED) for e in enrolments}
    sent = set(
        Notification.objects.filter(subject__in=keys.values()).values_list("subject", flat=True)
    )
    url = reverse("training:mine")
    notices = [
        Notice(
            recipient_id=e.user_id,
            kind=Kind.MENTOR_DEVELOPMENT,
            params={
                "event": "modules_required",
                "count": len(basic - done.get(e.user_id, set())),
                "programme": e.programme.name,
            },
            url=url,
            subject=keys[e.pk],
        )
        for e in enrolments
        if basic - done.get(e.user_id, set()) and keys[e.pk] not in sent
    ]
    return len(notify_many(notices=notices))


def _mark_trained(*, user: User, on: date) -> None:
    """Set the training date on her mentor enrolments' matching profiles where none is set.

    `matching.profiles.matching_profile_save` keeps the training date for the coordinator to
    type; here the date is earned by completing the basic modules, so training writes it
    itself (it sits above matching), without touching a date the coordinator already gave.
    """
    for enrolment in _mentor_enrolments(user):
        profile, _created = MatchingProfile.objects.select_for_update().get_or_create(
            enrolment=enrolment
        )
        if profile.training_completed_on is None:
            profile.training_completed_on = on
            profile.save(update_fields=["training_completed_on", "updated_at"])
