from django_otp.plugins.otp_totp.models import TOTPDevice

from smile.accounts.models import Invitation, User
from smile.lib.tokens import token_hash
from smile.organisations.access import scope_of
from smile.organisations.choices import ROLES_REQUIRING_SECOND_FACTOR
from smile.organisations.models import Membership


def needs_second_factor(user: User) -> bool:
    if user.is_staff or user.is_superuser:
        return True
    # The memberships the request reads anyway (roles, policies): no query of its own.
    scope = scope_of(user)
    if scope is None:
        return Membership.objects.filter(user=user, role__in=ROLES_REQUIRING_SECOND_FACTOR).exists()
    return any(m.role in ROLES_REQUIRING_SECOND_FACTOR for m in scope.memberships)


def confirmed_totp_device(user: User) -> TOTPDevice | None:
    return TOTPDevice.objects.filter(user=user, confirmed=True).first()


def invitation_by_token(token: str) -> Invitation | None:
    return (
        Invitation.objects.select_related("organisation", "workplace")
        .filter(token_hash=token_hash(token))
        .first()
    )
