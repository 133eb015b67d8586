"""Feeds as a feed reader sees them: every feed parses, meets the specs and says
who wrote what, in the right order, with absolute links and real time zones."""

import logging
import shutil
from datetime import datetime

import feedparser
import pytest
from bs4 import BeautifulSoup
from feedcheck import feed_problems, is_rfc3339
from pelican import Pelican
from pelican.settings import read_settings

from conftest import DEMO_CONTENT, HOST_NOTE, ROOT, _Collect, post

SITE = "https://blog.example.com"
PUBLISH = {"SITEURL": SITE}

SERIES_DESCRIPTION = """\
    Title: Birthday Bloggers
    Singular: Birthday Blogger
    Host: Ollie Brennan

    Seven guests & one *host*, a week of "birthday" posts.
    """
PROFILE = """\
    Name: {name}

    A guest.
    """


def guest_post(title, index, date, author, note=True, **fields):
    return post(
        title,
        date=date,
        body="A guest's words." + (HOST_NOTE if note else ""),
        Author=author,
        Series="Birthday Bloggers",
        Series_index=index,
        **fields,
    )


SITE_FILES = {
    "series/birthday-bloggers.md": SERIES_DESCRIPTION,
    "authors/vidya-raman.md": PROFILE.format(name="Vidya Raman"),
    "authors/pfndf.md": PROFILE.format(name="PFNDF"),
    "authors/lukasz-wrobel.md": PROFILE.format(name="Łukasz Wróbel"),
    "authors/ollie-brennan.md": PROFILE.format(name="Ollie Brennan"),
    # Guest numbers run against the dates, so that order shows which one a feed uses.
    "posts/vid.md": guest_post(
        "Vid on Blogging", 2, "2026-03-03 09:00", "Vidya Raman", Tags="writing, craft"
    ),
    "posts/pf.md": guest_post(
        "PFNDF on Detectives", 1, "2026-03-04 09:00", "PFNDF", note=False, Tags="fiction"
    ),
    "posts/lu.md": guest_post(
        "Łukasz on Teaching", 3, "2026-03-02 09:00", "Łukasz Wróbel", Tags="writing"
    ),
    "posts/summer.md": post(
        "A Summer Note",
        date="2026-07-01 12:30",
        body=(
            "See ![the bench](/images/bench.png), [the week](../birthday/), "
            "[the about page]({filename}/pages/about.md) and [home](/)."
        ),
        Author="Ollie Brennan",
        Tags="making",
        Summary="A [link](/about/) in the summary.",
    ),
    "pages/about.md": "Title: About\n\nAbout the blog.\n",
}
URLS = {
    "vid": f"{SITE}/2026/03/vid-on-blogging/",
    "pf": f"{SITE}/2026/03/pfndf-on-detectives/",
    "lu": f"{SITE}/2026/03/lukasz-on-teaching/",
    "summer": f"{SITE}/2026/07/a-summer-note/",
}


def parsed(site, path):
    """The feed at `path` under the output, parsed; it must parse cleanly."""
    feed = feedparser.parse(site.output.joinpath(path).read_bytes())
    assert feed.bozo == 0, (path, feed.get("bozo_exception"))
    return feed


def links_of(entries):
    return [entry.link for entry in entries]


@pytest.fixture
def published_site(build_site):
    return build_site(SITE_FILES, **PUBLISH)


def test_every_feed_parses_and_meets_rfc_4287_or_rss_2(published_site):
    feeds = published_site.files("feeds/**/*.xml")
    assert sorted(feeds) == sorted(
        f"feeds/{name}.{kind}.xml"
        for kind in ("atom", "rss")
        for name in (
            "all",
            "series/birthday-bloggers",
            "authors/vidya-raman",
            "authors/pfndf",
            "authors/lukasz-wrobel",
            "authors/ollie-brennan",
            "tags/writing",
            "tags/craft",
            "tags/fiction",
            "tags/making",
        )
    )
    for path in feeds:
        parsed(published_site, path)
        assert feed_problems(published_site.output / path) == [], path
    assert published_site.errors == []


