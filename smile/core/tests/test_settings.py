"""Production settings refuse an insecure configuration, naming what is wrong."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from cryptography.fernet import Fernet

ROOT = Path(__file__).resolve().parents[3]
GOOD_KEY = "k" * 20 + "-production-secret-key-with-enough-length-0123456789"


def load_settings(**env: str) -> subprocess.CompletedProcess[str]:
    clean = {k: v for k, v in os.environ.items() if not k.startswith(("SMILE_", "DEBUG", "SECRET"))}
    clean.update({"DJANGO_SETTINGS_MODULE": "smile.settings", **env})
    return subprocess.run(
        [sys.executable, "-c", "import django; django.setup(); print('loaded')"],
        cwd=ROOT,
        env=clean,
        capture_output=True,
        text=True,
        timeout=60,
    )


@pytest.mark.parametrize(
    ("env", "named"),
    [
        ({"ALLOWED_HOSTS": "smile.example.org"}, "SECRET_KEY"),
        ({"SECRET_KEY": "short", "ALLOWED_HOSTS": "smile.example.org"}, "SECRET_KEY"),
        ({"SECRET_KEY": GOOD_KEY, "DEBUG": "true", "ALLOWED_HOSTS": "x.org"}, "DEBUG"),
        ({"SECRET_KEY": GOOD_KEY}, "ALLOWED_HOSTS"),
        ({"SECRET_KEY": GOOD_KEY, "ALLOWED_HOSTS": "x.org", "DEBUG": "perhaps"}, "DEBUG"),
    ],
)
def test_production_refuses_an_insecure_configuration(env: dict[str, str], named: str) -> None:
    result = load_settings(SMILE_ENV="production", **env)
    assert result.returncode != 0
    assert "loaded" not in result.stdout
    assert f"ConfigurationError: {named}:" in result.stderr


def test_production_starts_with_a_secure_configuration() -> None:
    result = load_settings(
        SMILE_ENV="production",
        SECRET_KEY=GOOD_KEY,
        ALLOWED_HOSTS="smile.example.org",
        DATABASE_URL="sqlite:////tmp/smile-settings-test.sqlite3",
        SMILE_FIELD_ENCRYPTION_KEYS=Fernet.generate_key().decode(),
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "loaded"


def test_it_refuses_an_unknown_environment_name() -> None:
    result = load_settings(SMILE_ENV="staging")
    assert result.returncode != 0
    assert "ConfigurationError: SMILE_ENV:" in result.stderr
