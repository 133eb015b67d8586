"""Problems found in content or settings, as values, and the one collector of a build.

Every stage adds `ContentProblem`s to the build's `ProblemCollector` instead of
logging them: the collector reports each problem once, at the end of the
build, sorted by file and line, through Pelican's logger (so `--fatal
warnings` and `--fatal errors` apply), and `make check` reads the same
collector to print them and choose its exit status.
"""

from __future__ import annotations

import logging
import os
import re
from collections.abc import Iterable, MutableMapping
from dataclasses import dataclass
from pathlib import Path

logger = logging.getLogger(__name__)

ERROR = "error"
WARNING = "warning"
# Not a problem: something the host should see (an account the build links).
# Notes never fail a build or the check; report() logs each distinct one once.
NOTE = "note"

# Where a build keeps its collector: in its settings, which Pelican hands to
# every generator, reader and content object of that build, and to no other.
COLLECTOR_SETTING = "GUESTLIST_PROBLEMS"


@dataclass(frozen=True)
class ContentProblem:
    """One thing wrong with one file: where, what, and how to fix it."""

    path: str  # the file, as the user knows it (relative to the site's folder)
    message: str  # what is wrong, and how to fix it unless `fix` says so
    severity: str = WARNING
    field: str | None = None  # the metadata key or setting involved, if any
    line: int | None = None
    fix: str | None = None  # how to fix it, when the message does not say

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else self.path
        text = f"{self.message}; {self.fix}" if self.fix else self.message
        return f"{where}: {self.severity}: {text}"

    @property
    def is_error(self) -> bool:
        return self.severity == ERROR

    def sort_key(self) -> tuple:
        return (self.path, self.line or 0, self.message)


class ProblemCollector:
    """Every problem of one build, each kept once, reported together at its end."""

    def __init__(self) -> None:
        self._pending: dict[ContentProblem, None] = {}  # ordered, without repeats
        self._already_logged: set[ContentProblem] = set()
        self.reported: list[ContentProblem] = []  # what the last report() said
        self.notes: list[ContentProblem] = []  # every note the last report() said
        self.listener: logging.Handler | None = None  # Pelican's messages, while building
        self.filter: logging.Filter | None = None  # drops what the build said already

    def __reduce__(self) -> tuple:
        # Pelican's content cache pickles Author objects with their settings, and
        # so this collector: a collector belongs to one build, and is cached empty.
        return (ProblemCollector, ())

    def add(self, problem: ContentProblem, *, already_logged: bool = False) -> None:
        """Keep `problem`; `already_logged` for Pelican's own messages, shown already."""
        self._pending.setdefault(problem, None)
        if already_logged:
            self._already_logged.add(problem)

    def extend(self, problems: Iterable[ContentProblem]) -> None:
        for problem in problems:
            self.add(problem)

    @property
    def pending(self) -> list[ContentProblem]:
        """Everything pending, notes too, in the order it was found."""
        return list(self._pending)

    @property
    def problems(self) -> list[ContentProblem]:
        """What is pending, sorted by file, line and message (notes aside)."""
        return sorted(
            (item for item in self._pending if item.severity != NOTE),
            key=ContentProblem.sort_key,
        )

    @property
    def pending_notes(self) -> list[ContentProblem]:
        """The pending notes, each message once: where it is said first."""
        return first_of_each(item for item in self._pending if item.severity == NOTE)

    def report(self) -> list[ContentProblem]:
        """Log every pending problem once, errors as errors; return and forget them.

        Notes are logged too, each message once at INFO level (where it is first
        said), and kept, every one, in `notes`, not returned.
        """
        self.reported = self.problems
        for problem in self.reported:
            if problem in self._already_logged:
                continue
            log = logger.error if problem.is_error else logger.warning
            log("%s", problem)
        first = self.pending_notes
        self.notes = sorted(
            (item for item in self._pending if item.severity == NOTE),
            key=ContentProblem.sort_key,
        )
        for note in first:  # each account once, where it is first linked
            logger.info("%s", note)
        self._pending.clear()
        self._already_logged.clear()
        return self.reported


def first_of_each(notes: Iterable[ContentProblem]) -> list[ContentProblem]:
    """Each note's message once, where it is first said (by file, then line)."""
    first: dict[str, ContentProblem] = {}
    for note in sorted(notes, key=ContentProblem.sort_key):
        first.setdefault(note.message, note)
    return list(first.values())


def collector_for(settings: MutableMapping) -> ProblemCollector:
    """The collector of the build these settings belong to (made on first use)."""
    collector = settings.get(COLLECTOR_SETTING)
    if not isinstance(collector, ProblemCollector):
        collector = ProblemCollector()
        settings[COLLECTOR_SETTING] = collector
    return collector


def find_field_line(path: str | Path, field: str) -> int | None:
    """The 1-based line where metadata `field` is set in `path`, or None.

    Only the metadata block at the top is searched: it ends at the first blank
    line. Reading a file again is fine here: this runs only for files that have
    a problem.
    """
    pattern = re.compile(rf"^\s*{re.escape(field)}\s*:", re.IGNORECASE)
    try:
        with open(path, encoding="utf-8") as source:
            for number, text in enumerate(source, start=1):
                if not text.strip():
                    return None
                if pattern.match(text):
                    return number
    except (OSError, UnicodeDecodeError):
        return None
    return None


def problem(
    source_path: str | Path,
    message: str,
    *,
    field: str | None = None,
    severity: str = WARNING,
    content_root: str | Path | None = None,
) -> ContentProblem:
    """Make a ContentProblem, finding the field's line in the file."""
    full_path = Path(source_path)
    shown = display_path(full_path, content_root)
    line = find_field_line(full_path, field) if field else None
    return ContentProblem(
        path=shown, message=message, severity=severity, field=field, line=line
    )


def display_path(path: str | Path, content_root: str | Path | None = None) -> str:
    """`path` relative to the content folder's parent (content/posts/a.md)."""
    path = Path(path)
    if content_root is not None:
        # As written first: a link is named where it is, not where it points.
        for resolve in (os.path.abspath, os.path.realpath):
            try:
                root = Path(resolve(content_root)).parent
                return Path(resolve(path)).relative_to(root).as_posix()
            except ValueError:
                continue
    return path.as_posix()
