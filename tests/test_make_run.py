"""`make run` as a newcomer starts it: links in e-mails follow the port, and SMILE's own error
pages show instead of Django's debug pages. Read from make's dry run (nothing is started)."""

import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _recipe(*variables: str) -> str:
    result = subprocess.run(
        ["make", "-n", "-W", "pyproject.toml", "run", *variables],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    return result.stdout


def test_another_port_moves_the_links_in_e_mails_and_the_server() -> None:
    recipe = _recipe("PORT=8100")
    assert 'SITE_URL="${SITE_URL:-http://127.0.0.1:8100}"' in recipe
    assert "runserver 127.0.0.1:8100" in recipe


def test_the_debug_pages_are_off_unless_asked_for() -> None:
    assert 'DEBUG="${DEBUG:-false}"' in _recipe()
