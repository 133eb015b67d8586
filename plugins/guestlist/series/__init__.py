"""guestlist.series: guest-blogger series, guest profiles, and what ties them to posts.

register() only wires: the settings at start-up, the generator that reads
profiles and series descriptions and writes the series pages; a page's head
meta is the guestlist.meta feature's. The flow is in README.md beside the
package.
"""

from __future__ import annotations

from typing import Any

from pelican import signals

from ..core.lifecycle import connect_core
from .generator import GuestSeriesGenerator
from .settings import prepare_settings


def get_generators(pelican: Any, **kwargs: Any) -> type:
    """get_generators: series and guests, after Pelican's articles are read."""
    return GuestSeriesGenerator


def register() -> None:
    connect_core()
    signals.initialized.connect(prepare_settings)
    signals.get_generators.connect(get_generators)
