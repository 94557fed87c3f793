"""Three-party reviews: plan, hold, sign.

Her teacher, her mentor or the programme's coordinator plans a review with an agenda drawn from
her learning plan; the adept, mentor and teacher are told. Any of the three writes down what was
said and the next steps (the review is then held); each of the three signs once, and when all
three have signed, the review is a record that nothing changes any more.
"""

from collections.abc import Mapping
from datetime import UTC, datetime, timedelta

from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from smile.accounts.models import User
from smile.core.errors import ApplicationError
from smile.learning import access, content
from smile.learning.models import Review, ReviewSignature, ReviewStatus, SignerRole
from smile.matching.models import LIVE_PAIR_STATUSES, Pair
from smile.notifications.models import Kind
from smile.notifications.services import finish, notify, subject_key
from smile.organisations.choices import Role
from smile.organisations.models import Membership
from smile.programmes.models import Enrolment

SCHEDULERS = access.REVIEW_SCHEDULERS
PARTIES = access.REVIEW_PARTIES
SIGNING_ORDER = (SignerRole.ADEPT, SignerRole.MENTOR, SignerRole.TEACHER)
MAX_AHEAD = timedelta(days=366)


def _clean(obj: Review | ReviewSignature) -> None:
    try:
        obj.full_clean()
    except ValidationError as error:
        field, messages = next(iter(error.message_dict.items()))
        raise ApplicationError(messages[0], field=field) from None


def _check_time(scheduled_for: datetime) -> None:
    """Today or later (a review planned this morning may be written down this afternoon)."""
    today = timezone.localdate()
    if timezone.localdate(scheduled_for) < today:
        raise ApplicationError(_("Please choose today or a later day."), field="scheduled_for")
    if scheduled_for > timezone.now() + MAX_AHEAD:
        raise ApplicationError(
            _("Please choose a time within the next year."), field="scheduled_for"
        )


def parties(enrolment: Enrolment) -> list[User]:
    """The adept, her live mentor(s) and her teacher(s): the teacher who signed her plan last,
    or else every teacher of her school."""
    from smile.learning.models import PlanSignature

    people = [enrolment.user]
    pairs = Pair.objects.filter(adept=enrolment, status__in=LIVE_PAIR_STATUSES)
    people += list(User.objects.filter(pk__in=pairs.values("mentor__user")).order_by("pk"))
    signer = (
        PlanSignature.objects.filter(plan__enrolment=enrolment, role=SignerRole.TEACHER)
        .order_by("-signed_at")
        .select_related("user")
        .first()
    )
    if signer is not None:
        people.append(signer.user)
    elif enrolment.education_provider_id is not None:
        teachers = Membership.objects.filter(
            organisation_id=enrolment.education_provider_id, role=Role.TEACHER
        ).values("user")
        people += list(User.objects.filter(pk__in=teachers).order_by("pk"))
    seen: set[int] = set()
    unique = []
    for person in people:
        if person.pk not in seen and person.is_active:
            seen.add(person.pk)
            unique.append(person)
    return unique


@transaction.atomic
def review_schedule(
    *,
    enrolment: Enrolment,
    by: User,
    scheduled_for: datetime,
    place: str,
    agenda: str = "",
) -> Review:
    """Her teacher, mentor or coordinator plans a review; the others of the three are told."""
    if not access.learning_roles(by, enrolment) & SCHEDULERS:
        raise ApplicationError(
            _("Only her teacher, her mentor or the coordinator can plan a review.")
        )
    _check_time(scheduled_for)
    review = Review(
        enrolment=enrolment,
        scheduled_for=scheduled_for,
        place=place.strip(),
        agenda=agenda.strip(),
        status=ReviewStatus.PLANNED,
        created_by=by,
    )
    _clean(review)
    review.save()
    url = reverse("learning:review", args=[review.pk])
    params = {"starts_at": scheduled_for.astimezone(UTC).isoformat(), "place": review.place}
    for person in parties(enrolment):
        if person.pk != by.pk:
            notify(
                recipient=person,
                kind=Kind.REVIEW_PLANNED,
                params=params,
                url=url,
                subject=subject_key(review, "sign"),  # done for her when she has signed
            )
    return review


