"""Writes for matching runs: a coordinator starts one, the background worker does it."""

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from smile.accounts.models import User
from smile.core.errors import ApplicationError
from smile.matching.engine import STALE_AFTER
from smile.matching.models import MatchingRun, RunStatus
from smile.matching.tasks import run_matching
from smile.programmes.models import Programme


@transaction.atomic
def matching_run_start(*, programme: Programme, started_by: User | None) -> MatchingRun:
    """Queue a run for the background worker (enqueued once this transaction commits)."""
    Programme.objects.select_for_update().filter(pk=programme.pk).first()
    unfinished = MatchingRun.objects.filter(
        programme=programme, status__in=[RunStatus.QUEUED, RunStatus.RUNNING]
    )
    stale = unfinished.filter(created_at__lt=timezone.now() - STALE_AFTER)
    stale.update(status=RunStatus.FAILED, finished_at=timezone.now(), error="Not finished in time.")
    if unfinished.exists():
        raise ApplicationError(_("A matching run is already under way for this programme."))
    run = MatchingRun(
        programme=programme, started_by=started_by, step=gettext_noop("Waiting for its turn")
    )
    run.full_clean()
    run.save()

    transaction.on_commit(lambda: run_matching.enqueue(run_id=run.pk))
    return run
