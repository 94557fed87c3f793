import pytest
from django.core.cache import cache


@pytest.fixture(autouse=True)
def _fresh_cache() -> object:
    """The password-reset limits count in the cache; each test starts with none counted."""
    cache.clear()
    yield
    cache.clear()
