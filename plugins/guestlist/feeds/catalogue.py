"""Which feeds the site has, where each one lives, and what it is called.

One catalogue serves both sides: the feed writer asks it where to write a
feed, and templates ask it which feeds to link from a page, so a page never
links a feed that was not written. It is read from the settings once a build,
and every setting it cannot use is reported by name.
"""

import logging
from dataclasses import dataclass
from urllib.parse import urlsplit

from ..series.settings import DEFAULTS

logger = logging.getLogger(__name__)

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
    def media_type(self):
        return MEDIA_TYPES[self.format]

    @property
    def format_name(self):
        return FORMAT_NAMES[self.format]

    @property
    def link_title(self):
        """What a page's <link rel="alternate"> calls the feed."""
        return f"{self.title} ({self.format_name})"


def is_absolute_web_url(url):
    parts = urlsplit(url or "")
    return parts.scheme in ("http", "https") and bool(parts.netloc)


def feed_base_url(settings):
    """The absolute address feeds link to, or None when no feeds can be written."""
    site_url = (settings.get("SITEURL") or "").rstrip("/")
    if is_absolute_web_url(site_url):
        return site_url
    development_url = settings.get("GUEST_SERIES_DEVELOPMENT_FEED_URL")
    if development_url:
        if is_absolute_web_url(development_url):
            return development_url.rstrip("/")
        logger.error(
            "Setting GUEST_SERIES_DEVELOPMENT_FEED_URL = %r is not an absolute "
            "http(s) address; write it like 'http://127.0.0.1:8000'. No feeds "
            "are written.",
            development_url,
        )
        return None
    if site_url:
        logger.warning(
            "Setting SITEURL = %r is not an absolute http(s) address, so no feeds "
            "are written (a feed needs absolute links); write it like "
            "'https://blog.example.com'.",
            site_url,
        )
    return None


def read_paths(settings):
    """{(kind, format): path pattern} for every usable path setting."""
    paths = {}
    for (kind, feed_format), name in PATH_SETTINGS.items():
        pattern = settings.get(name)
        if not pattern:
            continue
        reason = _path_problem(kind, pattern)
        if reason:
            logger.error(
                "Setting %s = %r %s; that feed is not written.", name, pattern, reason
            )
            continue
        paths[kind, feed_format] = pattern
    return paths


def _path_problem(kind, pattern):
    if not isinstance(pattern, str):
        return "is not a path"
    if pattern.startswith("/") or ".." in pattern.split("/"):
        return "must be a path inside the output folder, such as 'feeds/all.atom.xml'"
    try:
        formatted = pattern.format(slug="slug")
    except (KeyError, IndexError, ValueError) as error:
        return f"has a placeholder other than {{slug}} ({error})"
    if kind != SITE and formatted == pattern:
        return "needs {slug}, or every feed of the kind is written to one file"
    if kind == SITE and formatted != pattern:
        return "has a placeholder, but there is one site feed: write its path plainly"
    return None


def read_count(settings, name, allow_all):
    value = settings.get(name)
    if value is None and allow_all:
        return None
    if isinstance(value, int) and not isinstance(value, bool) and value > 0:
        return value
    logger.error(
        "Setting %s = %r is not a positive whole number%s; using the default %r.",
        name,
        value,
        " or None (all posts)" if allow_all else "",
        DEFAULTS[name],
    )
    return DEFAULTS[name]


def warn_about_pelican_feeds(settings):
    """Say which of Pelican's own feed settings would write feeds beside ours."""
    for name in PELICAN_FEED_SETTINGS:
        if settings.get(name):
            logger.warning(
                "Setting %s = %r makes Pelican write its own feed beside the "
                "guest_series feeds (and maybe over one of them); set %s = None.",
                name,
                settings[name],
                name,
            )


class FeedCatalogue:
    """Every feed of the site, by what it follows. Empty when feeds are off."""

    def __init__(self, base_url, paths, site_name, has_articles=True):
        self.base_url = base_url  # None: no feeds at all
        self.paths = paths
        self.site_name = site_name
        self.has_articles = has_articles

    @classmethod
    def from_settings(cls, settings, has_articles):
        base_url = feed_base_url(settings)
        if base_url is None:
            return cls(None, {}, "", has_articles)
        warn_about_pelican_feeds(settings)
        site_name = settings.get("SITENAME") or base_url
        return cls(base_url, read_paths(settings), site_name, has_articles)

    @property
    def enabled(self):
        return self.base_url is not None and bool(self.paths)

    def __bool__(self):
        return self.enabled

    @property
    def formats(self):
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
    def site(self):
        return self._links(SITE, None, self.site_name)

    def for_series(self, series):
        return self._links(SERIES, series.slug, f"{series.name} · {self.site_name}")

    def for_author(self, author):
        return self._links(AUTHOR, author.slug, f"{author.name} · {self.site_name}")

    def for_tag(self, tag):
        return self._links(TAG, tag.slug, f"Tagged “{tag.name}” · {self.site_name}")

    def for_page(self, series=None, author=None, tag=None):
        """The feeds a page links in its head: its own first, then the site's."""
        own = []
        if series:
            own = self.for_series(series)
        elif author:
            own = self.for_author(author)
        elif tag:
            own = self.for_tag(tag)
        return own + self.site
