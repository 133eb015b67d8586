"""The dev server's edit-to-reload time: from saving a post to the page being served new.

Two servers are timed on the same synthetic site: Guestlist's
(`tools/devserver.py`, with the development settings, `pelicanconf.py`) and
plain Pelican's `pelican --autoreload --listen` with B's settings. Each is
started in a session of its own, and once it serves the first build:

1. wait until its processes are idle (a rebuild would still be running
   otherwise), then about a second more, as a writer would;
2. add a paragraph holding a new marker to one post (`edit_post`), and start
   the clock when the file is written;
3. fetch the post's page over HTTP every 15 ms until it holds the marker, and
   stop the clock;
4. wait until the rebuild is over (Pelican's --autoreload misses a change saved
   while it builds), put the post back, and wait until that is served too.

The median of the edits is reported. At the end the whole process group is
killed, workers and all.
"""

import contextlib
import http.client
import os
import re
import shutil
import signal
import socket
import subprocess
import time
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from html import escape
from pathlib import Path
from statistics import median

from .configs import BENCH, ROOT
from .measure import descendants
from .sitegen import edit_post

DEVSERVER = ROOT / "tools" / "devserver.py"
# The options bench needs of tools/devserver.py, to serve a site of its own.
DEVSERVER_OPTIONS = ("--content", "--output", "--settings", "--host", "--port", "--cache")
HOST = "127.0.0.1"
POLL_EVERY = 0.015  # seconds between two fetches of the edited page
SETTLE_PAUSE = 1.0  # seconds of quiet before an edit, as a writer saving again
FIRST_BUILD_TIMEOUT = 900  # seconds: a cold build of 1,000 posts on a busy machine
RELOAD_TIMEOUT = 300


class ReloadFailed(RuntimeError):
    """A dev server exited early, or never served the edit."""


@dataclass(frozen=True)
class Server:
    """A dev server to time: its command line and where it writes the site."""

    key: str  # "Guestlist", "Pelican"
    title: str
    argv: list
    output: Path
    url: str  # the server's root, "http://127.0.0.1:8123/"


@dataclass
class ReloadResult:
    """One server's edit-to-reload times at one size."""

    key: str
    posts: int
    seconds: list = field(default_factory=list)  # one a timed edit
    first_build: float | None = None  # from start to the edited page being served
    note: str = ""  # why it was not measured, when it was not

    @property
    def median(self):
        return median(self.seconds) if self.seconds else None


def devserver_supports_options(path=DEVSERVER):
    """Whether tools/devserver.py takes the options bench starts it with."""
    try:
        text = Path(path).read_text(encoding="utf-8")
    except OSError:
        return False
    return all(f'"{option}"' in text for option in DEVSERVER_OPTIONS)


def free_port():
    with socket.socket() as probe:
        probe.bind((HOST, 0))
        return probe.getsockname()[1]


def guestlist_server(python, content, workdir, settings=ROOT / "pelicanconf.py"):
    port = free_port()
    output = workdir / "devserver-guestlist-output"
    argv = [
        str(python),
        str(DEVSERVER),
        "--content",
        str(content),
        "--output",
        str(output),
        "--settings",
        str(settings),
        "--host",
        HOST,
        "--port",
        str(port),
        "--cache",
        str(workdir / "devserver-guestlist-cache"),
    ]
    return Server(
        "Guestlist",
        "Guestlist (tools/devserver.py)",
        argv,
        output,
        f"http://{HOST}:{port}/",
    )


def pelican_server(python, content, workdir, settings=BENCH / "settings" / "plain.py"):
    port = free_port()
    output = workdir / "devserver-pelican-output"
    argv = [
        str(python),
        "-m",
        "pelican",
        "--autoreload",
        "--listen",
        "--bind",
        HOST,
        "--port",
        str(port),
        str(content),
        "-o",
        str(output),
        "-s",
        str(settings),
    ]
    return Server(
        "Pelican", "Pelican --autoreload (B)", argv, output, f"http://{HOST}:{port}/"
    )


def measure_reload(server, post, posts, edits, log_path):
    """Start `server`, time `edits` edits of `post` (a content file); a ReloadResult."""
    result = ReloadResult(server.key, posts)
    title = _title_of(post)
    shutil.rmtree(server.output, ignore_errors=True)  # no page before the first build
    env = dict(os.environ, COLUMNS="500")
    started = time.perf_counter()
    with open(log_path, "w", encoding="utf-8") as log:
        process = subprocess.Popen(
            server.argv,
            stdout=log,
            stderr=subprocess.STDOUT,
            stdin=subprocess.DEVNULL,
            env=env,
            start_new_session=True,
        )
        try:
            page = _wait_for_page(process, server, title, log_path)
            url = server.url + page
            _wait_for(process, url, lambda text: True, FIRST_BUILD_TIMEOUT, log_path)
            result.first_build = time.perf_counter() - started
            for number in range(edits):
                wait_until_idle(process.pid)
                time.sleep(SETTLE_PAUSE)
                marker = f"reload{number}x{os.getpid()}"
                original = edit_post(post, mark=marker)
                written = time.perf_counter()
                try:
                    _wait_for(process, url, _holding(marker), RELOAD_TIMEOUT, log_path)
                    result.seconds.append(time.perf_counter() - written)
                    # The page is served before the rebuild has written the rest of
                    # the site, and Pelican's --autoreload misses a change saved
                    # while it builds: undo the edit only once the server is idle.
                    wait_until_idle(process.pid)
                finally:
                    post.write_text(original, encoding="utf-8")
                _wait_for(process, url, _lacking(marker), RELOAD_TIMEOUT, log_path)
        finally:
            stop(process)
    return result


