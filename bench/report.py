"""Turn measurements into the benchmark's tables and check them against the budgets.

The budgets are the ones the project set itself: they are checked and reported
here, by `make bench`, from the ratios of one interleaved run, never by the
test suite, where timings on a shared machine would make tests fail at random.
"""

from dataclasses import dataclass, field
from statistics import median

COLD = ("A", "B", "C", "D")
REBUILT = ("A", "B")
CLOCKS = ("wall", "cpu")
CLOCK_NAMES = {"wall": "wall s", "cpu": "CPU s"}

# The budgets: how much Guestlist may cost beside Pelican's own work.
WALL_A_OVER_B_MAX = 1.0  # A / B, wall clock, cold, two cores
WALL_A_OVER_B_AT = (1000, 5000)
CPU_A_OVER_B_MAX = 1.15  # A / B, CPU time, cold
CPU_A_OVER_B_AT = 1000
PLUGIN_SHARE_MAX = 0.10  # (A − D) / A, CPU time
PLUGIN_SHARE_AT = 1000
RELOAD_MAX_SECONDS = 1.0  # the dev server's edit-to-reload, and no slower than Pelican's
RELOAD_AT = 200
REBUILD_SHARE_MAX = 0.25  # A's cached rebuild after one edit over A cold, wall clock
REBUILD_AT = 1000
PER_POST_GROWTH_MAX = 1.2  # A's CPU time per post, at the large size over the small
GROWTH_SIZES = (200, 5000)
MEMORY_OVER_B_MAX = 1.3  # peak PSS of all of A's processes over B's
MEMORY_AT = 5000


@dataclass(frozen=True)
class Cell:
    """The medians of one configuration's runs at one size."""

    wall: float
    cpu: float
    peak_mb: float  # the peak of the process tree's summed PSS
    maxrss_mb: float  # ru_maxrss: the largest single process
    runs: int
    spread: dict  # clock -> (slowest − fastest) / median: how noisy the runs were
    warnings: int  # most warnings any run logged
    errors: int
    by_round: dict = field(default_factory=dict)  # clock -> the time of each round

    def seconds(self, clock="cpu"):
        return getattr(self, clock)


@dataclass(frozen=True)
class Row:
    """One site size: every configuration's Cell by key, and the dev servers' reloads."""

    posts: int
    cells: dict
    reloads: dict = field(default_factory=dict)  # "Guestlist", "Pelican" -> ReloadResult

    def seconds(self, key, clock="cpu"):
        cell = self.cells.get(key)
        return cell.seconds(clock) if cell else None

    def ratio(self, top, bottom, clock="cpu"):
        """top / bottom: the median of the ratios within each round.

        The builds of one round run minutes apart at most, so they share the
        machine's load of the moment; their ratio is steadier than the ratio of
        two medians taken over the whole run. Without a time for every round,
        the ratio of the medians.
        """
        high, low = self.cells.get(top), self.cells.get(bottom)
        if high is None or low is None:
            return None
        highs, lows = high.by_round.get(clock, ()), low.by_round.get(clock, ())
        if len(highs) == len(lows) > 0 and all(lows):
            return median(a / b for a, b in zip(highs, lows, strict=True))
        below = low.seconds(clock)
        return high.seconds(clock) / below if below else None

    def memory_ratio(self, top, bottom):
        high, low = self.cells.get(top), self.cells.get(bottom)
        if high is None or low is None or not low.peak_mb:
            return None
        return high.peak_mb / low.peak_mb

    @property
    def plugin_share(self):
        """(A − D) / A in CPU time: the share of A's work that the plugin costs."""
        d_over_a = self.ratio("D", "A", "cpu")
        return None if d_over_a is None else 1 - d_over_a

    def per_thousand(self, key, clock="cpu"):
        seconds = self.seconds(key, clock)
        return seconds * 1000 / self.posts if seconds is not None else None

    def reload_seconds(self, key):
        found = self.reloads.get(key)
        return found.median if found is not None else None


@dataclass(frozen=True)
class BudgetCheck:
    name: str
    limit: str
    value: str
    met: bool | None  # None: not measured in this run


def summarize(results):
    """A Row per size from the harness's SizeResults."""
    rows = []
    for result in results:
        cells = {}
        for key, runs in result.runs.items():
            by_round = {
                clock: tuple(getattr(run, clock) for run in runs) for clock in CLOCKS
            }
            middles = {clock: median(times) for clock, times in by_round.items()}
            cells[key] = Cell(
                wall=middles["wall"],
                cpu=middles["cpu"],
                peak_mb=median(run.peak_mb for run in runs),
                maxrss_mb=median(run.maxrss_mb for run in runs),
                runs=len(runs),
                spread={
                    clock: _spread(times, middles[clock])
                    for clock, times in by_round.items()
                },
                warnings=max(run.warnings for run in runs),
                errors=max(run.errors for run in runs),
                by_round=by_round,
            )
        rows.append(Row(posts=result.posts, cells=cells, reloads=dict(result.reloads)))
    return rows


