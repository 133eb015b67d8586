"""guestlist.cache: one content cache per version of what renders the content.

register() only wires the cache's folder (fingerprint.py) at start-up.
"""

from __future__ import annotations

from typing import Any

from pelican import signals

from ..core.lifecycle import connect_core
from .fingerprint import separate_content_cache


def use_own_cache_folder(pelican: Any, **kwargs: Any) -> None:
    """initialized: keep the content cache in the folder of this fingerprint."""
    separate_content_cache(pelican.settings)


def register() -> None:
    connect_core()
    signals.initialized.connect(use_own_cache_folder)
