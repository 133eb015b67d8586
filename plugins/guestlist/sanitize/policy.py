"""The sanitising policy: what a post, page, profile or series description may contain.

Guests send Markdown, and Markdown lets raw HTML through: a `<script>`, an
`<iframe>`, an `onclick=` attribute or a `javascript:` link in a guest's post
would run on the blog's own pages. The cleaning is nh3's (the Python binding
of the Rust sanitiser ammonia), with an allowlist wide enough for everything
the site's Markdown extensions produce.

To know whether anything was removed, HTML that the allowlist changes is
cleaned a second time by a cleaner that lets every known element and
attribute through: both normalise HTML the same way, so the two results
differ exactly when the allowlist took something out (report.py then says what).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

import nh3

# The metadata key with which a host lets one file keep its raw HTML.
ALLOW_FIELD = "allow_unsafe_html"
ALLOW_VALUES = frozenset({"yes", "true", "1"})

# Elements a post may contain: ammonia's defaults, plus what Markdown's
# extensions and a careful writer use (media, sections, definition lists …).
SAFE_TAGS = frozenset(nh3.ALLOWED_TAGS) | {
    "audio",
    "picture",
    "section",
    "source",
    "track",
    "video",
}
# Attributes any element may keep: classes and ids carry code highlighting,
# admonitions (the host's note), footnotes and the table of contents.
_ANY_ELEMENT = {"class", "id", "title", "lang", "dir", "role", "style"}
SAFE_ATTRIBUTES = {
    **{tag: set(names) for tag, names in nh3.ALLOWED_ATTRIBUTES.items()},
    "*": _ANY_ELEMENT,
    "a": {"href", "hreflang", "rel", "target", "name"},
    "img": {"alt", "src", "width", "height", "loading", "align"},
    "video": {"src", "controls", "width", "height", "poster", "preload", "loop", "muted"},
    "audio": {"src", "controls", "preload", "loop", "muted"},
    "source": {"src", "type", "media"},
    "track": {"src", "kind", "srclang", "label", "default"},
    "ol": {"start", "reversed", "type"},
    "li": {"value"},
    "time": {"datetime"},
    "abbr": {"title"},
}
SAFE_ATTRIBUTE_PREFIXES = {"aria-", "data-"}
# Style attributes stay (Markdown's tables align cells with them), but only
# with properties that change how text looks, not what covers the page.
SAFE_STYLE_PROPERTIES = {
    "text-align",
    "vertical-align",
    "color",
    "background-color",
    "font-style",
    "font-weight",
    "text-decoration",
    "width",
    "height",
    "max-width",
}
SAFE_URL_SCHEMES = frozenset(nh3.ALLOWED_URL_SCHEMES)

# Every element of HTML, SVG's and MathML's roots, and the schemes that can run
# code: what the permissive cleaner lets through so that the difference with
# the strict one is what the strict one removed.
_EVERY_TAG = SAFE_TAGS | {
    "applet",
    "base",
    "basefont",
    "button",
    "canvas",
    "datalist",
    "dialog",
    "embed",
    "fieldset",
    "form",
    "frame",
    "frameset",
    "iframe",
    "input",
    "label",
    "legend",
    "link",
    "math",
    "meta",
    "meter",
    "noscript",
    "object",
    "optgroup",
    "option",
    "output",
    "param",
    "portal",
    "progress",
    "script",
    "search",
    "select",
    "slot",
    "svg",
    "template",
    "textarea",
}
_EVERY_SCHEME = SAFE_URL_SCHEMES | {"javascript", "vbscript", "data", "blob", "file"}

_STRICT = nh3.Cleaner(
    tags=set(SAFE_TAGS),
    clean_content_tags={"script", "style"},
    attributes=SAFE_ATTRIBUTES,
    generic_attribute_prefixes=SAFE_ATTRIBUTE_PREFIXES,
    filter_style_properties=SAFE_STYLE_PROPERTIES,
    url_schemes=set(SAFE_URL_SCHEMES),
    link_rel=None,
)
# Both filter style properties the same way (which also rewrites the ones
# kept), so a dropped property is looked for on its own (_STYLE_VALUE), as are
# <style> elements: ammonia cannot keep them while it filters style attributes.
_PERMISSIVE = nh3.Cleaner(
    tags=set(_EVERY_TAG),
    clean_content_tags={"style"},
    attributes=SAFE_ATTRIBUTES,
    generic_attribute_prefixes={""},  # every attribute
    filter_style_properties=SAFE_STYLE_PROPERTIES,
    url_schemes=set(_EVERY_SCHEME),
    link_rel=None,
)

_STYLE_ELEMENT = re.compile(r"<style", re.IGNORECASE)
_STYLE_VALUE = re.compile(r"""\sstyle\s*=\s*(?:"([^"]*)"|'([^']*)')""", re.IGNORECASE)


def clean_html(html: str) -> tuple[str, bool]:
    """`html` with everything unsafe removed, and whether anything was."""
    cleaned = _STRICT.clean(html)
    if cleaned == html:
        return cleaned, False
    removed = (
        cleaned != _PERMISSIVE.clean(html)
        or bool(_STYLE_ELEMENT.search(html))
        or any(
            name.strip().lower() not in SAFE_STYLE_PROPERTIES
            for match in _STYLE_VALUE.finditer(html)
            for name, colon, _ in (
                part.partition(":") for part in (match[1] or match[2] or "").split(";")
            )
            if colon
        )
    )
    return cleaned, removed


def is_allowed(metadata: Mapping[str, Any]) -> bool:
    """Whether a file's metadata lets it keep raw HTML."""
    return str(metadata.get(ALLOW_FIELD, "")).strip().lower() in ALLOW_VALUES
