"""Clean every post, page, profile and series description as it is read.

Posts and pages are cleaned on Pelican's `content_object_init`, so that no
check skipped before the build can ship a script; profiles and descriptions
when the series feature reads them (Guestlist's `source_html_read`). Each part
removed is an error naming its line. Only a post or page whose metadata says
`Allow_unsafe_html: yes` keeps its HTML as written; a bio or a description
needs none.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from pelican.contents import Article, Page

from ..core.lifecycle import problems_of
from ..core.problems import display_path
from .policy import clean_html, is_allowed
from .report import unsafe_html_problems

logger = logging.getLogger(__name__)


def sanitize_content(content: Any, **kwargs: Any) -> None:
    """content_object_init: clean a post's or page's HTML as Pelican reads it."""
    if not isinstance(content, (Article, Page)):
        return
    settings = content.settings
    # Pelican has no public setter for a post's body: `_content` is the raw
    # HTML its `content` and `get_content()` read, and what plugins on this
    # signal replace (tests/site/test_features.py checks that it still is).
    html = content._content
    if not html or not settings["GUEST_SERIES_SANITIZE"]:
        return
    content_root = Path(settings["PATH"])
    if is_allowed(content.metadata):
        if clean_html(html)[1]:
            logger.info(
                "%s keeps raw HTML the build would otherwise remove, as its "
                "metadata allows (Allow_unsafe_html)",
                display_path(content.source_path, content_root),
            )
        return
    cleaned, removed = clean_html(html)
    content._content = cleaned
    if removed:
        problems_of(settings).extend(
            unsafe_html_problems(content.source_path, html, content_root)
        )


def sanitize_source(
    html: str, *, path: str | Path, settings: Mapping[str, Any], **kwargs: Any
) -> str | None:
    """source_html_read: a profile's or description's body, cleaned."""
    if not html or not settings["GUEST_SERIES_SANITIZE"]:
        return None
    cleaned, removed = clean_html(html)
    if removed:
        problems_of(settings).extend(unsafe_html_problems(path, html, settings["PATH"]))
    return cleaned