def _spread(times, middle):
    return (max(times) - min(times)) / middle if middle else 0.0


def check_budgets(rows):
    """Every budget, met or missed, with the value measured (or "not measured")."""
    by_size = {row.posts: row for row in rows}

    def at(posts):
        return by_size.get(posts)

    checks = []
    for posts in WALL_A_OVER_B_AT:
        row = at(posts)
        checks.append(
            _check(
                f"A / B wall clock, cold, at {posts:,} posts",
                f"≤ {WALL_A_OVER_B_MAX:.2f}",
                row.ratio("A", "B", "wall") if row else None,
                WALL_A_OVER_B_MAX,
            )
        )
    row = at(CPU_A_OVER_B_AT)
    checks.append(
        _check(
            f"A / B CPU time, cold, at {CPU_A_OVER_B_AT:,} posts",
            f"≤ {CPU_A_OVER_B_MAX:.2f}",
            row.ratio("A", "B", "cpu") if row else None,
            CPU_A_OVER_B_MAX,
        )
    )
    row = at(PLUGIN_SHARE_AT)
    checks.append(
        _check(
            f"the plugin's own share of A's CPU, (A − D) / A, at {PLUGIN_SHARE_AT:,} posts",
            f"≤ {PLUGIN_SHARE_MAX:.0%}",
            row.plugin_share if row else None,
            PLUGIN_SHARE_MAX,
            percent=True,
        )
    )
    checks.append(reload_check(at(RELOAD_AT)))
    row = at(REBUILD_AT)
    checks.append(
        _check(
            f"A's cached rebuild after one edit over A cold, wall clock, at "
            f"{REBUILD_AT:,} posts",
            f"≤ {REBUILD_SHARE_MAX:.0%}",
            row.ratio("A-rebuild", "A", "wall") if row else None,
            REBUILD_SHARE_MAX,
            percent=True,
        )
    )
    small, large = at(GROWTH_SIZES[0]), at(GROWTH_SIZES[1])
    a_small = small.per_thousand("A", "cpu") if small else None
    a_large = large.per_thousand("A", "cpu") if large else None
    checks.append(
        _check(
            f"A's CPU time per post at {GROWTH_SIZES[1]:,} over at {GROWTH_SIZES[0]:,}",
            f"≤ {PER_POST_GROWTH_MAX:.1f}",
            a_large / a_small if a_small and a_large else None,
            PER_POST_GROWTH_MAX,
        )
    )
    row = at(MEMORY_AT)
    checks.append(
        _check(
            f"peak memory of all of A's processes (PSS) over B's at {MEMORY_AT:,} posts",
            f"≤ {MEMORY_OVER_B_MAX:.1f}",
            row.memory_ratio("A", "B") if row else None,
            MEMORY_OVER_B_MAX,
        )
    )
    return checks


def reload_check(row):
    """Guestlist's dev server: at most RELOAD_MAX_SECONDS, and no slower than Pelican's."""
    name = f"dev server edit-to-reload at {RELOAD_AT:,} posts"
    limit = f"≤ {RELOAD_MAX_SECONDS:.1f} s and ≤ Pelican --autoreload"
    ours = row.reload_seconds("Guestlist") if row else None
    theirs = row.reload_seconds("Pelican") if row else None
    if ours is None:
        return BudgetCheck(name, limit, "not measured", None)
    if theirs is None:
        shown = f"{ours:.2f} s (Pelican's not measured)"
        return BudgetCheck(name, limit, shown, False if ours > RELOAD_MAX_SECONDS else None)
    shown = f"{ours:.2f} s (Pelican {theirs:.2f} s)"
    return BudgetCheck(name, limit, shown, ours <= RELOAD_MAX_SECONDS and ours <= theirs)


def _check(name, limit, value, maximum, percent=False):
    if value is None:
        return BudgetCheck(name, limit, "not measured", None)
    shown = f"{value:.1%}" if percent else f"{value:.2f}"
    return BudgetCheck(name, limit, shown, value <= maximum)


def verdict(check):
    return {True: "met", False: "MISSED", None: "n/a"}[check.met]


