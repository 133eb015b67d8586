"""Each post's card planned: its key follows exactly what it shows; a bad image is said."""

import dataclasses
import io
from types import SimpleNamespace

import pytest
from cards_images import image_bytes, write_image
from PIL import Image

from guestlist.cards.planning import CardPlanner, card_alt, card_bytes, card_text
from guestlist.cards.store import CardStore
from guestlist.series.model import GuestProfile

SETTINGS = {
    "GUEST_SERIES_CARD_SAVE_AS": "images/cards/{slug}.png",
    "SITENAME": "Ollie's Workbench",
    "THEME_ACCENT_COLOUR": "#a63d1c",
}


@pytest.fixture
def content(tmp_path):
    root = tmp_path / "content"
    (root / "posts").mkdir(parents=True)
    (root / "authors").mkdir()
    return root


def article(content, title="The Last Detective", name="PFNDF", avatar=None, **metadata):
    """A post as the cards see it, with its file written (for the lines problems name)."""
    source = content / "posts" / "post.md"
    lines = [f"Title: {title}", f"Author: {name}"]
    lines += [f"{key.capitalize()}: {value}" for key, value in metadata.items()]
    source.write_text("\n".join(lines) + "\n\nWords.\n", encoding="utf-8")
    profile = content / "authors" / "guest.md"
    profile.write_text(f"Name: {name}\nAvatar: {avatar}\n\nA bio.\n", encoding="utf-8")
    guest = GuestProfile(
        slug="guest", name=name, source_path="authors/guest.md", avatar=avatar
    )
    return SimpleNamespace(
        title=title,
        source_path=str(source),
        metadata=metadata,
        slug="the-last-detective",
        lang="en",
        in_default_lang=True,
        author=SimpleNamespace(name=name),
        guest=guest,
        series=SimpleNamespace(label="Guest #2", name="Birthday Bloggers"),
    )


def plan(content, post, store=None, **settings):
    planner = CardPlanner({**SETTINGS, **settings}, content, store)
    plans = planner.plan([post])
    return (plans[0] if plans else None), planner.problems


def test_the_card_says_title_guest_and_place_in_the_series(content):
    text = card_text(article(content))
    assert text.title == "The Last Detective"
    assert text.name == "PFNDF"
    assert text.initials == "P"
    assert text.label == "Guest #2 in Birthday Bloggers"


def test_a_post_in_no_series_has_no_label(content):
    post = article(content)
    post.series = None
    assert card_text(post).label == ""


def test_a_host_post_without_a_profile_names_its_author(content):
    post = article(content, name="Ollie Brennan")
    post.guest = None
    assert card_text(post).name == "Ollie Brennan"
    assert card_text(post).initials == "OB"


def test_the_post_gets_its_social_image(content):
    post = article(content)
    card, problems = plan(content, post)
    assert problems == []
    image = post.social_image
    assert image.url == "images/cards/the-last-detective.png" == card.save_as
    assert (image.width, image.height) == (1200, 630)
    assert image.alt == (
        "“The Last Detective” by PFNDF, Guest #2 in Birthday Bloggers, on Ollie's Workbench"
    )
    assert dataclasses.is_dataclass(image)
    with pytest.raises(dataclasses.FrozenInstanceError):
        image.url = "elsewhere.png"


def test_a_translation_has_a_card_of_its_own(content):
    post = article(content)
    post.lang, post.in_default_lang = "fr", False
    card, _ = plan(content, post)
    assert card.save_as == "images/cards/the-last-detective-fr.png"


def test_the_alt_text_leaves_out_what_the_card_does_not_show():
    text = dataclasses.replace(
        card_text(SimpleNamespace(title="T", author=None, guest=None, series=None)),
        name="",
    )
    assert card_alt(text, "") == "“T”"


@pytest.mark.parametrize(
    ("change", "settings"),
    [
        ({"title": "Another Title"}, {}),
        ({"name": "Another Guest"}, {}),
        ({}, {"SITENAME": "Another Site"}),
        ({}, {"THEME_ACCENT_COLOUR": "#225588"}),
    ],
)
def test_the_key_changes_with_what_the_card_shows(content, change, settings):
    first, _ = plan(content, article(content))
    second, _ = plan(content, article(content, **change), **settings)
    assert first.key != second.key


def test_the_key_changes_with_the_series_label(content):
    first, _ = plan(content, article(content))
    post = article(content)
    post.series = SimpleNamespace(label="Guest #3", name="Birthday Bloggers")
    second, _ = plan(content, post)
    assert first.key != second.key


def test_the_key_changes_with_the_avatars_bytes(content):
    avatar = write_image(content / "images" / "jo.png", size=(64, 64), colour=(0, 0, 0))
    first, _ = plan(content, article(content, avatar="images/jo.png"))
    avatar.write_bytes(image_bytes(size=(64, 64), colour=(255, 0, 0)))
    second, _ = plan(content, article(content, avatar="images/jo.png"))
    assert first.key != second.key


def test_the_key_stays_when_nothing_the_card_shows_changes(content):
    first, _ = plan(content, article(content))
    post = article(content, summary="Another summary")
    post.slug = "moved"  # another address, the same picture
    second, _ = plan(content, post)
    assert first.key == second.key
    assert card_bytes(first, None) == card_bytes(second, None)


