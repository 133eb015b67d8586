"""guestlist_typography: curly quotes, dashes and ellipses, in one pass.

The work is a Markdown extension (smart_punctuation.py); this plugin only
adds it to the site's MARKDOWN settings when Pelican starts. A site without
smart punctuation leaves the plugin out of PLUGINS.
"""

import logging

from pelican import signals

from . import typography as smart_punctuation

logger = logging.getLogger(__name__)

# Python-Markdown's own extension for the same work: both at once would do it twice.
SMARTY = "markdown.extensions.smarty"


def add_markdown_extension(pelican, **kwargs):
    """Switch the extension on, by dotted name, in whatever site loads the plugin."""
    extension_configs = pelican.settings.setdefault("MARKDOWN", {}).setdefault(
        "extension_configs", {}
    )
    extension_configs.setdefault(smart_punctuation.__name__, {})
    if SMARTY in extension_configs or SMARTY in pelican.settings["MARKDOWN"].get(
        "extensions", ()
    ):
        logger.warning(
            "MARKDOWN loads %s as well as the guestlist_typography plugin, which "
            "does the same work: take %s out of MARKDOWN in your settings.",
            SMARTY,
            SMARTY,
        )


def register():
    signals.initialized.connect(add_markdown_extension)