def tables(rows):
    """The result tables as lists of rows of text, header first: times, memory,
    ratios, and (when measured) the dev servers' edit-to-reload."""
    rebuilt = [key for key in REBUILT if any(f"{key}-rebuild" in row.cells for row in rows)]
    shown = [*COLD, *(f"{key}-rebuild" for key in rebuilt)]
    times = [
        [
            "Posts",
            "Runs",
            *(
                f"{key.replace('-', ' ')} {CLOCK_NAMES[clock]}"
                for key in shown
                for clock in CLOCKS
            ),
        ]
    ]
    memory = [["Posts", *(f"{key} MiB" for key in COLD)]]
    for row in rows:
        cells = [row.cells.get(key) for key in shown]
        times.append(
            [
                f"{row.posts:,}",
                str(max((cell.runs for cell in cells if cell), default=0)),
                *(_seconds(cell, clock) for cell in cells for clock in CLOCKS),
            ]
        )
        memory.append(
            [
                f"{row.posts:,}",
                *(
                    f"{cell.peak_mb:.0f} ({cell.maxrss_mb:.0f})" if cell else "–"
                    for cell in (row.cells.get(key) for key in COLD)
                ),
            ]
        )
    ratios = [
        [
            "Posts",
            "A/B wall",
            "A/B CPU",
            "A/C wall",
            "A/C CPU",
            "(A−D)/A CPU",
            "A CPU s/1,000 posts",
            *(
                f"{key} rebuild/cold {clock}"
                for key in rebuilt
                for clock in ("wall", "CPU")
            ),
            "A/B memory",
        ]
    ]
    for row in rows:
        ratios.append(
            [
                f"{row.posts:,}",
                _number(row.ratio("A", "B", "wall")),
                _number(row.ratio("A", "B", "cpu")),
                _number(row.ratio("A", "C", "wall")),
                _number(row.ratio("A", "C", "cpu")),
                _percent(row.plugin_share),
                _number(row.per_thousand("A", "cpu")),
                *(
                    _percent(row.ratio(f"{key}-rebuild", key, clock))
                    for key in rebuilt
                    for clock in CLOCKS
                ),
                _number(row.memory_ratio("A", "B")),
            ]
        )
    return times, memory, ratios, reload_table(rows)


def reload_table(rows):
    """Edit-to-reload of each dev server at each size where it was timed, or None."""
    keys = [
        key for key in ("Guestlist", "Pelican") if any(key in row.reloads for row in rows)
    ]
    if not keys:
        return None
    names = {"Guestlist": "Guestlist dev server", "Pelican": "Pelican --autoreload"}
    table = [
        [
            "Posts",
            *(f"{names[key]} s" for key in keys),
            *(f"{names[key]}: first served s" for key in keys),
        ]
    ]
    for row in rows:
        if not row.reloads:
            continue
        found = [row.reloads.get(key) for key in keys]
        table.append(
            [
                f"{row.posts:,}",
                *(_reload(result) for result in found),
                *(
                    f"{result.first_build:.1f}" if result and result.first_build else "–"
                    for result in found
                ),
            ]
        )
    return table


def _reload(result):
    if result is None or not result.seconds:
        return result.note if result is not None and result.note else "–"
    low, high = min(result.seconds), max(result.seconds)
    return f"{result.median:.2f} ({low:.2f}–{high:.2f}, {len(result.seconds)} edits)"


def _seconds(cell, clock):
    if cell is None:
        return "–"
    # Runs that differ by more than a tenth are flagged: the machine was busy.
    return f"{cell.seconds(clock):.2f}" + (" ±" if cell.spread[clock] > 0.10 else "")


def _number(value):
    return "–" if value is None else f"{value:.2f}"


def _percent(value):
    return "–" if value is None else f"{value:.1%}"


def format_text(table):
    """A table as aligned plain text for the terminal."""
    widths = [max(len(line[column]) for line in table) for column in range(len(table[0]))]
    lines = []
    for number, line in enumerate(table):
        # The first column names the row: left-aligned; the figures: right-aligned.
        first, *rest = line
        cells = [first.ljust(widths[0])]
        cells += [text.rjust(width) for text, width in zip(rest, widths[1:], strict=True)]
        lines.append("  ".join(cells).rstrip())
        if number == 0:
            lines.append("  ".join("-" * width for width in widths))
    return "\n".join(lines)


def format_markdown(table):
    """A table as GitHub-flavoured Markdown."""
    header, *body = table
    lines = ["| " + " | ".join(header) + " |", "| --- |" + " ---: |" * (len(header) - 1)]
    lines += ["| " + " | ".join(line) + " |" for line in body]
    return "\n".join(lines)


def budget_table(checks):
    table = [["Budget", "Limit", "Measured", "Verdict"]]
    table += [[check.name, check.limit, check.value, verdict(check)] for check in checks]
    return table


def problems_seen(rows):
    """Lines naming any configuration whose builds logged warnings or errors."""
    notes = []
    for row in rows:
        for key, cell in sorted(row.cells.items()):
            if cell.warnings or cell.errors:
                notes.append(
                    f"{key} at {row.posts:,} posts logged {cell.warnings} warning(s) "
                    f"and {cell.errors} error(s) per build (see its log)"
                )
    return notes
