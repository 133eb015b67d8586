"""guestlist.redirects: old addresses (Redirect_from) that forward to new ones.

register() only adds the generator (generator.py); paths.py reads the field,
claims.py knows what else the build writes, maps.py writes the server maps.
"""

from __future__ import annotations

from typing import Any

from pelican import signals

from ..core.lifecycle import connect_core
from .generator import RedirectGenerator


def get_generators(pelican: Any, **kwargs: Any) -> type:
    """get_generators: redirects, after every other page is known."""
    return RedirectGenerator


def register() -> None:
    connect_core()
    signals.get_generators.connect(get_generators)
