"""Random tokens for links sent by e-mail; only their hash is stored, so a leak opens nothing."""

import hashlib
import secrets


def new_token() -> str:
    return secrets.token_urlsafe(32)


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()
