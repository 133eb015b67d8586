"""`guestlist-check`: the command behind `make check`.

Prints one line a problem, `path:line: error|warning: message`, with paths
that open from the folder the command runs in, and exits 1 when any problem
is an error, 2 when the check cannot run at all. After the problems, under
"Accounts the build links:", one note an account that @mentions link, where
it is first linked: notes never fail the check.
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from ..core.lifecycle import shown_from_here
from ..core.problems import ERROR, first_of_each
from .checks import CheckError, check_site

NOTES_HEADING = "Accounts the build links:"


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="guestlist-check",
        description="Check the blog's content without building it.",
    )
    parser.add_argument(
        "files", nargs="*", help="only report these files (default: all content)"
    )
    parser.add_argument(
        "-s",
        "--settings",
        default="pelicanconf.py",
        help="the site's Pelican settings (default: pelicanconf.py)",
    )
    parser.add_argument(
        "--content", help="the content folder (default: PATH in the settings)"
    )
    parser.add_argument(
        "-j",
        "--jobs",
        type=int,
        metavar="N",
        help="check in N processes (default: GUEST_SERIES_PROCESSES, every core)",
    )
    args = parser.parse_args(argv)
    if args.jobs is not None and args.jobs < 1:
        parser.error("-j/--jobs must be 1 or more")

    settings = Path(args.settings)
    if not settings.is_file():
        print(
            f"guestlist-check: no settings file {settings}; run it in the blog's "
            "folder or give --settings",
            file=sys.stderr,
        )
        return 2
    logging.getLogger().setLevel(logging.WARNING)
    try:
        result = check_site(
            settings, content=args.content, only=args.files, processes=args.jobs
        )
    except CheckError as error:
        print(f"guestlist-check: {error}", file=sys.stderr)
        return 2

    problems = result.problems
    content_parent = result.content_root.resolve().parent
    for item in problems:
        if item.path == shown_from_here(settings):  # a setting's: the file as given
            print(item)
        else:
            print(str(item).replace(item.path, _from_here(item.path, content_parent), 1))
    notes = first_of_each(result.notes)
    if notes:
        print(NOTES_HEADING)
        for note in notes:
            print(str(note).replace(note.path, _from_here(note.path, content_parent), 1))
    errors = sum(item.severity == ERROR for item in problems)
    warnings = len(problems) - errors
    print(_summary(errors, warnings), file=sys.stderr)
    return 1 if errors else 0


def _from_here(path, content_parent):
    if Path(path).is_absolute():
        return path
    return Path(os.path.relpath(content_parent / path)).as_posix()


def _summary(errors, warnings):
    if not errors and not warnings:
        return "guestlist-check: no problems found"
    parts = [f"{errors} error{'s' * (errors != 1)}", f"{warnings} warning"]
    parts[1] += "s" * (warnings != 1)
    return "guestlist-check: " + ", ".join(parts)


if __name__ == "__main__":
    sys.exit(main())
