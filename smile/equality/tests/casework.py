"""What the equality tests do over and over: report a concern as Dana."""

from dataclasses import dataclass

from smile.accounts.models import User
from smile.equality import services
from smile.equality.models import Concern
from tests.cast import Cast

WHAT = "Förmannen kallar mig dumma namn varje dag. Han skrattar åt min slöja."
CLIENT = "198.51.100.7"


@dataclass
class Equality:
    cast: Cast
    hanna: User
    ada: User


def report(
    cast: Cast,
    *,
    anonymous: bool,
    what: str = WHAT,
    place: str = "workplace",
    reporter: User | None = None,
) -> services.Reported:
    return services.concern_report(
        reporter=reporter or cast.dana,
        programme=cast.programme,
        kind="harassment",
        ground="religion",
        place=place,
        what=what,
        when="I måndags",
        anonymous=anonymous,
        attachment=None,
        client=CLIENT,
    )


def anonymous_concern(cast: Cast) -> tuple[Concern, str]:
    reported = report(cast, anonymous=True)
    assert reported.code is not None
    return reported.concern, reported.code
