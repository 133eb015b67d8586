"""The benchmark's harness: its synthetic sites are valid content and every
configuration builds them. No timings are checked here (`make bench` does that):
these tests keep the harness from rotting as the plugin and theme change, and
check its pure pieces (the memory sampler, the budgets) on made-up numbers."""

import json
import os
import re
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from bench import reload, report
from bench.__main__ import MARK_END, MARK_START, write_markdown
from bench.configs import CONFIGS, command
from bench.harness import SizeResult
from bench.measure import (
    BuildFailed,
    Measurement,
    descendants,
    run_build,
    tree_pss_kib,
)
from bench.sitegen import edit_post, generate_site
from conftest import ROOT
from served_site import require

BENCH_PYTHON = ROOT / ".venv-bench" / "bin" / "python"
X_HANDLE = re.compile(r"^@?[A-Za-z0-9_]{1,15}$")
MASTODON_HANDLE = re.compile(r"^@\w{1,30}@[a-z0-9.-]+\.[a-z]+$")


def metadata(text):
    """The metadata block of a content file as {lower-case key: value}."""
    head = text.split("\n\n", 1)[0]
    return {
        key.strip().lower(): value.strip()
        for key, value in (line.split(":", 1) for line in head.splitlines())
    }


@pytest.fixture(scope="module")
def small_site(tmp_path_factory):
    root = tmp_path_factory.mktemp("bench-site")
    summary = generate_site(root / "content", 30)
    return root, summary


def build(config_key, root, summary, python=sys.executable, **kwargs):
    output = root / f"output-{config_key}"
    argv = command(
        CONFIGS[config_key],
        python,
        root / "content",
        output,
        root / f"cache-{config_key}",
        **kwargs,
    )
    return run_build(argv, root / f"{config_key}.log"), output


def test_the_same_seed_gives_the_same_site(tmp_path):
    generate_site(tmp_path / "one", 25, seed=3)
    generate_site(tmp_path / "two", 25, seed=3)
    one = {
        p.relative_to(tmp_path / "one"): p.read_bytes()
        for p in (tmp_path / "one").rglob("*.*")
    }
    two = {
        p.relative_to(tmp_path / "two"): p.read_bytes()
        for p in (tmp_path / "two").rglob("*.*")
    }
    assert one == two


def test_posts_come_in_numbered_series_with_profiles_and_host_notes(small_site):
    root, summary = small_site
    content = root / "content"
    names = {
        metadata(path.read_text())["name"] for path in (content / "authors").glob("*.md")
    }
    described = {
        metadata(path.read_text())["title"] for path in (content / "series").glob("*.md")
    }
    numbers = {}
    for path in summary.post_paths:
        text = path.read_text()
        fields = metadata(text)
        assert fields["author"] in names, path
        if "series" in fields:
            assert fields["series"] in described
            numbers.setdefault(fields["series"], []).append(int(fields["series_index"]))
            assert '\n!!! host-note "Note from Ollie"\n    ' in text
    assert summary.series == len(numbers) == len(described)
    for indexes in numbers.values():
        assert sorted(indexes) == list(range(1, len(indexes) + 1))
        assert 5 <= len(indexes) <= 10
    assert summary.posts == 30 == summary.guest_posts + summary.host_posts


def test_profiles_carry_valid_handles(small_site):
    root, _ = small_site
    for path in (root / "content" / "authors").glob("*.md"):
        fields = metadata(path.read_text())
        assert X_HANDLE.match(fields.get("twitter") or fields["x"]), path
        if "mastodon" in fields:
            assert MASTODON_HANDLE.match(fields["mastodon"]), path
        assert (root / "content" / fields["avatar"]).is_file()


def test_bodies_hold_mentions_emails_code_spans_and_tweet_cards(tmp_path):
    summary = generate_site(tmp_path / "content", 200)
    bodies = "\n".join(path.read_text().split("\n\n", 1)[1] for path in summary.post_paths)
    assert re.search(r"(?<![\w@])@[a-z0-9_]{1,15}\b(?!@)", bodies)  # an X mention
    assert re.search(r"follow @\w+@[a-z.]+\.example\.", bodies)  # a fediverse one
    assert re.search(r"\b[\w.]+@example\.com\b", bodies)  # an e-mail address
    assert "`@dataclass`" in bodies
    # A tweet card: the quoted tweet, then its URL alone on a line.
    cards = re.findall(
        r"^> .+\n\nhttps://x\.com/\w{1,15}/status/\d+$", bodies, re.MULTILINE
    )
    assert len(cards) == summary.tweet_cards > 0
    assert summary.redirects > 0


