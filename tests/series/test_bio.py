"""bio.py and the model's one-line texts: what lists of guests and series show."""

import pytest

from guestlist.core.handles import parse_bluesky, parse_mastodon
from guestlist.series.bio import one_line, paragraphs
from guestlist.series.model import GuestProfile, Series


@pytest.mark.parametrize(
    ("html", "expected"),
    [
        ("<p>Jo makes desks. She sells them too.</p>", "Jo makes desks."),
        ("<p>Jo asks <em>why</em>? Then builds.</p>", "Jo asks why?"),
        (
            "<p>Dr. Jo Example met J. R. Hartley. Then more.</p>",
            "Dr. Jo Example met J. R. Hartley.",
        ),
        (
            "<p>It is 3.5 times faster, e.g. here. Next.</p>",
            "It is 3.5 times faster, e.g. here.",
        ),
        ("<p>No full stop here</p><p>Second paragraph.</p>", "No full stop here"),
        ("<p>Jo said “Stop.” Then left.</p>", "Jo said “Stop.”"),
        ("<p>A &amp; B &lt;script&gt;. C.</p>", "A & B <script>."),
        ("<p>Spaces\n  and\tbreaks.</p>", "Spaces and breaks."),
        ("", ""),
    ],
)
def test_one_line_is_the_first_sentence_as_plain_text(html, expected):
    assert one_line(html) == expected


def test_a_long_first_sentence_is_cut_at_a_word():
    text = one_line("<p>" + "word " * 60 + "end.</p>", max_length=40)
    assert len(text) <= 40 and text.endswith("word…")


def test_paragraphs_are_the_text_of_each_block():
    assert paragraphs("<p>One <a href='x'>link</a></p>\n<ul><li>Two</li></ul>") == [
        "One link",
        "Two",
    ]


def profile(**fields):
    return GuestProfile(slug="jo", name="Jo Example", source_path="authors/jo.md", **fields)


def test_a_profile_gives_its_one_line_bio_and_its_first_handle():
    jo = profile(
        bio_html="<p>Jo writes about <em>desks</em>. Often.</p>",
        mastodon=parse_mastodon("@jo@social.example"),
        bluesky=parse_bluesky("jo.bsky.social"),
    )
    assert jo.one_line_bio == "Jo writes about desks."
    assert jo.handle.text == "@jo@social.example"
    assert profile().one_line_bio == ""
    assert profile().handle is None


def test_a_series_gives_its_description_in_one_line():
    series = Series(
        name="Birthday Bloggers",
        slug="birthday-bloggers",
        singular="Guest",
        plural="Guests",
        host=None,
        description_html="<p>Seven guests, one a day. Every March.</p>",
        url="series/birthday-bloggers/",
        save_as="series/birthday-bloggers/index.html",
    )
    assert series.one_line_description == "Seven guests, one a day."
