"""Plain text and absolute addresses, as head meta needs them."""

from __future__ import annotations

from typing import Any

from markupsafe import Markup

# og:description and JSON-LD descriptions longer than this are cut at a word.
DESCRIPTION_LENGTH = 200


def plain_text(value: Any) -> str:
    """`value` as the text a reader sees: markup is stripped and entities decoded.

    A plain string is already text (a title with "<" in it means "<"); a
    Markup string (rendered HTML, such as a summary or a bio) is HTML.
    """
    if value is None:
        return ""
    if isinstance(value, Markup):
        return value.striptags()
    return str(value)


def html_text(html: Any) -> str:
    """The text of rendered HTML (a summary, a bio, a description)."""
    return Markup(str(html or "")).striptags()


def shorten(text: str, length: int = DESCRIPTION_LENGTH) -> str:
    """`text` cut at the last word that fits in `length`, with an ellipsis."""
    if len(text) <= length:
        return text
    cut = text[: length - 1].rsplit(" ", 1)[0].rstrip(" ,;:.–—")
    return f"{cut}…"


def absolute(site_url: str, url: Any) -> str | None:
    """The absolute address of a site-relative `url`; None in a development build.

    A relative canonical link or og:url is invalid, so a build without an
    absolute SITEURL gives none.
    """
    if not site_url or url is None:
        return None
    return f"{site_url}/{str(url).lstrip('/')}"


def url_of_file(save_as: str) -> str:
    """The address a file is served at: `tags/index.html` is `tags/`."""
    if save_as == "index.html":
        return ""
    if save_as.endswith("/index.html"):
        return save_as[: -len("index.html")]
    return save_as
