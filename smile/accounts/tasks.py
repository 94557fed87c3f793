"""Background work for accounts: e-mails that must not hold up, or be timed from, a request."""

from smile.accounts.forms import LocalisedPasswordResetForm
from smile.core.jobs import retried_task


@retried_task
def send_password_reset_email(email: str, *, domain: str, use_https: bool) -> int:
    """E-mail a reset link to each active account with the address; returns how many were sent.

    Django's form finds the accounts and makes the links; a mail server failure raises, and
    `retried_task` tries again.
    """
    form = LocalisedPasswordResetForm({"email": email})
    if not form.is_valid():
        return 0
    form.save(
        domain_override=domain,
        use_https=use_https,
        subject_template_name="accounts/email/password_reset_subject.txt",
        email_template_name="accounts/email/password_reset.txt",
    )
    return form.sent
