"""Static tweet cards: a quoted post from X, rendered from the Markdown alone.

The form (documented in docs/guests.md) is a blockquote of the post's text,
optionally ending with its date on a line of its own, followed by the post's
address alone on a line:

    > Seven years of the Workbench today. Thank you all.
    > — 2026-03-01

    https://x.com/ollie_example/status/1896223345718370304

It becomes a `<figure class="tweet-card">`: the quote, then a caption with the
handle (from the address), the date and a link to the post. Nothing is
fetched at build time and no script is loaded, unless the site opts into X's
widget script (GUEST_SERIES_X_WIDGETS), which then replaces the card in the
reader's browser.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree
from datetime import date
from typing import Any

from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor
from markdown.util import AtomicString

from ..core.handles import HandleError, parse_x
from ..core.markers import TWEET_CARD_CLASS

TWEET_URL = re.compile(
    r"""<?https?://(?:www\.|mobile\.)?(?:x|twitter)\.com
    /(?P<handle>[^/\s<>]+)/status(?:es)?/(?P<id>\d{1,25})
    (?:[/?\#][^\s<>]*)?>?""",
    re.VERBOSE | re.IGNORECASE,
)
DATE_LINE = re.compile(r"(?:[—–-]{1,3}|&mdash;|&ndash;)?\s*(?P<date>\d{4}-\d{2}-\d{2})")
WIDGET_CLASS = "twitter-tweet"  # what X's widget script looks for


class TweetCardTreeprocessor(Treeprocessor):
    """Turns a blockquote followed by a post's address into a static card."""

    def __init__(self, md: Any, x_domain: str, date_format: str, widgets: bool) -> None:
        super().__init__(md)
        self.x_domain = x_domain
        self.date_format = date_format
        self.widgets = widgets

    def run(self, root: etree.Element) -> None:
        found = []
        for parent in root.iter():
            children = list(parent)
            for place, child in enumerate(children):
                if child.tag != "blockquote":
                    continue
                following = children[place + 1] if place + 1 < len(children) else None
                found.append((parent, child, following))
        for parent, quote, following in found:
            self._make_card(parent, quote, following)

    def _make_card(self, parent, quote, following):
        last = quote[-1] if len(quote) and quote[-1].tag == "p" else None
        lines = _lines(last)
        line_count = len(lines)
        address_paragraph = None
        if _alone(following) and TWEET_URL.fullmatch(following.text.strip()):
            address = TWEET_URL.fullmatch(following.text.strip())
            address_paragraph = following
        elif lines and TWEET_URL.fullmatch(lines[-1]):
            address = TWEET_URL.fullmatch(lines.pop())
        else:
            return
        try:
            handle = parse_x(address["handle"], self.x_domain)
        except HandleError:
            return  # not a post's address after all: leave the Markdown as it is
        posted = None
        if lines and (line := DATE_LINE.fullmatch(lines[-1])):
            try:
                posted = date.fromisoformat(line["date"])
                lines.pop()
            except ValueError:
                posted = None  # not a real date: the line stays in the quote
        if len(lines) < line_count:  # the address or the date came off the end
            kept = last.text.strip().splitlines()[: len(lines)]
            if kept:
                last.text = "\n".join(kept)
            else:
                quote.remove(last)
        if address_paragraph is not None:
            parent.remove(address_paragraph)

        status_url = f"{handle.url}/status/{address['id']}"
        card = etree.Element("figure", {"class": TWEET_CARD_CLASS})
        parent.insert(list(parent).index(quote), card)
        parent.remove(quote)
        card.append(quote)
        card.tail, quote.tail = quote.tail, "\n"
        quote.set("cite", status_url)
        if self.widgets:
            quote.set("class", WIDGET_CLASS)
            source = etree.SubElement(quote, "p", {"class": "tweet-source"})
        else:
            source = etree.SubElement(card, "figcaption", {"class": "tweet-source"})
        self._caption(source, handle, posted, status_url)

    def _caption(self, caption, handle, posted, status_url):
        """@handle · 1 March 2026 · View on X, every part a link or a time."""
        author = etree.SubElement(
            caption, "a", {"class": "tweet-author", "href": handle.url}
        )
        author.text = AtomicString(handle.text)
        separator = AtomicString(" · ")
        previous = author
        if posted is not None:
            when = etree.SubElement(caption, "time", {"datetime": posted.isoformat()})
            when.text = AtomicString(self._format(posted))
            previous.tail, previous = separator, when
        link = etree.SubElement(caption, "a", {"class": "tweet-link", "href": status_url})
        link.text = AtomicString(f"View on {handle.network_name}")
        previous.tail = separator

    def _format(self, posted):
        try:
            return posted.strftime(self.date_format)
        except ValueError:
            return posted.isoformat()


def _alone(paragraph):
    """A paragraph with only text in it (before the inline phase: Markdown source)."""
    return (
        paragraph is not None
        and paragraph.tag == "p"
        and len(paragraph) == 0
        and bool(paragraph.text and paragraph.text.strip())
    )


def _lines(paragraph):
    if paragraph is None or len(paragraph) or not paragraph.text:
        return []
    return [line.strip() for line in paragraph.text.strip().splitlines()]


class TweetCardExtension(Extension):
    """Registers the tweet cards; configured from the plugin's settings."""

    def __init__(self, **kwargs: Any) -> None:
        self.config = {
            "x_domain": ["x.com", "The domain of X profile and post links."],
            "date_format": ["%Y-%m-%d", "strftime format of a post's date."],
            "widgets": [False, "Mark cards up for X's widget script."],
        }
        super().__init__(**kwargs)

    def extendMarkdown(self, md: Any) -> None:
        x_domain = self.getConfig("x_domain")
        processor = TweetCardTreeprocessor(
            md, x_domain, self.getConfig("date_format"), self.getConfig("widgets")
        )
        # Before the inline phase (20), while paragraphs still hold their
        # Markdown source, so that the quote's text is rendered as usual.
        md.treeprocessors.register(processor, "guest_series_tweets", 25)


def makeExtension(**kwargs: Any) -> TweetCardExtension:  # the name Markdown looks for
    return TweetCardExtension(**kwargs)
