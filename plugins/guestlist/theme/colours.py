"""sRGB colours and WCAG 2 contrast: parse, measure, and adjust until legible.

The formulas are WCAG 2.2's definitions of relative luminance and contrast
ratio; AA asks for 4.5:1 for body text.
"""

from __future__ import annotations

import colorsys
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Self

AA_TEXT = 4.5

_HEX = re.compile(r"#?([0-9a-fA-F]{3}|[0-9a-fA-F]{6})")


@dataclass(frozen=True)
class Colour:
    """An opaque sRGB colour, each channel 0–255."""

    red: int
    green: int
    blue: int

    @classmethod
    def parse(cls, text: object) -> Self:
        """`#rgb` or `#rrggbb` (the # optional); ValueError for anything else."""
        match = _HEX.fullmatch(str(text).strip())
        if match is None:
            raise ValueError(f"{text!r} is not a colour written as #rrggbb")
        digits = match.group(1)
        if len(digits) == 3:
            digits = "".join(digit * 2 for digit in digits)
        return cls(*(int(digits[i : i + 2], 16) for i in (0, 2, 4)))

    @property
    def hex(self) -> str:
        return f"#{self.red:02x}{self.green:02x}{self.blue:02x}"

    @property
    def luminance(self) -> float:
        """Relative luminance: 0 for black, 1 for white."""

        def linear(channel: int) -> float:
            value = channel / 255
            if value <= 0.04045:
                return value / 12.92
            return ((value + 0.055) / 1.055) ** 2.4

        return (
            0.2126 * linear(self.red)
            + 0.7152 * linear(self.green)
            + 0.0722 * linear(self.blue)
        )

    def with_lightness(self, lightness: float) -> Colour:
        """The same hue and saturation at HLS `lightness` (0 black, 1 white)."""
        hue, _, saturation = colorsys.rgb_to_hls(
            self.red / 255, self.green / 255, self.blue / 255
        )
        channels = colorsys.hls_to_rgb(hue, lightness, saturation)
        return Colour(*(round(channel * 255) for channel in channels))

    @property
    def lightness(self) -> float:
        return colorsys.rgb_to_hls(self.red / 255, self.green / 255, self.blue / 255)[1]


def contrast(first: Colour, second: Colour) -> float:
    """The WCAG contrast ratio of two colours, from 1 (same) to 21 (black on white)."""
    lighter, darker = sorted((first.luminance, second.luminance), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def worst_contrast(colour: Colour, backgrounds: Iterable[Colour]) -> float:
    """The lowest contrast `colour` has against any of `backgrounds`."""
    return min(contrast(colour, background) for background in backgrounds)


def legible_on(
    colour: Colour, backgrounds: Sequence[Colour], minimum: float = AA_TEXT
) -> Colour:
    """`colour`, or the colour nearest it that reaches `minimum` on every background.

    Only the lightness changes, in steps of 1 %: darker on light backgrounds,
    lighter on dark ones, so the hue and saturation (what makes an accent
    recognisable) stay, and the change is the least that passes.
    """
    if worst_contrast(colour, backgrounds) >= minimum:
        return colour
    darkest = min(background.luminance for background in backgrounds)
    # Below this luminance white text contrasts more than black does.
    direction = -1 if darkest > 0.18 else 1
    lightness = colour.lightness
    candidate = colour
    while 0 <= lightness <= 1:
        lightness += direction * 0.01
        candidate = colour.with_lightness(min(max(lightness, 0), 1))
        if worst_contrast(candidate, backgrounds) >= minimum:
            break
    return candidate
