"""A small client for LibreTranslate (https://libretranslate.com/docs), the self-hosted machine
translation service an operator may run beside SMILE.

Two calls: `languages` (GET /languages: which languages it translates, and into which) and
`translate` (POST /translate with q, source, target and format "text"). Every failure becomes one
of two exceptions a caller can explain to a person: the service lacks a language, or the service
cannot be reached or answered nonsense. Written on the standard library's `urllib`: two JSON calls
do not need an HTTP library as a dependency. The bindings on PyPI (`libretranslatepy`, itself on
urllib) pass urllib's errors through as they come, so the sorting into the two exceptions here
would be needed beside them anyway.
"""

import http.client
import json
import urllib.error
import urllib.request
from collections.abc import Mapping
from typing import Any

# "auto": the service guesses the language itself.
AUTO = "auto"


class TranslationError(Exception):
    """The text could not be translated."""


class ServiceUnavailable(TranslationError):
    """The service did not answer in time, refused the request, or answered something unusable."""


class LanguageNotAvailable(TranslationError):
    """The service does not translate from or into this language."""


def _call(
    base_url: str, path: str, *, data: Mapping[str, Any] | None = None, timeout: float
) -> Any:
    url = base_url.rstrip("/") + path
    if not url.startswith(("http://", "https://")):
        raise ServiceUnavailable(f"not an http(s) address: {url!r}")
    body = None if data is None else json.dumps(data).encode()
    request = urllib.request.Request(  # noqa: S310 (the scheme is checked above)
        url,
        data=body,
        method="GET" if data is None else "POST",
        headers={"Content-Type": "application/json", "Accept": "application/json"},
    )
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:  # noqa: S310
            raw = response.read()
    except urllib.error.HTTPError as error:
        detail = _error_text(error)
        if error.code == 400 and "not supported" in detail:
            raise LanguageNotAvailable(detail) from None
        raise ServiceUnavailable(f"HTTP {error.code}: {detail}") from None
    except (OSError, http.client.HTTPException, ValueError) as error:
        # OSError: no connection, refused, timed out (URLError is one); HTTPException: the
        # answer broke off; ValueError: an address urllib cannot use.
        raise ServiceUnavailable(str(error) or type(error).__name__) from None
    try:
        return json.loads(raw)
    except ValueError:
        raise ServiceUnavailable("the answer is not JSON") from None


def _error_text(error: urllib.error.HTTPError) -> str:
    try:
        found = json.loads(error.read() or b"{}")
    except (ValueError, OSError):
        return ""
    return str(found.get("error", "")) if isinstance(found, dict) else ""


def languages(*, url: str, timeout: float) -> dict[str, set[str]]:
    """{language: the languages it translates into}, as the service says (GET /languages)."""
    found = _call(url, "/languages", timeout=timeout)
    if not isinstance(found, list):
        raise ServiceUnavailable("the language list is not a list")
    result: dict[str, set[str]] = {}
    for entry in found:
        if not isinstance(entry, dict) or not isinstance(entry.get("code"), str):
            raise ServiceUnavailable("a language without a code")
        targets = entry.get("targets")
        # Versions before 1.3 give no targets: every language translates into every other.
        result[entry["code"]] = set(targets) if isinstance(targets, list) else set()
    everyone = set(result)
    for code, targets in result.items():
        if not targets:
            result[code] = everyone - {code}
    return result


def translate(
    text: str, *, source: str, target: str, url: str, api_key: str = "", timeout: float
) -> str:
    """`text` from `source` (a code of the service, or "auto") into `target`, as plain text."""
    data: dict[str, str] = {"q": text, "source": source, "target": target, "format": "text"}
    if api_key:
        data["api_key"] = api_key
    found = _call(url, "/translate", data=data, timeout=timeout)
    translated = found.get("translatedText") if isinstance(found, dict) else None
    if not isinstance(translated, str):
        raise ServiceUnavailable("the answer holds no translatedText")
    return translated