def test_the_site_feed_keeps_the_latest_posts_newest_first(build_site):
    site = build_site(SITE_FILES, GUEST_SERIES_FEED_MAX_ITEMS=3, **PUBLISH)
    for path in ("feeds/all.atom.xml", "feeds/all.rss.xml"):
        feed = parsed(site, path)
        assert links_of(feed.entries) == [URLS["summer"], URLS["pf"], URLS["vid"]]
        assert feed.feed.title == "Ollie’s Workbench"
        assert feed.feed.link == f"{SITE}/"


def test_a_series_feed_holds_the_whole_series_in_guest_order(build_site):
    site = build_site(SITE_FILES, GUEST_SERIES_FEED_MAX_ITEMS=1, **PUBLISH)
    for path in (
        "feeds/series/birthday-bloggers.atom.xml",
        "feeds/series/birthday-bloggers.rss.xml",
    ):
        feed = parsed(site, path)
        assert links_of(feed.entries) == [URLS["pf"], URLS["vid"], URLS["lu"]]
        assert feed.feed.title == "Birthday Bloggers · Ollie’s Workbench"
        # The description's text (Markdown's smart quotes and all), without markup.
        assert feed.feed.subtitle == "Seven guests & one host, a week of “birthday” posts."
        assert feed.feed.link == f"{SITE}/series/birthday-bloggers/"


def test_author_and_tag_feeds_hold_their_own_posts_newest_first(published_site):
    for kind in ("atom", "rss"):
        writing = parsed(published_site, f"feeds/tags/writing.{kind}.xml")
        assert links_of(writing.entries) == [URLS["vid"], URLS["lu"]]
        assert writing.feed.link == f"{SITE}/tags/writing/"
        vid = parsed(published_site, f"feeds/authors/vidya-raman.{kind}.xml")
        assert links_of(vid.entries) == [URLS["vid"]]
        assert vid.feed.link == f"{SITE}/authors/vidya-raman/"


def test_author_and_tag_feeds_keep_the_configured_number(build_site):
    site = build_site(SITE_FILES, GUEST_SERIES_AUTHOR_TAG_FEED_MAX_ITEMS=1, **PUBLISH)
    assert links_of(parsed(site, "feeds/tags/writing.atom.xml").entries) == [URLS["vid"]]
    everything = parsed(site, "feeds/all.atom.xml")
    assert len(everything.entries) == 4


def test_each_entry_credits_the_guest_and_the_host_who_wrote_a_note(published_site):
    feed = parsed(published_site, "feeds/series/birthday-bloggers.atom.xml")
    by_link = {entry.link: entry for entry in feed.entries}
    vid = by_link[URLS["vid"]]
    assert [author.name for author in vid.authors] == ["Vidya Raman"]
    assert vid.author_detail.href == f"{SITE}/authors/vidya-raman/"
    assert [c.name for c in vid.contributors] == ["Ollie Brennan"]
    assert vid.contributors[0].href == f"{SITE}/authors/ollie-brennan/"
    # No host's note on PFNDF's post: no contributor.
    assert "contributors" not in by_link[URLS["pf"]]
    assert by_link[URLS["lu"]].author_detail.href == f"{SITE}/authors/lukasz-wrobel/"

    rss = parsed(published_site, "feeds/series/birthday-bloggers.rss.xml")
    assert [entry.author for entry in rss.entries] == [
        "PFNDF",
        "Vidya Raman",
        "Łukasz Wróbel",
    ]


def test_entries_have_stable_ids_absolute_links_and_dates_with_their_zone(
    published_site,
):
    atom = parsed(published_site, "feeds/all.atom.xml")
    rss = parsed(published_site, "feeds/all.rss.xml")
    summer, summer_rss = atom.entries[0], rss.entries[0]
    assert summer.link == summer_rss.link == URLS["summer"]
    assert (
        summer.id
        == summer_rss.id
        == "tag:blog.example.com,2026-07-01:/2026/07/a-summer-note/"
    )
    # Europe/London: summer time in July, GMT in March.
    assert summer.published == summer.updated == "2026-07-01T12:30:00+01:00"
    assert summer_rss.published == "Wed, 01 Jul 2026 12:30:00 +0100"
    assert atom.entries[1].published == "2026-03-04T09:00:00+00:00"
    for entry in atom.entries:
        assert is_rfc3339(entry.published) and is_rfc3339(entry.updated)
    assert len({entry.id for entry in atom.entries}) == len(atom.entries)


