"""`make publish` swaps in a whole site or nothing; the deploy targets are wired.

Whatever stops a publish build (an error logged by Pelican or by Guestlist,
any exception, logged or not, a missing or broken template, a signal from
outside) leaves the previous output byte for byte, no `output.new-…` folder,
and an exit status that is not 0.
"""

import importlib.util
import os
import shutil
import signal
import subprocess
import sys
import textwrap
import time

import pytest

from conftest import HOST_NOTE, ROOT, post, run_make, write_files

GOOD = {
    "posts/a.md": post("A", Redirect_from="/old-a.html"),
    "posts/b.md": post("B", "2026-03-03 09:00"),
}
# Two posts with one Series_index: an error, so nothing may be published.
BAD = {
    "posts/a.md": post("A", Series="S", Series_index=1, body="A." + HOST_NOTE),
    "posts/b.md": post("B", Series="S", Series_index=1, body="B." + HOST_NOTE),
}


def publish_command(tmp_path, files, *options, settings=ROOT / "publishconf.py"):
    """The command `make publish` runs for `files`, and its environment."""
    content = tmp_path / "content"
    write_files(content, files)
    command = [
        *(sys.executable, str(ROOT / "tools" / "publish.py")),
        *("--content", str(content), "--output", str(tmp_path / "output")),
        *("--settings", str(settings), "--cache-path", str(tmp_path / "cache")),
        *options,
    ]
    return command, dict(os.environ, GUESTLIST_SITEURL="https://blog.example.org")


def publish(tmp_path, files, *options, settings=ROOT / "publishconf.py"):
    command, env = publish_command(tmp_path, files, *options, settings=settings)
    return subprocess.run(command, cwd=tmp_path, env=env, capture_output=True, text=True)


