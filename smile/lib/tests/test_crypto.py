"""Field encryption: round trip, tampering, key rotation, start-up refusal, no plaintext stored."""

import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from cryptography.fernet import Fernet

from smile.lib.crypto import (
    DecryptionError,
    decrypt_json,
    development_key,
    encrypt_json,
    field_encryption_keys,
    reencrypt,
)
from smile.lib.env import ConfigurationError

ANSWERS = {"answers": {"housing": "support"}, "note": "Hyran är för hög. الإيجار مرتفع جدا"}


def test_a_value_comes_back_as_it_went_in() -> None:
    token = encrypt_json(ANSWERS)
    assert decrypt_json(token) == ANSWERS
    assert "Hyran" not in token and "housing" not in token
    # Fernet tokens carry a random IV: the same value never looks the same twice.
    assert encrypt_json(ANSWERS) != token


def test_a_tampered_token_raises_a_clear_error() -> None:
    token = encrypt_json(ANSWERS)
    tampered = token[:20] + ("A" if token[20] != "A" else "B") + token[21:]
    with pytest.raises(DecryptionError, match="cannot be decrypted: it was changed"):
        decrypt_json(tampered)
    with pytest.raises(DecryptionError):
        decrypt_json("not a token at all ✗")


def test_after_rotation_old_values_still_read_and_new_ones_use_the_new_key(
    settings: Any,
) -> None:
    old, new = Fernet.generate_key().decode(), Fernet.generate_key().decode()
    settings.FIELD_ENCRYPTION_KEYS = [old]
    old_token = encrypt_json(ANSWERS)

    settings.FIELD_ENCRYPTION_KEYS = [new, old]
    assert decrypt_json(old_token) == ANSWERS
    new_token = encrypt_json(ANSWERS)
    assert Fernet(new.encode()).decrypt(new_token.encode())  # made with the new key
    rotated = reencrypt(old_token)
    assert Fernet(new.encode()).decrypt(rotated.encode())

    settings.FIELD_ENCRYPTION_KEYS = [new]
    assert decrypt_json(new_token) == ANSWERS
    assert decrypt_json(rotated) == ANSWERS
    with pytest.raises(DecryptionError, match="no longer in FIELD_ENCRYPTION_KEYS"):
        decrypt_json(old_token)


def test_keys_are_read_from_the_environment_first_one_first() -> None:
    a, b = Fernet.generate_key().decode(), Fernet.generate_key().decode()
    environ = {"SMILE_FIELD_ENCRYPTION_KEYS": f"{a}, {b}"}
    assert field_encryption_keys(production=True, secret_key="x", environ=environ) == [a, b]


def test_development_derives_a_stable_key_from_the_secret_key() -> None:
    keys = field_encryption_keys(production=False, secret_key="s3cret", environ={})
    assert keys == [development_key("s3cret")]
    assert keys != [development_key("another")]
    Fernet(keys[0])  # a valid Fernet key
    assert "s3cret" not in keys[0]


def test_production_refuses_to_start_without_a_key() -> None:
    with pytest.raises(ConfigurationError) as error:
        field_encryption_keys(production=True, secret_key="x" * 60, environ={})
    assert str(error.value).startswith("SMILE_FIELD_ENCRYPTION_KEYS: production needs")


def test_a_malformed_key_is_refused_naming_the_variable() -> None:
    good = Fernet.generate_key().decode()
    environ = {"SMILE_FIELD_ENCRYPTION_KEYS": f"{good},too-short"}
    with pytest.raises(ConfigurationError) as error:
        field_encryption_keys(production=False, secret_key="x", environ=environ)
    assert str(error.value) == (
        "SMILE_FIELD_ENCRYPTION_KEYS: key number 2 is not a Fernet key "
        "(32 bytes in url-safe base64, 44 characters)"
    )


def load_production_settings(**env: str) -> subprocess.CompletedProcess[str]:
    clean = {k: v for k, v in os.environ.items() if not k.startswith(("SMILE_", "DEBUG", "SECRET"))}
    clean.update(
        {
            "DJANGO_SETTINGS_MODULE": "smile.settings",
            "SMILE_ENV": "production",
            "SECRET_KEY": "k" * 60,
            "ALLOWED_HOSTS": "smile.example.org",
            "DATABASE_URL": "sqlite:////tmp/smile-crypto-settings-test.sqlite3",
            **env,
        }
    )
    return subprocess.run(
        [sys.executable, "-c", "import django; django.setup(); print('loaded')"],
        cwd=Path(__file__).resolve().parents[3],
        env=clean,
        capture_output=True,
        text=True,
        timeout=60,
    )


@pytest.mark.parametrize("keys", [None, "not-a-key"])
def test_production_start_up_refuses_a_missing_or_bad_key(keys: str | None) -> None:
    result = load_production_settings(**({"SMILE_FIELD_ENCRYPTION_KEYS": keys} if keys else {}))
    assert result.returncode != 0 and "loaded" not in result.stdout
    assert "ConfigurationError: SMILE_FIELD_ENCRYPTION_KEYS: " in result.stderr


def test_production_starts_with_a_key() -> None:
    result = load_production_settings(SMILE_FIELD_ENCRYPTION_KEYS=Fernet.generate_key().decode())
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "loaded"
