"""The trust boundary for posts and pages: Guestlist's Markdown reader.

It takes the place of Pelican's MarkdownReader (through the public
`readers_init` signal) and reads each file as Pelican's does, but first:
the bytes are checked and decoded once (reading.py: links out of the content
folder, size, UTF-8), and the metadata block is linted (lint.py). A file
that cannot be read without guessing is refused, with its problem, and the
rest of the site builds; the problems of a file that is read travel in its
metadata, so that they are reported again when it comes from the content
cache. An unsafe Slug is replaced here, before any path is made from it.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import PurePath
from typing import Any

from markdown import Markdown
from markupsafe import Markup
from pelican.contents import Article, Page
from pelican.readers import (
    DUPLICATES_DEFINITIONS_ALLOWED,
    HTMLReader,
    MarkdownReader,
    RstReader,
)

from .lint import MAX_SLUG_LENGTH, Checked, lint_source, safe_slug
from .problems import ERROR, ContentProblem, collector_for, display_path, problem
from .punctuation import typeset, typeset_titles
from .reading import ContentRefused, read_source_text
from .slugs import slug_of

# The metadata key that carries a file's problems from the reader (and the
# content cache) to the build's collector. A guest's own `Guestlist_problems:`
# line is overwritten, and called unknown by the lint.
PROBLEMS_KEY = "guestlist_problems"
# Where a build keeps the files its workers have read already, if any: an
# object whose take(path) gives a RawRead, or None for a file to read here.
PREREAD_SETTING = "GUESTLIST_PREREAD"
# Pelican's own messages of reading are logged as Pelican logs them.
pelican_reader_log = logging.getLogger("pelican.readers")
# Metadata that is one line of text, however many lines the file gives it.
SINGLE_VALUED = ("title", "short_title", "slug", "lang")


@dataclass
class RawRead:
    """A file read, checked and converted, before its metadata is processed.

    Plain data, so that a worker process can do this, the costly half of
    reading, and hand it back (build/prereading.py); the other half, turning
    the metadata into Pelican's values, is done where the content is built.
    """

    content: str  # the body as HTML
    meta: dict[str, list[str]]  # the metadata block as Markdown's meta extension reads it
    formatted: dict[str, str]  # the fields in FORMATTED_FIELDS, converted to HTML
    checked: Checked


class GuestMarkdownReader(MarkdownReader):
    """Pelican's Markdown reader, behind Guestlist's checks of the file."""

    def read(self, source_path: str) -> tuple[str, dict[str, Any]]:
        # A worker may have read the file already (build/prereading.py).
        prereader = self.settings.get(PREREAD_SETTING)
        raw = prereader.take(source_path) if prereader is not None else None
        if raw is None:
            raw = self.read_raw(source_path)
        return self.finish(raw, source_path)

    def read_raw(self, source_path: str) -> RawRead:
        """The file's bytes checked once, its metadata linted, its Markdown converted."""
        try:
            text = read_source_text(source_path, self.settings["PATH"])
        except ContentRefused as refused:
            collector_for(self.settings).add(refused.problem)
            raise
        checked = lint_source(source_path, text, self.settings)
        if checked.refused:
            collector_for(self.settings).extend(checked.problems)
            raise ContentRefused(next(p for p in checked.problems if p.is_error))
        try:
            # As MarkdownReader.read does, from the text decoded once above
            # (the same text: UTF-8, any BOM dropped, newlines made \n).
            self._source_path = source_path
            self._md = self._markdown()
            content = self._md.convert(text)
            meta = dict(getattr(self._md, "Meta", {}))
            formatted = self._formatted_fields(meta)
        # Whatever a guest's file breaks while it is converted is that file's problem.
        except Exception as error:
            raise self._unreadable(source_path, checked, error) from error
        return RawRead(content=content, meta=meta, formatted=formatted, checked=checked)

    def finish(self, raw: RawRead, source_path: str) -> tuple[str, dict[str, Any]]:
        """The content and metadata Pelican expects of a reader, from a RawRead."""
        checked = raw.checked
        try:
            metadata = self._processed(raw, source_path)
        except Exception as error:
            raise self._unreadable(source_path, checked, error) from error
        for key in SINGLE_VALUED:
            # A value set twice comes as a list of values (the lint warned: the
            # first is used); one continued on an indented line, as its lines.
            if isinstance(metadata.get(key), list):
                parts = [str(part) for part in metadata[key]]
                metadata[key] = parts[0] if key in checked.repeated else " ".join(parts)
        self._drop_names_without_address(metadata, source_path, checked)
        for key in checked.dropped:
            metadata.pop(key, None)
        metadata.update(checked.replaced)
        slug = checked.slug or self._shortened_slug(metadata, source_path, checked)
        if slug:
            metadata["slug"] = slug
        metadata[PROBLEMS_KEY] = tuple(checked.problems)
        return raw.content, metadata

    def _markdown(self) -> Markdown:
        """This reader's Markdown instance, reset for the next file.

        MarkdownReader makes a new instance for each file; loading the
        extensions again costs about a quarter of converting a post, and
        reset() is how Python-Markdown means an instance to be reused.
        """
        markdown = getattr(self, "_reused_markdown", None)
        if markdown is None:
            markdown = self._reused_markdown = Markdown(**self.settings["MARKDOWN"])
        else:
            markdown.reset()
        return markdown

    def _formatted_fields(self, meta: dict[str, list[str]]) -> dict[str, str]:
        """The FORMATTED_FIELDS of the metadata as HTML, as MarkdownReader converts them."""
        converted = {}
        for name, value in meta.items():
            if name.lower() in self.settings["FORMATTED_FIELDS"]:
                # A fresh state for each field, as MarkdownReader does.
                self._md.reset()
                # MarkdownReader unregisters the meta extension so that a field's
                # value is never read as a metadata block; the instance is reused
                # here, so the value starts with a blank line instead, which ends
                # any metadata block before it starts and is itself dropped.
                converted[name.lower()] = self._md.convert("\n" + "\n".join(value))
        return converted

    def _processed(self, raw: RawRead, source_path: str) -> dict[str, Any]:
        """Pelican's values of the metadata, as MarkdownReader._parse_metadata makes."""
        output: dict[str, Any] = {}
        for name, value in raw.meta.items():
            name = name.lower()
            if name in raw.formatted:
                output[name] = self.process_metadata(name, raw.formatted[name])
            elif not DUPLICATES_DEFINITIONS_ALLOWED.get(name, True):
                if len(value) > 1:
                    pelican_reader_log.warning(
                        "Duplicate definition of `%s` for %s. Using first one.",
                        name,
                        source_path,
                    )
                output[name] = self.process_metadata(name, value[0])
            elif len(value) > 1:
                output[name] = self.process_metadata(name, value)
            else:
                output[name] = self.process_metadata(name, value[0])
        return output

    def _unreadable(
        self, source_path: str, checked: Checked, error: Exception
    ) -> ContentRefused:
        """The refusal of a file that broke Pelican's reading of it, collected."""
        refused = ContentProblem(
            path=display_path(source_path, self.settings["PATH"]),
            message=f"the build could not read the file ({type(error).__name__}: "
            f"{error}), so it leaves it out; check its metadata block",
            severity=ERROR,
        )
        collector_for(self.settings).extend([*checked.problems, refused])
        return ContentRefused(refused)

    def _drop_names_without_address(
        self, metadata: dict[str, Any], source_path: str, checked: Checked
    ) -> None:
        """Tags, a category or authors whose name makes no address are left out."""
        for key in ("tags", "category", "author", "authors"):
            value = metadata.get(key)
            if type(value) is object:
                # An empty line (`Tags:`, as WordPress exports write it): Pelican
                # marks it with a bare object() to leave the field out, and so
                # does the build, without a word.
                continue
            names = value if isinstance(value, list) else [value] if value else []
            # Tags compare by their slug, which Pelican would then complain of: by name.
            addressable = [bool(slug_of(str(name), self.settings)) for name in names]
            if all(addressable):
                continue
            kept = [name for name, ok in zip(names, addressable, strict=True) if ok]
            for name, ok in zip(names, addressable, strict=True):
                if not ok:
                    checked.problems.append(
                        problem(
                            source_path,
                            f"{key.capitalize()} {str(name)[:60]!r} has no letter or digit "
                            "to make its page's address from, so it is left out; write it "
                            "in words",
                            field=key,
                            severity=ERROR,
                            content_root=self.settings["PATH"],
                        )
                    )
            if kept and isinstance(value, list):
                metadata[key] = kept
            elif kept:
                metadata[key] = kept[0]
            else:
                metadata.pop(key)

    def _shortened_slug(
        self, metadata: dict[str, Any], source_path: str, checked: Checked
    ) -> str | None:
        """A slug cut to a safe length, when the one Pelican would derive is too long."""
        if "slug" in metadata:
            return None
        source = metadata.get("title", "")
        if self.settings.get("SLUGIFY_SOURCE") == "basename":
            source = source_path.rsplit("/", 1)[-1].rsplit(".", 1)[0]
        derived = slug_of(str(source), self.settings)
        if len(derived) <= MAX_SLUG_LENGTH:
            return None
        shortened = safe_slug(derived)
        checked.problems.append(
            problem(
                source_path,
                f"the title makes an address of {len(derived)} characters, so it is cut "
                f"to {shortened!r}; give a Short_title and a Slug of your own to choose a "
                "better one",
                field="title",
                content_root=self.settings["PATH"],
            )
        )
        return shortened


