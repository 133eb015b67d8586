"""`make publish`: build the site for the web, and put it in place only if it is whole.

Pelican writes into its output folder as it goes, so a build that fails
halfway leaves half a site there; a deploy right after would upload it. This
builds into a fresh folder beside the output (`output.new-…`, ignored by
Git) and puts it in place of the old one only when the build ran to its end
and logged no error. Anything else fails closed: the new folder is removed,
the previous output is left exactly as it was, and the exit status is not 0.
That is, whatever stops the build:

- an error logged by Pelican or by Guestlist, counted whatever `-q` hides from
  the screen;
- any exception (a plugin's, a missing or broken template, even `sys.exit(0)`
  in a plugin), whether or not an error was logged before it;
- SIGTERM, SIGINT (Ctrl-C) or SIGHUP from outside, raised where the build is,
  so that the cleanup runs (exit status 128 + the signal's number). While
  the new folder is swapped in, a signal waits until both renames are done,
  and then the old site is put back: never half of one, never neither.

The publish build keeps the embargo: publishconf.py empties DRAFT_SAVE_AS and
the like, and with that the guestlist plugins write no draft (nor a post dated
after the build, which Pelican makes a draft) and link none, even at an address
the post asks for with `Save_as` or `URL` (plugins/guestlist/core/outputs.py).

Any option Pelican accepts may follow (`make publish PELICANOPTS=...`).
"""

from __future__ import annotations

import argparse
import logging
import shutil
import signal
import sys
import tempfile
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from pelican import get_instance, parse_arguments
from pelican.log import DEFAULT_LOG_HANDLER
from pelican.log import init as init_logging

logger = logging.getLogger("publish")

STOPPING_SIGNALS = ("SIGTERM", "SIGINT", "SIGHUP")


class Interrupted(BaseException):
    """A signal from outside stopped the publish (a BaseException, like Ctrl-C's:
    no `except Exception` in Pelican or a plugin swallows it)."""

    def __init__(self, signum: int) -> None:
        super().__init__(signal.Signals(signum).name)
        self.signum = signum


class StopOnSignal:
    """While in effect, SIGTERM, SIGINT and SIGHUP raise Interrupted where the code is.

    The first signal raises; any later one is ignored, so that the cleanup it
    starts is not cut short. Inside `held()` a signal is only noted (`signum`),
    for the caller to act on when the block is done (`raise_if_caught()`).
    """

    def __init__(self) -> None:
        self.signum: int | None = None
        self._holding = False
        self._previous: dict[int, Any] = {}

    def __enter__(self) -> StopOnSignal:
        if threading.current_thread() is threading.main_thread():
            for name in STOPPING_SIGNALS:
                number = getattr(signal, name, None)
                if number is not None:
                    self._previous[number] = signal.signal(number, self._caught)
        return self

    def __exit__(self, *exc_info: object) -> None:
        for number, handler in self._previous.items():
            signal.signal(number, handler)
        self._previous.clear()

    def _caught(self, signum: int, frame: object) -> None:
        if self.signum is not None:
            return  # stopping already
        self.signum = signum
        if not self._holding:
            raise Interrupted(signum)

    @contextmanager
    def held(self) -> Iterator[None]:
        """Note a signal instead of raising it, until the block is done."""
        holding, self._holding = self._holding, True
        try:
            yield
        finally:
            self._holding = holding

    def raise_if_caught(self) -> None:
        if self.signum is not None:
            raise Interrupted(self.signum)


class _CountErrors(logging.Handler):
    def __init__(self) -> None:
        super().__init__(level=logging.ERROR)
        self.count = 0

    def emit(self, record: logging.LogRecord) -> None:
        self.count += 1


def _count_errors_whatever_is_shown(verbosity: int | None) -> None:
    """Let every error reach the count; the screen shows what `verbosity` asks.

    `-q` sets the loggers to CRITICAL, and a logger drops a record below its
    level before any handler sees it: a build's errors would go uncounted, and
    the site with them published.
    """
    for name in (None, "pelican"):
        watched = logging.getLogger(name)
        if watched.getEffectiveLevel() > logging.ERROR:
            watched.setLevel(logging.ERROR)
    DEFAULT_LOG_HANDLER.setLevel(verbosity or logging.NOTSET)


