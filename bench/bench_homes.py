"""Load benchmark of the role homes under gunicorn, against a trivial authenticated page.

    .venv/bin/python bench/bench_homes.py [--workers 2] [--clients 8] [--seconds 10]

Prepares the demo in a fresh SQLite database in a temporary folder (migrate, createcachetable,
`manage.py demo`),
makes a signed-in session for one demo person of each role (with the second factor passed, as
after a TOTP login), starts `gunicorn smile.wsgi` on a free port with DEBUG off, and drives
`--clients` concurrent keep-alive clients at each page for `--seconds` (in `--rounds` turns, so
that a busy moment of a shared machine hits every page alike): the login page, the notification
settings (a trivial authenticated page) and every role's home. It prints requests/s,
p50/p95 latency, the queries one request makes, and the ratio of each home to the settings page
(the goal: at least 0.5). Uses `wrk` when it is installed (`apt-get install wrk`), else a Python
load generator (threads, `http.client`), which itself takes some of the machine's CPU.

The homes are kept per person while no data changes (`smile.portal.homes`); `--fresh` reads
every home afresh, as on the first opening after a change. `--profile ROLE` instead prints, in
process, where one home's time goes when read afresh (cProfile, top 30).
"""

import argparse
import json
import os
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from http.client import HTTPConnection
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable

# Who opens which page: one demo person per role (see README.md, "Demo accounts").
PEOPLE = {
    "adept": "amal.hassan@elev.example",
    "mentor": "johan.lindqvist@gjuteri.example",
    "teacher": "anders.ek@larcentrum.example",
    "coordinator": "lena.holm@savsjo.example",
    "manager": "karin.berg@gjuteri.example",
    "administrator": "admin@smile.example",
}
SETTINGS_PAGE = "/notifications/settings/"
LOGIN_PAGE = "/accounts/login/"


def server_env(db: Path) -> dict[str, str]:
    env = dict(os.environ)
    env.update(
        DATABASE_URL=f"sqlite:///{db}",
        SMILE_ENV="development",
        DEBUG="false",
        ALLOWED_HOSTS="127.0.0.1,localhost,testserver",
        LOG_LEVEL="WARNING",
        PYTHONPATH=str(ROOT),
    )
    return env


def prepare(db: Path) -> None:
    env = server_env(db)
    for command in (["migrate", "--noinput", "-v", "0"], ["createcachetable"], ["demo"]):
        subprocess.run(
            [PYTHON, "manage.py", *command],
            cwd=ROOT,
            env=env,
            check=True,
            stdout=subprocess.DEVNULL,
        )


def setup_django(db: Path) -> None:
    os.environ.update(server_env(db))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "smile.settings")
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()


