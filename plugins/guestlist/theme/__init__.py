"""guestlist.theme: the settings of Guestlist's theme, checked once at start-up.

A Pelican theme is templates and static files only, so the few things the
theme needs computed (an accent colour that keeps its contrast, the host's
profile link, validated footer links) are prepared here, at `initialized`,
and handed to the templates as settings.
"""

from pelican import signals

from ..core.lifecycle import connect_core
from .settings import prepare_theme_settings


def register() -> None:
    connect_core()
    signals.initialized.connect(prepare_theme_settings)