def test_an_edit_adds_text_before_the_host_note_and_can_be_undone(small_site):
    _, summary = small_site
    path = next(p for p in summary.post_paths if "Series:" in p.read_text())
    original = edit_post(path, mark="check")
    edited = path.read_text()
    try:
        assert "Edited after review (check)" in edited
        assert edited.index("Edited after review") < edited.index("!!! host-note")
        assert edited.startswith(original.split("\n\n", 1)[0])
    finally:
        path.write_text(original)


def test_guestlist_builds_the_synthetic_site_without_a_warning(small_site):
    root, summary = small_site
    measured, output = build("A", root, summary)
    assert measured.articles == summary.posts
    assert (measured.warnings, measured.errors) == (0, 0), (root / "A.log").read_text()
    assert measured.peak_mb > 10 and measured.cpu > 0
    # The plugin did its work: every series has its page.
    for description in (root / "content" / "series").glob("*.md"):
        assert (output / "series" / description.stem / "index.html").is_file()
    assert (output / "feeds" / "all.atom.xml").is_file()


def test_with_the_plugin_off_the_theme_still_renders_every_post(small_site):
    root, summary = small_site
    measured, output = build("D", root, summary)
    assert measured.articles == summary.posts
    assert measured.errors == 0, (root / "D.log").read_text()
    assert not (output / "series").exists()
    pages = list(output.glob("20*/*/*/index.html"))
    assert len(pages) == summary.posts
    titles = {metadata(path.read_text())["title"] for path in summary.post_paths}
    shown = {BeautifulSoup(page.read_text(), "html.parser").h1.get_text() for page in pages}
    assert shown == titles


def test_plain_pelican_reads_the_same_posts(small_site):
    root, summary = small_site
    measured, output = build("B", root, summary)
    assert measured.articles == summary.posts
    assert (output / "feeds" / "all.atom.xml").is_file()


def test_a_rebuild_from_the_cache_reads_it(small_site):
    root, summary = small_site
    build("B", root, summary, cache_mode="write")
    assert list((root / "cache-B").iterdir())
    measured, _ = build("B", root, summary, cache_mode="load")
    assert measured.articles == summary.posts


@pytest.mark.bench
def test_pelican_series_and_neighbors_build_the_same_posts(small_site):
    require(BENCH_PYTHON.exists(), "The bench venv", "make test-all (or make bench)")
    root, summary = small_site
    measured, _ = build("C", root, summary, python=BENCH_PYTHON)
    assert measured.articles == summary.posts
    assert measured.errors == 0, (root / "C.log").read_text()


def test_a_failed_build_says_what_ran_and_how_it_ended(tmp_path):
    argv = [sys.executable, "-c", "print('CRITICAL  no content'); raise SystemExit(3)"]
    with pytest.raises(BuildFailed) as failure:
        run_build(argv, tmp_path / "build.log")
    assert failure.value.returncode == 3
    assert "no content" in str(failure.value)


def test_the_log_is_read_for_posts_warnings_and_errors(tmp_path):
    log_text = (
        "[09:00:00] WARNING  content/posts/a.md: warning: one\n"
        "           WARNING  content/posts/b.md: warning: two\n"
        "           ERROR    content/posts/c.md:3: error: three\n"
        "Done: Processed 12 articles, 0 drafts, 0 hidden articles, 1 page\n"
    )
    measured = run_build(
        [sys.executable, "-c", f"print({log_text!r}, end='')"], tmp_path / "l"
    )
    assert (measured.articles, measured.warnings, measured.errors) == (12, 2, 1)


