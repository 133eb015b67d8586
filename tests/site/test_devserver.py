"""`make devserver`: one long-lived builder, restarted only when code or settings change.

Each test starts tools/devserver.py on a small site of its own, with its own
settings file and plugin folder, and watches what it serves over HTTP.
"""

import asyncio
import contextlib
import json
import os
import re
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request

import pytest
from tornado.websocket import websocket_connect

from conftest import ROOT, post, write_files

TIMEOUT = 30  # seconds; a rebuild takes well under one, a loaded machine more
PAGE_A = "2026/03/a-post/"

SETTINGS = """\
import sys

sys.path.insert(0, {root!r})
from pelicanconf import *  # noqa: F403

SITENAME = "First Name"
PLUGIN_PATHS = [*PLUGIN_PATHS, {plugins!r}]  # noqa: F405
PLUGINS = [*PLUGINS, "stamp"]  # noqa: F405
"""
# A plugin of the test's own: it marks the site's name with its version.
PLUGIN = """\
from pelican import signals

VERSION = "{version}"


def mark_the_name(pelican, **kwargs):
    pelican.settings["SITENAME"] += f" (plugin {{VERSION}})"


def register():
    signals.initialized.connect(mark_the_name)
"""


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_until(check, what, timeout=TIMEOUT):
    """check()'s first true value, asked until `timeout` seconds have passed."""
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        found = check()
        if found:
            return found
        time.sleep(0.05)
    raise AssertionError(f"waited {timeout} s for {what}")


class DevServer:
    """tools/devserver.py on a site in `root`, and every line it printed."""

    def __init__(self, root):
        self.root = root
        self.content = root / "content"
        self.settings = root / "site" / "settings.py"
        self.plugin = root / "plugins" / "stamp.py"
        self.port = free_port()
        self.lines = []
        write_files(self.content, {"posts/a.md": post("A post", body="First words.")})
        self.set_plugin_version(1)
        self.settings.parent.mkdir()
        self.settings.write_text(
            SETTINGS.format(root=str(ROOT), plugins=str(self.plugin.parent)),
            encoding="utf-8",
        )
        command = [sys.executable, str(ROOT / "tools" / "devserver.py")]
        command += ["--content", str(self.content), "--output", str(root / "output")]
        command += ["--settings", str(self.settings), "--cache-path", str(root / "cache")]
        command += ["--port", str(self.port), "--watch", str(self.plugin.parent)]
        self.process = subprocess.Popen(
            command,
            cwd=root,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
            start_new_session=True,
        )
        threading.Thread(target=self._read, daemon=True).start()
        self.wait_for_line(r"Serving .* at http://127\.0\.0\.1:\d+/")

    def _read(self):
        for line in self.process.stdout:
            self.lines.append(line.rstrip("\n"))

    @property
    def output(self):
        return "\n".join(self.lines)

    def wait_for_line(self, pattern, after=0):
        """The first line printed after the first `after` lines that matches `pattern`."""

        def printed():
            return next(
                (
                    found
                    for line in self.lines[after:]
                    if (found := re.search(pattern, line))
                ),
                None,
            )

        try:
            return wait_until(printed, f"a line matching {pattern!r}")
        except AssertionError as error:
            raise AssertionError(f"{error}; the server printed:\n{self.output}") from None

    def builder_pids(self):
        return [int(pid) for pid in re.findall(r"builder pid (\d+) started", self.output)]

    def get(self, url):
        try:
            with urllib.request.urlopen(
                f"http://127.0.0.1:{self.port}/{url}", timeout=5
            ) as r:
                return r.read().decode("utf-8")
        except urllib.error.URLError:
            return ""

    def wait_for_page(self, url, text):
        try:
            return wait_until(lambda: text in self.get(url), f"{text!r} at /{url}")
        except AssertionError as error:
            raise AssertionError(f"{error}; the server printed:\n{self.output}") from None

    def set_plugin_version(self, version):
        self.plugin.parent.mkdir(exist_ok=True)
        self.plugin.write_text(PLUGIN.format(version=version), encoding="utf-8")

    def stop(self, signum=signal.SIGTERM):
        """Stop the server as Ctrl-C or a service manager would; its exit status."""
        try:
            if self.process.poll() is None:
                os.killpg(self.process.pid, signum)
            return self.process.wait(timeout=TIMEOUT)
        finally:
            with contextlib.suppress(ProcessLookupError):  # whatever is left of the group
                os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait()


@pytest.fixture
def devserver(tmp_path):
    server = DevServer(tmp_path)
    yield server
    server.stop()


def is_running(pid):
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    with open(f"/proc/{pid}/stat", encoding="ascii") as stat:  # a zombie is gone too
        return stat.read().rpartition(")")[2].split()[0] != "Z"


