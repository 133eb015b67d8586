"""One content cache per version of what renders the content.

Pelican's content cache keeps each file's rendered HTML and trusts it while
the file itself is unchanged: it knows nothing of the Markdown extensions,
settings or plugin code that produced the HTML. After an upgrade of
Guestlist, or a change to GUEST_SERIES_MENTIONS, posts would keep their old
rendering. So the cache lives in a folder named after a fingerprint of all
of those; anything that changes them starts a fresh cache, and going back
finds the old one again.
"""

import hashlib
import json
import os
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

# Pelican settings that change what a file renders to (beside GUEST_SERIES_*).
RENDERING_SETTINGS = (
    "MARKDOWN",
    "FORMATTED_FIELDS",
    "TYPOGRIFY",
    "TYPOGRIFY_IGNORE_TAGS",
    "TYPOGRIFY_DASHES",
    "SUMMARY_MAX_LENGTH",
    "SUMMARY_END_SUFFIX",
    "TIMEZONE",
    "DEFAULT_DATE_FORMAT",
    "DEFAULT_LANG",
    "SLUGIFY_SOURCE",
    "SLUG_REGEX_SUBSTITUTIONS",
    "FILENAME_METADATA",
    "PATH_METADATA",
    "EXTRA_PATH_METADATA",
    "DEFAULT_METADATA",
)
RENDERING_PACKAGES = ("pelican", "markdown", "pygments", "nh3")
PLUGIN_FOLDER = Path(__file__).resolve().parent


def fingerprint(settings):
    """A short, stable digest of the code and settings that render content."""
    digest = hashlib.sha256()
    for package in RENDERING_PACKAGES:
        try:
            digest.update(f"{package}={version(package)}\n".encode())
        except PackageNotFoundError:
            digest.update(f"{package}=none\n".encode())
    for source in sorted(PLUGIN_FOLDER.rglob("*.py")):
        digest.update(source.relative_to(PLUGIN_FOLDER).as_posix().encode())
        digest.update(source.read_bytes())
    chosen = {
        name: value
        for name, value in settings.items()
        if name in RENDERING_SETTINGS or name.startswith("GUEST_SERIES_")
    }
    digest.update(json.dumps(chosen, sort_keys=True, default=_stable).encode())
    return digest.hexdigest()[:16]


def separate_content_cache(settings):
    """Point CACHE_PATH at this fingerprint's own folder, when caching is on."""
    if not (settings.get("CACHE_CONTENT") or settings.get("LOAD_CONTENT_CACHE")):
        return
    settings["CACHE_PATH"] = os.path.join(
        settings["CACHE_PATH"], f"guestlist-{fingerprint(settings)}"
    )


def _stable(value):
    """A JSON stand-in for a value json cannot write, the same in every run."""
    if isinstance(value, set | frozenset):
        return sorted(map(repr, value))
    kind = type(value)
    return f"<{kind.__module__}.{kind.__qualname__}>"
