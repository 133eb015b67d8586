"""The marks the content format leaves in rendered HTML, which several features read.

A post's host's note is an admonition of the host-note type, and a quoted X
post becomes a tweet card. The Markdown extensions write them; the series
feature (missing notes, the widget script) and the feeds (the note's label)
recognise them here, by a substring test on the HTML, with no parsing.
"""

from __future__ import annotations

from typing import Any

TWEET_CARD_CLASS = "tweet-card"

# How a post's metadata switches a per-file feature, such as `Mentions: off`.
OFF_VALUES = frozenset({"off", "no", "false", "0"})
ON_VALUES = frozenset({"on", "yes", "true", "1"})


def has_host_note(article: Any, note_type: str) -> bool:
    """True when the post's HTML holds the host's note (a `note_type` admonition)."""
    # The raw body, not `content`, which rewrites every link on each access.
    return f'class="admonition {note_type}"' in (article._content or "")


def has_tweet_cards(html: str | None) -> bool:
    """Whether rendered post HTML holds a tweet card."""
    return f'<figure class="{TWEET_CARD_CLASS}"' in (html or "")


def switch_is_on(value: Any) -> bool:
    """Whether a per-file switch leaves its feature on (anything but an off value)."""
    if isinstance(value, list | tuple):
        value = " ".join(value)
    return str(value).strip().lower() not in OFF_VALUES


def is_known_switch(value: Any) -> bool:
    """Whether a per-file switch says on or off in a way Guestlist understands."""
    return str(value).strip().lower() in OFF_VALUES | ON_VALUES
