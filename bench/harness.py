"""Time every configuration on the same synthetic sites, interleaved, several runs each.

For each site size the content is generated once. Then each round builds it
cold with A, B, C and D, in an order that rotates from round to round (so
that no configuration always runs first, or always right after the heaviest
one), and then times the cached rebuild of A and of B after one post is edited,
as the dev server rebuilds: the output folder of the cold build kept, the
content cache on. Load from other work on the machine thus falls on all
configurations alike, and the median of the rounds is what the report shows.
At the sizes the plan names, the dev servers' edit-to-reload time is measured
after the rounds (`reload.py`).
"""

import shutil
import sys
from dataclasses import dataclass, field
from pathlib import Path

from . import reload
from .configs import CONFIGS, command
from .measure import run_build
from .sitegen import edit_post, generate_site


@dataclass(frozen=True)
class Plan:
    """Which sizes to build, how many rounds of each, and which configurations
    to time a cached rebuild of."""

    rounds: dict  # posts -> number of rounds
    # A's rebuild is the budget; B's shows how much of a rebuild is Pelican's own.
    rebuilt: tuple = ("A", "B")
    # The sizes at which the dev servers' edit-to-reload is timed, and how many edits.
    reloaded: tuple = (200, 1000)
    edits: int = 5

    @property
    def sizes(self):
        return sorted(self.rounds)


FULL = Plan({200: 5, 1000: 5, 5000: 3})
# Under five minutes on two idle cores: fewer rounds, no rebuild of B, and the
# dev servers at 200 posts only.
QUICK = Plan({200: 3, 1000: 2}, rebuilt=("A",), reloaded=(200,), edits=3)


@dataclass
class SizeResult:
    """Every measurement at one site size, by configuration ("A", … "A-rebuild")."""

    posts: int
    summary: object  # the SiteSummary of the generated content
    runs: dict = field(default_factory=dict)  # key -> list of Measurement
    reloads: dict = field(default_factory=dict)  # "Guestlist", "Pelican" -> ReloadResult

    def add(self, key, measurement):
        self.runs.setdefault(key, []).append(measurement)


class ContentNotRead(RuntimeError):
    """A build read fewer or more posts than were generated: not comparable."""


def pythons_for(main_python, bench_python, configs=CONFIGS):
    """Which interpreter each configuration runs with; C only with the bench venv."""
    chosen = {}
    for key, config in configs.items():
        if config.needs_bench_venv:
            if bench_python is not None and Path(bench_python).exists():
                chosen[key] = Path(bench_python)
        else:
            chosen[key] = Path(main_python)
    return chosen


def run_plan(plan, workdir, pythons, progress=sys.stderr):
    """Build and time everything in `plan` under `workdir`; return SizeResults."""
    configs = {key: config for key, config in CONFIGS.items() if key in pythons}
    results = []
    for posts in plan.sizes:
        result = run_size(
            posts,
            plan.rounds[posts],
            Path(workdir),
            configs,
            pythons,
            rebuilt=[key for key in plan.rebuilt if key in configs],
            progress=progress,
        )
        if posts in plan.reloaded:
            result.reloads = run_reloads(
                result, Path(workdir), pythons, plan.edits, progress
            )
        results.append(result)
    return results


def run_reloads(result, workdir, pythons, edits, progress=sys.stderr):
    """Time the edit-to-reload of Guestlist's dev server (when A is built) and of
    plain Pelican's --autoreload (when B is) on the site of `result`."""
    site = workdir / f"site-{result.posts}"
    content = site / "content"
    edited = result.summary.post_paths[len(result.summary.post_paths) // 2]
    servers, found = [], {}
    if "A" in pythons:
        if reload.devserver_supports_options():
            servers.append(reload.guestlist_server(pythons["A"], content, site))
        else:
            found["Guestlist"] = reload.ReloadResult(
                "Guestlist", result.posts, note="tools/devserver.py lacks the options"
            )
    if "B" in pythons:
        servers.append(reload.pelican_server(pythons["B"], content, site))
    for server in servers:
        measured = reload.measure_reload(
            server, edited, result.posts, edits, site / f"devserver-{server.key}.log"
        )
        found[server.key] = measured
        shown = ", ".join(f"{seconds:.2f}" for seconds in measured.seconds)
        print(
            f"  {result.posts:>5} posts  {server.title}: edit to reload {shown} s "
            f"(first served after {measured.first_build:.1f} s)",
            file=progress,
            flush=True,
        )
    return found


def run_size(posts, rounds, workdir, configs, pythons, rebuilt=(), progress=sys.stderr):
    """Generate a site of `posts` posts and time `configs` on it, `rounds` times."""
    site = workdir / f"site-{posts}"
    content = site / "content"
    if site.exists():
        shutil.rmtree(site)
    summary = generate_site(content, posts)
    result = SizeResult(posts=posts, summary=summary)
    keys = list(configs)
    # The post a guest fixes after review: one in the middle of the blog.
    edited = summary.post_paths[len(summary.post_paths) // 2]

    def build(key, label, cache_mode=None, cache=None):
        log = site / f"{label}.log"
        argv = command(
            configs[key],
            pythons[key],
            content,
            site / f"output-{key}",
            cache or site / f"cache-{key}",
            cache_mode=cache_mode,
        )
        measurement = run_build(argv, log)
        if measurement.articles != summary.posts:
            raise ContentNotRead(
                f"{key} read {measurement.articles} posts of the {summary.posts} "
                f"generated (see {log})"
            )
        return measurement

    for round_number in range(rounds):
        shift = round_number % len(keys)
        for key in keys[shift:] + keys[:shift]:
            shutil.rmtree(site / f"output-{key}", ignore_errors=True)
            # A cold build starts from an empty cache folder: what a build keeps
            # there whatever its settings (the social cards) is made again.
            cold_cache = site / f"cache-{key}-cold"
            shutil.rmtree(cold_cache, ignore_errors=True)
            measurement = build(key, f"{key}-{round_number}", cache=cold_cache)
            result.add(key, measurement)
            _say(progress, posts, round_number, rounds, key, measurement)
        for key in rebuilt:
            cache = site / f"cache-{key}"
            if not cache.is_dir() or not any(cache.iterdir()):
                # This configuration's own settings keep no cache (B's do not;
                # A's publish settings do): write one, untimed, to start from.
                build(key, f"{key}-cache-{round_number}", cache_mode="write")
            # A new mark each round, so that the cache never holds this edit.
            original = edit_post(edited, mark=f"round {round_number}")
            try:
                measurement = build(key, f"{key}-rebuild-{round_number}", cache_mode="load")
            finally:
                edited.write_text(original, encoding="utf-8")
            result.add(f"{key}-rebuild", measurement)
            _say(progress, posts, round_number, rounds, f"{key}-rebuild", measurement)
    return result


def _say(stream, posts, round_number, rounds, key, measurement):
    print(
        f"  {posts:>5} posts  round {round_number + 1}/{rounds}  {key:<10} "
        f"{measurement.wall:6.2f} s wall  {measurement.cpu:6.2f} s CPU  "
        f"{measurement.peak_mb:5.0f} MiB PSS  {measurement.maxrss_mb:5.0f} MiB max RSS",
        file=stream,
        flush=True,
    )
