"""A stand-in LibreTranslate for tests: a real HTTP server on a free local port, in a thread,
answering GET /languages and POST /translate the way LibreTranslate does. SMILE's real client
talks to it over HTTP, so nothing of the code under test is replaced.

    with fake_libretranslate(phrases={("ar", "en", "مرحبا"): "Hello"}) as service:
        settings.TRANSLATION_SERVICE_URL = service.url
        ...
        assert service.requests == [...]

A text missing from `phrases` comes back as "[<target>] <text>". `mode` makes it misbehave:
"down" (500 to everything), "slow" (answers after `delay` seconds), "garbage" (not JSON).
"""

import json
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs

# What a LibreTranslate with the usual Argos models offers of SMILE's languages: no Tigrinya, no
# Somali (and no "prs": Dari is asked for as Persian, "fa").
DEFAULT_LANGUAGES = ("en", "sv", "ar", "uk", "fa")


@dataclass
class FakeLibreTranslate:
    url: str = ""
    languages: tuple[str, ...] = DEFAULT_LANGUAGES
    phrases: dict[tuple[str, str, str], str] = field(default_factory=dict)
    api_key: str = ""
    mode: str = "ok"
    delay: float = 0.0
    # Each POST /translate as it came: its fields (q, source, target, format, api_key).
    requests: list[dict[str, Any]] = field(default_factory=list)
    language_requests: int = 0


def _handler(service: FakeLibreTranslate) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def log_message(self, format: str, *args: Any) -> None:  # quiet
            pass

        def _send(self, status: int, body: object) -> None:
            data = body if isinstance(body, bytes) else json.dumps(body).encode()
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def _misbehave(self) -> bool:
            if service.mode == "slow":
                time.sleep(service.delay)
            if service.mode == "down":
                self._send(500, {"error": "Internal Server Error"})
                return True
            if service.mode == "garbage":
                self._send(200, b"<html>not json</html>")
                return True
            return False

        def do_GET(self) -> None:
            if self.path != "/languages":
                self._send(404, {"error": "Not Found"})
                return
            service.language_requests += 1
            if self._misbehave():
                return
            self._send(
                200,
                [
                    {"code": code, "name": code, "targets": list(service.languages)}
                    for code in service.languages
                ],
            )

        def do_POST(self) -> None:
            if self.path != "/translate":
                self._send(404, {"error": "Not Found"})
                return
            raw = self.rfile.read(int(self.headers.get("Content-Length") or 0)).decode()
            if "json" in (self.headers.get("Content-Type") or ""):
                fields = json.loads(raw or "{}")
            else:
                fields = {key: values[0] for key, values in parse_qs(raw).items()}
            service.requests.append(fields)
            if self._misbehave():
                return
            if service.api_key and fields.get("api_key") != service.api_key:
                self._send(403, {"error": "Invalid API key"})
                return
            for name in ("source", "target"):
                code = fields.get(name)
                guessed = name == "source" and code == "auto"
                if not guessed and code not in service.languages:
                    self._send(400, {"error": f"{code} is not supported"})
                    return
            text = str(fields.get("q", ""))
            key = (str(fields.get("source")), str(fields.get("target")), text)
            translated = service.phrases.get(key, f"[{fields.get('target')}] {text}")
            self._send(200, {"translatedText": translated})

    return Handler


class _Server(ThreadingHTTPServer):
    def handle_error(self, request: Any, client_address: Any) -> None:
        # The client gave up waiting (a "slow" answer after its timeout) and closed the
        # connection: nothing to report, and a report would land in another test's output.
        if isinstance(sys.exc_info()[1], ConnectionError):
            return
        super().handle_error(request, client_address)


@contextmanager
def fake_libretranslate(**options: Any) -> Iterator[FakeLibreTranslate]:
    service = FakeLibreTranslate(**options)
    server = _Server(("127.0.0.1", 0), _handler(service))
    service.url = f"http://127.0.0.1:{server.server_address[1]}"
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield service
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)
