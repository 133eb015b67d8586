"""The one problem collector of a build: each problem once, sorted, reported at the end."""

import logging

from conftest import HOST_NOTE, post
from guestlist.core.problems import ERROR, WARNING, ContentProblem, ProblemCollector


def test_problems_are_kept_once_and_sorted_by_file_then_line():
    collector = ProblemCollector()
    later = ContentProblem(path="content/b.md", message="b", line=2)
    first = ContentProblem(path="content/a.md", message="a", line=9)
    top = ContentProblem(path="content/b.md", message="whole file")
    collector.extend([later, first, top, later])
    assert collector.problems == [first, top, later]


def test_the_report_logs_each_once_with_its_severity_and_then_forgets(caplog):
    collector = ProblemCollector()
    error = ContentProblem(
        path="a.md", message="broken", severity=ERROR, line=3, fix="mend it"
    )
    warning = ContentProblem(path="a.md", message="odd", severity=WARNING)
    shown_already = ContentProblem(path="b.md", message="Pelican said so", severity=ERROR)
    collector.extend([error, warning])
    collector.add(shown_already, already_logged=True)
    with caplog.at_level(logging.WARNING):
        reported = collector.report()
    assert [(record.levelno, record.getMessage()) for record in caplog.records] == [
        (logging.WARNING, "a.md: warning: odd"),
        (logging.ERROR, "a.md:3: error: broken; mend it"),
    ]
    assert reported == [warning, error, shown_already]
    assert collector.problems == []


def test_a_build_reports_its_problems_together_at_the_end(build_site):
    site = build_site(
        {
            "posts/b.md": post("B", Seires="Birthday Bloggers") + HOST_NOTE,
            "posts/a.md": post("A", Series_index="two", Series="Birthday Bloggers")
            + HOST_NOTE,
        }
    )
    ours = [r for r in site.records if r.name == "guestlist.core.problems"]
    assert [r.getMessage().split(": ")[0] for r in ours] == [
        "content/posts/a.md:3",
        "content/posts/b.md:3",
    ]
    # Together, after everything the build itself logged.
    assert site.records[-len(ours) :] == ours


def test_two_builds_of_one_process_each_report_only_their_own(build_site):
    first = build_site({"posts/a.md": post("A", Colour="red")})
    second = build_site({"posts/a.md": post("A")})
    assert any("unknown field 'Colour'" in message for message in first.warnings)
    assert second.warnings == []


def test_a_pelican_run_again_as_autoreload_does_says_each_problem_once_a_run(tmp_path):
    from pelican import Pelican

    from conftest import _Collect, project_settings, write_files

    write_files(tmp_path / "content", {"posts/a.md": "Date: 2026-03-02\n\nNo title.\n"})
    pelican = Pelican(project_settings(tmp_path / "content", tmp_path / "output"))
    for _ in range(2):  # `pelican -r` runs the same instance on each change
        collect = _Collect()
        logging.getLogger().addHandler(collect)
        try:
            pelican.run()
        finally:
            logging.getLogger().removeHandler(collect)
        said = [r.getMessage() for r in collect.records if r.levelno >= logging.WARNING]
        assert said == [
            "content/posts/a.md: error: there is no Title, so the build leaves this file "
            "out; add a line such as `Title: What My Desk Taught Me` to the block at the "
            "top (no blank line inside the block)"
        ]