def test_a_modified_post_is_updated_later_than_it_was_published(build_site):
    files = dict(SITE_FILES)
    files["posts/pf.md"] = files["posts/pf.md"].replace(
        "Date: 2026-03-04 09:00", "Date: 2026-03-04 09:00\nModified: 2026-03-20 18:00"
    )
    site = build_site(files, **PUBLISH)
    feed = parsed(site, "feeds/authors/pfndf.atom.xml")
    (entry,) = feed.entries
    assert entry.published == "2026-03-04T09:00:00+00:00"
    assert entry.updated == "2026-03-20T18:00:00+00:00"
    assert feed.feed.updated == "2026-03-20T18:00:00+00:00"


def test_a_feed_is_as_new_as_its_newest_entry_not_the_build(published_site):
    for path in published_site.files("feeds/**/*.atom.xml"):
        feed = parsed(published_site, path)
        newest = max(datetime.fromisoformat(entry.updated) for entry in feed.entries)
        assert datetime.fromisoformat(feed.feed.updated) == newest, path
    rss = parsed(published_site, "feeds/series/birthday-bloggers.rss.xml")
    assert rss.feed.updated == "Wed, 04 Mar 2026 09:00:00 +0000"


def test_content_and_summary_links_are_absolute(published_site):
    for path in ("feeds/all.atom.xml", "feeds/all.rss.xml"):
        entry = parsed(published_site, path).entries[0]
        content = BeautifulSoup(entry.content[0].value, "html.parser")
        assert content.img["src"] == f"{SITE}/images/bench.png"
        assert [a["href"] for a in content.find_all("a")] == [
            f"{SITE}/2026/07/birthday/",
            f"{SITE}/about/",
            f"{SITE}/",
            f"{SITE}/authors/ollie-brennan/",  # the entry's "About Ollie Brennan"
        ]
        summary = BeautifulSoup(entry.summary, "html.parser")
        assert summary.a["href"] == f"{SITE}/about/"


def test_categories_are_the_tags_and_the_series(published_site):
    for path in ("feeds/all.atom.xml", "feeds/all.rss.xml"):
        by_link = {e.link: e for e in parsed(published_site, path).entries}
        assert [tag.term for tag in by_link[URLS["vid"]].tags] == [
            "writing",
            "craft",
            "Birthday Bloggers",
        ]
        assert [tag.term for tag in by_link[URLS["summer"]].tags] == ["making"]
    atom = parsed(published_site, "feeds/all.atom.xml")
    schemes = {tag.term: tag.scheme for tag in atom.entries[1].tags}
    assert schemes == {"fiction": f"{SITE}/tags/", "Birthday Bloggers": f"{SITE}/series/"}


def test_markup_characters_and_non_ascii_text_survive_the_round_trip(build_site):
    title = "Fish & Chips: <b>not bold</b>, \"quoted\" and 'single' in Łódź ☕"
    site = build_site(
        {
            "posts/fish.md": post(
                title,
                Slug="fish",
                Author="Zoë & Co",
                Tags="café & bar",
                body='Tom & Jerry wrote `<a href="/x">` and "quotes" — in Kraków.',
            )
        },
        **PUBLISH,
    )
    page_text = site.page("2026/03/fish/")
    page_text = page_text.select_one(".post-body").get_text().strip()
    assert "Tom & Jerry wrote <a" in page_text and "Kraków" in page_text
    for path in ("feeds/all.atom.xml", "feeds/all.rss.xml"):
        feed = parsed(site, path)
        (entry,) = feed.entries
        # The title as the page shows it: its quotes curled, its markup as text.
        assert entry.title == title.replace('"quoted"', "“quoted”").replace(
            "'single'", "‘single’"
        )
        assert entry.author == "Zoë & Co"
        assert [tag.term for tag in entry.tags] == ["café & bar"]
        text = BeautifulSoup(entry.content[0].value, "html.parser")
        assert text.get_text() == page_text  # the post's text, as its page shows it
        assert text.code.get_text() == '<a href="/x">'
        assert feed_problems(site.output / path) == []
    author_feed = site.files("feeds/authors/*.atom.xml")
    assert author_feed == ["feeds/authors/zoe-co.atom.xml"]
    assert parsed(site, author_feed[0]).feed.title == "Zoë & Co · Ollie’s Workbench"


