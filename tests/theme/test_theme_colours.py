"""WCAG contrast, and moving a colour the least that makes it legible."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from guestlist.theme.colours import AA_TEXT, Colour, contrast, legible_on, worst_contrast

WHITE = Colour(255, 255, 255)
BLACK = Colour(0, 0, 0)
colours = st.builds(Colour, *(st.integers(0, 255),) * 3)


def test_contrast_matches_wcags_reference_values():
    assert contrast(BLACK, WHITE) == pytest.approx(21)
    assert contrast(WHITE, WHITE) == pytest.approx(1)
    # #767676 is the lightest grey that passes AA on white; #777777 fails.
    assert contrast(Colour.parse("#767676"), WHITE) == pytest.approx(4.54, abs=0.01)
    assert contrast(Colour.parse("#777777"), WHITE) < AA_TEXT


@pytest.mark.parametrize(
    ("text", "expected"),
    [("#a63d1c", (166, 61, 28)), ("A63D1C", (166, 61, 28)), ("#fc0", (255, 204, 0))],
)
def test_colours_parse_from_hex(text, expected):
    assert Colour.parse(text) == Colour(*expected)
    assert Colour.parse(Colour(*expected).hex) == Colour(*expected)


@pytest.mark.parametrize(
    "text", ["red", "#12345", "#gggggg", "", "rgb(0,0,0)", "#a63d1c;}"]
)
def test_anything_but_hex_is_refused(text):
    with pytest.raises(ValueError, match="#rrggbb"):
        Colour.parse(text)


def test_a_legible_colour_is_left_alone():
    accent = Colour.parse("#a63d1c")
    assert legible_on(accent, [WHITE]) == accent


def test_a_pale_colour_is_darkened_on_light_backgrounds_and_keeps_its_hue():
    yellow = Colour.parse("#ffd400")
    darker = legible_on(yellow, [WHITE, Colour.parse("#f3f0ea")])
    assert worst_contrast(darker, [WHITE, Colour.parse("#f3f0ea")]) >= AA_TEXT
    assert darker.luminance < yellow.luminance
    assert darker.red >= darker.green > darker.blue  # still a yellow-orange


def test_a_dark_colour_is_lightened_on_dark_backgrounds():
    navy = Colour.parse("#1a237e")
    lighter = legible_on(navy, [Colour.parse("#141619")])
    assert contrast(lighter, Colour.parse("#141619")) >= AA_TEXT
    assert lighter.luminance > navy.luminance
    assert lighter.blue > lighter.red


@given(colours, colours)
def test_the_result_always_reaches_the_minimum_on_one_background(colour, background):
    assert contrast(legible_on(colour, [background]), background) >= AA_TEXT


@given(colours)
def test_the_change_is_the_least_that_passes(colour):
    backgrounds = [Colour.parse("#fdfcf9"), Colour.parse("#f3f0ea")]
    fixed = legible_on(colour, backgrounds)
    if fixed == colour:
        assert worst_contrast(colour, backgrounds) >= AA_TEXT
    else:
        # Luminance grows with lightness, so anything lighter than one step
        # before the result still fails.
        smaller_change = colour.with_lightness(min(fixed.lightness + 0.015, 1))
        assert worst_contrast(smaller_change, backgrounds) < AA_TEXT