def test_an_edited_post_is_served_new_by_the_same_builder(devserver):
    devserver.wait_for_page(PAGE_A, "First words.")
    [builder] = devserver.builder_pids()
    write_files(devserver.content, {"posts/a.md": post("A post", body="Second words.")})
    devserver.wait_for_page(PAGE_A, "Second words.")
    write_files(devserver.content, {"posts/a.md": post("A post", body="Third words.")})
    devserver.wait_for_page(PAGE_A, "Third words.")
    assert devserver.builder_pids() == [builder]
    assert "Changed: content/posts/a.md; building again" in devserver.output


def test_the_browser_reloads_once_the_build_is_done(devserver):
    """A page open in a browser is told to reload, and by then it is new."""

    async def reload_after_edit():
        browser = await websocket_connect(f"ws://127.0.0.1:{devserver.port}/livereload")
        hello = {
            "command": "hello",
            "protocols": ["http://livereload.com/protocols/official-7"],
        }
        await browser.write_message(json.dumps(hello))
        assert json.loads(await browser.read_message())["command"] == "hello"
        page_url = f"http://127.0.0.1:{devserver.port}/{PAGE_A}"
        await browser.write_message(json.dumps({"command": "info", "url": page_url}))
        await asyncio.sleep(0.2)  # the server hears the page before the edit
        write_files(
            devserver.content, {"posts/a.md": post("A post", body="Reloaded words.")}
        )
        told = json.loads(await asyncio.wait_for(browser.read_message(), TIMEOUT))
        served = devserver.get(PAGE_A)
        browser.close()
        return told, served

    assert "livereload.js" in devserver.get(PAGE_A)
    told, served = asyncio.run(reload_after_edit())
    assert told["command"] == "reload"
    assert "Reloaded words." in served


def test_a_change_to_the_settings_restarts_the_builder_and_is_served(devserver):
    devserver.wait_for_page(PAGE_A, "First Name (plugin 1)")
    [first] = devserver.builder_pids()
    settings = devserver.settings.read_text(encoding="utf-8")
    devserver.settings.write_text(settings.replace("First Name", "Second Name"))
    devserver.wait_for_page(PAGE_A, "Second Name (plugin 1)")
    second = devserver.builder_pids()[-1]
    assert second != first
    assert not is_running(first)


def test_a_change_to_a_plugin_restarts_the_builder_and_is_served(devserver):
    devserver.wait_for_page(PAGE_A, "First Name (plugin 1)")
    [first] = devserver.builder_pids()
    devserver.set_plugin_version(2)
    devserver.wait_for_page(PAGE_A, "First Name (plugin 2)")
    assert devserver.builder_pids()[-1] != first
    assert "Changed: plugins/stamp.py; restarting the builder" in devserver.output


def test_a_bad_post_is_reported_by_name_and_its_fix_is_built(devserver):
    devserver.wait_for_page(PAGE_A, "First words.")
    [builder] = devserver.builder_pids()
    printed = len(devserver.lines)
    (devserver.content / "posts" / "binary.md").write_bytes(
        b"Title: Binary\n\n\xff\xfe\x00"
    )
    write_files(
        devserver.content, {"posts/untitled.md": "Date: 2026-03-03 09:00\n\nNo title."}
    )
    devserver.wait_for_line(r"posts/binary\.md", after=printed)
    devserver.wait_for_line(r"posts/untitled\.md", after=printed)
    write_files(
        devserver.content,
        {
            "posts/binary.md": post("Binary", body="Readable now."),
            "posts/untitled.md": post("Untitled", body="Titled now."),
        },
    )
    devserver.wait_for_page("2026/03/binary/", "Readable now.")
    devserver.wait_for_page("2026/03/untitled/", "Titled now.")
    assert "First words." in devserver.get(PAGE_A)
    assert devserver.builder_pids() == [builder]


@pytest.mark.parametrize("signum", [signal.SIGINT, signal.SIGTERM], ids=["ctrl-c", "term"])
def test_stopping_the_server_stops_its_builder(devserver, signum):
    [builder] = devserver.builder_pids()
    assert devserver.stop(signum) == 0
    wait_until(lambda: not is_running(builder), f"builder pid {builder} to stop", timeout=5)


def test_the_builder_stops_when_the_server_is_killed(devserver):
    [builder] = devserver.builder_pids()
    devserver.process.kill()  # no chance to stop its builder: the builder sees it gone
    wait_until(
        lambda: not is_running(builder), f"builder pid {builder} to stop", timeout=10
    )


def test_a_settings_file_that_cannot_be_read_leaves_the_server_waiting_for_a_fix(devserver):
    devserver.wait_for_page(PAGE_A, "First Name (plugin 1)")
    settings = devserver.settings.read_text(encoding="utf-8")
    printed = len(devserver.lines)
    devserver.settings.write_text(settings + "SITENAME = \n", encoding="utf-8")
    devserver.wait_for_line(r"The builder stopped \(exit status \d+\)", after=printed)
    assert "First Name" in devserver.get(PAGE_A)
    devserver.settings.write_text(settings.replace("First Name", "Fixed Name"))
    devserver.wait_for_page(PAGE_A, "Fixed Name (plugin 1)")
