"""Writes for matching runs: a coordinator starts one, the background worker does it."""

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from smile.accounts.models import User
from smile.core import policies
from smile.core.actor import Person
from smile.core.errors import ApplicationError
from smile.matching.engine import STALE_AFTER
from smile.matching.models import MatchingRun, RunStatus
from smile.matching.tasks import run_matching
from smile.programmes.models import Programme


@transaction.atomic
def matching_run_start(*, programme: Programme, actor: Person) -> MatchingRun:
    """Queue a run for the background worker (enqueued once this transaction commits).

    The programme's coordinators start runs (or the installation itself: then the run has no
    `started_by`)."""
    policies.require(actor, policies.CHANGE, programme)
    Programme.objects.select_for_update().filter(pk=programme.pk).first()
    unfinished = MatchingRun.objects.filter(
        programme=programme, status__in=[RunStatus.QUEUED, RunStatus.RUNNING]
    )
    stale = unfinished.filter(created_at__lt=timezone.now() - STALE_AFTER)
    stale.update(status=RunStatus.FAILED, finished_at=timezone.now(), error="Not finished in time.")
    if unfinished.exists():
        raise ApplicationError(_("A matching run is already under way for this programme."))
    run = MatchingRun(
        programme=programme,
        started_by=actor if isinstance(actor, User) else None,
        step=gettext_noop("Waiting for its turn"),
    )
    # A run the installation started names no one: `started_by` may be empty here, not in a form.
    run.full_clean(exclude=["started_by"] if run.started_by is None else None)
    run.save()

    transaction.on_commit(lambda: run_matching.enqueue(run_id=run.pk))
    return run
