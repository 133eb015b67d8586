"""guestlist.meta: what search engines and share previews read of every page.

register() only wires: the settings at start-up; once every generator has
read its content, the site's facts (site.py) in the context, from which the
head partial asks each page's meta (pages.py: canonical link, Open Graph and
X card tags, JSON-LD); and the generator that writes sitemap.xml and
robots.txt (generator.py).
"""

from __future__ import annotations

from typing import Any

from pelican import signals

from ..core.lifecycle import connect_core
from .generator import SitemapGenerator
from .settings import leave_files_to_the_host
from .site import CONTEXT_NAME, site_facts


def give_site_facts(generators: list[Any], **kwargs: Any) -> None:
    """all_generators_finalized: the site's facts, once, for every page's head."""
    if generators:
        context = generators[0].context
        context[CONTEXT_NAME] = site_facts(generators[0].settings, context)


def get_generators(pelican: Any, **kwargs: Any) -> type:
    """get_generators: the sitemap and robots.txt, after every page."""
    return SitemapGenerator


def register() -> None:
    connect_core()
    signals.initialized.connect(leave_files_to_the_host)
    signals.all_generators_finalized.connect(give_site_facts)
    signals.get_generators.connect(get_generators)
