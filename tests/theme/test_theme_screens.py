"""Full-page screenshots of every kind of page, kept for a person to look at.

Each page kind the issue names is photographed at a phone's width (390 px)
and a desktop's (1280 px), in the light and the dark scheme, into
test-output/screenshots/<kind>-<width>-<scheme>.png. Both GitHub workflows
upload test-output/ as an artefact and .ci/run says where it is, so a
reviewer sees the theme without building it.

A screenshot is only worth keeping if it shows what its name says, so each
one is checked: a PNG exactly as wide as the window (a page that scrolls
sideways would make it wider) and as tall as the page, of the right page,
in the scheme it is named for.
"""

import struct
import zlib

import pytest

from conftest import ROOT
from served_site import (
    READER_PAGES,
    REDIRECT,
    SCREENSHOTS,
    forward_target,
    served_demo,
    visits,
)

# What a reader sees on a phone (an iPhone's 390 CSS px) and on a desktop.
WIDTHS = [390, 1280]
SCHEMES = ["light", "dark"]
HEIGHT = 900  # the window's height: a shorter page is photographed this tall
# The page kinds of the issue, by site address.
SCREENS = {
    **READER_PAGES,
    "redirect": REDIRECT,
    "404": "no/such/page/",  # a missing address, answered with the theme's 404.html
}
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


@pytest.fixture(scope="module")
def site(tmp_path_factory, browser):
    with served_demo(tmp_path_factory.mktemp("screens")) as (base, built):
        assert built.errors == []
        yield base, built


@pytest.fixture
def visit(browser):
    with visits(browser) as open_page:
        yield open_page


@pytest.mark.tools
@pytest.mark.parametrize("scheme", SCHEMES)
@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("kind", list(SCREENS))
def test_a_full_page_screenshot_of_every_page_kind(site, visit, kind, width, scheme):
    base, built = site
    address = f"{base}/{SCREENS[kind]}"
    # A redirect page forwards at once: its target is held so that the page
    # photographed is the redirect page itself.
    target = forward_target(built, SCREENS[kind])
    shown = visit(address, width=width, color_scheme=scheme, hold=target)
    page = shown.page
    assert shown.response.status == (404 if kind == "404" else 200)
    assert page.url == address
    # A missing address is answered with 404, which Chromium logs as an error
    # of the page's own; any other failed request or error is the page's fault.
    own_status = "the server responded with a status of 404"
    errors = [e for e in shown.console_errors if not (kind == "404" and own_status in e)]
    assert errors == []
    assert [r.url for r in shown.responses if r.status >= 400 and r.url != address] == []

    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    path = SCREENSHOTS / f"{kind}-{width}-{scheme}.png"
    path.unlink(missing_ok=True)  # never pass on an older run's file
    page.screenshot(path=path, full_page=True)

    png = path.read_bytes()
    scroll_width, scroll_height = page.evaluate(
        "[document.documentElement.scrollWidth, document.documentElement.scrollHeight]"
    )
    assert scroll_width <= width, "the page scrolls sideways"
    assert png_size(png) == (width, max(scroll_height, HEIGHT))
    # The top-left corner is the page's background: light or dark as named.
    assert (brightness(first_pixel(png)) > 150) == (scheme == "light")


def test_ci_keeps_the_screenshots():
    """Both workflows upload test-output/, even when a test failed, and CI says where."""
    import yaml

    for workflow in sorted((ROOT / ".github" / "workflows").glob("*.yml")):
        jobs = yaml.safe_load(workflow.read_text(encoding="utf-8"))["jobs"]
        uploads = [
            step
            for job in jobs.values()
            for step in job.get("steps", [])
            if step.get("uses", "").startswith("actions/upload-artifact")
            and step["with"]["path"].rstrip("/") == "test-output"
        ]
        assert len(uploads) == 1, workflow.name
        assert uploads[0].get("if") == "${{ !cancelled() }}", workflow.name
    assert "test-output/" in (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert "test-output/" in (ROOT / ".gitignore").read_text(encoding="utf-8").split()


def png_size(png):
    """(width, height) from a PNG's header."""
    assert png.startswith(PNG_SIGNATURE), "not a PNG"
    assert png[12:16] == b"IHDR"
    return struct.unpack(">II", png[16:24])


def first_pixel(png):
    """The (r, g, b) of a PNG's top-left pixel, for 8-bit RGB or RGBA images.

    Every PNG filter leaves the first pixel of the first row as it is (what
    it would add comes from pixels left of it and above it, which are zero
    there), so the bytes after the first row's filter byte are the pixel.
    """
    depth, colour_type = png[24], png[25]
    assert depth == 8 and colour_type in (2, 6), (depth, colour_type)
    position, data = 8, b""
    while position < len(png):
        (length,) = struct.unpack(">I", png[position : position + 4])
        kind = png[position + 4 : position + 8]
        if kind == b"IDAT":
            data += png[position + 8 : position + 8 + length]
        position += 12 + length
    row = zlib.decompressobj().decompress(data, 4)
    return tuple(row[1:4])


def brightness(rgb):
    return sum(rgb) / 3
