"""What else the build writes, so that a redirect never replaces a page, a feed or a file.

Pages Pelican has already written are known to its writer, which refuses to
write over them (the generator catches that); what is written or copied
later (static files, series pages, feeds) is claimed here in advance, so that
a redirect to such a path is refused before anything is written.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from ..core.outputs import FEATURE_OUTPUTS, FEED_SETTING, normal
from ..core.problems import ContentProblem, display_path
from .paths import Redirect, redirect_problem


def claimed_outputs(
    context: Mapping[str, Any], settings: Mapping[str, Any]
) -> dict[str, Path | str]:
    """Files written or copied after the redirects, each mapped to what it is.

    A value is the source file's Path for a copied file, and a description in
    words for the rest.
    """
    claimed: dict[str, Path | str] = {}
    for content in context.get("static_content", {}).values():
        save_as = getattr(content, "save_as", None)
        if content is not None and save_as:
            claimed[normal(save_as)] = Path(content.source_path)
    for series in context.get("guest_series", []):
        claimed[normal(series.save_as)] = f"the series page of {series.name!r}"
    for path, what in context.get(FEATURE_OUTPUTS, {}).items():
        claimed.setdefault(path, what)
    for name, value in settings.items():
        if FEED_SETTING.match(name) and isinstance(value, str) and "{" not in value:
            claimed.setdefault(normal(value), f"the feed {value}")
    return claimed


def source_of_page(contents: Iterable[Any], save_as: str) -> Path | None:
    """The post or page written to `save_as`, if one is.

    Asked only when a redirect clashes with a written page: Pelican formats a
    content's save_as anew on every access, too slow to ask of every post.
    """
    wanted = normal(save_as)
    for content in contents:
        if content is not None and normal(getattr(content, "save_as", "") or "") == wanted:
            return Path(content.source_path)
    return None


def describe(claim: Path | str, content_root: str | Path) -> str:
    """A claim in words: a file's path, or its description."""
    return display_path(claim, content_root) if isinstance(claim, Path) else claim


def overwrite_problem(
    redirect: Redirect, other: str, content_root: str | Path
) -> ContentProblem:
    """The error for a redirect whose page would replace `other` (in words)."""
    own = display_path(redirect.source_path, content_root)
    if not redirect.save_as:  # only lines in the server maps: nothing is overwritten
        message = (
            f"Redirect_from {redirect.old_path!r} is {other}, which the site still "
            "serves, so it is not redirected; remove it from Redirect_from"
        )
    elif other == own:
        message = (
            f"Redirect_from {redirect.old_path!r} is this file's own address; "
            "remove it from Redirect_from"
        )
    else:
        message = (
            f"Redirect_from {redirect.old_path!r} would overwrite {other} "
            f"({redirect.save_as}), so it is not written; remove it from "
            "Redirect_from, or give the other page another address"
        )
    return redirect_problem(redirect.source_path, message, content_root)


def claimed_patterns(settings: Mapping[str, Any]) -> list[tuple[re.Pattern, str]]:
    """Paths the build writes by pattern: each feed of a kind, and the theme's folder."""
    patterns = []
    for name, value in settings.items():
        if FEED_SETTING.match(name) and isinstance(value, str) and "{slug}" in value:
            regex = re.escape(normal(value)).replace(re.escape("{slug}"), "[^/]+")
            patterns.append((re.compile(f"^{regex}$"), f"a feed ({value})"))
    theme = normal(settings.get("THEME_STATIC_DIR") or "theme")
    patterns.append((re.compile(f"^{re.escape(theme)}/"), "the theme's own files"))
    return patterns


def keep_free(
    redirects: Iterable[Redirect],
    claimed: Mapping[str, Path | str],
    content_root: str | Path,
    patterns: Iterable[tuple[re.Pattern, str]] = (),
) -> tuple[list[Redirect], list[ContentProblem]]:
    """The redirects that take no path the build writes, and an error for each other.

    A redirect with a page must not replace a file; one with only map lines
    (an old `/feed.xml`) must not send away a file the site still serves.
    """
    kept, problems = [], []
    patterns = list(patterns)
    for redirect in redirects:
        path = normal(redirect.save_as or redirect.old_path)
        claim = claimed.get(path) or next(
            (what for pattern, what in patterns if pattern.match(path)), None
        )
        if claim is None:
            kept.append(redirect)
        else:
            problems.append(
                overwrite_problem(redirect, describe(claim, content_root), content_root)
            )
    return kept, problems