def test_two_builds_of_the_same_content_give_byte_identical_feeds(build_site):
    first = build_site(SITE_FILES, **PUBLISH)
    before = {
        path: (first.output / path).read_bytes() for path in first.files("feeds/**/*.xml")
    }
    assert before
    second = build_site(**PUBLISH)  # the same content, built again later
    after = {
        path: (second.output / path).read_bytes() for path in second.files("feeds/**/*.xml")
    }
    assert after == before


def head_feeds(page):
    return [
        (link["type"], link["href"], link["title"])
        for link in page.head.select('link[rel="alternate"]')
    ]


def test_pages_link_their_own_feeds_then_the_sites(published_site):
    site_feeds = [
        ("application/atom+xml", f"{SITE}/feeds/all.atom.xml", "Ollie’s Workbench (Atom)"),
        ("application/rss+xml", f"{SITE}/feeds/all.rss.xml", "Ollie’s Workbench (RSS)"),
    ]
    assert head_feeds(published_site.page("")) == site_feeds
    assert head_feeds(published_site.page("series/birthday-bloggers/")) == [
        (
            "application/atom+xml",
            f"{SITE}/feeds/series/birthday-bloggers.atom.xml",
            "Birthday Bloggers · Ollie’s Workbench (Atom)",
        ),
        (
            "application/rss+xml",
            f"{SITE}/feeds/series/birthday-bloggers.rss.xml",
            "Birthday Bloggers · Ollie’s Workbench (RSS)",
        ),
        *site_feeds,
    ]
    author = head_feeds(published_site.page("authors/lukasz-wrobel/"))
    assert [href for _, href, _ in author[:2]] == [
        f"{SITE}/feeds/authors/lukasz-wrobel.atom.xml",
        f"{SITE}/feeds/authors/lukasz-wrobel.rss.xml",
    ]
    assert author[2:] == site_feeds
    tag = head_feeds(published_site.page("tags/writing/"))
    assert tag[0][1] == f"{SITE}/feeds/tags/writing.atom.xml"
    assert tag[0][2] == "Tagged “writing” · Ollie’s Workbench (Atom)"
    # A post of a series: its series' feeds, its author's, then the site's.
    post = [
        href for _, href, _ in head_feeds(published_site.page("2026/03/vid-on-blogging/"))
    ]
    assert post == [
        f"{SITE}/feeds/series/birthday-bloggers.atom.xml",
        f"{SITE}/feeds/series/birthday-bloggers.rss.xml",
        f"{SITE}/feeds/authors/vidya-raman.atom.xml",
        f"{SITE}/feeds/authors/vidya-raman.rss.xml",
        *(href for _, href, _ in site_feeds),
    ]
    # Every feed a page links is written.
    for url in ("", "series/birthday-bloggers/", "authors/pfndf/", "tags/fiction/"):
        for _, href, _ in head_feeds(published_site.page(url)):
            assert published_site.output.joinpath(href.removeprefix(SITE + "/")).is_file()


def test_an_author_page_offers_the_authors_feed(published_site):
    offers = published_site.page("authors/vidya-raman/").select(".feed-follow")
    assert len(offers) == 1
    offer = offers[0]
    assert " ".join(offer.get_text().split()) == "Follow Vidya Raman by feed: Atom or RSS"
    assert [(a.get_text(), a["href"]) for a in offer.find_all("a")] == [
        ("Atom", f"{SITE}/feeds/authors/vidya-raman.atom.xml"),
        ("RSS", f"{SITE}/feeds/authors/vidya-raman.rss.xml"),
    ]


