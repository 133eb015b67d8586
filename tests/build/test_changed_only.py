"""With the content cache on, a rebuild renders only the pages whose inputs changed.

Each test builds the site, ages every output file, edits the content,
builds again with the cache, and checks which files were written again
(their mtime) and that the site is the one a fresh build makes of the
edited content.
"""

import pytest
from guest_sites import NOTES, age, site_files, snapshot, write

from conftest import differing_files, post, run_pelican

# The pages that list the whole blog, or every series or guest.
LISTINGS = {
    "index.html",
    "page/2/index.html",
    "archives/index.html",
    "category/blog/index.html",
    "tags/index.html",
    "authors/index.html",
    "series/index.html",
    "404.html",
}
# A series post's own page, its series neighbours' pages, the series page,
# and the tag and guest pages that list a post of the series.
SPRING = {
    "2026/03/spring-1/index.html",
    "2026/03/spring-2/index.html",
    "2026/03/spring-3/index.html",
    "series/spring-guests/index.html",
    "tags/guests/index.html",
    "authors/ada-guest/index.html",
    "authors/bo-guest/index.html",
}


@pytest.fixture(params=[1, 2], ids=["one-process", "two-processes"])
def rebuild(request, tmp_path):
    """rebuild(files) -> (written again, changed bytes), after a first cached build."""
    content, output = tmp_path / "content", tmp_path / "output"
    settings = {
        "GUEST_SERIES_PROCESSES": request.param,
        "LOAD_CONTENT_CACHE": True,
        "CACHE_PATH": str(tmp_path / "cache"),
    }
    write(content, site_files())
    first = run_pelican(content, output, **settings)
    assert first.errors == []

    def again(files=None, change_output=None):
        age(output)
        write(content, files or {})
        if change_output:
            change_output(output)
        before = snapshot(output)
        site = run_pelican(content, output, **settings)
        assert site.errors == []
        after = snapshot(output)
        unseen = (0, b"")
        written = {path for path in after if after[path][0] != before.get(path, unseen)[0]}
        changed = {path for path in after if after[path][1] != before.get(path, unseen)[1]}
        # The same site a fresh build (no cache, a new folder) makes of this content.
        run_pelican(content, tmp_path / "fresh", CACHE_CONTENT=False)
        assert differing_files(output, tmp_path / "fresh") == []
        return pages(written), pages(changed)

    return again


def pages(paths):
    """The rendered pages among `paths`: not static files nor the redirect maps."""
    return {path for path in paths if path.endswith(".html")}


def test_nothing_changed_nothing_is_rendered(rebuild):
    written, changed = rebuild()
    assert written == set()
    assert changed == set()


def test_a_body_edit_renders_the_post_its_series_and_the_pages_that_list_them(rebuild):
    text = site_files()["posts/spring-2.md"].replace(
        "The words of Spring Two.", "The words of Spring Two, and some more."
    )
    written, changed = rebuild({"posts/spring-2.md": text})
    assert written == SPRING | LISTINGS
    # The body shows on its own page, and as the summary where the post is listed.
    assert "2026/03/spring-2/index.html" in changed
    assert "2026/03/note-05/index.html" not in written
    assert "tags/notes/index.html" not in written
    assert "about/index.html" not in written


def test_a_title_edit_renders_the_neighbours_that_name_it(rebuild):
    text = site_files()["posts/spring-2.md"].replace("Title: Spring Two", "Title: Spring 2")
    written, changed = rebuild({"posts/spring-2.md": text})
    # Note 14's next post is Spring One, whose series bar names Spring Two: a
    # reference of a reference, which a page's key holds (not the text of it).
    note_14 = {
        "2026/02/note-14/index.html",
        "tags/notes/index.html",
        "tags/notes/page/2/index.html",
        "authors/ollie-brennan/index.html",
        "authors/ollie-brennan/page/2/index.html",
    }
    assert written == SPRING | LISTINGS | note_14
    # Its neighbours link to it by title.
    assert {"2026/03/spring-1/index.html", "2026/03/spring-3/index.html"} <= changed


def test_a_note_edit_leaves_the_series_alone(rebuild):
    text = site_files()["posts/note-05.md"].replace("Note number 5.", "Note number five.")
    written, _ = rebuild({"posts/note-05.md": text})
    # A post outside a series has neighbours by date, whose keys hold its attributes.
    notes = {f"2026/02/note-{number:02}/index.html" for number in (4, 5, 6)}
    notes |= {"tags/notes/index.html", "tags/notes/page/2/index.html"}
    host = {"authors/ollie-brennan/index.html", "authors/ollie-brennan/page/2/index.html"}
    assert written == notes | host | LISTINGS - {"series/index.html"}


def test_a_new_post_renders_every_page(rebuild):
    new = post("Note 15", date="2026-02-15 09:00", Slug="note-15", Tags="notes")
    written, _ = rebuild({"posts/note-15.md": new})
    assert "2026/02/note-15/index.html" in written
    # Every page may link to it: all are rendered again.
    assert len(written) >= NOTES + 3 + len(LISTINGS)
    assert "2026/02/note-01/index.html" in written


def test_a_page_changed_or_deleted_in_the_output_is_rendered_again(rebuild):
    def tamper(output):
        (output / "2026/02/note-03/index.html").write_text("by hand", encoding="utf-8")
        (output / "2026/02/note-04/index.html").unlink()
        # Touched, not changed: its bytes are still the memo's.
        (output / "2026/02/note-06/index.html").touch()

    written, _ = rebuild(change_output=tamper)
    assert written == {"2026/02/note-03/index.html", "2026/02/note-04/index.html"}


def test_home_pages_away_from_an_edited_series_post_are_not_rendered_again(tmp_path):
    # Five posts a page: four home pages. The series, the newest posts, is on
    # the first, the only one that includes the running series' partial
    # (reading every series post): the pages after the next one read none.
    content, output = tmp_path / "content", tmp_path / "output"
    settings = {
        "DEFAULT_PAGINATION": 5,
        "LOAD_CONTENT_CACHE": True,
        "CACHE_PATH": str(tmp_path / "cache"),
    }
    write(content, site_files())
    run_pelican(content, output, **settings)
    age(output)
    before = snapshot(output)
    text = site_files()["posts/spring-2.md"].replace("Spring Two.", "Spring Two, again.")
    write(content, {"posts/spring-2.md": text})
    run_pelican(content, output, **settings)
    after = snapshot(output)
    written = {path for path in after if after[path][0] != before[path][0]}

    assert {"index.html", "page/2/index.html"} <= written  # page 2 links to page 1
    assert {"page/3/index.html", "page/4/index.html"}.isdisjoint(written)
