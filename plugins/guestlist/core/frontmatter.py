"""The metadata block at the top of a Markdown file, read with its line numbers.

Pelican's Markdown reader gives the values but not the lines they came from.
The content check needs the lines (to say `file:line:`) and the exact keys as
written (to say which key was meant), and `make newpost` needs a quick look at
every post without rendering it: both read the block here, by the rules of
Python-Markdown's meta extension, which is what Pelican uses.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

# The meta extension's own patterns: `Key: value`, then lines indented by four
# or more spaces continue the value; a blank line or any other line ends it.
_FIELD = re.compile(r"^[ ]{0,3}(?P<key>[A-Za-z0-9_-]+):\s*(?P<value>.*)")
_CONTINUED = re.compile(r"^[ ]{4,}(?P<value>.*)")
FIELD_LINE = _FIELD  # a line that would be metadata inside the block
_YAML_FENCE = re.compile(r"^-{3}(\s.*)?$")
_YAML_END = re.compile(r"^(-{3}|\.{3})(\s.*)?$")
_CODE_FENCE = re.compile(r"^\s{0,3}(`{3,}|~{3,})")
# The file endings Pelican's Markdown reader reads.
MARKDOWN_SUFFIXES = (".md", ".markdown", ".mkd", ".mdown")


@dataclass(frozen=True)
class Field:
    """One `Key: value` line of the metadata block."""

    key: str  # lower-case, as Pelican reads it
    written: str  # the key as the file writes it
    value: str
    line: int  # 1-based


@dataclass(frozen=True)
class Header:
    """The metadata block of one file, and where the body starts."""

    fields: tuple
    body_line: int  # 1-based line of the first line after the block

    def get(self, key: str, default: str | None = None) -> str | None:
        """The first value of `key` (lower-case), or `default`."""
        for field in self.fields:
            if field.key == key:
                return field.value
        return default

    def line_of(self, key: str) -> int | None:
        for field in self.fields:
            if field.key == key:
                return field.line
        return None


def markdown_files(folder: str | Path) -> list[Path]:
    """The Markdown files directly in `folder`, sorted, or none if it is absent."""
    folder = Path(folder)
    if not folder.is_dir():
        return []
    return sorted(
        path
        for path in folder.iterdir()
        if path.suffix.lower() in MARKDOWN_SUFFIXES and path.is_file()
    )


def source_lines(text: str) -> list[str]:
    """The lines of a file as Python-Markdown splits them: at line breaks only.

    str.splitlines() also breaks at form feeds, vertical tabs and other
    separators, which would number lines differently from the file and end
    the metadata block where Markdown does not.
    """
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    return lines


def parse_header(text: str) -> Header:
    """The Header of Markdown `text`, by the meta extension's rules."""
    lines = source_lines(text)
    fields = []
    number = 1 if lines and _YAML_FENCE.match(lines[0]) else 0
    while number < len(lines):
        line = lines[number]
        if not line.strip() or _YAML_END.match(line):
            number += 1  # the blank line or fence belongs to the block
            break
        match = _FIELD.match(line)
        more = _CONTINUED.match(line)
        if match:
            key = match.group("key")
            fields.append(Field(key.lower(), key, match.group("value").strip(), number + 1))
        elif more and fields:
            last = fields[-1]
            value = f"{last.value} {more.group('value').strip()}".strip()
            fields[-1] = Field(last.key, last.written, value, last.line)
        else:
            break  # not metadata: the body starts on this line
        number += 1
    return Header(fields=tuple(fields), body_line=number + 1)


def read_header(path: str | Path) -> tuple[Header, list[str]]:
    """The Header of the file at `path`, and its lines (a byte-order mark left out)."""
    text = Path(path).read_text(encoding="utf-8-sig")
    return parse_header(text), source_lines(text)


def prose_lines(lines: Iterable[str], first_line: int = 1) -> Iterator[tuple[int, str]]:
    """(line number, text) of `lines` from `first_line`, outside code and comments.

    What a fenced code block or an HTML comment holds is shown as text or not
    at all, never turned into links or elements: the checks that look for
    those in the source skip them. (A line that opens or closes a comment is
    skipped whole.)
    """
    in_fence = None  # the fence character, ` or ~, while inside a block
    in_comment = False
    for number, text in enumerate(lines, start=1):
        fence = _CODE_FENCE.match(text)
        if fence and not in_comment:
            marker = fence.group(1)[0]
            in_fence = None if in_fence == marker else (in_fence or marker)
            continue
        if in_fence:
            continue
        was_in_comment = in_comment
        opened, closed = text.rfind("<!--"), text.rfind("-->")
        if opened != -1:
            in_comment = opened > closed
        elif closed != -1:
            in_comment = False
        if number >= first_line and not (was_in_comment or in_comment):
            yield number, text


def metadata_text(value: object) -> str | None:
    """A metadata value as one stripped string, or None when empty.

    Pelican gives a field read twice as a list; its words are joined.
    """
    if value is None:
        return None
    if isinstance(value, list):
        value = " ".join(str(item) for item in value)
    value = str(value).strip()
    return value or None
