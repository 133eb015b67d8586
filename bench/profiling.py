"""Where a build's time goes: one build under cProfile, summed by area.

Used where a budget is missed, to find the hot spot or to show that the time
is Pelican's own. An area's time is the time spent in calls *into* it from
outside it (a function of the area called by a function outside the area,
with everything it calls), so an area is counted once however deep its own
calls go (but a call back into an area through outside code, such as the
plugin reading a profile through Pelican's reader, which runs a Markdown
extension of the plugin, counts twice). Areas can nest (an extension runs inside
Python-Markdown), so they do not add up to the total. cProfile slows Python code more
than C code, so shares are a guide, not a measurement: the timings of
`make bench` are.

cProfile sees only the process it runs in, not the workers a build forks, so
the builds profiled here run in one process: `GUEST_SERIES_PROCESSES = 1`
(`ONE_PROCESS`). The work is the same; it is done where the profiler sees it.
"""

import pstats
import re
import subprocess
from dataclasses import dataclass, field
from pathlib import Path

from .configs import command


@dataclass(frozen=True)
class Area:
    """A part of the build, recognised by the file (and function) names of its code."""

    name: str
    pattern: str  # matched against "path:function"

    def holds(self, function):
        filename, _, name = function
        return (
            re.search(self.pattern, f"{filename.replace(chr(92), '/')}:{name}") is not None
        )


AREAS = (
    # The plugin's reader (core/reader.py) and page writer (build/writer.py) stand in
    # for Pelican's: the reading and writing they do are counted under "Reading
    # content" and "Writing pages", the plugin's own work they call (checks of the
    # file, page fingerprints) here. Typography's rules (core/punctuation.py) are
    # typography's, which configuration D runs without the plugin.
    Area(
        "guestlist plugins (all but typography, the reader and the page writer)",
        r"/plugins/guestlist/(?!markdown/(typography|__init__)\.py|core/punctuation\.py"
        r"|__init__\.py"
        r"|build/writer\.py|core/reader\.py)",
    ),
    Area("Reading content (Pelican readers, Markdown)", r"/pelican/readers\.py:read_file$"),
    Area("↳ Python-Markdown, with its extensions", r"/site-packages/markdown/"),
    Area("  ↳ toc extension", r"/site-packages/markdown/extensions/toc\.py"),
    Area(
        "  ↳ smart punctuation (guestlist.markdown)", r"/guestlist/markdown/typography\.py"
    ),
    Area("  ↳ codehilite (Pygments)", r"/markdown/extensions/codehilite\.py"),
    Area("  ↳ admonition extension", r"/markdown/extensions/admonition\.py"),
    Area(
        "Writing pages (Jinja templates)",
        r"(/pelican/writers|/guestlist/build/writer)\.py:write_file$",
    ),
    Area("Writing feeds (Pelican's writer)", r"/pelican/writers\.py:write_feed$"),
    Area("Writing feeds (feedgen)", r"/feedgen/"),
    Area("Content cache (pickle, gzip)", r"/pelican/cache\.py"),
)


@dataclass
class Profiles:
    """The breakdowns of several configurations at one size, and the plugin's hot spots."""

    posts: int
    breakdowns: dict = field(default_factory=dict)  # config key -> [(area, seconds)]
    hot_spots: list = field(default_factory=list)  # [(function, seconds)] in A


# What a profiled build adds to its settings: the plugin's work in the one process
# cProfile sees.
ONE_PROCESS = {"GUEST_SERIES_PROCESSES": 1}

# The whole build, as Pelican times it: everything after the settings are read.
TOTAL = Area("Whole build (Pelican.run)", r"/pelican/__init__\.py:run$")


def profile_build(config, python, content, workdir, name, cache_mode=None):
    """Build `content` with `config` under cProfile, in one process (ONE_PROCESS);
    return the stats file's path.

    `name` names the build's output, cache and stats in `workdir`; builds that
    share a name share a cache, so a "load" build reads what a "write" one saved.
    """
    workdir = Path(workdir)
    argv = command(
        config,
        python,
        content,
        workdir / f"profile-output-{name}",
        workdir / f"profile-cache-{name}",
        cache_mode=cache_mode,
        extra=ONE_PROCESS,
    )
    stats_path = workdir / f"{name}-{cache_mode or 'own'}.prof"
    # argv is [python, "-m", "pelican", …]: run the same under cProfile.
    argv = [argv[0], "-m", "cProfile", "-o", str(stats_path), *argv[1:]]
    log = workdir / f"profile-{name}-{cache_mode or 'own'}.log"
    with open(log, "w", encoding="utf-8") as output:
        subprocess.run(argv, stdout=output, stderr=subprocess.STDOUT, check=True)
    return stats_path


def area_seconds(stats, area):
    """Seconds spent in calls into `area` from code outside it."""
    total = 0.0
    for function, (_, _, _, _, callers) in stats.stats.items():
        if not area.holds(function):
            continue
        for caller, timing in callers.items():
            if not area.holds(caller):
                total += timing[3]  # cumulative time of the calls from this caller
    return total


def breakdown(stats_path):
    """[(area name, seconds)] for the build profiled in `stats_path`, total first."""
    stats = pstats.Stats(str(stats_path))
    rows = [(TOTAL.name, _total(stats))]
    rows += [(area.name, area_seconds(stats, area)) for area in AREAS]
    return rows


def hot_spots(stats_path, pattern, limit=8):
    """The functions matching `pattern` with the most cumulative time: [(name, s)]."""
    stats = pstats.Stats(str(stats_path))
    found = [
        (f"{Path(filename).name}:{line}({name})", timing[3])
        for (filename, line, name), timing in stats.stats.items()
        if re.search(pattern, filename.replace("\\", "/"))
    ]
    return sorted(found, key=lambda item: -item[1])[:limit]


def _total(stats):
    for function, timing in stats.stats.items():
        if TOTAL.holds(function):
            return timing[3]
    return sum(timing[2] for timing in stats.stats.values())


def breakdown_table(breakdowns):
    """{config key: breakdown} as a table: one row an area, a column a configuration."""
    keys = list(breakdowns)
    table = [["Area (cProfile, cumulative)", *(f"{key} s (share)" for key in keys)]]
    names = [name for name, _ in next(iter(breakdowns.values()))]
    for place, name in enumerate(names):
        cells = []
        for key in keys:
            total = breakdowns[key][0][1]
            seconds = breakdowns[key][place][1]
            cells.append(f"{seconds:.2f} ({seconds / total:.0%})" if total else "–")
        table.append([name, *cells])
    return table
