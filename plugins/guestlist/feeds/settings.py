"""The feeds' settings: where each feed is written, and how many posts it holds."""

from __future__ import annotations

from urllib.parse import urlsplit

from ..core.settings import (
    Schema,
    Setting,
    positive_whole_number,
    relative_path,
    slug_pattern,
)


def is_absolute_web_url(url: str | None) -> bool:
    parts = urlsplit(url or "")
    return parts.scheme in ("http", "https") and bool(parts.netloc)


def absolute_web_url(value: str) -> str:
    if not is_absolute_web_url(value):
        raise ValueError("is not an absolute http(s) address, like 'http://127.0.0.1:8000'")
    return value.rstrip("/")


def plain_path(value: str) -> str:
    """The path of the one site feed: no placeholder."""
    try:
        formatted = value.format(slug="slug")
    except (KeyError, IndexError, ValueError):
        formatted = None
    if formatted != value:
        raise ValueError(
            "has a placeholder, but there is one site feed: write its path plainly"
        )
    return relative_path(value)


def _site_feed_path(name: str, default: str, feed: str) -> Setting:
    return Setting(
        name,
        default,
        f"where the site's {feed} feed is written under the output folder; None: none",
        (str,),
        optional=True,
        parse=plain_path,
    )


def _feed_path(name: str, default: str, kind: str, feed: str) -> Setting:
    return Setting(
        name,
        default,
        f"where each {kind}'s {feed} feed is written; {{slug}} is the {kind}'s slug; "
        "None: none",
        (str,),
        optional=True,
        parse=slug_pattern,
    )


SCHEMA = Schema(
    "feeds",
    (
        _site_feed_path("GUEST_SERIES_FEED_ATOM", "feeds/all.atom.xml", "Atom"),
        _site_feed_path("GUEST_SERIES_FEED_RSS", "feeds/all.rss.xml", "RSS 2.0"),
        _feed_path(
            "GUEST_SERIES_SERIES_FEED_ATOM",
            "feeds/series/{slug}.atom.xml",
            "series",
            "Atom",
        ),
        _feed_path(
            "GUEST_SERIES_SERIES_FEED_RSS",
            "feeds/series/{slug}.rss.xml",
            "series",
            "RSS 2.0",
        ),
        _feed_path(
            "GUEST_SERIES_AUTHOR_FEED_ATOM",
            "feeds/authors/{slug}.atom.xml",
            "author",
            "Atom",
        ),
        _feed_path(
            "GUEST_SERIES_AUTHOR_FEED_RSS",
            "feeds/authors/{slug}.rss.xml",
            "author",
            "RSS 2.0",
        ),
        _feed_path(
            "GUEST_SERIES_TAG_FEED_ATOM", "feeds/tags/{slug}.atom.xml", "tag", "Atom"
        ),
        _feed_path(
            "GUEST_SERIES_TAG_FEED_RSS", "feeds/tags/{slug}.rss.xml", "tag", "RSS 2.0"
        ),
        Setting(
            "GUEST_SERIES_FEED_MAX_ITEMS",
            20,
            "how many of the latest posts the site's feeds hold (series feeds hold all)",
            (int,),
            parse=positive_whole_number,
        ),
        Setting(
            "GUEST_SERIES_AUTHOR_TAG_FEED_MAX_ITEMS",
            20,
            "how many of the latest posts an author's or a tag's feed holds; None: all",
            (int,),
            optional=True,
            parse=positive_whole_number,
        ),
        Setting(
            "GUEST_SERIES_DEVELOPMENT_FEED_URL",
            None,
            "the address a development build (SITEURL = '') is served at, such as "
            "'http://127.0.0.1:8000', to write feeds there too; None: no feeds",
            (str,),
            optional=True,
            parse=absolute_web_url,
        ),
    ),
)