# A child that forks a grandchild; after the fork each fills 60 MiB of its own,
# and both hold it until told to stop. No single process ever holds both.
TWO_PROCESSES = textwrap.dedent(
    """
    import os, sys, time
    pid = os.fork()
    block = b"x" * (60 << 20)
    print("filled", flush=True)
    time.sleep(float(sys.argv[1]))
    if pid:
        os.waitpid(pid, 0)
    """
)


def measured_from_a_small_process(argv, log_path):
    """run_build(argv) called from a fresh interpreter, not from pytest.

    Linux gives a child's ru_maxrss at least the resident size of the process
    that started it (the old memory's high-water mark survives exec), so a
    measurement made from a test process grown large would report that size.
    """
    script = (
        "import dataclasses, json, sys\n"
        "from bench.measure import run_build\n"
        "measured = run_build(json.loads(sys.argv[1]), sys.argv[2])\n"
        "print(json.dumps(dataclasses.asdict(measured)))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script, json.dumps(argv), str(log_path)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    )
    return Measurement(**json.loads(result.stdout))


def test_peak_memory_is_the_whole_process_tree_counted_once(tmp_path):
    measured = measured_from_a_small_process(
        [sys.executable, "-c", TWO_PROCESSES, "1.0"], tmp_path / "log"
    )
    assert (tmp_path / "log").read_text().count("filled") == 2
    # The child's and the grandchild's blocks are both counted: over 120 MiB
    # together, where the larger of the two processes alone stays near 70 MiB.
    assert measured.peak_mb > 115, measured
    assert measured.maxrss_mb < 90, measured
    # Python itself, shared copy-on-write since the fork, counts once, divided
    # between the two: well under two whole interpreters over the blocks.
    assert measured.peak_mb < 120 + 2 * 10, measured


def test_the_tree_sampler_finds_grandchildren():
    child = subprocess.Popen(
        [sys.executable, "-c", TWO_PROCESSES, "30"], stdout=subprocess.PIPE, text=True
    )
    family = []
    try:
        assert child.stdout.readline() and child.stdout.readline()
        time.sleep(0.2)
        family = descendants(child.pid)
        assert len(family) == 1
        assert tree_pss_kib(child.pid) > 115 * 1024
    finally:
        for pid in family:
            os.kill(pid, signal.SIGKILL)
        child.kill()
        child.wait()


def test_cpu_time_counts_the_worker_processes_a_build_waits_for(tmp_path):
    pool = textwrap.dedent(
        """
        import multiprocessing, time
        def burn(_):
            started = time.process_time()
            while time.process_time() - started < 0.5:
                pass
        if __name__ == "__main__":
            with multiprocessing.get_context("fork").Pool(2) as pool:
                pool.map(burn, range(2))
        """
    )
    measured = run_build([sys.executable, "-c", pool], tmp_path / "log")
    assert measured.cpu >= 0.95, measured


def run(seconds, peak_mb=50.0, wall=None):
    return Measurement(
        wall=seconds if wall is None else wall,
        cpu=seconds,
        peak_mb=peak_mb,
        articles=1,
        warnings=0,
        errors=0,
        maxrss_mb=peak_mb / 2,
    )


def size(posts, reloads=None, memory=None, walls=None, **seconds):
    result = SizeResult(posts=posts, summary=None)
    for key, values in seconds.items():
        key = key.replace("_", "-")
        for number, value in enumerate(values):
            wall = walls[key][number] if walls and key in walls else None
            result.add(key, run(value, (memory or {}).get(key, 50.0), wall))
    for key, times in (reloads or {}).items():
        result.reloads[key] = reload.ReloadResult(key, posts, seconds=times)
    return result


def test_budgets_are_checked_on_the_ratios_within_each_round():
    rows = report.summarize(
        [
            # Round 3 ran while the machine was busy: every build of it was slow.
            size(
                200,
                A=[1.0, 1.1, 9.0],
                B=[0.95, 1.0, 8.0],
                D=[0.98, 1.0, 8.9],
                reloads={"Guestlist": [0.5, 0.7, 2.0], "Pelican": [1.1, 0.9, 1.0]},
            ),
            size(
                1000,
                A=[5.0, 5.2],
                B=[4.0, 4.1],
                D=[4.9, 5.0],
                A_rebuild=[2.5, 2.0],
                # Wall clock: A's workers use both cores, and its rebuild is quick.
                walls={"A": [2.0, 2.2], "B": [4.1, 4.2], "A-rebuild": [0.4, 0.6]},
            ),
            size(5000, A=[30.0], B=[20.0], D=[28.0], memory={"A": 140.0, "B": 100.0}),
        ]
    )
    checks = {check.name: check for check in report.check_budgets(rows)}
    assert list(checks.values()) == report.check_budgets(rows)

    def seen(name):
        return checks[name].value, checks[name].met

    # Rounds: 2.0 / 4.1 and 2.2 / 4.2: the wall clock, not the CPU time.
    assert seen("A / B wall clock, cold, at 1,000 posts") == ("0.51", True)
    assert seen("A / B wall clock, cold, at 5,000 posts") == ("1.50", False)
    # Rounds: 1.25 and 1.27.
    assert seen("A / B CPU time, cold, at 1,000 posts") == ("1.26", False)
    # The rounds' shares are 2.0% and 3.8%: their median.
    share = "the plugin's own share of A's CPU, (A − D) / A, at 1,000 posts"
    assert seen(share) == ("2.9%", True)
    # The median of three edits, 0.7 s, under a second and under Pelican's 1.0 s.
    assert seen("dev server edit-to-reload at 200 posts") == (
        "0.70 s (Pelican 1.00 s)",
        True,
    )
    # Wall clock: 0.4 / 2.0 and 0.6 / 2.2, 20% and 27%.
    rebuild = "A's cached rebuild after one edit over A cold, wall clock, at 1,000 posts"
    assert seen(rebuild) == ("23.6%", True)
    # CPU time per post: 6.0 s per 1,000 posts at 5,000 over 5.5 s per 1,000 at 200.
    assert seen("A's CPU time per post at 5,000 over at 200") == ("1.09", True)
    memory = "peak memory of all of A's processes (PSS) over B's at 5,000 posts"
    assert seen(memory) == ("1.40", False)


def test_a_budget_whose_size_was_not_built_is_said_not_measured():
    rows = report.summarize([size(200, A=[1.0], B=[1.0])])
    checks = report.check_budgets(rows)
    assert [check.value for check in checks] == ["not measured"] * len(checks)
    assert {report.verdict(check) for check in checks} == {"n/a"}


@pytest.mark.parametrize(
    "ours, theirs, shown, met",
    [
        ([0.9], [1.2], "0.90 s (Pelican 1.20 s)", True),
        ([0.6], [0.5], "0.60 s (Pelican 0.50 s)", False),  # under a second, but slower
        ([1.3], [2.0], "1.30 s (Pelican 2.00 s)", False),  # faster, but over a second
        ([1.3], None, "1.30 s (Pelican's not measured)", False),
        ([0.9], None, "0.90 s (Pelican's not measured)", None),
        (None, [1.0], "not measured", None),
    ],
)
def test_the_dev_server_must_reload_in_a_second_and_no_slower_than_pelican(
    ours, theirs, shown, met
):
    reloads = {"Guestlist": ours, "Pelican": theirs}
    (row,) = report.summarize(
        [size(200, reloads={key: times for key, times in reloads.items() if times})]
    )
    check = report.reload_check(row)
    assert (check.value, check.met) == (shown, met)


def test_the_page_of_a_post_is_found_under_either_url_scheme(tmp_path):
    title = "Notes on a Slow Lathe"
    article = tmp_path / "2020" / "01" / "notes-on-a-slow-lathe" / "index.html"
    redirect = tmp_path / "2020" / "01" / "notes-on-a-slow-lathe.html"
    other = tmp_path / "2020" / "01" / "notes-on-a-slow-lathe-part-3" / "index.html"
    for path, text in (
        (article, f"<h1>{title}</h1><p>{'words ' * 200}</p>"),
        (redirect, f'<a href="../notes-on-a-slow-lathe/">{title}</a>'),
        (other, f"<h1>{title}, Part 3</h1><p>{'words ' * 300}</p>"),
    ):
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text)
    assert reload.find_page(tmp_path, title) == "2020/01/notes-on-a-slow-lathe/index.html"
    article.unlink()
    assert reload.find_page(tmp_path, title) == "2020/01/notes-on-a-slow-lathe.html"
    assert reload.find_page(tmp_path / "missing", title) is None


