"""The content check behind `make check`: every problem, without building the site.

It runs the first half of a Pelican build, the half that reads: Pelican's
generators and the plugin's read every post, profile and series description
and report what they find, exactly as in a real build (duplicate and
malformed Series_index, missing profiles, unsafe HTML, redirect conflicts …).
Nothing is rendered or written. On top of that it lints each file's
metadata block as written, which only the source can tell: unknown keys with
the key that was meant, dates, handles, addresses, files that a post or
profile links to but that are missing.
"""

import difflib
import logging
import re
from contextlib import contextmanager
from dataclasses import dataclass, replace
from pathlib import Path
from urllib.parse import unquote

from pelican import Pelican
from pelican.settings import read_settings
from pelican.utils import get_date

from ..core.frontmatter import prose_lines, read_header
from ..core.problems import ERROR, WARNING, ContentProblem, display_path
from ..redirects.generator import RedirectGenerator
from ..sanitize.policy import ALLOW_FIELD
from ..series.sources import MARKDOWN_SUFFIXES

# Metadata Pelican itself reads (its documentation's list).
PELICAN_FIELDS = (
    "title",
    "date",
    "modified",
    "tags",
    "keywords",
    "category",
    "slug",
    "author",
    "authors",
    "summary",
    "lang",
    "translation",
    "status",
    "template",
    "save_as",
    "url",
)
ARTICLE_FIELDS = (
    *PELICAN_FIELDS,
    "series",
    "series_index",
    "short_title",
    "redirect_from",
    "twitter",
    "x",
    "mentions",
    ALLOW_FIELD,
)
PAGE_FIELDS = (*PELICAN_FIELDS, "redirect_from", ALLOW_FIELD)
DATE_FIELDS = ("date", "modified")
# The date format the content format documents: 2026-03-09 or 2026-03-09 09:00.
_DOCUMENTED_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}([ T]\d{2}:\d{2}(:\d{2})?)?$")
# {static}/path, {attach}path, {filename}path (and Pelican's older |static|).
_LINKED_FILE = re.compile(r"[{|](static|attach|filename)[}|]([^\s)\"'>]+)")


class CheckError(Exception):
    """The check cannot run at all (no settings, a file outside the content)."""


@dataclass(frozen=True)
class CheckResult:
    problems: list  # ContentProblem, sorted by file and line
    content_root: Path  # problem paths are relative to its parent


def check_site(settings_path, content=None, only=None):
    """Every problem in the content, as a CheckResult.

    `settings_path` is the site's pelicanconf.py; `content` overrides its
    PATH; `only`, a list of files, limits the report to those files (the
    whole site is still read, since duplicates span files).
    """
    override = {"CACHE_CONTENT": False, "LOAD_CONTENT_CACHE": False}
    if content is not None:
        override["PATH"] = str(Path(content).resolve())
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

    with _collected_records() as records:
        generators = _read_site(settings)
    problems = lint_files(generators, settings, content_root, selected)
    problems += _problems_from_records(records, content_root, problems)
    if selected is not None:
        shown = {display_path(path, content_root) for path in selected}
        problems = [item for item in problems if item.path in shown]
    unique = dict.fromkeys(problems)
    ordered = sorted(unique, key=lambda item: (item.path, item.line or 0, item.message))
    return CheckResult(problems=ordered, content_root=content_root)


def lint_files(generators, settings, content_root, selected=None):
    """The metadata lint of every post, page and profile (or of `selected`)."""
    articles, pages = _content_files(generators, settings)
    known_extra = tuple(settings.get("GUEST_SERIES_KNOWN_FIELDS", ()))
    jobs = [(path, ARTICLE_FIELDS + known_extra, True) for path in articles]
    jobs += [(path, PAGE_FIELDS + known_extra, False) for path in pages]
    problems = []
    for path, known, is_article in jobs:
        if selected is None or path in selected:
            problems += lint_post(path, known, is_article, content_root)
    return problems


def lint_post(path, known, is_article, content_root):
    """Problems in one post's or page's metadata block and links."""
    found = _Found(path, content_root)
    try:
        header, lines = read_header(path)
    except UnicodeDecodeError:
        found.add(None, "the file is not UTF-8 text; save it as UTF-8", ERROR)
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
    seen = {}
    for field in header.fields:
        if field.key in seen and field.key != "series":  # series.py reports those
            found.add(
                field.line,
                f"{field.written} is set twice (lines {seen[field.key]} and "
                f"{field.line}); keep one line",
                WARNING,
            )
        seen.setdefault(field.key, field.line)
        if field.key not in known:
            found.add(field.line, _unknown_field_message(field.written, known), WARNING)
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


def date_problem(written, value):
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


def missing_linked_files(path, lines, body_line, content_root):
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

    def __init__(self, path, content_root):
        self.path = display_path(path, content_root)
        self.problems = []

    def add(self, line, message, severity):
        if message:
            self.problems.append(
                ContentProblem(
                    path=self.path, message=message, severity=severity, line=line
                )
            )


