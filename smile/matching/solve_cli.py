"""`smile solve PROBLEM.json`: solve a matching problem given as JSON, without Django.

Reads ``{"mentors": [...], "adepts": [...], "candidates": [...]}`` from a file, or from
stdin for "-", and prints ``{"pairs", "unmatched", "matched", "total_score"}`` as JSON.
Invalid input exits with status 2 and one line on stderr that names the offending field
(``candidates[3].score: must be a number >= 0, got -1``); nothing goes to stdout then.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from typing import Any

from smile.matching.problem import ProblemError, parse_problem
from smile.matching.solver import solve

PROG = "smile solve"
EXIT_INVALID = 2


def _read_json(source: str) -> Any:
    """Decode the problem document; errors carry the file name as their location."""
    name = "<stdin>" if source == "-" else source
    try:
        if source == "-":
            raw = sys.stdin.buffer.read()
        else:
            with open(source, "rb") as handle:
                raw = handle.read()
    except OSError as exc:
        raise ProblemError(name, f"cannot read: {exc.strerror or exc}") from None
    try:
        # bytes in: json detects UTF-8/16/32 itself.
        return json.loads(raw)
    except UnicodeDecodeError as exc:
        raise ProblemError(name, f"not valid JSON: not UTF-8 text ({exc.reason})") from None
    except json.JSONDecodeError as exc:
        raise ProblemError(name, f"not valid JSON: {exc}") from None
    except RecursionError:
        raise ProblemError(name, "not valid JSON: nested too deeply") from None


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog=PROG,
        description="Match adepts to mentors: most adepts matched, then highest total score.",
    )
    parser.add_argument("problem", metavar="PROBLEM.json", help='problem file, or "-" for stdin')
    parser.add_argument(
        "--indent", type=int, default=None, metavar="N", help="pretty-print with N spaces"
    )
    return parser


def main(argv: list[str] | None = None) -> int:
    """Run `smile solve` with `argv` (the arguments after "solve"); return the exit status."""
    try:
        args = _parser().parse_args(argv)
    except SystemExit as exc:  # argparse exits on --help (0) and usage errors (2)
        return exc.code if isinstance(exc.code, int) else EXIT_INVALID

    try:
        # The decoded document, often ten times the file's size in memory, is only a
        # temporary here: it is freed before the solver allocates its graph.
        problem = parse_problem(_read_json(args.problem))
    except ProblemError as exc:
        print(f"{PROG}: {exc}", file=sys.stderr)
        return EXIT_INVALID
    solution = solve(problem)
    try:
        # One write: json.dump would issue a write per token.
        sys.stdout.write(json.dumps(solution.to_dict(), indent=args.indent) + "\n")
        sys.stdout.flush()
    except BrokenPipeError:
        # The reader left (`| head`); point stdout at devnull so that Python's own flush
        # at exit does not fail again with a traceback.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
