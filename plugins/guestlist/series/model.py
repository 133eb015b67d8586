"""The plugin's data: guest profiles, series descriptions and built series.

Plain values with no Pelican imports, so that they are easy to build in tests
and safe to hand to templates.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

from ..core.handles import Handle, website_label
from .bio import one_line


@dataclass(frozen=True)
class ProfileLink:
    """One of a guest's links as a page shows it: "Follow @jo on X"."""

    network: str  # "x", "mastodon", "bluesky" or "website"
    text: str
    url: str


@dataclass(frozen=True)
class GuestProfile:
    """A guest as `content/authors/<slug>.md` describes them.

    Handles are `handles.Handle` values, already validated; a bad one was
    reported where it was read and is None here.
    """

    slug: str  # the file's name, slugified: the author page's address
    name: str
    source_path: str
    bio_html: str = ""
    x: Handle | None = None
    mastodon: Handle | None = None
    bluesky: Handle | None = None
    website: str | None = None  # an absolute http(s) URL
    avatar: str | None = None  # a path under the content folder

    @property
    def twitter(self) -> Handle | None:
        """The X handle under its old name, for themes written before the rename."""
        return self.x

    @property
    def handles(self) -> list[Handle]:
        return [handle for handle in (self.x, self.mastodon, self.bluesky) if handle]

    @property
    def handle(self) -> Handle | None:
        """The one handle a byline shows beside the name: X's, Mastodon's or Bluesky's."""
        return next(iter(self.handles), None)

    # Cached: every page of the guest's posts asks for them. (A frozen
    # dataclass allows it: cached_property writes to the instance's __dict__.)
    @cached_property
    def links(self) -> list[ProfileLink]:
        """Every profile link, handles first, then the website."""
        links = [
            ProfileLink(
                handle.network,
                f"Follow {handle.text} on {handle.network_name}",
                handle.url,
            )
            for handle in self.handles
        ]
        if self.website:
            links.append(
                ProfileLink("website", f"Visit {website_label(self.website)}", self.website)
            )
        return links

    @cached_property
    def one_line_bio(self) -> str:
        """The bio's first sentence as plain text: what lists of guests show."""
        return one_line(self.bio_html)

    @cached_property
    def same_as(self) -> list[str]:
        """The addresses of the guest's profiles elsewhere (JSON-LD `sameAs`)."""
        return [link.url for link in self.links]


@dataclass(frozen=True)
class SeriesDescription:
    """A series as `content/series/<slug>.md` describes it."""

    slug: str
    title: str
    source_path: str
    singular: str | None = None
    plural: str | None = None
    host: str | None = None
    description_html: str = ""
    host_notes: bool = True  # False: `Host_notes: off`, no missing-note warnings


@dataclass
class Series:
    """A series of published posts, ordered by guest number.

    `articles` holds Pelican Article objects; everything else is plain data.
    """

    name: str
    slug: str
    singular: str
    plural: str
    host: str | None
    description_html: str
    url: str
    save_as: str
    articles: list = field(default_factory=list)
    description_path: str | None = None
    host_notes: bool = True
    # The language of a series of translations (see generator.py); None for the
    # site's own series, in whatever language their posts are.
    lang: str | None = None

    @property
    def count(self) -> int:
        return len(self.articles)

    @property
    def first(self) -> Any:
        return self.articles[0] if self.articles else None

    @property
    def last(self) -> Any:
        return self.articles[-1] if self.articles else None

    @property
    def one_line_description(self) -> str:
        """The description's first sentence as plain text: what the list of series shows."""
        return one_line(self.description_html)

    @property
    def entries(self) -> list[SeriesPosition]:
        """The SeriesPosition of every post, in order: what series pages list."""
        return [article.series for article in self.articles]


class _OfTheSeries:
    """An attribute of a SeriesPosition that is its series' attribute of the same name."""

    def __set_name__(self, owner: type, name: str) -> None:
        self.name = name

    def __get__(self, position: SeriesPosition | None, owner: type | None = None) -> Any:
        if position is None:
            return self
        return getattr(position.series, self.name)


@dataclass
class SeriesPosition:
    """Where one article stands in its series: what `article.series` gives templates."""

    series: Series
    article: object
    place: int  # 0-based place in series.articles
    number: int  # the guest's number as shown ("Guest #number")
    label: str  # "Guest #2"
    position_label: str  # "2 of 7"
    previous: object = None
    next: object = None
    previous_label: str | None = None
    next_label: str | None = None
    # The neighbours' URLs, worked out once: Pelican computes an article's
    # URL afresh on every access, and a page links each neighbour three times.
    previous_url: str | None = None
    next_url: str | None = None
    all_label: str = ""

    # Names templates written for pelican-series use, with its meanings.
    @property
    def index(self) -> int:
        """pelican-series' index: the place in `all`, from 1 (not the guest's number)."""
        return self.place + 1

    @property
    def all_previous(self) -> list[Any]:
        return self.series.articles[: self.place]

    @property
    def all_next(self) -> list[Any]:
        return self.series.articles[self.place + 1 :]

    # What the series itself says, read through the position.
    name = _OfTheSeries()
    slug = _OfTheSeries()
    url = _OfTheSeries()
    singular = _OfTheSeries()
    host = _OfTheSeries()
    description_html = _OfTheSeries()
    first = _OfTheSeries()
    last = _OfTheSeries()
    count = _OfTheSeries()
    lang = _OfTheSeries()

    @property
    def all(self) -> list[Any]:
        return self.series.articles
