"""Images a card is made from, read at the trust boundary: a guest's own, an avatar.

A post's `Image:` is guest input. It is checked once, here, as the profiles'
`Avatar:` is (series/sources.py): a path under the content folder, to a
file, that no link takes outside it; then by its bytes, not its name, as a
PNG, JPEG or WebP image of a sensible size. Pillow reads only the header
until a card is drawn; what cannot be used raises ImageRefused saying why,
in words a guest can act on.
"""

from __future__ import annotations

import hashlib
import io
import warnings
from dataclasses import dataclass
from pathlib import Path

from PIL import Image

from ..core.reading import inside

# What the bytes of each format the cards read start with.
SIGNATURES = {
    "PNG": (b"\x89PNG\r\n\x1a\n",),
    "JPEG": (b"\xff\xd8\xff",),
}
FORMATS = "a PNG, JPEG or WebP image"
# A card is 1200×630: more than this is a mistake (a camera's original), and
# a small file can claim enormous dimensions to exhaust memory when decoded.
MAX_BYTES = 10 * 1024 * 1024
MAX_SIDE = 8000
# A guest's image smaller than half the card would be blurred on every app.
MIN_OWN_SIZE = (600, 315)
EXAMPLE = "images/social/my-post.png"


class ImageRefused(ValueError):
    """An image that cannot be used; the message says why, after the field's value."""


@dataclass(frozen=True)
class ImageFile:
    """An image file's bytes, read once, with their digest (part of a card's key)."""

    path: Path
    data: bytes
    format: str  # "PNG", "JPEG" or "WEBP"
    width: int
    height: int

    @property
    def digest(self) -> str:
        return hashlib.sha256(self.data).hexdigest()

    def decoded(self) -> Image.Image:
        """The pixels, decoded now; ImageRefused if the file is damaged."""
        image = _open(self.data, self.format)
        try:
            image.load()
        except (OSError, SyntaxError, ValueError, Image.DecompressionBombError) as error:
            raise ImageRefused(
                f"is a damaged {self.format} file ({error}); save it again from an "
                "image editor"
            ) from error
        return image


def format_of(data: bytes) -> str | None:
    """ "PNG", "JPEG" or "WEBP" by the bytes' signature; None for anything else."""
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return "WEBP"
    for name, starts in SIGNATURES.items():
        if data.startswith(starts):
            return name
    return None


def read_own_image(raw: str, content_root: str | Path) -> ImageFile:
    """The image a post's `Image:` names, checked; ImageRefused saying why not."""
    root = Path(content_root)
    relative = raw.strip()
    if relative.startswith("{static}"):  # Pelican's link form: {static}/images/…
        relative = relative.removeprefix("{static}").lstrip("/")
    relative = relative.removeprefix("./")
    if (
        not relative
        or "://" in relative
        or relative.startswith(("/", "\\"))
        or ".." in Path(relative).parts
    ):
        raise ImageRefused(f"is not a path under {root.name}/ (write it like {EXAMPLE})")
    path = root / relative
    if not _is_file(path):
        raise ImageRefused(f"is not a file under {root.name}/ (check the spelling)")
    if not inside(path, root):
        raise ImageRefused(
            "is a link to something outside the content folder; put the image itself "
            f"under {root.name}/"
        )
    image = read_image(path)
    minimum_width, minimum_height = MIN_OWN_SIZE
    if image.width < minimum_width or image.height < minimum_height:
        raise ImageRefused(
            f"is {image.width}×{image.height} pixels, smaller than "
            f"{minimum_width}×{minimum_height}; give one of 1200×630"
        )
    return image


def read_image(path: Path) -> ImageFile:
    """An image file, known by its bytes and its header; ImageRefused if unusable."""
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise ImageRefused(
                f"is {size / 1024 / 1024:.1f} MB, more than the "
                f"{MAX_BYTES // 1024 // 1024} MB an image may be; save a smaller one "
                "(1200×630 is best)"
            )
        data = path.read_bytes()
    except OSError as error:
        raise ImageRefused(f"cannot be read ({error.strerror or error})") from error
    kind = format_of(data)
    if kind is None:
        raise ImageRefused(
            f"is not {FORMATS} by its contents, whatever its name says; save it as PNG, "
            "JPEG or WebP"
        )
    image = _open(data, kind)
    width, height = image.size
    if max(width, height) > MAX_SIDE:
        raise ImageRefused(
            f"is {width}×{height} pixels, more than {MAX_SIDE} on a side; save a smaller "
            "one (1200×630 is best)"
        )
    return ImageFile(path, data, kind, width, height)


def _open(data: bytes, kind: str) -> Image.Image:
    """The image's header, read by the one format its bytes claim."""
    try:
        with warnings.catch_warnings():
            # Pillow warns of a large image before refusing a huge one: either is ours.
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            return Image.open(io.BytesIO(data), formats=[kind])
    except (Image.DecompressionBombError, Image.DecompressionBombWarning) as error:
        raise ImageRefused(
            f"claims more pixels than an image may have, more than {MAX_SIDE} on a side; "
            "save a smaller one (1200×630 is best)"
        ) from error
    except (OSError, SyntaxError, ValueError) as error:
        raise ImageRefused(
            f"starts as a {kind} file but cannot be read as one ({error}); save it "
            "again from an image editor"
        ) from error


def _is_file(path: Path) -> bool:
    try:
        return path.is_file()
    except (OSError, ValueError):  # a name the file system cannot hold
        return False
