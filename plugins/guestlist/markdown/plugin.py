"""The Pelican side of guestlist.markdown: the extensions switched on at start-up.

The extensions are added to the site's MARKDOWN settings by dotted name, so
that Pelican's Markdown reader (and any other) loads them as it loads its own.
"""

from __future__ import annotations

from typing import Any

from pelican import signals

from ..core.lifecycle import connect_core, settings_file_of
from ..core.problems import WARNING, ContentProblem, collector_for
from . import mentions, tweets, typography

# Python-Markdown's own extension for smart punctuation: both at once would do it twice.
SMARTY = "markdown.extensions.smarty"


def add_markdown_extensions(pelican: Any, **kwargs: Any) -> None:
    """initialized: switch the extensions on, configured from the settings."""
    settings = pelican.settings
    markdown = settings.setdefault("MARKDOWN", {})
    extension_configs = markdown.setdefault("extension_configs", {})
    extension_configs.setdefault(typography.__name__, {})
    if SMARTY in extension_configs or SMARTY in markdown.get("extensions", ()):
        collector_for(settings).add(
            ContentProblem(
                path=settings_file_of(settings),
                message=f"MARKDOWN loads {SMARTY} as well as the guestlist.markdown "
                "plugin, which does the same work",
                severity=WARNING,
                field="MARKDOWN",
                fix=f"take {SMARTY} out of MARKDOWN",
            )
        )
    extension_configs[tweets.__name__] = {
        "x_domain": settings["GUEST_SERIES_X_DOMAIN"],
        "date_format": settings.get("DEFAULT_DATE_FORMAT", "%Y-%m-%d"),
        "widgets": settings["GUEST_SERIES_X_WIDGETS"],
    }
    if settings["GUEST_SERIES_MENTIONS"]:
        extension_configs[mentions.__name__] = {
            "x_domain": settings["GUEST_SERIES_X_DOMAIN"]
        }


def register() -> None:
    connect_core()
    signals.initialized.connect(add_markdown_extensions)
