"""The sitemap and robots.txt, written once every page is.

The generator listens to Pelican's `content_written` for the pages of its
own run and writes both files at the end of the build (after the writer has
rendered the pages it queued for workers). Only with an absolute SITEURL: a
sitemap of relative addresses is invalid, and robots.txt needs the
sitemap's absolute address. A file is written only when its text changed,
so an unchanged rebuild leaves it as it was.
"""

from __future__ import annotations

import logging
import os
from typing import Any

from pelican import signals
from pelican.generators import Generator
from pelican.utils import sanitised_join

from ..core.lifecycle import at_the_end
from ..core.outputs import claim_outputs
from .robots import robots_txt
from .site import absolute_site_url
from .sitemap import UNINDEXED_TEMPLATES, SitemapEntry, entry_for, sitemap_xml

logger = logging.getLogger(__name__)


class SitemapGenerator(Generator):
    """Records each page written and writes sitemap.xml and robots.txt at the end."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        settings = self.settings
        self.site_url = absolute_site_url(settings)
        self.sitemap_as = self._own_file("GUEST_SERIES_SITEMAP_SAVE_AS")
        self.robots_as = self._own_file("GUEST_SERIES_ROBOTS_SAVE_AS")
        self.entries: list[SitemapEntry] = []
        # As the writer joins it to each page's path (pelican.utils.sanitised_join).
        self.output_root = os.path.abspath(self.output_path)
        self.unindexed = {
            str(settings.get(f"{name.upper()}_SAVE_AS", f"{name}.html")).lstrip("/")
            for name in UNINDEXED_TEMPLATES
        }
        if self.site_url and self.sitemap_as:
            # Held weakly: it goes with this run's generator.
            signals.content_written.connect(self.record)

    def _own_file(self, name: str) -> str:
        """Where the file of setting `name` goes; "" when none is written here."""
        save_as = str(self.settings.get(name) or "")
        return save_as if self.site_url else ""

    def generate_context(self) -> None:
        """Claim the two files' paths, so that no post or file takes them.

        Claimed in a development build too, where they are not written: a
        guest learns of the clash in their preview, not on publishing.
        """
        settings = self.settings
        claims = {}
        for name, what in (
            ("GUEST_SERIES_SITEMAP_SAVE_AS", "the sitemap"),
            ("GUEST_SERIES_ROBOTS_SAVE_AS", "robots.txt"),
        ):
            if settings.get(name):
                claims[settings[name]] = f"{what} ({name})"
        if claims:
            claim_outputs(self.context, claims)

    def generate_output(self, writer: Any) -> None:
        if self.sitemap_as or self.robots_as:
            at_the_end(self.settings, self.write_files)

    def record(self, path: str, context: Any = None, **kwargs: Any) -> None:
        """content_written: keep the page's entry, if it belongs in the sitemap."""
        entry = entry_for(str(path), self.output_root, context or {}, self.unindexed)
        if entry is not None:
            self.entries.append(entry)

    def write_files(self) -> None:
        """At the end of the build: the sitemap, then robots.txt naming it."""
        signals.content_written.disconnect(self.record)
        sitemap_url = None
        if self.sitemap_as:
            self._write(self.sitemap_as, sitemap_xml(self.site_url, self.entries))
            sitemap_url = f"{self.site_url}/{self.sitemap_as}"
        if self.robots_as:
            self._write(self.robots_as, robots_txt(sitemap_url))

    def _write(self, save_as: str, text: str) -> None:
        path = sanitised_join(self.output_path, save_as)
        data = text.encode("utf-8")
        try:
            with open(path, "rb") as file:
                if file.read() == data:
                    return
        except OSError:
            pass
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "wb") as file:
            file.write(data)
        logger.info('Writing "%s"', path)
