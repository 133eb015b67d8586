"""A card's key: a digest of everything that decides its pixels, and nothing else.

Two cards with one key are the same bytes, so a card whose key is in the
cache is copied, not drawn. The key covers what the card shows (title, name,
initials, label, site name, colours), the bytes of the avatar or the guest's
own image, and what draws them: this package's code, its fonts, and the
versions of Pillow and of the zlib that compresses the PNG.
"""

from __future__ import annotations

import hashlib
import json
from functools import cache
from pathlib import Path
from typing import Any

from PIL import Image, features

PACKAGE = Path(__file__).resolve().parent


@cache
def code_version() -> str:
    """A digest of the code and fonts that draw cards (worked out once a process)."""
    digest = hashlib.sha256()
    digest.update(f"pillow={Image.__version__} zlib={features.version('zlib')}\n".encode())
    files = sorted(PACKAGE.glob("*.py")) + sorted(PACKAGE.glob("fonts/*.ttf"))
    for source in files:
        digest.update(source.relative_to(PACKAGE).as_posix().encode() + b"\0")
        digest.update(source.read_bytes())
    return digest.hexdigest()


def card_key(**parts: Any) -> str:
    """The key of a card drawn from `parts` (plain JSON values) with this code."""
    text = json.dumps([code_version(), parts], sort_keys=True, ensure_ascii=False)
    return hashlib.sha256(text.encode()).hexdigest()[:40]
