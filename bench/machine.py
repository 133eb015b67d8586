"""What the benchmark ran on: the machine, and the versions each build used.

Timings mean little without these, so the report prints them above the tables.
"""

import os
import platform
import subprocess
from pathlib import Path

PACKAGES = ("pelican", "Markdown", "Jinja2", "feedgen", "beautifulsoup4")
BENCH_PACKAGES = ("pelican", "pelican-series", "pelican-neighbors")

# Asks an interpreter for the versions of the packages named on its command line.
_VERSIONS = (
    "import sys, importlib.metadata as m\n"
    "for name in sys.argv[1:]:\n"
    "    try: print(name, m.version(name))\n"
    "    except m.PackageNotFoundError: print(name, '-')\n"
)


def describe(main_python, bench_python=None, root=None):
    """Lines describing the machine and the software, for the report."""
    lines = [
        f"CPU: {_cpu_model()}, {os.cpu_count()} logical cores",
        f"Memory: {_memory_gib():.0f} GiB",
        f"System: {platform.system()} {platform.release()} ({platform.machine()})",
        f"Python: {_python_version(main_python)}",
        f"Packages: {_versions(main_python, PACKAGES)}",
    ]
    if bench_python and Path(bench_python).exists():
        lines.append(f"Bench venv (C): {_versions(bench_python, BENCH_PACKAGES)}")
    commit = _git_commit(root)
    if commit:
        lines.append(f"Guestlist commit: {commit}")
    return lines


def load_average():
    """The 1-minute load average, or None where the system does not say."""
    try:
        return os.getloadavg()[0]
    except OSError:
        return None


def _cpu_model():
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown CPU"


def _memory_gib():
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal:"):
                return int(line.split()[1]) / 1024 / 1024
    except (OSError, ValueError, IndexError):
        pass
    return 0.0


def _python_version(python):
    return _run([str(python), "-c", "import platform; print(platform.python_version())"])


def _versions(python, names):
    output = _run([str(python), "-c", _VERSIONS, *names])
    return ", ".join(output.splitlines()) or "unknown"


def _git_commit(root):
    # "-dirty" when the working tree has changes the commit does not hold.
    return _run(["git", "-C", str(root or "."), "describe", "--always", "--dirty"])


def _run(argv):
    try:
        done = subprocess.run(argv, capture_output=True, text=True, timeout=60, check=False)
    except (OSError, subprocess.TimeoutExpired):
        return ""
    return done.stdout.strip() if done.returncode == 0 else ""
