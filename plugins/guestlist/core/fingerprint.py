"""A digest of the code and settings that render content: what a rebuild must trust.

Pelican trusts what it rendered before while the content file is unchanged;
it knows nothing of the Markdown extensions, settings or plugin code that
did the rendering. Two features need to know when those changed: the
content cache keeps a folder a fingerprint (cache/fingerprint.py), and the
build renders every page again (build/keys.py).

The code covered is the whole guestlist package's, and that of the site's
other Markdown extensions that are not installed packages (whose versions
would say when they change): the extensions other plugins in PLUGINS bring,
and any module of the site's own named in MARKDOWN.
"""

from __future__ import annotations

import hashlib
import json
import sys
import sysconfig
from collections.abc import Mapping
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import Any

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
    # A plugin turned on or off changes what is rendered.
    "PLUGINS",
)
# GUEST_SERIES_* settings that choose how the build runs, not what it
# renders: one process and several give the same bytes, so `make html JOBS=1`
# after `make html` must not throw the content cache away.
HOW_TO_BUILD_SETTINGS = frozenset(
    {"GUEST_SERIES_PROCESSES", "GUEST_SERIES_WRITE_CHANGED_ONLY"}
)
RENDERING_PACKAGES = ("pelican", "markdown", "pygments", "nh3")
PLUGIN_FOLDER = Path(__file__).resolve().parent.parent  # the whole guestlist package


def fingerprint(settings: Mapping[str, Any]) -> str:
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
    for name, source in extension_sources(settings):
        digest.update(name.encode())
        digest.update(source.read_bytes())
    chosen = {
        name: value
        for name, value in settings.items()
        if name in RENDERING_SETTINGS
        or (name.startswith("GUEST_SERIES_") and name not in HOW_TO_BUILD_SETTINGS)
    }
    digest.update(json.dumps(chosen, sort_keys=True, default=_stable).encode())
    return digest.hexdigest()[:16]


def extension_sources(settings: Mapping[str, Any]) -> list[tuple[str, Path]]:
    """(name, file) of the code outside installed packages that renders Markdown.

    Two kinds, each named independently of where the site is checked out:
    every Python file of the plugins in PLUGINS found under PLUGIN_PATHS
    (other than this one), named by plugin and path, since a plugin adds its
    extension to MARKDOWN at `initialized`, perhaps only after this runs; and
    each module named in MARKDOWN that is already imported from outside the
    installed packages, named by module.
    """
    found = {}
    plugin_paths = [Path(path) for path in settings.get("PLUGIN_PATHS") or ()]
    for plugin in settings.get("PLUGINS") or ():
        if not isinstance(plugin, str):
            continue
        for path in plugin_paths:
            folder = path / plugin.replace(".", "/")
            files = sorted(folder.rglob("*.py")) if folder.is_dir() else []
            module = folder.with_suffix(".py")
            files += [module] if module.is_file() else []
            for source in files:
                source = source.resolve()
                if not source.is_relative_to(PLUGIN_FOLDER):
                    relative = source.relative_to(path.resolve()).as_posix()
                    found.setdefault(source, relative)
    for name in _markdown_extension_names(settings):
        source = getattr(sys.modules.get(name), "__file__", None)
        if source and not _installed(Path(source)):
            source = Path(source).resolve()
            if not source.is_relative_to(PLUGIN_FOLDER):
                found.setdefault(source, name)
    return sorted((name, source) for source, name in found.items())


def _markdown_extension_names(settings):
    """The module names of the extensions MARKDOWN loads by name."""
    markdown = settings.get("MARKDOWN") or {}
    names = list(markdown.get("extension_configs") or {})
    names += [name for name in markdown.get("extensions") or () if isinstance(name, str)]
    # "package.module:ClassName" names a class in the module.
    return [name.split(":", 1)[0] for name in names]


def _installed(source):
    """Whether `source` belongs to an installed package or the standard library."""
    paths = sysconfig.get_paths()
    roots = {paths[key] for key in ("purelib", "platlib", "stdlib", "platstdlib")}
    return any(source.resolve().is_relative_to(Path(root).resolve()) for root in roots)


def _stable(value):
    """A JSON stand-in for a value json cannot write, the same in every run."""
    if isinstance(value, set | frozenset):
        return sorted(map(repr, value))
    kind = type(value)
    return f"<{kind.__module__}.{kind.__qualname__}>"
