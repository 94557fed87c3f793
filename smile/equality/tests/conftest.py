"""The equality cast on top of the shared one: Alice is the named case handler of Gjuterivägen;
Hanna coordinates at Sävsjö too but is not named; Ada administers the installation."""

from collections.abc import Iterator
from pathlib import Path

import pytest
from django.core.cache import cache
from django.test import Client

from smile.accounts.services import membership_create
from smile.core.actor import SYSTEM
from smile.equality import services
from smile.equality.tests.casework import Equality
from smile.organisations.choices import Role
from tests.cast import Cast, make_user


@pytest.fixture(autouse=True)
def _fresh_limits() -> Iterator[None]:
    """The limits count in the (in-memory) cache: each test starts afresh."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def visitor() -> Client:
    """Someone who is not logged in, reading in English (as the `login` fixture's people do)."""
    found = Client()
    found.cookies["smile_language"] = "en"
    return found


@pytest.fixture
def media(settings, tmp_path: Path) -> Path:
    settings.MEDIA_ROOT = tmp_path
    return tmp_path


@pytest.fixture
def eq(cast: Cast) -> Equality:
    hanna = make_user("hanna@savsjo.example", "Hanna Holm", totp=True)
    membership_create(actor=SYSTEM, user=hanna, organisation=cast.savsjo, role=Role.COORDINATOR)
    ada = make_user("ada@smile.example", "Ada Admin", totp=True)
    ada.is_superuser = True
    ada.is_staff = True
    ada.save()
    services.case_handler_add(programme=cast.programme, by=cast.alice, user=cast.alice)
    return Equality(cast=cast, hanna=hanna, ada=ada)
