"""One feed entry per post, built once and shared by every feed that holds it.

A post appears in the site feed, its series' feed, its author's feed and one
feed per tag: its entry (and the absolute-URL pass over its HTML, the costly
part) is made once, and each feed only serialises it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from functools import cached_property
from typing import Any
from urllib.parse import urlsplit

from feedgen.entry import FeedEntry
from feedgen.ext.dc import DcEntryExtension

from ..core.markers import has_host_note
from .absolute_urls import make_absolute

# The metadata fields an entry is made from, as make_entry names them.
METADATA_FIELDS = ("Title", "Author", "Summary", "Tags", "Series")
# Characters XML 1.0 does not allow anywhere in a document.
_XML_INVALID = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


class SharedEntry(FeedEntry):
    """A feedgen entry whose Atom and RSS elements can be built ahead of a feed.

    `build()` makes them while the post they come from is known, so that a
    value feedgen or lxml refuses is reported against that post; the first
    feed then takes them as they are. Set every field before building.
    """

    def __init__(self) -> None:
        super().__init__()
        self._built = {}  # format -> the entry's element, until a feed takes it

    def build(self, formats: Iterable[str]) -> None:
        """Build the XML for each of `formats` ("atom", "rss") now.

        Then a value that feedgen or lxml refuses is found while the post it
        comes from is known, not halfway through writing a feed.
        """
        builders = {"atom": super().atom_entry, "rss": super().rss_entry}
        for feed_format in formats:
            if feed_format not in self._built:
                self._built[feed_format] = builders[feed_format]()

    def _element(self, feed_format):
        self.build([feed_format])
        # The feed takes the element itself (feedgen serialises a feed as soon
        # as it builds it) and the entry keeps none: a later feed builds it
        # again. Keeping every entry's XML until the last feed is written took
        # more memory than Pelican's whole build.
        return self._built.pop(feed_format)

    # feedgen calls these with its extensions on, as the feeds here always are.
    def atom_entry(self, extensions: bool = True) -> Any:
        return self._element("atom")

    def rss_entry(self, extensions: bool = True) -> Any:
        return self._element("rss")


@dataclass(frozen=True)
class EntrySite:
    """What every entry needs to know about the site."""

    base_url: str  # the absolute address feeds link to, without a trailing slash
    content_site_url: str  # the SITEURL Pelican wrote the posts' own links with
    host_note_type: str  # the admonition that marks the host's note
    default_host: str | None = None  # the site's AUTHOR
    tags_scheme: str | None = None  # identifies tags among the categories
    series_scheme: str | None = None  # identifies series among the categories
    author_urls: dict = field(default_factory=dict)  # name -> author page address

    def absolute(self, url: str) -> str:
        return f"{self.base_url}/{url}"

    @cached_property
    def host(self) -> str | None:
        return urlsplit(self.base_url).hostname


def feed_date(date: datetime) -> datetime:
    """`date` as a plain datetime with a time zone (Pelican's, or else UTC).

    feedgen formats every date it writes, and Pelican's own datetime subclass
    (which handles locales in strftime) does that five times slower.
    """
    return datetime(
        date.year,
        date.month,
        date.day,
        date.hour,
        date.minute,
        date.second,
        date.microsecond,
        tzinfo=date.tzinfo or UTC,
        fold=date.fold,
    )


def entry_dates(article: Any) -> tuple[datetime, datetime]:
    """(published, updated): updated is `Modified` when it is later than `Date`."""
    published = feed_date(article.date)
    modified = getattr(article, "modified", None)
    updated = max(published, feed_date(modified)) if modified else published
    return published, updated


def entry_id(site: EntrySite, article_url: str, published: datetime) -> str:
    """A tag URI (RFC 4151) from the site's host, the post's date and its address.

    It stays the same from build to build, and it is not the post's link, so
    readers keep one entry per post even if the link gains a query or anchor.
    """
    return f"tag:{site.host},{published:%Y-%m-%d}:/{article_url}"


def without_xml_invalid(text: str) -> tuple[str, bool]:
    """`text` without the characters XML 1.0 forbids, and whether any were there.

    A stray control character pasted into a post is harmless in HTML, but lxml
    refuses it, and would take every feed holding the post down with it.
    """
    if not text or _XML_INVALID.search(text) is None:
        return text, False
    return _XML_INVALID.sub("", text), True


def make_entry(article: Any, site: EntrySite) -> tuple[SharedEntry, list[str]]:
    """The entry for `article`, ready for any number of feeds, and a list of what
    had to be left out of it (names of fields that held characters XML forbids).
    """
    dirty = []

    def clean(text: str, field: str) -> str:
        text, changed = without_xml_invalid(text)
        if changed and field not in dirty:
            dirty.append(field)
        return text

    entry = SharedEntry()
    # RSS 2.0's <author> must be an e-mail address, which guests do not give:
    # the guest is named with Dublin Core's dc:creator, as most blogs do.
    entry.register_extension("dc", DcEntryExtension, atom=False, rss=True)

    article_url = article.url  # Pelican formats it anew at each use
    page_url = site.absolute(article_url)
    published, updated = entry_dates(article)
    entry.id(entry_id(site, article_url, published))
    # A title of nothing but invisible characters would be refused: use the slug.
    entry.title(clean(article.title, "Title").strip() or article.slug)
    entry.link(href=page_url, rel="alternate", type="text/html")
    entry.published(published)
    entry.updated(updated)

    for author in getattr(article, "authors", None) or []:
        name = clean(author.name, "Author")
        person = {"name": name}
        if author.name in site.author_urls:
            person["uri"] = site.author_urls[author.name]
        entry.author(person)
        entry.dc.dc_creator(name)

    position = getattr(article, "series", None)
    if has_host_note(article, site.host_note_type):
        host = (position.host if position else None) or site.default_host
        if host:
            person = {"name": clean(host, "the series' host")}
            if host in site.author_urls:
                person["uri"] = site.author_urls[host]
            entry.contributor(person)

    content = article.get_content(site.content_site_url)
    entry.content(clean(make_absolute(content, page_url), "the text"), type="html")
    summary = article.summary
    if summary:
        entry.summary(clean(make_absolute(summary, page_url), "Summary"), type="html")

    categories = [
        _category(clean(tag.name, "Tags"), site.tags_scheme)
        for tag in getattr(article, "tags", None) or []
    ]
    if position:
        categories.append(_category(clean(position.name, "Series"), site.series_scheme))
    if categories:
        entry.category(categories)
    return entry, dirty


def _category(term, scheme):
    return {"term": term, "scheme": scheme} if scheme else {"term": term}
