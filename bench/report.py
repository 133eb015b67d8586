"""Turn measurements into the benchmark's tables and check them against the budgets.

The budgets are the ones the project set itself (issue 8): they are checked
and reported here, by `make bench`, never by the test suite, where timings on a
shared machine would make tests fail at random.
"""

from dataclasses import dataclass
from statistics import median

COLD = ("A", "B", "C", "D")

# The budgets: how much Guestlist may cost beside Pelican's own work.
PLUGIN_SHARE_MAX = 0.05  # (A − D) / A, at 1,000 posts
PLUGIN_SHARE_AT = 1000
A_OVER_B_MAX = 1.15  # at every size
PER_POST_GROWTH_MAX = 1.2  # A's time per post, largest size over smallest
REBUILD_SHARE_MAX = 0.40  # A's cached rebuild after one edit, over A cold
MEMORY_OVER_B_MAX = 1.2  # A's peak memory over B's, at the largest size


@dataclass(frozen=True)
class Cell:
    """The median of one configuration's runs at one size."""

    seconds: float
    peak_mb: float
    runs: int
    spread: float  # (slowest − fastest) / median: how noisy the runs were
    warnings: int  # most warnings any run logged
    errors: int
    by_round: tuple = ()  # the time of each round, in round order


@dataclass(frozen=True)
class Row:
    """One site size: every configuration's Cell, by key."""

    posts: int
    cells: dict

    def seconds(self, key):
        cell = self.cells.get(key)
        return cell.seconds if cell else None

    def ratio(self, top, bottom):
        """top / bottom: the median of the ratios within each round.

        The builds of one round run minutes apart at most, so they share the
        machine's load of the moment; their ratio is steadier than the ratio of
        two medians taken over the whole run. Without a time for every round,
        the ratio of the medians.
        """
        high, low = self.cells.get(top), self.cells.get(bottom)
        if high is None or low is None:
            return None
        if len(high.by_round) == len(low.by_round) > 0 and all(low.by_round):
            return median(a / b for a, b in zip(high.by_round, low.by_round, strict=True))
        return high.seconds / low.seconds if low.seconds else None

    @property
    def plugin_share(self):
        """(A − D) / A, the share of A's time that the plugin costs."""
        d_over_a = self.ratio("D", "A")
        return None if d_over_a is None else 1 - d_over_a

    def per_thousand(self, key):
        seconds = self.seconds(key)
        return seconds * 1000 / self.posts if seconds is not None else None


@dataclass(frozen=True)
class BudgetCheck:
    name: str
    limit: str
    value: str
    met: bool | None  # None: not measured in this run


def summarize(results, clock="cpu"):
    """A Row per size from the harness's SizeResults, using `clock` ("cpu" or "wall")."""
    rows = []
    for result in results:
        cells = {}
        for key, runs in result.runs.items():
            times = [getattr(run, clock) for run in runs]
            middle = median(times)
            cells[key] = Cell(
                seconds=middle,
                peak_mb=median(run.peak_mb for run in runs),
                runs=len(runs),
                spread=(max(times) - min(times)) / middle if middle else 0.0,
                warnings=max(run.warnings for run in runs),
                errors=max(run.errors for run in runs),
                by_round=tuple(times),
            )
        rows.append(Row(posts=result.posts, cells=cells))
    return rows


def check_budgets(rows):
    """Every budget, met or missed, with the value measured."""
    checks = []
    by_size = {row.posts: row for row in rows}

    at = by_size.get(PLUGIN_SHARE_AT)
    share = at.plugin_share if at else None
    checks.append(
        _check(
            f"plugin's own share (A − D) / A at {PLUGIN_SHARE_AT:,} posts",
            f"≤ {PLUGIN_SHARE_MAX:.0%}",
            share,
            PLUGIN_SHARE_MAX,
            percent=True,
        )
    )
    for row in rows:
        checks.append(
            _check(
                f"A / B at {row.posts:,} posts",
                f"≤ {A_OVER_B_MAX}",
                row.ratio("A", "B"),
                A_OVER_B_MAX,
            )
        )
    if len(rows) >= 2:
        small, large = rows[0], rows[-1]
        a_small, a_large = small.per_thousand("A"), large.per_thousand("A")
        growth = a_large / a_small if a_small and a_large else None
        checks.append(
            _check(
                f"A's time per post at {large.posts:,} over at {small.posts:,}",
                f"≤ {PER_POST_GROWTH_MAX}",
                growth,
                PER_POST_GROWTH_MAX,
            )
        )
    for row in rows:
        checks.append(
            _check(
                f"A's cached rebuild after one edit over A cold, at {row.posts:,} posts",
                f"≤ {REBUILD_SHARE_MAX:.0%}",
                row.ratio("A-rebuild", "A"),
                REBUILD_SHARE_MAX,
                percent=True,
            )
        )
    if rows:
        large = rows[-1]
        a, b = large.cells.get("A"), large.cells.get("B")
        checks.append(
            _check(
                f"A's peak memory over B's at {large.posts:,} posts",
                f"≤ {MEMORY_OVER_B_MAX}",
                a.peak_mb / b.peak_mb if a and b else None,
                MEMORY_OVER_B_MAX,
            )
        )
    return checks


def _check(name, limit, value, maximum, percent=False):
    if value is None:
        return BudgetCheck(name, limit, "not measured", None)
    shown = f"{value:.1%}" if percent else f"{value:.2f}"
    return BudgetCheck(name, limit, shown, value <= maximum)


def verdict(check):
    return {True: "met", False: "MISSED", None: "n/a"}[check.met]


def tables(rows, clock="cpu"):
    """The two result tables as lists of rows of text, header first."""
    unit = "CPU s" if clock == "cpu" else "s"
    times = [
        ["Posts", "Runs", *(f"{key} {unit}" for key in COLD), *(f"{k} MiB" for k in COLD)]
    ]
    for row in rows:
        cells = [row.cells.get(key) for key in COLD]
        times.append(
            [
                f"{row.posts:,}",
                str(max((cell.runs for cell in cells if cell), default=0)),
                *(_seconds(cell) for cell in cells),
                *(f"{cell.peak_mb:.0f}" if cell else "–" for cell in cells),
            ]
        )
    ratios = [
        [
            "Posts",
            "A/B",
            "A/C",
            "(A−D)/A",
            "A s/1,000 posts",
            "B s/1,000 posts",
            f"A rebuild {unit} (of cold)",
            f"B rebuild {unit} (of cold)",
        ]
    ]
    for row in rows:
        ratios.append(
            [
                f"{row.posts:,}",
                _number(row.ratio("A", "B")),
                _number(row.ratio("A", "C")),
                _percent(row.plugin_share),
                _number(row.per_thousand("A")),
                _number(row.per_thousand("B")),
                _rebuild(row, "A"),
                _rebuild(row, "B"),
            ]
        )
    return times, ratios


def _seconds(cell):
    if cell is None:
        return "–"
    # Runs that differ by more than a tenth are flagged: the machine was busy.
    return f"{cell.seconds:.2f}" + (" ±" if cell.spread > 0.10 else "")


def _number(value):
    return "–" if value is None else f"{value:.2f}"


def _percent(value):
    return "–" if value is None else f"{value:.1%}"


def _rebuild(row, key):
    seconds, share = row.seconds(f"{key}-rebuild"), row.ratio(f"{key}-rebuild", key)
    if seconds is None or share is None:
        return "–"
    return f"{seconds:.2f} ({share:.0%})"


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
