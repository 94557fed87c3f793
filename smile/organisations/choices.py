from django.db import models
from django.utils.translation import gettext_lazy as _

from smile.core.roles import Role

__all__ = ["ROLES_REQUIRING_SECOND_FACTOR", "ROLE_ORGANISATION_KINDS", "OrganisationKind", "Role"]


class OrganisationKind(models.TextChoices):
    EMPLOYER = "employer", _("Employer")
    EDUCATION_PROVIDER = "education_provider", _("Education provider")
    PROGRAMME_OWNER = "programme_owner", _("Programme owner")


# Roles whose holders see other people's data in bulk: they must use a second factor.
ROLES_REQUIRING_SECOND_FACTOR = frozenset({Role.COORDINATOR, Role.MANAGER, Role.ADMINISTRATOR})

# Which organisation kinds each role can belong to; a database constraint holds the same rule.
ROLE_ORGANISATION_KINDS: dict[str, frozenset[str]] = {
    Role.COORDINATOR: frozenset(
        {OrganisationKind.PROGRAMME_OWNER, OrganisationKind.EDUCATION_PROVIDER}
    ),
    Role.MANAGER: frozenset({OrganisationKind.EMPLOYER}),
    Role.MENTOR: frozenset({OrganisationKind.EMPLOYER}),
    Role.TEACHER: frozenset({OrganisationKind.EDUCATION_PROVIDER}),
    Role.ADEPT: frozenset(
        {
            OrganisationKind.PROGRAMME_OWNER,
            OrganisationKind.EDUCATION_PROVIDER,
            OrganisationKind.EMPLOYER,
        }
    ),
    Role.ADMINISTRATOR: frozenset(
        {
            OrganisationKind.PROGRAMME_OWNER,
            OrganisationKind.EDUCATION_PROVIDER,
            OrganisationKind.EMPLOYER,
        }
    ),
}
