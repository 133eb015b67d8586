"""The metadata lint: what only a file's source can tell, checked in every build.

Pelican's readers give each post's values but not the keys as written nor
their lines, so a misspelt key (`Seires:`) silently takes a post out of its
series. Every build (`make html`, the dev server, `make check`) reads the
metadata block of each Markdown post and page Pelican reads and reports
unknown keys with the key that was meant, keys set twice, dates, a series
post without its number, and `{static}` links to files that are not there.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any
from urllib.parse import unquote

from pelican.generators import ArticlesGenerator, PagesGenerator
from pelican.utils import get_date

from .frontmatter import MARKDOWN_SUFFIXES, prose_lines, read_header
from .problems import ERROR, WARNING, ContentProblem, display_path
from .settings import known_metadata_fields

DATE_FIELDS = ("date", "modified")
# The date format the content format documents: 2026-03-09 or 2026-03-09 09:00.
_DOCUMENTED_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}([ T]\d{2}:\d{2}(:\d{2})?)?$")
# {static}/path, {attach}path, {filename}path (and Pelican's older |static|).
_LINKED_FILE = re.compile(r"[{|](static|attach|filename)[}|]([^\s)\"'>]+)")


def lint_generators(
    generators: Sequence[Any], settings: Mapping[str, Any]
) -> list[ContentProblem]:
    """The lint of every Markdown post and page that Pelican's generators read."""
    known = known_metadata_fields() + tuple(settings.get("GUEST_SERIES_KNOWN_FIELDS", ()))
    content_root = Path(settings["PATH"])
    problems = []
    for path, is_article in content_files(generators, settings):
        problems += lint_post(path, known, is_article, content_root)
    return problems


def content_files(
    generators: Iterable[Any], settings: Mapping[str, Any]
) -> list[tuple[Path, bool]]:
    """(absolute path, is it an article?) of each Markdown file Pelican reads."""
    kinds = ((ArticlesGenerator, "ARTICLE", True), (PagesGenerator, "PAGE", False))
    found = []
    for generator in generators:
        for kind, prefix, is_article in kinds:
            if not isinstance(generator, kind):
                continue
            for relative in generator.get_files(
                settings[f"{prefix}_PATHS"], exclude=settings[f"{prefix}_EXCLUDES"]
            ):
                path = Path(settings["PATH"], relative).resolve()
                if path.suffix.lower() in MARKDOWN_SUFFIXES:
                    found.append((path, is_article))
    return sorted(found)


def lint_post(
    path: Path, known: Sequence[str], is_article: bool, content_root: Path
) -> list[ContentProblem]:
    """Problems in one post's or page's metadata block and links."""
    found = _Found(path, content_root)
    try:
        header, lines = read_header(path)
    except UnicodeDecodeError:
        found.add(None, "the file is not UTF-8 text; save it as UTF-8", ERROR)
        return found.problems
    except OSError as error:
        found.add(None, f"the file cannot be read ({error.strerror})", ERROR)
        return found.problems
    keys = {field.key for field in header.fields}

    required = ("title", "date") if is_article else ("title",)
    for key in required:
        if key not in keys:
            example = "What My Desk Taught Me" if key == "title" else "2026-03-09 09:00"
            found.add(
                None,
                f"there is no {key.capitalize()}, so the build leaves this file out; "
                f"add a line such as `{key.capitalize()}: {example}` to the block at "
                "the top (no blank line inside the block)",
                ERROR,
            )
    seen: dict[str, int] = {}
    for field in header.fields:
        if field.key in seen and field.key != "series":  # the series feature reports those
            found.add(
                field.line,
                f"{field.written} is set twice (lines {seen[field.key]} and "
                f"{field.line}); keep one line",
                WARNING,
            )
        seen.setdefault(field.key, field.line)
        if field.key not in known:
            found.add(field.line, unknown_field_message(field.written, known), WARNING)
        elif field.key in DATE_FIELDS:
            found.add(field.line, *date_problem(field.written, field.value))
    if is_article and "series" in keys and "series_index" not in keys:
        found.add(
            header.line_of("series"),
            "a post in a series has no Series_index, so it is placed after the "
            "numbered posts, by date; add `Series_index: N` with the number the "
            "host gave you",
            WARNING,
        )
    for line, message in missing_linked_files(path, lines, header.body_line, content_root):
        found.add(line, message, ERROR)
    return found.problems


def unknown_field_message(written: str, known: Sequence[str]) -> str:
    """What to say of a metadata key no feature reads, with the key that was meant."""
    guess = difflib.get_close_matches(written.lower(), known, n=1)
    if guess:
        hint = f"did you mean {guess[0][:1].upper() + guess[0][1:]}?"
    else:
        hint = "see the fields in docs/content.md, or ask the host"
    return f"unknown field {written!r} is ignored; {hint}"


def date_problem(written: str, value: str) -> tuple[str | None, str | None]:
    """(message, severity) for a Date or Modified value, or (None, None) if it is fine.

    A date Pelican cannot read is an error: the post is left out. One it reads
    but that is not written YYYY-MM-DD HH:MM is a warning showing how it was read.
    """
    try:
        parsed = get_date(value.replace("_", " "))
    except (ValueError, OverflowError):
        message = (
            f"{written} {value!r} is not a date; write it as YYYY-MM-DD HH:MM, "
            "e.g. 2026-03-09 09:00"
        )
        return message, ERROR
    if not _DOCUMENTED_DATE.match(value.strip()):
        message = (
            f"{written} {value!r} is read as {parsed:%Y-%m-%d %H:%M}; write it as "
            "YYYY-MM-DD HH:MM so that nobody has to guess"
        )
        return message, WARNING
    return None, None


def missing_linked_files(
    path: Path, lines: Sequence[str], body_line: int, content_root: Path
) -> list[tuple[int, str]]:
    """(line, message) for each {static}/{attach}/{filename} link to no file."""
    folder = Path(path).parent
    missing = []
    for number, text in prose_lines(lines, body_line):
        for match in _LINKED_FILE.finditer(text):
            kind, reference = match.groups()
            target = unquote(reference.split("#")[0].split("?")[0])
            if not target:
                continue
            if target.startswith("/"):
                resolved = content_root / target.lstrip("/")
            else:
                resolved = folder / target
            if not resolved.is_file():
                missing.append(
                    (
                        number,
                        f"{{{kind}}}{reference} links to a file that is not there "
                        f"({display_path(resolved, content_root)}); add the file, or fix "
                        "the path (with a leading /, it starts at the content folder)",
                    )
                )
    return missing


class _Found:
    """Problems found in one file, gathered with their lines."""

    def __init__(self, path: Path, content_root: Path) -> None:
        self.path = display_path(path, content_root)
        self.problems: list[ContentProblem] = []

    def add(self, line: int | None, message: str | None, severity: str | None) -> None:
        if message:
            self.problems.append(
                ContentProblem(
                    path=self.path, message=message, severity=severity, line=line
                )
            )
