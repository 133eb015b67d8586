"""The metadata lint: what only a file's source can tell, checked as each file is read.

Pelican's readers give each post's values but not the keys as written nor
their lines, so a misspelt key (`Seires:`) silently takes a post out of its
series. Guestlist's reader (reader.py) lints the metadata block of every
Markdown post and page as it reads it, in every build (`make html`, the dev
server, `make check`): unknown keys with the key that was meant, keys set
twice, a blank line that ends the block early, dates, a series post without
its number, a Slug that is not one, and `{static}` links to files that are
not there. The problems travel with the file's metadata, so that a rebuild
from the content cache reports them again.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any
from urllib.parse import unquote

from pelican.utils import get_date

from .frontmatter import FIELD_LINE, parse_header, prose_lines, source_lines
from .problems import ERROR, WARNING, ContentProblem, display_path
from .settings import known_metadata_fields

DATE_FIELDS = ("date", "modified")
# The date format the content format documents: 2026-03-09 or 2026-03-09 09:00.
_DOCUMENTED_DATE = re.compile(
    r"^\d{4}-\d{2}-\d{2}([ T]\d{2}:\d{2}(:\d{2})?( ?(Z|[+-]\d{2}:?\d{2}))?)?$"
)
# Day and month as numbers in either order (12/03/2026, 3.12.26): a reader in
# Europe and one in America take it for different days.
_NUMERIC_DAY_MONTH = re.compile(r"^\s*(\d{1,2})[/.-](\d{1,2})[/.-](\d{2}|\d{4})\b")
# A slug as an address segment: letters, digits, hyphens and underscores.
_SAFE_SLUG = re.compile(r"^[\w-]+$")
MAX_SLUG_LENGTH = 80
# Metadata that sets where a file is written or linked, in place of its Slug.
ADDRESS_FIELDS = ("save_as", "url")
# Metadata that is one word of a known form: (pattern, what it is, an example).
WORD_FIELDS = {
    "lang": (
        re.compile(r"^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$"),
        "a language code",
        "`Lang: en` or `Lang: pt-BR`",
    ),
    "status": (
        re.compile(r"^\s*(published|draft|hidden|skip)\s*$", re.IGNORECASE),
        "published, draft, hidden or skip",
        "`Status: draft`",
    ),
}
# {static}/path, {attach}path, {filename}path (and Pelican's older |static|).
_LINKED_FILE = re.compile(r"[{|](static|attach|filename)[}|]([^\s)\"'>]+)")


@dataclass
class Checked:
    """What the lint found in one file, and what the reader must do about it."""

    problems: list[ContentProblem] = field(default_factory=list)
    refused: bool = False  # an error that makes any reading of the file a guess
    slug: str | None = None  # the slug to use instead of the one written or derived
    dropped: list[str] = field(default_factory=list)  # metadata keys not to use
    repeated: set[str] = field(default_factory=set)  # keys set on two lines or more
    replaced: dict[str, str] = field(default_factory=dict)  # metadata to use instead


def lint_source(path: str | Path, text: str, settings: Mapping[str, Any]) -> Checked:
    """Lint one post's or page's metadata block and links, as the reader reads it."""
    known = known_metadata_fields() + tuple(settings.get("GUEST_SERIES_KNOWN_FIELDS", ()))
    content_root = Path(settings["PATH"])
    found = _Found(path, content_root)
    checked = Checked(problems=found.problems)
    lines = source_lines(text)
    header = parse_header(text)
    seen: dict[str, int] = {}
    for item in header.fields:
        if item.key in seen and item.key != "series":  # the series feature reports those
            found.add(
                item.line,
                f"{item.written} is set twice (lines {seen[item.key]} and "
                f"{item.line}); keep one line",
                WARNING,
            )
        if item.key in seen:
            checked.repeated.add(item.key)
        seen.setdefault(item.key, item.line)
        if item.key not in known:
            found.add(item.line, unknown_field_message(item.written, known), WARNING)
        elif item.key in DATE_FIELDS:
            message, severity = date_problem(item.written, item.value)
            found.add(item.line, message, severity)
            checked.refused |= severity == ERROR
        elif item.key == "slug":
            checked.slug = _checked_slug(item.value, item.line, found)
        elif item.key in ADDRESS_FIELDS and _leaves_its_folder(item.value):
            found.add(
                item.line,
                f"{item.written} {item.value[:60]!r} is not a path inside the site, so it "
                "is not used; remove the line (the post's address comes from its Slug)",
                ERROR,
            )
            checked.dropped.append(item.key)
        elif item.key in WORD_FIELDS and not WORD_FIELDS[item.key][0].match(item.value):
            rule, example = WORD_FIELDS[item.key][1:]
            # An unreadable Status could have meant draft: never publish on a guess.
            instead = (
                "the post is kept as a draft" if item.key == "status" else "it is not used"
            )
            found.add(
                item.line,
                f"{item.written} {item.value[:60]!r} is not {rule}, so {instead}; "
                f"write it like {example}, or remove the line",
                ERROR,
            )
            if item.key == "status":
                checked.replaced["status"] = "draft"
            else:
                checked.dropped.append(item.key)
        elif item.key == "template" and not _template_exists(item.value, settings):
            found.add(
                item.line,
                f"Template {item.value[:60]!r} is not one of the theme's templates, so the "
                "post uses its usual one; remove the line",
                ERROR,
            )
            checked.dropped.append(item.key)
    found.add(*_block_ended_early(header, lines, known))
    for line, message in missing_linked_files(path, lines, header.body_line, content_root):
        found.add(line, message, ERROR)
    return checked


def _template_exists(name: str, settings: Mapping[str, Any]) -> bool:
    """Whether `name` is a template of the theme (or of its overrides), by name only."""
    if not re.match(r"^[\w-]+$", name):
        return False
    folders = [Path(settings.get("THEME", "")) / "templates"]
    folders += [Path(folder) for folder in settings.get("THEME_TEMPLATES_OVERRIDES", ())]
    return any((folder / f"{name}.html").is_file() for folder in folders)


def _leaves_its_folder(value: str) -> bool:
    parts = value.replace("\\", "/").split("/")
    return value.startswith(("/", "\\")) or ".." in parts or ":" in value


def _checked_slug(value: str, line: int, found: _Found) -> str | None:
    """A Slug that is one address segment, or the nearest that is (reported)."""
    if _SAFE_SLUG.match(value) and len(value) <= MAX_SLUG_LENGTH:
        return None
    safe = safe_slug(value)
    found.add(
        line,
        f"Slug {value[:40]!r} is not a short address segment (letters, digits, - and _, "
        f"at most {MAX_SLUG_LENGTH}), so the post's address uses {safe!r}; "
        "write the Slug like that",
        WARNING,
    )
    return safe


def safe_slug(text: str) -> str:
    """`text` as an address segment: a slug, cut at a hyphen to a safe length."""
    slug = re.sub(r"[^\w]+", "-", text.lower(), flags=re.ASCII).strip("-_") or "post"
    if len(slug) > MAX_SLUG_LENGTH:
        cut = slug[:MAX_SLUG_LENGTH]
        # At a hyphen near the end, so as not to end mid-word; not further back.
        at_word = cut.rsplit("-", 1)[0]
        slug = at_word if len(at_word) >= MAX_SLUG_LENGTH - 20 else cut
    return slug.strip("-")


def _block_ended_early(
    header: Any, lines: Sequence[str], known: Sequence[str]
) -> tuple[int | None, str | None, str | None]:
    """(line, message, severity) for metadata that a blank line cut off from the block."""
    blank = header.body_line - 1  # 1-based line of the blank line that ended the block
    if not header.fields or blank > len(lines) or lines[blank - 1].strip():
        return None, None, None
    for number in range(blank + 1, len(lines) + 1):
        text = lines[number - 1]
        if not text.strip():
            continue
        match = FIELD_LINE.match(text)
        if match and match.group("key").lower() in known:
            return (
                number,
                f"line {blank} is blank, so the metadata block ends there and "
                f"`{text.strip()[:60]}` is read as the post's text; remove the blank "
                "line (a blank line may only follow the last metadata line)",
                ERROR,
            )
        break
    return None, None, None


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

    A date Pelican cannot read is an error: the post is left out; so is one
    whose day and month could be swapped (12/03/2026). One it reads but that is
    not written YYYY-MM-DD HH:MM is a warning showing how it was read. A time
    zone offset (2026-03-09 09:00 +01:00) is kept, and fine.
    """
    numeric = _NUMERIC_DAY_MONTH.match(value)
    if numeric and max(int(numeric[1]), int(numeric[2])) <= 12 and numeric[1] != numeric[2]:
        message = (
            f"{written} {value!r} could be read as either of two days (day first or "
            "month first), so the build leaves the file out; write it as YYYY-MM-DD, "
            "e.g. 2026-03-12"
        )
        return message, ERROR
    if _DOCUMENTED_DATE.match(value.strip()):
        try:  # the written form, read at C speed; anything else is read as Pelican does
            datetime.fromisoformat(value.strip().replace(" ", "T", 1).replace(" ", ""))
            return None, None
        except ValueError:
            pass
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

    def add(
        self, line: int | None, message: str | None, severity: str | None = WARNING
    ) -> None:
        if message:
            self.problems.append(
                ContentProblem(
                    path=self.path, message=message, severity=severity, line=line
                )
            )
