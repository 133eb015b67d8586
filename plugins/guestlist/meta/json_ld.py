"""JSON-LD: schema.org objects for each kind of page, written script-safe.

Values come from validated data and are JSON-escaped, and the characters
that could end the <script> element or open markup inside it are written
as JSON escapes, which every JSON reader decodes back.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from typing import Any

from .model import Image

SCHEMA_ORG = "https://schema.org"

# (Replaced one by one: str.translate with a table looks up every character.)
_SCRIPT_SAFE = (
    ("<", "\\u003c"),
    (">", "\\u003e"),
    ("&", "\\u0026"),
    ("\u2028", "\\u2028"),
    ("\u2029", "\\u2029"),
)


def script_safe_json(data: Any) -> str:
    """`data` as JSON that cannot close or break out of a <script> element."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    for character, escape in _SCRIPT_SAFE:
        if character in text:
            text = text.replace(character, escape)
    return text


def compact(data: Mapping[str, Any]) -> dict[str, Any]:
    """`data` without its empty values: a missing fact is left out, not null."""
    return {key: value for key, value in data.items() if value not in (None, "", [], {})}


def thing(kind: str, **fields: Any) -> dict[str, Any]:
    """A schema.org object of type `kind` with its non-empty fields."""
    return compact({"@type": kind, **fields})


def top(kind: str, **fields: Any) -> dict[str, Any]:
    """The page's own object, with the @context."""
    return {"@context": SCHEMA_ORG, **thing(kind, **fields)}


def image_object(image: Image | None) -> dict[str, Any] | None:
    if image is None:
        return None
    return thing(
        "ImageObject",
        url=image.url,
        width=image.width,
        height=image.height,
        caption=image.alt,
    )


def item_list(items: Iterable[tuple[str | None, str]], first: int = 1) -> dict[str, Any]:
    """An ordered ItemList of (url, name), numbered from `first`."""
    elements = [
        thing("ListItem", position=position, url=url, name=name)
        for position, (url, name) in enumerate(items, start=first)
    ]
    return thing(
        "ItemList",
        itemListOrder="https://schema.org/ItemListOrderAscending",
        numberOfItems=len(elements),
        itemListElement=elements,
    )
