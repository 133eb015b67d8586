"""Feeds with context, as a reader sees them: an entry read as plain text says
where the post stands in its series, who the guest is, and whose the host's
note is; and the pages that have a series' or an author's feed offer it."""

import feedparser
import pytest
from bs4 import BeautifulSoup

from conftest import HOST_NOTE, post

SITE = "https://blog.example.com"
SERIES_URL = f"{SITE}/series/birthday-bloggers/"
SERIES_FEEDS = [
    f"{SITE}/feeds/series/birthday-bloggers.atom.xml",
    f"{SITE}/feeds/series/birthday-bloggers.rss.xml",
]
SITE_FEEDS = [f"{SITE}/feeds/all.atom.xml", f"{SITE}/feeds/all.rss.xml"]

FILES = {
    "series/birthday-bloggers.md": """\
        Title: Birthday Bloggers
        Host: Ollie Brennan

        Seven guests, a week of posts.
        """,
    "authors/vidya-raman.md": """\
        Name: Vidya Raman
        X: @vidya_writes
        Mastodon: @vidya@social.example
        Website: https://vidya.example/

        Vidya writes about [teaching](/tags/writing/) & <script>alert(1)</script>craft.
        """,
    "authors/sam-okafor.md": "Name: Sam Okafor\n\nSam maintains things.\n",
    "authors/ollie-brennan.md": "Name: Ollie Brennan\n\nThe host.\n",
    "posts/sam.md": post(
        "Sam on Maintenance",
        date="2026-03-02 09:00",
        body="Sam's words." + HOST_NOTE,
        Author="Sam Okafor",
        Series="Birthday Bloggers",
        Series_index=1,
    ),
    "posts/vid.md": post(
        "Vid on Blogging",
        date="2026-03-03 09:00",
        body="The guest's own words." + HOST_NOTE,
        Author="Vidya Raman",
        Series="Birthday Bloggers",
        Series_index=2,
        Tags="writing",
    ),
    "posts/solo.md": post(
        "A Post of the Host's", date="2026-03-05 09:00", Author="Ollie Brennan"
    ),
}
POSTS = ["2026/03/sam-on-maintenance/", "2026/03/vid-on-blogging/"]
VID_FEEDS = [
    f"{SITE}/feeds/authors/vidya-raman.atom.xml",
    f"{SITE}/feeds/authors/vidya-raman.rss.xml",
]


@pytest.fixture
def site(build_site):
    return build_site(FILES, SITEURL=SITE)


def entry_of(site, path, link):
    feed = feedparser.parse(site.output.joinpath(path).read_bytes())
    assert feed.bozo == 0, feed.get("bozo_exception")
    return next(entry for entry in feed.entries if entry.link == link)


def as_text(entry):
    """The entry's content as a reader with no styles sees it: the words alone."""
    html = BeautifulSoup(entry.content[0].value, "html.parser")
    return html, " ".join(html.get_text(" ").split())


FEEDS_HOLDING_VID = [
    f"feeds/{name}.{kind}.xml"
    for kind in ("atom", "rss")
    for name in ("all", "series/birthday-bloggers", "authors/vidya-raman", "tags/writing")
]


@pytest.mark.parametrize("path", FEEDS_HOLDING_VID)
def test_an_entry_read_as_text_says_series_guest_and_whose_note(site, path):
    html, text = as_text(entry_of(site, path, f"{SITE}/{POSTS[1]}"))
    # It starts with the series line, the series linked with an absolute address.
    assert text.startswith("Guest #2 in Birthday Bloggers The guest’s own words.")
    assert html.find("a")["href"] == SERIES_URL
    # The host's note is labelled as the host's in words, set apart in an aside.
    assert "The guest’s own words. Note from Ollie: Thank you for writing." in text
    note = html.find("aside")
    assert note.find("strong").get_text() == "Note from Ollie:"
    # It ends with the guest's bio and handles, every link absolute.
    assert text.endswith(
        "About Vidya Raman Vidya writes about teaching & craft. "
        "Follow @vidya_writes on X Follow @vidya@social.example on Mastodon "
        "Visit vidya.example"
    )
    hrefs = [a["href"] for a in html.find_all("a")]
    assert hrefs == [
        SERIES_URL,
        f"{SITE}/authors/vidya-raman/",
        f"{SITE}/tags/writing/",
        "https://x.com/vidya_writes",
        "https://social.example/@vidya",
        "https://vidya.example/",
    ]
    assert html.find("script") is None


