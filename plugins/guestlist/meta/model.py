"""What a page's head says of it: plain, frozen values the templates only print.

Pages are described in Python (pages.py) from validated data; the head
partial escapes a tag's content once, as any attribute, and prints the
JSON-LD as it is (it is made script-safe here, json_ld.py).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True, slots=True)
class MetaTag:
    """<meta {attribute}="{key}" content="{content}">."""

    attribute: str  # "name" or "property"
    key: str
    content: str


@dataclass(frozen=True, slots=True)
class Image:
    """A page's preview image, with an absolute URL."""

    url: str
    alt: str
    width: int | None = None
    height: int | None = None
    large: bool = False  # a wide card (summary_large_image), not an avatar


@dataclass(frozen=True, slots=True)
class PageFacts:
    """What the tags and the JSON-LD both say of one page.

    `url` is the page's absolute address, or None in a development build
    (SITEURL = ""), where no address is absolute and so none is given.
    """

    title: str
    description: str
    url: str | None
    og_type: str  # "article", "profile" or "website"
    json_ld: dict[str, Any]
    image: Image | None = None
    # Tags only this kind of page has (article:*, twitter:creator …).
    own_tags: tuple[MetaTag, ...] = field(default=())


@dataclass(frozen=True, slots=True)
class PageMeta:
    """What `partials/head_meta.html` prints in a page's <head>."""

    canonical: str | None
    tags: tuple[MetaTag, ...]
    json_ld: str  # script-safe JSON: print it with |safe inside <script>
    x_widgets: bool = False  # load X's widget script (the post has a tweet card)
