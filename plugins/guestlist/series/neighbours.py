"""Chronological previous/next links, for posts outside any series.

Pelican itself gives articles no neighbours; this gives every published,
listed article `previous_article` (older) and `next_article` (newer), the way
the pelican-neighbors plugin does, so posts outside a series can link on.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any


def attach_chronological_neighbours(
    published: Iterable[Any], unlisted: Iterable[Any]
) -> None:
    """Link each of `published` to the one before and after it by date."""
    ordered = sorted(published, key=lambda article: (article.date, article.source_path))
    for place, article in enumerate(ordered):
        article.previous_article = ordered[place - 1] if place > 0 else None
        article.next_article = ordered[place + 1] if place + 1 < len(ordered) else None
    # Drafts and hidden posts link to nothing, and nothing links to them.
    for article in unlisted:
        article.previous_article = None
        article.next_article = None
