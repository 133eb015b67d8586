"""The feeds, the site's and each series', author's and tag's, in Atom and RSS.

They replace Pelican's own feed writer (turn it off: FEED_ALL_ATOM = None …).
Pelican runs every generator's `generate_context` before any
`generate_output`, so by the time feeds are written the series are built and
every article knows its series and guest; and the catalogue of feeds is in the
context before any page is rendered, so pages link only the feeds that exist.

Each post's entry is serialised once (entries.py) and every feed holding it
puts the same bytes in place after a head that feedgen writes. Two builds of
the same content give the same bytes: a feed's updated date is its newest
entry's, never the build's time.
"""

from __future__ import annotations

import hashlib
import logging
import os
from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any, Protocol

from feedgen.feed import FeedGenerator
from feedgen.version import version_str as feedgen_version
from markupsafe import Markup
from pelican.generators import Generator

from ..core.lifecycle import settings_file_of
from ..core.problems import ERROR, WARNING, ContentProblem, collector_for, problem
from .catalogue import ATOM, RSS, FeedCatalogue, FeedLink, settings_problems
from .entries import METADATA_FIELDS, Entry, EntrySite, make_entry, without_xml_invalid

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class FeedHead:
    """What a feed says about itself, apart from its title and entries."""

    page_url: str  # the HTML page the feed follows
    description: str  # never empty: RSS requires it
    author: str | None = None
    author_url: str | None = None


