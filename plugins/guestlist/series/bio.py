"""A guest's bio as one line of plain text: what a list of guests shows beside a name.

The bio is rendered Markdown (links, emphasis, several paragraphs); a list
shows its first sentence as text, so that no markup of the guest's reaches
a listing and every listing line stays short. Templates escape the result
like any other text.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

# Longer than this, a first sentence is cut at a word and ends with "…".
MAX_LENGTH = 200

# A sentence ends at . ! ? or … (then perhaps a closing quote or bracket),
# before a space and a capital, a digit or an opening quote: "e.g. the" and
# "3.5 times" go on. A single capital before the stop is an initial
# ("J. R. Hartley"), and the usual titles are not ends either.
_END = re.compile(r"[.!?…][\"'”’)\]]*(?=\s+[\"'“‘(\[]?[A-Z0-9\u00c0-\u024f])")
_NOT_AN_END = re.compile(r"(?:^|\s)(?:[A-Z]|Dr|Mr|Mrs|Ms|Mx|Prof|St|Jr|Sr|vs|etc)\.$")


class _Text(HTMLParser):
    """Collects the text of an HTML fragment, block by block, entities resolved."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.blocks: list[list[str]] = [[]]

    def handle_data(self, data: str) -> None:
        self.blocks[-1].append(data)

    def handle_starttag(self, tag: str, attrs: list) -> None:
        # A block starts a new paragraph of text; the markup alone kept it apart.
        if tag in _BLOCKS:
            self.blocks.append([])


_BLOCKS = frozenset({"p", "br", "li", "div", "blockquote", "h1", "h2", "h3", "h4", "pre"})


def paragraphs(html: str) -> list[str]:
    """The text of each block of `html`, whitespace collapsed; empty ones left out."""
    parser = _Text()
    parser.feed(html)
    parser.close()
    texts = (" ".join("".join(block).split()) for block in parser.blocks)
    return [text for text in texts if text]


def one_line(html: str, max_length: int = MAX_LENGTH) -> str:
    """The first sentence of `html`'s first paragraph as plain text, cut to `max_length`."""
    text = next(iter(paragraphs(html)), "")
    for end in _END.finditer(text):
        if not _NOT_AN_END.search(text[: end.start() + 1]):
            text = text[: end.end()]
            break
    if len(text) <= max_length:
        return text
    cut = text[: max_length - 1].rsplit(" ", 1)[0].rstrip(" ,;:–—-")
    return cut + "…"
