"""The sanitiser's settings, and the metadata field with which a file keeps raw HTML."""

from ..core.settings import Schema, Setting, field_names
from .policy import ALLOW_FIELD


def _texts(value: tuple | list) -> tuple[str, ...]:
    if not all(isinstance(item, str) and item.strip() for item in value):
        raise ValueError("must list names as text")
    return tuple(item.strip() for item in value)


def _extensions(value: tuple | list) -> tuple[str, ...]:
    return tuple(name.lstrip(".") for name in field_names(value))


SCHEMA = Schema(
    "sanitize",
    (
        Setting(
            "GUEST_SERIES_SANITIZE",
            True,
            "remove scripts, iframes, on…= attributes and javascript: links from every "
            "post, page, profile and series description as it is read",
            (bool,),
        ),
        Setting(
            "GUEST_SERIES_TRUSTED_HTML_FILES",
            (),
            "posts and pages (paths under PATH, * and ? allowed, e.g. 'pages/about.md') "
            "whose raw HTML the host trusts and keeps as written",
            (tuple, list),
            parse=_texts,
        ),
        Setting(
            "GUEST_SERIES_TRUSTED_HTML_AUTHORS",
            (),
            "authors (as their posts' Author writes them) whose raw HTML the host trusts",
            (tuple, list),
            parse=_texts,
        ),
        Setting(
            "GUEST_SERIES_STATIC_EXTENSIONS",
            (
                "png",
                "jpg",
                "jpeg",
                "gif",
                "webp",
                "avif",
                "svg",
                "ico",
                "pdf",
                "txt",
                "mp3",
                "m4a",
                "ogg",
                "oga",
                "mp4",
                "webm",
                "woff",
                "woff2",
            ),
            "the kinds of static file (by extension) the build copies from the content "
            "folder; a file of any other kind is reported and not copied",
            (tuple, list),
            parse=_extensions,
        ),
    ),
    metadata_fields=(ALLOW_FIELD,),
)
