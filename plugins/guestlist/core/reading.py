"""Reading a guest's file: the bytes, decoded once and checked, before anything parses them.

Every content file Guestlist reads (posts and pages through its Markdown
reader, profiles and series descriptions) comes through `read_source_text`.
A file that is a link to somewhere outside the content folder, is larger than
a post can be, or is not UTF-8 text is refused here with a ContentProblem
naming the file (and, for bad bytes, the line and byte): nothing of it is
read, and the rest of the site builds. A byte-order mark and Windows line
endings are accepted and removed.
"""

from __future__ import annotations

import errno
from pathlib import Path

from .problems import ERROR, ContentProblem, display_path

# A post of many megabytes is a mistake (an image pasted as text, a log): it
# would take Markdown minutes, so it is refused instead.
MAX_SOURCE_BYTES = 4 * 1024 * 1024


class ContentRefused(Exception):
    """A file the build does not read; `problem` says why and how to fix it."""

    def __init__(self, problem: ContentProblem) -> None:
        super().__init__(str(problem))
        self.problem = problem


def inside(path: str | Path, folder: str | Path) -> bool:
    """Whether `path`, with every link resolved, is inside `folder` (also resolved)."""
    try:
        return Path(path).resolve().is_relative_to(Path(folder).resolve())
    except (OSError, RuntimeError):  # a loop of links, a name the system refuses
        return False


def read_source_text(path: str | Path, content_root: str | Path) -> str:
    """The text of a content file, or ContentRefused saying why it cannot be read."""
    shown = display_path(path, content_root)

    def refuse(message: str, line: int | None = None) -> ContentRefused:
        return ContentRefused(
            ContentProblem(path=shown, message=message, severity=ERROR, line=line)
        )

    try:
        Path(path).resolve(strict=True)
    except (RuntimeError, OSError) as error:
        if isinstance(error, RuntimeError) or error.errno == errno.ELOOP:
            raise refuse(
                "the file is a link to itself (a loop of links), so the build does not "
                "read it; replace the link with the file"
            ) from error
    if not inside(path, content_root):
        raise refuse(
            "the file is a link to something outside the content folder, so the build "
            "does not read it; put the file itself in the content folder"
        )
    try:
        size = Path(path).stat().st_size
        if size > MAX_SOURCE_BYTES:
            raise refuse(
                f"the file is {size / 1024 / 1024:.1f} MB, more than the "
                f"{MAX_SOURCE_BYTES // 1024 // 1024} MB a post can be, so the build does "
                "not read it; keep large files under images/ and link to them"
            )
        data = Path(path).read_bytes()
    except OSError as error:
        raise refuse(f"the file cannot be read ({error.strerror or error})") from error
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        raise refuse(
            f"byte {error.start} (0x{data[error.start]:02x}) is not UTF-8 text, so the "
            "build does not read the file; save it as UTF-8 (in most editors: Save As, "
            "Encoding: UTF-8)",
            line,
        ) from error
    return text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