def wait_until_idle(pid, window=0.5, busy=0.05, timeout=120):
    """Wait until the process tree of `pid` uses under `busy` of a core for `window`
    seconds (a build done, the server waiting for changes), or `timeout` passes."""
    deadline = time.monotonic() + timeout
    before = _tree_cpu_seconds(pid)
    while time.monotonic() < deadline:
        time.sleep(window)
        now = _tree_cpu_seconds(pid)
        if now - before <= busy * window:
            return True
        before = now
    return False


def stop(process):
    """End the server's whole process group: the server, its builders, its workers."""
    for sent in (signal.SIGTERM, signal.SIGKILL):
        try:
            os.killpg(process.pid, sent)
        except ProcessLookupError:
            break
        try:
            process.wait(timeout=10)
            break
        except subprocess.TimeoutExpired:
            continue
    # Whatever of the group outlived its leader.
    with contextlib.suppress(ProcessLookupError):
        os.killpg(process.pid, signal.SIGKILL)


def _holding(marker):
    return lambda text: marker in text


def _lacking(marker):
    return lambda text: marker not in text


def _title_of(post):
    for line in Path(post).read_text(encoding="utf-8").splitlines():
        if line.startswith("Title:"):
            return line.partition(":")[2].strip()
        if not line.strip():
            break
    raise ValueError(f"{post} has no Title")


def _wait_for_page(process, server, title, log_path):
    """The edited post's page, relative to the server's root, once it is written."""
    slug = _slug(title)
    deadline = time.monotonic() + FIRST_BUILD_TIMEOUT
    while time.monotonic() < deadline:
        _check_running(process, log_path)
        page = find_page(server.output, title, slug)
        if page is not None:
            return page
        time.sleep(0.2)
    raise ReloadFailed(f"{server.title} wrote no page for {title!r} (see {log_path})")


def find_page(output, title, slug=None):
    """The path, under `output`, of the page of the post titled `title`, or None.

    Pelican's default URLs write it as `slug.html`, Guestlist's as
    `…/slug/index.html`; a redirect from an old address may hold the title too,
    so the largest matching file is the post's page.
    """
    slug = slug or _slug(title)
    output = Path(output)
    if not output.is_dir():
        return None
    candidates = [
        path
        for path in output.rglob("*.html")
        if path.stem == slug or (path.name == "index.html" and path.parent.name == slug)
    ]
    holding = []
    for path in candidates:
        try:
            if escape(title, quote=False) in path.read_text(encoding="utf-8"):
                holding.append(path)
        except (OSError, UnicodeDecodeError):  # being written
            continue
    if not holding:
        return None
    return max(holding, key=lambda path: path.stat().st_size).relative_to(output).as_posix()


def _wait_for(process, url, wanted, timeout, log_path):
    """Fetch `url` every POLL_EVERY seconds until its text is `wanted`."""
    deadline = time.monotonic() + timeout
    request = urllib.request.Request(url, headers={"Cache-Control": "no-cache"})
    while time.monotonic() < deadline:
        _check_running(process, log_path)
        try:
            with urllib.request.urlopen(request, timeout=5) as response:
                if response.status == 200 and wanted(
                    response.read().decode("utf-8", errors="replace")
                ):
                    return
        except (
            urllib.error.URLError,
            http.client.HTTPException,  # IncompleteRead: the file shrank as it was sent
            ConnectionError,
            TimeoutError,
            OSError,
        ):
            pass  # not served yet, or being rewritten
        time.sleep(POLL_EVERY)
    raise ReloadFailed(f"{url} was not served as expected in {timeout} s (see {log_path})")


def _check_running(process, log_path):
    if process.poll() is not None:
        tail = "\n".join(Path(log_path).read_text(errors="replace").splitlines()[-15:])
        raise ReloadFailed(
            f"the dev server exited with {process.returncode}:\n"
            f"  {' '.join(process.args)}\nlast lines of {log_path}:\n{tail}"
        )


def _tree_cpu_seconds(pid):
    """CPU seconds of `pid` and its descendants, with those of children they reaped."""
    ticks = 0
    for each in [pid, *descendants(pid)]:
        try:
            fields = Path(f"/proc/{each}/stat").read_text().rpartition(")")[2].split()
        except OSError:
            continue
        # utime, stime, cutime, cstime: fields 14–17 of stat, 12–15 after "(comm)".
        ticks += sum(int(value) for value in fields[11:15])
    return ticks / os.sysconf("SC_CLK_TCK")


def _slug(title):
    return re.sub(r"[^a-z0-9]+", "-", title.lower()).strip("-")
