"""guestlist.theme: the settings of Guestlist's theme, checked once at start-up.

A Pelican theme is templates and static files only, so the few things the
theme needs computed (an accent colour that keeps its contrast, the host's
profile link, validated footer links) are prepared here, at `initialized`,
and handed to the templates as settings; what depends on the content read
(each author's initials, which of them is the host) and the stylesheet's
hashed name are worked out on every run, before any page is written.
"""

from pelican import signals

from ..core.lifecycle import connect_core
from .people import mark_authors
from .settings import prepare_theme_settings
from .stylesheet import link_stylesheet, write_stylesheet


def register() -> None:
    connect_core()
    signals.initialized.connect(prepare_theme_settings)
    signals.all_generators_finalized.connect(mark_authors)
    signals.all_generators_finalized.connect(link_stylesheet)
    signals.finalized.connect(write_stylesheet)
