"""The theme's colours that text is drawn on, as theme/static/css/style.css sets them.

The accent colour is checked against these; tests/test_theme_palette.py
keeps them equal to the stylesheet's custom properties.
"""

from __future__ import annotations

from .colours import Colour

# Custom property -> colour, for the light scheme and for the dark one.
LIGHT_BACKGROUNDS = {
    "--background": "#fdfcf9",
    "--surface": "#f3f0ea",
    "--note": "#fdf3d7",
}
DARK_BACKGROUNDS = {
    "--background": "#141619",
    "--surface": "#1f2227",
    "--note": "#2a2415",
}

# The stylesheet's own accent: what a site that sets no accent colour gets.
DEFAULT_ACCENT = "#a63d1c"
DEFAULT_ACCENT_DARK = "#ea9d85"


def backgrounds(scheme: str) -> list[Colour]:
    """The background Colours of `scheme` ("light" or "dark")."""
    table = LIGHT_BACKGROUNDS if scheme == "light" else DARK_BACKGROUNDS
    return [Colour.parse(value) for value in table.values()]
