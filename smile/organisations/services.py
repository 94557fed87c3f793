"""Writes for organisations and their workplaces."""

from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from smile.core.errors import ApplicationError
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
    name: str,
    kind: str,
    organisation_number: str = "",
    city: str = "",
    managed_by: Organisation | None,
) -> Organisation:
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
    *, organisation: Organisation, name: str, organisation_number: str, city: str
) -> Organisation:
    organisation.name = name.strip()
    organisation.organisation_number = organisation_number.strip()
    organisation.city = city.strip()
    _save(organisation, _("An organisation of this kind with this name already exists."))
    return organisation


@transaction.atomic
def workplace_save(
    *,
    organisation: Organisation,
    workplace: Workplace | None = None,
    name: str,
    street_address: str = "",
    city: str = "",
    trade: str = "",
) -> Workplace:
    if organisation.kind != OrganisationKind.EMPLOYER:
        raise ApplicationError(_("Only employers have workplaces."))
    workplace = workplace or Workplace(organisation=organisation)
    workplace.name = name.strip()
    workplace.street_address = street_address.strip()
    workplace.city = city.strip()
    workplace.trade = trade.strip()
    _save(workplace, _("This employer already has a workplace with this name."))
    return workplace
