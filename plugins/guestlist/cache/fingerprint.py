"""One content cache per version of what renders the content.

Pelican's content cache keeps each file's rendered HTML and trusts it while
the file itself is unchanged: it knows nothing of the Markdown extensions,
settings or plugin code that produced the HTML. After an upgrade of
Guestlist, or a change to GUEST_SERIES_MENTIONS, posts would keep their old
rendering. So the cache lives in a folder named after a fingerprint of all
of those; anything that changes them starts a fresh cache, and going back
finds the old one again.

The fingerprint itself is core's (core/fingerprint.py): the build keys its
pages with it too.
"""

from __future__ import annotations

import os
from collections.abc import MutableMapping
from typing import Any

from ..core.fingerprint import (  # noqa: F401 (the names this module always offered)
    PLUGIN_FOLDER,
    RENDERING_PACKAGES,
    RENDERING_SETTINGS,
    extension_sources,
    fingerprint,
)


def separate_content_cache(settings: MutableMapping[str, Any]) -> None:
    """Point CACHE_PATH at this fingerprint's own folder, when caching is on."""
    if not (settings.get("CACHE_CONTENT") or settings.get("LOAD_CONTENT_CACHE")):
        return
    settings["CACHE_PATH"] = os.path.join(
        settings["CACHE_PATH"], f"guestlist-{fingerprint(settings)}"
    )
