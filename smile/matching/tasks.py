"""Background work for matching, done by `manage.py db_worker`."""

from django.tasks import task

from smile.matching.engine import matching_run_execute


@task()
def run_matching(run_id: int) -> None:
    matching_run_execute(run_id=run_id)