def build(
    content: str | Path,
    new_output: Path,
    settings_file: str | Path,
    pelican_options: list[str],
) -> tuple[bool, int, dict]:
    """Build into `new_output`: (ran to its end, the errors it logged, its settings).

    Whatever the build raises (but Interrupted) is reported here as a critical
    error, once, and the build counts as not finished, logged or not.
    """
    args = parse_arguments(
        [str(content), "-o", str(new_output), "-s", str(settings_file), *pelican_options]
    )
    init_logging(level=args.verbosity, fatal=args.fatal, name="pelican")
    _count_errors_whatever_is_shown(args.verbosity)
    errors = _CountErrors()
    logging.getLogger().addHandler(errors)
    settings = {}
    finished = False
    try:
        pelican, settings = get_instance(args)
        pelican.run()
        finished = True
    except Interrupted:
        raise
    except BaseException as error:  # the build's failure, reported once, never shipped
        logger.critical(
            "The build stopped: %s: %s",
            type(error).__name__,
            error,
            exc_info=args.verbosity == logging.DEBUG,
        )
    finally:
        logging.getLogger().removeHandler(errors)
    return finished, errors.count, settings


def keep_retained(old_output: Path, new_output: Path, retained: list[str]) -> None:
    """Carry over what OUTPUT_RETENTION keeps (.git, CNAME …) from the old output."""
    for name in retained:
        source, target = old_output / name, new_output / name
        if not source.exists() or target.exists():
            continue
        if source.is_dir():
            shutil.copytree(source, target, symlinks=True)
        else:
            shutil.copy2(source, target)


def swap_in(new_output: Path, output: Path, wanted: Callable[[], bool] = bool) -> bool:
    """Put `new_output` where `output` is, keeping the old one until that worked.

    If `wanted()` is false once both are renamed (a signal came meanwhile), the
    previous output goes back and False is returned: nothing was published.
    """
    old = None
    if output.exists():
        old = Path(tempfile.mkdtemp(prefix=f"{output.name}.old-", dir=output.parent))
        old.rmdir()
        output.rename(old)
    try:
        new_output.rename(output)
    except OSError:
        if old is not None:
            old.rename(output)  # put the previous site back before giving up
        raise
    if not wanted():
        output.rename(new_output)
        if old is not None:
            old.rename(output)
        return False
    if old is not None:
        # Published: a failure to delete the old site leaves a folder Git ignores.
        shutil.rmtree(old, ignore_errors=True)
    return True


def publish(
    content: str,
    output: Path,
    settings_file: str,
    pelican_options: list[str],
    stop: StopOnSignal,
) -> int:
    """Build, and swap the new site in if it is whole; the exit status."""
    output.parent.mkdir(parents=True, exist_ok=True)
    new_output = None
    try:
        with stop.held():  # made and known, or not made
            new_output = Path(
                tempfile.mkdtemp(prefix=f"{output.name}.new-", dir=output.parent)
            )
        stop.raise_if_caught()
        finished, errors, settings = build(
            content, new_output, settings_file, pelican_options
        )
        if errors or not finished:
            shown = "1 error" if errors == 1 else f"{errors} errors"
            why = (
                f"the build reported {shown}; fix them and run make publish again"
                if finished
                else "the build stopped before its end (the reason is above)"
            )
            unchanged = f"{output.name}/ is unchanged."
            print(f"Nothing published: {why}. {unchanged}", file=sys.stderr)
            return 1
        try:
            if output.exists():
                keep_retained(output, new_output, settings.get("OUTPUT_RETENTION", []))
            with stop.held():  # both renames are done, or neither
                stop.raise_if_caught()
                swapped = swap_in(new_output, output, wanted=lambda: stop.signum is None)
            if not swapped:
                stop.raise_if_caught()
        except OSError as error:  # both leave the previous output as it was
            print(
                f"Nothing published: the new site could not be put in place ({error}). "
                f"{output.name}/ is unchanged.",
                file=sys.stderr,
            )
            return 1
        print(f"Published to {output.name}/.")
        return 0
    finally:
        with stop.held():  # a signal now must not leave half the folder behind
            if new_output is not None and new_output.exists():
                shutil.rmtree(new_output)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--content", default="content")
    parser.add_argument("--output", default="output")
    parser.add_argument("--settings", default="publishconf.py")
    args, pelican_options = parser.parse_known_args(argv)
    output = Path(args.output).resolve()

    with StopOnSignal() as stop:
        status, published = 1, False
        try:
            status = publish(args.content, output, args.settings, pelican_options, stop)
            published = status == 0
        except Interrupted:
            pass
    if stop.signum is None:
        return status
    name = signal.Signals(stop.signum).name
    if published:  # the signal came as the previous site was being deleted
        print(
            f"{name} came after the new site was put in place; {output.name}/ holds it.",
            file=sys.stderr,
        )
    else:
        print(
            f"Nothing published: {name} stopped the build. {output.name}/ is unchanged.",
            file=sys.stderr,
        )
    return 128 + stop.signum


if __name__ == "__main__":
    sys.exit(main())