def test_a_post_outside_a_series_has_no_series_line(site):
    html, text = as_text(
        entry_of(site, "feeds/all.atom.xml", f"{SITE}/2026/03/a-post-of-the-hosts/")
    )
    assert text.startswith("Some words. About Ollie Brennan The host.")
    assert html.find("em") is None


def test_the_context_is_in_the_entrys_text_not_its_summary(site):
    entry = entry_of(site, "feeds/all.rss.xml", f"{SITE}/{POSTS[1]}")
    assert "Birthday Bloggers" not in entry.summary


def test_the_page_shows_the_note_as_the_hosts_without_styles(site):
    note = site.page(POSTS[1]).select_one(".post-body aside.admonition.host-note")
    assert note.find().name == "p"
    assert note.find("strong").get_text() == "Note from Ollie:"
    text = " ".join(note.get_text(" ").split())
    assert text == "Note from Ollie: Thank you for writing."


def alternates(page):
    return [link["href"] for link in page.head.select('link[rel="alternate"]')]


def test_series_author_and_post_pages_advertise_their_feeds(site):
    assert alternates(site.page("series/birthday-bloggers/")) == SERIES_FEEDS + SITE_FEEDS
    assert alternates(site.page("authors/vidya-raman/")) == VID_FEEDS + SITE_FEEDS
    for url in POSTS:
        author = "vidya-raman" if "vid" in url else "sam-okafor"
        assert alternates(site.page(url)) == [
            *SERIES_FEEDS,
            f"{SITE}/feeds/authors/{author}.atom.xml",
            f"{SITE}/feeds/authors/{author}.rss.xml",
            *SITE_FEEDS,
        ]
    # A post outside a series: its author's feeds, then the site's.
    assert alternates(site.page("2026/03/a-post-of-the-hosts/"))[:2] == [
        f"{SITE}/feeds/authors/ollie-brennan.atom.xml",
        f"{SITE}/feeds/authors/ollie-brennan.rss.xml",
    ]
    # Every feed advertised is written.
    for url in ["series/birthday-bloggers/", "authors/vidya-raman/", *POSTS]:
        for href in alternates(site.page(url)):
            assert site.output.joinpath(href.removeprefix(SITE + "/")).is_file(), href


def follow_sentences(page):
    return [" ".join(p.get_text(" ").split()) for p in page.select(".feed-follow")]


@pytest.mark.parametrize(
    ("url", "sentence", "feeds"),
    [
        (
            "series/birthday-bloggers/",
            "Follow Birthday Bloggers by feed: Atom or RSS",
            SERIES_FEEDS,
        ),
        (POSTS[0], "Follow Birthday Bloggers by feed: Atom or RSS", SERIES_FEEDS),
        (POSTS[1], "Follow Birthday Bloggers by feed: Atom or RSS", SERIES_FEEDS),
        ("authors/vidya-raman/", "Follow Vidya Raman by feed: Atom or RSS", VID_FEEDS),
    ],
)
def test_one_visible_follow_sentence_on_series_author_and_post_pages(
    site, url, sentence, feeds
):
    page = site.page(url)
    assert follow_sentences(page) == [sentence]
    assert page.get_text().count("by feed") == 1
    links = page.select_one(".feed-follow").find_all("a")
    assert [(a.get_text(), a["href"]) for a in links] == list(
        zip(("Atom", "RSS"), feeds, strict=True)
    )


def test_no_follow_sentence_where_no_feed_is_written(build_site):
    site = build_site(FILES)  # a development build writes no feeds
    for url in ["series/birthday-bloggers/", "authors/vidya-raman/", *POSTS]:
        assert follow_sentences(site.page(url)) == []
        assert alternates(site.page(url)) == []
