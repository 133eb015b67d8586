"""The demo's cards, as a share preview shows them, and the cards in a whole build."""

import logging
import shutil

import pytest
from cards_images import write_image
from PIL import Image

from conftest import DEMO_CONTENT, post, run_pelican
from guestlist.cards import design

# The demo's guest #2: PFNDF, whose avatar is an SVG, so the card draws initials.
GUEST_2 = "images/cards/the-last-detective-will-be-very-good-at-waiting.png"
ACCENT = (0xA6, 0x3D, 0x1C)  # the demo's THEME_ACCENT_COLOUR
BACKGROUND = (0xFD, 0xFC, 0xF9)
SURFACE = (0xF3, 0xF0, 0xEA)


def rgb(path):
    """The card as a viewer shows it, in RGB."""
    image = Image.open(path)
    assert image.format == "PNG"
    return image.convert("RGB")


def varied(image, box):
    """Whether the region `box` holds more than one colour (something is drawn there)."""
    return len(image.crop(box).getcolors(maxcolors=1 << 16) or [0, 0]) > 1


@pytest.fixture
def demo(tmp_path):
    """Build the demo into tmp_path (again with each call), with the cache read."""
    content = tmp_path / "content"
    shutil.copytree(DEMO_CONTENT, content)

    def build(**settings):
        return run_pelican(
            content, tmp_path / "output", LOAD_CONTENT_CACHE=True, **settings
        )

    return build


def test_the_card_of_the_demos_guest_2(demo, caplog):
    caplog.set_level(logging.DEBUG, logger="guestlist.cards")
    site = demo()
    card = site.output / GUEST_2
    image = rgb(card)
    assert image.size == (1200, 630)
    assert image.getpixel((10, 10)) == ACCENT  # the band, top
    assert image.getpixel((10, 620)) == ACCENT  # and bottom
    assert image.getpixel((1150, 30)) == BACKGROUND
    assert image.getpixel((1150, 420)) == BACKGROUND  # right of the title
    assert image.getpixel((1150, 600)) == SURFACE  # the guest's strip
    # The initials circle (the avatar is an SVG): accent above and below the "P".
    left = design.AVATAR.left
    assert image.getpixel((left + 60, design.AVATAR.top + 8)) == ACCENT
    assert image.getpixel((left + 60, design.AVATAR.bottom - 8)) == ACCENT
    assert image.getpixel((left + 60, design.AVATAR.top + 60)) == BACKGROUND  # "P"
    # Words where the site name, title, name and label go; none past the title's end.
    assert varied(image, (80, 50, 500, 90))
    assert varied(image, (80, 124, 1120, 210))
    assert varied(image, (80, 210, 1120, 290))
    assert not varied(image, (80, 300, 1120, 430))  # two lines only
    assert varied(image, (232, 470, 800, 520))
    assert varied(image, (232, 530, 800, 575))
    assert "Social cards: 9 drawn" in caplog.text

    first_bytes, first_mtime = card.read_bytes(), card.stat().st_mtime_ns
    caplog.clear()
    demo()
    assert card.read_bytes() == first_bytes
    assert card.stat().st_mtime_ns == first_mtime  # not even written again
    assert "Social cards: 0 drawn" in caplog.text
    assert "9 from the cache" in caplog.text


def test_every_published_post_has_a_card_and_nothing_else_does(demo):
    site = demo()
    cards = site.files("images/cards/*.png")
    posts = [path for path in site.files("20*/*/*/index.html")]
    assert len(cards) == len(posts) == 9
    assert [message for message in site.messages if "card" in message] == []


def test_one_process_and_two_draw_the_same_bytes(demo, tmp_path):
    demo(GUEST_SERIES_PROCESSES=1)
    first = (tmp_path / "output" / GUEST_2).read_bytes()
    shutil.rmtree(tmp_path / "cache")
    shutil.rmtree(tmp_path / "output")
    demo(GUEST_SERIES_PROCESSES=2)
    assert (tmp_path / "output" / GUEST_2).read_bytes() == first


def test_an_edited_title_draws_that_card_only(demo, tmp_path, caplog):
    demo()
    caplog.set_level(logging.DEBUG, logger="guestlist.cards")
    source = tmp_path / "content" / "posts" / "the-last-detective.md"
    text = source.read_text(encoding="utf-8")
    source.write_text(text.replace("Very Good at Waiting", "Patient"), encoding="utf-8")
    demo()
    assert "Social cards: 1 drawn" in caplog.text
    # The cache keeps this build's cards only: the old title's is gone.
    assert len(list((tmp_path / "cache").rglob("guestlist-cards/*.png"))) == 9


def test_cards_can_be_switched_off(build_site):
    site = build_site({"posts/a.md": post("A")}, GUEST_SERIES_CARDS=False)
    assert site.files("**/*.png") == []


