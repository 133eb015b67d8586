"""guestlist.cards: a 1200×630 PNG preview card for each published post.

register() only adds the generator, which runs after the series generator
(the card shows a post's place in its series and its guest). The cards are
`article.social_image`, for the page's og:image and twitter:image; see
docs/social-cards.md.
"""

from __future__ import annotations

from typing import Any

from pelican import signals

from ..core.lifecycle import connect_core
from .generator import CardsGenerator


def get_generators(pelican: Any, **kwargs: Any) -> type:
    """get_generators: the cards, once posts, series and guests are known."""
    return CardsGenerator


def register() -> None:
    connect_core()
    signals.get_generators.connect(get_generators)
