"""Her own yes or no to being counted by gender in equality statistics."""

from smile.accounts.models import User
from smile.equality.models import StatisticsConsent


def statistics_consent_set(*, user: User, gender_counted: bool) -> StatisticsConsent:
    """Record her answer; a no (or a withdrawn yes) takes effect in the next figures shown."""
    consent, _created = StatisticsConsent.objects.update_or_create(
        user=user, defaults={"gender_counted": gender_counted}
    )
    return consent
