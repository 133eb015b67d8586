"""Read the Markdown files of a build in worker processes, before Pelican asks.

Pelican reads posts one after another, each on demand, in its generators'
generate_context. Once every reading generator exists (Pelican makes them all
before any reads, and sends article_ and page_generator_init), the files they will
read are known: those their get_files() lists that Guestlist's reader
handles and that the content cache does not hold. The first time Pelican
asks the reader for one of them, all are read at once by forked workers
(the costly half of reading: checks, lint, Markdown); then each of Pelican's
requests takes its file's result, replays that file's log records and
problems, and finishes the metadata in this process, in Pelican's order.
The content, metadata, messages and cache are therefore those of a
one-process build.
"""

from __future__ import annotations

import logging
import os
from typing import Any

from pelican.generators import ArticlesGenerator, PagesGenerator

from ..core.reader import PREREAD_SETTING, GuestMarkdownReader, RawRead
from ..core.reading import ContentRefused
from ..core.workers import Captured, capturing, map_forked, processes_for, workers_for

logger = logging.getLogger(__name__)

# Which settings list the files each reading generator reads.
READ_PATHS = {
    ArticlesGenerator: ("ARTICLE_PATHS", "ARTICLE_EXCLUDES"),
    PagesGenerator: ("PAGE_PATHS", "PAGE_EXCLUDES"),
}


class Prereader:
    """The files of one build to read in workers, and what the workers made of them."""

    def __init__(self, settings: dict[str, Any], processes: int) -> None:
        self.settings = settings
        self.processes = processes
        self._pending: dict[str, GuestMarkdownReader] = {}  # path -> the reader to use
        # path -> what a worker made of it, and the file as it was when read
        self._done: dict[str, tuple[RawRead | ContentRefused, Captured, FileState]] = {}

    def __reduce__(self) -> tuple:
        # Pelican's content cache pickles settings (inside Author objects):
        # what was read for one build is no part of it.
        return (_empty, ())

    def expect(self, path: str, reader: GuestMarkdownReader) -> None:
        self._pending[os.path.abspath(path)] = reader

    def take(self, path: str) -> RawRead | None:
        """The worker's reading of `path`, or None if this process must read it."""
        path = os.path.abspath(path)
        if path not in self._done and path in self._pending:
            self._read_pending()
        if path not in self._done:
            return None
        outcome, captured, seen = self._done.pop(path)
        if file_state(path) != seen:
            # Saved again since a worker read it (the dev server rebuilds
            # while a writer saves): Pelican's content cache stamps the file
            # as it is now, so it must get what the file says now.
            return None
        captured.replay(self.settings)
        if isinstance(outcome, ContentRefused):
            raise outcome
        return outcome

    def _read_pending(self) -> None:
        paths = list(self._pending)
        readers = [self._pending[path] for path in paths]
        self._pending.clear()
        processes = workers_for(len(paths), self.processes)
        logger.debug("Reading %d files in %d processes", len(paths), processes)

        def read(index: int) -> tuple[RawRead | ContentRefused, Captured, FileState]:
            seen = file_state(paths[index])
            with capturing(self.settings) as captured:
                outcome: RawRead | ContentRefused
                try:
                    outcome = readers[index].read_raw(paths[index])
                except ContentRefused as refused:
                    # Its problems were collected, and come back with `captured`.
                    outcome = ContentRefused(refused.problem)
            return outcome, captured, seen

        results = map_forked(read, len(paths), processes)
        self._done.update(zip(paths, results, strict=True))


FileState = tuple[int, int, int] | None


def file_state(path: str) -> FileState:
    """What tells a file saved again from the one read: its inode, size and mtime."""
    try:
        found = os.stat(path)
    except OSError:
        return None
    return found.st_ino, found.st_size, found.st_mtime_ns


def _empty() -> None:
    return None


def expect_files(generator: Any, **kwargs: Any) -> None:
    """article_ and page_generator_init: note the Markdown files it will read."""
    names = READ_PATHS.get(type(generator))
    settings = generator.settings
    processes = processes_for(settings)
    if names is None or processes <= 1:
        return
    prereader = settings.get(PREREAD_SETTING)
    if type(generator) is ArticlesGenerator or not isinstance(prereader, Prereader):
        # The articles' generator is made first in each run: a new build.
        prereader = settings[PREREAD_SETTING] = Prereader(settings, processes)
    paths, excludes = (settings[name] for name in names)
    for relative in generator.get_files(paths, exclude=excludes):
        extension = os.path.splitext(relative)[1][1:]
        reader = generator.readers.readers.get(extension)
        if not isinstance(reader, GuestMarkdownReader):
            continue
        path = os.path.abspath(os.path.join(generator.path, relative))
        # What the content cache holds is not read (at either of its layers).
        if generator.get_cached_data(relative, None) is not None:
            continue
        if generator.readers.get_cached_data(path, None) is not None:
            continue
        prereader.expect(path, reader)
