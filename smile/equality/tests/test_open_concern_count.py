"""The manager's page shows open concerns at a workplace only from three on."""

from smile.equality import services
from smile.equality.selectors import open_concern_count
from smile.equality.tests.casework import Equality, report


def test_fewer_than_three_open_concerns_show_nothing(eq: Equality) -> None:
    cast = eq.cast
    assert open_concern_count(cast.moulding) is None
    report(cast, anonymous=True)
    assert open_concern_count(cast.moulding) is None
    report(cast, anonymous=False)
    assert open_concern_count(cast.moulding) is None
    report(cast, anonymous=True)
    assert open_concern_count(cast.moulding) == 3
    report(cast, anonymous=True)
    assert open_concern_count(cast.moulding) == 4


def test_closed_concerns_and_those_elsewhere_do_not_count(eq: Equality) -> None:
    cast = eq.cast
    first = report(cast, anonymous=True).concern
    report(cast, anonymous=True)
    report(cast, anonymous=True)
    report(cast, anonymous=True, place="elsewhere")
    report(cast, anonymous=True, reporter=cast.erin)  # at the other workplace, finishing
    assert open_concern_count(cast.moulding) == 3
    assert open_concern_count(cast.finishing) is None
    services.concern_advance(concern=first, by=cast.alice, step="closed", message="")
    assert open_concern_count(cast.moulding) is None
