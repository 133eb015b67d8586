"""The pieces of the feeds: where they live, which settings work, entries and dates."""

from datetime import UTC, datetime
from types import SimpleNamespace
from zoneinfo import ZoneInfo

import pytest
from pelican.utils import SafeDatetime

from conftest import schema_defaults
from guestlist.core.settings import apply_schemas
from guestlist.feeds.catalogue import (
    ATOM,
    RSS,
    SITE,
    TAG,
    FeedCatalogue,
    FeedLink,
    feed_base_url,
    read_paths,
)
from guestlist.feeds.entries import (
    EntrySite,
    entry_id,
    feed_date,
    make_entry,
    without_xml_invalid,
)
from guestlist.feeds.generator import FeedFile, FeedHead, write_feed
from guestlist.feeds.settings import SCHEMA


@pytest.mark.parametrize(
    ("settings", "expected"),
    [
        ({"SITEURL": "https://blog.example.com/"}, "https://blog.example.com"),
        ({"SITEURL": "http://host.example:8080/blog"}, "http://host.example:8080/blog"),
        ({"SITEURL": ""}, None),
        (
            {"SITEURL": "", "GUEST_SERIES_DEVELOPMENT_FEED_URL": "http://127.0.0.1:8000/"},
            "http://127.0.0.1:8000",
        ),
        (
            {
                "SITEURL": "https://a.example",
                "GUEST_SERIES_DEVELOPMENT_FEED_URL": "http://b",
            },
            "https://a.example",
        ),
    ],
)
def test_feeds_link_to_an_absolute_address_or_are_not_written(settings, expected):
    assert feed_base_url(schema_defaults(**settings)) == expected


def test_a_development_feed_url_that_is_not_absolute_stops_the_build():
    settings = {"GUEST_SERIES_DEVELOPMENT_FEED_URL": "localhost:8000"}
    (problem,) = apply_schemas(settings, [SCHEMA], "pelicanconf.py")
    assert problem.is_error and problem.path == "pelicanconf.py"
    assert "GUEST_SERIES_DEVELOPMENT_FEED_URL = 'localhost:8000'" in str(problem)
    assert "not an absolute http(s) address" in str(problem)


def test_the_default_paths_are_all_usable():
    paths = read_paths(schema_defaults())
    assert len(paths) == 8
    assert paths[TAG, RSS] == "feeds/tags/{slug}.rss.xml"


@pytest.mark.parametrize(
    ("name", "value", "reason"),
    [
        ("GUEST_SERIES_SERIES_FEED_ATOM", "feeds/series.xml", "needs {slug}"),
        ("GUEST_SERIES_TAG_FEED_RSS", "/var/www/{slug}.xml", "must be a path inside"),
        ("GUEST_SERIES_FEED_ATOM", "feeds/../../all.xml", "must be a path inside"),
        ("GUEST_SERIES_AUTHOR_FEED_ATOM", "feeds/{author}.xml", "a placeholder other"),
        ("GUEST_SERIES_AUTHOR_FEED_ATOM", "feeds/{slug.xml", "a placeholder other"),
        ("GUEST_SERIES_FEED_RSS", 42, "is int, not text or None"),
        ("GUEST_SERIES_FEED_RSS", "feeds/{slug}.xml", "there is one site feed"),
    ],
)
def test_an_unusable_path_stops_the_build_naming_the_setting(name, value, reason):
    (problem,) = apply_schemas({name: value}, [SCHEMA], "pelicanconf.py")
    assert problem.is_error and problem.field == name
    assert f"pelicanconf.py: error: {name} = {value!r}" in str(problem)
    assert reason in str(problem)


def test_a_path_set_to_none_turns_that_feed_off():
    paths = read_paths(schema_defaults(GUEST_SERIES_FEED_RSS=None))
    assert (SITE, RSS) not in paths and (SITE, ATOM) in paths


@pytest.mark.parametrize(
    ("name", "value", "expected"),
    [
        ("GUEST_SERIES_FEED_MAX_ITEMS", 5, 5),
        ("GUEST_SERIES_AUTHOR_TAG_FEED_MAX_ITEMS", None, None),
        ("GUEST_SERIES_FEED_MAX_ITEMS", None, "cannot be None"),
        ("GUEST_SERIES_FEED_MAX_ITEMS", 0, "not a positive whole number"),
        ("GUEST_SERIES_AUTHOR_TAG_FEED_MAX_ITEMS", True, "is bool, not a whole number"),
    ],
)
def test_entry_counts(name, value, expected):
    settings = {name: value}
    problems = apply_schemas(settings, [SCHEMA], "pelicanconf.py")
    if isinstance(expected, str):
        (problem,) = problems
        assert expected in problem.message
    else:
        assert problems == [] and settings[name] == expected