def test_the_card_path_follows_the_setting(build_site):
    site = build_site({"posts/a.md": post("A")}, GUEST_SERIES_CARD_SAVE_AS="og/{slug}.png")
    assert site.files("**/*.png") == ["og/a.png"]


def test_a_card_path_that_is_not_a_png_is_a_settings_error(build_site):
    site = build_site({"posts/a.md": post("A")}, GUEST_SERIES_CARD_SAVE_AS="og/{slug}.jpg")
    assert site.stopped
    assert any("must end in .png" in message for message in site.errors)


def test_a_guests_own_image_is_their_card(build_site):
    write = {"posts/a.md": post("A", Image="images/mine.png")}
    site = build_site(write)
    assert site.messages_about("content/posts/a.md") != []  # no such file yet
    write_image(site.content / "images" / "mine.png", colour=(9, 99, 199))
    site = build_site()
    assert site.messages == []
    image = rgb(site.output / "images/cards/a.png")
    assert image.getpixel((600, 315)) == (9, 99, 199)


def test_a_bad_own_image_is_reported_and_the_card_generated(build_site):
    site = build_site({"posts/a.md": post("A", Image="../secret.png")})
    (message,) = site.messages
    assert message.startswith("content/posts/a.md:3: warning: Image '../secret.png' is")
    assert "the post gets the generated card until it is fixed" in message
    assert rgb(site.output / "images/cards/a.png").getpixel((10, 10)) == ACCENT


def test_no_post_can_be_written_over_a_card(build_site):
    site = build_site(
        {
            "posts/a.md": post("A"),
            "posts/b.md": post("B", Save_as="images/cards/a.png"),
        }
    )
    (message,) = site.messages_about("content/posts/b.md")
    assert "images/cards/a.png, which is the social card of content/posts/a.md" in message
    assert rgb(site.output / "images/cards/a.png").size == (1200, 630)


def test_no_static_file_is_copied_over_a_card(build_site, tmp_path):
    write_image(tmp_path / "content" / "images" / "cards" / "a.png", colour=(1, 2, 3))
    site = build_site({"posts/a.md": post("A")})
    (message,) = site.messages_about("content/images/cards/a.png")
    assert "which is the social card of content/posts/a.md, so it is not copied" in message
    assert rgb(site.output / "images/cards/a.png").getpixel((10, 10)) == ACCENT


def test_no_redirect_replaces_a_card(build_site):
    site = build_site(
        {
            "posts/a.md": post("A"),
            "posts/b.md": post("B", Redirect_from="/images/cards/a.png"),
        }
    )
    (message,) = site.messages_about("content/posts/b.md")
    assert "the social card of content/posts/a.md" in message
    assert rgb(site.output / "images/cards/a.png").size == (1200, 630)


def test_workers_draw_the_cards_of_a_larger_site_as_one_process_does(
    build_site, tmp_path, monkeypatch
):
    # Enough posts for the pool (core/workers.py: MIN_ITEMS_FOR_POOL): the
    # cards are drawn and written by the workers, with the same bytes.
    from guestlist.core import workers

    pools = []
    real = workers.map_forked

    def counting(work, count, processes):
        pools.append((count, processes))
        return real(work, count, processes)

    monkeypatch.setattr("guestlist.cards.generator.map_forked", counting)
    files = {
        f"posts/p{number:02}.md": post(
            f"Post number {number}", date=f"2026-03-{number:02} 09:00"
        )
        for number in range(1, workers.MIN_ITEMS_FOR_POOL + 5)
    }
    build_site(files, GUEST_SERIES_PROCESSES=1)
    cards = sorted((tmp_path / "output").rglob("images/cards/*.png"))
    one_process = {path.name: path.read_bytes() for path in cards}
    assert len(one_process) == len(files)
    shutil.rmtree(tmp_path / "output")
    shutil.rmtree(tmp_path / "cache")  # every card drawn again, by the workers
    build_site(GUEST_SERIES_PROCESSES=2)
    two_processes = {
        path.name: path.read_bytes()
        for path in (tmp_path / "output").rglob("images/cards/*.png")
    }
    assert two_processes == one_process
    assert (len(files), 2) in pools


def test_a_publish_build_without_a_content_cache_draws_no_card_twice(build_site, caplog):
    files = {"posts/a.md": post("A"), "posts/b.md": post("B", date="2026-03-03 09:00")}
    publish = {"CACHE_CONTENT": False, "LOAD_CONTENT_CACHE": False}
    caplog.set_level(logging.DEBUG, logger="guestlist.cards")
    build_site(files, **publish)
    assert "Social cards: 2 drawn, 0 from the cache" in caplog.text
    caplog.clear()
    build_site(**publish)
    assert "Social cards: 0 drawn, 2 from the cache" in caplog.text