def use_guest_reader(readers: Any, **kwargs: Any) -> None:
    """readers_init: read every Markdown file through the trust boundary."""
    for extension in GuestMarkdownReader.file_extensions:
        if readers.reader_classes.get(extension) is MarkdownReader:
            readers.reader_classes[extension] = GuestMarkdownReader


# Metadata a post or page must have, as Pelican's content classes require it.
REQUIRED = {Article: ("title", "date"), Page: ("title",)}
EXAMPLES = {"title": "What My Desk Taught Me", "date": "2026-03-09 09:00"}


def collect_read_problems(content: Any, **kwargs: Any) -> None:
    """content_object_init: the file's problems into the build's collector.

    Runs before Pelican decides to skip a file without Title or Date, so that
    the build says so once, in its own words, and Pelican's message is dropped.
    """
    settings = content.settings
    carried = content.metadata.get(PROBLEMS_KEY)
    if not isinstance(carried, tuple):
        plain_title(content)  # not read by Guestlist's reader (rst, html)
        return
    typeset_title(content)
    collector = collector_for(settings)
    collector.extend(problem for problem in carried if isinstance(problem, ContentProblem))
    missing = [
        key for key in REQUIRED.get(type(content), ()) if key not in content.metadata
    ]
    if missing:
        labels = " or ".join(key.capitalize() for key in missing)
        lines = " and ".join(f"`{key.capitalize()}: {EXAMPLES[key]}`" for key in missing)
        collector.add(
            ContentProblem(
                path=display_path(content.source_path, settings["PATH"]),
                message=f"there is no {labels}, so the build leaves this file out; add "
                f"{'lines' if len(missing) > 1 else 'a line'} such as {lines} to the "
                "block at the top (no blank line inside the block)",
                severity=ERROR,
            )
        )


