"""robots.txt: every crawler welcome, and where the sitemap is."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any


def robots_txt(sitemap_url: str | None) -> str:
    """The text of robots.txt; `sitemap_url` absolute, or None for no Sitemap line."""
    lines = ["User-agent: *", "Disallow:"]
    if sitemap_url:
        lines += ["", f"Sitemap: {sitemap_url}"]
    return "\n".join(lines) + "\n"


def host_owned(save_as: str, settings: Mapping[str, Any]) -> str | None:
    """The host's own file that EXTRA_PATH_METADATA maps to `save_as`, if any.

    The host decides: a file of theirs mapped there is copied as it is, and
    none is written in its place.
    """
    for source, metadata in (settings.get("EXTRA_PATH_METADATA") or {}).items():
        if not isinstance(metadata, Mapping):
            continue
        target = metadata.get("save_as") or metadata.get("path")
        if target and str(target).lstrip("/") == save_as:
            return str(source)
    return None
