"""Who may see or change what: the primitive every domain's access rules stand on.

Each domain decides for its own models in its `access.py` and registers there, per model, the
queryset of what a person may do with it: `view` and `change`, and actions of its own
(`register`). A list and its detail page ask the same queryset, so they cannot disagree. Views,
services and exports all load an object through `load`, the one load-and-authorise helper: "no" is
a 404, so nobody learns that another organisation's record exists.

A higher domain may give more grounds to see a lower domain's record (a mentor sees the adepts she
is paired with: matching widens who sees an enrolment) with `grant`, so the lower domain never
imports the higher one.
"""

from collections import defaultdict
from collections.abc import Callable, Iterable
from typing import Any, cast

from django.db.models import Model, Q, QuerySet
from django.http import Http404

from smile.core.actor import AnyUser
from smile.core.errors import NotAllowed

Finder = Callable[[AnyUser], QuerySet[Any]]
Ground = Callable[[AnyUser], Q | None]

VIEW = "view"
CHANGE = "change"

_ACTIONS: dict[type[Model], dict[str, Finder]] = defaultdict(dict)
_GROUNDS: dict[type[Model], list[Ground]] = defaultdict(list)


def register(model: type[Model], **actions: Finder) -> None:
    """`register(Pair, view=visible_pairs, change=changeable_pairs, reflect=...)`."""
    _ACTIONS[model].update(actions)


def grant(model: type[Model], ground: Ground) -> None:
    """Another ground on which a person sees `model` rows, added by a higher domain."""
    if ground not in _GROUNDS[model]:
        _GROUNDS[model].append(ground)


NOTHING = Q(pk__in=[])


def any_of(*clauses: Q | None) -> Q:
    """The clauses that apply, or'ed; `NOTHING` if none does.

    Policies leave out a clause that cannot match (no organisations in that role), so the SQL a
    page runs holds only what concerns the reader: an adept's home compiles small queries.
    """
    present = [clause for clause in clauses if clause is not None]
    if not present:
        return NOTHING
    q = present[0]
    for clause in present[1:]:
        q |= clause
    return q


def granted(model: type[Model], user: AnyUser) -> Q | None:
    """The grounds other domains added for this person, or'ed; None when none applies."""
    found = [ground(user) for ground in _GROUNDS[model]]
    present = [q for q in found if q is not None]
    return any_of(*present) if present else None


def allowed[M: Model](user: AnyUser, model: type[M], to: str = VIEW) -> QuerySet[M]:
    """The rows of `model` the person may `to` (view, change, or a domain's own action)."""
    try:
        finder = _ACTIONS[model][to]
    except KeyError:
        raise LookupError(f"no policy for {to!r} on {model.__name__}") from None
    return cast(QuerySet[M], finder(user))


def can[M: Model](user: AnyUser, to: str, obj: M) -> bool:
    return allowed(user, type(obj), to).filter(pk=obj.pk).exists()


def require(user: AnyUser, to: str, obj: Model) -> None:
    """For services: raise `NotAllowed` unless the person may `to` the object."""
    if not can(user, to, obj):
        raise NotAllowed(f"{to} {type(obj).__name__} {obj.pk}")


def can_view(user: AnyUser, obj: Model) -> bool:
    return can(user, VIEW, obj)


def can_change(user: AnyUser, obj: Model) -> bool:
    return can(user, CHANGE, obj)


def load[M: Model](
    user: AnyUser,
    model: type[M],
    pk: object,
    *,
    to: str = VIEW,
    related: Iterable[str] = (),
) -> M:
    """The one object, if the person may `to` it; else Http404 (also for a malformed key)."""
    rows = allowed(user, model, to)
    if related:
        rows = rows.select_related(*related)
    try:
        found = rows.filter(pk=pk).first()
    except (TypeError, ValueError):
        found = None
    if found is None:
        raise Http404
    return found


def actions_of(model: type[Model]) -> set[str]:
    """The actions registered for a model (for tests and the admin's overview)."""
    return set(_ACTIONS.get(model, {}))