def test_a_development_build_writes_and_links_no_feeds(build_site):
    site = build_site(SITE_FILES)
    assert site.files("**/*.xml") == []
    assert head_feeds(site.page("")) == []
    assert site.page("authors/vidya-raman/").select_one(".feed-follow") is None
    # Nothing is reported but pf.md's missing host's note, there on purpose.
    assert [message for message in site.messages if "host's note" not in message] == []


def test_a_development_build_can_write_feeds_for_a_local_server(build_site):
    site = build_site(SITE_FILES, GUEST_SERIES_DEVELOPMENT_FEED_URL="http://127.0.0.1:8000")
    feed = parsed(site, "feeds/all.atom.xml")
    assert feed.entries[0].link == "http://127.0.0.1:8000/2026/07/a-summer-note/"
    content = BeautifulSoup(feed.entries[0].content[0].value, "html.parser")
    assert content.img["src"] == "http://127.0.0.1:8000/images/bench.png"
    assert feed_problems(site.output / "feeds/all.atom.xml") == []
    assert head_feeds(site.page(""))[0][1] == "http://127.0.0.1:8000/feeds/all.atom.xml"


def test_a_siteurl_that_is_not_absolute_is_reported(build_site):
    site = build_site(SITE_FILES, SITEURL="blog.example.com")
    assert site.files("**/*.xml") == []
    (message,) = site.messages_about("SITEURL")
    assert "'blog.example.com' is not an absolute http(s) address" in message
    assert "https://blog.example.com" in message


def test_unusable_feed_settings_stop_the_build_each_named(build_site):
    site = build_site(
        SITE_FILES,
        GUEST_SERIES_TAG_FEED_ATOM="feeds/tags.atom.xml",
        GUEST_SERIES_AUTHOR_FEED_RSS="../outside/{slug}.xml",
        GUEST_SERIES_SERIES_FEED_RSS="feeds/{name}.xml",
        GUEST_SERIES_FEED_MAX_ITEMS="ten",
        GUEST_SERIES_SERIES_FEED_ATOM=None,
        **PUBLISH,
    )
    errors = "\n".join(site.errors)
    assert "GUEST_SERIES_TAG_FEED_ATOM = 'feeds/tags.atom.xml' needs {slug}" in errors
    assert (
        "GUEST_SERIES_AUTHOR_FEED_RSS = '../outside/{slug}.xml' must be a path inside"
        in errors
    )
    assert "GUEST_SERIES_SERIES_FEED_RSS = 'feeds/{name}.xml' has a placeholder" in errors
    assert "GUEST_SERIES_FEED_MAX_ITEMS = 'ten' is str, not a whole number" in errors
    assert len(site.errors) == 4 and "has 4 errors" in site.stopped
    assert not (site.output.parent / "outside").exists()
    assert not site.output.exists()


def test_a_feed_set_to_none_is_not_written_and_the_rest_are(build_site):
    site = build_site(SITE_FILES, GUEST_SERIES_SERIES_FEED_ATOM=None, **PUBLISH)
    assert site.files("feeds/series/*") == ["feeds/series/birthday-bloggers.rss.xml"]
    assert site.exists("feeds/tags/writing.rss.xml")
    assert len(parsed(site, "feeds/all.atom.xml").entries) == 4  # the default, 20
    tag_page_feeds = head_feeds(site.page("tags/writing/"))
    assert tag_page_feeds[0][1] == f"{SITE}/feeds/tags/writing.atom.xml"


def test_pelicans_own_feed_writer_left_on_is_reported(build_site):
    site = build_site(SITE_FILES, FEED_ALL_ATOM="feeds/all.atom.xml", **PUBLISH)
    (message,) = site.messages_about("FEED_ALL_ATOM")
    assert "set FEED_ALL_ATOM = None" in message


