"""Clean every post, page, profile and series description as it is read.

Posts and pages are cleaned on Pelican's `content_object_init`, so that no
check skipped before the build can ship a script; profiles and descriptions
when the series feature reads them (Guestlist's `source_html_read`). Each part
removed is an error naming its line. The host, not the guest, decides what is
trusted: only a post or page the host's settings name
(GUEST_SERIES_TRUSTED_HTML_FILES, _AUTHORS) keeps its HTML as written; a
file's own `Allow_unsafe_html` line is an error. A bio or a description
needs none.
"""

from __future__ import annotations

import fnmatch
import logging
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from pelican.contents import Article, Page

from ..core.problems import ERROR, collector_for, display_path, problem
from .policy import ALLOW_FIELD, clean_html, is_allowed
from .report import unsafe_html_problems

logger = logging.getLogger(__name__)


def sanitize_content(content: Any, **kwargs: Any) -> None:
    """content_object_init: clean a post's or page's HTML as Pelican reads it.

    The body and every formatted metadata field (the Summary, by default) are
    cleaned, since listings and feeds show the Summary as HTML too.
    """
    if not isinstance(content, (Article, Page)):
        return
    settings = content.settings
    if not settings["GUEST_SERIES_SANITIZE"]:
        return
    content_root = Path(settings["PATH"])
    if trusted(content, settings):
        if clean_html(content._content or "")[1]:
            logger.info(
                "%s keeps raw HTML the build would otherwise remove, as the host's "
                "settings trust it",
                display_path(content.source_path, content_root),
            )
        return
    collector = collector_for(settings)
    if is_allowed(content.metadata):
        collector.add(
            problem(
                content.source_path,
                "the file asks to keep raw HTML (Allow_unsafe_html), but only the host "
                "can allow that, so the build cleans it as any other; remove the line, "
                "or ask the host to add the file to GUEST_SERIES_TRUSTED_HTML_FILES",
                field=ALLOW_FIELD,
                severity=ERROR,
                content_root=content_root,
            )
        )
    # Pelican has no public setter for a post's body: `_content` is the raw
    # HTML its `content` and `get_content()` read, and what plugins on this
    # signal replace (tests/site/test_features.py checks that it still is).
    html = content._content
    if html:
        cleaned, removed = clean_html(html)
        content._content = cleaned
        if removed:
            collector.extend(unsafe_html_problems(content.source_path, html, content_root))
    for name in settings.get("FORMATTED_FIELDS", ()):
        value = content.metadata.get(name)
        if not isinstance(value, str) or not value:
            continue
        cleaned, removed = clean_html(value)
        content.metadata[name] = cleaned
        if name == "summary":
            content._summary = cleaned  # what Pelican's summary property reads
        if removed:
            collector.extend(
                unsafe_html_problems(content.source_path, value, content_root, name)
            )


def trusted(content: Any, settings: Mapping[str, Any]) -> bool:
    """Whether the host's settings keep this file's raw HTML as written."""
    files = settings["GUEST_SERIES_TRUSTED_HTML_FILES"]
    authors = settings["GUEST_SERIES_TRUSTED_HTML_AUTHORS"]
    if not content.source_path or not (files or authors):
        return False
    relative = Path(content.source_path).resolve()
    try:
        relative = relative.relative_to(Path(settings["PATH"]).resolve())
    except ValueError:
        return False
    if any(fnmatch.fnmatchcase(relative.as_posix(), pattern) for pattern in files):
        return True
    authors = {
        getattr(author, "name", author) for author in getattr(content, "authors", [])
    }
    return bool(authors & set(settings["GUEST_SERIES_TRUSTED_HTML_AUTHORS"]))


def sanitize_source(
    html: str, *, path: str | Path, settings: Mapping[str, Any], **kwargs: Any
) -> str | None:
    """source_html_read: a profile's or description's body, cleaned."""
    if not html or not settings["GUEST_SERIES_SANITIZE"]:
        return None
    cleaned, removed = clean_html(html)
    if removed:
        collector_for(settings).extend(
            unsafe_html_problems(path, html, settings["PATH"], trusted_by_host=False)
        )
    return cleaned