class FeedsGenerator(Generator):
    """Writes every feed of the catalogue; puts the catalogue in the context."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.catalogue = None
        self.entries = {}  # article -> its entry (None if it cannot be one)
        self.uses_left = Counter()  # article -> feeds still to write that hold it
        self.footers = {}  # id of a guest -> (guest, the end of their entries)
        self.problems = []
        self.memo = None  # the writer's memo of the last build, when it keeps one

    def generate_context(self) -> None:
        self.catalogue = FeedCatalogue.from_settings(
            self.settings, has_articles=bool(self.context.get("articles"))
        )
        collector_for(self.settings).extend(
            settings_problems(self.settings, settings_file_of(self.settings))
        )
        self.context["guest_feeds"] = self.catalogue

    def generate_output(self, writer: Any) -> None:
        if not self.catalogue:
            return
        # With RELATIVE_URLS, Pelican's writer leaves here the relative address
        # of the last page it wrote, and a post's text and summary would make
        # their links relative to that page. Feeds want them from SITEURL.
        self.context["localsiteurl"] = self.settings.get("SITEURL", "")
        # guestlist.build's writer keeps a memo of what the last build wrote
        # (build/memo.py); Pelican's own writer keeps none, and every feed is written.
        memo = getattr(writer, "memo", None)
        self.memo = memo if memo is not None and memo.active else None
        site = self._entry_site()
        feeds = [feed for feed in self._feeds(site) if feed[0]]
        # An entry is dropped after the last feed that holds it, not kept to
        # the end of the build.
        self.uses_left = Counter(
            article for _, _, articles in feeds for article in articles
        )
        for links, head, articles in feeds:
            self._write(links, head, articles, site)
        collector_for(self.settings).extend(self.problems)

    def _feeds(self, site):
        """(links, head, articles) for every feed: the site's, then each series',
        author's and tag's."""
        settings = self.settings
        catalogue = self.catalogue
        site_name = catalogue.site_name
        owner = settings.get("AUTHOR") or site_name
        site_items = settings["GUEST_SERIES_FEED_MAX_ITEMS"]
        list_items = settings["GUEST_SERIES_AUTHOR_TAG_FEED_MAX_ITEMS"]

        def head(page_url: str, description: str, author: str) -> FeedHead:
            return FeedHead(page_url, description, author, site.author_urls.get(author))

        subtitle = settings.get("SITESUBTITLE") or f"The latest posts from {site_name}"
        yield (
            catalogue.site,
            head(f"{site.base_url}/", subtitle, owner),
            _newest(self.context.get("articles", []), site_items),
        )
        for series in self.context.get("guest_series", []):
            description = Markup(series.description_html).striptags()
            yield (
                catalogue.for_series(series),
                head(
                    site.absolute(series.url),
                    description
                    or f"Every post of the series {_plain(series.name)}, in order",
                    series.host or owner,
                ),
                series.articles,  # the whole series, in Series_index order
            )
        # An author's and a tag's feed: (catalogue links, their page, description, author).
        listed = [
            (
                catalogue.for_author(author),
                author,
                f"Posts by {_plain(author.name)} on {_plain(site_name)}",
                author.name,
                articles,
            )
            for author, articles in self.context.get("authors", [])
        ] + [
            (
                catalogue.for_tag(tag),
                tag,
                f"Posts tagged “{_plain(tag.name)}” on {_plain(site_name)}",
                owner,
                articles,
            )
            for tag, articles in self.context.get("tags", [])
        ]
        for links, subject, description, author, articles in listed:
            page = _page_url(site, subject)
            yield links, head(page, description, author), _newest(articles, list_items)

    def _entry_site(self):
        settings = self.settings
        base_url = self.catalogue.base_url
        author_urls = {
            author.name: f"{base_url}/{author.url}"
            for author, _ in self.context.get("authors", [])
            if author.save_as
        }
        tags_url = settings.get("TAGS_URL")
        series_url = settings.get("GUEST_SERIES_INDEX_URL")
        return EntrySite(
            base_url=base_url,
            content_site_url=settings.get("SITEURL", ""),
            host_note_type=settings["GUEST_SERIES_HOST_NOTE_TYPE"],
            default_host=settings.get("AUTHOR"),
            tags_scheme=f"{base_url}/{tags_url}" if tags_url else None,
            series_scheme=f"{base_url}/{series_url}" if series_url else None,
            author_urls=author_urls,
        )

    def _entry(self, article, site):
        if article in self.entries:
            return self.entries[article]
        content_root = Path(self.path)
        entry = None
        try:
            made, dirty = make_entry(article, site, self.catalogue.formats, self.footers)
        except ValueError as error:  # a value XML cannot hold
            self.problems.append(
                problem(
                    article.source_path,
                    f"the feeds leave this post out, as XML cannot hold it ({error}); "
                    "check that its Title has visible text and its text no control "
                    "characters",
                    severity=WARNING,
                    content_root=content_root,
                )
            )
        else:
            entry = made
            if dirty:
                self.problems.append(
                    problem(
                        article.source_path,
                        f"control characters that XML forbids in {', '.join(dirty)} "
                        "are left out of the feeds; delete them from the file (they "
                        "are invisible: retype the text around them)",
                        field=dirty[0].lower() if dirty[0] in METADATA_FIELDS else None,
                        severity=WARNING,
                        content_root=content_root,
                    )
                )
        self.entries[article] = entry
        return entry

    def _write(self, links, head, articles, site):
        entries = [self._entry(article, site) for article in articles]
        entries = [entry for entry in entries if entry is not None]
        for article in articles:
            self.uses_left[article] -= 1
            if not self.uses_left[article]:
                self.entries[article] = None  # made; not needed again
        if not entries:
            return
        language = self.settings.get("DEFAULT_LANG") or None
        output = Path(self.output_path)
        escaped = {}  # the entries' text, escaped once for both formats of this feed
        for link in links:
            feed = FeedFile(link, head, language, entries, escaped)
            failure = write_feed(feed, output, self.memo)
            if failure:
                self.problems.append(
                    ContentProblem(
                        path=settings_file_of(self.settings),
                        message=failure,
                        severity=ERROR,
                    )
                )


def _plain(name: str) -> str:
    """A name for a feed's description, which feed readers show as HTML: no markup."""
    return Markup(str(name)).striptags()


def _page_url(site, subject):
    """An author's or tag's page, or the home page when the site writes none."""
    return site.absolute(subject.url) if subject.save_as else f"{site.base_url}/"


def _newest(articles, limit):
    ordered = sorted(
        articles, key=lambda article: (article.date, article.source_path), reverse=True
    )
    return ordered if limit is None else ordered[:limit]


