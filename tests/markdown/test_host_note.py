"""The host's note says whose it is in its words, not only in its styles."""

import markdown
import pytest
from bs4 import BeautifulSoup

from guestlist.core.markers import has_host_note
from guestlist.markdown.host_note import label_text

EXTENSIONS = [
    "markdown.extensions.admonition",
    "guestlist.markdown.host_note",
    "guestlist.markdown.typography",
]


def rendered(text, note_type="host-note"):
    md = markdown.Markdown(
        extensions=EXTENSIONS,
        extension_configs={"guestlist.markdown.host_note": {"note_type": note_type}},
        output_format="html5",
    )
    return BeautifulSoup(md.convert(text), "html.parser")


def words(html):
    return " ".join(html.get_text(" ").split())


def test_the_note_is_an_aside_opening_with_its_label_in_strong_text():
    html = rendered(
        'The guest\'s text.\n\n!!! host-note "Note from Ollie"\n    Thanks -- really.\n'
    )
    note = html.find("aside")
    assert note["class"] == ["admonition", "host-note"]
    assert note.p["class"] == ["admonition-title"]
    assert note.p.strong.get_text() == "Note from Ollie:"
    # Read without any style, the words say whose the note is.
    assert words(html) == "The guest’s text. Note from Ollie: Thanks – really."


@pytest.mark.parametrize(
    ("line", "label"),
    [
        ("!!! host-note", "Note from the host:"),  # Markdown would say "Host-note"
        ('!!! host-note ""', "Note from the host:"),  # no title at all
        ('!!! host-note "From Ollie, who hosts:"', "From Ollie, who hosts:"),
        ('!!! host-note "Ollie\'s note"', "Ollie’s note:"),
    ],
)
def test_every_note_has_a_label(line, label):
    note = rendered(f"{line}\n    Thanks.\n").find("aside")
    assert note.find().name == "p" and note.strong.get_text() == label
    assert words(note) == f"{label} Thanks."


def test_other_admonitions_and_other_note_types_are_left_alone():
    html = rendered('!!! note "Careful"\n    x\n\n!!! aside "Mine"\n    y\n', "aside")
    assert html.find("div")["class"] == ["admonition", "note"]
    assert html.find("div").p.strong is None
    assert html.find("aside")["class"] == ["admonition", "aside"]
    assert html.find("aside").strong.get_text() == "Mine:"


def test_features_still_find_the_note():
    html = str(rendered('!!! host-note "Note from Ollie"\n    x\n'))
    assert has_host_note(type("Post", (), {"_content": html}), "host-note")


def test_label_text():
    assert label_text("Note from Ollie", "host-note") == "Note from Ollie:"
    assert label_text("  ", "host-note") == "Note from the host:"
    assert label_text("Host-note", "host-note") == "Note from the host:"
    assert label_text("A word!", "host-note") == "A word!"
