"""Writes for organisations and their workplaces.

Each service asks `smile/organisations/access.py` before it writes (`NotAllowed` otherwise): a new
organisation is registered under one its coordinator coordinates; an organisation and its
workplaces are changed by those who may change the organisation.
"""

from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from smile.core import policies
from smile.core.actor import AnyUser
from smile.core.errors import ApplicationError, NotAllowed
from smile.organisations import access
from smile.organisations.choices import OrganisationKind
from smile.organisations.models import Organisation, Workplace


def _save(obj: Organisation | Workplace, duplicate_message: str) -> None:
    obj.full_clean(validate_unique=False, validate_constraints=False)
    try:
        with transaction.atomic():
            obj.save()
    except IntegrityError:
        raise ApplicationError(duplicate_message, field="name") from None


@transaction.atomic
def organisation_create(
    *,
    actor: AnyUser,
    name: str,
    kind: str,
    organisation_number: str = "",
    city: str = "",
    managed_by: Organisation | None,
) -> Organisation:
    if not access.can_register_organisation(actor, managed_by):
        raise NotAllowed(f"register an organisation under {managed_by}")
    organisation = Organisation(
        name=name.strip(),
        kind=kind,
        organisation_number=organisation_number.strip(),
        city=city.strip(),
        managed_by=managed_by,
    )
    _save(organisation, _("An organisation of this kind with this name already exists."))
    return organisation


@transaction.atomic
def organisation_update(
    *, actor: AnyUser, organisation: Organisation, name: str, organisation_number: str, city: str
) -> Organisation:
    policies.require(actor, policies.CHANGE, organisation)
    organisation.name = name.strip()
    organisation.organisation_number = organisation_number.strip()
    organisation.city = city.strip()
    _save(organisation, _("An organisation of this kind with this name already exists."))
    return organisation


@transaction.atomic
def workplace_save(
    *,
    actor: AnyUser,
    organisation: Organisation,
    workplace: Workplace | None = None,
    name: str,
    street_address: str = "",
    city: str = "",
    trade: str = "",
) -> Workplace:
    policies.require(actor, policies.CHANGE, organisation)
    if workplace is not None:
        policies.require(actor, policies.CHANGE, workplace)
        if workplace.organisation_id != organisation.pk:
            raise ApplicationError(_("The workplace belongs to another organisation."))
    if organisation.kind != OrganisationKind.EMPLOYER:
        raise ApplicationError(_("Only employers have workplaces."))
    workplace = workplace or Workplace(organisation=organisation)
    workplace.name = name.strip()
    workplace.street_address = street_address.strip()
    workplace.city = city.strip()
    workplace.trade = trade.strip()
    _save(workplace, _("This employer already has a workplace with this name."))
    return workplace
