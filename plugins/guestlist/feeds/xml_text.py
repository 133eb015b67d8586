"""XML written as text, escaped and indented exactly as lxml writes it.

A feed entry is the same in every feed that holds it, so it is serialised
once, as text, and the feeds are put together from those pieces: no element
tree is built per entry and per feed. The text is what lxml's pretty printer
(and so feedgen) writes for the same elements, byte for byte, so that a feed
reads the same whichever of the two wrote it (tests/feeds/test_xml_text.py
compares them).
"""

from __future__ import annotations

import re
from datetime import datetime

# Characters XML 1.0 does not allow anywhere in a document.
XML_INVALID = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")

_DAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
_MONTHS = (
    *("Jan", "Feb", "Mar", "Apr", "May", "Jun"),
    *("Jul", "Aug", "Sep", "Oct", "Nov", "Dec"),
)


def checked(value: str) -> str:
    """`value`, which must hold only characters XML allows (as lxml insists)."""
    if XML_INVALID.search(value) is not None:
        raise ValueError(f"{value!r} holds a character XML does not allow")
    return value


def escape_text(value: str) -> str:
    """`value` as the text of an element: `&`, `<`, `>` and carriage returns escaped."""
    if "&" in value:
        value = value.replace("&", "&amp;")
    if "<" in value:
        value = value.replace("<", "&lt;")
    if ">" in value:
        value = value.replace(">", "&gt;")
    if "\r" in value:
        value = value.replace("\r", "&#13;")
    return value


def escape_attribute(value: str) -> str:
    """`value` as a double-quoted attribute: as text, and quotes and white space too."""
    value = escape_text(value)
    if '"' in value:
        value = value.replace('"', "&quot;")
    if "\n" in value:
        value = value.replace("\n", "&#10;")
    if "\t" in value:
        value = value.replace("\t", "&#9;")
    return value


def attributes(pairs: tuple[tuple[str, str | None], ...]) -> str:
    """` name="value"` for each pair whose value is not None, in order."""
    return "".join(
        f' {name}="{escape_attribute(value)}"' for name, value in pairs if value is not None
    )


def element(indent: str, name: str, text: str | None, attrs: str = "") -> str:
    """One element holding only text, on a line of its own; `<name/>` for no text."""
    if text is None:
        return f"{indent}<{name}{attrs}/>\n"
    return f"{indent}<{name}{attrs}>{escape_text(text)}</{name}>\n"


def rfc822(date: datetime) -> str:
    """`date` as RSS writes dates (RFC 822), in English whatever the locale."""
    return (
        f"{_DAYS[date.weekday()]}, {date.day:02d} {_MONTHS[date.month - 1]} {date.year} "
        f"{date.hour:02d}:{date.minute:02d}:{date.second:02d} {date:%z}"
    )
