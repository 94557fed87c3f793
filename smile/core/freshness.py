"""Whether SMILE's data has changed: a stamp that every committed write renews.

Pages that gather from many tables for one person (the role homes) keep what they read in the
cache under this stamp, so a person who opens her home again reads it from one cache lookup
instead of a dozen queries — and sees any change the moment it is committed, by anyone, through
any path: every INSERT, UPDATE and DELETE on SMILE's own tables is noticed where it is sent to the
database (an execute wrapper on each connection), so bulk updates, jobs and the admin count too.

The stamp is renewed after the transaction commits (at once outside a transaction), so a reader
never keeps data under a stamp older than it. Only writes to SMILE's own tables renew it: not
sessions, the cache itself, login attempts or the log of who read what.
"""

import logging
import re
import time
from functools import cache as cache_for_process
from typing import Any

from django.apps import apps
from django.conf import settings
from django.core.cache import cache
from django.db import DatabaseError, connections, transaction
from django.db.backends.base.base import BaseDatabaseWrapper

STAMP_KEY = "smile:data-stamp"
# SMILE's own tables are its data, except the log of who read what (written by reading).
NOT_DATA = frozenset({"privacy_accesslog"})
WRITE = re.compile(r'^\s*(?:INSERT\s+INTO|UPDATE|DELETE\s+FROM)\s+"?([\w.]+)"?', re.IGNORECASE)
logger = logging.getLogger(__name__)


@cache_for_process
def data_tables() -> frozenset[str]:
    """The tables of SMILE's apps: not sessions, the cache, login attempts or Django's own."""
    return (
        frozenset(
            model._meta.db_table
            for model in apps.get_models(include_auto_created=True)
            if model.__module__.startswith("smile.")
        )
        - NOT_DATA
    )


def renew() -> str:
    """A new stamp, unlike every earlier one (nanoseconds; set, not incremented, so two processes
    renewing at once both end in a value no reader has kept data under)."""
    value = str(time.time_ns())
    cache.set(STAMP_KEY, value, timeout=None)
    return value


def renew_safely() -> None:
    """Renew after a commit; a cache that fails must not fail the write that is already done."""
    try:
        renew()
    except DatabaseError:
        logger.exception(
            "The data stamp was not renewed: homes may be up to %ss old",
            settings.HOME_CACHE_SECONDS,
        )


def written_table(sql: str) -> str | None:
    """The data table an SQL statement writes to, or None for reads and bookkeeping."""
    match = WRITE.match(sql)
    if match is None:
        return None
    table = match.group(1)
    return table if table in data_tables() else None


class _Watcher:
    """Renews the stamp once per committed transaction that wrote data.

    It never writes while the statement it watches is still being read (an INSERT's RETURNING
    row is fetched after the wrapper returns): inside a transaction the renewal waits for the
    commit; outside one (a plain `save()` commits by itself) it is *pending* and done before the
    connection's next statement, or when the request ends (`renew_pending`).
    """

    def __init__(self, connection: BaseDatabaseWrapper) -> None:
        self.connection = connection
        self.pending = False

    def __call__(self, execute: Any, sql: str, params: Any, many: bool, context: Any) -> Any:
        if self.pending and not self.connection.in_atomic_block:
            self.renew_pending()
        result = execute(sql, params, many, context)
        if written_table(sql) is not None:
            self.changed()
        return result

    def renew_pending(self) -> None:
        if self.pending:
            self.pending = False
            renew_safely()

    def changed(self) -> None:
        if not settings.HOME_CACHE_SECONDS:
            return  # nothing is kept, so nothing needs a new stamp
        connection = self.connection
        if not connection.in_atomic_block:
            self.pending = True
            return
        # Once per transaction (and savepoint): a rolled-back savepoint takes its callbacks with
        # it, so a write after it registers again.
        savepoints = set(connection.savepoint_ids)
        if not any(
            entry[1] is renew_safely and entry[0] == savepoints
            for entry in connection.run_on_commit
        ):
            transaction.on_commit(renew_safely, using=connection.alias)


def renew_pending(**kwargs: object) -> None:
    """Connected to `request_finished`: a write the request committed by itself, outside a
    transaction, renews the stamp before the next person's page."""
    for connection in connections.all(initialized_only=True):
        for wrapper in connection.execute_wrappers:
            if isinstance(wrapper, _Watcher):
                wrapper.renew_pending()


def watch(sender: object, connection: BaseDatabaseWrapper, **kwargs: object) -> None:
    """Connected to `connection_created` (see CoreConfig.ready)."""
    if not any(isinstance(w, _Watcher) for w in connection.execute_wrappers):
        connection.execute_wrappers.append(_Watcher(connection))
