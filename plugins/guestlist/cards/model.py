"""What the cards give the rest of the build: each post's preview image."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class SocialImage:
    """A post's preview image, as `article.social_image`: for og:image and twitter:image.

    `url` is site-relative with no leading slash ("images/cards/slug.png"):
    prefix it with SITEURL and a slash. `alt` is plain text, to be escaped
    where it is written.
    """

    url: str
    width: int
    height: int
    alt: str
