"""Login lock-out by account-and-address pair, and by account when the guesses come from anywhere.

django-axes counts failures for each combination in `AXES_LOCKOUT_PARAMETERS` but compares them
all with one `AXES_FAILURE_LIMIT`. With `"username"` in that list, five wrong passwords from anyone
would lock anyone's account; so the account alone gets its own, higher limit here
(`AXES_ACCOUNT_FAILURE_LIMIT`), and the handler is otherwise axes' own database handler.
"""

from typing import Any

from axes.handlers.database import AxesDatabaseHandler
from axes.helpers import get_failure_limit
from django.conf import settings
from django.db.models import Sum
from django.http import HttpRequest


class AccountLockoutHandler(AxesDatabaseHandler):
    def get_failures(self, request: HttpRequest, credentials: dict[str, Any] | None = None) -> int:
        # One query set per entry of AXES_LOCKOUT_PARAMETERS, in its order: the pair, the account.
        pair, account = (
            attempts.aggregate(total=Sum("failures_since_start"))["total"] or 0
            for attempts in self.get_user_attempts(request, credentials)
        )
        if account >= settings.AXES_ACCOUNT_FAILURE_LIMIT:
            # Reported as the pair's limit, which is what axes compares with.
            return max(pair, get_failure_limit(request, credentials))
        return pair
