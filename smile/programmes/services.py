"""Writes for programmes and enrolments.

Each service asks `smile/programmes/access.py` before it writes (`NotAllowed` otherwise): a
programme is made for an organisation its coordinator coordinates ("own_programmes"), with partners
she can see, and changed, with its enrolments, by the programme's coordinators ("change").
"""

from collections.abc import Iterable
from datetime import date

from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from smile.accounts.models import User
from smile.core import dates, policies
from smile.core.actor import AnyUser
from smile.core.errors import ApplicationError, NotAllowed
from smile.organisations.choices import OrganisationKind
from smile.organisations.models import Organisation, Workplace
from smile.programmes import placement
from smile.programmes.models import Enrolment, EnrolmentRole, EnrolmentStatus, Programme

PROGRAMME_SETTINGS = (
    "meeting_cadence_days",
    "mentor_capacity",
    "mentor_hours_per_month",
    "mentor_training_required",
)


@transaction.atomic
def programme_save(
    *,
    actor: AnyUser,
    programme: Programme | None = None,
    owner: Organisation,
    name: str,
    description: str = "",
    starts_on: date,
    ends_on: date,
    partners: Iterable[Organisation] = (),
    meeting_cadence_days: int = 14,
    mentor_capacity: int = 2,
    mentor_hours_per_month: int = 8,
    mentor_training_required: bool = True,
) -> Programme:
    if programme is not None:
        policies.require(actor, policies.CHANGE, programme)
    policies.require(actor, "own_programmes", owner)
    partners = list(partners)
    seen = policies.allowed(actor, Organisation).filter(pk__in=[p.pk for p in partners])
    if seen.count() != len({p.pk for p in partners}):
        raise NotAllowed("take as partners organisations the person does not see")
    if owner.kind not in (OrganisationKind.PROGRAMME_OWNER, OrganisationKind.EDUCATION_PROVIDER):
        raise ApplicationError(_("A programme is owned by a programme owner or a school."))
    if ends_on < starts_on:
        raise ApplicationError(
            _("The end date must be on or after the start date."), field="ends_on"
        )
    programme = programme or Programme()
    programme.owner = owner
    programme.name = name.strip()
    programme.description = description.strip()
    programme.starts_on = starts_on
    programme.ends_on = ends_on
    programme.meeting_cadence_days = meeting_cadence_days
    programme.mentor_capacity = mentor_capacity
    programme.mentor_hours_per_month = mentor_hours_per_month
    programme.mentor_training_required = mentor_training_required
    programme.full_clean()
    programme.save()
    if programme.pk:
        placed = set(
            programme.enrolments.values_list("workplace__organisation_id", flat=True).distinct()
        )
        missing = placed - {p.pk for p in partners}
        if missing:
            raise ApplicationError(
                _("An employer with people placed in the programme cannot be removed."),
                field="partners",
            )
    programme.partners.set(partners)
    return programme


def _check_enrolment(
    *,
    programme: Programme,
    user: User,
    role: str,
    workplace: Workplace,
    education_provider: Organisation | None,
    starts_on: date,
    ends_on: date | None,
) -> None:
    partner_ids = set(programme.partners.values_list("pk", flat=True))
    if workplace.organisation_id not in partner_ids:
        raise ApplicationError(
            _("The workplace must belong to an employer that is a partner in the programme."),
            field="workplace",
        )
    if education_provider is not None and (
        education_provider.kind != OrganisationKind.EDUCATION_PROVIDER
        or education_provider.pk not in partner_ids | {programme.owner_id}
    ):
        raise ApplicationError(
            _("The school must be an education provider in the programme."),
            field="education_provider",
        )
    if role == EnrolmentRole.MENTOR and education_provider is not None:
        raise ApplicationError(_("Only adepts have a school."), field="education_provider")
    if starts_on < programme.starts_on or starts_on > programme.ends_on:
        raise ApplicationError(
            _("The start date must be within the programme's period (%(start)s – %(end)s).")
            % {
                "start": dates.day(programme.starts_on),
                "end": dates.day(programme.ends_on),
            },
            field="starts_on",
        )
    if ends_on is not None and ends_on < starts_on:
        raise ApplicationError(
            _("The end date must be on or after the start date."), field="ends_on"
        )
    if not user.is_active:
        raise ApplicationError(_("This person's account is closed."), field="user")


def _check_placement(programme: Programme, workplace: Workplace) -> None:
    """An adept's placement at a workplace passes the checks of the domains above (a signed
    management commitment, say): a blocking note refuses it."""
    for note in placement.checks(programme, workplace):
        if note.blocking:
            raise ApplicationError(note.message, field="workplace")


@transaction.atomic
def enrolment_create(
    *,
    actor: AnyUser,
    programme: Programme,
    user: User,
    role: str,
    workplace: Workplace,
    education_provider: Organisation | None = None,
    starts_on: date,
    ends_on: date | None = None,
) -> Enrolment:
    policies.require(actor, policies.CHANGE, programme)
    _check_enrolment(
        programme=programme,
        user=user,
        role=role,
        workplace=workplace,
        education_provider=education_provider,
        starts_on=starts_on,
        ends_on=ends_on,
    )
    if role == EnrolmentRole.ADEPT:
        _check_placement(programme, workplace)
    enrolment = Enrolment(
        programme=programme,
        user=user,
        role=role,
        workplace=workplace,
        education_provider=education_provider,
        starts_on=starts_on,
        ends_on=ends_on,
    )
    enrolment.full_clean(validate_unique=False, validate_constraints=False)
    try:
        with transaction.atomic():
            enrolment.save()
    except IntegrityError:
        raise ApplicationError(
            _("This person is already enrolled in the programme in this role."), field="user"
        ) from None
    return enrolment


@transaction.atomic
def enrolment_update(
    *,
    actor: AnyUser,
    enrolment: Enrolment,
    workplace: Workplace,
    education_provider: Organisation | None,
    starts_on: date,
    ends_on: date | None,
    status: str,
) -> Enrolment:
    policies.require(actor, policies.CHANGE, enrolment)
    _check_enrolment(
        programme=enrolment.programme,
        user=enrolment.user,
        role=enrolment.role,
        workplace=workplace,
        education_provider=education_provider,
        starts_on=starts_on,
        ends_on=ends_on,
    )
    if status != EnrolmentStatus.ACTIVE and ends_on is None:
        raise ApplicationError(
            _("Give the end date when the enrolment has ended."), field="ends_on"
        )
    # A move to another workplace is a new placement. The stored workplace is read afresh: a
    # model form has already put the new one on the object.
    placed_at = Enrolment.objects.filter(pk=enrolment.pk).values_list("workplace_id", flat=True)
    if enrolment.role == EnrolmentRole.ADEPT and workplace.pk not in placed_at:
        _check_placement(enrolment.programme, workplace)
    enrolment.workplace = workplace
    enrolment.education_provider = education_provider
    enrolment.starts_on = starts_on
    enrolment.ends_on = ends_on
    enrolment.status = status
    enrolment.full_clean(validate_unique=False, validate_constraints=False)
    enrolment.save()
    return enrolment
