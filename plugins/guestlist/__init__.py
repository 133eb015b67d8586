"""Guestlist: guest-blogger series for Pelican, as one package of feature plugins.

Each feature is a Pelican plugin of its own, switched on by its dotted name
in PLUGINS (`"guestlist.series"`); naming the package itself (`"guestlist"`)
switches every feature on, in the order the stages run. README.md beside
this file shows the flow.
"""

from __future__ import annotations

import importlib

# Content → read and validate (sanitize, markdown) → model (series) →
# generators (feeds, redirects, cards) → output; theme and cache prepare the build.
FEATURES = (
    "sanitize",
    "markdown",
    "series",
    "feeds",
    "redirects",
    "meta",
    "theme",
    "cache",
    "cards",
    "build",
)


def register() -> None:
    for feature in FEATURES:
        importlib.import_module(f"{__name__}.{feature}").register()
