"""Run one build in a child process and measure it: wall clock, CPU time, peak memory.

Each build is its own process, so that no import or cache of one build helps
the next. A build may fork worker processes (a multiprocessing pool that it
waits for); everything here counts them:

- CPU time comes from `os.wait4` on the build process. On Linux its rusage
  covers the child and every descendant that was waited for (reaped) before it
  exited, as `RUSAGE_CHILDREN` does. Checked on this kernel: a child running a
  fork pool of two workers that each burn 1 s of CPU reports 2.05 s of CPU in
  1.2 s of wall clock. A worker left unreaped would not count; Python's Pool
  joins its workers when it is closed or terminated.
- Memory: `ru_maxrss` is the peak of the largest single process, not a sum,
  so a thread samples the proportional set size (PSS) of the build process and
  all its descendants every 20 ms while it runs, and keeps the peak of the
  sum. PSS divides each shared page among the processes that share it, so the
  copy-on-write pages forked workers share with their parent count once in
  the sum, not once a process. `ru_maxrss` is kept as a second figure.
"""

import os
import re
import subprocess
import threading
import time
from dataclasses import dataclass
from pathlib import Path

# Pelican's closing line: "Done: Processed 1000 articles, 0 drafts, …"; any run
# of white space may split it where the console wraps.
_PROCESSED = re.compile(r"Processed\s+(\d+)\s+articles?")
# Pelican's default log handler (the one `make publish` uses) starts each record
# with an optional "[HH:MM:SS]" and the level name.
_LEVEL = re.compile(r"^(?:\[[\d:]+\])?\s+(WARNING|ERROR|CRITICAL)\s", re.MULTILINE)
SAMPLE_EVERY = 0.02  # seconds between two samples of the process tree's memory


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
    cpu: float  # user + system seconds of the build and its reaped worker processes
    peak_mb: float  # peak of the summed PSS of the build's whole process tree, MiB
    articles: int | None  # as Pelican counted them, None if it did not say
    warnings: int  # WARNING lines in the build's log
    errors: int  # ERROR and CRITICAL lines
    maxrss_mb: float = 0.0  # ru_maxrss: the peak resident memory of the largest process


def descendants(pid):
    """The process ids of every descendant of `pid` (children, theirs, …)."""
    found, waiting = [], [pid]
    while waiting:
        children = _children(waiting.pop())
        found += children
        waiting += children
    return found


def _children(pid):
    tasks = Path(f"/proc/{pid}/task")
    try:
        files = [task / "children" for task in tasks.iterdir()]
    except OSError:  # gone already
        return []
    if files and not files[0].exists():  # a kernel without CONFIG_PROC_CHILDREN
        return _children_by_parent(pid)
    children = []
    for path in files:
        try:
            children += [int(child) for child in path.read_text().split()]
        except OSError:  # the thread ended
            continue
    return children


def _children_by_parent(pid):
    children = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            # "pid (comm) state ppid …": comm may hold spaces and brackets.
            fields = stat.read_text().rpartition(")")[2].split()
        except OSError:
            continue
        if int(fields[1]) == pid:
            children.append(int(stat.parent.name))
    return children


def pss_kib(pid):
    """The proportional set size of `pid` in KiB; 0 if it has gone (or is a zombie)."""
    try:
        with open(f"/proc/{pid}/smaps_rollup", encoding="ascii") as rollup:
            for line in rollup:
                if line.startswith("Pss:"):
                    return int(line.split()[1])
    except (OSError, ValueError):
        pass
    return 0


def tree_pss_kib(pid):
    """The summed PSS of `pid` and all its descendants, KiB."""
    return sum(pss_kib(each) for each in [pid, *descendants(pid)])


class TreeSampler:
    """Samples the summed PSS of a process tree in a thread; keeps the peak.

    with TreeSampler(process.pid) as sampler:
        process.wait()
    sampler.peak_kib
    """

    def __init__(self, pid, every=SAMPLE_EVERY):
        self.pid = pid
        self.every = every
        self.peak_kib = 0
        self.samples = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def __enter__(self):
        self._thread.start()
        return self

    def __exit__(self, *exc_info):
        self._stop.set()
        self._thread.join()

    def _run(self):
        while not self._stop.is_set():
            self.peak_kib = max(self.peak_kib, tree_pss_kib(self.pid))
            self.samples += 1
            self._stop.wait(self.every)


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
        with TreeSampler(process.pid) as sampler:
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
        peak_mb=sampler.peak_kib / 1024,
        articles=int(processed.group(1)) if processed else None,
        warnings=levels.count("WARNING"),
        errors=len(levels) - levels.count("WARNING"),
        maxrss_mb=usage.ru_maxrss / 1024,  # Linux gives KiB
    )
