"""Static files from the content folder: only what a blog needs, and nothing that runs.

Pelican copies every file under STATIC_PATHS as it is. A guest's pull request
could add a link to a file outside the project (the runner's secrets, copied
into the preview), an HTML page or an SVG image that runs a script when
opened from the blog's own address. Before anything is copied, each static
file is checked; one that fails is reported with its path and not copied.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from ..core.problems import ERROR, ContentProblem, collector_for, display_path
from ..core.reading import inside

# What in an SVG image runs when the image is opened on its own: a script, an
# event attribute, a javascript: link, embedded HTML, an XSLT stylesheet.
_SVG_RUNS = re.compile(
    rb"<script|<foreignobject|<\?xml-stylesheet|\son[a-z]+\s*=|javascript\s*:|<!entity",
    re.IGNORECASE,
)


def check_static_files(generator: Any, **kwargs: Any) -> None:
    """static_generator_finalized: keep only the static files safe to publish."""
    settings = generator.settings
    content_root = Path(settings["PATH"])
    allowed = set(settings["GUEST_SERIES_STATIC_EXTENSIONS"])
    kept, problems = [], []
    for static in generator.staticfiles:
        reason = refusal(Path(static.source_path), content_root, allowed)
        if reason is None:
            kept.append(static)
            continue
        what, fix = reason
        problems.append(
            ContentProblem(
                path=display_path(static.source_path, content_root),
                message=f"{what}, so the build does not copy it",
                severity=ERROR,
                fix=fix,
            )
        )
        generator.context.get("static_content", {}).pop(
            static.get_relative_source_path(), None
        )
    # The list the context holds too: what Pelican copies.
    generator.staticfiles[:] = kept
    collector_for(settings).extend(problems)


def refusal(path: Path, content_root: Path, allowed: set[str]) -> tuple[str, str] | None:
    """(what is wrong, how to fix it) for a static file not to publish, or None."""
    if not inside(path, content_root):
        return (
            "the file is a link to something outside the content folder",
            "put the file itself in the content folder",
        )
    extension = path.suffix.lower().lstrip(".")
    if extension not in allowed:
        kind = f".{extension} files" if extension else "files without an extension"
        return (
            f"{kind} are not among the kinds a blog publishes",
            "use an image, PDF, audio or video file (the host can allow more kinds: "
            "GUEST_SERIES_STATIC_EXTENSIONS)",
        )
    if extension == "svg":
        try:
            data = path.read_bytes()
        except OSError as error:
            return f"the file cannot be read ({error.strerror or error})", "replace it"
        runs = _SVG_RUNS.search(data)
        if runs:
            found = runs.group(0).decode("ascii", "replace").strip()
            return (
                f"the SVG image holds {found!r}, which runs when the image is opened",
                "export it again as a plain image (no scripts, events or links)",
            )
    return None
