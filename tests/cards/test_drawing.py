"""The card's colours are the theme's, and the same card is the same bytes."""

import io
import re

import pytest
from PIL import Image

from conftest import ROOT
from guestlist.cards import design
from guestlist.cards.design import Colours, contrast, parse_colour
from guestlist.cards.drawing import CardPainter, CardText, own_card, png
from guestlist.theme import colours as theme_colours
from guestlist.theme.palette import DEFAULT_ACCENT, LIGHT_BACKGROUNDS

TEXT = CardText("A Title", "Jo Example", "JE", "Guest #2 in Spring Guests")


def light_scheme():
    """The stylesheet's light custom properties: {"--text": "#1f2328", …}."""
    css = (ROOT / "theme" / "static" / "css" / "style.css").read_text(encoding="utf-8")
    block = re.search(r"^:root\s*\{(.*?)\}", css, re.MULTILINE | re.DOTALL).group(1)
    return dict(re.findall(r"(--[\w-]+):\s*(#[0-9a-fA-F]{3,6})\s*;", block))


def pixels(data):
    """The card as a viewer shows it: in RGB, whether its PNG has a palette or not."""
    return Image.open(io.BytesIO(data)).convert("RGB")


def test_the_card_takes_the_themes_light_colours():
    light = light_scheme()
    for name, value in (
        ("--background", design.BACKGROUND),
        ("--surface", design.SURFACE),
        ("--border", design.BORDER),
        ("--text", design.TEXT),
        ("--muted", design.MUTED),
    ):
        assert light[name] == value, name
    assert LIGHT_BACKGROUNDS["--background"] == design.BACKGROUND
    assert DEFAULT_ACCENT == design.DEFAULT_ACCENT


def test_contrast_is_measured_as_the_theme_measures_it():
    for first, second in (("#ffffff", "#a63d1c"), ("#1f2328", "#ea9d85")):
        theirs = theme_colours.contrast(
            theme_colours.Colour.parse(first), theme_colours.Colour.parse(second)
        )
        assert contrast(parse_colour(first), parse_colour(second)) == pytest.approx(theirs)


def test_the_initials_take_whichever_of_paper_and_ink_reads_better():
    light = Colours.from_settings({"THEME_ACCENT_COLOUR": "#a63d1c"})
    assert light.on_accent == parse_colour(design.BACKGROUND)
    pale = Colours.from_settings({"THEME_ACCENT_COLOUR": "#f5d76e"})
    assert pale.on_accent == parse_colour(design.TEXT)


def test_an_accent_that_is_not_a_colour_gives_the_stylesheets():
    assert Colours.from_settings({"THEME_ACCENT_COLOUR": "tomato"}).accent == (
        parse_colour(design.DEFAULT_ACCENT)
    )


def test_a_card_is_the_same_bytes_from_two_painters():
    colours = Colours.from_settings({})
    first = CardPainter(colours, "Site").card(TEXT, None)
    second = CardPainter(colours, "Site").card(TEXT, None)
    assert first == second


def test_a_card_carries_no_metadata():
    data = CardPainter(Colours.from_settings({}), "Site").card(TEXT, None)
    image = Image.open(io.BytesIO(data))
    assert image.format == "PNG" and image.info == {}
    chunks = _chunk_types(data)
    assert chunks == ["IHDR", "PLTE", *["IDAT"] * chunks.count("IDAT"), "IEND"]
    avatar = Image.new("RGB", (10, 10), (0, 160, 0))
    photo = CardPainter(Colours.from_settings({}), "Site").card(TEXT, avatar)
    chunks = _chunk_types(photo)
    assert chunks == ["IHDR", *["IDAT"] * chunks.count("IDAT"), "IEND"]


def test_a_card_without_a_photograph_keeps_its_colours_exact_in_a_palette():
    colours = Colours.from_settings({"THEME_ACCENT_COLOUR": "#225588"})
    data = CardPainter(colours, "Site").card(TEXT, None)
    assert Image.open(io.BytesIO(data)).mode == "P"
    shown = set(colour for _, colour in pixels(data).getcolors(maxcolors=1 << 16))
    for name in ("background", "surface", "border", "text", "muted", "accent"):
        assert getattr(colours, name) in shown, name


def test_the_parts_are_where_the_design_puts_them():
    colours = Colours.from_settings({"THEME_ACCENT_COLOUR": "#225588"})
    image = pixels(CardPainter(colours, "Site").card(TEXT, None))
    assert image.size == (design.WIDTH, design.HEIGHT)
    assert image.getpixel((5, 300)) == (0x22, 0x55, 0x88)  # the band
    assert image.getpixel((1100, 420)) == parse_colour(design.BACKGROUND)
    assert image.getpixel((1100, 600)) == parse_colour(design.SURFACE)
    top = design.AVATAR.top + 10  # inside the circle, above the initials
    assert image.getpixel((design.AVATAR.left + 60, top)) == (0x22, 0x55, 0x88)


def test_a_raster_avatar_fills_its_circle():
    avatar = Image.new("RGB", (300, 200), (0, 160, 0))
    image = pixels(CardPainter(Colours.from_settings({}), "Site").card(TEXT, avatar))
    centre = (design.AVATAR.left + 60, design.AVATAR.top + 60)
    assert image.getpixel(centre) == (0, 160, 0)
    # Its corners are outside the circle: the strip shows there.
    assert image.getpixel((design.AVATAR.left + 2, design.AVATAR.top + 2)) == (
        parse_colour(design.SURFACE)
    )


def test_a_transparent_own_image_sits_on_the_cards_background():
    clear = Image.new("RGBA", (1200, 630), (0, 0, 0, 0))
    image = pixels(own_card(clear, Colours.from_settings({})))
    assert image.getpixel((600, 315)) == parse_colour(design.BACKGROUND)


def test_an_own_image_loses_everything_but_its_pixels():
    source = Image.new("RGB", (1200, 630), (1, 2, 3))
    exif = Image.Exif()
    exif[0x010E] = "a description with a location"
    buffer = io.BytesIO()
    source.save(buffer, "JPEG", exif=exif)
    data = own_card(Image.open(io.BytesIO(buffer.getvalue())), Colours.from_settings({}))
    assert b"location" not in data
    assert data == png(pixels(data))


def _chunk_types(data):
    """The PNG's chunk types, in order."""
    types, place = [], 8
    while place < len(data):
        length = int.from_bytes(data[place : place + 4], "big")
        types.append(data[place + 4 : place + 8].decode("ascii"))
        place += 12 + length
    return types
