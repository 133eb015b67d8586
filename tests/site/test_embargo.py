"""The embargo: a publish build shows nothing of a draft or of a post dated later.

A guest post merged with a later `Date` waits as a draft (WITH_FUTURE_DATES is
False) until a build after that date. `make publish` must not write it
anywhere: no page (not even at a `Save_as` it asks for), no listing, tag,
author or series page, label or count, no feed entry, no redirect or map line,
no link naming its address. The development build still writes drafts, for
their authors to read. "Later" is 2099, so the tests never depend on the clock.
"""

import os
import subprocess
import sys

import pytest
from pelican import Pelican
from pelican.settings import read_settings

from conftest import HOST_NOTE, ROOT, post, run_pelican, write_files

PUBLISHED = post(
    "Public Piece",
    Author="Ollie Brennan",
    Tags="shared",
    Series="Birthday Bloggers",
    Series_index=1,
    Redirect_from="/old-public.html",
    body="See [the draft]({filename}held.md), [the future]({filename}later.md) "
    "and [the page]({filename}/pages/hush.md)." + HOST_NOTE,
)
HELD = {
    # A draft, and a post dated after any build: each with a tag, an author, a
    # series place and an old address of its own.
    "posts/held.md": post(
        "Zanzibar Draft Notes",
        "2026-03-03 09:00",
        Status="draft",
        Author="Quentin Draftwriter",
        Tags="shared, zanzibar-tag",
        Series="Birthday Bloggers",
        Series_index=2,
        Redirect_from="/old-zanzibar.html",
        body="Draft words." + HOST_NOTE,
    ),
    "posts/later.md": post(
        "Xylophone Future Notes",
        "2099-01-01 09:00",
        Author="Ulla Futurewriter",
        Tags="shared, xylophone-tag",
        Series="Birthday Bloggers",
        Series_index=3,
        Redirect_from="/old-xylophone.html, /old-xylophone.xml",
        body="Future words." + HOST_NOTE,
    ),
    # Each asks for an address of its own, which outranks DRAFT_SAVE_AS.
    "posts/held-saved.md": post(
        "Quokka Saved Draft",
        "2026-03-04 09:00",
        Status="draft",
        Save_as="quokka-saved.html",
        URL="quokka-saved.html",
    ),
    "posts/later-saved.md": post(
        "Wombat Saved Future",
        "2099-02-02 09:00",
        Save_as="wombat-saved/index.html",
        URL="wombat-saved/",
    ),
    "pages/hush.md": "Title: Hushpage Draft\nStatus: draft\n\nNot yet.\n",
    # A guest whose only post is held has a profile already.
    "authors/ulla-futurewriter.md": "Name: Ulla Futurewriter\n\nUlla writes.\n",
}
FILES = {"posts/public.md": PUBLISHED, **HELD}
# What names a held post: titles, slugs, tags, authors, old addresses.
SECRETS = [
    "Zanzibar",
    "zanzibar",
    "Xylophone",
    "xylophone",
    "Quokka",
    "quokka",
    "Wombat",
    "wombat",
    "Hushpage",
    "hushpage",
    "Draftwriter",
    "draftwriter",
    "Futurewriter",
    "futurewriter",
    "drafts/",
]


