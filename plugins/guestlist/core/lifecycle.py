"""What every feature needs at the start and the end of a build.

Each feature's `register()` calls `connect_core()` first; connecting the same
handlers again is a no-op (blinker keeps one connection per receiver), so
with any set of features switched on a build gets exactly once: its settings
checked against every schema, one problem collector, every Markdown post and
page read through the trust boundary (reader.py), every output path claimed
once before anything is written (outputs.py), and one report of every
problem at the end.
"""

from __future__ import annotations

import logging
import os
import sys
from collections.abc import Callable, MutableMapping, Sequence
from typing import Any

from pelican import signals

from .outputs import guard_outputs
from .pelican_messages import SKIPPING_LOGGERS, PelicanMessages, SaidAlready
from .problems import COLLECTOR_SETTING, ProblemCollector, collector_for
from .reader import collect_read_problems, use_guest_reader
from .settings import SettingsError, all_schemas, apply_schemas

# A build's settings file as its messages name it; set by `make check`, and
# otherwise read from Pelican's command line.
SETTINGS_FILE = "GUESTLIST_SETTINGS_FILE"
# Work a feature leaves for the end of the build, once every generator has
# written: a writer that renders in worker processes renders then
# (build/writer.py). Kept in the build's settings, as its problems are.
AT_THE_END = "GUESTLIST_AT_THE_END"


def connect_core() -> None:
    """Connect the handlers every feature relies on (once, however often called)."""
    signals.initialized.connect(start_build)
    signals.get_generators.connect(listen_to_the_run)
    signals.readers_init.connect(use_guest_reader)
    signals.content_object_init.connect(collect_read_problems)
    signals.all_generators_finalized.connect(guard_outputs)
    signals.finalized.connect(finish_build)


def settings_file_of(settings: MutableMapping[str, Any]) -> str:
    """The settings file, as messages about a setting name it."""
    return settings.get(SETTINGS_FILE) or "pelicanconf.py"


def start_build(pelican: Any, **kwargs: Any) -> None:
    """initialized: a fresh collector, and the settings checked; stop on an error."""
    settings = pelican.settings
    previous = settings.get(COLLECTOR_SETTING)
    if isinstance(previous, ProblemCollector):
        _stop_listening(previous)
    collector = ProblemCollector()
    settings[COLLECTOR_SETTING] = collector
    settings.setdefault(SETTINGS_FILE, _settings_file_from(sys.argv))
    collector.extend(apply_schemas(settings, all_schemas(), settings_file_of(settings)))
    errors = sum(problem.is_error for problem in collector.problems)
    if errors:
        report_problems(pelican)
        raise SettingsError(
            f"{settings_file_of(settings)} has {errors} error{'s' * (errors != 1)} "
            "(listed above); the build stops until they are fixed"
        )


def listen_to_the_run(pelican: Any, **kwargs: Any) -> None:
    """get_generators (sent as each run starts, on every autoreload too): listen to Pelican.

    Pelican's own warnings and errors go to the collector too, for `make check`,
    but for its word that a file is skipped when the build has said why. Both
    stop at the end of the run, so no build hears another's.
    """
    settings = pelican.settings
    settings.pop(AT_THE_END, None)  # a failed run's, never done
    collector = collector_for(settings)
    _stop_listening(collector)
    collector.listener = PelicanMessages(settings["PATH"])
    logging.getLogger().addHandler(collector.listener)
    collector.filter = SaidAlready(collector, settings["PATH"])
    for name in SKIPPING_LOGGERS:
        logging.getLogger(name).addFilter(collector.filter)


def at_the_end(settings: MutableMapping[str, Any], work: Callable[[], None]) -> None:
    """Have `work` done when every generator has written, before problems are reported."""
    settings.setdefault(AT_THE_END, []).append(work)


def finish_build(pelican: Any, **kwargs: Any) -> None:
    """finalized: do the work left for the end, then report every problem.

    One receiver, in this order: the problems found while the pages left for
    the end are rendered must be in the report. If that work fails, the
    build stops with its error and no report, as when rendering fails in a
    one-process build.
    """
    for work in pelican.settings.pop(AT_THE_END, []):
        work()
    report_problems(pelican)


def report_problems(pelican: Any, **kwargs: Any) -> None:
    """finalized: report every problem of the build once, sorted by file and line."""
    collector = collector_for(pelican.settings)
    listener = collector.listener
    _stop_listening(collector)
    if listener is not None:
        listener.hand_over(collector)
    collector.report()


def _stop_listening(collector: ProblemCollector) -> None:
    if collector.listener is not None:
        logging.getLogger().removeHandler(collector.listener)
        collector.listener = None
    if collector.filter is not None:
        for name in SKIPPING_LOGGERS:
            logging.getLogger(name).removeFilter(collector.filter)
        collector.filter = None


def _settings_file_from(argv: Sequence[str]) -> str:
    """The -s/--settings file of a `pelican` command line, as its user wrote it."""
    for place, argument in enumerate(argv):
        if argument in ("-s", "--settings") and place + 1 < len(argv):
            return shown_from_here(argv[place + 1])
        if argument.startswith("--settings="):
            return shown_from_here(argument.partition("=")[2])
    return "pelicanconf.py"


def shown_from_here(path: str | os.PathLike) -> str:
    """`path` relative to the working folder when it is inside it, else as given."""
    path = os.fspath(path)
    try:
        relative = os.path.relpath(path)
    except ValueError:  # another drive, on Windows
        return path
    return path if relative.startswith("..") else relative
