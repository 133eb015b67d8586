"""The stylesheet's colours: equal to what the plugin checks against, and all AA.

Every pair of text and background colour the theme draws reaches WCAG AA
(4.5:1) in both schemes, and the accent the stylesheet ships is the one the
plugin would compute for it, so a site that sets nothing gets the same page.
"""

import re

import pytest

from conftest import ROOT
from guestlist.theme.colours import AA_TEXT, Colour, contrast
from guestlist.theme.palette import (
    DARK_BACKGROUNDS,
    DEFAULT_ACCENT,
    DEFAULT_ACCENT_DARK,
    LIGHT_BACKGROUNDS,
)
from guestlist.theme.settings import accent_colours

STYLESHEET = ROOT / "theme" / "static" / "css" / "style.css"
TEXT_COLOURS = ("--text", "--muted", "--accent")


def custom_properties(block):
    return dict(re.findall(r"(--[\w-]+):\s*(#[0-9a-fA-F]{3,6})\s*;", block))


def schemes():
    """{"light": {property: colour}, "dark": {...}} as the stylesheet sets them."""
    css = STYLESHEET.read_text(encoding="utf-8")
    light = re.search(r"^:root\s*\{(.*?)\}", css, re.MULTILINE | re.DOTALL).group(1)
    dark = re.search(
        r"@media \(prefers-color-scheme: dark\)\s*\{\s*:root\s*\{(.*?)\}", css, re.DOTALL
    ).group(1)
    return {"light": custom_properties(light), "dark": custom_properties(dark)}


@pytest.mark.parametrize(
    ("scheme", "expected"), [("light", LIGHT_BACKGROUNDS), ("dark", DARK_BACKGROUNDS)]
)
def test_the_plugin_checks_against_the_stylesheets_own_backgrounds(scheme, expected):
    declared = schemes()[scheme]
    assert {name: declared[name] for name in expected} == expected


def test_the_stylesheets_accent_is_the_default_the_plugin_computes():
    declared = schemes()
    assert declared["light"]["--accent"] == DEFAULT_ACCENT
    assert declared["dark"]["--accent"] == DEFAULT_ACCENT_DARK
    light, dark = accent_colours(DEFAULT_ACCENT, None)
    assert (light.hex, dark.hex) == (DEFAULT_ACCENT, DEFAULT_ACCENT_DARK)


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_every_text_colour_reaches_aa_on_every_background(scheme):
    declared = schemes()[scheme]
    table = LIGHT_BACKGROUNDS if scheme == "light" else DARK_BACKGROUNDS
    low = [
        f"{text} on {background}: {ratio:.2f}"
        for text in TEXT_COLOURS
        for background in table
        if (
            ratio := contrast(
                Colour.parse(declared[text]), Colour.parse(declared[background])
            )
        )
        < AA_TEXT
    ]
    assert low == []