def publish(tmp_path, files):
    """`make publish` of `files`, as tools/publish.py runs it; the output folder."""
    content, output = tmp_path / "content", tmp_path / "output"
    write_files(content, files)
    result = subprocess.run(
        [
            *(sys.executable, str(ROOT / "tools" / "publish.py")),
            *("--content", str(content), "--output", str(output)),
            *("--settings", str(ROOT / "publishconf.py")),
            *("--cache-path", str(tmp_path / "cache")),
        ],
        cwd=tmp_path,
        env=dict(os.environ, GUESTLIST_SITEURL="https://blog.example.org"),
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    return output


def every_file(output):
    return {
        path.relative_to(output).as_posix(): path.read_text(encoding="utf-8")
        for path in sorted(output.rglob("*"))
        if path.is_file() and path.suffix not in (".svg", ".ico", ".png")
    }


@pytest.fixture(scope="module")
def published(tmp_path_factory):
    return every_file(publish(tmp_path_factory.mktemp("embargo"), FILES))


def test_no_file_of_a_publish_build_names_a_draft_or_a_later_post(published):
    assert "2026/03/public-piece/index.html" in published  # the build did run
    named = {
        path: [secret for secret in SECRETS if secret in path or secret in text]
        for path, text in published.items()
    }
    assert {path: found for path, found in named.items() if found} == {}


def test_no_page_is_written_for_them_even_where_they_ask(published):
    assert not [path for path in published if path.startswith("drafts/")]
    assert "quokka-saved.html" not in published
    assert "wombat-saved/index.html" not in published


def test_the_feeds_hold_only_the_published_post(published):
    feeds = {path: text for path, text in published.items() if path.startswith("feeds/")}
    names = ("all", "series/birthday-bloggers", "authors/ollie-brennan", "tags/shared")
    kinds = ("atom", "rss")
    assert set(feeds) == {f"feeds/{name}.{kind}.xml" for name in names for kind in kinds}
    for path, text in feeds.items():
        entries = text.count("<entry>") + text.count("<item>")
        assert entries == 1, path
        assert "https://blog.example.org/2026/03/public-piece/" in text, path


def test_listings_series_and_counts_leave_them_out(published):
    assert not [p for p in published if p.startswith(("tags/zanzibar", "tags/xylophone"))]
    assert sorted(p for p in published if p.startswith("authors/")) == [
        "authors/index.html",
        "authors/ollie-brennan/index.html",
    ]
    series = published["series/birthday-bloggers/index.html"]
    assert series.count("<article") == 1
    # The post's place in the series counts only what is published.
    assert "(1 of 1)" in published["2026/03/public-piece/index.html"]
    assert "1 of 2" not in published["2026/03/public-piece/index.html"]


def test_no_redirect_of_theirs_is_written(published):
    assert "old-public.html" in published
    for old in ("old-zanzibar.html", "old-xylophone.html"):
        assert old not in published
    for name in ("_redirects", "redirects.nginx.conf"):
        assert "/old-public.html" in published[name]
        assert "old-zanzibar" not in published[name]
        assert "old-xylophone" not in published[name]


def test_a_link_to_them_names_no_address(published):
    page = published["2026/03/public-piece/index.html"]
    # The link goes to the home page until they are published.
    assert page.count('href="https://blog.example.org/"') >= 3


def test_the_development_build_still_writes_drafts_for_their_authors(tmp_path):
    content = tmp_path / "content"
    write_files(content, FILES)
    site = run_pelican(content, tmp_path / "output")
    assert site.stopped is None
    assert site.exists("drafts/zanzibar-draft-notes/")
    assert site.exists("drafts/xylophone-future-notes/")
    assert site.exists("drafts/pages/hushpage-draft.html")
    assert site.exists("quokka-saved.html")
    # ... and lists them nowhere either.
    assert "Zanzibar" not in site.path("").read_text(encoding="utf-8")
    assert not site.exists("tags/zanzibar-tag/")


def pelican_with_publishconf(tmp_path, files):
    """A plain `pelican -s publishconf.py` build, without tools/publish.py."""
    content, output = tmp_path / "content", tmp_path / "output"
    write_files(content, files)
    settings = read_settings(
        str(ROOT / "publishconf.py"),
        override={
            "PATH": str(content),
            "OUTPUT_PATH": str(output),
            "CACHE_PATH": str(tmp_path / "cache"),
        },
    )
    Pelican(settings).run()
    return every_file(output)


def test_publishconf_alone_writes_no_draft_anywhere(tmp_path):
    # Save_as outranks every setting: only make publish empties it for a draft.
    files = {path: text for path, text in FILES.items() if "-saved" not in path}
    written = pelican_with_publishconf(tmp_path, files)
    assert "2026/03/public-piece/index.html" in written
    assert [path for path, text in written.items() if "Zanzibar" in text] == []
    assert [path for path in written if "draft" in path or "future" in path] == []


def test_publishconf_alone_writes_no_page_a_draft_asks_for(tmp_path):
    written = pelican_with_publishconf(tmp_path, FILES)
    assert "quokka-saved.html" not in written
    assert "wombat-saved/index.html" not in written
