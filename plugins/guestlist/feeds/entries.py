"""One feed entry per post, serialised once and shared by every feed that holds it.

A post appears in the site feed, its series' feed, its author's feed and one
feed per tag: its entry (the absolute-URL pass over its HTML, and its Atom and
RSS text) is made once, as UTF-8 bytes around the post's text and summary,
and each feed only puts those bytes in place, escaping the text into it. The
XML is what feedgen writes for the same entry (xml_text.py), so the head of
each feed can still come from feedgen.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, MutableMapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from functools import cached_property
from typing import Any
from urllib.parse import urlsplit

from ..core.markers import has_host_note
from .absolute_urls import make_absolute
from .catalogue import ATOM, RSS
from .context import guest_footer, series_line
from .xml_text import XML_INVALID, attributes, checked, element, escape_text, rfc822

# The metadata fields an entry is made from, as make_entry names them.
METADATA_FIELDS = ("Title", "Author", "Summary", "Tags", "Series")
# Where entries sit in their feed: Atom's <entry> in <feed>, RSS's <item> in <channel>.
_ATOM_INDENT = "  "
_RSS_INDENT = "    "


# Where an entry's pieces hold the post's text and summary, escaped as each
# feed is written: the text is the bulk of an entry, and kept unescaped it is
# (unless links had to be made absolute) the very string Pelican keeps anyway.
TEXT = 0
SUMMARY = 1


class Entry:
    """A post's entry: for each format its bytes, around the post's text and summary.

    The bytes are written once; the text and summary are kept as strings and
    escaped into each feed that holds the entry, so an entry waiting for its
    last feed holds little of its own.
    """

    __slots__ = ("_fingerprint", "pieces", "summary", "text", "updated")

    def __init__(
        self,
        pieces: dict[str, tuple[bytes | int, ...]],
        text: str,
        summary: str | None,
        updated: datetime,
    ) -> None:
        self.pieces = pieces  # format -> bytes, and TEXT or SUMMARY where they go
        self.text = text
        self.summary = summary
        self.updated = updated
        self._fingerprint = None

    def bytes_in(self, feed_format: str, escaped: dict | None = None) -> list[bytes]:
        """The entry's bytes in `feed_format`, in order.

        `escaped` keeps the escaped text and summary for the other format of the
        same feed, which is written next; its owner lets it go after that.
        """
        found = []
        for piece in self.pieces[feed_format]:
            if piece in (TEXT, SUMMARY):
                known = None if escaped is None else escaped.get((id(self), piece))
                if known is None:
                    known = escape_text(self.text if piece == TEXT else self.summary)
                    known = known.encode()
                    if escaped is not None:
                        escaped[(id(self), piece)] = known
                piece = known
            found.append(piece)
        return found

    def fingerprint(self) -> bytes:
        """A digest of everything the entry writes, in every format it was made for."""
        if self._fingerprint is None:
            digest = hashlib.blake2b(digest_size=16)
            for feed_format in sorted(self.pieces):
                digest.update(feed_format.encode())
                for piece in self.bytes_in(feed_format):
                    digest.update(len(piece).to_bytes(8, "big"))
                    digest.update(piece)
            self._fingerprint = digest.digest()
        return self._fingerprint


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
    if not text or XML_INVALID.search(text) is None:
        return text, False
    return XML_INVALID.sub("", text), True


def make_entry(
    article: Any,
    site: EntrySite,
    formats: Iterable[str] = (ATOM, RSS),
    footers: MutableMapping[int, tuple[Any, str]] | None = None,
) -> tuple[Entry, list[str]]:
    """The entry for `article` in each of `formats`, ready for any number of feeds,
    and a list of what had to be left out of it (names of fields that held
    characters XML forbids). A value XML cannot hold at all raises ValueError.

    The entry's text is the post's between its series line and its guest's
    bio and handles (context.py); `footers` keeps each guest's, made once a
    build for all their posts.
    """
    dirty = []

    def clean(text: str, field: str) -> str:
        text, changed = without_xml_invalid(text)
        if changed and field not in dirty:
            dirty.append(field)
        return text

    article_url = article.url  # Pelican formats it anew at each use
    page_url = checked(site.absolute(article_url))
    published, updated = entry_dates(article)
    # A title of nothing but invisible characters would be refused: use the slug.
    title = clean(article.title, "Title").strip() or article.slug
    if not title:
        raise ValueError("the entry has no title")

    # RSS 2.0's <author> must be an e-mail address, which guests do not give:
    # the guest is named with Dublin Core's dc:creator, as most blogs do.
    authors = [
        (clean(author.name, "Author"), site.author_urls.get(author.name))
        for author in getattr(article, "authors", None) or []
    ]
    contributor = None
    position = getattr(article, "series", None)
    if has_host_note(article, site.host_note_type):
        host = (position.host if position else None) or site.default_host
        if host:
            contributor = (clean(host, "the series' host"), site.author_urls.get(host))

    content = article.get_content(site.content_site_url)
    content = clean(make_absolute(content, page_url), "the text")
    summary = article.summary
    summary = clean(make_absolute(summary, page_url), "Summary") if summary else None
    # Around the post's text, which stays the string Pelican keeps: written
    # escaped into the entry's bytes, once, beside it.
    before = clean(series_line(position, site.absolute), "Series") if position else ""
    after = guest_footer(
        article, site.author_urls, f"{site.base_url}/", {} if footers is None else footers
    )
    after = clean(after, "the guest's profile") if after else ""
    categories = [
        (clean(tag.name, "Tags"), site.tags_scheme)
        for tag in getattr(article, "tags", None) or []
    ]
    if position:
        categories.append((clean(position.name, "Series"), site.series_scheme))

    fields = _EntryFields(
        id=checked(entry_id(site, article_url, published)),
        title=title,
        page_url=page_url,
        published=published,
        updated=updated,
        authors=[(name, _uri(uri)) for name, uri in authors],
        contributor=contributor and (contributor[0], _uri(contributor[1])),
        content=content,
        before=before,
        after=after,
        summary=summary,
        categories=[(term, _uri(scheme)) for term, scheme in categories],
    )
    writers = {ATOM: _atom_pieces, RSS: _rss_pieces}
    pieces = {feed_format: writers[feed_format](fields) for feed_format in formats}
    return Entry(pieces, content, summary, updated), dirty


@dataclass
class _EntryFields:
    """An entry's values, cleaned, the links in its text and summary made absolute."""

    id: str
    title: str
    page_url: str
    published: datetime
    updated: datetime
    authors: list  # [(name, uri or None)]
    contributor: tuple | None  # (name, uri or None)
    content: str  # "" for an empty text
    before: str  # HTML before the text: the series line, or ""
    after: str  # HTML after the text: about the guest, or ""
    summary: str | None  # None for none
    categories: list  # [(term, scheme or None)]


