"""Shared fixtures: build a small site with the project's settings, read what it shows."""

import filecmp
import logging
import os
import shutil
import subprocess
import textwrap
from dataclasses import dataclass, field
from pathlib import Path

import hypothesis
import pytest
from bs4 import BeautifulSoup
from pelican import Pelican
from pelican.log import LimitFilter
from pelican.settings import read_settings

from guestlist.core.settings import SettingsError

# The fixtures of the browser tests (a served demo, Chromium), for every
# module that asks for them.
pytest_plugins = ["served_site"]

ROOT = Path(__file__).resolve().parent.parent
# The tests' own frozen copy of the demo, not the shipped content/: a host
# replaces content/ with their blog and the tests still pass. The demo in
# content/ is checked by one golden snapshot instead (tools/golden.py,
# tests/site/test_golden.py).
DEMO_CONTENT = ROOT / "tests" / "fixtures" / "demo" / "content"


@dataclass
class BuiltSite:
    """A site built into a temp folder, and what its build logged."""

    content: Path
    output: Path
    records: list = field(default_factory=list)
    stopped: str | None = None  # why the settings stopped the build, if they did

    def path(self, url):
        """The output file for a site URL such as '2026/03/post/' or 'about/'."""
        url = url.lstrip("/")
        target = self.output / url
        if url == "" or url.endswith("/"):
            target = target / "index.html"
        return target

    def exists(self, url):
        return self.path(url).is_file()

    def page(self, url):
        """The page at `url`, parsed."""
        return BeautifulSoup(self.path(url).read_text(encoding="utf-8"), "html.parser")

    def files(self, pattern="**/*.html"):
        return sorted(
            p.relative_to(self.output).as_posix() for p in self.output.glob(pattern)
        )

    def pages(self):
        """The theme's pages: every HTML file but the redirect stubs for old addresses."""
        return [
            path
            for path in self.files()
            if 'http-equiv="refresh"' not in self.path(path).read_text(encoding="utf-8")
        ]

    @property
    def messages(self):
        """Every warning and error the build logged, as text."""
        return [r.getMessage() for r in self.records if r.levelno >= logging.WARNING]

    @property
    def warnings(self):
        return [r.getMessage() for r in self.records if r.levelno == logging.WARNING]

    @property
    def errors(self):
        return [r.getMessage() for r in self.records if r.levelno >= logging.ERROR]

    def messages_about(self, path):
        """The messages that name `path` (e.g. 'content/posts/a.md')."""
        return [message for message in self.messages if path in message]


def project_settings(content, output, **overrides):
    """The project's pelicanconf.py, pointed at `content` and `output`."""
    override = {
        "PATH": str(content),
        "OUTPUT_PATH": str(output),
        "CACHE_PATH": str(output.parent / "cache"),
        "LOAD_CONTENT_CACHE": False,
    }
    override.update(overrides)
    return read_settings(str(ROOT / "pelicanconf.py"), override=override)


def schema_defaults(**settings):
    """Every Guestlist setting at its default, as a build starts with, plus `settings`."""
    from guestlist.core.settings import all_schemas, apply_schemas

    problems = apply_schemas(settings, all_schemas(), "pelicanconf.py")
    assert problems == []
    return settings


def differing_files(first, second):
    """Every file that differs between two output folders, or is in one only."""
    differing = []

    def walk(diff, prefix=""):
        differing.extend(prefix + name for name in diff.diff_files + diff.left_only)
        differing.extend(prefix + name for name in diff.right_only)
        for name, sub in diff.subdirs.items():
            walk(sub, f"{prefix}{name}/")

    walk(filecmp.dircmp(first, second))
    return sorted(differing)


def run_make(*args, env=None):
    """Run `make ARGS` in the project's folder; the CompletedProcess, output as text."""
    return subprocess.run(
        ["make", "--no-print-directory", *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env=env,
    )


def write_files(root, files):
    """Write {relative path: text} under `root`; text is dedented."""
    for relative, text in files.items():
        target = root / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(textwrap.dedent(text).lstrip("\n"), encoding="utf-8")


class _Collect(logging.Handler):
    """Keeps every record of a build, whatever the logging set-up around it."""

    def __init__(self):
        super().__init__(level=logging.DEBUG)
        self.records = []

    def emit(self, record):
        self.records.append(record)


def run_pelican(content, output, **overrides):
    """Build `content` into `output` in this process and return the BuiltSite."""
    settings = project_settings(content, output, **overrides)
    # Pelican logs a message once a process; every build here is a run of its own,
    # so a warning an earlier test saw must be logged again.
    LimitFilter._raised_messages.clear()
    LimitFilter._group_count.clear()
    collect = _Collect()
    root = logging.getLogger()
    root.addHandler(collect)
    stopped = None
    try:
        Pelican(settings).run()
    except SettingsError as error:
        stopped = str(error)
    finally:
        root.removeHandler(collect)
    return BuiltSite(
        content=content, output=output, records=collect.records, stopped=stopped
    )


@pytest.fixture
def build_site(tmp_path):
    """build_site({"posts/a.md": "Title: A\\n..."}, SETTING=value) -> BuiltSite.

    Files are written under a fresh `content/` in tmp_path; a second call with
    the same tmp_path adds or replaces files and builds again.
    """
    content = tmp_path / "content"
    output = tmp_path / "output"

    def build(files=None, **overrides):
        content.mkdir(exist_ok=True)
        write_files(content, files or {})
        return run_pelican(content, output, **overrides)

    return build


@pytest.fixture(scope="session")
def demo_site(tmp_path_factory):
    """The tests' copy of the demo, built once for the tests that only read it."""
    root = tmp_path_factory.mktemp("demo")
    content = root / "content"
    shutil.copytree(DEMO_CONTENT, content)
    return run_pelican(content, root / "output")


def post(title, date="2026-03-02 09:00", body="Some words.", **fields):
    """The text of a post with `fields` as metadata (Series_index=2 → 'Series_index: 2')."""
    lines = [f"Title: {title}", f"Date: {date}"]
    lines += [f"{key}: {value}" for key, value in fields.items()]
    return "\n".join(lines) + "\n\n" + textwrap.dedent(body).strip() + "\n"


HOST_NOTE = '\n\n!!! host-note "Note from Ollie"\n    Thank you for writing.\n'


# Hypothesis profiles. "ci" (the default) is what `make test` runs: few
# examples, the same ones every run, no example database. "long" runs many more
# examples for the property and fuzz tests, new random ones each run:
#     GUESTLIST_FUZZ=long make test PYTEST_ARGS=tests/core/test_fuzz.py
# A test with its own @settings(max_examples=…) keeps that number in both;
# tests/core/test_fuzz.py scales its whole-site builds by FUZZ_PROFILE.
hypothesis.settings.register_profile(
    "ci",
    derandomize=True,
    deadline=None,
    database=None,
    max_examples=60,
    suppress_health_check=[hypothesis.HealthCheck.too_slow],
)
hypothesis.settings.register_profile(
    "long",
    deadline=None,
    max_examples=2000,
    suppress_health_check=[hypothesis.HealthCheck.too_slow],
)
FUZZ_PROFILE = "long" if os.environ.get("GUESTLIST_FUZZ") == "long" else "ci"
hypothesis.settings.load_profile(FUZZ_PROFILE)
