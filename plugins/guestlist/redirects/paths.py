"""Redirect_from, read: each old path a post or page asks for, checked and owned once.

A post's `Redirect_from` lists old paths of the site (comma-separated). Each
becomes a Redirect, or an error naming the file and the rule broken: a full
address, a query, a `..`, a character a server's map would read as syntax.
When two files ask for one path, the first in path order keeps it, so every
build gives the same answer.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Any
from urllib.parse import unquote

from ..core.problems import ERROR, WARNING, ContentProblem, display_path, problem

FIELD = "redirect_from"
# Paths ending so are written as that file; others get a folder with index.html.
PAGE_SUFFIXES = (".html", ".htm")
_SCHEME = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*:")
# Characters that a server's map would read as syntax, or a shell as a command.
_FORBIDDEN = set("\"'\\;{}<>$`|*")


class RedirectPathError(ValueError):
    """A Redirect_from entry that cannot be an old path of this site."""


@dataclass(frozen=True)
class Redirect:
    """One old path that forwards to a post or page."""

    old_path: str  # the old site path, decoded: "/2013/03/old.html"
    save_as: str  # the page written for it, under the output folder; "" for none
    target_url: str  # the new site path: "/2026/03/new-post/"
    title: str  # the title of the post it forwards to
    source_path: str  # the file asking for it, absolute


def parse_old_path(raw: str) -> tuple[str, str]:
    """(old site path, file to write) for a Redirect_from entry, or RedirectPathError.

    `/2013/03/old.html` is written as that file; `/old/` and `/old` (no
    suffix) as `old/index.html`; any other suffix (`/feed.xml`) gets no page,
    only map lines, since a page there would be served as the wrong type.
    """
    text = raw.strip()
    if _SCHEME.match(text) or text.startswith("//"):
        raise RedirectPathError("leaves the site: it is a full address, not a path")
    if "?" in text or "#" in text:
        raise RedirectPathError(
            "has a query or fragment (? or #), which a static page cannot answer"
        )
    path = unquote(text)
    if not path.startswith("/"):
        path = "/" + path
    bad = sorted({char for char in path if char in _FORBIDDEN or not char.isprintable()})
    if bad or any(char.isspace() for char in path):
        shown = " ".join(repr(char) for char in bad) or "a space"
        raise RedirectPathError(f"contains {shown}; use the path as the old site had it")
    segments = path.split("/")[1:]
    if any(segment in {"..", "."} for segment in segments):
        raise RedirectPathError("leaves the site: it goes up a folder with '..'")
    if any(segment == "" for segment in segments[:-1]):
        raise RedirectPathError("has an empty folder name ('//')")
    last = segments[-1]
    if last == "":
        save_as = path[1:] + "index.html"
    elif PurePosixPath(last).suffix.lower() in PAGE_SUFFIXES:
        save_as = path[1:]
    elif PurePosixPath(last).suffix:
        save_as = ""
    else:
        save_as = path[1:] + "/index.html"
    return path, save_as


def collect_redirects(
    contents: Iterable[Any], content_root: str | Path
) -> tuple[list[Redirect], list[ContentProblem]]:
    """The redirects `contents` ask for, each path once, and the problems found.

    Files are taken in path order, so when two ask for one path, the same
    one keeps it in every build.
    """
    redirects, problems = [], []
    owner = {}  # path key -> Redirect
    for content in sorted(contents, key=lambda item: item.source_path):
        for raw in _entries(content.metadata.get(FIELD)):
            try:
                old_path, save_as = parse_old_path(raw)
            except RedirectPathError as error:
                problems.append(
                    redirect_problem(
                        content.source_path,
                        f"Redirect_from {raw!r} {error}; write an old path of this "
                        "site, such as /2013/03/old-post.html",
                        content_root,
                    )
                )
                continue
            key = save_as or old_path
            first = owner.get(key)
            if first is not None:
                if first.source_path == content.source_path:
                    problems.append(
                        redirect_problem(
                            content.source_path,
                            f"Redirect_from lists {raw!r} twice (as {first.old_path!r} "
                            "too); keep it once",
                            content_root,
                            severity=WARNING,
                        )
                    )
                else:
                    problems.append(
                        redirect_problem(
                            content.source_path,
                            f"Redirect_from {raw!r} is also in "
                            f"{display_path(first.source_path, content_root)}, which "
                            "keeps it; an old address can forward to one place only, so "
                            "remove it from one of the two",
                            content_root,
                        )
                    )
                continue
            redirect = Redirect(
                old_path=old_path,
                save_as=save_as,
                target_url="/" + content.url,
                title=content.title,
                source_path=content.source_path,
            )
            owner[key] = redirect
            redirects.append(redirect)
    return redirects, problems


def _entries(value):
    if value is None:
        return []
    values = value if isinstance(value, list) else [value]
    return [
        entry.strip() for text in values for entry in str(text).split(",") if entry.strip()
    ]


def redirect_problem(
    source_path: str | Path, message: str, content_root: str | Path, severity: str = ERROR
) -> ContentProblem:
    """A problem with a file's Redirect_from, on the field's line."""
    return problem(
        source_path, message, field=FIELD, severity=severity, content_root=content_root
    )
