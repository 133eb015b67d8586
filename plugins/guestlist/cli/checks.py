"""The content check behind `make check`: the build itself, without writing output.

It runs a whole Pelican build through Pelican's public entry point, with the
site's own settings and plugins, into a temporary folder that is thrown away
(Pelican copies static files itself, so a writer that writes nothing would not
be enough), and with the content cache off so that every file is read. Every
problem the build finds is in its problem collector, which the check reads:
the same problems, with the same words, as `make html` reports.
"""

from __future__ import annotations

import contextlib
import io
import logging
import tempfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path

from pelican import Pelican
from pelican.settings import read_settings

from ..core.lifecycle import SETTINGS_FILE, shown_from_here
from ..core.problems import ERROR, WARNING, ContentProblem, collector_for, display_path
from ..core.settings import SettingsError


class CheckError(Exception):
    """The check cannot run at all (no settings, a file outside the content)."""


@dataclass(frozen=True)
class CheckResult:
    problems: list[ContentProblem]  # sorted by file and line
    content_root: Path  # problem paths are relative to its parent
    notes: list[ContentProblem] = field(default_factory=list)  # e.g. accounts linked


def check_site(
    settings_path: str | Path,
    content: str | Path | None = None,
    only: Iterable[str] | None = None,
    processes: int | None = None,
) -> CheckResult:
    """Every problem in the content and settings, as a CheckResult.

    `settings_path` is the site's pelicanconf.py; `content` overrides its
    PATH; `only`, a list of files, limits the report to those files (the
    whole site is still built, since duplicates span files); `processes`
    overrides GUEST_SERIES_PROCESSES (1: one process).
    """
    with tempfile.TemporaryDirectory(prefix="guestlist-check-") as scratch:
        override = {
            "CACHE_CONTENT": False,
            "LOAD_CONTENT_CACHE": False,
            "OUTPUT_PATH": scratch,
            # What a build keeps in its cache folder whatever CACHE_CONTENT
            # says (the social cards) goes to the scratch folder too: a check
            # of a pull request leaves the site's folders as they were.
            "CACHE_PATH": str(Path(scratch) / "cache"),
            "DELETE_OUTPUT_DIRECTORY": False,
            SETTINGS_FILE: shown_from_here(settings_path),
        }
        if content is not None:
            override["PATH"] = str(Path(content).resolve())
        if processes is not None:
            override["GUEST_SERIES_PROCESSES"] = processes
        try:
            settings = read_settings(str(settings_path), override=override)
        except Exception as error:  # the settings file is Python: anything can go wrong
            raise CheckError(
                f"cannot read the settings {settings_path}: {type(error).__name__}: {error}"
            ) from error
        content_root = Path(settings["PATH"])
        if not content_root.is_dir():
            raise CheckError(f"the content folder {content_root} does not exist")
        selected = _selected(only, content_root)
        problems = _build(settings)
        notes = collector_for(settings).notes

    problems = [_as_check_sees_it(item) for item in problems]
    if selected is not None:
        shown = {display_path(path, content_root) for path in selected}
        problems = [item for item in problems if item.path in shown]
        notes = [item for item in notes if item.path in shown]
    return CheckResult(problems=problems, content_root=content_root, notes=notes)


# A bad handle, website or avatar only leaves that link out of the page, so
# the build warns and goes on; the check fails on it, so that CI stops it
# before it is merged.
FAILS_THE_CHECK = frozenset({"twitter", "x", "mastodon", "bluesky", "website", "avatar"})


def _as_check_sees_it(problem: ContentProblem) -> ContentProblem:
    if problem.severity == WARNING and problem.field in FAILS_THE_CHECK:
        return replace(problem, severity=ERROR)
    return problem


def _build(settings: dict) -> list[ContentProblem]:
    """Run the build; what its collector reported, and a crash as one problem more."""
    with _quiet():
        try:
            Pelican(settings).run()
        except SettingsError:
            pass  # its problems are in the collector, reported already
        except Exception as error:  # the build's crash: said once, as a problem
            collector = collector_for(settings)
            collector.add(
                ContentProblem(
                    path=settings[SETTINGS_FILE],
                    message=f"the build stopped: {type(error).__name__}: {error}",
                    severity=ERROR,
                )
            )
            collector.report()
    return collector_for(settings).reported


@contextlib.contextmanager
def _quiet() -> Iterator[None]:
    """Nothing printed while the check builds: it prints the problems itself.

    A handler of the check's own on the root logger keeps Python's last-resort
    handler from printing records; Pelican's summary line goes to stdout.
    """
    root = logging.getLogger()
    silent = logging.NullHandler()
    root.addHandler(silent)
    try:
        with contextlib.redirect_stdout(io.StringIO()):
            yield
    finally:
        root.removeHandler(silent)


def _selected(only: Iterable[str] | None, content_root: Path) -> set[Path] | None:
    if not only:
        return None
    selected = set()
    root = content_root.resolve()
    for name in only:
        path = Path(name).resolve()
        if not path.is_file():
            raise CheckError(f"{name}: no such file")
        if not path.is_relative_to(root):
            raise CheckError(f"{name} is not in the content folder {content_root}")
        selected.add(path)
    return selected