def build_feed(
    title: str, head: FeedHead, updated: datetime, language: str | None = None
) -> FeedGenerator:
    """A feedgen feed with no entries: the head of a feed, in either format."""
    feed = FeedGenerator()
    feed.load_extension("dc", atom=False, rss=True)
    # Names and descriptions come from content; feedgen must get XML-safe text.
    feed.title(without_xml_invalid(title)[0])
    feed.description(without_xml_invalid(head.description)[0])
    if head.author:
        person = {"name": without_xml_invalid(head.author)[0]}
        if head.author_url:
            person["uri"] = head.author_url
        feed.author(person)
    # The newest entry's date, not the build's: two builds, the same bytes.
    feed.updated(updated)
    feed.language(language)
    return feed


# Where the entries go in a feed feedgen wrote without any: before the end of
# Atom's <feed>, and of RSS's <channel>.
_ENTRIES_END = {ATOM: b"</feed>", RSS: b"  </channel>"}
# Changes whenever what a feed's bytes are made from changes in the code.
_WRITER_VERSION = f"guestlist.feeds 3, feedgen {feedgen_version}"


@dataclass(frozen=True)
class FeedFile:
    """One feed file to write: its link, its head and its entries, in the feed's order."""

    link: FeedLink
    head: FeedHead
    language: str | None
    entries: list[Entry]
    # Escaped texts shared by the feed's files in each format (Entry.bytes_in).
    escaped: dict | None = field(default=None, compare=False, repr=False)

    def key(self) -> str:
        """What the feed's bytes are made from, as a digest: kind and format, title,
        address, head, language and each entry's own fingerprint."""
        digest = hashlib.blake2b(digest_size=16)
        parts = (_WRITER_VERSION, repr(self.link), repr(self.head), repr(self.language))
        for part in parts:
            digest.update(part.encode())
            digest.update(b"\0")
        for entry in self.entries:
            digest.update(entry.fingerprint())
        return digest.hexdigest()

    def render(self) -> bytes:
        """The feed's bytes: feedgen's head, then each entry's bytes."""
        link, head = self.link, self.head
        feed = build_feed(
            link.title, head, max(entry.updated for entry in self.entries), self.language
        )
        feed.id(link.url)
        # RSS takes the last link as the channel's <link>: the page, after the feed itself.
        feed.link(
            [
                {"href": link.url, "rel": "self", "type": link.media_type},
                {"href": head.page_url, "rel": "alternate", "type": "text/html"},
            ],
            replace=True,
        )
        if link.format == ATOM:
            empty = feed.atom_str(pretty=True)
        else:
            empty = feed.rss_str(pretty=True)
        end = _ENTRIES_END[link.format]
        before, _, after = empty.rpartition(end)
        pieces = [before]
        for entry in self.entries:
            pieces += entry.bytes_in(link.format, self.escaped)
        pieces += (end, after)
        return b"".join(pieces)


class FeedMemo(Protocol):
    """What the build remembers of the files it wrote (build/memo.py's OutputMemo,
    which guestlist.build's writer holds)."""

    def unchanged(self, path: Path, key: str) -> bool: ...

    def record(self, path: Path, key: str, data: bytes) -> None: ...


def write_feed(feed: FeedFile, output: Path, memo: FeedMemo | None = None) -> str | None:
    """Write `feed` to its file, which must be inside `output`.

    Returns None, or what kept the feed from being written. The file's path
    and what its bytes are made from (`feed.key()`) are known here before
    anything is serialised: with a `memo` of the last build (build/memo.py, on
    when the content cache is), a feed whose key is unchanged, and whose file
    is as that build wrote it, is not written again; one written is recorded.

    The check is on the path as written (as Pelican's own writer checks), which
    catches a `..` from a setting or a slug without asking the disk each time.
    """
    link = feed.link
    output = Path(os.path.abspath(output))
    target = Path(os.path.abspath(output / link.save_as))
    if not target.is_relative_to(output):
        return (
            f"the feed {link.save_as!r} would be written outside the output folder, so "
            "it is not written; check the GUEST_SERIES_*_FEED_* settings and slugs"
        )
    key = feed.key() if memo is not None else None
    if key is not None and memo.unchanged(target, key):
        return None
    try:
        data = feed.render()
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
    except (OSError, ValueError) as error:
        return f"could not write the feed {link.save_as!r}: {error}"
    if key is not None:
        memo.record(target, key, data)
    logger.info('Writing "%s"', target)
    return None
