"""`make devserver`: build the site, serve it, rebuild on change and reload the browser.

Two processes, so that an edit costs a rebuild and not a start-up:

- The builder imports Pelican and the plugins once, then rebuilds in place on
  each change to the content or the theme: the content cache gives it every
  file but the changed ones. A bad file, or a build that stops, is reported
  and the builder waits for the next change.
- The supervisor (this command) serves the output folder, reloads the
  browser once a build has finished, and restarts the builder when code
  changes: the plugins (`--watch`, by default the repo's plugins/), the
  settings file and any .py beside it, such as publishconf.py. A module once
  imported is not read again, and the settings are read at start-up, so a
  fresh builder is the sure way to see either change.

Ctrl-C or SIGTERM stops both. The builder also stops when the supervisor is gone.
"""

from __future__ import annotations

import argparse
import asyncio
import fnmatch
import logging
import os
import queue
import signal
import sys
import threading
import time
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

import watchfiles

ROOT = Path(__file__).resolve().parent.parent
# How long a builder asked to stop may take to finish the build it is in.
STOP_GRACE_SECONDS = 10.0
# How often an idle builder checks that its supervisor is still there.
PARENT_CHECK_SECONDS = 1.0
# What the builder says on its events pipe when a build is done: "built ok 0.52".
BUILT = "built"

logger = logging.getLogger("devserver")


