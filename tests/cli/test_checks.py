"""`make check` / guestlist-check: each kind of problem, its file, line and text."""

import logging
import os
import subprocess
import sys

import pytest

from conftest import DEMO_CONTENT, HOST_NOTE, ROOT, post, write_files
from guestlist.cli.checks import check_site
from guestlist.core import workers
from guestlist.core.frontmatter import parse_header, prose_lines
from guestlist.core.lint import date_problem

BAD = ROOT / "tests" / "cli" / "bad-content"


def run_check(*args, cwd=ROOT):
    """guestlist-check as a user runs it, from `cwd`."""
    env = dict(os.environ, PYTHONPATH=str(ROOT / "plugins"))
    return subprocess.run(
        [sys.executable, "-m", "guestlist.cli.check", *args],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
    )


@pytest.mark.parametrize("jobs", [[], ["-j", "1"]], ids=["every-core", "one-process"])
def test_the_bad_examples_print_exactly_the_expected_lines(jobs):
    result = run_check(
        "-s", str(ROOT / "pelicanconf.py"), "--content", "content", *jobs, cwd=BAD
    )
    expected = (BAD / "expected.txt").read_text(encoding="utf-8").splitlines()
    assert result.stdout.splitlines() == expected
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert result.stderr.strip() == "guestlist-check: 22 errors, 5 warnings"


def test_workers_find_what_one_process_finds(monkeypatch, caplog):
    # Fewer examples than a pool is worth: make it worth it.
    monkeypatch.setattr(workers, "MIN_ITEMS_FOR_POOL", 2)
    caplog.set_level(logging.DEBUG, logger="guestlist.build.prereading")
    settings = ROOT / "pelicanconf.py"
    one = check_site(settings, content=BAD / "content", processes=1)
    two = check_site(settings, content=BAD / "content", processes=2)
    assert "Reading 15 files in 2 processes" in caplog.messages
    assert len(one.problems) == 27
    assert (two.problems, two.notes) == (one.problems, one.notes)


def test_every_bad_example_is_reported():
    expected = (BAD / "expected.txt").read_text(encoding="utf-8")
    fine = {
        "good-first.md",
        "jo-example.md",
        "ollie-brennan.md",
        "birthday-bloggers.md",
    }
    for path in sorted((BAD / "content").rglob("*.md")):
        shown = path.relative_to(BAD).as_posix()
        assert (shown + ":" in expected) != (path.name in fine), shown


