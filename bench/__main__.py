"""`make bench`: build synthetic blogs with Guestlist and with plain Pelican, and compare.

    python -m bench [--quick] [--bench-python PATH] [--markdown docs/benchmark.md]

Prints the machine, the result tables and every budget, met or missed. With
--markdown it also writes them into that file, between the two marker lines
(the rest of the file, the prose around the results, is left as it is).
"""

import argparse
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from . import harness, machine, profiling, reload, report
from .configs import CONFIGS, ROOT, VARIANTS, command
from .measure import BuildFailed, run_build
from .sitegen import edit_post

MARK_START = "<!-- bench:results:start -->"
MARK_END = "<!-- bench:results:end -->"
# The size profiled when a budget is missed: the one the plugin's budget is set at.
PROFILED_SIZE = report.PLUGIN_SHARE_AT
EXPLAINED_SIZE = 1000


def parse_arguments(argv=None):
    parser = argparse.ArgumentParser(
        prog="python -m bench", description=__doc__.split("\n")[0]
    )
    parser.add_argument(
        "--quick",
        action="store_true",
        help="200 and 1,000 posts, fewer rounds, the dev servers at 200 posts only",
    )
    parser.add_argument(
        "--sizes",
        help="comma-separated site sizes to build instead, e.g. 200,1000",
    )
    parser.add_argument("--rounds", type=int, help="rounds at every size instead")
    parser.add_argument(
        "--only",
        help="comma-separated configurations to build, e.g. A,D for the plugin's "
        "share alone (budgets that need the others show as not measured)",
    )
    parser.add_argument(
        "--bench-python",
        help="the interpreter of the bench venv (pelican-series, pelican-neighbors) "
        "for configuration C; without it C is left out",
    )
    parser.add_argument(
        "--reload",
        action=argparse.BooleanOptionalAction,
        default=True,
        help="time the dev servers' edit-to-reload (Guestlist's with A, Pelican's "
        "--autoreload with B) at 200 and 1,000 posts, where those sizes are built",
    )
    parser.add_argument(
        "--profile",
        choices=("auto", "always", "never"),
        default="auto",
        help="profile A, B and D with cProfile: when a budget is missed "
        "(auto, except with --quick), always or never",
    )
    parser.add_argument(
        "--explain",
        action=argparse.BooleanOptionalAction,
        help="time D beside variants of it that undo one of Guestlist's choices "
        "each (feeds, content cache, Markdown extensions, theme), at 1,000 posts, "
        "to show where A / B comes from (default: yes, except with --quick)",
    )
    parser.add_argument("--markdown", help="write the results into this Markdown file")
    parser.add_argument("--workdir", help="build here instead of a new temporary folder")
    parser.add_argument(
        "--keep", action="store_true", help="keep the sites, outputs and logs built"
    )
    parser.add_argument(
        "--strict", action="store_true", help="exit with status 1 when a budget is missed"
    )
    return parser.parse_args(argv)


def choose_plan(args):
    plan = harness.QUICK if args.quick else harness.FULL
    sizes = [int(size) for size in args.sizes.split(",")] if args.sizes else plan.sizes
    rounds = {size: args.rounds or plan.rounds.get(size, 3) for size in sizes}
    reloaded = plan.reloaded if args.reload else ()
    return harness.Plan(rounds, rebuilt=plan.rebuilt, reloaded=reloaded, edits=plan.edits)


