"""Attach each article's guest profile, and each author page's, and say what is missing.

A post's own `Twitter:` (or `X:`) line overrides its guest's X handle for that
post. A guest's author page lives at the slug of their profile's file name
(`content/authors/jo-example.md` → `authors/jo-example/`), so that it keeps its
address when the display name changes; authors without a profile keep
Pelican's slug of their name.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import replace
from typing import TYPE_CHECKING, Any

from ..core.handles import HandleError, parse_x
from ..core.markers import is_known_switch
from ..core.problems import ERROR, WARNING, ContentProblem, display_path, problem

if TYPE_CHECKING:
    from pathlib import Path

    from .model import GuestProfile


def attach_profiles(
    articles: Iterable[Any],
    profiles: Mapping[str, GuestProfile],
    profiles_folder: str,
    content_root: Path,
    x_domain: str = "x.com",
) -> list[ContentProblem]:
    """Set every article's `guest` (GuestProfile or None) and `guest_x`; return problems."""
    problems = []
    folder = display_path(content_root / profiles_folder, content_root)
    for article in articles:
        author = getattr(article, "author", None)
        name = getattr(author, "name", None)
        guest = profiles.get(name) if name else None
        own_x = _own_x_handle(article, x_domain, problems, content_root)
        if guest is not None and own_x is not None:
            guest = replace(guest, x=own_x)
        article.guest = guest
        article.guest_x = own_x or (guest.x if guest else None)
        problems += _mentions_switch_problems(article, content_root)
        if name and guest is None and profiles:
            problems.append(
                problem(
                    article.source_path,
                    f"the Author {name!r} has no profile, so the post shows the name "
                    f"alone; add {folder}/<your-name>.md with `Name: {name}` "
                    "(see CONTRIBUTING.md)",
                    field="author",
                    severity=WARNING,
                    content_root=content_root,
                )
            )
    return problems


def attach_to_authors(
    articles: Iterable[Any],
    authors: Sequence[tuple[Any, list[Any]]],
    profiles: Mapping[str, GuestProfile],
    content_root: Path,
) -> list[ContentProblem]:
    """Give Pelican's Author objects their profile (`author.guest`) and its slug.

    `articles` is every article, published or not (each holds its own Author
    objects); `authors` is the context's list of (Author, articles), the
    authors that get a page. Returns the problems found: a profile whose slug
    is the address of another author's page, which then keeps the slug of
    its name.
    """
    name_slugs = {author.name: author.slug for author, _ in authors}
    wanted = {
        name: profiles[name].slug if name in profiles else slug
        for name, slug in name_slugs.items()
    }
    claimed = {}  # slug -> the names that want it
    for name, slug in wanted.items():
        claimed.setdefault(slug, []).append(name)
    problems = []
    for slug, names in claimed.items():
        for name in names:
            moved = wanted[name] != name_slugs[name]
            if len(names) < 2 or not moved:
                continue
            others = ", ".join(repr(other) for other in names if other != name)
            problems.append(
                problem(
                    content_root / profiles[name].source_path,
                    f"this profile's file name gives {name!r} the author page "
                    f"authors/{slug}/, which {others} also has; rename the file "
                    "(the page stays at the slug of the name until then)",
                    severity=ERROR,
                    content_root=content_root,
                )
            )
            wanted[name] = name_slugs[name]

    every_author = [author for author, _ in authors] + [
        author for article in articles for author in getattr(article, "authors", [])
    ]
    for author in every_author:
        profile = profiles.get(author.name)
        slug = wanted.get(author.name, profile.slug if profile else None)
        if slug is not None and author.slug != slug:
            author.slug = slug
        author.guest = profile
    return problems


def _own_x_handle(article, x_domain, problems, content_root):
    """The X handle a post gives for itself (`Twitter:` or `X:`), if valid."""
    twitter, x = article.metadata.get("twitter"), article.metadata.get("x")
    if twitter and x and str(twitter).strip().lstrip("@") != str(x).strip().lstrip("@"):
        problems.append(
            problem(
                article.source_path,
                f"both Twitter ({str(twitter).strip()!r}) and X ({str(x).strip()!r}) are "
                "given, and X is another name for Twitter; keep one line (the Twitter "
                "one is used)",
                field="x",
                severity=WARNING,
                content_root=content_root,
            )
        )
    for field in ("twitter", "x"):
        raw = article.metadata.get(field)
        if raw is None or not str(raw).strip():
            continue
        try:
            return parse_x(raw, x_domain)
        except HandleError as error:
            problems.append(
                problem(
                    article.source_path,
                    f"{field.capitalize()} {str(raw).strip()!r} is not an X handle: "
                    f"{error}; the post shows its guest's own handle until fixed",
                    field=field,
                    severity=WARNING,
                    content_root=content_root,
                )
            )
            return None
    return None


def _mentions_switch_problems(article, content_root):
    raw = article.metadata.get("mentions")
    if raw is None or is_known_switch(raw):
        return []
    return [
        problem(
            article.source_path,
            f"Mentions {str(raw).strip()!r} is neither on nor off, so @handles are "
            "linked; write `Mentions: off` to leave them as plain text",
            field="mentions",
            severity=WARNING,
            content_root=content_root,
        )
    ]
