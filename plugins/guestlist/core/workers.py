"""A pool of forked worker processes, and what crosses back from them.

Workers are forked, so they start with the build's whole state (settings,
readers, templates, the content model) and nothing has to be pickled on the
way in but an index. What comes back must be plain data: results, the log
records the work emitted, and the problems it found, which the parent logs
and collects in the order a one-process build would have.
"""

from __future__ import annotations

import gc
import logging
import os
from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from contextlib import contextmanager
from dataclasses import dataclass, field
from multiprocessing import get_all_start_methods, get_context
from typing import Any

from pelican.log import FatalLogger, FilteredMessage

from .problems import COLLECTOR_SETTING, ContentProblem, ProblemCollector

# Below this many items a pool costs more than it saves.
MIN_ITEMS_FOR_POOL = 16


def processes_for(settings: dict[str, Any]) -> int:
    """How many processes to use: the setting, or every core the build may use."""
    chosen = settings.get("GUEST_SERIES_PROCESSES", 0) or 0
    if chosen:
        return chosen
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


@dataclass
class Captured:
    """What one piece of work produced besides its result."""

    records: list[logging.LogRecord] = field(default_factory=list)
    problems: list[ContentProblem] = field(default_factory=list)

    def replay(self, settings: dict[str, Any]) -> None:
        """Log and collect here what the worker logged and found, in its order.

        As Pelican's loggers would have here: a call such as logger.warning
        swallows the FilteredMessage Pelican's filter raises for a message it
        limits (said already, or over its limit), where `handle` alone does
        not; and with `--fatal`, a warning or error stops the build.
        """
        for record in self.records:
            logger = logging.getLogger(record.name)
            try:
                logger.handle(record)
            except FilteredMessage:
                continue
            if (
                isinstance(logger, FatalLogger)
                and record.levelno >= FatalLogger.fatal_lvl
                and record.levelno != logging.CRITICAL
            ):
                raise RuntimeError("Warning or error encountered")
        collector = settings.get(COLLECTOR_SETTING)
        if isinstance(collector, ProblemCollector):
            collector.extend(self.problems)


class _ListHandler(logging.Handler):
    def __init__(self, records: list[logging.LogRecord]) -> None:
        super().__init__(logging.NOTSET)
        self.records = records

    def emit(self, record: logging.LogRecord) -> None:
        # Plain text only: the record's arguments may not survive pickling.
        record.msg = record.getMessage()
        record.args = None
        if record.exc_info:
            record.exc_text = logging.Formatter().formatException(record.exc_info)
            record.exc_info = None
        self.records.append(record)


@contextmanager
def capturing(settings: dict[str, Any]) -> Iterator[Captured]:
    """Within a worker: keep the log records and problems of one piece of work."""
    captured = Captured()
    root = logging.getLogger()
    handlers, root.handlers = root.handlers, [_ListHandler(captured.records)]
    collector = settings.get(COLLECTOR_SETTING)
    own = ProblemCollector()
    settings[COLLECTOR_SETTING] = own
    try:
        yield captured
    finally:
        root.handlers = handlers
        settings[COLLECTOR_SETTING] = collector
        captured.problems = own.pending


# The work of the current pool: set before the fork, so workers inherit it.
_work: Callable[[int], Any] | None = None


def _run(index: int) -> Any:
    assert _work is not None
    return _work(index)


def workers_for(count: int, processes: int) -> int:
    """How many processes `count` pieces of work are worth: 1 means here, no pool."""
    if processes <= 1 or count < MIN_ITEMS_FOR_POOL or not _can_fork():
        return 1
    return processes


def map_forked(work: Callable[[int], Any], count: int, processes: int) -> list[Any]:
    """[work(0), …, work(count - 1)], computed by `processes` forked workers.

    One process (or too little work) computes them here, in order. The
    results must pickle; they come back in order.
    """
    global _work
    processes = workers_for(count, processes)
    if processes == 1:
        return [work(index) for index in range(count)]
    _work = work
    # Objects made before the fork are left out of the workers' garbage
    # collection, which would otherwise write to every page they share with
    # this process, and so copy it: the workers' memory stays shared.
    gc.freeze()
    try:
        # An executor, not multiprocessing.Pool: a worker that dies (the
        # out-of-memory killer, a crash in C code) breaks it, where Pool
        # would wait for the dead worker's results for ever.
        with ProcessPoolExecutor(processes, mp_context=get_context("fork")) as pool:
            chunk = max(1, count // (processes * 8))
            return list(pool.map(_run, range(count), chunksize=chunk))
    except BrokenProcessPool as error:
        raise WorkerDied(
            "a worker process of the build stopped before it finished (out of memory, "
            "or killed); build again, or with GUEST_SERIES_PROCESSES = 1 "
            "(`make html JOBS=1`) to use one process"
        ) from error
    finally:
        _work = None
        gc.unfreeze()


class WorkerDied(RuntimeError):
    """A worker process ended without handing back its work."""


def _can_fork() -> bool:
    return "fork" in get_all_start_methods()
