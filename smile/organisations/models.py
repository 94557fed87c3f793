from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from smile.core.models import TimeStamped
from smile.organisations.choices import OrganisationKind, Role


class Organisation(TimeStamped):
    """An employer, an education provider or a programme owner (often a municipality)."""

    name = models.CharField(_("name"), max_length=200)
    kind = models.CharField(_("kind"), max_length=24, choices=OrganisationKind.choices)
    organisation_number = models.CharField(
        _("organisation number"), max_length=11, blank=True, help_text=_("For example 212000-0613")
    )
    city = models.CharField(_("city"), max_length=100, blank=True)
    # The programme owner that registered this organisation; its coordinators may edit it.
    managed_by = models.ForeignKey(
        "self",
        verbose_name=_("managed by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="managed_organisations",
    )

    class Meta:
        ordering = ["name"]
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")
        constraints = [
            models.UniqueConstraint(fields=["name", "kind"], name="organisation_name_kind_unique"),
            models.CheckConstraint(
                condition=models.Q(kind__in=OrganisationKind.values), name="organisation_kind_valid"
            ),
            models.CheckConstraint(
                condition=~models.Q(name=""), name="organisation_name_not_empty"
            ),
        ]

    def __str__(self) -> str:
        return self.name


class Workplace(TimeStamped):
    """A site of an employer where adepts are placed."""

    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("employer"),
        on_delete=models.CASCADE,
        related_name="workplaces",
    )
    name = models.CharField(_("name"), max_length=200)
    street_address = models.CharField(_("street address"), max_length=200, blank=True)
    city = models.CharField(_("city"), max_length=100, blank=True)
    trade = models.CharField(_("trade"), max_length=100, blank=True)

    class Meta:
        ordering = ["organisation__name", "name"]
        verbose_name = _("workplace")
        verbose_name_plural = _("workplaces")
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "name"], name="workplace_name_unique_per_organisation"
            ),
            models.CheckConstraint(condition=~models.Q(name=""), name="workplace_name_not_empty"),
        ]

    def __str__(self) -> str:
        return f"{self.organisation.name} – {self.name}"


class Membership(TimeStamped):
    """A person's role in an organisation, optionally narrowed to one workplace."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="memberships"
    )
    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="memberships"
    )
    role = models.CharField(_("role"), max_length=20, choices=Role.choices)
    # For managers and mentors: the workplace they belong to. A manager without one sees every
    # workplace of the employer.
    workplace = models.ForeignKey(
        Workplace,
        verbose_name=_("workplace"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="memberships",
    )

    class Meta:
        ordering = ["organisation__name", "role"]
        verbose_name = _("membership")
        verbose_name_plural = _("memberships")
        constraints = [
            models.UniqueConstraint(
                fields=["user", "organisation", "role"],
                condition=models.Q(workplace__isnull=True),
                name="membership_unique_without_workplace",
            ),
            models.UniqueConstraint(
                fields=["user", "organisation", "role", "workplace"],
                condition=models.Q(workplace__isnull=False),
                name="membership_unique_with_workplace",
            ),
            models.CheckConstraint(
                condition=models.Q(role__in=Role.values), name="membership_role_valid"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.user} – {self.get_role_display()} – {self.organisation}"
