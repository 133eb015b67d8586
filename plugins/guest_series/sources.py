"""Read guest profiles and series descriptions from their content folders.

They are Markdown files with Pelican metadata, read with the site's own
Markdown reader (so they render with the site's extensions), but they are
neither articles nor pages: nothing is written for them directly.
"""

import difflib
from pathlib import Path

from .model import GuestProfile, SeriesDescription
from .problems import ERROR, WARNING, problem

PROFILE_FIELDS = ("name", "twitter", "x", "mastodon", "bluesky", "website", "avatar")
DESCRIPTION_FIELDS = ("title", "singular", "plural", "host")
MARKDOWN_SUFFIXES = (".md", ".markdown", ".mkd", ".mdown")


def markdown_files(folder):
    """The Markdown files directly in `folder`, sorted, or none if it is absent."""
    folder = Path(folder)
    if not folder.is_dir():
        return []
    return sorted(
        path
        for path in folder.iterdir()
        if path.suffix.lower() in MARKDOWN_SUFFIXES and path.is_file()
    )


def read_profiles(folder, markdown_reader, content_root):
    """Every profile in `folder`, keyed by the guest's name, and the problems found."""
    profiles, problems = {}, []
    for path in markdown_files(folder):
        bio_html, metadata = markdown_reader.read(str(path))
        problems += _unknown_fields(path, metadata, PROFILE_FIELDS, content_root)
        name = _text(metadata.get("name"))
        if not name:
            problems.append(
                problem(
                    path,
                    "the profile has no Name; add a line such as `Name: Jo Smith` "
                    "at the top, matching the Author of the guest's posts",
                    severity=ERROR,
                    content_root=content_root,
                )
            )
            continue
        if name in profiles:
            first = profiles[name].source_path
            problems.append(
                problem(
                    path,
                    f"a second profile for {name!r} (the first is {first}); "
                    "keep one and delete the other",
                    field="name",
                    severity=ERROR,
                    content_root=content_root,
                )
            )
            continue
        twitter = _text(metadata.get("twitter")) or _text(metadata.get("x"))
        profiles[name] = GuestProfile(
            slug=path.stem,
            name=name,
            source_path=_relative(path, content_root),
            bio_html=bio_html,
            twitter=twitter.lstrip("@") if twitter else None,
            mastodon=_text(metadata.get("mastodon")),
            bluesky=_text(metadata.get("bluesky")),
            website=_text(metadata.get("website")),
            avatar=_text(metadata.get("avatar")),
        )
    return profiles, problems


def read_descriptions(folder, markdown_reader, content_root):
    """Every series description in `folder`, keyed by series name, and the problems."""
    descriptions, problems = {}, []
    for path in markdown_files(folder):
        description_html, metadata = markdown_reader.read(str(path))
        problems += _unknown_fields(path, metadata, DESCRIPTION_FIELDS, content_root)
        title = _text(metadata.get("title"))
        if not title:
            problems.append(
                problem(
                    path,
                    "the series description has no Title; add a line such as "
                    "`Title: Birthday Bloggers`, written as the posts' Series "
                    "field writes it",
                    severity=ERROR,
                    content_root=content_root,
                )
            )
            continue
        if title in descriptions:
            first = descriptions[title].source_path
            problems.append(
                problem(
                    path,
                    f"a second description of the series {title!r} (the first is "
                    f"{first}); keep one and delete the other",
                    field="title",
                    severity=ERROR,
                    content_root=content_root,
                )
            )
            continue
        descriptions[title] = SeriesDescription(
            slug=path.stem,
            title=title,
            source_path=_relative(path, content_root),
            singular=_text(metadata.get("singular")),
            plural=_text(metadata.get("plural")),
            host=_text(metadata.get("host")),
            description_html=description_html,
        )
    return descriptions, problems


def _unknown_fields(path, metadata, known, content_root):
    """A warning for each metadata key the format does not know, with a guess."""
    problems = []
    for key in metadata:
        if key in known:
            continue
        guess = difflib.get_close_matches(key, known, n=1)
        hint = (
            f"did you mean {guess[0].capitalize()}?"
            if guess
            else "known fields are " + ", ".join(k.capitalize() for k in known)
        )
        problems.append(
            problem(
                path,
                f"unknown field {key.capitalize()!r} is ignored; {hint}",
                field=key,
                severity=WARNING,
                content_root=content_root,
            )
        )
    return problems


def _text(value):
    """A metadata value as one stripped string, or None when empty."""
    if value is None:
        return None
    if isinstance(value, list):
        value = " ".join(str(item) for item in value)
    value = str(value).strip()
    return value or None


def _relative(path, content_root):
    try:
        return Path(path).resolve().relative_to(Path(content_root).resolve()).as_posix()
    except ValueError:
        return Path(path).as_posix()
