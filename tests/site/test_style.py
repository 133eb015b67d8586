"""The code keeps the project's style: ruff's lint and format checks pass."""

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT

CHECKED = ["plugins", "tests", "tools", "bench", "pelicanconf.py", "publishconf.py"]
RUFF = shutil.which("ruff", path=str(Path(sys.executable).parent)) or shutil.which("ruff")


@pytest.mark.skipif(RUFF is None, reason="ruff is not installed (make test installs it)")
@pytest.mark.parametrize("command", [["check"], ["format", "--check"]])
def test_ruff(command):
    result = subprocess.run(
        [RUFF, *command, *CHECKED], cwd=ROOT, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stdout + result.stderr
