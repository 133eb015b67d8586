"""Which feeds the site has, where each one lives, and what it is called.

One catalogue serves both sides: the feed writer asks it where to write a
feed, and templates ask it which feeds to link from a page, so a page never
links a feed that was not written. It is made from the settings (which the
schema in settings.py has checked) once a build.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Self

from ..core.problems import ContentProblem
from .settings import is_absolute_web_url

ATOM = "atom"
RSS = "rss"
MEDIA_TYPES = {ATOM: "application/atom+xml", RSS: "application/rss+xml"}
FORMAT_NAMES = {ATOM: "Atom", RSS: "RSS"}

SITE = "site"
SERIES = "series"
AUTHOR = "author"
TAG = "tag"
# The setting naming each kind's path in each format.
PATH_SETTINGS = {
    (SITE, ATOM): "GUEST_SERIES_FEED_ATOM",
    (SITE, RSS): "GUEST_SERIES_FEED_RSS",
    (SERIES, ATOM): "GUEST_SERIES_SERIES_FEED_ATOM",
    (SERIES, RSS): "GUEST_SERIES_SERIES_FEED_RSS",
    (AUTHOR, ATOM): "GUEST_SERIES_AUTHOR_FEED_ATOM",
    (AUTHOR, RSS): "GUEST_SERIES_AUTHOR_FEED_RSS",
    (TAG, ATOM): "GUEST_SERIES_TAG_FEED_ATOM",
    (TAG, RSS): "GUEST_SERIES_TAG_FEED_RSS",
}
# Pelican's own feed writer: left on, it writes a second set of feeds.
PELICAN_FEED_SETTINGS = (
    "FEED_ATOM",
    "FEED_RSS",
    "FEED_ALL_ATOM",
    "FEED_ALL_RSS",
    "CATEGORY_FEED_ATOM",
    "CATEGORY_FEED_RSS",
    "AUTHOR_FEED_ATOM",
    "AUTHOR_FEED_RSS",
    "TAG_FEED_ATOM",
    "TAG_FEED_RSS",
    "TRANSLATION_FEED_ATOM",
    "TRANSLATION_FEED_RSS",
)


@dataclass(frozen=True)
class FeedLink:
    """One feed file: where it is written, its address and its title."""

    format: str  # ATOM or RSS
    save_as: str  # under the output folder
    url: str  # absolute
    title: str  # the feed's own title

    @property
    def media_type(self) -> str:
        return MEDIA_TYPES[self.format]

    @property
    def format_name(self) -> str:
        return FORMAT_NAMES[self.format]

    @property
    def link_title(self) -> str:
        """What a page's <link rel="alternate"> calls the feed."""
        return f"{self.title} ({self.format_name})"


def feed_base_url(settings: Mapping[str, Any]) -> str | None:
    """The absolute address feeds link to, or None when no feeds can be written."""
    site_url = (settings.get("SITEURL") or "").rstrip("/")
    if is_absolute_web_url(site_url):
        return site_url
    return settings.get("GUEST_SERIES_DEVELOPMENT_FEED_URL")


def read_paths(settings: Mapping[str, Any]) -> dict[tuple[str, str], str]:
    """{(kind, format): path pattern} of every feed switched on (checked by the schema)."""
    return {
        key: settings[name] for key, name in PATH_SETTINGS.items() if settings.get(name)
    }


def settings_problems(
    settings: Mapping[str, Any], settings_file: str
) -> list[ContentProblem]:
    """What in the settings keeps feeds from being written as the host expects."""
    problems = []
    site_url = (settings.get("SITEURL") or "").rstrip("/")
    if site_url and not is_absolute_web_url(site_url):
        problems.append(
            ContentProblem(
                path=settings_file,
                message=f"SITEURL = {site_url!r} is not an absolute http(s) address, "
                "so no feeds are written (a feed needs absolute links)",
                field="SITEURL",
                fix="write it like 'https://blog.example.com'",
            )
        )
    for name in PELICAN_FEED_SETTINGS:
        if settings.get(name):
            problems.append(
                ContentProblem(
                    path=settings_file,
                    message=f"{name} = {settings[name]!r} makes Pelican write its own "
                    "feed beside Guestlist's (and maybe over one of them)",
                    field=name,
                    fix=f"set {name} = None",
                )
            )
    return problems


