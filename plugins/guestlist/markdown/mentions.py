"""@mentions in posts become links to the person's profile.

`@name` (an X handle) links to https://x.com/name, `@user@server` (a
fediverse handle) to https://server/@user. The visible text stays exactly as
written; only the link is added.

Why a Python-Markdown tree processor, not Beautiful Soup over the HTML: the
tree already knows what is code (code spans and blocks are elements with
atomic text, or stashed HTML) and what is a link, so nothing needs parsing
again, and the result is kept in Pelican's content cache with the post. It
runs after Markdown's inline phase and after smart punctuation (whose quotes
depend on the text around them), walking the tree once in document order. Raw HTML in
a post stays in Markdown's stash as placeholders; the walk reads the tags in
them, so that a mention inside a hand-written `<a>` or `<code>` is left alone.

A post turns mentions off with `Mentions: off` in its metadata; a site with
the setting GUEST_SERIES_MENTIONS = False does not load this extension.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree
from typing import Any

from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor
from markdown.util import AtomicString

from ..core.handles import HandleError, check_host_name
from ..core.markers import switch_is_on

# Elements whose text is never a mention: links, code, and raw text.
SKIPPED_ELEMENTS = frozenset(
    {"a", "code", "pre", "kbd", "samp", "script", "style", "textarea", "tt"}
)

# A handle starts a token: not after a letter, digit or any character that
# joins it to an e-mail address or a URL (jo@example.com, /@jo, ?u=@jo).
# It ends the token too: @jo-smith or @jo.example.com is not the handle @jo.
# (\x02 digits \x03 is a character escaped with a backslash, such as \_.)
MENTION = re.compile(
    r"""
    (?<![\w@/.:+\-=&%~#$\\])(?<!\d\x03)
    @(?P<user>[A-Za-z0-9_]{1,30})
    (?:@(?P<host>[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?
        (?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+))?
    (?![\w@]|[-.](?=\w)|\x02\d)
    """,
    re.VERBOSE,
)
X_NAME_LENGTH = 15

# Markdown's placeholder for stashed raw HTML, and the tags that matter in it.
STASH_PLACEHOLDER = re.compile("\x02wzxhzdk:(\\d+)\x03")
_RAW_TEXT = re.compile(
    r"<!--.*?-->|<(script|style)\b.*?</\1\s*>", re.IGNORECASE | re.DOTALL
)
_TAG = re.compile(r"""<(/?)([A-Za-z][A-Za-z0-9-]*)(?:[^>"']|"[^"]*"|'[^']*')*>""")


def mention_url(user: str, host: str | None, x_domain: str) -> str | None:
    """The profile address of @user (X) or @user@host (fediverse), or None."""
    if host is None:
        if len(user) > X_NAME_LENGTH:
            return None
        return f"https://{x_domain}/{user}"
    try:
        check_host_name(host.lower(), "")
    except HandleError:
        return None
    return f"https://{host.lower()}/@{user}"


def _starts_in_url(text, at):
    """Whether the @ at `at` is inside a URL written out as text."""
    start = max(text.rfind(" ", 0, at), text.rfind("\n", 0, at), text.rfind("\t", 0, at))
    token = text[start + 1 : at].lower()
    return "://" in token or token.startswith("www.") or "mailto:" in token


def link_mentions(text: str, x_domain: str) -> list[str | etree.Element] | None:
    """`text` split into plain strings and mention links, or None if it has none.

    The pieces, joined, give back `text` exactly; each link is an `a` element
    whose text is the mention as written.
    """
    if "@" not in text:
        return None
    pieces, done = [], 0
    for match in MENTION.finditer(text):
        url = mention_url(match["user"], match["host"], x_domain)
        if url is None or _starts_in_url(text, match.start()):
            continue
        link = etree.Element("a", {"class": "mention", "href": url})
        link.text = AtomicString(match[0])
        pieces += [text[done : match.start()], link]
        done = match.end()
    if not pieces:
        return None
    pieces.append(text[done:])
    return pieces


def _has_at_sign(root):
    """Whether any text in the tree has an @: most posts have none, and skip the walk."""
    return any("@" in (node.text or "") or "@" in (node.tail or "") for node in root.iter())


class MentionTreeprocessor(Treeprocessor):
    """Wraps mentions in links, outside links, code and raw HTML's links and code."""

    def __init__(self, md: Any, x_domain: str) -> None:
        super().__init__(md)
        self.x_domain = x_domain
        # Pelican renders a post's Summary with the post's Markdown instance,
        # after a reset that empties md.Meta: the post's own choice is
        # remembered from its body. A conversion with metadata is a new file,
        # whose own switch (or none: on) replaces the last file's, so a
        # Markdown instance reused across files (profiles) carries nothing over.
        self.enabled = True

    def run(self, root: etree.Element) -> None:
        meta = getattr(self.md, "Meta", None)
        if meta:
            self.enabled = switch_is_on(meta.get("mentions", "on"))
        if self.enabled and _has_at_sign(root):
            self._walk(root, skipped=False, raw_depth={})

    def _walk(self, element, skipped, raw_depth):
        """Link mentions in `element`'s text, its children, and their tails."""
        skipped = skipped or str(element.tag).lower() in SKIPPED_ELEMENTS
        children = list(element)  # before links are added among them
        self._text(element, "text", skipped, raw_depth)
        for child in children:
            self._walk(child, skipped, raw_depth)
            self._text(child, "tail", skipped, raw_depth, parent=element)

    def _text(self, element, which, skipped, raw_depth, parent=None):
        text = getattr(element, which)
        if not text:
            return
        if "@" not in text or skipped or isinstance(text, AtomicString):
            if "\x02" in text:
                self._follow_raw_html(text, raw_depth)
            return
        pieces, position = [], 0
        for placeholder in STASH_PLACEHOLDER.finditer(text):
            pieces += self._link(text[position : placeholder.start()], raw_depth)
            pieces.append(placeholder[0])
            self._follow_raw_html(placeholder[0], raw_depth)
            position = placeholder.end()
        pieces += self._link(text[position:], raw_depth)
        if all(isinstance(piece, str) for piece in pieces):
            return
        self._replace(element, which, pieces, parent)

    def _link(self, text, raw_depth):
        if not text:
            return []
        if any(raw_depth.values()):
            return [text]
        return link_mentions(text, self.x_domain) or [text]

    def _follow_raw_html(self, text, raw_depth):
        """Count the links and code that raw HTML in `text` opens and closes."""
        for placeholder in STASH_PLACEHOLDER.finditer(text):
            try:
                raw = str(self.md.htmlStash.rawHtmlBlocks[int(placeholder[1])])
            except (IndexError, ValueError):
                continue
            for tag in _TAG.finditer(_RAW_TEXT.sub("", raw)):
                name = tag[2].lower()
                if name not in SKIPPED_ELEMENTS:
                    continue
                change = -1 if tag[1] else 1
                raw_depth[name] = max(0, raw_depth.get(name, 0) + change)

    @staticmethod
    def _replace(element, which, pieces, parent):
        """Put `pieces` (strings and elements) where `element`'s text or tail was."""
        strings = []
        links = []
        for piece in pieces:
            if isinstance(piece, str):
                if links:
                    links[-1].tail = (links[-1].tail or "") + piece
                else:
                    strings.append(piece)
            else:
                links.append(piece)
        setattr(element, which, "".join(strings))
        if which == "text":
            for offset, link in enumerate(links):
                element.insert(offset, link)
        else:
            place = list(parent).index(element) + 1
            for offset, link in enumerate(links):
                parent.insert(place + offset, link)


class MentionExtension(Extension):
    """Registers the mention linker; configured with the X domain."""

    def __init__(self, **kwargs: Any) -> None:
        self.config = {"x_domain": ["x.com", "The domain of X profile links."]}
        super().__init__(**kwargs)

    def extendMarkdown(self, md: Any) -> None:
        processor = MentionTreeprocessor(md, self.getConfig("x_domain"))
        # After the inline phase (20) and smart quotes (6), before the
        # unescaping of backslash escapes (0).
        md.treeprocessors.register(processor, "guest_series_mentions", 4)


def makeExtension(**kwargs: Any) -> MentionExtension:  # the name Markdown looks for
    return MentionExtension(**kwargs)
