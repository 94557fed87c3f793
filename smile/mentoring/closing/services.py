"""Ending well: when a pair closes both sides are asked for a short reflection and a rating; each
sees the other's only when both have answered (`access.visible_reflections`). Only the pair's two
people write one (the pair's "write_reflection" in `smile/mentoring/access.py`).
"""

from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils.translation import gettext as _

from smile.accounts.models import User
from smile.core import policies
from smile.core.errors import ApplicationError
from smile.matching.models import Pair, PairStatus
from smile.mentoring.models import Rating, Reflection, Side
from smile.notifications.models import Kind
from smile.notifications.services import finish, notify, subject_key

TEXT_MAX_LENGTH = 2000
CLOSED_STATUSES = (PairStatus.COMPLETED, PairStatus.ENDED)


def is_closed(pair: Pair) -> bool:
    """A pair that ran and has finished: there is a mentorship to look back on."""
    return pair.status in CLOSED_STATUSES and pair.started_on is not None


def side_of(pair: Pair, user: User) -> str | None:
    if pair.adept.user_id == user.pk:
        return Side.ADEPT
    if pair.mentor.user_id == user.pk:
        return Side.MENTOR
    return None


def _sides(pair: Pair) -> list[tuple[User, User]]:
    """(recipient, the other side) for both people of the pair."""
    adept, mentor = pair.adept.user, pair.mentor.user
    return [(adept, mentor), (mentor, adept)]


def reflections_request_on_close(sender: object, *, pair: Pair, **kwargs: object) -> None:
    """Receiver of matching's `pair_closed`."""
    reflections_request(pair=pair)


def reflections_request(*, pair: Pair) -> None:
    """Ask both people for their closing reflection. Called when the pair is completed or ended
    (also by a re-match); a proposal that never started has nothing to look back on.
    """
    if not is_closed(pair):
        return
    url = reverse("mentoring:reflection", args=[pair.pk])
    for recipient, other in _sides(pair):
        notify(
            recipient=recipient,
            kind=Kind.REFLECTION_ASKED,
            params={"name": other.full_name},
            url=url,
            subject=subject_key(pair, "reflect", recipient.pk),
        )


@transaction.atomic
def reflection_write(*, pair: Pair, by: User, rating: int, text: str) -> Reflection:
    """Save one side's reflection, once; when it is the second, tell both that they can read."""
    # Locking the pair serialises the two sides: the second writer surely sees the first.
    pair = (
        Pair.objects.select_for_update(of=("self",))
        .select_related("adept__user", "mentor__user")
        .get(pk=pair.pk)
    )
    policies.require(by, "write_reflection", pair)
    side = side_of(pair, by)
    assert side is not None  # the policy lets only the pair's two people write
    if not is_closed(pair):
        raise ApplicationError(_("You can write your reflection when the mentorship has ended."))
    if Reflection.objects.filter(pair=pair, side=side).exists():
        raise ApplicationError(_("You have already written your reflection. Thank you!"))
    if rating not in Rating.values:
        raise ApplicationError(_("Choose how the mentorship was."), field="rating")
    text = (text or "").strip()
    if len(text) > TEXT_MAX_LENGTH:
        raise ApplicationError(
            _("Please keep the text under %(count)d characters.") % {"count": TEXT_MAX_LENGTH},
            field="text",
        )
    reflection = Reflection(pair=pair, side=side, author=by, rating=rating, text=text)
    reflection.full_clean(validate_constraints=False)
    try:
        with transaction.atomic():
            reflection.save()
    except IntegrityError:
        raise ApplicationError(_("You have already written your reflection. Thank you!")) from None
    finish(subject=subject_key(pair, "reflect", by.pk))
    if Reflection.objects.filter(pair=pair).count() == 2:
        url = reverse("mentoring:reflection", args=[pair.pk])
        for recipient, other in _sides(pair):
            notify(
                recipient=recipient,
                kind=Kind.REFLECTIONS_READY,
                params={"name": other.full_name},
                url=url,
            )
    return reflection
