"""Encryption of sensitive fields at rest (Fernet: AES-128-CBC with an HMAC-SHA256 seal).

A value is turned into JSON and encrypted with the first key of `settings.FIELD_ENCRYPTION_KEYS`;
every key of the list can decrypt. To rotate: put a new key first, keep the old ones after it until
every stored value has been re-encrypted (`reencrypt`), then drop them.

The keys come from the environment (`SMILE_FIELD_ENCRYPTION_KEYS`, comma-separated Fernet keys,
see `field_encryption_keys`). Production refuses to start without them. Development and tests
derive one key from SECRET_KEY, so that a fresh clone works with no set-up and a developer's
database stays readable across restarts; HKDF with its own label gives a key that is not the
SECRET_KEY itself (signing and encryption never share a key). Production must not do this: a
SECRET_KEY is rotated after a leak, and that must not make every encrypted record unreadable.
"""

import base64
import json
from collections.abc import Mapping
from functools import lru_cache
from typing import Any

from cryptography.fernet import Fernet, InvalidToken, MultiFernet
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from smile.lib.env import ConfigurationError, env_list

ENV_NAME = "SMILE_FIELD_ENCRYPTION_KEYS"
_DEVELOPMENT_KEY_LABEL = b"smile field encryption, development only, v1"


class DecryptionError(Exception):
    """A stored value cannot be decrypted: it was changed, or none of the keys made it."""


def development_key(secret_key: str) -> str:
    """A Fernet key derived from SECRET_KEY, for development and tests only."""
    hkdf = HKDF(algorithm=hashes.SHA256(), length=32, salt=None, info=_DEVELOPMENT_KEY_LABEL)
    return base64.urlsafe_b64encode(hkdf.derive(secret_key.encode())).decode()


def field_encryption_keys(
    *, production: bool, secret_key: str, environ: Mapping[str, str] | None = None
) -> list[str]:
    """The keys for settings.FIELD_ENCRYPTION_KEYS; refuses a missing or malformed key at start."""
    keys = env_list(ENV_NAME, [], environ)
    if not keys:
        if production:
            raise ConfigurationError(
                f"{ENV_NAME}: production needs at least one key to encrypt sensitive records "
                '(python -c "from cryptography.fernet import Fernet; '
                'print(Fernet.generate_key().decode())")'
            )
        return [development_key(secret_key)]
    for number, key in enumerate(keys, start=1):
        try:
            Fernet(key)
        except ValueError:
            raise ConfigurationError(
                f"{ENV_NAME}: key number {number} is not a Fernet key "
                "(32 bytes in url-safe base64, 44 characters)"
            ) from None
    return keys


@lru_cache(maxsize=4)
def _fernet(keys: tuple[str, ...]) -> MultiFernet:
    return MultiFernet([Fernet(key) for key in keys])


def _current() -> MultiFernet:
    from django.conf import settings

    keys = tuple(settings.FIELD_ENCRYPTION_KEYS)
    if not keys:
        raise ConfigurationError("FIELD_ENCRYPTION_KEYS: no key to encrypt with")
    return _fernet(keys)


def encrypt_json(obj: Any) -> str:
    """The value as JSON, encrypted with the first key: an ASCII token to store in a text field."""
    data = json.dumps(obj, ensure_ascii=False, separators=(",", ":")).encode()
    return _current().encrypt(data).decode("ascii")


def decrypt_json(token: str) -> Any:
    """The value back from a token made by `encrypt_json` with any of the configured keys."""
    try:
        data = _current().decrypt(token.encode("ascii"))
    except (InvalidToken, UnicodeEncodeError):
        raise DecryptionError(
            "The stored value cannot be decrypted: it was changed, or it was encrypted with a key "
            "that is no longer in FIELD_ENCRYPTION_KEYS."
        ) from None
    return json.loads(data)


def reencrypt(token: str) -> str:
    """The same value encrypted with the current first key (for key rotation)."""
    try:
        return _current().rotate(token.encode("ascii")).decode("ascii")
    except (InvalidToken, UnicodeEncodeError):
        raise DecryptionError("The stored value cannot be decrypted for re-encryption.") from None
