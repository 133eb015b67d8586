"""Pages rendered in worker processes are the pages one process renders, byte for byte.

guestlist.build's writer queues each page as Pelican would write it and
renders the queue in forked workers at the end of the build; these tests
build the same content with one process (Pelican's own writer) and with two,
and compare every file of the two outputs.
"""

import shutil

import pytest
from guest_sites import site_files, write
from jinja2.exceptions import UndefinedError

from conftest import DEMO_CONTENT, ROOT, differing_files, run_pelican
from guestlist.core import workers

ONE_PROCESS = {"GUEST_SERIES_PROCESSES": 1, "CACHE_CONTENT": False}  # Pelican's writer


def forks_counted(monkeypatch):
    """How many pages each pool of the build was given, as the build runs."""
    pools = []
    real = workers.map_forked

    def counting(work, count, processes):
        pools.append((count, processes))
        return real(work, count, processes)

    monkeypatch.setattr("guestlist.build.writer.map_forked", counting)
    return pools


@pytest.mark.parametrize("cache", [True, False], ids=["memo", "no-memo"])
@pytest.mark.parametrize("relative", [False, True], ids=["site-urls", "relative-urls"])
def test_two_processes_write_the_bytes_one_process_writes(
    tmp_path, monkeypatch, cache, relative
):
    write(tmp_path / "content", site_files())
    common = {"RELATIVE_URLS": relative}
    one = run_pelican(tmp_path / "content", tmp_path / "one", **ONE_PROCESS, **common)
    pools = forks_counted(monkeypatch)
    two = run_pelican(
        tmp_path / "content",
        tmp_path / "two",
        GUEST_SERIES_PROCESSES=2,
        CACHE_CONTENT=cache,
        **common,
    )

    assert one.errors == two.errors == []
    assert one.warnings == two.warnings
    # The pages went to a pool of two: more than a pool's minimum, so forked.
    assert pools and pools[0][1] == 2 and pools[0][0] >= workers.MIN_ITEMS_FOR_POOL
    assert len(one.files()) > 16
    pages = ("page/2/", "tags/notes/page/2/", "2026/03/spring-2/", "series/spring-guests/")
    for url in pages:
        assert (tmp_path / "two" / url / "index.html").is_file(), url
    assert differing_files(tmp_path / "one", tmp_path / "two") == []


def test_the_demo_is_the_same_site_built_on_two_processes(tmp_path):
    shutil.copytree(DEMO_CONTENT, tmp_path / "content")
    one = run_pelican(tmp_path / "content", tmp_path / "one", **ONE_PROCESS)
    two = run_pelican(tmp_path / "content", tmp_path / "two", GUEST_SERIES_PROCESSES=2)
    assert one.messages == two.messages
    assert differing_files(tmp_path / "one", tmp_path / "two") == []


def broken_theme(tmp_path):
    """The theme, with an article template that fails for one post only."""
    theme = tmp_path / "theme"
    shutil.copytree(ROOT / "theme", theme)
    article = theme / "templates" / "article.html"
    text = article.read_text(encoding="utf-8")
    failing = '{% if article.slug == "note-07" %}{{ article.no_such.thing }}{% endif %}'
    article.write_text(
        text.replace("{% block content %}", "{% block content %}" + failing, 1),
        encoding="utf-8",
    )
    return theme


@pytest.mark.parametrize("processes", [1, 2])
def test_a_template_error_in_a_worker_is_the_builds_error(tmp_path, monkeypatch, processes):
    write(tmp_path / "content", site_files())
    pools = forks_counted(monkeypatch)
    with pytest.raises(UndefinedError, match="no_such"):
        run_pelican(
            tmp_path / "content",
            tmp_path / "output",
            THEME=str(broken_theme(tmp_path)),
            GUEST_SERIES_PROCESSES=processes,
        )
    if processes > 1:  # it was raised in a worker, and came back as the error
        assert pools and pools[0][0] >= workers.MIN_ITEMS_FOR_POOL


def test_an_attached_file_goes_where_one_process_puts_it(tmp_path):
    # `{attach}` may move the file when the post's text is made: in a
    # one-process build, before StaticGenerator copies the files; here too.
    files = site_files()
    files["posts/note-02.md"] = files["posts/note-02.md"].replace(
        "Note number 2.", "Note number 2, with [a list]({attach}../images/list.txt)."
    )
    write(tmp_path / "content", files)
    write(tmp_path / "content", {"images/list.txt": "eggs\n"})
    one = run_pelican(tmp_path / "content", tmp_path / "one", **ONE_PROCESS)
    two = run_pelican(tmp_path / "content", tmp_path / "two", GUEST_SERIES_PROCESSES=2)
    assert one.messages == two.messages
    assert differing_files(tmp_path / "one", tmp_path / "two") == []


def test_what_a_worker_warns_of_is_in_the_builds_report(tmp_path):
    files = site_files()
    files["posts/note-03.md"] = files["posts/note-03.md"].replace(
        "Note number 3.", "Note number 3, after [the missing one]({filename}missing.md)."
    )
    write(tmp_path / "content", files)
    one = run_pelican(tmp_path / "content", tmp_path / "one", **ONE_PROCESS)
    two = run_pelican(tmp_path / "content", tmp_path / "two", GUEST_SERIES_PROCESSES=2)
    assert any("missing.md" in message for message in two.messages)
    assert one.messages == two.messages
    assert differing_files(tmp_path / "one", tmp_path / "two") == []
