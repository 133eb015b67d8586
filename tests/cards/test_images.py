"""A guest's own image is checked where it is read: each way it can be wrong, said."""

import os
import zlib

import pytest
from cards_images import image_bytes, write_image

from guestlist.cards import images
from guestlist.cards.images import ImageRefused, format_of, read_own_image


@pytest.fixture
def content(tmp_path):
    root = tmp_path / "content"
    root.mkdir()
    return root


@pytest.mark.parametrize("kind", ["PNG", "JPEG", "WEBP"])
def test_png_jpeg_and_webp_are_read(content, kind):
    write_image(content / "images" / "mine.img", kind=kind)
    image = read_own_image("images/mine.img", content)
    assert (image.format, image.width, image.height) == (kind, 1200, 630)
    assert image.decoded().size == (1200, 630)


def test_pelicans_static_link_form_is_understood(content):
    write_image(content / "images" / "mine.png")
    assert read_own_image("{static}/images/mine.png", content).width == 1200
    assert read_own_image("./images/mine.png", content).width == 1200


@pytest.mark.parametrize(
    "raw", ["https://example.com/a.png", "/etc/passwd", "images/../../a.png", ""]
)
def test_a_value_that_is_not_a_path_under_content_is_refused(content, raw):
    with pytest.raises(ImageRefused, match="is not a path under content/"):
        read_own_image(raw, content)


def test_a_missing_file_is_refused(content):
    with pytest.raises(ImageRefused, match="is not a file under content/"):
        read_own_image("images/nowhere.png", content)


def test_a_link_out_of_the_content_folder_is_refused(content, tmp_path):
    outside = write_image(tmp_path / "secret.png")
    (content / "images").mkdir()
    os.symlink(outside, content / "images" / "link.png")
    with pytest.raises(ImageRefused, match="link to something outside"):
        read_own_image("images/link.png", content)


def test_a_file_that_is_not_an_image_by_its_bytes_is_refused(content):
    (content / "fake.png").write_text("<svg xmlns='http://www.w3.org/2000/svg'/>")
    with pytest.raises(ImageRefused, match="not a PNG, JPEG or WebP image by its"):
        read_own_image("fake.png", content)


def test_a_file_too_large_is_refused_before_it_is_read(content, monkeypatch):
    write_image(content / "big.png")
    monkeypatch.setattr(images, "MAX_BYTES", 100)
    with pytest.raises(ImageRefused, match="more than the 0 MB"):
        read_own_image("big.png", content)


def test_a_file_that_only_starts_like_an_image_is_refused(content):
    (content / "broken.png").write_bytes(b"\x89PNG\r\n\x1a\n" + b"junk" * 20)
    with pytest.raises(ImageRefused, match="starts as a PNG file but cannot be read"):
        read_own_image("broken.png", content)


def test_an_image_with_huge_dimensions_is_refused_before_decoding(content):
    write_image(content / "wide.png", size=(9000, 1))
    with pytest.raises(ImageRefused, match="9000×1 pixels, more than 8000"):
        read_own_image("wide.png", content)


def test_an_image_too_small_for_a_card_is_refused(content):
    write_image(content / "small.png", size=(300, 200))
    with pytest.raises(ImageRefused, match="300×200 pixels, smaller than 600×315"):
        read_own_image("small.png", content)


def test_a_damaged_image_is_refused_when_its_pixels_are_read(content):
    data = image_bytes(colour=(1, 2, 3), kind="JPEG")
    (content / "cut.jpg").write_bytes(data[: len(data) // 2])
    image = read_own_image("cut.jpg", content)  # the header is whole
    with pytest.raises(ImageRefused, match="damaged JPEG file"):
        image.decoded()


def test_formats_are_known_by_their_bytes():
    assert format_of(image_bytes(kind="PNG")) == "PNG"
    assert format_of(image_bytes(kind="JPEG")) == "JPEG"
    assert format_of(image_bytes(kind="WEBP")) == "WEBP"
    assert format_of(image_bytes(kind="GIF")) is None
    assert format_of(b"<svg/>") is None


def test_an_image_claiming_enormous_dimensions_is_refused_unread(content):
    # A few bytes can claim 20,000 × 20,000 pixels: refused from the header alone.
    data = bytearray(image_bytes(size=(1, 1)))
    data[16:24] = (20000).to_bytes(4, "big") * 2
    data[29:33] = zlib.crc32(bytes(data[12:29])).to_bytes(4, "big")
    (content / "bomb.png").write_bytes(bytes(data))
    with pytest.raises(ImageRefused, match="claims more pixels than an image may have"):
        read_own_image("bomb.png", content)


def test_a_file_that_cannot_be_read_is_refused(content, monkeypatch):
    write_image(content / "locked.png")

    def refuse(path):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(type(content), "read_bytes", refuse)
    with pytest.raises(ImageRefused, match=r"cannot be read \(Permission denied\)"):
        read_own_image("locked.png", content)