def session_cookie(email: str) -> str:
    """A session as after a password and TOTP login, made through Django's session machinery."""
    from django.conf import settings
    from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
    from django.contrib.sessions.backends.db import SessionStore
    from django_otp.plugins.otp_totp.models import TOTPDevice

    from smile.accounts.models import User

    user = User.objects.get(email=email)
    session = SessionStore()
    session[SESSION_KEY] = str(user.pk)
    session[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
    session[HASH_SESSION_KEY] = user.get_session_auth_hash()
    device = TOTPDevice.objects.filter(user=user, confirmed=True).first()
    if device is not None:
        session["otp_device_id"] = device.persistent_id
    session.save()
    language = user.preferred_language or "sv"
    return (
        f"{settings.SESSION_COOKIE_NAME}={session.session_key}; "
        f"{settings.LANGUAGE_COOKIE_NAME}={language}"
    )


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def start_gunicorn(db: Path, port: int, workers: int) -> subprocess.Popen[bytes]:
    gunicorn = Path(PYTHON).parent / "gunicorn"
    process = subprocess.Popen(
        [
            str(gunicorn),
            "smile.wsgi",
            "--workers",
            str(workers),
            "--bind",
            f"127.0.0.1:{port}",
            "--log-level",
            "warning",
        ],
        cwd=ROOT,
        env=server_env(db),
    )
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            conn = HTTPConnection("127.0.0.1", port, timeout=2)
            conn.request("GET", LOGIN_PAGE)
            if conn.getresponse().status == 200:
                return process
        except OSError:
            time.sleep(0.2)
    process.terminate()
    raise SystemExit("gunicorn did not answer within a minute")


def check(port: int, path: str, cookie: str) -> None:
    conn = HTTPConnection("127.0.0.1", port, timeout=10)
    conn.request("GET", path, headers={"Cookie": cookie} if cookie else {})
    response = conn.getresponse()
    response.read()
    if response.status != 200:
        raise SystemExit(f"{path}: status {response.status}, expected 200")


# --- load generators ----------------------------------------------------------------------------

WRK_SCRIPT = """
done = function(summary, latency, requests)
  io.write(string.format('{"requests": %d, "seconds": %f, "p50": %f, "p95": %f, "errors": %d}\\n',
    summary.requests, summary.duration / 1e6, latency:percentile(50) / 1e3,
    latency:percentile(95) / 1e3,
    summary.errors.status + summary.errors.connect + summary.errors.read
      + summary.errors.write + summary.errors.timeout))
end
"""


def load_wrk(port: int, path: str, cookie: str, clients: int, seconds: float) -> dict[str, float]:
    with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as script:
        script.write(WRK_SCRIPT)
    try:
        command = ["wrk", "-t", "2", "-c", str(clients), "-d", f"{seconds:g}s", "--timeout", "30s"]
        command += ["-s", script.name]
        if cookie:
            command += ["-H", f"Cookie: {cookie}"]
        out = subprocess.run(
            [*command, f"http://127.0.0.1:{port}{path}"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout
    finally:
        os.unlink(script.name)
    found = json.loads(out.strip().splitlines()[-1])
    return {
        "rps": found["requests"] / found["seconds"],
        "p50": found["p50"],
        "p95": found["p95"],
        "errors": found["errors"],
    }


def load_python(
    port: int, path: str, cookie: str, clients: int, seconds: float
) -> dict[str, float]:
    latencies: list[list[float]] = [[] for _ in range(clients)]
    errors = [0] * clients
    headers = {"Cookie": cookie} if cookie else {}
    stop = time.monotonic() + seconds

    def client(index: int) -> None:
        conn = HTTPConnection("127.0.0.1", port, timeout=30)
        while time.monotonic() < stop:
            started = time.perf_counter()
            try:
                conn.request("GET", path, headers=headers)
                response = conn.getresponse()
                response.read()
                if response.status != 200:
                    errors[index] += 1
            except OSError:
                errors[index] += 1
                conn.close()
                conn = HTTPConnection("127.0.0.1", port, timeout=30)
                continue
            latencies[index].append((time.perf_counter() - started) * 1000)

    began = time.monotonic()
    threads = [threading.Thread(target=client, args=(i,)) for i in range(clients)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    elapsed = time.monotonic() - began
    every = sorted(value for per_client in latencies for value in per_client)
    if not every:
        raise SystemExit(f"{path}: no request succeeded")
    quantiles = statistics.quantiles(every, n=100)
    return {
        "rps": len(every) / elapsed,
        "p50": quantiles[49],
        "p95": quantiles[94],
        "errors": sum(errors),
    }


# --- in-process: queries per request, and a profile ---------------------------------------------


def queries_per_request(path: str, email: str | None) -> int:
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    client = Client()
    if email is not None:
        client.cookies.load(session_cookie(email))
    client.get(path)  # warm: templates, translations
    with CaptureQueriesContext(connection) as queries:
        response = client.get(path)
    assert response.status_code == 200, (path, response.status_code)
    return len(queries)


def profile(role: str) -> None:
    import cProfile
    import pstats

    from django.test import Client

    client = Client()
    client.cookies.load(session_cookie(PEOPLE[role]))
    path = f"/home/{role}/"
    client.get(path)
    profiler = cProfile.Profile()
    profiler.enable()
    for _ in range(20):
        client.get(path)
    profiler.disable()
    pstats.Stats(profiler).sort_stats("cumulative").print_stats(30)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--clients", type=int, default=8)
    parser.add_argument("--seconds", type=float, default=10.0, help="per page, over all rounds")
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--python", action="store_true", help="use the Python load generator")
    parser.add_argument("--profile", choices=sorted(PEOPLE), help="profile one home, no load")
    parser.add_argument(
        "--fresh",
        action="store_true",
        help="read every home afresh (HOME_CACHE_SECONDS=0): the first opening after a change",
    )
    args = parser.parse_args()
    if args.fresh or args.profile:
        os.environ["HOME_CACHE_SECONDS"] = "0"

    folder = Path(tempfile.mkdtemp(prefix="smile-bench-"))
    db = folder / "smile.sqlite3"
    process = None
    try:
        print(f"Preparing the demo in {db} ...", flush=True)
        prepare(db)
        setup_django(db)
        if args.profile:
            profile(args.profile)
            return
        cookies = {role: session_cookie(email) for role, email in PEOPLE.items()}
        pages = [
            ("login page (anonymous)", LOGIN_PAGE, "", None),
            ("notification settings (adept)", SETTINGS_PAGE, cookies["adept"], PEOPLE["adept"]),
        ] + [(f"home: {role}", f"/home/{role}/", cookies[role], PEOPLE[role]) for role in PEOPLE]
        queries = {label: queries_per_request(path, email) for label, path, _c, email in pages}
        port = free_port()
        process = start_gunicorn(db, port, args.workers)
        use_wrk = shutil.which("wrk") is not None and not args.python
        load = load_wrk if use_wrk else load_python
        generator = "wrk" if use_wrk else "Python threads"
        print(
            f"gunicorn smile.wsgi, {args.workers} workers, DEBUG off, SQLite; {args.clients} "
            f"clients for {args.seconds:g} s per page ({generator}); {os.cpu_count()} CPUs; "
            f"homes {'read afresh' if args.fresh else 'kept while no data changes'}\n"
        )
        # The machine may be shared: pages take turns in rounds, and each home is compared with
        # the settings page of the same round; the medians over the rounds are reported.
        for _label, path, cookie, _email in pages:
            check(port, path, cookie)
            load(port, path, cookie, args.clients, 1.0)  # warm the workers
        rounds: list[dict[str, dict[str, float]]] = []
        for _round in range(args.rounds):
            rounds.append(
                {
                    label: load(port, path, cookie, args.clients, args.seconds / args.rounds)
                    for label, path, cookie, _email in pages
                }
            )
        settings_label = "notification settings (adept)"
        header = f"{'page':32} {'req/s':>7} {'p50 ms':>7} {'p95 ms':>7} {'queries':>7} {'ratio':>6}"
        print(header)
        print("-" * len(header))
        ratios = {}
        for label, _path, _cookie, _email in pages:
            runs = [found[label] for found in rounds]
            ratios[label] = statistics.median(
                found[label]["rps"] / found[settings_label]["rps"] for found in rounds
            )
            errors = sum(run["errors"] for run in runs)
            print(
                f"{label:32} {statistics.median(run['rps'] for run in runs):7.0f} "
                f"{statistics.median(run['p50'] for run in runs):7.1f} "
                f"{statistics.median(run['p95'] for run in runs):7.1f} "
                f"{queries[label]:7d} {ratios[label]:6.2f}"
                + (f"  ({errors:.0f} errors)" if errors else "")
            )
        slowest = min(ratios[f"home: {role}"] for role in PEOPLE)
        print(f"\nslowest home / settings: {slowest:.2f} (goal: at least 0.50)")
    finally:
        if process is not None:
            process.terminate()
            process.wait(timeout=30)
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
