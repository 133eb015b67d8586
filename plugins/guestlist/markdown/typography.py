"""Smart punctuation in one pass: curly quotes, en and em dashes, ellipses.

The rules are Python-Markdown's `smarty` extension's with its default
configuration (themselves John Gruber's SmartyPants'): `---` is an em dash,
`--` an en dash, `...` an ellipsis, and a straight quote opens or closes by
the characters around it, with apostrophes inside words (don't), decade
abbreviations ('90s) and a quote at the very start of a paragraph followed by
punctuation ("... ) as special cases.

Why not smarty itself: smarty is some fifteen inline patterns, each tried
over every run of text and each replacement going through Markdown's HTML
stash, which doubled the time Markdown took to convert a post. Here the rules
are the alternatives of one regular expression, tried in smarty's order
(core/punctuation.py, which sets titles with the same rules), and the tree is
walked once after the inline phase. The output is the Unicode characters
themselves (’ “ ” – — …), not entities.

Two things differ from smarty, on purpose:

- Smarty sees the text of each element on its own, so a quote next to
  emphasis, a link or a code span has nothing beside it and falls back to an
  opening quote: `"*word*"` came out “word“. Here each paragraph, heading,
  list item or cell is read as one text across its inline elements, so the
  closing quote sees the `d` before it: “word”.
- Smarty applies its rules one after another, and a quote it has already
  curled no longer counts as the character beside the next one. For the
  rare runs of quotes close together ("'Hi,' she said." is one) the rules
  are applied here in that same order, so that they come out as with smarty.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor
from markdown.util import AtomicString

from ..core.punctuation import ANY_CANDIDATE, QUOTES, educate

if TYPE_CHECKING:
    from xml.etree.ElementTree import Element

# Elements whose text is shown as written.
SKIPPED_ELEMENTS = frozenset({"code", "pre", "kbd", "samp", "script", "style"})


class SmartPunctuationTreeprocessor(Treeprocessor):
    """Walks the tree once, educating each block's text across its inline elements."""

    def run(self, root: Element) -> None:
        # Most posts have few quotes, dashes or ellipses and many have none:
        # one search of all their text, in C, spares those the walk.
        if not ANY_CANDIDATE.search("".join(root.itertext())):
            return
        self.block_level = frozenset(self.md.block_level_elements)
        blocks = []
        self._collect(root, False, _Block(), blocks)
        for block in blocks:
            if not block.changeable:
                continue
            pieces = block.pieces
            educated = educate([(text, editable) for _, _, text, editable in pieces])
            if educated is None:
                continue
            for (node, which, text, _), new_text in zip(pieces, educated, strict=True):
                if new_text is not text:
                    setattr(node, which, new_text)

    def _collect(self, element, skipped, block, blocks):
        """Gather the texts of each block, in reading order, into `blocks`.

        Returns the block that the text after `element` continues.
        """
        skipped = skipped or element.tag in SKIPPED_ELEMENTS
        if element.text:
            block.add(element, "text", element.text, skipped)
        for child in element:
            if child.tag in self.block_level:
                # A block of its own: neither the text before nor after it is
                # beside its text.
                blocks.append(block)
                self._collect(child, skipped, _Block(), blocks)
                block = _Block()
            else:
                block = self._collect(child, skipped, block, blocks)
            if child.tail:
                block.add(child, "tail", child.tail, skipped)
        if element.tag in self.block_level:
            blocks.append(block)
            return _Block()
        return block


class _Block:
    """One block's texts: (element, "text" or "tail", text, editable) each."""

    __slots__ = ("changeable", "pieces")

    def __init__(self) -> None:
        self.pieces = []
        self.changeable = False  # whether an editable text has something to curl

    def add(self, element: Element, which: str, text: str, skipped: bool) -> None:
        editable = not skipped and not isinstance(text, AtomicString)
        self.pieces.append((element, which, text, editable))
        if editable and not self.changeable and ANY_CANDIDATE.search(text):
            self.changeable = True


class SmartPunctuationExtension(Extension):
    """Registers the tree processor; smarty's backslash escapes for quotes too."""

    def extendMarkdown(self, md: Any) -> None:
        # As with smarty, \" and \' keep a quote straight.
        for quote in QUOTES:
            if quote not in md.ESCAPED_CHARS:
                md.ESCAPED_CHARS.append(quote)
        # After the inline phase (20), attribute lists (8) and abbreviations
        # (7), so that the text is final; before the table of contents (5)
        # makes heading ids from it and before @mentions (4) are linked: the
        # place smarty's own pass took.
        md.treeprocessors.register(
            SmartPunctuationTreeprocessor(md), "guestlist_smart_punctuation", 6
        )


# the name Markdown looks for
def makeExtension(**kwargs: Any) -> SmartPunctuationExtension:
    return SmartPunctuationExtension(**kwargs)
