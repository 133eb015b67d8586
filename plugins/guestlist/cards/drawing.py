"""Drawing a card with Pillow, and turning a guest's own image into one.

A painter is made once a build, and only when a card has to be drawn: it
loads the fonts and draws what every card shares (the background, the accent
band, the guest's strip, the site's name) once, and each card starts from a
copy of that. The PNG is written with no metadata (no time, no text chunks),
so the same card is the same bytes in every build and every process.

A card with no photograph on it holds only the card's few colours and the
blends anti-aliasing makes between them, so it is written with a palette of
exactly those: every flat colour stays exact, and the PNG is less than half
the size and takes less than half the time to encode, which is most of a
card's cost. A card with a photograph (an avatar) keeps every colour.
Text is laid out by FreeType alone (Pillow's basic layout), not by libraqm,
which a Pillow build may or may not have: every host draws the same pixels.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont, ImageOps

from . import design
from .design import Colours
from .layout import ellipsised, fit

FONTS = Path(__file__).resolve().parent / "fonts"
REGULAR = FONTS / "DejaVuSans.ttf"
BOLD = FONTS / "DejaVuSans-Bold.ttf"
# Drawn this many times larger, then made smaller: smooth circle edges.
SUPERSAMPLE = 4
# zlib's level: 3 draws a card in two thirds of the time 6 (zlib's default)
# takes, for files a quarter larger (about 27 KB against 22 KB); 9 saves a few
# per cent more for twice the time.
PNG_COMPRESSION = 3
# Steps of each blend in the palette: anti-aliased edges need no more to look smooth.
BLEND_STEPS = 16
# How far from every flat colour a blend must be to have an entry of its own.
NEAREST_BLEND = 10


@dataclass(frozen=True)
class CardText:
    """What one generated card says, as plain text."""

    title: str
    name: str
    initials: str
    label: str  # "Guest #2 in Birthday Bloggers", or "" for a post in no series


class CardPainter:
    """Draws the cards of one build: fonts loaded, shared parts drawn, once."""

    def __init__(self, colours: Colours, site_name: str) -> None:
        self.colours = colours
        self.title_fonts = [_font(BOLD, size) for size in design.TITLE_SIZES]
        self.name_font = _font(BOLD, design.NAME_SIZE)
        self.label_font = _font(REGULAR, design.LABEL_SIZE)
        self.initials_font = _font(BOLD, design.INITIALS_SIZE)
        self.circle = _circle_mask(design.AVATAR_DIAMETER)
        self.ring = _circle_mask(design.AVATAR_DIAMETER + 2 * design.RING)
        self.base = self._base(site_name)
        self.palette = _palette(colours)

    def card(self, text: CardText, avatar: Image.Image | None) -> bytes:
        """The PNG of one card; `avatar` decoded already, or None for initials."""
        image = self.base.copy()
        draw = ImageDraw.Draw(image)
        self._title(draw, text.title)
        self._avatar(image, avatar, text.initials)
        width = design.TEXT_RIGHT - design.NAME_LEFT
        name = ellipsised(text.name, width, self.name_font.getlength)
        baseline = design.NAME_BASELINE if text.label else design.NAME_ALONE_BASELINE
        draw.text(
            (design.NAME_LEFT, baseline),
            name,
            font=self.name_font,
            fill=self.colours.text,
            anchor="ls",
        )
        if text.label:
            label = ellipsised(text.label, width, self.label_font.getlength)
            draw.text(
                (design.NAME_LEFT, design.LABEL_BASELINE),
                label,
                font=self.label_font,
                fill=self.colours.muted,
                anchor="ls",
            )
        if avatar is not None:
            return png(image)
        return png(image.quantize(palette=self.palette, dither=Image.Dither.NONE))

    def _base(self, site_name: str) -> Image.Image:
        colours = self.colours
        image = Image.new("RGB", (design.WIDTH, design.HEIGHT), colours.background)
        draw = ImageDraw.Draw(image)
        band, footer = design.BAND, design.FOOTER
        draw.rectangle(
            (band.left, band.top, band.right - 1, band.bottom - 1), colours.accent
        )
        draw.rectangle(
            (footer.left, footer.top, footer.right - 1, footer.bottom - 1), colours.surface
        )
        draw.rectangle(
            (footer.left, footer.top, footer.right - 1, footer.top + 1), colours.border
        )
        site_font = _font(REGULAR, design.SITE_NAME_SIZE)
        width = design.TEXT_RIGHT - design.MARGIN
        draw.text(
            (design.MARGIN, design.SITE_NAME_BASELINE),
            ellipsised(site_name, width, site_font.getlength),
            font=site_font,
            fill=colours.muted,
            anchor="ls",
        )
        # The accent ring, behind every avatar.
        ring = Image.new("RGB", self.ring.size, colours.accent)
        image.paste(
            ring,
            (design.AVATAR.left - design.RING, design.AVATAR.top - design.RING),
            self.ring,
        )
        return image

    def _title(self, draw: ImageDraw.ImageDraw, title: str) -> None:
        box = design.TITLE
        measures = [font.getlength for font in self.title_fonts]
        chosen, lines = fit(title, box.width, measures, design.TITLE_LINES)
        font = self.title_fonts[chosen]
        step = round(design.TITLE_SIZES[chosen] * design.TITLE_LEADING)
        for number, line in enumerate(lines):
            baseline = box.top + design.TITLE_SIZES[chosen] + number * step
            draw.text(
                (box.left, baseline), line, font=font, fill=self.colours.text, anchor="ls"
            )

    def _avatar(
        self, image: Image.Image, avatar: Image.Image | None, initials: str
    ) -> None:
        diameter = design.AVATAR_DIAMETER
        if avatar is not None:
            face = ImageOps.fit(
                avatar, (diameter, diameter), Image.Resampling.LANCZOS, centering=(0.5, 0.5)
            )
        else:
            face = Image.new("RGB", (diameter, diameter), self.colours.accent)
            if initials:
                ImageDraw.Draw(face).text(
                    (diameter / 2, diameter / 2),
                    initials,
                    font=self.initials_font,
                    fill=self.colours.on_accent,
                    anchor="mm",
                )
        image.paste(face, (design.AVATAR.left, design.AVATAR.top), self.circle)


def own_card(image: Image.Image, colours: Colours) -> bytes:
    """A guest's own image as a card: turned upright, filled to 1200×630 (its middle
    kept), any transparency on the card's background, as a PNG with no metadata.

    Drawing it anew also drops what the file carried besides its pixels (a
    camera's location, comments): only the pixels reach the site.
    """
    upright = ImageOps.exif_transpose(image)
    if upright.mode in ("RGBA", "LA", "P", "PA") or "transparency" in upright.info:
        flat = Image.new("RGB", upright.size, colours.background)
        flat.paste(upright.convert("RGBA"), mask=upright.convert("RGBA"))
        upright = flat
    filled = ImageOps.fit(
        upright.convert("RGB"),
        (design.WIDTH, design.HEIGHT),
        Image.Resampling.LANCZOS,
        centering=(0.5, 0.5),
    )
    return png(filled)


def avatar_image(image: Image.Image, colours: Colours) -> Image.Image:
    """A decoded avatar as RGB, upright, transparency on the card's surface colour."""
    upright = ImageOps.exif_transpose(image)
    rgba = upright.convert("RGBA")
    flat = Image.new("RGB", rgba.size, colours.surface)
    flat.paste(rgba, mask=rgba)
    return flat


def png(image: Image.Image) -> bytes:
    """`image` as PNG bytes: its pixels only, the same bytes for the same pixels."""
    buffer = io.BytesIO()
    image.save(buffer, "PNG", compress_level=PNG_COMPRESSION)
    return buffer.getvalue()


def _palette(colours: Colours) -> Image.Image:
    """A palette image of the card's colours and the blends between those that meet."""
    meeting = (
        (colours.text, colours.background),  # the title
        (colours.muted, colours.background),  # the site's name
        (colours.text, colours.surface),  # the guest's name
        (colours.muted, colours.surface),  # the label
        (colours.on_accent, colours.accent),  # the initials
        (colours.accent, colours.surface),  # the circle's edge
        (colours.accent, colours.background),
        (colours.border, colours.surface),
    )
    flat = [colours.background, colours.surface, colours.border]
    flat += [colours.text, colours.muted, colours.accent, colours.on_accent]
    blends = []
    for ink, paper in meeting:
        for step in range(1, BLEND_STEPS):
            share = step / BLEND_STEPS
            blend = tuple(
                round(a * share + b * (1 - share)) for a, b in zip(ink, paper, strict=True)
            )
            # Pillow maps a colour to the entry nearest the middle of its small
            # cube of colours: a blend this near a flat colour could take its
            # pixels. Without it, an edge pixel there takes the flat colour.
            if all(_distance(blend, colour) >= NEAREST_BLEND for colour in flat):
                blends.append(blend)
    found = flat + blends
    entries = list(dict.fromkeys(found))[:256]
    palette = Image.new("P", (1, 1))
    channels = [channel for colour in entries for channel in colour]
    palette.putpalette(channels + [0] * (768 - len(channels)))
    return palette


def _distance(first: tuple[int, ...], second: tuple[int, ...]) -> float:
    return sum((a - b) ** 2 for a, b in zip(first, second, strict=True)) ** 0.5


def _font(path: Path, size: int) -> ImageFont.FreeTypeFont:
    return ImageFont.truetype(str(path), size, layout_engine=ImageFont.Layout.BASIC)


def _circle_mask(diameter: int) -> Image.Image:
    """A smooth-edged disc, as an L mask of `diameter` pixels."""
    large = Image.new("L", (diameter * SUPERSAMPLE, diameter * SUPERSAMPLE), 0)
    ImageDraw.Draw(large).ellipse(
        (0, 0, diameter * SUPERSAMPLE - 1, diameter * SUPERSAMPLE - 1), fill=255
    )
    return large.resize((diameter, diameter), Image.Resampling.LANCZOS)
