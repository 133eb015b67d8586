"""Open Graph tags (og:*), what share previews read, from a page's facts."""

from __future__ import annotations

from .model import MetaTag, PageFacts


def open_graph_tags(facts: PageFacts, site_name: str) -> list[MetaTag]:
    """og:type, og:title, og:url, og:description, og:site_name and og:image*."""
    tags = [
        MetaTag("property", "og:type", facts.og_type),
        MetaTag("property", "og:title", facts.title),
    ]
    if facts.url:
        tags.append(MetaTag("property", "og:url", facts.url))
    if facts.description:
        tags.append(MetaTag("property", "og:description", facts.description))
    if site_name:
        tags.append(MetaTag("property", "og:site_name", site_name))
    image = facts.image
    if image is not None:
        tags.append(MetaTag("property", "og:image", image.url))
        if image.width and image.height:
            tags.append(MetaTag("property", "og:image:width", str(image.width)))
            tags.append(MetaTag("property", "og:image:height", str(image.height)))
        if image.alt:
            tags.append(MetaTag("property", "og:image:alt", image.alt))
    return tags