def test_a_stored_card_is_not_drawn_again(content, tmp_path):
    store = CardStore(tmp_path / "cache")
    first, _ = plan(content, article(content), store)
    assert first.drawn and store.get(first.key) is None
    drawn = card_bytes(first, store)
    assert store.get(first.key) == drawn and drawn.startswith(b"\x89PNG")
    assert card_bytes(first, store) == drawn  # the store's copy, not drawn again
    second, _ = plan(content, article(content), store)
    assert second.key == first.key and not second.drawn


def test_a_store_of_another_folder_draws_every_card(content, tmp_path):
    # Each version of the code has its cache folder (guestlist.cache): a card
    # kept by another is drawn again.
    stored, _ = plan(content, article(content), CardStore(tmp_path / "cache"))
    card_bytes(stored, CardStore(tmp_path / "cache"))
    card, _ = plan(content, article(content), CardStore(tmp_path / "other-cache"))
    assert card.drawn


def test_the_guests_own_image_is_the_card(content):
    write_image(content / "images" / "mine.png", size=(1400, 630), colour=(10, 200, 30))
    card, problems = plan(content, article(content, image="images/mine.png"))
    assert problems == []
    picture = Image.open(io.BytesIO(card_bytes(card, None))).convert("RGB")
    assert picture.size == (1200, 630)
    assert picture.getpixel((600, 315)) == (10, 200, 30)


def test_a_bad_own_image_is_said_with_its_line_and_the_card_is_drawn(content):
    card, problems = plan(content, article(content, image="images/nowhere.png"))
    assert card is not None and card.drawn
    (problem,) = problems
    assert problem.path == "content/posts/post.md"
    assert problem.line == 3
    assert problem.field == "image"
    assert "Image 'images/nowhere.png' is not a file under content/" in problem.message
    assert "the post gets the generated card until it is fixed" in problem.message
    generated, _ = plan(content, article(content))
    assert card.key == generated.key


def test_an_own_image_damaged_past_its_header_is_said_and_the_card_drawn(content):
    data = image_bytes(kind="JPEG")
    (content / "cut.jpg").write_bytes(data[: len(data) // 2])
    card, problems = plan(content, article(content, image="cut.jpg"))
    (problem,) = problems
    assert "damaged JPEG file" in problem.message and problem.line == 3
    generated, _ = plan(content, article(content))
    assert card.key == generated.key


def test_an_svg_avatar_gives_initials_and_no_problem(content):
    (content / "images").mkdir()
    (content / "images" / "jo.svg").write_text("<svg xmlns='http://www.w3.org/2000/svg'/>")
    card, problems = plan(content, article(content, avatar="images/jo.svg"))
    assert problems == []
    no_avatar, _ = plan(content, article(content))
    assert card.key == no_avatar.key


def test_a_raster_avatar_is_drawn_in_its_circle(content):
    write_image(content / "images" / "jo.png", size=(200, 200), colour=(0, 160, 0))
    card, problems = plan(content, article(content, avatar="images/jo.png"))
    assert problems == []
    picture = Image.open(io.BytesIO(card_bytes(card, None))).convert("RGB")
    assert picture.getpixel((140, 535)) == (0, 160, 0)


def test_an_unreadable_avatar_is_said_on_the_profile_and_initials_drawn(content):
    (content / "images").mkdir()
    (content / "images" / "jo.png").write_text("not a picture")
    card, problems = plan(content, article(content, avatar="images/jo.png"))
    (problem,) = problems
    assert problem.path == "content/authors/guest.md"
    assert problem.line == 2 and problem.field == "avatar"
    assert "social cards show the guest's initials" in problem.message
    no_avatar, _ = plan(content, article(content))
    assert card.key == no_avatar.key


def test_an_avatar_damaged_past_its_header_is_said_every_build(content, tmp_path):
    data = image_bytes(size=(200, 200), kind="JPEG")
    (content / "images").mkdir()
    (content / "images" / "jo.jpg").write_bytes(data[: len(data) // 2])
    store = CardStore(tmp_path / "cache")
    for _ in range(2):  # the second build has the card in its store, and still says it
        card, problems = plan(content, article(content, avatar="images/jo.jpg"), store)
        if card.drawn:
            card_bytes(card, store)
        (problem,) = problems
        assert "damaged JPEG file" in problem.message
    no_avatar, _ = plan(content, article(content))
    assert card.key == no_avatar.key


def test_a_card_path_taken_by_another_card_is_said(content):
    first = article(content)
    second = article(content)
    second.source_path = str(content / "posts" / "second.md")
    (content / "posts" / "second.md").write_text("Title: B\nSlug: x\n\nWords.\n")
    planner = CardPlanner(SETTINGS, content, None)
    plans = planner.plan([first, second])
    assert len(plans) == 1
    assert second.social_image is None
    (problem,) = planner.problems
    assert problem.path == "content/posts/second.md" and problem.line == 2
    assert "which is the card of content/posts/post.md" in problem.message


def test_a_slug_leading_out_of_the_output_folder_gets_no_card(content):
    post = article(content)
    post.slug = "../../escape"
    card, problems = plan(content, post)
    assert card is None and post.social_image is None
    assert "outside the output folder" in problems[0].message
