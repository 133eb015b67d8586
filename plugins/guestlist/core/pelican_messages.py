"""Pelican's own warnings and errors, kept in the build's problem collector.

Pelican reports some problems itself (a file it cannot read, a date it cannot
parse, a link to a missing file). They are shown as Pelican logs them; this
handler also keeps each as a ContentProblem naming the content file, so that
`make check` sees every problem of a build in one collector. Pelican's
messages that the metadata lint says better (with the line and the fix) are
dropped for a file the lint reported on.
"""

from __future__ import annotations

import logging
from pathlib import Path

from .problems import ERROR, WARNING, ContentProblem, ProblemCollector, display_path
from .reading import inside

OUR_LOGGERS = __package__.rpartition(".")[0] + "."
# Pelican's messages that the lint says better, as Pelican writes their format.
SAID_BETTER_BY_THE_LINT = frozenset(
    {
        "Skipping %s: could not find information about '%s'",
        "Duplicate definition of `%s` for %s. Using first one.",
        "Could not process %s",
        "Skipping %s: file %r would be written outside output path",
        "Unknown status '%s' for file %s, skipping it. (Not in %s)",
    }
)
# Said by Pelican's cache before the reader sees the file: dropped when the file is
# one the reader refuses unread (a link out of the content folder, or to nothing).
STAMP_MESSAGE = "Cannot get modification stamp for %s\n\t%s"
# Pelican's notes on what the lint reports as a warning already.
SAID_AS_A_WARNING = frozenset({"Duplicate definition of `%s` for %s. Using first one."})
# Pelican's loggers that say a file was skipped, where a filter can drop what
# Guestlist has already said of that file.
SKIPPING_LOGGERS = (
    "pelican.generators",
    "pelican.contents",
    "pelican.cache",
    "pelican.readers",
)


class SaidAlready(logging.Filter):
    """Drops Pelican's word that a file is skipped when the build has said why already.

    A file the reader refused, or that lacks its Title, is reported once, by
    Guestlist, with the line and the fix; Pelican's "Could not process" or
    "Skipping" for the same file would say it again, less clearly.
    """

    def __init__(self, collector: ProblemCollector, content_root: str | Path) -> None:
        super().__init__()
        self.collector = collector
        self.content_root = Path(content_root)

    def filter(self, record: logging.LogRecord) -> bool:
        if record.msg == STAMP_MESSAGE and isinstance(record.args, tuple) and record.args:
            named = Path(str(record.args[0]))
            return inside(named, self.content_root) and named.exists()
        said_as_error = record.msg in SAID_BETTER_BY_THE_LINT
        if not said_as_error and record.msg not in SAID_AS_A_WARNING:
            return True
        args = record.args if isinstance(record.args, tuple) else ()
        named = {self._shown(arg) for arg in args}
        return not any(
            problem.path in named and (problem.is_error or not said_as_error)
            for problem in self.collector.problems
        )

    def _shown(self, arg: object) -> str:
        named = Path(str(getattr(arg, "source_path", arg)))
        if not named.is_absolute():  # "Could not process" names it from the content folder
            named = self.content_root / named
        return display_path(named, self.content_root)


class PelicanMessages(logging.Handler):
    """Keeps the build's warnings and errors logged by anything but Guestlist."""

    def __init__(self, content_root: str | Path) -> None:
        super().__init__(level=logging.WARNING)
        self.content_root = Path(content_root)
        # (problem, whether the lint says it better, content paths it mentions)
        self.kept: list[tuple[ContentProblem, bool, tuple[str, ...]]] = []

    def emit(self, record: logging.LogRecord) -> None:
        if record.name.startswith(OUR_LOGGERS):
            return
        args = record.args if isinstance(record.args, tuple) else ()
        path, written = self._path_in(args)
        message = " ".join(record.getMessage().split())
        if path is None:
            shown = display_path(self.content_root, self.content_root)
        else:
            shown = display_path(path, self.content_root)
            message = message.replace(written, shown)
        severity = ERROR if record.levelno >= logging.ERROR else WARNING
        problem = ContentProblem(path=shown, message=message, severity=severity)
        said_better = path is not None and record.msg in SAID_BETTER_BY_THE_LINT
        self.kept.append((problem, said_better, self._content_paths_in(args)))

    def hand_over(self, collector: ProblemCollector) -> None:
        """Add what was kept to `collector`, but what the lint already said better."""
        linted = {problem.path for problem in collector.problems}
        messages = [problem.message for problem in collector.problems]
        for problem, said_better, mentioned in self.kept:
            if said_better and problem.path in linted:
                continue
            # Pelican also warns, less clearly, about a linked file that is missing.
            if any(path in message for path in mentioned for message in messages):
                continue
            collector.add(problem, already_logged=True)
        self.kept = []

    def _path_in(self, args: tuple) -> tuple[Path | None, str | None]:
        """The content file a message is about, and the argument naming it."""
        root = self.content_root.resolve()
        for arg in args:
            text = str(getattr(arg, "source_path", arg))
            if not text or "\n" in text:
                continue
            candidate = Path(text)
            if not candidate.is_absolute():
                candidate = self.content_root / candidate
            try:
                if candidate.is_file() and candidate.resolve().is_relative_to(root):
                    return candidate, str(arg)
            except (OSError, ValueError, RuntimeError):  # RuntimeError: a loop of links
                continue
        return None, None

    def _content_paths_in(self, args: tuple) -> tuple[str, ...]:
        """The absolute paths under the content folder a message names, as shown."""
        root = self.content_root.resolve()
        found = []
        for arg in args:
            text = str(arg)
            if not text or "\n" in text or not Path(text).is_absolute():
                continue
            try:
                if Path(text).resolve().is_relative_to(root):
                    found.append(display_path(text, self.content_root))
            except (OSError, ValueError, RuntimeError):
                continue
        return tuple(found)