def snapshot(folder):
    return {
        path.relative_to(folder).as_posix(): path.read_bytes()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


def previous_site(tmp_path):
    output = tmp_path / "output"
    write_files(
        output,
        {
            "index.html": "<p>The site as it was.</p>\n",
            "old/page.html": "x\n",
            "2026/03/a/index.html": "<p>A, as it was.</p>\n",
            "feeds/all.atom.xml": "<feed/>\n",
        },
    )
    return snapshot(output)


def leftovers(tmp_path):
    return sorted(
        path.name for path in tmp_path.iterdir() if path.name.startswith("output.")
    )


def test_a_build_with_errors_leaves_the_previous_output_untouched(tmp_path):
    before = previous_site(tmp_path)
    result = publish(tmp_path, BAD)
    assert result.returncode == 1
    assert snapshot(tmp_path / "output") == before
    assert leftovers(tmp_path) == []
    assert "Nothing published: the build reported 2 errors" in result.stderr
    assert "output/ is unchanged" in result.stderr
    assert "Traceback" not in result.stdout + result.stderr


def test_a_build_that_stops_halfway_leaves_the_previous_output_untouched(tmp_path):
    before = previous_site(tmp_path)
    # --fatal errors makes Pelican raise at the first error, mid-build.
    result = publish(tmp_path, BAD, "--fatal", "errors")
    assert result.returncode == 1
    assert snapshot(tmp_path / "output") == before
    assert leftovers(tmp_path) == []
    assert "The build stopped: RuntimeError" in result.stdout + result.stderr
    assert "Traceback" not in result.stdout + result.stderr


def test_a_good_build_replaces_the_output_whole(tmp_path):
    previous_site(tmp_path)
    result = publish(tmp_path, GOOD)
    assert result.returncode == 0, result.stdout + result.stderr
    files = snapshot(tmp_path / "output")
    assert "old/page.html" not in files  # nothing of the previous site lingers
    assert "2026/03/a/index.html" in files
    assert "feeds/all.atom.xml" in files  # the publish settings were used
    assert b"https://blog.example.org/2026/03/a/" in files["old-a.html"]
    assert leftovers(tmp_path) == []
    assert "Published to output/." in result.stdout


def test_files_the_settings_retain_are_carried_over(tmp_path):
    previous_site(tmp_path)
    (tmp_path / "output" / "CNAME").write_text("blog.example.org\n")
    settings = tmp_path / "conf.py"
    settings.write_text(
        f"import sys\nsys.path.insert(0, {str(ROOT)!r})\n"
        "from publishconf import *  # noqa: F403\nOUTPUT_RETENTION = ['CNAME']\n"
    )
    assert publish(tmp_path, GOOD, settings=settings).returncode == 0
    assert (tmp_path / "output" / "CNAME").read_text() == "blog.example.org\n"
    assert not (tmp_path / "output" / "old").exists()


# Fail closed: every way a publish build can fail, each leaving the old output.


def settings_with(tmp_path, plugin=None, extra=""):
    """publishconf.py, plus a plugin of the test's own (its code) and `extra` lines."""
    lines = [
        "import sys",
        f"sys.path.insert(0, {str(ROOT)!r})",
        "from publishconf import *  # noqa: F403",
    ]
    if plugin is not None:
        write_files(tmp_path / "injected", {"injected_fault.py": plugin})
        lines += [
            f"PLUGIN_PATHS = [*PLUGIN_PATHS, {str(tmp_path / 'injected')!r}]",
            "PLUGINS = [*PLUGINS, 'injected_fault']",
        ]
    settings = tmp_path / "conf.py"
    settings.write_text("\n".join([*lines, textwrap.dedent(extra)]) + "\n")
    return settings


# Raises `exception` at the `after`-th time `signal` is sent, logging nothing first.
CRASH = """
from pelican import signals

sent = []


def crash(*args, **kwargs):
    sent.append(1)
    if len(sent) == {after}:
        raise {exception}


def register():
    signals.{signal}.connect(crash)
"""


def assert_nothing_published(tmp_path, result, before, status=1):
    shown = result.stdout + result.stderr
    assert result.returncode == status, shown
    assert snapshot(tmp_path / "output") == before
    assert leftovers(tmp_path) == []
    assert "Nothing published" in result.stderr
    assert "output/ is unchanged" in result.stderr
    assert "Published to" not in shown


@pytest.mark.parametrize(
    ("signal_name", "after", "exception"),
    [
        # Before any page is written: Pelican asks plugins for their generators.
        ("get_generators", 1, "ValueError('injected: no generators')"),
        # Halfway: at the third file written.
        ("content_written", 3, "OSError('injected: disk gone')"),
        # When every file is written, and Guestlist has reported no problem.
        ("finalized", 1, "KeyError('injected')"),
        # ... and as an exit that says all is well.
        ("finalized", 1, "SystemExit(0)"),
    ],
    ids=["before-writing", "halfway", "at-the-end", "exit-0-at-the-end"],
)
def test_a_crash_with_no_error_logged_leaves_the_previous_output(
    tmp_path, signal_name, after, exception
):
    before = previous_site(tmp_path)
    plugin = CRASH.format(signal=signal_name, after=after, exception=exception)
    result = publish(tmp_path, GOOD, settings=settings_with(tmp_path, plugin))
    assert_nothing_published(tmp_path, result, before)
    name = exception.partition("(")[0]
    assert f"The build stopped: {name}" in result.stdout + result.stderr
    assert "the build stopped before its end" in result.stderr
    assert "Traceback" not in result.stdout + result.stderr


def test_a_theme_without_a_template_publishes_nothing(tmp_path):
    # series.html is Guestlist's own: Pelican has no template of its own to use
    # instead, as it has for article.html and the rest.
    before = previous_site(tmp_path)
    theme = tmp_path / "theme"
    shutil.copytree(ROOT / "theme", theme)
    (theme / "templates" / "series.html").unlink()
    settings = settings_with(tmp_path, extra=f"THEME = {str(theme)!r}")
    files = {**GOOD, "posts/c.md": post("C", Series="S", Series_index=1, body=HOST_NOTE)}
    result = publish(tmp_path, files, settings=settings)
    assert_nothing_published(tmp_path, result, before)
    assert "The build stopped: PelicanTemplateNotFound" in result.stdout + result.stderr


@pytest.mark.parametrize(
    "template",
    [
        '{% extends "base.html" %}{% block content %}'
        '{% include "partials/no-such-part.html" %}{% endblock %}',
        '{% extends "base.html" %}{% block content %}{% if %}{% endblock %}',
    ],
    ids=["includes-a-missing-template", "does-not-parse"],
)
def test_a_broken_template_override_publishes_nothing(tmp_path, template):
    before = previous_site(tmp_path)
    write_files(tmp_path / "overrides", {"article.html": template})
    overrides = str(tmp_path / "overrides")
    settings = settings_with(tmp_path, extra=f"THEME_TEMPLATES_OVERRIDES = [{overrides!r}]")
    result = publish(tmp_path, GOOD, settings=settings)
    assert_nothing_published(tmp_path, result, before)
    assert "The build stopped: Template" in result.stdout + result.stderr


def test_one_error_logged_by_pelican_publishes_nothing(tmp_path):
    before = previous_site(tmp_path)
    # Pelican's HTML reader cannot decode it: Pelican logs "Could not process",
    # skips the file, and builds the rest of the site.
    html = tmp_path / "content" / "posts" / "broken.html"
    html.parent.mkdir(parents=True)
    html.write_bytes(
        b"<html><head><title>Broken</title></head><body>\xff\xfe</body></html>"
    )
    result = publish(tmp_path, GOOD)
    assert_nothing_published(tmp_path, result, before)
    assert "Could not process posts/broken.html" in result.stdout + result.stderr
    assert "Nothing published: the build reported 1 error;" in result.stderr


def test_an_error_logged_by_guestlist_publishes_nothing(tmp_path):
    before = previous_site(tmp_path)
    files = {
        **GOOD,
        "posts/c.md": post("C", Series="S", Series_index="two", body="C." + HOST_NOTE),
    }
    result = publish(tmp_path, files)
    assert_nothing_published(tmp_path, result, before)
    assert "content/posts/c.md:4: error: Series_index" in result.stdout + result.stderr
    assert "Nothing published: the build reported 1 error;" in result.stderr


def test_an_error_in_the_settings_publishes_nothing(tmp_path):
    before = previous_site(tmp_path)
    settings = settings_with(tmp_path, extra="GUEST_SERIES_LABEL_MAX_LENGHT = 40")
    result = publish(tmp_path, GOOD, settings=settings)
    assert_nothing_published(tmp_path, result, before)
    assert "GUEST_SERIES_LABEL_MAX_LENGHT" in result.stdout + result.stderr


def test_errors_count_when_quiet_hides_them(tmp_path):
    # -q sets the loggers to CRITICAL: the errors must be counted all the same.
    before = previous_site(tmp_path)
    result = publish(tmp_path, BAD, "-q")
    assert_nothing_published(tmp_path, result, before)
    assert "Nothing published: the build reported 2 errors" in result.stderr


# Waits, in the middle of writing the site, until a signal comes.
WAIT = """
import pathlib
import time

from pelican import signals


def wait(*args, **kwargs):
    marker = pathlib.Path({marker!r})
    if not marker.exists():
        marker.write_text("writing")
        time.sleep(60)


def register():
    signals.content_written.connect(wait)
"""


@pytest.mark.parametrize(
    "stop", [signal.SIGTERM, signal.SIGINT, signal.SIGHUP], ids=lambda stop: stop.name
)
def test_a_signal_from_outside_mid_build_leaves_the_previous_output(tmp_path, stop):
    before = previous_site(tmp_path)
    marker = tmp_path / "writing"
    settings = settings_with(tmp_path, WAIT.format(marker=str(marker)))
    command, env = publish_command(tmp_path, GOOD, settings=settings)
    process = subprocess.Popen(
        command,
        cwd=tmp_path,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        deadline = time.monotonic() + 30
        while not marker.exists() and process.poll() is None:
            assert time.monotonic() < deadline, "the build never started writing"
            time.sleep(0.02)
        assert process.poll() is None, process.communicate()
        assert [path.name for path in tmp_path.glob("output.new-*/*")]  # half written
        process.send_signal(stop)
        stdout, stderr = process.communicate(timeout=30)
    finally:
        if process.poll() is None:
            process.kill()
            process.communicate()
    result = subprocess.CompletedProcess(command, process.returncode, stdout, stderr)
    assert_nothing_published(tmp_path, result, before, status=128 + stop)
    assert f"Nothing published: {stop.name} stopped the build" in stderr
    assert "Traceback" not in stdout + stderr


def load_publish_tool():
    spec = importlib.util.spec_from_file_location(
        "publish_tool", ROOT / "tools" / "publish.py"
    )
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_a_signal_during_the_swap_puts_the_previous_output_back(tmp_path, monkeypatch):
    tool = load_publish_tool()
    before = previous_site(tmp_path)

    def build(content, new_output, settings_file, options):
        (new_output / "index.html").write_text("<p>The new site.</p>\n")
        return True, 0, {}

    swap_in = tool.swap_in

    def swap_in_with_a_signal(new_output, output, wanted):
        os.kill(os.getpid(), signal.SIGTERM)  # held: noted, not raised
        return swap_in(new_output, output, wanted)

    monkeypatch.setattr(tool, "build", build)
    monkeypatch.setattr(tool, "swap_in", swap_in_with_a_signal)
    handler = signal.getsignal(signal.SIGTERM)
    status = tool.main(["--content", str(tmp_path), "--output", str(tmp_path / "output")])
    assert status == 128 + signal.SIGTERM
    assert snapshot(tmp_path / "output") == before
    assert leftovers(tmp_path) == []
    assert signal.getsignal(signal.SIGTERM) == handler  # given back


def test_a_swap_not_wanted_any_more_is_undone(tmp_path):
    tool = load_publish_tool()
    before = previous_site(tmp_path)
    new = tmp_path / "output.new-x"
    write_files(new, {"index.html": "new\n"})
    assert tool.swap_in(new, tmp_path / "output", wanted=lambda: False) is False
    assert snapshot(tmp_path / "output") == before
    assert snapshot(new) == {"index.html": b"new\n"}
    # The first publish, with no previous output, is undone as well.
    shutil.rmtree(tmp_path / "output")
    assert tool.swap_in(new, tmp_path / "output", wanted=lambda: False) is False
    assert not (tmp_path / "output").exists() and new.is_dir()


def make(*args):
    # Deploy settings from the caller's environment must not leak in.
    return run_make(
        *args, env={k: v for k, v in os.environ.items() if not k.startswith("SSH_")}
    )


def test_rsync_upload_needs_a_host_and_path_and_builds_nothing_without(tmp_path):
    result = make("rsync_upload", f"OUTPUTDIR={tmp_path / 'output'}")
    assert result.returncode != 0
    assert "set SSH_HOST and SSH_TARGET_DIR" in result.stdout + result.stderr
    assert not (tmp_path / "output").exists()


def test_rsync_upload_publishes_then_copies_to_the_host_and_path():
    planned = make(
        "-n",
        "rsync_upload",
        "SSH_HOST=web.example.org",
        "SSH_USER=ollie",
        "SSH_TARGET_DIR=/srv/blog",
        "SSH_PORT=2222",
    ).stdout
    assert planned.index("tools/publish.py") < planned.index("rsync ")
    assert "ssh -p 2222" in planned
    assert '/output/ "ollie@web.example.org:/srv/blog"' in planned


def test_github_publishes_then_imports_to_gh_pages():
    planned = make("-n", "github").stdout
    assert planned.index("tools/publish.py") < planned.index("ghp-import")
    assert "ghp-import -m" in planned and "-b gh-pages -n -p" in planned
