"""What the theme shows of each author: their initials, and whether they are the host.

The templates draw an initials avatar where a guest gives no picture, and
label the site's host apart from the guests. Both are worked out here, once
the articles are read, and set on Pelican's Author objects as plain values
(`author.initials`, `author.is_host`), so that a template only shows them.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

from ..core.initials import initials

# The generators' lists of content, each of which may name authors.
CONTENT_LISTS = (
    "articles",
    "translations",
    "hidden_articles",
    "hidden_translations",
    "drafts",
    "drafts_translations",
    "pages",
    "hidden_pages",
    "draft_pages",
    "draft_translations",
)


def mark_authors(generators: Iterable[Any], **kwargs: Any) -> None:
    """all_generators_finalized: give every Author its `initials` and `is_host`."""
    for generator in generators:
        host = generator.settings.get("THEME_HOST_NAME")
        for author in authors_of(generator):
            author.initials = initials(author.name)
            author.is_host = bool(host) and author.name == host


def authors_of(generator: Any) -> Iterator[Any]:
    """Every Author object `generator` holds: its authors list's and its content's."""
    for author, _ in getattr(generator, "authors", None) or ():
        yield author
    for name in CONTENT_LISTS:
        for content in getattr(generator, name, None) or ():
            yield from getattr(content, "authors", None) or ()
