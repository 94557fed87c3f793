"""The errors services raise: a broken business rule, or an action the policy does not allow.

Views catch it and show its message (already translated) beside the form; no request ends in a 500
because a rule was broken.
"""

from django.core.exceptions import PermissionDenied


class ApplicationError(Exception):
    def __init__(self, message: str, *, field: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.field = field


class NotAllowed(PermissionDenied):
    """A service was asked to act for a person its app's policy does not allow.

    Views load what they work on through the same policy (a 404 for anyone else), so this is the
    second line: an import, a job or a future API that forgets to ask still cannot go around the
    rule. Django answers it with the 403 page, never a 500.
    """