def _unknown_field_message(written, known):
    guess = difflib.get_close_matches(written.lower(), known, n=1)
    if guess:
        hint = f"did you mean {_capitalised(guess[0])}?"
    else:
        hint = "see the fields in CONTRIBUTING.md, or ask the host"
    return f"unknown field {written!r} is ignored; {hint}"


def _capitalised(key):
    return key[:1].upper() + key[1:]


def _read_site(settings):
    """Run every generator's reading half, as Pelican.run() does before writing."""
    pelican = Pelican(settings)
    context = settings.copy()
    context["generated_content"] = {}
    context["static_links"] = set()
    context["static_content"] = {}
    context["localsiteurl"] = settings["SITEURL"]
    generators = [
        cls(
            context=context,
            settings=settings,
            path=pelican.path,
            theme=pelican.theme,
            output_path=pelican.output_path,
        )
        # Pelican's own list: its generators, the plugins', static files last.
        for cls in pelican._get_generator_classes()
    ]
    for generator in generators:
        generator.generate_context()
    for generator in generators:
        if isinstance(generator, RedirectGenerator):
            generator.resolve()  # conflicts with the pages known before writing
    return generators


def _content_files(generators, settings):
    """The Markdown posts and pages Pelican would read, as absolute paths."""
    by_kind = {"ARTICLE": [], "PAGE": []}
    reader = generators[0]
    for kind, found in by_kind.items():
        for relative in reader.get_files(
            settings[f"{kind}_PATHS"], exclude=settings[f"{kind}_EXCLUDES"]
        ):
            path = Path(settings["PATH"], relative).resolve()
            if path.suffix.lower() in MARKDOWN_SUFFIXES:
                found.append(path)
    return sorted(by_kind["ARTICLE"]), sorted(by_kind["PAGE"])


@contextmanager
def _collected_records():
    """Every warning and error logged inside the block.

    With a handler of its own on the root logger, Python prints nothing (its
    last-resort handler is for loggers without any): the check prints instead.
    """
    records = []

    class Collect(logging.Handler):
        def emit(self, record):
            records.append(record)

    handler = Collect(level=logging.WARNING)
    root = logging.getLogger()
    root.addHandler(handler)
    try:
        yield records
    finally:
        root.removeHandler(handler)


# Pelican's own messages that the lint says better (with the line, and what to
# do): left out for a file the lint reported on.
_SAID_BETTER_BY_THE_LINT = {
    "Skipping %s: could not find information about '%s'",
    "Duplicate definition of `%s` for %s. Using first one.",
    "Could not process %s",
}


def _problems_from_records(records, content_root, linted):
    """The build's own problems, and Pelican's messages turned into problems."""
    linted_paths = {item.path for item in linted}
    problems = []
    for record in records:
        args = record.args if isinstance(record.args, tuple) else ()
        if len(args) == 1 and isinstance(args[0], ContentProblem):
            problems.append(_as_check_sees_it(args[0]))
            continue
        if _already_reported(args, content_root, linted):
            continue
        severity = ERROR if record.levelno >= logging.ERROR else WARNING
        message = " ".join(record.getMessage().split())
        path, written = _path_in(args, content_root)
        if path is None:
            shown = display_path(content_root, content_root)
        else:
            shown = display_path(path, content_root)
            if record.msg in _SAID_BETTER_BY_THE_LINT and shown in linted_paths:
                continue
            message = message.replace(written, shown)
        problems.append(ContentProblem(path=shown, message=message, severity=severity))
    return problems


# A bad handle, website or avatar only leaves that link out of the page, so
# the build warns and goes on; the check fails on it, so that CI stops it
# before it is merged.
_FAILS_THE_CHECK = {"twitter", "x", "mastodon", "bluesky", "website", "avatar"}


def _as_check_sees_it(item):
    if item.severity == WARNING and item.field in _FAILS_THE_CHECK:
        return replace(item, severity=ERROR)
    return item


def _already_reported(args, content_root, linted):
    """Whether a Pelican message is about a path a lint problem names already.

    Pelican also warns, less clearly, about a linked file that is missing.
    """
    root = content_root.resolve()
    for arg in args:
        text = str(arg)
        if not text or "\n" in text or not Path(text).is_absolute():
            continue
        if Path(text).resolve().is_relative_to(root):
            shown = display_path(text, content_root)
            if any(shown in item.message for item in linted):
                return True
    return False


def _path_in(args, content_root):
    """The content file a Pelican message is about, and the argument naming it."""
    for arg in args:
        text = str(getattr(arg, "source_path", arg))
        if not text or "\n" in text:
            continue
        candidate = Path(text)
        if not candidate.is_absolute():
            candidate = content_root / candidate
        try:
            if candidate.is_file() and candidate.resolve().is_relative_to(
                content_root.resolve()
            ):
                return candidate, str(arg)
        except OSError:
            continue
    return None, None


def _selected(only, content_root):
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
