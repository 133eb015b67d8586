"""What the last build wrote, so that this one renders only what changed.

The memo maps each output file (relative to the output folder) to the key
of the inputs it was rendered from (fingerprints.py) and to the bytes
written: their sha256, size and modification time. A page whose key is the
memo's, and whose file is still those bytes, is not rendered again. The file
is checked because it is the product: a file someone edited, deleted or
copied over in output/ is rendered again. Size and mtime are enough when
both are the same; otherwise the bytes are hashed, so a checkout or a copy
that only touched the file keeps it.

It lives beside Pelican's content cache, in CACHE_PATH, and follows its
settings: written only with CACHE_CONTENT, read only with
LOAD_CONTENT_CACHE, and kept at all only with GUEST_SERIES_WRITE_CHANGED_ONLY.
The feeds can use it too: `memo_for(settings)`, then `unchanged(path, key)`
and `record(path, key, data)`.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
from collections.abc import MutableMapping
from dataclasses import astuple, dataclass
from pathlib import Path
from typing import Any

logger = logging.getLogger(__name__)

# Where a build keeps its memo: in its settings, like its problems.
MEMO_SETTING = "GUESTLIST_OUTPUT_MEMO"
MEMO_FILE = "guestlist-outputs.json"
FORMAT = 2


@dataclass(frozen=True)
class Written:
    """The bytes of one output file as written: enough to know them again."""

    sha256: str
    size: int
    mtime_ns: int

    @classmethod
    def of_file(cls, path: str | os.PathLike, data: bytes) -> Written:
        """`data`, just written to `path`."""
        return cls(hashlib.sha256(data).hexdigest(), len(data), os.stat(path).st_mtime_ns)


class OutputMemo:
    """The last build's outputs (read) and this build's (kept, then saved)."""

    def __init__(self, output_path: str, file: Path | None, previous: dict) -> None:
        self.output_path = os.path.abspath(output_path)
        self.file = file  # None: nothing is saved (and nothing skipped)
        # name -> (key, bytes written, the templates the render loaded)
        self._previous: dict[str, tuple[str, Written, tuple[str, ...]]] = previous
        self._current: dict[str, tuple[str, Written, tuple[str, ...]]] = {}

    @property
    def active(self) -> bool:
        """Whether keys are worth working out: this build keeps a memo."""
        return self.file is not None

    def unchanged(self, path: str | os.PathLike, key: str) -> bool:
        """Whether `path` was rendered from `key` last time and still holds those bytes.

        True also keeps the entry for the next build: the file is not written
        again, and is what the memo says.
        """
        name = self._name(path)
        entry = self._previous.get(name)
        if entry is None or entry[0] != key:
            return False
        known, templates = entry[1], entry[2]
        try:
            stat = os.stat(self._absolute(name))
        except OSError:
            return False
        if stat.st_size != known.size:
            return False
        if stat.st_mtime_ns != known.mtime_ns:
            with open(self._absolute(name), "rb") as file:
                if hashlib.sha256(file.read()).hexdigest() != known.sha256:
                    return False
            known = Written(known.sha256, known.size, stat.st_mtime_ns)
        self._current[name] = (key, known, templates)
        return True

    def templates_of(self, path: str | os.PathLike) -> tuple[str, ...] | None:
        """The templates the last render of `path` loaded; None if it was not rendered."""
        entry = self._previous.get(self._name(path))
        return None if entry is None else entry[2]

    def record(self, path: str | os.PathLike, key: str, data: bytes) -> None:
        """`data` was just written to `path`, rendered from the inputs of `key`."""
        self.remember(path, key, Written.of_file(self._absolute(self._name(path)), data))

    def remember(
        self,
        path: str | os.PathLike,
        key: str | None,
        written: Written,
        templates: tuple[str, ...] = (),
    ) -> None:
        """As record(), for bytes hashed elsewhere (a worker); a None key forgets.

        `templates`: those the render loaded (extended, included, imported),
        whose reads make the page's key the next time.
        """
        name = self._name(path)
        if key is None:
            self._current.pop(name, None)
        else:
            self._current[name] = (key, written, templates)

    def save(self) -> None:
        """Write this build's outputs for the next build (only those of this build)."""
        if self.file is None:
            return
        entries = {
            name: [key, *astuple(written), list(templates)]
            for name, (key, written, templates) in sorted(self._current.items())
        }
        self.file.parent.mkdir(parents=True, exist_ok=True)
        partial = self.file.with_name(self.file.name + f".{os.getpid()}.tmp")
        partial.write_text(json.dumps({"format": FORMAT, "outputs": entries}), "utf-8")
        os.replace(partial, self.file)

    def _name(self, path: str | os.PathLike) -> str:
        absolute = os.path.join(self.output_path, os.fspath(path))
        return Path(os.path.relpath(absolute, self.output_path)).as_posix()

    def _absolute(self, name: str) -> str:
        return os.path.join(self.output_path, name)


def memo_for(settings: MutableMapping[str, Any]) -> OutputMemo:
    """The build's memo: made, and the last build's read, on first use."""
    found = settings.get(MEMO_SETTING)
    if not isinstance(found, OutputMemo):
        found = settings[MEMO_SETTING] = load_memo(settings)
    return found


def load_memo(settings: MutableMapping[str, Any]) -> OutputMemo:
    """A fresh memo for this build, holding the last build's outputs if they may be read."""
    output_path = settings.get("OUTPUT_PATH") or "output"
    keep = bool(settings.get("CACHE_CONTENT")) and bool(
        settings.get("GUEST_SERIES_WRITE_CHANGED_ONLY", True)
    )
    if not keep:
        return OutputMemo(output_path, None, {})
    file = Path(settings.get("CACHE_PATH") or "cache") / MEMO_FILE
    previous = _read(file) if settings.get("LOAD_CONTENT_CACHE") else {}
    return OutputMemo(output_path, file, previous)


def _read(file: Path) -> dict[str, tuple[str, Written, tuple[str, ...]]]:
    """The memo in `file`; empty if there is none or it cannot be read (all renders)."""
    try:
        data = json.loads(file.read_text("utf-8"))
        if data.get("format") != FORMAT:
            return {}
        return {
            name: (key, Written(sha, int(size), int(mtime)), tuple(map(str, templates)))
            for name, (key, sha, size, mtime, templates) in data["outputs"].items()
        }
    except FileNotFoundError:
        return {}
    except (OSError, ValueError, TypeError, KeyError, AttributeError) as error:
        logger.debug("Not reading %s (%s): every page is rendered", file, error)
        return {}