def test_control_characters_in_a_post_are_reported_and_the_feeds_still_build(build_site):
    files = dict(SITE_FILES)
    files["posts/pf.md"] = guest_post(
        "PFNDF on\x0b Detectives", 1, "2026-03-04 09:00", "PFNDF", Tags="fiction"
    )
    site = build_site(files, **PUBLISH)
    (message,) = site.messages_about("content/posts/pf.md")
    assert message.startswith("content/posts/pf.md:1: warning:")
    assert "control characters that XML forbids in Title" in message
    feed = parsed(site, "feeds/all.atom.xml")
    assert "PFNDF on Detectives" in [entry.title for entry in feed.entries]
    assert feed_problems(site.output / "feeds/all.atom.xml") == []


def test_make_publish_writes_every_feed_with_absolute_urls(tmp_path):
    """The demo, built with publishconf.py as `make publish` builds it."""
    content, output = tmp_path / "content", tmp_path / "output"
    shutil.copytree(DEMO_CONTENT, content)
    settings = read_settings(
        str(ROOT / "publishconf.py"),
        override={
            "PATH": str(content),
            "OUTPUT_PATH": str(output),
            "CACHE_PATH": str(tmp_path / "cache"),
        },
    )
    for name in ("FEED_ATOM", "FEED_ALL_ATOM", "AUTHOR_FEED_ATOM", "TAG_FEED_RSS"):
        assert settings[name] is None, name
    collect = _Collect()
    logging.getLogger().addHandler(collect)
    try:
        Pelican(settings).run()
    finally:
        logging.getLogger().removeHandler(collect)
    assert [r.getMessage() for r in collect.records if r.levelno >= logging.ERROR] == []

    site_url = settings["SITEURL"]
    feeds = sorted(output.glob("feeds/**/*.xml"))
    assert output / "feeds/all.atom.xml" in feeds
    assert output / "feeds/series/birthday-bloggers.rss.xml" in feeds
    for path in feeds:
        feed = feedparser.parse(path.read_bytes())
        assert feed.bozo == 0, path
        assert feed_problems(path) == [], path
        assert feed.entries, path
        for entry in feed.entries:
            assert entry.link.startswith(site_url + "/")
            for tag in BeautifulSoup(entry.content[0].value, "html.parser").find_all(
                ["a", "img"]
            ):
                address = tag.get("href") or tag.get("src")
                assert address.split(":", 1)[0] in ("https", "http", "mailto"), address


def test_a_title_of_control_characters_alone_gives_way_to_the_slug(build_site):
    files = dict(SITE_FILES)
    # Its own file name: Pelican logs a message once a process, and another test
    # reports the same problem in posts/pf.md.
    del files["posts/pf.md"]
    files["posts/blank.md"] = guest_post("\x01", 1, "2026-03-04 09:00", "PFNDF", Slug="pf")
    site = build_site(files, **PUBLISH)
    (message,) = site.messages_about("content/posts/blank.md")
    assert "control characters that XML forbids in Title" in message
    for kind in ("atom", "rss"):
        feed = parsed(site, f"feeds/authors/pfndf.{kind}.xml")
        assert [entry.title for entry in feed.entries] == ["pf"]
        assert feed_problems(site.output / f"feeds/authors/pfndf.{kind}.xml") == []


def test_links_stay_right_when_pages_use_relative_urls(build_site):
    """With RELATIVE_URLS, Pelican writes each page's links relative to that page;
    a summary made from the post's text must not inherit the last page's."""
    files = dict(SITE_FILES)
    files["posts/rel.md"] = post(
        "Relative", date="2026-03-05 09:00", body="See [about]({filename}/pages/about.md)."
    )
    site = build_site(files, RELATIVE_URLS=True, **PUBLISH)
    entry = parsed(site, "feeds/all.atom.xml").entries[1]
    assert entry.link == f"{SITE}/2026/03/relative/"
    for html in (entry.summary, entry.content[0].value):
        assert BeautifulSoup(html, "html.parser").a["href"] == f"{SITE}/about/"
