"""Writes for people and their accounts."""

import base64
import hashlib
from datetime import timedelta

from django.conf import settings
from django.core.cache import cache
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django_otp.plugins.otp_totp.models import TOTPDevice

from smile.accounts.models import Invitation, User
from smile.core import policies
from smile.core.actor import SYSTEM, AnyUser
from smile.core.errors import ApplicationError
from smile.lib.tokens import new_token, token_hash
from smile.organisations.choices import ROLE_ORGANISATION_KINDS
from smile.organisations.models import Membership, Organisation, Workplace


def user_update_profile(*, user: User, full_name: str, preferred_language: str) -> User:
    user.full_name = full_name.strip()
    user.preferred_language = preferred_language
    user.full_clean(exclude=["password"])
    user.save(update_fields=["full_name", "preferred_language"])
    return user


def user_set_language(*, user: User, language: str) -> None:
    if language not in dict(settings.LANGUAGES):
        raise ApplicationError(_("That language is not available."))
    User.objects.filter(pk=user.pk).update(preferred_language=language)
    user.preferred_language = language


@transaction.atomic
def membership_create(
    *,
    actor: AnyUser,
    user: User,
    organisation: Organisation,
    role: str,
    workplace: Workplace | None = None,
) -> Membership:
    """Give the person a role in the organisation: its coordinators do (or the installation, for
    an invitation it has checked)."""
    policies.require(actor, policies.CHANGE, organisation)
    if organisation.kind not in ROLE_ORGANISATION_KINDS[role]:
        raise ApplicationError(
            _("This role cannot be given in this kind of organisation."), field="role"
        )
    if workplace is not None and workplace.organisation_id != organisation.pk:
        raise ApplicationError(
            _("The workplace belongs to another organisation."), field="workplace"
        )
    membership, _created = Membership.objects.get_or_create(
        user=user, organisation=organisation, role=role, workplace=workplace
    )
    return membership


# --- invitations -----------------------------------------------------------------------------


def _send_invitation(invitation: Invitation, token: str, base_url: str) -> None:
    link = base_url.rstrip("/") + reverse("accounts:invitation-accept", args=[token])
    with translation.override(invitation.language):
        context = {"invitation": invitation, "link": link}
        subject = _("You are invited to SMILE")
        body = render_to_string("accounts/email/invitation.txt", context)
    send_mail(subject, body, None, [invitation.email])


@transaction.atomic
def invitation_create(
    *,
    invited_by: User,
    email: str,
    full_name: str,
    organisation: Organisation,
    role: str,
    workplace: Workplace | None,
    language: str,
    base_url: str,
) -> Invitation:
    """Invite a person to a role in the organisation: its coordinators do."""
    policies.require(invited_by, policies.CHANGE, organisation)
    if organisation.kind not in ROLE_ORGANISATION_KINDS[role]:
        raise ApplicationError(
            _("This role cannot be given in this kind of organisation."), field="role"
        )
    if workplace is not None and workplace.organisation_id != organisation.pk:
        raise ApplicationError(
            _("The workplace belongs to another organisation."), field="workplace"
        )
    token = new_token()
    invitation = Invitation(
        email=email.strip().lower(),
        full_name=full_name.strip(),
        organisation=organisation,
        role=role,
        workplace=workplace,
        language=language,
        token_hash=token_hash(token),
        invited_by=invited_by,
        expires_at=timezone.now() + timedelta(days=settings.INVITATION_VALID_DAYS),
    )
    invitation.full_clean()
    invitation.save()
    transaction.on_commit(lambda: _send_invitation(invitation, token, base_url))
    return invitation


class InvitationUsed(ApplicationError):
    """The invitation has been accepted already (perhaps a moment ago, in another request)."""

    def __init__(self) -> None:
        super().__init__(_("This invitation has already been used. Log in instead."))


def invitation_check(invitation: Invitation | None) -> Invitation:
    if invitation is None:
        raise ApplicationError(_("This invitation link is not valid."))
    if invitation.accepted_at is not None:
        raise InvitationUsed()
    if invitation.is_expired:
        raise ApplicationError(
            _("This invitation has expired. Ask your coordinator to send a new one.")
        )
    return invitation