def _uri(value: str | None) -> str | None:
    return checked(value) if value else None


def _person(indent: str, tag: str, name: str, uri: str | None) -> str:
    inner = indent + "  "
    lines = f"{indent}<{tag}>\n" + element(inner, "name", name)
    if uri:
        lines += element(inner, "uri", uri)
    return lines + f"{indent}</{tag}>\n"


def _atom_pieces(fields: _EntryFields) -> tuple[bytes | int, ...]:
    """The <entry>, as lxml pretty-prints feedgen's Atom entry."""
    indent = _ATOM_INDENT + "  "
    head = (
        f"{_ATOM_INDENT}<entry>\n"
        + element(indent, "id", fields.id)
        + element(indent, "title", fields.title)
        + element(indent, "updated", fields.updated.isoformat())
        + "".join(
            _person(indent, "author", name, uri) for name, uri in fields.authors if name
        )
    )
    pieces = [head.encode()]
    if fields.content or fields.before or fields.after:
        opening = f'{indent}<content type="html">{escape_text(fields.before)}'
        pieces += [opening.encode(), TEXT]
        after = f"{escape_text(fields.after)}</content>\n"
    else:
        after = f'{indent}<content type="html"/>\n'
    # feedgen writes an entry's link with its address alone (Atom's default
    # relation is "alternate"), and so does this.
    after += f"{indent}<link{attributes((('href', fields.page_url),))}/>\n"
    if fields.summary:
        pieces += [(after + f'{indent}<summary type="html">').encode(), SUMMARY]
        after = "</summary>\n"
    elif fields.summary is not None:
        after += f'{indent}<summary type="html"/>\n'
    after += "".join(
        f"{indent}<category{attributes((('term', term), ('scheme', scheme)))}/>\n"
        for term, scheme in fields.categories
    )
    if fields.contributor and fields.contributor[0]:
        after += _person(indent, "contributor", *fields.contributor)
    after += element(indent, "published", fields.published.isoformat())
    after += f"{_ATOM_INDENT}</entry>\n"
    pieces.append(after.encode())
    return tuple(pieces)


def _rss_pieces(fields: _EntryFields) -> tuple[bytes | int, ...]:
    """The <item>, as lxml pretty-prints feedgen's RSS item with Dublin Core."""
    indent = _RSS_INDENT + "  "
    head = (
        f"{_RSS_INDENT}<item>\n"
        + element(indent, "title", fields.title)
        + element(indent, "link", fields.page_url)
    )
    pieces = []
    before, end = escape_text(fields.before), escape_text(fields.after)
    if fields.summary:  # the summary is the description, the text content:encoded
        pieces += [(head + f"{indent}<description>").encode(), SUMMARY]
        opening = f"</description>\n{indent}<content:encoded>{before}"
        pieces += [opening.encode(), TEXT]
        after = f"{end}</content:encoded>\n"
    else:  # the text is the description
        pieces += [(head + f"{indent}<description>{before}").encode(), TEXT]
        after = f"{end}</description>\n"
    after += element(indent, "guid", fields.id, ' isPermaLink="false"')
    after += "".join(
        element(indent, "category", term, attributes((("domain", scheme),)))
        for term, scheme in fields.categories
    )
    after += element(indent, "pubDate", rfc822(fields.published))
    after += "".join(element(indent, "dc:creator", name) for name, _ in fields.authors)
    after += f"{_RSS_INDENT}</item>\n"
    pieces.append(after.encode())
    return tuple(pieces)
