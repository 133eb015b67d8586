"""Read guest profiles and series descriptions from their content folders.

They are Markdown files with Pelican metadata, read with the site's own
Markdown reader (so they render with the site's extensions), but they are
neither articles nor pages: nothing is written for them directly.
"""

from __future__ import annotations

import difflib
from collections.abc import Callable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any

from markdown import Markdown

from ..core.frontmatter import markdown_files, metadata_text
from ..core.handles import (
    Handle,
    HandleError,
    parse_bluesky,
    parse_mastodon,
    parse_website,
    parse_x,
)
from ..core.markers import is_known_switch, switch_is_on
from ..core.problems import ERROR, WARNING, ContentProblem, problem
from ..core.reading import ContentRefused, inside, read_source_text
from ..core.slugs import slug_of
from .model import GuestProfile, SeriesDescription

PROFILE_FIELDS = ("name", "twitter", "x", "mastodon", "bluesky", "website", "avatar")
DESCRIPTION_FIELDS = ("title", "singular", "plural", "host", "host_notes")
# The field each kind of file is known by: (field, if it is missing, if repeated).
PROFILE_NAME = (
    "name",
    "the profile has no Name; add a line such as `Name: Jo Smith` at the top, "
    "matching the Author of the guest's posts",
    "a second profile for",
)
DESCRIPTION_TITLE = (
    "title",
    "the series description has no Title; add a line such as "
    "`Title: Birthday Bloggers`, written as the posts' Series field writes it",
    "a second description of the series",
)


class SmallFileReader:
    """Reads profiles and descriptions through one Markdown instance, reset between files.

    Pelican's MarkdownReader builds a new Markdown object, with every
    extension, for each file, which costs more than converting the file.
    These files need nothing from it but the body and the metadata lines,
    which one instance gives for less than half the time.
    `read(path)` returns (html, metadata) as MarkdownReader's does, with the
    keys lower-cased and a one-line value as a string; a file the trust
    boundary refuses (core/reading.py) raises ContentRefused.
    """

    def __init__(
        self, markdown_settings: Mapping[str, Any], content_root: str | Path
    ) -> None:
        self.content_root = content_root
        configs = dict(markdown_settings.get("extension_configs", {}))
        extensions = list(markdown_settings.get("extensions", []))
        extensions += [name for name in configs if name not in extensions]
        if "markdown.extensions.meta" not in extensions:
            extensions.append("markdown.extensions.meta")
        self._markdown = Markdown(
            extensions=extensions,
            extension_configs=configs,
            output_format=markdown_settings.get("output_format", "html5"),
        )

    def read(self, path: str | Path) -> tuple[str, dict[str, Any]]:
        text = read_source_text(path, self.content_root)
        self._markdown.reset()
        html = self._markdown.convert(text)
        metadata = {
            key.lower(): values[0] if len(values) == 1 else values
            for key, values in getattr(self._markdown, "Meta", {}).items()
        }
        return html, metadata


def read_profiles(
    folder: str | Path,
    markdown_reader: SmallFileReader,
    content_root: str | Path,
    settings: Mapping[str, Any] | None = None,
) -> tuple[dict[str, GuestProfile], list[ContentProblem]]:
    """Every profile in `folder`, keyed by the guest's name, and the problems found.

    Handles, the website and the avatar are validated here: a bad one is
    reported (file, field, the rule it breaks) and left out of the profile.
    """
    settings = settings or {}
    profiles, problems = {}, []
    files = _sources(folder, markdown_reader, PROFILE_FIELDS, content_root, problems)
    for path, bio_html, metadata in files:
        name, unusable = _identity(path, metadata, profiles, PROFILE_NAME, content_root)
        if unusable:
            problems.append(unusable)
            continue
        fields = ProfileFields(path, metadata, content_root)
        x_domain = settings.get("GUEST_SERIES_X_DOMAIN", "x.com")
        profiles[name] = GuestProfile(
            slug=profile_slug(path, name, settings),
            name=name,
            source_path=_relative(path, content_root),
            bio_html=bio_html,
            x=fields.x_handle(x_domain),
            mastodon=fields.read("mastodon", parse_mastodon, "a Mastodon handle"),
            bluesky=fields.read("bluesky", parse_bluesky, "a Bluesky handle"),
            website=fields.read("website", parse_website, "a website address"),
            avatar=fields.avatar(settings.get("STATIC_PATHS", ["images"])),
        )
        problems += fields.problems
    return profiles, problems


def profile_slug(path: Path, name: str, settings: Mapping[str, Any]) -> str:
    """The slug of the profile's file name (the author page's address), or of the name."""
    # As Pelican's Author slugs are made (URLWrapper.slug).
    regex_subs = settings.get(
        "AUTHOR_REGEX_SUBSTITUTIONS", settings.get("SLUG_REGEX_SUBSTITUTIONS", [])
    )
    for text in (path.stem, name):
        slug = slug_of(text, settings, regex_subs=regex_subs)
        if slug:
            return slug
    return path.stem