def main(argv=None):
    args = parse_arguments(argv)
    plan = choose_plan(args)
    workdir = Path(args.workdir or tempfile.mkdtemp(prefix="guestlist-bench-"))
    workdir.mkdir(parents=True, exist_ok=True)
    pythons = harness.pythons_for(sys.executable, args.bench_python)
    if args.only:
        chosen = {key.strip().upper() for key in args.only.split(",")}
        unknown = chosen - set(CONFIGS)
        if unknown:
            raise SystemExit(f"--only: no configuration {', '.join(sorted(unknown))}")
        pythons = {key: python for key, python in pythons.items() if key in chosen}
    started = time.strftime("%Y-%m-%d %H:%M %Z")
    load_before = machine.load_average()
    described = machine.describe(sys.executable, args.bench_python, ROOT)

    print(
        "Guestlist benchmark:",
        ", ".join(f"{n:,} posts × {r}" for n, r in plan.rounds.items()),
    )
    print(*described, sep="\n")
    for key, config in CONFIGS.items():
        if key in pythons:
            state = ""
        elif args.only:
            state = "  (left out: --only)"
        else:
            state = "  (left out: no bench venv; `make bench` makes it)"
        print(f"{key}: {config.title}{state}")
    print(f"Builds in {workdir}", flush=True)

    failed = False
    try:
        results = harness.run_plan(plan, workdir, pythons)
        rows = report.summarize(results)
        checks = report.check_budgets(rows)
        missed = any(check.met is False for check in checks)
        sections = result_sections(plan, rows, checks)
        show(sections)
        more = []
        if args.profile == "always" or (
            args.profile == "auto" and missed and not args.quick
        ):
            more += profile_sections(profile_configs(results, workdir, pythons))
        if args.explain or (args.explain is None and not args.quick):
            more.append(explain(workdir, rounds=3))
        show(more)
    except (
        BuildFailed,
        harness.ContentNotRead,
        reload.ReloadFailed,
        subprocess.CalledProcessError,
    ) as error:
        failed = True
        print(f"\nmake bench: a build failed, so the run stops here.\n{error}")
        print(f"The sites, outputs and logs are kept in {workdir}")
        return 2
    finally:
        if not failed and not args.keep and not args.workdir:
            shutil.rmtree(workdir, ignore_errors=True)

    if args.markdown:
        context = [
            f"Run: {started}, load average {_load(load_before)} before and "
            f"{_load(machine.load_average())} after",
            *described,
        ]
        write_markdown(Path(args.markdown), context, sections + more)
        print(f"Results written to {args.markdown}")
    return 1 if args.strict and missed else 0


def show(sections):
    for title, table in sections:
        print()
        print(title)
        print(report.format_text(table) if isinstance(table, list) else table)
    sys.stdout.flush()


