"""Image files for the cards' tests, made with Pillow in a test's folder."""

import io

from PIL import Image


def image_bytes(size=(1200, 630), colour=(20, 120, 200), kind="PNG", mode="RGB"):
    buffer = io.BytesIO()
    Image.new(mode, size, colour).save(buffer, kind)
    return buffer.getvalue()


def write_image(path, **options):
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(image_bytes(**options))
    return path
