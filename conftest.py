import pytest
from django.test import Client
from django_otp.plugins.otp_totp.models import TOTPDevice

from smile.accounts.models import User
from tests.cast import Cast, build_cast


@pytest.fixture
def cast(db: None) -> Cast:
    return build_cast()


def _login(client: Client, user: User) -> Client:
    """Log in as the person, with the second factor already passed when she has a device."""
    client.force_login(user, backend="django.contrib.auth.backends.ModelBackend")
    device = TOTPDevice.objects.filter(user=user, confirmed=True).first()
    if device is not None:
        session = client.session
        session["otp_device_id"] = device.persistent_id
        session.save()
    client.cookies["smile_language"] = "en"
    return client


@pytest.fixture
def login(client: Client):  # type: ignore[no-untyped-def]
    def do(user: User) -> Client:
        return _login(client, user)

    return do


def pytest_configure(config: pytest.Config) -> None:
    from django.conf import settings

    # Hashing a password properly takes a third of a second; tests create dozens.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    # The database cache outlives a test's transaction; tests count in memory, cleared per test.
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
    # A test's writes never commit, so nothing would renew the data stamp: the homes are read
    # afresh, except in the tests of the home cache (smile/portal/tests/test_home_cache.py).
    settings.HOME_CACHE_SECONDS = 0


@pytest.fixture(autouse=True)
def _english_outside_requests() -> object:
    """Services called straight from a test speak English, so tests can read their messages;
    requests still choose their own language. Nothing a test switches on outlives it."""
    from django.utils import translation

    translation.activate("en")
    yield
    translation.deactivate()