def catalogue(**settings):
    settings = schema_defaults(
        SITEURL="https://blog.example.com", SITENAME="Blog", **settings
    )
    return FeedCatalogue.from_settings(settings, has_articles=True)


def test_a_page_lists_its_own_feeds_before_the_sites():
    series = SimpleNamespace(
        slug="birthday-bloggers", name="Birthday Bloggers", url="series/birthday-bloggers/"
    )
    links = catalogue().for_page(series=series)
    assert [(link.format, link.url) for link in links] == [
        (ATOM, "https://blog.example.com/feeds/series/birthday-bloggers.atom.xml"),
        (RSS, "https://blog.example.com/feeds/series/birthday-bloggers.rss.xml"),
        (ATOM, "https://blog.example.com/feeds/all.atom.xml"),
        (RSS, "https://blog.example.com/feeds/all.rss.xml"),
    ]
    assert links[0].link_title == "Birthday Bloggers · Blog (Atom)"
    assert links[1].media_type == "application/rss+xml"
    assert links[0].save_as == "feeds/series/birthday-bloggers.atom.xml"


def test_no_feeds_no_links():
    off = FeedCatalogue.from_settings(schema_defaults(SITEURL=""), has_articles=True)
    assert not off
    assert off.site == [] and off.for_page(tag=SimpleNamespace(slug="x", name="x")) == []
    empty = FeedCatalogue.from_settings(
        schema_defaults(SITEURL="https://b.example"), has_articles=False
    )
    assert empty.site == []
    no_slug = SimpleNamespace(slug="", name="?")
    assert catalogue().for_tag(no_slug) == []
    assert (
        catalogue(GUEST_SERIES_SERIES_FEED_RSS=None)
        .for_series(SimpleNamespace(slug="s", name="S", url="series/s/"))[0]
        .format
        == ATOM
    )


def test_control_characters_are_taken_out_and_text_kept():
    assert without_xml_invalid("a\x0bb\x00c\ufffe") == ("abc", True)
    text = "Tab\tnew\nline, Łódź, ☕, 𝄞"
    assert without_xml_invalid(text) == (text, False)
    assert without_xml_invalid("") == ("", False)


def test_feed_dates_keep_their_zone_and_are_plain_datetimes():
    london = ZoneInfo("Europe/London")
    date = feed_date(SafeDatetime(2026, 7, 1, 12, 30, tzinfo=london))
    assert type(date) is datetime
    assert date.isoformat() == "2026-07-01T12:30:00+01:00"
    assert feed_date(datetime(2026, 3, 2, 9, 0)).tzinfo is UTC


def test_an_entry_id_is_a_tag_uri_from_host_date_and_address():
    site = EntrySite("http://127.0.0.1:8000", content_site_url="", host_note_type="note")
    published = datetime(2026, 3, 2, 9, tzinfo=UTC)
    assert entry_id(site, "2026/03/a/", published) == "tag:127.0.0.1,2026-03-02:/2026/03/a/"


def article(title="A & B", **fields):
    """A published post as the feeds read it."""
    values = {
        "url": "a/",
        "title": title,
        "slug": "a",
        "date": datetime(2026, 3, 2, 9, tzinfo=UTC),
        "authors": [SimpleNamespace(name="Vid")],
        "summary": None,
        "tags": [],
        "series": None,
        "_content": "<p>Hello</p>",
    }
    values.update(fields)
    post = SimpleNamespace(**values)
    post.get_content = lambda siteurl: post._content
    return post


ENTRY_SITE = EntrySite("https://b.example", content_site_url="", host_note_type="host-note")


def test_an_entry_is_serialised_once_and_goes_into_many_feeds():
    entry, dirty = make_entry(article(), ENTRY_SITE, [ATOM, RSS])
    assert dirty == []
    feeds = []
    for title in ("One", "Two"):
        for feed_format in (ATOM, RSS):
            link = FeedLink(
                feed_format, f"{title}.xml", f"https://b.example/{title}", title
            )
            head = FeedHead(page_url="https://b.example/", description=title)
            feeds.append(FeedFile(link, head, "en", [entry]).render())
    for feed in feeds:
        assert feed.count(b"<title>A &amp; B</title>") == 1
        assert feed.count(b"&lt;p&gt;Hello&lt;/p&gt;") == 1
    # The entry keeps the post's text as Pelican keeps it, not a copy a format.
    post = article()
    entry, _ = make_entry(post, ENTRY_SITE, [ATOM, RSS])
    assert entry.text is post._content