class FeedCatalogue:
    """Every feed of the site, by what it follows. Empty when feeds are off."""

    def __init__(
        self,
        base_url: str | None,
        paths: Mapping[tuple[str, str], str],
        site_name: str,
        has_articles: bool = True,
    ) -> None:
        self.base_url = base_url  # None: no feeds at all
        self.paths = paths
        self.site_name = site_name
        self.has_articles = has_articles

    @classmethod
    def from_settings(cls, settings: Mapping[str, Any], has_articles: bool) -> Self:
        base_url = feed_base_url(settings)
        if base_url is None:
            return cls(None, {}, "", has_articles)
        site_name = settings.get("SITENAME") or base_url
        return cls(base_url, read_paths(settings), site_name, has_articles)

    @property
    def enabled(self) -> bool:
        return self.base_url is not None and bool(self.paths)

    def __bool__(self):
        return self.enabled

    @property
    def formats(self) -> list[str]:
        """The formats ("atom", "rss") at least one feed is written in."""
        return sorted({feed_format for _, feed_format in self.paths})

    def _links(self, kind, slug, title):
        if self.base_url is None or not self.has_articles or (kind != SITE and not slug):
            return []
        links = []
        for feed_format in (ATOM, RSS):
            pattern = self.paths.get((kind, feed_format))
            if pattern is None:
                continue
            save_as = pattern.format(slug=slug) if kind != SITE else pattern
            links.append(
                FeedLink(feed_format, save_as, f"{self.base_url}/{save_as}", title)
            )
        return links

    # What templates and the writer ask for.
    @property
    def site(self) -> list[FeedLink]:
        return self._links(SITE, None, self.site_name)

    def for_series(self, series: Any) -> list[FeedLink]:
        """A series' feeds (`series` a Series, or an article's SeriesPosition).

        A series with no page (translations, pages) has no feed either.
        """
        if not getattr(series, "url", None):
            return []
        return self._links(SERIES, series.slug, f"{series.name} · {self.site_name}")

    def for_author(self, author: Any) -> list[FeedLink]:
        return self._links(AUTHOR, author.slug, f"{author.name} · {self.site_name}")

    def for_tag(self, tag: Any) -> list[FeedLink]:
        return self._links(TAG, tag.slug, f"Tagged “{tag.name}” · {self.site_name}")

    def for_page(
        self, series: Any = None, author: Any = None, tag: Any = None, article: Any = None
    ) -> list[FeedLink]:
        """The feeds a page links in its head: its own first, then the site's.

        A series page links its series' feeds, an author page its author's, a
        tag page its tag's; a post links its series' (if it is in one), then
        its author's, so that a reader can follow either from any post.
        """
        if article is not None:
            series = series or getattr(article, "series", None)
            author = author or getattr(article, "author", None)
        own = []
        if series:
            own += self.for_series(series)
        if author:
            own += self.for_author(author)
        if tag:
            own += self.for_tag(tag)
        return own + self.site

    def follow(self, series: Any = None, author: Any = None) -> FeedOffer | None:
        """What a page offers to follow by feed, in words: a series, or else an author.

        None when that has no feed (a development build, a series of
        translations), so a page never offers a feed that was not written.
        """
        if series:
            return FeedOffer(str(series.name), tuple(self.for_series(series))) or None
        if author:
            return FeedOffer(str(author.name), tuple(self.for_author(author))) or None
        return None


@dataclass(frozen=True)
class FeedOffer:
    """A visible offer to follow something by feed: "Follow <name> by feed: Atom or RSS"."""

    name: str  # the series' or the author's name, as the page shows it
    links: tuple[FeedLink, ...]

    def __bool__(self) -> bool:
        return bool(self.links)
