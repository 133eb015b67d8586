"""The benchmark's harness: its synthetic sites are valid content and every
configuration builds them. No timings are checked here (`make bench` does that):
these tests keep the harness from rotting as the plugin and theme change."""

import re
import sys
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from bench import report
from bench.__main__ import MARK_END, MARK_START, write_markdown
from bench.configs import CONFIGS, command
from bench.harness import SizeResult
from bench.measure import BuildFailed, Measurement, run_build
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


def run(cpu, peak_mb=50.0):
    return Measurement(wall=cpu, cpu=cpu, peak_mb=peak_mb, articles=1, warnings=0, errors=0)


def size(posts, **seconds):
    result = SizeResult(posts=posts, summary=None)
    for key, values in seconds.items():
        for value in values:
            result.add(key.replace("_", "-"), run(value))
    return result


def test_budgets_are_checked_on_the_ratios_within_each_round():
    rows = report.summarize(
        [
            # Round 3 ran while the machine was busy: every build of it was slow.
            size(200, A=[1.0, 1.1, 9.0], B=[0.95, 1.0, 8.0], D=[0.98, 1.0, 8.9]),
            size(1000, A=[5.0, 5.2], B=[4.0, 4.1], D=[4.9, 5.0], A_rebuild=[2.5, 2.0]),
        ]
    )
    checks = {check.name: check for check in report.check_budgets(rows)}
    share = checks["plugin's own share (A − D) / A at 1,000 posts"]
    # The rounds' shares are 2.0% and 3.8%: their median.
    assert (share.value, share.met) == ("2.9%", True)
    # Rounds: 1.05, 1.10, 1.125: the busy round does not tip the median.
    assert (checks["A / B at 200 posts"].value, checks["A / B at 200 posts"].met) == (
        "1.10",
        True,
    )
    assert checks["A / B at 1,000 posts"].met is False
    # Time per post: median 5.1 s per 1,000 posts over 1.1 s per 200.
    assert checks["A's time per post at 1,000 over at 200"].value == "0.93"
    rebuild = checks["A's cached rebuild after one edit over A cold, at 1,000 posts"]
    assert (rebuild.value, rebuild.met) == ("44.2%", False)  # 50% and 38.5%
    # No rebuild at 200 posts in this run: said, not guessed.
    assert checks["A's cached rebuild after one edit over A cold, at 200 posts"].value == (
        "not measured"
    )


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
    # left out, and the plugin's budget is set at 1,000 posts.
    assert re.search(r"\| 20 \| – \| – \| -?\d+\.\d% \|", written)
    assert "| A / B at 20 posts | ≤ 1.15 | not measured | n/a |" in written
    assert "at 1,000 posts | ≤ 5% | not measured | n/a |" in written
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
    chosen = choose_plan(parse_arguments(["--quick", "--sizes", "50", "--rounds", "2"]))
    assert (chosen.rounds, chosen.rebuilt) == ({50: 2}, ("A",))
