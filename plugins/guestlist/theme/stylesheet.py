"""The stylesheet under a name that carries a hash of its content.

A file whose name changes whenever its content does can be cached by
browsers for ever: a new stylesheet is a new address. The name is worked
out on every run, once the content is read and before any page is written
(the development server runs the build again in one process, after an edit
of the stylesheet too), and the templates link it through THEME_STYLESHEET;
the file is written under it when the run ends, beside the copy Pelican
makes of the theme's static files.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable
from pathlib import Path, PurePosixPath
from typing import Any

# Where the theme keeps its stylesheet, under THEME_STATIC_PATHS' "static".
SOURCE = PurePosixPath("static/css/style.css")
# Hex digits of the SHA-256 of the content kept in the name.
HASH_LENGTH = 10


def hashed_name(content: bytes, name: str = SOURCE.name) -> str:
    """`style.css` with the first hex digits of its SHA-256 inserted: `style.<hash>.css`."""
    stem, dot, suffix = name.rpartition(".")
    digest = hashlib.sha256(content).hexdigest()[:HASH_LENGTH]
    return f"{stem}.{digest}{dot}{suffix}"


def stylesheet_source(settings: dict[str, Any]) -> Path | None:
    """The theme's stylesheet file, or None for a theme that has none there."""
    source = Path(settings.get("THEME") or ".") / SOURCE
    return source if source.is_file() else None


def stylesheet_path(settings: dict[str, Any]) -> str:
    """The stylesheet's hashed path under the output folder, or "" without one."""
    source = stylesheet_source(settings)
    if source is None:
        return ""
    folder = PurePosixPath(settings.get("THEME_STATIC_DIR") or "theme") / "css"
    return (folder / hashed_name(source.read_bytes(), source.name)).as_posix()


def link_stylesheet(generators: Iterable[Any], **kwargs: Any) -> None:
    """all_generators_finalized: THEME_STYLESHEET for this run's pages."""
    generators = list(generators)
    if not generators:
        return
    path = stylesheet_path(generators[0].settings)
    for generator in generators:
        # Pelican's generators share one context, copied from the settings
        # when the run began: both get the name.
        generator.settings["THEME_STYLESHEET"] = path
        generator.context["THEME_STYLESHEET"] = path


def write_stylesheet(pelican: Any, **kwargs: Any) -> None:
    """finalized: write the stylesheet under its hashed name; drop stale hashed copies."""
    settings = pelican.settings
    source = stylesheet_source(settings)
    if not settings.get("THEME_STYLESHEET") or source is None:
        return
    content = source.read_bytes()
    folder = Path(pelican.output_path) / PurePosixPath(settings["THEME_STYLESHEET"]).parent
    target = folder / hashed_name(content, source.name)
    folder.mkdir(parents=True, exist_ok=True)
    if not target.is_file() or target.read_bytes() != content:
        target.write_bytes(content)
    stale = re.compile(rf"{re.escape(source.stem)}\.[0-9a-f]{{{HASH_LENGTH}}}\.css")
    for other in target.parent.iterdir():
        if other != target and stale.fullmatch(other.name):
            other.unlink()