def _locked(review: Review) -> Review:
    return (
        Review.objects.select_for_update(of=("self",))
        .select_related("enrolment__user")
        .get(pk=review.pk)
    )


def _check_not_signed(review: Review) -> None:
    if review.status == ReviewStatus.SIGNED:
        raise ApplicationError(_("This review is signed by all three. It cannot be changed."))


@transaction.atomic
def review_hold(
    *,
    review: Review,
    by: User,
    notes: str,
    next_steps: str,
    translations: Mapping[str, str | None] | None = None,
) -> Review:
    """Any of the three writes down what was said and the next steps: the review is held.

    The next steps are in Swedish, and may have a version in the adept's language too
    (`translations`, such as {"next_steps_ar": ...}; left out: kept as they are). Written down
    again before all three signed, the earlier signatures are taken away: they signed other
    words."""
    review = _locked(review)
    _check_not_signed(review)
    if not access.learning_roles(by, review.enrolment) & PARTIES:
        raise ApplicationError(_("Only the adept, her mentor or her teacher can do this."))
    if timezone.localdate(review.scheduled_for) > timezone.localdate():
        raise ApplicationError(_("The review is planned for a later day."))
    notes, next_steps = notes.strip(), next_steps.strip()
    if not notes:
        raise ApplicationError(_("Please write what you talked about."), field="notes")
    if not next_steps:
        raise ApplicationError(_("Please write the next steps you agreed."), field="next_steps")
    before = _written(review)
    review.notes = notes
    content.set_versions(review, {"next_steps": next_steps}, translations)
    if _written(review) != before:
        review.signatures.all().delete()
    review.status = ReviewStatus.HELD
    review.held_at = review.held_at or timezone.now()
    with translation.override(content.SOURCE):
        _clean(review)
    content.save_in_source(review)
    return review


def _written(review: Review) -> tuple[str, ...]:
    """What the three sign: the notes and every version of the next steps."""
    versions = (content.version(review, "next_steps", code) for code in content.codes())
    return (review.notes, *versions)


def roles_to_sign(review: Review, signed: set[str], roles: set[str]) -> list[str]:
    """The roles in which a person may still sign (`signed`: roles already signed; `roles`:
    her learning roles for the adept)."""
    if review.status != ReviewStatus.HELD:
        return []
    return [role for role in SIGNING_ORDER if role in roles and role not in signed]


@transaction.atomic
def review_sign(*, review: Review, by: User) -> ReviewSignature:
    """The adept, her live mentor and a teacher of her school sign, one each; the third
    signature makes the review signed."""
    review = _locked(review)
    _check_not_signed(review)
    if review.status != ReviewStatus.HELD:
        raise ApplicationError(_("Write down the review first. Then the three can sign."))
    existing = list(review.signatures.all())
    if any(signature.user_id == by.pk for signature in existing):
        raise ApplicationError(_("You have already signed this review."))
    roles = roles_to_sign(
        review,
        {signature.role for signature in existing},
        access.learning_roles(by, review.enrolment),
    )
    if not roles:
        raise ApplicationError(
            _("Only the adept, her mentor and her teacher sign, one each. This one is signed.")
        )
    signature = ReviewSignature(review=review, role=roles[0], user=by)
    _clean(signature)
    signature.save()
    finish(subject=subject_key(review, "sign"), recipient=by)
    if len(existing) + 1 == len(SIGNING_ORDER):
        review.status = ReviewStatus.SIGNED
        _clean(review)
        review.save(update_fields=["status", "updated_at"])
        finish(subject=subject_key(review, "sign"))  # signed by all three: done for everyone
    return signature