def test_the_demo_site_passes_and_make_check_says_so():
    result = subprocess.run(
        ["make", "--no-print-directory", "check", f"INPUTDIR={DEMO_CONTENT}"],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert " error: " not in result.stdout


def test_given_files_limit_the_report_to_them():
    result = run_check(
        "-s",
        str(ROOT / "pelicanconf.py"),
        "--content",
        "content",
        "content/posts/loose-date.md",
        cwd=BAD,
    )
    assert result.stdout.splitlines() == [
        "content/posts/loose-date.md:2: warning: Date '9 March 2026' is read as "
        "2026-03-09 00:00; write it as YYYY-MM-DD HH:MM so that nobody has to guess"
    ]
    assert result.returncode == 0  # a warning alone does not fail the check


def test_a_file_that_is_not_there_is_a_clear_usage_error():
    result = run_check("-s", str(ROOT / "pelicanconf.py"), "content/posts/nope.md")
    assert result.returncode == 2
    assert result.stderr.strip() == "guestlist-check: content/posts/nope.md: no such file"
    assert result.stdout == ""


def test_no_settings_file_is_a_clear_usage_error(tmp_path):
    result = run_check(cwd=tmp_path)
    assert result.returncode == 2
    assert "no settings file pelicanconf.py" in result.stderr
    assert "Traceback" not in result.stderr


def check(tmp_path, files):
    content = tmp_path / "content"
    write_files(content, files)
    return [str(item) for item in check_site(ROOT / "pelicanconf.py", content).problems]


def test_the_check_finds_what_the_build_finds(tmp_path):
    index = {"Author": "Jo", "Series": "S", "Series_index": 1}
    lines = check(
        tmp_path,
        {
            "posts/a.md": post("A", body="A." + HOST_NOTE, **index),
            "posts/b.md": post("B", body="B." + HOST_NOTE, **index),
        },
    )
    assert lines == [
        "content/posts/a.md:5: error: Series_index 1 in the series 'S' is also used "
        "by content/posts/b.md; give each post its own number",
        "content/posts/b.md:5: error: Series_index 1 in the series 'S' is also used "
        "by content/posts/a.md; give each post its own number",
    ]


def test_a_title_missing_from_a_page_and_a_misspelt_key(tmp_path):
    lines = check(
        tmp_path,
        {
            "pages/about.md": "Slug: about\n\nNo title.\n",
            "posts/a.md": post("A", Seires="S"),
        },
    )
    assert lines == [
        "content/pages/about.md: error: there is no Title, so the build leaves this file "
        "out; add a line such as `Title: What My Desk Taught Me` to the block at the top "
        "(no blank line inside the block)",
        "content/posts/a.md:3: warning: unknown field 'Seires' is ignored; did you mean "
        "Series?",
    ]


def test_a_setting_names_fields_other_plugins_read(tmp_path):
    content = tmp_path / "content"
    write_files(content, {"posts/a.md": post("A", Og_image="images/a.png")})
    [unknown] = check_site(ROOT / "pelicanconf.py", content).problems
    assert unknown.message.startswith("unknown field 'Og_image' is ignored")
    settings = tmp_path / "conf.py"
    settings.write_text(
        "import sys\n"
        f"sys.path.insert(0, {str(ROOT)!r})\n"
        "from pelicanconf import *  # noqa: F403\n"
        "GUEST_SERIES_KNOWN_FIELDS = ('og_image',)\n"
    )
    assert check_site(settings, content).problems == []


def test_a_repeated_key_and_a_series_post_without_a_number(tmp_path):
    lines = check(
        tmp_path,
        {
            "posts/a.md": post("A", Tags="x", tags="y", Series="S", body="A." + HOST_NOTE),
            "posts/b.md": post("B", Series="S", Series_index=1, body="B." + HOST_NOTE),
        },
    )
    assert lines == [
        "content/posts/a.md:4: warning: tags is set twice (lines 3 and 4); keep one line",
        "content/posts/a.md:5: warning: this is in a series whose other posts are "
        "numbered, but has no Series_index, so it is placed after them, by date; add "
        "`Series_index: N` with the number the host gave you",
    ]


def test_a_series_with_no_numbers_at_all_is_ordered_by_date_without_a_word(tmp_path):
    # As pelican-series orders one: blogs that move in bring such series.
    files = {
        f"posts/{name}.md": post(name.upper(), Series="S", body="W." + HOST_NOTE)
        for name in ("a", "b")
    }
    assert check(tmp_path, files) == []


def test_linked_files_are_looked_for_outside_code_only(tmp_path):
    body = """\
        ![There]({static}/images/here.png)
        ![Missing]({static}/images/gone.png)
        [Relative]({filename}other.md)

        ```
        ![Only an example]({static}/images/example.png)
        ```
        """
    lines = check(
        tmp_path,
        {
            "images/here.png": "png",
            "posts/other.md": post("Other"),
            "posts/a.md": post("A", body=body),
        },
    )
    assert lines == [
        "content/posts/a.md:5: error: {static}/images/gone.png links to a file that is "
        "not there (content/images/gone.png); add the file, or fix the path (with a "
        "leading /, it starts at the content folder)"
    ]


@pytest.mark.parametrize(
    ("value", "severity"),
    [
        ("2026-03-09 09:00", None),
        ("2026-03-09", None),
        ("2026-03-09T09:00:30", None),
        ("9 March 2026", "warning"),
        ("2026-02-30 09:00", "error"),
        ("someday", "error"),
    ],
)
def test_dates(value, severity):
    assert date_problem("Date", value)[1] == severity


def test_the_header_is_read_as_markdown_reads_it():
    header = parse_header("Title: A\nTags: a,\n    b\nnot a field\n\nBody: not metadata\n")
    assert [(f.key, f.value, f.line) for f in header.fields] == [
        ("title", "A", 1),
        ("tags", "a, b", 2),
    ]
    assert header.body_line == 4


def test_prose_lines_skip_code_blocks_and_comments():
    lines = [
        "Title: A",  # 1
        "",
        "text one",  # 3
        "```",
        "code",
        "```",
        "<!-- a comment",
        "still the comment -->",
        "~~~~",
        "``` not a fence end here",
        "~~~~",
        "text two",  # 12
    ]
    assert list(prose_lines(lines, 2)) == [(2, ""), (3, "text one"), (12, "text two")]


def test_settings_that_do_not_load_are_a_clear_usage_error(tmp_path):
    (tmp_path / "pelicanconf.py").write_text("SITENAME = 'unfinished\n")
    result = run_check(cwd=tmp_path)
    assert result.returncode == 2
    assert result.stderr.startswith(
        "guestlist-check: cannot read the settings pelicanconf.py: SyntaxError"
    )
    assert "Traceback" not in result.stderr


def test_the_check_reads_the_collector_not_the_log(tmp_path):
    content = tmp_path / "content"
    write_files(content, {"posts/a.md": post("A", Seires="S")})
    logging.disable(logging.CRITICAL)
    try:
        result = check_site(ROOT / "pelicanconf.py", content=content)
    finally:
        logging.disable(logging.NOTSET)
    assert [str(problem) for problem in result.problems] == [
        "content/posts/a.md:3: warning: unknown field 'Seires' is ignored; did you mean "
        "Series?"
    ]


def test_the_check_writes_nothing_to_the_output_folder(tmp_path):
    content, output = tmp_path / "content", tmp_path / "output"
    write_files(content, {"posts/a.md": post("A"), "images/a.png": "png"})
    settings = tmp_path / "site_settings.py"
    settings.write_text(
        f"from pelicanconf import *\nOUTPUT_PATH = {str(output)!r}\n", encoding="utf-8"
    )
    sys.path.insert(0, str(ROOT))
    try:
        result = check_site(settings, content=content)
    finally:
        sys.path.remove(str(ROOT))
    assert result.problems == []
    assert not output.exists()


def test_a_misspelt_setting_fails_the_check_with_the_build_s_words(tmp_path):
    (tmp_path / "site_settings.py").write_text(
        f"from pelicanconf import *\nPATH = {str(DEMO_CONTENT)!r}\n"
        "GUEST_SERIES_LABEL_MAX_LENGHT = 40\n",
        encoding="utf-8",
    )
    env = dict(os.environ, PYTHONPATH=f"{ROOT / 'plugins'}{os.pathsep}{ROOT}")
    result = subprocess.run(
        [sys.executable, "-m", "guestlist.cli.check", "-s", "site_settings.py"],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env=env,
    )
    assert result.returncode == 1
    assert result.stdout.splitlines() == [
        "site_settings.py: error: GUEST_SERIES_LABEL_MAX_LENGHT is not a Guestlist "
        "setting, "
        "so it would be ignored; did you mean GUEST_SERIES_LABEL_MAX_LENGTH?"
    ]
    assert "Traceback" not in result.stderr
