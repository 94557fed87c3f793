"""The one error that services raise for a broken business rule.

Views catch it and show its message (already translated) beside the form; no request ends in a 500
because a rule was broken.
"""


class ApplicationError(Exception):
    def __init__(self, message: str, *, field: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.field = field
