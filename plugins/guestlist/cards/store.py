"""Cards already drawn, kept by key in CACHE_PATH: an unchanged post's card is copied.

Unlike Pelican's content cache, the store is kept and read in every build,
`make publish` included: a card's key is a digest of everything that decides
its pixels (keys.py), so a stored card cannot be stale, and a host who
publishes a blog of 1,000 posts should not wait for 1,000 cards each time
(Hugo keeps its processed images between builds the same way). At the end of
a build the cards no post used are deleted, so the folder holds one build's
cards.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

FOLDER = "guestlist-cards"


class CardStore:
    """A folder of `<key>.png` files."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder

    def get(self, key: str) -> bytes | None:
        """The card stored for `key` (once has() or put() said so), or None."""
        try:
            return self._path(key).read_bytes()
        except OSError:
            return None

    def has(self, key: str) -> bool:
        """Whether a card was drawn for `key` before (and may be used)."""
        return self._path(key).is_file()

    def put(self, key: str, data: bytes) -> None:
        """Keep `data` as the card of `key` (written whole, or not at all)."""
        self.folder.mkdir(parents=True, exist_ok=True)
        target = self._path(key)
        partial = target.with_name(f"{target.name}.{os.getpid()}.tmp")
        partial.write_bytes(data)
        os.replace(partial, target)

    def keep_only(self, keys: Iterable[str]) -> None:
        """Delete every card but those of `keys`: what this build's posts use."""
        wanted = {f"{key}.png" for key in keys}
        try:
            found = list(self.folder.iterdir())
        except OSError:
            return
        for path in found:
            if path.suffix == ".png" and path.name not in wanted:
                path.unlink(missing_ok=True)

    def _path(self, key: str) -> Path:
        return self.folder / f"{key}.png"


def store_for(settings: Mapping[str, Any]) -> CardStore:
    """The build's store, in its cache folder, whatever its content cache settings."""
    return CardStore(Path(settings.get("CACHE_PATH") or "cache") / FOLDER)
