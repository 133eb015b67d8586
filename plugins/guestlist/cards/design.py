"""What a card looks like: its size, where each part goes, and the theme's colours.

The colours are the theme's light scheme (theme/static/css/style.css, as
theme/palette.py lists its backgrounds; tests/cards/test_design.py keeps
them equal) and the site's accent, THEME_ACCENT_COLOUR. A card is a picture
shown outside the site, on whatever background a reader's app has, so it
takes the light scheme only.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

RGB = tuple[int, int, int]

WIDTH, HEIGHT = 1200, 630  # what Open Graph and X's large card show best (1.91:1)

# The stylesheet's light scheme.
BACKGROUND = "#fdfcf9"
SURFACE = "#f3f0ea"
BORDER = "#d9d3c7"
TEXT = "#1f2328"
MUTED = "#5b5f66"
DEFAULT_ACCENT = "#a63d1c"

_HEX = re.compile(r"#?([0-9a-fA-F]{3}|[0-9a-fA-F]{6})")


@dataclass(frozen=True)
class Box:
    """A rectangle of the card: left, top, right, bottom (right and bottom excluded)."""

    left: int
    top: int
    right: int
    bottom: int

    @property
    def width(self) -> int:
        return self.right - self.left

    @property
    def height(self) -> int:
        return self.bottom - self.top


# Where each part goes. Tests read pixels at these places.
BAND = Box(0, 0, 24, HEIGHT)  # the accent band down the left edge
MARGIN = 80
SITE_NAME_BASELINE = 84
TITLE = Box(MARGIN, 124, WIDTH - MARGIN, 400)
FOOTER = Box(BAND.right, 440, WIDTH, HEIGHT)  # the guest's strip, on the surface colour
AVATAR_DIAMETER = 120
AVATAR = Box(
    MARGIN,
    FOOTER.top + (FOOTER.height - AVATAR_DIAMETER) // 2,
    MARGIN + AVATAR_DIAMETER,
    FOOTER.top + (FOOTER.height + AVATAR_DIAMETER) // 2,
)
RING = 4  # the accent ring around the avatar
NAME_LEFT = AVATAR.right + 32
NAME_BASELINE = AVATAR.top + 50
LABEL_BASELINE = AVATAR.top + 98
NAME_ALONE_BASELINE = AVATAR.top + 74  # no label under it: the name centred on the avatar
TEXT_RIGHT = WIDTH - MARGIN

# Sizes in pixels: the title's, largest first (the first at which it fits
# in TITLE_LINES is used), and the rest.
TITLE_SIZES = (64, 54)
TITLE_LINES = 3
TITLE_LEADING = 1.22
SITE_NAME_SIZE = 30
NAME_SIZE = 38
LABEL_SIZE = 28
INITIALS_SIZE = 48


@dataclass(frozen=True)
class Colours:
    """The card's colours, as (red, green, blue)."""

    background: RGB
    surface: RGB
    border: RGB
    text: RGB
    muted: RGB
    accent: RGB
    on_accent: RGB  # the initials, on the accent

    @classmethod
    def from_settings(cls, settings: Mapping[str, Any]) -> Colours:
        """The theme's light colours with the site's accent.

        An accent that is not #rrggbb is the theme's to report (theme/settings.py);
        the card then uses the stylesheet's own, as the page does.
        """
        accent = parse_colour(settings.get("THEME_ACCENT_COLOUR")) or parse_colour(
            DEFAULT_ACCENT
        )
        assert accent is not None
        # The initials: the page's background or its text, whichever reads better
        # on the accent (one of the card's colours, so its palette stays small).
        paper, ink = _known(BACKGROUND), _known(TEXT)
        on_accent = max((paper, ink), key=lambda colour: contrast(colour, accent))
        return cls(
            background=_known(BACKGROUND),
            surface=_known(SURFACE),
            border=_known(BORDER),
            text=ink,
            muted=_known(MUTED),
            accent=accent,
            on_accent=on_accent,
        )


def parse_colour(text: object) -> RGB | None:
    """`#rgb` or `#rrggbb` as (red, green, blue); None for anything else."""
    match = _HEX.fullmatch(str(text or "").strip())
    if match is None:
        return None
    digits = match.group(1)
    if len(digits) == 3:
        digits = "".join(digit * 2 for digit in digits)
    red, green, blue = (int(digits[i : i + 2], 16) for i in (0, 2, 4))
    return (red, green, blue)


def contrast(first: RGB, second: RGB) -> float:
    """WCAG 2's contrast ratio, to choose the initials' colour on the accent."""
    lighter, darker = sorted((_luminance(first), _luminance(second)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def _luminance(colour: RGB) -> float:
    def linear(channel: int) -> float:
        value = channel / 255
        return value / 12.92 if value <= 0.04045 else ((value + 0.055) / 1.055) ** 2.4

    red, green, blue = map(linear, colour)
    return 0.2126 * red + 0.7152 * green + 0.0722 * blue


def _known(text: str) -> RGB:
    colour = parse_colour(text)
    assert colour is not None
    return colour