# The extensions of Pelican's readers that give a title as HTML: the
# reStructuredText reader renders it (`&amp;`, `<em>`), the HTML reader keeps
# the text of <title> as written (`&amp;`).
HTML_TITLE_EXTENSIONS = frozenset(
    extension.lower()
    for extension in (*RstReader.file_extensions, *HTMLReader.file_extensions)
)


def plain_title(content: Any) -> None:
    """The title of an rst or HTML post or page, as plain text once.

    Markdown titles are plain text, and the theme's templates escape every
    value: a title that is already HTML would show `&amp;` to readers. Tags
    are stripped first, then entities unescaped, so `&lt;b&gt;` becomes the
    text `<b>`, which the templates escape again, never markup. Done on
    content_object_init, after Pelican has made the slug from the title as
    read, so that no address changes.
    """
    if not isinstance(content, (Article, Page)):
        return
    extension = PurePath(content.source_path or "").suffix.lstrip(".").lower()
    if extension not in HTML_TITLE_EXTENSIONS:
        return
    title = content.metadata.get("title")
    if not isinstance(title, str):
        return
    plain = Markup(title).striptags()
    content.metadata["title"] = plain
    content.title = plain


# The fields of a Markdown file shown as its title: set as its body is.
TITLE_FIELDS = ("title", "short_title")


def typeset_title(content: Any) -> None:
    """A Markdown post's or page's Title and Short_title with the body's punctuation.

    As Unicode characters, once, so that every output (HTML, attributes,
    feeds, JSON-LD) shows the same text. Done on content_object_init, after
    Pelican has made the slug from the title as written: `A---B` keeps the
    address it always had.
    """
    if not typeset_titles(content.settings):
        return
    for key in TITLE_FIELDS:
        value = content.metadata.get(key)
        if isinstance(value, str):
            typeset_value = typeset(value)
            if typeset_value is not value:
                content.metadata[key] = typeset_value
                setattr(content, key, typeset_value)
