"""The key of a page: everything its output is a function of, as one digest.

A page's key is made of a per-build base, the same for every page, and of
what the page's own template reads. The base holds what any page may
depend on without naming it: the code and rendering settings (the content
cache's fingerprint), the Python and Jinja versions, every template of the
theme, the Jinja settings, and the map of every content file to its URL,
which links inside a post's text resolve through (so a post added, removed
or moved renders every page again). The page's part: its template and the
templates it references, the output path and the site URL its links are
made relative to, and the digest of each variable the templates read
(fingerprints.py).
"""

from __future__ import annotations

import hashlib
import sys
from collections.abc import Mapping, MutableMapping
from pathlib import Path
from typing import Any

import jinja2
from pelican.contents import Static

from ..core.fingerprint import fingerprint
from .fingerprints import MISSING, Fingerprints, fingerprints_for, usage_digest
from .template_reads import VALUE, TemplateReads

# Changed whenever what goes into a key changes: every page renders again.
KEY_FORMAT = b"guestlist-page-key-1"
JINJA_SETTINGS = ("JINJA_ENVIRONMENT", "JINJA_FILTERS", "JINJA_GLOBALS", "JINJA_TESTS")


class PageKeys:
    """The keys of one build's pages."""

    def __init__(self, settings: MutableMapping[str, Any]) -> None:
        self.settings = settings
        self.fingerprints: Fingerprints = fingerprints_for(settings)
        self._base: bytes | None = None

    def key_of(
        self,
        reads: TemplateReads | None,
        template_name: str,
        save_as: str,
        localsiteurl: Any,
        localcontext: Mapping[str, Any],
        site_context: Mapping[str, Any] | None,
    ) -> str | None:
        """The page's key; None when its template's source is unknown (always rendered)."""
        if reads is None:
            return None
        digest = hashlib.sha256(self.base(site_context))
        digest.update(f"{template_name}\0{save_as}\0{localsiteurl!r}\0".encode())
        digest.update(reads.sources)
        if reads.everything:
            uses = dict.fromkeys(sorted(localcontext, key=str), VALUE)
        else:
            uses = reads.names
        for name, usage in uses.items():
            value = localcontext.get(name, MISSING)
            digest.update(f"{name}:{usage}:".encode())
            digest.update(usage_digest(self.fingerprints, value, usage))
        return digest.hexdigest()

    def base(self, site_context: Mapping[str, Any] | None) -> bytes:
        """What every page of the build depends on (worked out once)."""
        if self._base is None:
            digest = hashlib.sha256(KEY_FORMAT)
            # Compiled templates and their rendering change with Python and Jinja.
            digest.update(f"{sys.version}\0{jinja2.__version__}\0".encode())
            digest.update(fingerprint(self.settings).encode())
            for name, source in _theme_templates(self.settings):
                digest.update(f"{name}:{len(source)}:".encode() + source)
            for name in JINJA_SETTINGS:
                digest.update(name.encode())
                digest.update(self.fingerprints.of(self.settings.get(name)))
            digest.update(self._url_map(site_context or {}))
            self._base = digest.digest()
        return self._base

    def _url_map(self, context: Mapping[str, Any]) -> bytes:
        """Every content file's URL, which `{filename}` links resolve to.

        A static file's URL is not asked for: asking marks its location as
        referenced, and Pelican would then refuse to move it for `{attach}`.
        Its attributes hold its location once something overrides it.
        """
        digest = hashlib.sha256()
        for key in ("generated_content", "static_content"):
            found = context.get(key) or {}
            for source_path in sorted(found, key=str):
                content = found[source_path]
                digest.update(f"{key}:{source_path}\0".encode())
                if isinstance(content, Static):
                    digest.update(self.fingerprints.of_content(content, 1))
                elif content is not None:
                    digest.update(f"{content.url}\0".encode())
        return digest.digest()


def _theme_templates(settings: Mapping[str, Any]) -> list[tuple[str, bytes]]:
    folder = Path(settings.get("THEME") or ".") / "templates"
    if not folder.is_dir():
        return []
    return [
        (path.relative_to(folder).as_posix(), path.read_bytes())
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    ]