@transaction.atomic
def invitation_accept(
    *, invitation: Invitation | None, full_name: str, password: str, existing_user: User | None
) -> User:
    """Create the account (or use the logged-in one) and give it the invited role.

    Two acceptances at the same moment (a double click, two tabs): the first takes the invitation
    with a compare-and-set update, the transaction's first statement, so the other waits for the
    row lock (PostgreSQL) or the write lock (SQLite) and then finds it taken: InvitationUsed.
    Nothing is read before that update, so SQLite never has to upgrade a read to a write (which
    fails at once with "database is locked").
    """
    invitation = invitation_check(invitation)
    if existing_user is not None and existing_user.email.lower() != invitation.email.lower():
        raise ApplicationError(_("This invitation was sent to another e-mail address."))
    now = timezone.now()
    taken = Invitation.objects.filter(
        pk=invitation.pk, accepted_at__isnull=True, expires_at__gt=now
    ).update(accepted_at=now, updated_at=now)
    if not taken:
        # Taken or expired a moment ago: the check says which.
        invitation_check(Invitation.objects.filter(pk=invitation.pk).first())
        raise InvitationUsed()
    if existing_user is not None:
        user = existing_user
    else:
        if User.objects.filter(email__iexact=invitation.email).exists():
            raise ApplicationError(
                _("An account with this e-mail address already exists. Log in to accept.")
            )
        try:
            with transaction.atomic():
                user = User.objects.create_user(
                    invitation.email,
                    password,
                    full_name=full_name.strip() or invitation.full_name,
                    preferred_language=invitation.language,
                )
        except IntegrityError:
            raise ApplicationError(
                _("An account with this e-mail address already exists. Log in to accept.")
            ) from None
    membership_create(
        actor=SYSTEM,
        user=user,
        organisation=invitation.organisation,
        role=invitation.role,
        workplace=invitation.workplace,
    )
    Invitation.objects.filter(pk=invitation.pk).update(accepted_by=user)
    invitation.accepted_at = now
    invitation.accepted_by = user
    return user


# --- password reset --------------------------------------------------------------------------


def count_within_limit(
    kind: str,
    value: str,
    limit: int,
    *,
    purpose: str = "password-reset",
    window: int | None = None,
) -> bool:
    """Count one more request in the current fixed window; False once the limit is passed.

    Django's cache is the counter: the database cache table that every gunicorn worker shares
    (settings.CACHES); the value is hashed, so no address is kept in the cache. `purpose` keeps
    the counters of different limits apart (other apps limit their own requests with it);
    `window` is in seconds (the password-reset window when not given).
    """
    window = window or settings.PASSWORD_RESET_LIMIT_WINDOW
    number = int(timezone.now().timestamp()) // window
    digest = hashlib.sha256(value.encode()).hexdigest()
    key = f"{purpose}:{kind}:{number}:{digest}"
    cache.add(key, 0, timeout=window)
    try:
        count = cache.incr(key)
    except ValueError:  # the window ran out between the two calls
        cache.add(key, 1, timeout=window)
        count = 1
    return count <= limit


def password_reset_request(*, email: str, client: str, domain: str, use_https: bool) -> bool:
    """Have the worker e-mail a reset link to the address, unless it or the client asked too often.

    The caller answers the same whatever this returns: whether an address has an account, or has
    been limited, is not shown to the person who asks. Returns whether a job was enqueued.
    """
    if not count_within_limit("client", client, settings.PASSWORD_RESET_LIMIT_PER_CLIENT):
        return False
    address = email.strip().lower()
    if not count_within_limit("address", address, settings.PASSWORD_RESET_LIMIT_PER_ADDRESS):
        return False
    from smile.accounts.tasks import send_password_reset_email

    # The job's row is the only write: it commits with the request, no on_commit needed.
    send_password_reset_email.enqueue(address, domain=domain, use_https=use_https)
    return True


# --- second factor ---------------------------------------------------------------------------


def totp_device_start(*, user: User) -> TOTPDevice:
    """The unconfirmed device whose secret the person is about to put in an authenticator app."""
    device = TOTPDevice.objects.filter(user=user, confirmed=False).first()
    if device is None:
        device = TOTPDevice.objects.create(user=user, name="SMILE", confirmed=False)
    return device


def totp_device_confirm(*, device: TOTPDevice, token: str) -> TOTPDevice:
    if not device.verify_token(token.strip().replace(" ", "")):
        raise ApplicationError(
            _("The code is wrong or too old. Try the newest code."), field="token"
        )
    device.confirmed = True
    device.save(update_fields=["confirmed"])
    TOTPDevice.objects.filter(user=device.user, confirmed=False).delete()
    return device


def totp_secret_base32(device: TOTPDevice) -> str:
    return base64.b32encode(device.bin_key).decode()
