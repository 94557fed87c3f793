"""The `smile` command: `smile solve PROBLEM.json` runs the matching solver without Django;
every other command is a Django management command (`smile migrate`, `smile demo`, …)."""

import os
import sys


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if args and args[0] == "solve":
        from smile.matching.solve_cli import main as solve_main

        return solve_main(args[1:])
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "smile.settings")
    from django.core.management import execute_from_command_line

    execute_from_command_line(["smile", *args])
    return 0


if __name__ == "__main__":
    sys.exit(main())
