"""The social cards' settings, and the metadata field a guest gives their own image in."""

from __future__ import annotations

from ..core.settings import Schema, Setting, slug_pattern

# The post's field naming an image of the guest's own, used instead of the card.
IMAGE_FIELD = "image"


def png_pattern(value: str) -> str:
    """A save-as pattern with {slug} whose files are PNG, as the cards are."""
    value = slug_pattern(value)
    if not value.lower().endswith(".png"):
        raise ValueError("must end in .png: every card is written as a PNG")
    return value


SCHEMA = Schema(
    "cards",
    (
        Setting(
            "GUEST_SERIES_CARDS",
            True,
            "draw a 1200×630 PNG preview card for each published post, its og:image",
            (bool,),
        ),
        Setting(
            "GUEST_SERIES_CARD_SAVE_AS",
            "images/cards/{slug}.png",
            "where each post's card is written under the output folder; {slug} is the "
            "post's slug ('{slug}-{lang}' for a translation)",
            (str,),
            parse=png_pattern,
        ),
    ),
    metadata_fields=(IMAGE_FIELD,),
)
