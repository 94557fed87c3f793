"""The homes are kept per person while no data changes, and every committed write shows at once.

The rest of the suite reads the homes afresh (HOME_CACHE_SECONDS = 0 in the root conftest, since
a test's writes never commit); here the cache is on and the commits are run
(`django_capture_on_commit_callbacks`)."""

import re
from datetime import timedelta

import pytest
from django.core.cache import cache
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from smile.core import freshness
from smile.mentoring.logs.services import action_item_create
from smile.mentoring.models import ActionItem
from tests.cast import Cast

# The page shell (session, user, memberships, enrolment roles, unread count): see
# test_home_queries.py.
SHELL = 5
# The form tokens differ on every rendering, by design.
TOKEN = re.compile(r'name="csrfmiddlewaretoken" value="[^"]+"')


@pytest.fixture(autouse=True)
def _cache_on(settings) -> None:
    settings.HOME_CACHE_SECONDS = 60
    cache.clear()


def _page(client, path: str) -> tuple[str, int]:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(path)
    assert response.status_code == 200
    return TOKEN.sub("", response.content.decode()), len(queries)


@pytest.mark.parametrize(
    ("who", "role", "shell"),
    [
        ("dana", "adept", SHELL),
        ("bob", "mentor", SHELL),
        ("tess", "teacher", SHELL),
        # Coordinators and managers have a verified second factor (1 more query).
        ("alice", "coordinator", SHELL + 1),
        ("mona", "manager", SHELL + 1),
    ],
)
def test_a_home_opened_again_is_the_same_page_from_the_shell_queries_alone(
    cast: Cast, login, who: str, role: str, shell: int
) -> None:
    client = login(getattr(cast, who))
    first, _ = _page(client, f"/home/{role}/")
    again, queries = _page(client, f"/home/{role}/")
    assert again == first
    assert queries == shell


def test_a_thing_to_do_given_by_the_mentor_shows_on_the_adepts_kept_home_at_once(
    cast: Cast, login, django_capture_on_commit_callbacks
) -> None:
    client = login(cast.dana)
    before, _ = _page(client, "/home/adept/")
    assert "Bring the safety shoes" not in before
    with django_capture_on_commit_callbacks(execute=True):
        action_item_create(
            pair=cast.pair,
            by=cast.bob,
            title="Bring the safety shoes",
            owner=cast.dana,
            due_on=timezone.localdate() + timedelta(days=3),
        )
    after, queries = _page(client, "/home/adept/")
    assert "Bring the safety shoes" in after
    # Read afresh: the shell (5) and the adept's panels (12), as in test_home_queries.py — the
    # basis (2), whom to turn to (1), mentoring (3: meetings, things to do, life situation),
    # learning (6: curricula, workplaces, plan levels, practice, reviews, words).
    assert queries == 5 + 12


def test_a_bulk_update_renews_the_stamp(cast: Cast, django_capture_on_commit_callbacks) -> None:
    cache.set(freshness.STAMP_KEY, "old")
    # Each test runs inside one transaction: a savepoint stands for a request's own.
    with django_capture_on_commit_callbacks(execute=True) as callbacks, transaction.atomic():
        ActionItem.objects.filter(pair=cast.pair).update(title="Renamed")
    assert len(callbacks) == 1
    assert cache.get(freshness.STAMP_KEY) != "old"


def test_a_transaction_renews_the_stamp_once_however_many_writes(
    cast: Cast, django_capture_on_commit_callbacks
) -> None:
    with django_capture_on_commit_callbacks() as callbacks, transaction.atomic():
        for number in range(3):
            ActionItem.objects.create(
                pair=cast.pair,
                title=f"Thing {number}",
                owner=cast.dana,
                due_on=timezone.localdate(),
                created_by=cast.bob,
            )
    assert len(callbacks) == 1


def test_a_rolled_back_write_does_not_renew_the_stamp(
    cast: Cast, django_capture_on_commit_callbacks
) -> None:
    with django_capture_on_commit_callbacks() as callbacks:
        try:
            with transaction.atomic():
                ActionItem.objects.filter(pair=cast.pair).update(title="Gone")
                raise RuntimeError("undo")
        except RuntimeError:
            pass
    assert callbacks == []


def test_reading_and_a_session_save_do_not_renew_the_stamp(
    cast: Cast, login, django_capture_on_commit_callbacks
) -> None:
    client = login(cast.dana)
    with django_capture_on_commit_callbacks() as callbacks:
        client.get("/home/adept/")
        session = client.session
        session["seen"] = True
        session.save()
    assert callbacks == []


def test_a_lost_stamp_means_the_home_is_read_afresh(cast: Cast, login) -> None:
    client = login(cast.dana)
    _page(client, "/home/adept/")
    cache.delete(freshness.STAMP_KEY)
    _, queries = _page(client, "/home/adept/")
    assert queries == SHELL + 12  # as in test_home_queries.py: the adept's panels read again


@pytest.mark.parametrize(
    ("sql", "table"),
    [
        ('INSERT INTO "mentoring_actionitem" ("title") VALUES (%s)', "mentoring_actionitem"),
        ('UPDATE "learning_review" SET "notes" = %s', "learning_review"),
        ('  delete from "matching_pair" WHERE "id" = %s', "matching_pair"),
        ('SELECT "id" FROM "mentoring_actionitem"', None),
        ('UPDATE "django_session" SET "session_data" = %s', None),
        ('INSERT INTO "privacy_accesslog" ("actor_id") VALUES (%s)', None),
        ('DELETE FROM "smile_cache" WHERE "cache_key" = %s', None),
        ('INSERT INTO "django_migrations" ("app") VALUES (%s)', None),
        ('INSERT INTO "axes_accessattempt" ("username") VALUES (%s)', None),
    ],
)
def test_which_statements_count_as_a_change_of_data(sql: str, table: str | None) -> None:
    assert freshness.written_table(sql) == table


@pytest.mark.django_db(transaction=True)
def test_a_save_outside_a_transaction_renews_the_stamp_before_the_next_statement() -> None:
    """A plain save commits by itself; the stamp is renewed once its statement is done (not
    while its RETURNING row is still being read), before the connection's next statement."""
    from tests.cast import build_cast

    cast = build_cast()
    connection.execute_wrappers[:] = [
        w for w in connection.execute_wrappers if not isinstance(w, freshness._Watcher)
    ]
    freshness.watch(None, connection)
    cache.set(freshness.STAMP_KEY, "old")
    item = ActionItem(
        pair=cast.pair,
        title="Saved on its own",
        owner=cast.dana,
        due_on=timezone.localdate(),
        created_by=cast.bob,
    )
    item.save()
    assert item.pk is not None
    assert cache.get(freshness.STAMP_KEY) == "old"  # pending, not renewed inside the statement
    assert ActionItem.objects.filter(title="Saved on its own").count() == 1
    assert cache.get(freshness.STAMP_KEY) != "old"


@pytest.mark.django_db(transaction=True)
def test_the_end_of_a_request_renews_a_pending_stamp() -> None:
    from django.core.signals import request_finished

    from tests.cast import build_cast

    cast = build_cast()
    cache.set(freshness.STAMP_KEY, "old")
    ActionItem.objects.filter(pair=cast.pair).update(title="Renamed on its own")
    request_finished.send(sender=None)
    assert cache.get(freshness.STAMP_KEY) != "old"
