"""guestlist.feeds: the site, series, author and tag feeds, Atom and RSS 2.0, with feedgen.

register() only adds the generator; the feeds replace Pelican's own feed
writer, which the settings turn off.
"""

from __future__ import annotations

from typing import Any

from pelican import signals

from ..core.lifecycle import connect_core
from .generator import FeedsGenerator


def get_generators(pelican: Any, **kwargs: Any) -> type:
    """get_generators: the feeds, after the series and guests they describe."""
    return FeedsGenerator


def register() -> None:
    connect_core()
    signals.get_generators.connect(get_generators)
