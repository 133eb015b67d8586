"""X card tags (twitter:*): the card's kind, the site's handle, its image."""

from __future__ import annotations

from .model import MetaTag, PageFacts


def x_card_tags(facts: PageFacts, site_handle: str | None) -> list[MetaTag]:
    """twitter:card, twitter:site and twitter:image (X reads the rest from og:*).

    A wide social card is `summary_large_image`; a page with no image, or
    only an avatar (square, small), is a `summary` card.
    """
    image = facts.image
    kind = "summary_large_image" if image is not None and image.large else "summary"
    tags = [MetaTag("name", "twitter:card", kind)]
    if site_handle:
        tags.append(MetaTag("name", "twitter:site", site_handle))
    if image is not None:
        tags.append(MetaTag("name", "twitter:image", image.url))
        if image.alt:
            tags.append(MetaTag("name", "twitter:image:alt", image.alt))
    return tags
