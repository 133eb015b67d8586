"""Run one build in a child process and measure it: time, CPU time, peak memory.

Each build is its own process, so that its peak memory (ru_maxrss, from
os.wait4 on that child alone) is the build's and nothing else's, and so that no
import or cache of one build helps the next.
"""

import os
import re
import subprocess
import time
from dataclasses import dataclass
from pathlib import Path

# Pelican's closing line: "Done: Processed 1000 articles, 0 drafts, …"; any run
# of white space may split it where the console wraps.
_PROCESSED = re.compile(r"Processed\s+(\d+)\s+articles?")
# Pelican's default log handler (the one `make publish` uses) starts each record
# with an optional "[HH:MM:SS]" and the level name.
_LEVEL = re.compile(r"^(?:\[[\d:]+\])?\s+(WARNING|ERROR|CRITICAL)\s", re.MULTILINE)


class BuildFailed(RuntimeError):
    """A build exited with an error: the benchmark cannot time what did not build."""

    def __init__(self, argv, returncode, log_path):
        self.argv = argv
        self.returncode = returncode
        self.log_path = Path(log_path)
        tail = "\n".join(self.log_path.read_text(errors="replace").splitlines()[-15:])
        super().__init__(
            f"the build exited with {returncode}:\n  {' '.join(argv)}\n"
            f"last lines of {log_path}:\n{tail}"
        )


@dataclass(frozen=True)
class Measurement:
    """What one build cost."""

    wall: float  # seconds, start to exit
    cpu: float  # user + system seconds of the build process
    peak_mb: float  # peak resident memory, MiB
    articles: int | None  # as Pelican counted them, None if it did not say
    warnings: int  # WARNING lines in the build's log
    errors: int  # ERROR and CRITICAL lines


def run_build(argv, log_path, env=None):
    """Run `argv`, logging to `log_path`; return its Measurement or raise BuildFailed."""
    log_path = Path(log_path)
    child_env = dict(os.environ if env is None else env)
    # Wide lines, so that the log handler does not wrap messages mid-word.
    child_env["COLUMNS"] = "500"
    with open(log_path, "w", encoding="utf-8") as log:
        started = time.perf_counter()
        process = subprocess.Popen(
            argv,
            stdout=log,
            stderr=subprocess.STDOUT,
            stdin=subprocess.DEVNULL,
            env=child_env,
        )
        _, status, usage = os.wait4(process.pid, 0)
        wall = time.perf_counter() - started
    # os.wait4 reaped the child; tell Popen, so that it does not wait again.
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode != 0:
        raise BuildFailed(argv, process.returncode, log_path)
    text = log_path.read_text(encoding="utf-8", errors="replace")
    processed = _PROCESSED.search(text)
    levels = _LEVEL.findall(text)
    return Measurement(
        wall=wall,
        cpu=usage.ru_utime + usage.ru_stime,
        peak_mb=usage.ru_maxrss / 1024,  # Linux gives KiB
        articles=int(processed.group(1)) if processed else None,
        warnings=levels.count("WARNING"),
        errors=len(levels) - levels.count("WARNING"),
    )
