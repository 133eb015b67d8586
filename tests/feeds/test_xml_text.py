"""Entries written as text are the bytes feedgen and lxml write for the same entries."""

from datetime import UTC, datetime, timedelta, timezone
from types import SimpleNamespace

import pytest
from feedgen.entry import FeedEntry
from feedgen.ext.dc import DcEntryExtension

from guestlist.feeds.absolute_urls import make_absolute
from guestlist.feeds.catalogue import ATOM, RSS, FeedLink
from guestlist.feeds.context import guest_footer, series_line
from guestlist.feeds.entries import (
    EntrySite,
    entry_dates,
    entry_id,
    make_entry,
    without_xml_invalid,
)
from guestlist.feeds.generator import FeedFile, FeedHead, build_feed
from guestlist.feeds.xml_text import escape_attribute, escape_text, rfc822

SITE = EntrySite(
    "https://b.example",
    content_site_url="",
    host_note_type="host-note",
    default_host="Ollie",
    tags_scheme="https://b.example/tags/",
    series_scheme="https://b.example/series/",
    author_urls={"Vid": "https://b.example/authors/vid/", "Ollie": "https://b.example/o/"},
)
NOTE = '<div class="admonition host-note"><p>From Ollie</p></div>'


def post(**fields):
    values = {
        "url": "2026/03/a/",
        "title": "A & <B> \"quoted\" 'single'",
        "slug": "a",
        "date": datetime(2026, 3, 2, 9, tzinfo=UTC),
        "authors": [SimpleNamespace(name="Vid")],
        "summary": '<p>A <a href="/about/">link</a> &amp; more</p>',
        "tags": [SimpleNamespace(name="writing"), SimpleNamespace(name="a&b <c>")],
        "series": None,
        "_content": '<p>Hi\r\n<img src="../x.png"> ]]&gt; é 𝄞</p>\t' + NOTE,
    }
    values.update(fields)
    article = SimpleNamespace(**values)
    article.get_content = lambda siteurl: article._content
    return article


def feedgen_entry(article, site):
    """The entry as feedgen built it before entries were written as text."""
    entry = FeedEntry()
    entry.register_extension("dc", DcEntryExtension, atom=False, rss=True)
    page_url = site.absolute(article.url)
    published, updated = entry_dates(article)
    entry.id(entry_id(site, article.url, published))
    entry.title(without_xml_invalid(article.title)[0].strip() or article.slug)
    entry.link(href=page_url, rel="alternate", type="text/html")
    entry.published(published)
    entry.updated(updated)
    for author in article.authors or []:
        name = without_xml_invalid(author.name)[0]
        person = {"name": name}
        if author.name in site.author_urls:
            person["uri"] = site.author_urls[author.name]
        entry.author(person)
        entry.dc.dc_creator(name)
    if NOTE in article._content:
        host = (article.series.host if article.series else None) or site.default_host
        person = {"name": without_xml_invalid(host)[0]}
        if host in site.author_urls:
            person["uri"] = site.author_urls[host]
        entry.contributor(person)
    content = without_xml_invalid(make_absolute(article._content, page_url))[0]
    # The series line before the text, the guest's bio and handles after it.
    if article.series:
        content = series_line(article.series, site.absolute) + content
    content += guest_footer(article, site.author_urls, f"{site.base_url}/", {})
    entry.content(content, type="html")
    if article.summary:
        summary = without_xml_invalid(make_absolute(article.summary, page_url))[0]
        entry.summary(summary, type="html")
    categories = [
        {"term": without_xml_invalid(tag.name)[0], "scheme": site.tags_scheme}
        for tag in article.tags
    ]
    if article.series:
        categories.append({"term": article.series.name, "scheme": site.series_scheme})
    if categories:
        entry.category(categories)
    return entry


ARTICLES = {
    "everything": post(),
    "no summary": post(summary=None),
    "empty text": post(_content="", summary=None),
    "empty text, a summary": post(_content=""),
    "a summary of control characters": post(summary="\x0b"),
    "control characters": post(title="Bad\x0b title", _content="<p>a\x00b</p>"),
    "title of nothing visible": post(title="\x0b "),
    "no authors, no tags": post(authors=[], tags=[]),
    "an author with no page": post(authors=[SimpleNamespace(name="Guest & Co")]),
    "an empty author name": post(authors=[SimpleNamespace(name="")]),
    "two authors": post(authors=[SimpleNamespace(name="Vid"), SimpleNamespace(name="Lu")]),
    "in a series": post(
        series=SimpleNamespace(
            name="Birthday <Bloggers>", host="Vid", label="Guest #2", url="series/b/"
        )
    ),
    "in a series of translations, with no page": post(
        series=SimpleNamespace(name="Birthdays", host=None, label="Guest #1", url=None)
    ),
    "a guest with a profile": post(
        guest=SimpleNamespace(
            name="Vid",
            bio_html='<p>Vid & <a href="/x/">friends</a>, "quoted"</p>',
            links=[SimpleNamespace(url="https://x.com/v?a&b", text="Follow @v on X")],
        )
    ),
    "a guest without a page, a bio or links": post(
        guest=SimpleNamespace(name="Lu <Co>", bio_html="", links=[])
    ),
    "empty text, a series and a guest": post(
        _content="",
        summary=None,
        series=SimpleNamespace(name="S", host=None, label="Guest #3", url="series/s/"),
        guest=SimpleNamespace(name="Vid", bio_html="<p>Bio</p>", links=[]),
    ),
    "a modified date and a zone": post(
        date=datetime(2026, 7, 1, 12, 30, 15, 5, tzinfo=timezone(timedelta(hours=1))),
        modified=datetime(2026, 7, 2, 8, tzinfo=UTC),
    ),
    "an address with an ampersand": post(url='2026/03/a&b"c/'),
}


@pytest.mark.parametrize("name", ARTICLES)
def test_an_entry_is_the_bytes_feedgen_writes(name):
    article = ARTICLES[name]
    head = FeedHead(
        "https://b.example/p/", "Posts & <more>", "Ollie", "https://b.example/o/"
    )
    entry, _ = make_entry(article, SITE, [ATOM, RSS])
    reference = feedgen_entry(article, SITE)
    for feed_format in (ATOM, RSS):
        link = FeedLink(feed_format, "f.xml", "https://b.example/f.xml?a&b", "Feed & co")
        feed = build_feed(link.title, head, reference.updated(), "en")
        feed.id(link.url)
        feed.link(
            [
                {"href": link.url, "rel": "self", "type": link.media_type},
                {"href": head.page_url, "rel": "alternate", "type": "text/html"},
            ],
            replace=True,
        )
        feed.entry([reference, reference])
        expected = feed.atom_str(pretty=True) if feed_format == ATOM else feed.rss_str(True)
        assert FeedFile(link, head, "en", [entry, entry]).render() == expected


def test_text_and_attributes_are_escaped_as_lxml_escapes_them():
    assert escape_text("a&b<c>d\"e'f\rg\nh\ti") == "a&amp;b&lt;c&gt;d\"e'f&#13;g\nh\ti"
    assert (
        escape_attribute("a&b<c>d\"e'f\rg\nh\ti")
        == "a&amp;b&lt;c&gt;d&quot;e'f&#13;g&#10;h&#9;i"
    )


def test_rss_dates_are_in_english_whatever_the_locale():
    date = datetime(2026, 3, 1, 9, 5, 7, tzinfo=timezone(timedelta(hours=-5)))
    assert rfc822(date) == "Sun, 01 Mar 2026 09:05:07 -0500"
