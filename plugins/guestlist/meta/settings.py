"""The meta feature's settings: where the sitemap and robots.txt are written."""

from __future__ import annotations

import logging
from typing import Any

from ..core.settings import Schema, Setting, relative_path
from .robots import host_owned

logger = logging.getLogger(__name__)

SCHEMA = Schema(
    "meta",
    (
        Setting(
            "GUEST_SERIES_SITEMAP_SAVE_AS",
            "sitemap.xml",
            "where the XML sitemap of every indexable page is written, with an absolute "
            "SITEURL only; '' writes none",
            (str,),
            parse=relative_path,
        ),
        Setting(
            "GUEST_SERIES_ROBOTS_SAVE_AS",
            "robots.txt",
            "where robots.txt, naming the sitemap, is written, with an absolute SITEURL "
            "only; '' writes none (nor does a file of the host's own mapped there "
            "through EXTRA_PATH_METADATA, which is copied instead)",
            (str,),
            parse=relative_path,
        ),
    ),
)


def leave_files_to_the_host(pelican: Any, **kwargs: Any) -> None:
    """initialized: a file of the host's mapped to robots.txt or the sitemap wins.

    The host decides: their own file (EXTRA_PATH_METADATA) is copied, and
    the build neither writes nor claims one of its own there.
    """
    settings = pelican.settings
    for name in ("GUEST_SERIES_SITEMAP_SAVE_AS", "GUEST_SERIES_ROBOTS_SAVE_AS"):
        save_as = settings.get(name)
        source = host_owned(save_as, settings) if save_as else None
        if source:
            logger.info("%s: the host's own %s is copied to %s", name, source, save_as)
            settings[name] = ""