def profile_configs(results, workdir, pythons):
    """cProfile breakdowns of A, B and D (those built) at the profiled size (or
    the largest built), and of A's cached rebuild after one edit, each in one
    process (profiling.ONE_PROCESS: cProfile cannot follow forked workers)."""
    by_size = {result.posts: result for result in results}
    posts = PROFILED_SIZE if PROFILED_SIZE in by_size else max(by_size)
    content = workdir / f"site-{posts}" / "content"
    found = profiling.Profiles(posts=posts)
    for key in [key for key in ("A", "B", "D") if key in pythons]:
        print(f"  profiling {key} at {posts:,} posts", file=sys.stderr, flush=True)
        stats = profiling.profile_build(CONFIGS[key], pythons[key], content, workdir, key)
        found.breakdowns[key] = profiling.breakdown(stats)
        if key == "A":
            found.hot_spots = profiling.hot_spots(stats, r"/plugins/guestlist/")
    if "A" not in pythons:
        return found
    print(f"  profiling A's rebuild at {posts:,} posts", file=sys.stderr, flush=True)
    # The cache to rebuild from, written by a build that is not profiled.
    cache = workdir / "profile-cache-A-rebuild"
    run_build(
        command(
            CONFIGS["A"],
            pythons["A"],
            content,
            workdir / "profile-output-A-rebuild",
            cache,
            cache_mode="write",
        ),
        workdir / "profile-A-rebuild-cache.log",
    )
    summary = by_size[posts].summary
    edited = summary.post_paths[len(summary.post_paths) // 2]
    original = edit_post(edited, mark="profiled")
    try:
        stats = profiling.profile_build(
            CONFIGS["A"], pythons["A"], content, workdir, "A-rebuild", cache_mode="load"
        )
    finally:
        edited.write_text(original, encoding="utf-8")
    found.breakdowns["A rebuild"] = profiling.breakdown(stats)
    return found


def explain(workdir, rounds):
    """A section timing D beside each of its variants, interleaved, at 1,000 posts."""
    pythons = harness.pythons_for(sys.executable, None, VARIANTS)
    result = harness.run_size(EXPLAINED_SIZE, rounds, workdir, VARIANTS, pythons)
    (row,) = report.summarize([result])
    base = row.seconds("D", "cpu")
    table = [["Variant of D (one choice undone)", "wall s", "CPU s", "CPU saved", "Of D"]]
    for key, config in VARIANTS.items():
        wall, cpu = row.seconds(key, "wall"), row.seconds(key, "cpu")
        if key == "D":
            table.append(["D itself", f"{wall:.2f}", f"{cpu:.2f}", "–", "–"])
            continue
        # What undoing the choice saves, as a share of D: per round, then the median.
        saved = 1 - row.ratio(key, "D", "cpu")
        shares = [f"{saved * base:.2f}", f"{saved:.0%}"]
        table.append([config.title, f"{wall:.2f}", f"{cpu:.2f}", *shares])
    return (
        f"What Guestlist's own choices cost, without the plugin, at "
        f"{EXPLAINED_SIZE:,} posts (median of {rounds} interleaved rounds)",
        table,
    )


def result_sections(plan, rows, checks):
    """[(title, table or text)]: the result tables, the budgets, any warnings."""
    rounds = ", ".join(f"{runs} at {posts:,}" for posts, runs in plan.rounds.items())
    times, memory, ratios, reloads = report.tables(rows)
    sections = [
        (
            f"Cold builds and the cached rebuild after one edit: median wall-clock and "
            f"CPU seconds (user + system, worker processes included) (rounds: {rounds}; "
            f"± marks runs more than 10% apart)",
            times,
        ),
        (
            "Peak memory, MiB: the peak of the summed PSS of the build and all its "
            "worker processes (in brackets, ru_maxrss: the largest single process)",
            memory,
        ),
        ("Ratios, CPU time per 1,000 posts, and cached rebuilds over cold builds", ratios),
    ]
    if reloads:
        sections.append(
            (
                f"Dev server, edit to reload: median seconds from saving a post to its "
                f"page being served new ({plan.edits} edits a server)",
                reloads,
            )
        )
    sections.append(("Budgets", report.budget_table(checks)))
    notes = report.problems_seen(rows)
    if notes:
        sections.append(("Warnings in the builds", "\n".join(notes)))
    return sections


def profile_sections(profiles):
    """[(title, table)]: where the time goes by area, and the plugin's hot spots."""
    sections = [
        (
            f"Where the time goes at {profiles.posts:,} posts (one cProfile run each, "
            f"in one process: GUEST_SERIES_PROCESSES = 1)",
            profiling.breakdown_table(profiles.breakdowns),
        )
    ]
    if profiles.hot_spots:
        table = [["guestlist function (cProfile)", "cumulative s"]]
        table += [[name, f"{seconds:.2f}"] for name, seconds in profiles.hot_spots]
        sections.append(("The plugin's own hot spots, in A", table))
    return sections


def write_markdown(path, context, sections):
    """Put the results between the markers of `path`, keeping the rest of the file."""
    lines = [MARK_START, ""]
    lines += [f"- {line}" for line in context]
    lines.append("")
    for title, table in sections:
        lines.append(f"**{title}**")
        lines.append("")
        if isinstance(table, list):
            lines.append(report.format_markdown(table))
        else:
            lines += [f"- {line}" for line in table.splitlines()]
        lines.append("")
    lines.append(MARK_END)
    block = "\n".join(lines)
    text = path.read_text(encoding="utf-8") if path.exists() else ""
    if MARK_START in text and MARK_END in text:
        before, _, rest = text.partition(MARK_START)
        _, _, after = rest.partition(MARK_END)
        text = before + block + after
    else:
        text = text + ("\n" if text else "") + block + "\n"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def _load(value):
    return "unknown" if value is None else f"{value:.2f}"


if __name__ == "__main__":
    sys.exit(main())