class ProfileFields:
    """Reads one profile's handles, website and avatar, collecting the problems."""

    def __init__(
        self, path: str | Path, metadata: Mapping[str, Any], content_root: str | Path
    ) -> None:
        self.path = Path(path)
        self.metadata = metadata
        self.content_root = Path(content_root)
        self.problems = []

    def read(self, field: str, parse: Callable[..., Any], what: str, *args: Any) -> Any:
        raw = metadata_text(self.metadata.get(field))
        if raw is None:
            return None
        try:
            return parse(raw, *args)
        except HandleError as error:
            self._report(field, f"{field.capitalize()} {raw!r} is not {what}: {error}")
            return None

    def x_handle(self, domain: str) -> Handle | None:
        """Twitter, or X (its other name); both given and different is a problem."""
        twitter = metadata_text(self.metadata.get("twitter"))
        x = metadata_text(self.metadata.get("x"))
        if twitter and x and twitter.lstrip("@") != x.lstrip("@"):
            self._report(
                "x",
                f"both Twitter ({twitter!r}) and X ({x!r}) are given, and X is another "
                "name for Twitter; keep one line (the Twitter one is used)",
                left_out=False,
            )
        field = "twitter" if twitter else "x"
        return self.read(field, parse_x, "an X handle", domain)

    def avatar(self, static_paths: Sequence[str]) -> str | None:
        """A path under the content folder to a file that the build copies."""
        raw = metadata_text(self.metadata.get("avatar"))
        if raw is None:
            return None
        relative = raw.removeprefix("./")
        example = "images/avatars/jo.svg"
        if "://" in raw or raw.startswith(("/", "\\")) or ".." in Path(raw).parts:
            why = f"is not a path under {self.content_root.name}/ (write it like {example})"
        elif not _is_file(self.content_root / relative):
            why = f"is not a file under {self.content_root.name}/ (check the spelling)"
        elif not inside(self.content_root / relative, self.content_root):
            why = "is a link to something outside the content folder, which is not copied"
        elif not any(Path(relative).is_relative_to(folder) for folder in static_paths):
            folders = ", ".join(f"{folder}/" for folder in static_paths)
            why = f"is outside the folders copied to the site ({folders})"
        else:
            return Path(relative).as_posix()
        self._report("avatar", f"Avatar {raw!r} {why}")
        return None

    def _report(self, field, message, left_out=True):
        if left_out:
            message += "; it is left out of the pages until fixed"
        self.problems.append(
            problem(
                self.path,
                message,
                field=field,
                severity=WARNING,
                content_root=self.content_root,
            )
        )


def read_descriptions(
    folder: str | Path, markdown_reader: SmallFileReader, content_root: str | Path
) -> tuple[dict[str, SeriesDescription], list[ContentProblem]]:
    """Every series description in `folder`, keyed by series name, and the problems."""
    descriptions, problems = {}, []
    files = _sources(folder, markdown_reader, DESCRIPTION_FIELDS, content_root, problems)
    for path, description_html, metadata in files:
        title, unusable = _identity(
            path, metadata, descriptions, DESCRIPTION_TITLE, content_root
        )
        if unusable:
            problems.append(unusable)
            continue
        descriptions[title] = SeriesDescription(
            slug=path.stem,
            title=title,
            source_path=_relative(path, content_root),
            singular=metadata_text(metadata.get("singular")),
            plural=metadata_text(metadata.get("plural")),
            host=metadata_text(metadata.get("host")),
            description_html=description_html,
            host_notes=_host_notes(path, metadata, content_root, problems),
        )
    return descriptions, problems


def _host_notes(path, metadata, content_root, problems):
    """Whether a description's `Host_notes` leaves missing-note warnings on."""
    value = metadata_text(metadata.get("host_notes"))
    if value is None:
        return True
    if not is_known_switch(value):
        problems.append(
            problem(
                path,
                f"Host_notes {value[:20]!r} is neither on nor off; write "
                "`Host_notes: off` to stop warning about posts without a host's note "
                "(until then it stays on)",
                field="host_notes",
                severity=WARNING,
                content_root=content_root,
            )
        )
        return True
    return switch_is_on(value)


def _sources(
    folder: str | Path,
    markdown_reader: SmallFileReader,
    known: Sequence[str],
    content_root: str | Path,
    problems: list[ContentProblem],
) -> Iterator[tuple[Path, str, dict[str, Any]]]:
    """(path, html, metadata) of each file in `folder`, its unknown fields reported."""
    for path in markdown_files(folder):
        try:
            html, metadata = markdown_reader.read(str(path))
        except ContentRefused as refused:
            problems.append(refused.problem)
            continue
        problems += _unknown_fields(path, metadata, known, content_root)
        yield path, html, metadata


def _identity(
    path: Path,
    metadata: Mapping[str, Any],
    found: Mapping[str, Any],
    key: tuple[str, str, str],
    content_root: str | Path,
) -> tuple[str | None, ContentProblem | None]:
    """The name a profile or description is known by, or the problem that makes it unusable.

    `key` is the field holding the name, what to say when it is missing, and
    the words for a second file of the same name.
    """
    field, missing, words = key
    value = metadata_text(metadata.get(field))
    if not value:
        return None, problem(path, missing, severity=ERROR, content_root=content_root)
    if value in found:
        first = found[value].source_path
        return None, problem(
            path,
            f"{words} {value!r} (the first is {first}); keep one and delete the other",
            field=field,
            severity=ERROR,
            content_root=content_root,
        )
    return value, None


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


def _is_file(path):
    try:
        return path.is_file()
    except (OSError, ValueError):  # a name the file system cannot hold
        return False


def _relative(path, content_root):
    try:
        return Path(path).resolve().relative_to(Path(content_root).resolve()).as_posix()
    except ValueError:
        return Path(path).as_posix()
