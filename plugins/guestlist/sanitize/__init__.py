"""guestlist.sanitize: no script, iframe, event attribute or javascript: link in any page.

register() only wires the cleaning (cleaning.py) to the moments content is
read, and the check of static files (static.py) to the moment before they are
copied.
"""

from pelican import signals

from ..core.lifecycle import connect_core
from ..core.signals import source_html_read
from .cleaning import sanitize_content, sanitize_source
from .static import check_static_files


def register() -> None:
    connect_core()
    signals.content_object_init.connect(sanitize_content)
    source_html_read.connect(sanitize_source)
    signals.static_generator_finalized.connect(check_static_files)
