"""The host's note, labelled as the host's in its text, not only by its style.

A host's note is an admonition (`!!! host-note "Note from Ollie"`), which
Markdown writes as a `<div>` whose first paragraph is the title. On the page
the stylesheet sets it apart; a feed reader drops classes and styles, and
the note then reads as one more paragraph of the guest's. So the note is
written as an `<aside>` (set apart in any reader that knows HTML), and its
title as a strong label ending with a colon, "Note from Ollie:", which says
whose words follow in plain text too. A note without a title, or with the
admonition's default one, is labelled "Note from the host:".

The classes stay as Markdown writes them: the stylesheet and the features
that look for the note (core/markers.py) find it as before.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor

if TYPE_CHECKING:
    from xml.etree.ElementTree import Element

DEFAULT_LABEL = "Note from the host"
TITLE_CLASS = "admonition-title"
# What may end a label already; any other last character gets a colon.
LABEL_ENDINGS = (":", ".", "!", "?", "…", "—")


def label_text(title: str | None, note_type: str) -> str:
    """The label a note shows: its title, or the default, ending with a colon."""
    title = (title or "").strip()
    # Markdown's admonition titles a note given none after its type ("Host-note").
    if not title or title == note_type.split(" ", 1)[0].capitalize():
        title = DEFAULT_LABEL
    return title if title.endswith(LABEL_ENDINGS) else f"{title}:"


class HostNoteTreeprocessor(Treeprocessor):
    """Makes each host's note an aside that starts with its label in strong text."""

    def __init__(self, md: Any, note_type: str) -> None:
        super().__init__(md)
        self.note_type = note_type

    def run(self, root: Element) -> None:
        notes = [
            element
            for element in root.iter("div")
            if {"admonition", self.note_type} <= set(element.get("class", "").split())
        ]
        for note in notes:
            note.tag = "aside"
            title = next(iter(note), None)
            if title is None or TITLE_CLASS not in title.get("class", "").split():
                title = note.makeelement("p", {"class": TITLE_CLASS})
                note.insert(0, title)
            if len(title):  # a title with markup of its own: keep its words as written
                text = "".join(title.itertext())
                for child in list(title):
                    title.remove(child)
            else:
                text = title.text
            title.text = None
            strong = title.makeelement("strong", {})
            strong.text = label_text(text, self.note_type)
            title.append(strong)


class HostNoteExtension(Extension):
    """Registers the tree processor for notes of the configured admonition type."""

    def __init__(self, **kwargs: Any) -> None:
        self.config = {
            "note_type": ["host-note", "the admonition type that marks the host's note"]
        }
        super().__init__(**kwargs)

    def extendMarkdown(self, md: Any) -> None:
        # Before typography (6), so that the label's punctuation is set like the rest.
        md.treeprocessors.register(
            HostNoteTreeprocessor(md, self.getConfig("note_type")),
            "guestlist_host_note",
            7,
        )


# the name Markdown looks for
def makeExtension(**kwargs: Any) -> HostNoteExtension:
    return HostNoteExtension(**kwargs)