def test_both_dev_servers_serve_an_edit_and_stop(small_site, tmp_path):
    root, summary = small_site
    post = summary.post_paths[len(summary.post_paths) // 2]
    original = post.read_text()
    servers = [reload.pelican_server(sys.executable, root / "content", tmp_path)]
    assert reload.devserver_supports_options()
    servers.append(reload.guestlist_server(sys.executable, root / "content", tmp_path))
    for server in servers:
        found = reload.measure_reload(
            server, post, summary.posts, 1, tmp_path / f"{server.key}.log"
        )
        assert len(found.seconds) == 1 and 0 < found.median < 60, found
        assert found.first_build > 0
        assert post.read_text() == original


def test_results_replace_only_their_part_of_the_document(tmp_path):
    document = tmp_path / "benchmark.md"
    document.write_text(f"# Intro\n\n{MARK_START}\nold\n{MARK_END}\n\n## After\n")
    write_markdown(document, ["CPU: test"], [("Budgets", [["A", "B"], ["1", "2"]])])
    text = document.read_text()
    assert text.startswith("# Intro\n") and text.endswith("## After\n")
    assert "old" not in text
    assert "| A | B |\n| --- | ---: |\n| 1 | 2 |" in text
    assert Path(document).read_text().count(MARK_START) == 1


def test_a_whole_run_prints_and_writes_every_table(tmp_path, capsys):
    from bench.__main__ import main

    document = tmp_path / "benchmark.md"
    status = main(
        [
            "--sizes",
            "20",
            "--rounds",
            "1",
            "--only",
            "A,D",
            "--profile",
            "always",
            "--no-explain",
            "--workdir",
            str(tmp_path / "work"),
            "--markdown",
            str(document),
        ]
    )
    printed = capsys.readouterr().out
    assert status == 0
    assert "C: Pelican + pelican-series + pelican-neighbors  (left out: --only)" in printed
    written = document.read_text()
    for title in ("Cold builds", "Ratios", "Budgets", "Where the time goes", "hot spots"):
        assert title in printed and title in written
    # The plugin's share is measured; A / B and A / C are not, as B and C were
    # left out, and the budgets are set at 200, 1,000 and 5,000 posts.
    assert re.search(r"\| 20 \| – \| – \| – \| – \| -?\d+\.\d% \|", written)
    assert "| A / B wall clock, cold, at 1,000 posts | ≤ 1.00 | not measured | n/a |" in (
        written
    )
    assert "at 1,000 posts | ≤ 10% | not measured | n/a |" in written
    assert "GUEST_SERIES_PROCESSES = 1" in written
    # The profile found the plugin at work in A, in A's rebuild, and not in D.
    plugin_row = next(
        line for line in written.splitlines() if line.startswith("| guestlist plugins")
    )
    a_cell, d_cell, rebuild_cell = plugin_row.split("|")[2:5]
    assert float(a_cell.split()[0]) > 0 and float(rebuild_cell.split()[0]) > 0
    assert float(d_cell.split()[0]) == 0


def test_the_quick_run_is_smaller_and_keeps_to_its_own_rebuilds():
    from bench.__main__ import choose_plan, parse_arguments

    quick = choose_plan(parse_arguments(["--quick"]))
    full = choose_plan(parse_arguments([]))
    assert quick.sizes == [200, 1000] and full.sizes == [200, 1000, 5000]
    assert all(quick.rounds[n] < full.rounds[n] for n in quick.sizes)
    assert quick.rebuilt == ("A",) and full.rebuilt == ("A", "B")
    assert quick.reloaded == (200,) and full.reloaded == (200, 1000)
    chosen = choose_plan(parse_arguments(["--quick", "--sizes", "50", "--rounds", "2"]))
    assert (chosen.rounds, chosen.rebuilt) == ({50: 2}, ("A",))
    assert choose_plan(parse_arguments(["--no-reload"])).reloaded == ()
