"""The tests do not need the demo: with content/ a one-post blog, the fast tier passes.

A host replaces content/ with their own blog and deletes tests/golden/ (the
demo's snapshot); `make test` must still pass there. This test makes that
repository, a copy of the tracked files, and runs the fast tier in it.
"""

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT, write_files

# What a host replaces or deletes: the demo and its snapshot.
LEFT_OUT = ("content/", "tests/golden/")
# The fast tier, as `make test` runs it; this test is `slow`, and left out too.
PYTEST_OPTIONS = [
    *("-q", "-p", "no:cacheprovider", "-x", "-rfEsxX"),
    *("-m", "not tools and not bench and not slow"),
    "--ignore=tests/site/test_demo_independent.py",
]
# Not this run's import path, nor the variables of a `make test` it may run
# under (make passes its command line on to the makes the tests start), nor its
# pytest options.
NOT_PASSED_ON = {"PYTHONPATH", "VENV", "MAKEFLAGS", "MFLAGS", "MAKELEVEL", "PYTEST_ADDOPTS"}


def copy_tracked_files(target):
    """Copy the repository's tracked files, as they are in the working tree, to `target`."""
    listed = subprocess.run(
        ["git", "ls-files", "-z"], cwd=ROOT, capture_output=True, text=True, check=True
    ).stdout
    for name in listed.split("\0"):
        source = ROOT / name
        if not name or name.startswith(LEFT_OUT) or not source.is_file():
            continue  # a file deleted in the working tree is not there
        (target / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(source, target / name)


def borrow_venv(target):
    """A .venv in `target` that runs this interpreter and its commands.

    The Makefile's targets use .venv and reinstall it when requirements.txt or
    pyproject.toml is newer than its stamp files. Fresh stamps here mean no
    target plans an install; and no install ever reaches the real .venv with
    the copy's project (an editable install of a folder that is then deleted).
    """
    bin_folder = target / ".venv" / "bin"
    bin_folder.mkdir(parents=True)
    # A script, not a symlink: a symlink to the venv's python, outside its venv
    # folder, would start Python without the venv's packages.
    python = bin_folder / "python"
    python.write_text(f'#!/bin/sh\nexec "{sys.executable}" "$@"\n', encoding="utf-8")
    python.chmod(0o755)
    for command in Path(sys.executable).parent.iterdir():
        if not command.name.startswith("python"):
            (bin_folder / command.name).symlink_to(command)
    for stamp in (".installed-runtime", ".installed-test"):
        (target / ".venv" / stamp).touch()


@pytest.mark.slow
def test_the_fast_tier_passes_with_a_one_post_blog_and_no_golden_snapshot(tmp_path):
    copy = tmp_path / "blog"
    copy_tracked_files(copy)
    write_files(
        copy / "content",
        {"posts/hello.md": "Title: Hello\nDate: 2026-01-05 09:00\n\nMy first post.\n"},
    )
    borrow_venv(copy)
    env = {name: value for name, value in os.environ.items() if name not in NOT_PASSED_ON}
    # The .venv has the project installed editable from ROOT/plugins: the copy's
    # own plugins come first, for pytest and for every command a test starts.
    env["PYTHONPATH"] = str(copy / "plugins")
    imported = subprocess.run(
        [sys.executable, "-c", "import guestlist; print(guestlist.__file__)"],
        cwd=copy,
        env=env,
        capture_output=True,
        text=True,
    )
    assert imported.stdout.strip() == str(copy / "plugins/guestlist/__init__.py")

    result = subprocess.run(
        [sys.executable, "-m", "pytest", *PYTEST_OPTIONS],
        cwd=copy,
        env=env,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout[-6000:] + result.stderr[-3000:]
    # The demo's snapshot test saw no tests/golden/, and said so.
    skipped = [line for line in result.stdout.splitlines() if line.startswith("SKIPPED")]
    assert any("test_golden.py" in line for line in skipped), result.stdout[-3000:]