def test_an_entry_is_made_only_in_the_formats_asked_for():
    entry, _ = make_entry(article(), ENTRY_SITE, [RSS])
    assert list(entry.pieces) == [RSS]


def test_a_value_xml_cannot_hold_leaves_the_entry_out():
    with pytest.raises(ValueError, match="XML does not allow"):
        make_entry(article(url="a\x0b/"), ENTRY_SITE, [ATOM])
    with pytest.raises(ValueError, match="no title"):
        make_entry(article(title="\x0b", slug=""), ENTRY_SITE, [ATOM])


def test_a_feeds_key_follows_its_entries_and_head():
    link = FeedLink(ATOM, "a.xml", "https://b.example/a.xml", "A")
    head = FeedHead(page_url="https://b.example/", description="Posts")
    one, _ = make_entry(article(), ENTRY_SITE, [ATOM])
    same, _ = make_entry(article(), ENTRY_SITE, [ATOM])
    other, _ = make_entry(article(_content="<p>Changed</p>"), ENTRY_SITE, [ATOM])
    key = FeedFile(link, head, "en", [one]).key()
    assert FeedFile(link, head, "en", [same]).key() == key
    assert FeedFile(link, head, "en", [other]).key() != key
    assert FeedFile(link, head, "de", [one]).key() != key
    moved = FeedLink(ATOM, "b.xml", "https://b.example/b.xml", "A")
    assert FeedFile(moved, head, "en", [one]).key() != key


class Memo:
    """A memo of the last build, as guestlist.build's writer keeps one (build/memo.py)."""

    def __init__(self, previous=None):
        self.previous = dict(previous or {})
        self.current = {}

    def unchanged(self, path, key):
        known = self.previous.get(path)
        if known is None or known[0] != key or known[1] != path.read_bytes():
            return False
        self.current[path] = known
        return True

    def record(self, path, key, data):
        self.current[path] = (key, data)


def test_a_feed_the_memo_knows_is_not_written_again(tmp_path):
    entry, _ = make_entry(article(), ENTRY_SITE, [ATOM])
    link = FeedLink(ATOM, "feeds/a.xml", "https://b.example/feeds/a.xml", "A")
    head = FeedHead(page_url="https://b.example/", description="P")
    feed = FeedFile(link, head, None, [entry])
    first = Memo()
    assert write_feed(feed, tmp_path, first) is None
    target = tmp_path / "feeds/a.xml"
    assert first.current == {target: (feed.key(), target.read_bytes())}
    written = target.stat().st_mtime_ns
    # The next build: the same feed is not written again, a changed one is.
    second = Memo(first.current)
    assert write_feed(feed, tmp_path, second) is None
    assert target.stat().st_mtime_ns == written
    other, _ = make_entry(article(_content="<p>Changed</p>"), ENTRY_SITE, [ATOM])
    assert write_feed(FeedFile(link, head, None, [other]), tmp_path, second) is None
    assert b"Changed" in target.read_bytes()
    # A file changed by hand is written again.
    target.write_bytes(b"edited")
    assert write_feed(feed, tmp_path, Memo({target: (feed.key(), feed.render())})) is None
    assert target.read_bytes() == feed.render()


def test_a_feed_is_never_written_outside_the_output_folder(tmp_path):
    entry, _ = make_entry(article(title="A"), ENTRY_SITE, [ATOM, RSS])
    head = FeedHead(page_url="https://b.example/", description="Posts")
    output = tmp_path / "output"
    inside = FeedLink(
        ATOM, "feeds/all.atom.xml", "https://b.example/feeds/all.atom.xml", "A"
    )
    outside = FeedLink(RSS, "../output-evil/all.rss.xml", "https://b.example/x.xml", "A")
    assert write_feed(FeedFile(inside, head, None, [entry]), output) is None
    refused = write_feed(FeedFile(outside, head, None, [entry]), output)
    assert (output / "feeds/all.atom.xml").is_file()
    assert not (tmp_path / "output-evil").exists()
    assert (
        "'../output-evil/all.rss.xml' would be written outside the output folder" in refused
    )
