"""Problems found in content, as values, and the one place they are logged.

Every problem names the file (and the line of the field, where there is one),
says what is wrong and how to fix it. The build logs them through Pelican's
logger, so `--fatal warnings` and `--fatal errors` apply to them; the content
check prints the same problems one a line.
"""

import logging
import re
from dataclasses import dataclass
from pathlib import Path

logger = logging.getLogger(__name__)

ERROR = "error"
WARNING = "warning"


@dataclass(frozen=True)
class ContentProblem:
    """One thing wrong with one content file."""

    path: str  # the file, as the user knows it (relative to the site's folder)
    message: str  # what is wrong and how to fix it, as one sentence or two
    severity: str = WARNING
    field: str | None = None  # the metadata key involved, if any
    line: int | None = None

    def __str__(self):
        where = f"{self.path}:{self.line}" if self.line else self.path
        return f"{where}: {self.severity}: {self.message}"


def find_field_line(path, field):
    """The 1-based line where metadata `field` is set in `path`, or None.

    Only the metadata block at the top is searched: it ends at the first blank
    line. Reading a file again is fine here: this runs only for files that have
    a problem.
    """
    pattern = re.compile(rf"^\s*{re.escape(field)}\s*:", re.IGNORECASE)
    try:
        with open(path, encoding="utf-8") as source:
            for number, text in enumerate(source, start=1):
                if not text.strip():
                    return None
                if pattern.match(text):
                    return number
    except (OSError, UnicodeDecodeError):
        return None
    return None


def problem(source_path, message, *, field=None, severity=WARNING, content_root=None):
    """Make a ContentProblem, finding the field's line in the file."""
    full_path = Path(source_path)
    shown = display_path(full_path, content_root)
    line = find_field_line(full_path, field) if field else None
    return ContentProblem(
        path=shown, message=message, severity=severity, field=field, line=line
    )


def display_path(path, content_root=None):
    """`path` relative to the content folder's parent (content/posts/a.md)."""
    path = Path(path)
    if content_root is not None:
        root = Path(content_root).resolve().parent
        try:
            return path.resolve().relative_to(root).as_posix()
        except ValueError:
            pass
    return path.as_posix()


def report(problems):
    """Log each problem once, errors as errors and the rest as warnings."""
    for item in problems:
        log = logger.error if item.severity == ERROR else logger.warning
        log("%s", item)
