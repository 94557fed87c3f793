"""`smile solve PROBLEM.json`: output, exit codes and error locations."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from smile.matching.solve_cli import main

REPO = Path(__file__).resolve().parents[3]


def valid() -> dict[str, Any]:
    return {
        "mentors": [{"id": "m1", "capacity": 1}, {"id": "m2", "capacity": 2}],
        "adepts": [{"id": "a3"}, {"id": "a1"}, {"id": "a2"}, {"id": "loner"}],
        "candidates": [
            {"adept": "a2", "mentor": "m1", "score": 95},
            {"adept": "a1", "mentor": "m1", "score": 100},
            {"adept": "a1", "mentor": "m2", "score": 90},
            {"adept": "a3", "mentor": "m2", "score": 0},
        ],
    }


EXPECTED = {
    # Pairs follow the adepts' input order (a3, a1, a2), not ids or candidates.
    "pairs": [
        {"adept": "a3", "mentor": "m2", "score": 0},
        {"adept": "a1", "mentor": "m2", "score": 90},
        {"adept": "a2", "mentor": "m1", "score": 95},
    ],
    "unmatched": ["loner"],
    "matched": 3,
    "total_score": 185,
}


def write(tmp_path: Path, doc: object, name: str = "problem.json") -> str:
    path = tmp_path / name
    path.write_text(doc if isinstance(doc, str) else json.dumps(doc), encoding="utf-8")
    return str(path)


def run(capsys: pytest.CaptureFixture[str], argv: list[str]) -> tuple[int, str, str]:
    status = main(argv)
    out, err = capsys.readouterr()
    return status, out, err


def test_solves_a_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    status, out, err = run(capsys, [write(tmp_path, valid())])
    assert (status, err) == (0, "")
    assert json.loads(out) == EXPECTED


def test_reads_stdin_and_pretty_prints(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    stdin = io.TextIOWrapper(io.BytesIO(json.dumps(valid()).encode()))
    monkeypatch.setattr(sys, "stdin", stdin)
    status, out, _ = run(capsys, ["--indent", "2", "-"])
    assert status == 0
    assert json.loads(out) == EXPECTED
    assert out.startswith('{\n  "pairs"')


def test_float_scores_and_extra_keys(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    doc = valid() | {"version": 3}
    doc["mentors"][0]["name"] = "Ada"
    doc["candidates"][0]["score"] = 95.5
    doc["candidates"][2]["score"] = 0.1
    doc["candidates"][3]["score"] = 0.2
    status, out, _ = run(capsys, [write(tmp_path, doc)])
    result = json.loads(out)
    assert status == 0
    assert [p["score"] for p in result["pairs"]] == [0.2, 0.1, 95.5]
    assert result["total_score"] == 95.8  # the exact decimal sum, not float noise


def test_fixed_pairs_in_json(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    doc = valid() | {"fixed": [{"adept": "loner", "mentor": "m1"}]}
    status, out, _ = run(capsys, [write(tmp_path, doc)])
    result = json.loads(out)
    assert status == 0
    assert {"adept": "loner", "mentor": "m1", "score": 0, "fixed": True} in result["pairs"]
    assert result["matched"] == 3
    assert result["unmatched"] == ["a2"]


def test_empty_problem(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    doc: dict[str, list[object]] = {"mentors": [], "adepts": [], "candidates": []}
    status, out, _ = run(capsys, [write(tmp_path, doc)])
    assert status == 0
    assert json.loads(out) == {"pairs": [], "unmatched": [], "matched": 0, "total_score": 0}


def _with(path: str, value: object) -> dict[str, Any]:
    """valid() with the value at a dotted/indexed path replaced (or deleted if ...)."""
    doc = valid()
    target: Any = doc
    keys: list[str | int] = [
        int(part) if part.isdigit() else part
        for part in path.replace("[", ".").replace("]", "").split(".")
    ]
    for key in keys[:-1]:
        target = target[key]
    if value is Ellipsis:
        del target[keys[-1]]
    else:
        target[keys[-1]] = value
    return doc


BAD_DOCUMENTS: list[tuple[object, str]] = [
    ([], "$: must be an object, got array"),
    ("null", "$: must be an object, got null"),
    (_with("mentors", ...), "mentors: is required"),
    (_with("adepts", ...), "adepts: is required"),
    (_with("candidates", ...), "candidates: is required"),
    (_with("mentors", {"m1": 1}), "mentors: must be an array, got object"),
    (_with("candidates", "none"), "candidates: must be an array, got string"),
    (_with("mentors[1]", "m2"), "mentors[1]: must be an object, got string"),
    (_with("mentors[0].id", ...), "mentors[0].id: is required"),
    (_with("mentors[0].capacity", ...), "mentors[0].capacity: is required"),
    (_with("mentors[0].id", 1), "mentors[0].id: must be a non-empty string, got 1"),
    (_with("mentors[0].id", ""), 'mentors[0].id: must be a non-empty string, got ""'),
    (_with("mentors[1].id", "m1"), 'mentors[1].id: duplicate mentor id "m1" (first at mentors[0])'),
    (_with("mentors[1].capacity", -1), "mentors[1].capacity: must be an integer >= 0, got -1"),
    (_with("mentors[1].capacity", 1.5), "mentors[1].capacity: must be an integer >= 0, got 1.5"),
    (_with("mentors[1].capacity", 2.0), "mentors[1].capacity: must be an integer >= 0, got 2.0"),
    (_with("mentors[1].capacity", True), "mentors[1].capacity: must be an integer >= 0, got true"),
    (_with("mentors[1].capacity", "2"), 'mentors[1].capacity: must be an integer >= 0, got "2"'),
    (_with("adepts[2]", ["a2"]), "adepts[2]: must be an object, got array"),
    (_with("adepts[2].id", None), "adepts[2].id: must be a non-empty string, got null"),
    (_with("adepts[3].id", "a3"), 'adepts[3].id: duplicate adept id "a3" (first at adepts[0])'),
    (_with("candidates[1]", 7), "candidates[1]: must be an object, got number"),
    (_with("candidates[1].adept", ...), "candidates[1].adept: is required"),
    (_with("candidates[1].mentor", ...), "candidates[1].mentor: is required"),
    (_with("candidates[3].score", ...), "candidates[3].score: is required"),
    (_with("candidates[3].score", -1), "candidates[3].score: must be a number >= 0, got -1"),
    (_with("candidates[3].score", -0.5), "candidates[3].score: must be a number >= 0, got -0.5"),
    (_with("candidates[3].score", "87"), 'candidates[3].score: must be a number >= 0, got "87"'),
    (_with("candidates[3].score", True), "candidates[3].score: must be a number >= 0, got true"),
    (_with("candidates[3].score", None), "candidates[3].score: must be a number >= 0, got null"),
    (
        _with("candidates[3].score", 1e301),
        "candidates[3].score: must be at most 1e+300, got 1e+301",
    ),
    (
        _with("candidates[3].score", 10**400),
        "candidates[3].score: must be at most 1e+300, got 1000",
    ),
    (_with("candidates[2].adept", "a9"), 'candidates[2].adept: unknown adept "a9"'),
    (_with("candidates[2].mentor", "m9"), 'candidates[2].mentor: unknown mentor "m9"'),
    (_with("candidates[2].mentor", 2), "candidates[2].mentor: must be a non-empty string, got 2"),
    (_with("candidates[2].adept", {"id": "a1"}), "candidates[2].adept: must be a non-empty string"),
    (
        _with("candidates[3]", {"adept": "a1", "mentor": "m1", "score": 1}),
        'candidates[3]: duplicate pair (adept "a1", mentor "m1"), first at candidates[1]',
    ),
    (valid() | {"fixed": {}}, "fixed: must be an array, got object"),
    (valid() | {"fixed": [{"adept": "a1"}]}, "fixed[0].mentor: is required"),
    (
        valid() | {"fixed": [{"adept": "a1", "mentor": "m0"}]},
        'fixed[0].mentor: unknown mentor "m0"',
    ),
]
# Non-finite scores only exist as JSON through Python's NaN/Infinity extension.
for literal, problem in [
    ("NaN", "must be a number >= 0"),
    ("-Infinity", "must be a number >= 0"),
    ("Infinity", "must be at most 1e+300"),
]:
    BAD_DOCUMENTS.append(
        (
            json.dumps(valid()).replace('"score": 0', f'"score": {literal}'),
            f"candidates[3].score: {problem}, got {literal}",
        )
    )


@pytest.mark.parametrize(("doc", "error"), BAD_DOCUMENTS)
def test_invalid_input_exits_2_naming_the_field(
    doc: object, error: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    status, out, err = run(capsys, [write(tmp_path, doc)])
    assert status == 2
    assert out == ""
    assert err.startswith(f"smile solve: {error}"), err
    assert err.count("\n") == 1


@pytest.mark.parametrize(
    ("content", "error"),
    [
        ("", "not valid JSON: Expecting value: line 1 column 1"),
        ('{"mentors": [}', "not valid JSON: Expecting value: line 1 column 14"),
        (b"\xff\xfe\xfa", "not valid JSON: not UTF-8 text"),
        ("[" * 100_000 + "]" * 100_000, "not valid JSON: nested too deeply"),
    ],
)
def test_unreadable_json(
    content: str | bytes, error: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "bad.json"
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content)
    status, out, err = run(capsys, [str(path)])
    assert (status, out) == (2, "")
    assert err.startswith(f"smile solve: {path}: {error}"), err


def test_missing_file_and_directory(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    missing = tmp_path / "nope.json"
    status, out, err = run(capsys, [str(missing)])
    assert (status, out) == (2, "")
    assert err == f"smile solve: {missing}: cannot read: No such file or directory\n"
    status, out, err = run(capsys, [str(tmp_path)])
    assert (status, out) == (2, "")
    assert err == f"smile solve: {tmp_path}: cannot read: Is a directory\n"


def test_usage_errors(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, err = run(capsys, [])
    assert (status, out) == (2, "")
    assert "the following arguments are required: PROBLEM.json" in err
    status, out, _ = run(capsys, ["--help"])
    assert status == 0
    assert "usage: smile solve" in out


def test_closed_stdout_exits_quietly(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    class ClosedPipe(io.StringIO):
        def __init__(self, fd: int) -> None:
            super().__init__()
            self.fd = fd

        def write(self, text: str) -> int:
            raise BrokenPipeError(32, "Broken pipe")

        def fileno(self) -> int:
            return self.fd

    with (tmp_path / "stdout").open("w") as target:
        monkeypatch.setattr(sys, "stdout", ClosedPipe(target.fileno()))
        assert main([write(tmp_path, valid())]) == 1


def test_module_runs_as_a_subprocess(tmp_path: Path) -> None:
    command = [sys.executable, "-m", "smile.matching.solve_cli"]
    good = subprocess.run(
        [*command, write(tmp_path, valid())], cwd=REPO, capture_output=True, text=True, timeout=60
    )
    assert (good.returncode, good.stderr) == (0, "")
    assert json.loads(good.stdout) == EXPECTED

    doc = _with("candidates[3].score", -3)
    bad = subprocess.run(
        [*command, "-"], input=json.dumps(doc), cwd=REPO, capture_output=True, text=True, timeout=60
    )
    assert (bad.returncode, bad.stdout) == (2, "")
    assert bad.stderr == "smile solve: candidates[3].score: must be a number >= 0, got -3\n"
