import pytest

from smile.training import content
from smile.training.models import Module


@pytest.fixture(autouse=True)
def seeded_modules(db: None) -> None:
    """The modules the migration seeds: a test that ran before may have flushed the database
    (a live-server test does), so every test here starts with them in place."""
    content.seed(Module)