def parse_arguments(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        description=__doc__.partition("\n")[0],
        formatter_class=argparse.ArgumentDefaultsHelpFormatter,
    )
    parser.add_argument("--content", type=Path, default=ROOT / "content")
    parser.add_argument("--output", type=Path, default=ROOT / "output")
    parser.add_argument("--settings", type=Path, default=ROOT / "pelicanconf.py")
    parser.add_argument(
        "--cache",
        "--cache-path",
        dest="cache_path",
        type=Path,
        help="the content cache's folder (default: the settings' CACHE_PATH)",
    )
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8000)
    parser.add_argument(
        "--watch",
        type=Path,
        action="append",
        help="code whose change restarts the builder: a folder (its .py files) or a "
        "file; may be given again (default: the repo's plugins/). The settings file "
        "and the .py files beside it are always watched.",
    )
    # The builder's own options: the supervisor starts it with these.
    parser.add_argument("--builder", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--events-fd", type=int, help=argparse.SUPPRESS)
    options = parser.parse_args(argv)
    for name in ("content", "output", "settings", "cache_path"):
        if getattr(options, name) is not None:
            setattr(options, name, getattr(options, name).resolve())
    options.watch = [path.resolve() for path in options.watch or [ROOT / "plugins"]]
    return options


def main(argv: list[str] | None = None) -> int:
    options = parse_arguments(argv)
    if options.builder:
        return build_forever(options)
    return asyncio.run(Supervisor(options).run())


# The builder: one process, many builds.


class Stopping:
    """SIGTERM: stop now when waiting for a change, or once the build in progress ends.

    A build cut off halfway would leave pages half written, which a later build
    that writes only changed pages might not replace. Ctrl-C reaches the whole
    process group; the builder leaves it to the supervisor, which sends SIGTERM.
    """

    def __init__(self) -> None:
        self.building = False
        self.requested = False
        signal.signal(signal.SIGTERM, self._on_signal)
        signal.signal(signal.SIGINT, signal.SIG_IGN)
        # A build's forked workers stop at once on SIGTERM: that is how their pool
        # ends them.
        os.register_at_fork(after_in_child=self._forget)

    def _forget(self) -> None:
        signal.signal(signal.SIGTERM, signal.SIG_DFL)

    def _on_signal(self, signum: int, frame: Any) -> None:
        self.requested = True
        if not self.building:
            raise SystemExit(0)


def build_forever(options: argparse.Namespace) -> int:
    """Build, then rebuild on every change to content or theme, until stopped."""
    stopping = Stopping()
    supervisor = os.getppid()
    events = os.fdopen(options.events_fd, "w", buffering=1)
    start_logging()
    try:
        pelican, settings = start_pelican(options)
    except Exception:
        logger.exception(
            "The builder cannot start (the traceback below says where): fix the "
            "settings or the code and save it, and the builder starts again"
        )
        return 2
    changes = watch_in_background(watched_by_builder(settings), ignore_filter(settings))
    try:
        while True:
            stopping.building = True
            ok, seconds = build_once(pelican)
            stopping.building = False
            events.write(f"{BUILT} {'ok' if ok else 'failed'} {seconds:.2f}\n")
            if stopping.requested:
                return 0
            changed = wait_for_changes(changes, supervisor)
            if changed is None:
                return 0
            shown = ", ".join(sorted(shown_from_here(path) for _, path in changed))
            print(f"Changed: {shown}; building again", flush=True)
    except (SystemExit, KeyboardInterrupt, BrokenPipeError):
        return 0


def start_logging() -> None:
    """Pelican's log as `pelican` shows it on a terminal; elsewhere one line a message."""
    from pelican.log import DEFAULT_LOG_HANDLER, console
    from pelican.log import init as init_logging

    sys.stdout.reconfigure(line_buffering=True)
    if console.is_terminal:
        init_logging(name="pelican", handler=DEFAULT_LOG_HANDLER)
        return
    console.soft_wrap = True  # "Done: Processed …" on one line, not cut at 80 columns
    handler = logging.StreamHandler(sys.stdout)
    handler.setFormatter(logging.Formatter("%(levelname)s: %(message)s"))
    init_logging(name="pelican", handler=handler)


def start_pelican(options: argparse.Namespace) -> tuple[Any, dict[str, Any]]:
    """Pelican with the site's settings and plugins, imported once for every build."""
    from pelican import Pelican
    from pelican.settings import read_settings

    override = {"PATH": str(options.content), "OUTPUT_PATH": str(options.output)}
    if options.cache_path is not None:
        override["CACHE_PATH"] = str(options.cache_path)
    settings = read_settings(str(options.settings), override=override)
    return Pelican(settings), settings


def build_once(pelican: Any) -> tuple[bool, float]:
    """One build; whatever stops it is reported, and the builder keeps going."""
    started = time.perf_counter()
    forget_said_messages()
    try:
        pelican.run()
    except Exception:
        logger.exception(
            "The build stopped; the site is served as it was. Fix the cause and "
            "save it to build again"
        )
        return False, time.perf_counter() - started
    return True, time.perf_counter() - started


def forget_said_messages() -> None:
    """Let each build say its warnings again.

    Pelican's log says a warning once a process, to keep one build's output
    short; in a builder that lives for many builds, a bad file not yet fixed
    would be reported only by the first. These are Pelican's own sets of what
    it has said (pelican/log.py); if a new Pelican drops them, nothing is reset.
    """
    from pelican.log import LimitFilter

    for said in ("_raised_messages", "_group_count"):
        remembered = getattr(LimitFilter, said, None)
        if remembered is not None:
            remembered.clear()


def watched_by_builder(settings: dict[str, Any]) -> list[str]:
    """The content and the theme: what a rebuild in place picks up."""
    paths = [settings["PATH"], settings.get("THEME", "")]
    return [path for path in paths if path and os.path.isdir(path)]


def ignore_filter(settings: dict[str, Any]) -> Callable[[watchfiles.Change, str], bool]:
    """Watch what Pelican reads: not IGNORE_FILES, nor the build's own output and cache."""
    default = watchfiles.DefaultFilter()
    patterns = tuple(settings.get("IGNORE_FILES", ()))
    written = tuple(
        os.path.join(os.path.abspath(settings[name]), "")
        for name in ("OUTPUT_PATH", "CACHE_PATH")
        if settings.get(name)
    )

    def watched(change: watchfiles.Change, path: str) -> bool:
        name = os.path.basename(path)
        return (
            default(change, path)
            and not any(fnmatch.fnmatch(name, pattern) for pattern in patterns)
            and not path.startswith(written)
        )

    return watched


def watch_in_background(
    paths: Iterable[str], watch_filter: Callable[[watchfiles.Change, str], bool]
) -> queue.Queue:
    """A queue of the batches of changes to `paths`, kept while a build runs too.

    Watching from a thread of its own, the builder misses no save made during a
    build: it is in the queue when the build ends.
    """
    changes: queue.Queue = queue.Queue()

    def watching() -> None:
        for batch in watchfiles.watch(
            *paths, watch_filter=watch_filter, raise_interrupt=False
        ):
            changes.put(batch)

    threading.Thread(target=watching, name="watch content", daemon=True).start()
    return changes


def wait_for_changes(changes: queue.Queue, supervisor: int) -> set | None:
    """The next changes (all batches waiting, as one); None once the supervisor is gone."""
    while True:
        try:
            changed = set(changes.get(timeout=PARENT_CHECK_SECONDS))
            break
        except queue.Empty:
            if os.getppid() != supervisor:
                return None
    while not changes.empty():
        changed |= changes.get_nowait()
    return changed


def shown_from_here(path: str) -> str:
    """`path` relative to the working folder when it is inside it, else as it is."""
    relative = os.path.relpath(path)
    return path if relative.startswith("..") else relative


# The supervisor: serves, reloads the browser, restarts the builder.


class Supervisor:
    """Serves the output folder; keeps one builder running, a new one after code changes."""

    def __init__(self, options: argparse.Namespace) -> None:
        self.options = options
        self.url = f"http://{options.host}:{options.port}/"
        self.serving = False
        self.builder: Builder | None = None

    async def run(self) -> int:
        stop = asyncio.Event()
        loop = asyncio.get_running_loop()
        for signum in (signal.SIGINT, signal.SIGTERM):
            loop.add_signal_handler(signum, stop.set)
        try:
            serve(self.options)
        except OSError as error:
            print(f"Cannot serve at {self.url}: {error}", file=sys.stderr, flush=True)
            return 1
        self.builder = await Builder.start(self.options, self.on_built, self.on_stopped)
        watchers = [
            asyncio.create_task(self.restart_on_changes(paths, recursive, matches))
            for paths, recursive, matches in code_watched(self.options)
        ]
        await stop.wait()
        say("Stopping")
        for watcher in watchers:
            watcher.cancel()
        await asyncio.gather(*watchers, return_exceptions=True)
        await self.builder.stop()
        return 0

    def on_built(self, ok: bool, seconds: str) -> None:
        if not self.serving:
            self.say_serving()
            return
        reload_browsers()

    def on_stopped(self, status: int) -> None:
        say(
            f"The builder stopped (exit status {status}); save a change to the "
            "settings or the code to start it again"
        )
        if not self.serving:
            self.say_serving()

    def say_serving(self) -> None:
        self.serving = True
        output = shown_from_here(str(self.options.output))
        say(f"Serving {output} at {self.url} (Ctrl-C stops)")

    async def restart_on_changes(
        self, paths: list[str], recursive: bool, matches: Callable[[str], bool]
    ) -> None:
        def watched(change: watchfiles.Change, path: str) -> bool:
            return matches(path) and watchfiles.DefaultFilter()(change, path)

        async for changed in watchfiles.awatch(
            *paths, watch_filter=watched, recursive=recursive
        ):
            shown = ", ".join(sorted(shown_from_here(path) for _, path in changed))
            say(f"Changed: {shown}; restarting the builder")
            assert self.builder is not None
            await self.builder.restart()


def code_watched(
    options: argparse.Namespace,
) -> list[tuple[list[str], bool, Callable[[str], bool]]]:
    """(paths, recursively?, which files count) for each watch of the code.

    Folders are watched rather than files, so that an editor that saves by
    writing a new file and renaming it over the old one is seen too.
    """
    folders = [str(path) for path in options.watch if path.is_dir()]
    files = {str(path) for path in options.watch if not path.is_dir()}
    files.add(str(options.settings))
    beside = sorted(
        {str(Path(path).parent) for path in files} | {str(options.settings.parent)}
    )
    settings_folder = str(options.settings.parent)

    def is_code(path: str) -> bool:
        return path.endswith(".py")

    def is_settings_or_named(path: str) -> bool:
        return path in files or (is_code(path) and os.path.dirname(path) == settings_folder)

    watches = [(beside, False, is_settings_or_named)]
    if folders:
        watches.append((folders, True, is_code))
    return watches


class Builder:
    """The builder process, and what it says on its events pipe."""

    def __init__(
        self,
        options: argparse.Namespace,
        on_built: Callable[[bool, str], None],
        on_stopped: Callable[[int], None],
    ) -> None:
        self.options = options
        self.on_built = on_built
        self.on_stopped = on_stopped
        self.process: asyncio.subprocess.Process | None = None
        self.listening: asyncio.Task | None = None
        self.stopping = False
        self.lock = asyncio.Lock()

    @classmethod
    async def start(
        cls,
        options: argparse.Namespace,
        on_built: Callable[[bool, str], None],
        on_stopped: Callable[[int], None],
    ) -> Builder:
        builder = cls(options, on_built, on_stopped)
        await builder._spawn()
        return builder

    def command(self, events_fd: int) -> list[str]:
        options = self.options
        command = [sys.executable, str(Path(__file__).resolve()), "--builder"]
        command += ["--events-fd", str(events_fd), "--settings", str(options.settings)]
        command += ["--content", str(options.content), "--output", str(options.output)]
        if options.cache_path is not None:
            command += ["--cache-path", str(options.cache_path)]
        return command

    async def _spawn(self) -> None:
        read_fd, write_fd = os.pipe()
        try:
            # In the supervisor's process group, so that whoever stops the group
            # (a terminal's Ctrl-C, a test's killpg) stops the builder too.
            self.process = await asyncio.create_subprocess_exec(
                *self.command(write_fd),
                stdin=asyncio.subprocess.DEVNULL,
                pass_fds=(write_fd,),
            )
        finally:
            os.close(write_fd)
        self.stopping = False
        say(f"builder pid {self.process.pid} started")
        self.listening = asyncio.create_task(self._listen(read_fd, self.process))

    async def _listen(self, read_fd: int, process: asyncio.subprocess.Process) -> None:
        loop = asyncio.get_running_loop()
        events = asyncio.StreamReader()
        await loop.connect_read_pipe(
            lambda: asyncio.StreamReaderProtocol(events), os.fdopen(read_fd, "rb", 0)
        )
        async for line in events:
            kind, _, rest = line.decode().strip().partition(" ")
            if kind == BUILT:
                ok, _, seconds = rest.partition(" ")
                self.on_built(ok == "ok", seconds)
        status = await process.wait()
        if not self.stopping:
            self.on_stopped(status)

    async def restart(self) -> None:
        async with self.lock:
            await self._stop()
            await self._spawn()

    async def stop(self) -> None:
        async with self.lock:
            await self._stop()

    async def _stop(self) -> None:
        process = self.process
        if process is None:
            return
        self.stopping = True
        try:
            process.send_signal(signal.SIGTERM)
            await asyncio.wait_for(process.wait(), STOP_GRACE_SECONDS)
        except ProcessLookupError:  # gone already
            pass
        except TimeoutError:
            # Its build's workers, if any, end when their pool's pipe closes.
            say(f"builder pid {process.pid} did not stop in time; killing it")
            process.kill()
        await process.wait()
        if self.listening is not None:
            await self.listening


def serve(options: argparse.Namespace) -> None:
    """Serve the output folder, with livereload's script in each page (raises OSError)."""
    from livereload import Server

    server = Server()
    server.root = str(options.output)
    server.default_filename = "index.html"
    server.application(options.port, options.host, live_css=True)


def reload_browsers() -> None:
    """Tell every page open on the site to reload itself."""
    from livereload.handlers import LiveReloadHandler

    LiveReloadHandler.reload_waiters(path="*")


def say(message: str) -> None:
    print(f"devserver: {message}", flush=True)


if __name__ == "__main__":
    sys.exit(main())
