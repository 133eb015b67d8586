"""Pelican's writer, rendering pages on every core and only when their inputs changed.

Pelican renders each page as a generator hands it over (`write_file`), one
after another in one process. This writer, returned through Pelican's
`get_writer` signal, takes the same calls:

- With one process and no memo it is Pelican's writer, unchanged.
- With one process and the memo on (memo.py), it renders each page as it
  comes, as Pelican does, but first compares the page's key (keys.py) with
  the last build's: an unchanged page whose file is intact is not rendered.
- With several processes, it prepares each page as Pelican would at that
  moment (its local context, the site URL its links are made relative to,
  whether Pelican would write, overwrite or refuse its path) and queues it.
  Once every generator has written (core/lifecycle.py calls `finish` at
  `finalized`, before the problems are reported) the changed pages are
  rendered in forked workers (workers.py), which write the files and send
  back only what they wrote, logged and found. The parent then logs, counts
  and signals (`content_written`) every page in Pelican's order.

Workers are forked, so they render with the parent's objects; what a render
changes in a worker stays there. What a render changes that the rest of the
build sees is the shared context's `localsiteurl`: it is set in the parent
as Pelican sets it, page by page, and set again in the worker before each
page. (An `{attach}` link could move a static file as a post's text is
made, which a worker would do too late and in vain; but core/outputs.py
asks every static file its path before anything is written, and Pelican
never moves a file whose path was asked.) Feeds and static files do not go
through `write_file` and are left as they are.
"""

from __future__ import annotations

import logging
import os
import pickle
from collections import ChainMap
from collections.abc import Iterator, MutableMapping
from dataclasses import dataclass, field
from typing import Any

from jinja2 import Template
from pelican import signals
from pelican.paginator import Paginator
from pelican.utils import get_relative_path, path_to_url, sanitised_join
from pelican.writers import FileOverwriteFailedError, Writer

from ..core.lifecycle import at_the_end
from ..core.workers import Captured, capturing, map_forked, processes_for
from .fingerprints import FINGERPRINTS_SETTING, Fingerprints
from .keys import PageKeys
from .memo import MEMO_SETTING, Written, load_memo
from .template_reads import (
    TemplateAnalysis,
    TemplateReads,
    recording_loads,
    track_loads,
)

logger = logging.getLogger(__name__)
# Pelican's messages about each file, under its writer's name, as it logs them.
pelican_logger = logging.getLogger("pelican.writers")

_UNSET = object()  # a context without a localsiteurl (yet)


class RenderError(RuntimeError):
    """A page failed to render in a worker, with an error that could not travel back."""


@dataclass(eq=False)
class PageJob:
    """One page as Pelican would render it at the moment it was handed over."""

    template: Template
    context: MutableMapping[str, Any]  # the dict write_file was given
    localcontext: ChainMap  # Pelican's shallow copy, with the page's own names
    save_as: str
    path: str  # where it goes, inside the output folder
    kept: bool  # False: Pelican renders it to os.devnull (a file kept by an override)
    localsiteurls: tuple  # every context's localsiteurl, as it was for this render
    reads: TemplateReads | None  # for a template made from a string only
    key: str | None = None


@dataclass
class Rendered:
    """What a worker sends back for one page: small, and plain data."""

    written: Written | None
    captured: Captured = field(default_factory=Captured)
    failure: BaseException | None = None
    loaded: tuple[str, ...] = ()  # the templates the render loaded


class OutputClaims:
    """Which files the build has written: Pelican's rule for a second write, kept here.

    Pelican's writer decides as it opens the file; a queued page is decided
    as it is queued, so that the generator that asked still gets the error
    (the redirects generator catches it and says which page was first).
    """

    def __init__(self) -> None:
        self.written: set[str] = set()
        self.overridden: set[str] = set()

    def claim(self, path: str, override: bool) -> bool:
        """Whether to write `path`; False: render to nowhere, as Pelican does."""
        if path in self.overridden:
            if override:
                raise FileOverwriteFailedError(
                    f'Failed to overwrite "{path}" a second time '
                    "(was previously overwritten)"
                )
            pelican_logger.info('Skipping "%s", not overwriting', path)
            return False
        if path in self.written:
            if not override:
                raise FileOverwriteFailedError(
                    f'Failed to overwrite "{path}" as Pelican has already written to it '
                    "previously (set `override=True` if intended)"
                )
            pelican_logger.info('Overwriting "%s"', path)
        if override:
            self.overridden.add(path)
        self.written.add(path)
        return True


class GuestWriter(Writer):
    """Pelican's Writer, with pages rendered in workers and unchanged ones skipped."""

    def __init__(self, output_path: str, settings: dict[str, Any] | None = None) -> None:
        super().__init__(output_path, settings=settings)
        settings = self.settings
        self.processes = processes_for(settings)
        # One memo and one set of fingerprints a run: the dev server runs many.
        self.memo = settings[MEMO_SETTING] = load_memo(settings)
        settings[FINGERPRINTS_SETTING] = Fingerprints(settings)
        self.keys = PageKeys(settings)
        self.direct = self.processes == 1 and not self.memo.active
        self.claims = OutputClaims()
        self.templates = TemplateAnalysis()
        self.pending: list[PageJob] = []
        self._pending_at: dict[str, PageJob] = {}
        self._contexts: list[MutableMapping[str, Any]] = []
        self._context_ids: set[int] = set()
        self._site_context: MutableMapping[str, Any] | None = None
        self._copies: dict[int, tuple[MutableMapping[str, Any], dict[str, Any]]] = {}
        at_the_end(settings, self.finish)

    def write_file(
        self,
        name: str,
        template: Template,
        context: MutableMapping[str, Any],
        relative_urls: bool = False,
        paginated: dict | None = None,
        template_name: str | None = None,
        override_output: bool = False,
        url: str | None = None,
        **kwargs: Any,
    ) -> None:
        """Pelican's write_file: render now, later in a worker, or not at all."""
        if self.direct:
            super().write_file(
                name,
                template,
                context,
                relative_urls,
                paginated,
                template_name,
                override_output,
                url,
                **kwargs,
            )
            return
        if not name:
            return
        pages = self._pages(
            name, context, relative_urls, paginated, template_name, url, kwargs
        )
        for save_as, localcontext in pages:
            self._write_page(template, context, localcontext, save_as, override_output)

    def write_feed(
        self,
        elements: list,
        context: dict[str, Any],
        path: str | None = None,
        url: str | None = None,
        feed_type: str = "atom",
        override_output: bool = False,
        feed_title: str | None = None,
    ) -> Any:
        """Pelican's write_feed; a feed's file counts against the pages' files, as there."""
        if path and not self.direct:
            complete = sanitised_join(self.output_path, path)
            if not self.claims.claim(complete, override_output):
                path = None  # Pelican would write it to os.devnull
        return super().write_feed(
            elements, context, path, url, feed_type, override_output, feed_title
        )

    def finish(self) -> None:
        """At the end of the build: render what is queued, then save the memo."""
        try:
            self._flush()
            self.memo.save()
        finally:
            # Not left in the settings the next run's context is copied from.
            self.settings.pop(MEMO_SETTING, None)
            self.settings.pop(FINGERPRINTS_SETTING, None)

    # Preparing a page, as Pelican's write_file does.

    def _pages(
        self, name, context, relative_urls, paginated, template_name, url, kwargs
    ) -> Iterator[tuple[str, dict[str, Any]]]:
        """(save_as, local context) of each page, made as Pelican makes them.

        A generator: each local context copies the context as it is once the
        page before has set its localsiteurl.
        """
        if paginated is None:
            paginated = {
                key: val for key, val in kwargs.items() if key in {"articles", "dates"}
            }
        if not (paginated and template_name in self.settings["PAGINATED_TEMPLATES"]):
            yield name, self._localcontext(context, name, kwargs, relative_urls)
            return
        per_page = (
            self.settings["PAGINATED_TEMPLATES"][template_name]
            or self.settings["DEFAULT_PAGINATION"]
        )
        paginators = {
            key: Paginator(name, url, val, self.settings, per_page)
            for key, val in paginated.items()
        }
        for page_num in range(next(iter(paginators.values())).num_pages):
            paginated_kwargs = kwargs.copy()
            for key, paginator in paginators.items():
                previous_page = paginator.page(page_num) if page_num > 0 else None
                page = paginator.page(page_num + 1)
                next_page = (
                    paginator.page(page_num + 2)
                    if page_num + 1 < paginator.num_pages
                    else None
                )
                paginated_kwargs.update(
                    {
                        f"{key}_paginator": paginator,
                        f"{key}_page": page,
                        f"{key}_previous_page": previous_page,
                        f"{key}_next_page": next_page,
                    }
                )
            yield (
                page.save_as,
                self._localcontext(context, page.save_as, paginated_kwargs, relative_urls),
            )

    def _localcontext(self, context, name, kwargs, relative_urls) -> ChainMap:
        """The context one page is rendered with, made as Pelican's writer makes it.

        Pelican copies the whole context for each page and drops the copy once
        the page is written; a queued page keeps it to the end. So pages share
        one copy while the context holds the same values (the localsiteurl
        each page sets aside), and keep their own names in front of it.
        """
        found = self._copies.get(id(context))
        if found is None or found[0] is not context or not _unchanged(context, found[1]):
            found = self._copies[id(context)] = (context, dict(context))
        own = {"localsiteurl": context.get("localsiteurl", None)}
        if relative_urls:
            relative_url = path_to_url(get_relative_path(name))
            own["SITEURL"] = relative_url
            own["localsiteurl"] = relative_url
        own["output_file"] = name
        own.update(kwargs)
        return ChainMap(own, found[1])

    def _write_page(self, template, context, localcontext, save_as, override) -> None:
        # Links in a post's text are made relative to the page being written.
        if localcontext["localsiteurl"]:
            context["localsiteurl"] = localcontext["localsiteurl"]
        self._know(context)
        path = sanitised_join(self.output_path, save_as)
        kept = self.claims.claim(path, override)
        if self.memo.active:
            track_loads(template.environment)
        job = PageJob(
            template=template,
            context=context,
            localcontext=localcontext,
            save_as=save_as,
            path=path,
            kept=kept,
            localsiteurls=self._localsiteurls(),
            reads=(
                self.templates.reads_of(template)
                if self.memo.active and template.name is None
                else None
            ),
        )
        if self.processes == 1:
            self._write_now(job)
            return
        if kept:
            superseded = self._pending_at.get(path)
            if superseded is not None:  # Pelican overwrites it: its render goes nowhere
                superseded.kept = False
            self._pending_at[path] = job
        self.pending.append(job)

    def _know(self, context: MutableMapping[str, Any]) -> None:
        """Keep each context Pelican may set a localsiteurl in, to set it in workers."""
        if id(context) not in self._context_ids:
            self._context_ids.add(id(context))
            self._contexts.append(context)
        if self._site_context is None and "generated_content" in context:
            self._site_context = context

    def _localsiteurls(self) -> tuple:
        return tuple(context.get("localsiteurl", _UNSET) for context in self._contexts)

    def _set_localsiteurls(self, values: tuple) -> None:
        for context, value in zip(self._contexts, values, strict=False):
            if value is _UNSET:
                context.pop("localsiteurl", None)
            else:
                context["localsiteurl"] = value

    def _key(self, job: PageJob, loaded: tuple[str, ...] | None = None) -> str | None:
        """The page's key: from the templates `loaded` by its render, or by its last.

        None (the page is rendered) when its last render is not known.
        """
        if not (self.memo.active and job.kept):
            return None
        name = job.template.name
        if name is None:  # made from a string: it reads all it is given
            reads = job.reads
        else:
            if loaded is None:
                loaded = self.memo.templates_of(job.path)
            if loaded is None:
                return None
            reads = self.templates.reads_of_templates(
                job.template.environment, (name, *loaded)
            )
        return self.keys.key_of(
            reads,
            name or "",
            job.save_as,
            job.context.get("localsiteurl"),
            job.localcontext,
            self._site_context,
        )

    # Rendering.

    def _write_now(self, job: PageJob) -> None:
        """One process: render the page now, unless it is as the last build wrote it."""
        job.key = self._key(job)
        if job.key is not None and self.memo.unchanged(job.path, job.key):
            self._skipped(job)
            return
        self._written(job, *_render(job))

    def _flush(self) -> None:
        """Several processes: render queued pages in workers, then finish each in order."""
        jobs, self.pending, self._pending_at = self.pending, [], {}
        if not jobs:
            return
        for job in jobs:
            job.key = self._key(job)
        same = [
            job.key is not None and self.memo.unchanged(job.path, job.key) for job in jobs
        ]
        todo = [job for job, unchanged in zip(jobs, same, strict=True) if not unchanged]
        final = self._localsiteurls()
        try:
            results = map_forked(
                lambda index: self._render_captured(todo[index]), len(todo), self.processes
            )
        finally:
            # Rendered here (too few pages to fork for), pages set the contexts' URLs.
            self._set_localsiteurls(final)
        rendered = dict(zip(map(id, todo), results, strict=True))
        for job, unchanged in zip(jobs, same, strict=True):
            if unchanged:
                self._skipped(job)
                continue
            result = rendered[id(job)]
            result.captured.replay(self.settings)
            if result.failure is not None:
                failure = result.failure
                failure.add_note(f"while rendering {job.path} from {job.template.name}")
                raise failure
            self._written(job, result.written, result.loaded)

    def _render_captured(self, job: PageJob) -> Rendered:
        """In a worker: render and write one page; what went wrong comes back as data."""
        with capturing(self.settings) as captured:
            self._set_localsiteurls(job.localsiteurls)
            loaded: tuple[str, ...] = ()
            try:
                (written, loaded), failure = _render(job), None
            except Exception as error:
                written, failure = None, _portable(error)
        return Rendered(written, captured, failure, loaded)

    def _written(
        self, job: PageJob, written: Written | None, loaded: tuple[str, ...] = ()
    ) -> None:
        if written is not None:
            # The key of what this render read, for the next build to compare.
            self.memo.remember(job.path, self._key(job, loaded), written, loaded)
        _content_written(job)

    def _skipped(self, job: PageJob) -> None:
        logger.debug(
            'Not rendering "%s" again: its inputs and file are unchanged', job.path
        )
        _content_written(job)


def _content_written(job: PageJob) -> None:
    """Pelican's content_written, with the page's context as a dict, as Pelican sends it."""
    if signals.content_written.receivers:  # the copy is made only for someone to read
        signals.content_written.send(job.path, context=_as_dict(job.localcontext))


def _as_dict(context: ChainMap) -> dict[str, Any]:
    """`context` as one dict, the front map winning, as `dict(context)` gives it.

    Map by map: dict(ChainMap) looks every key up through the chain, which
    cost a tenth of a millisecond a page once the sitemap listens.
    """
    merged: dict[str, Any] = {}
    for mapping in reversed(context.maps):
        merged.update(mapping)
    return merged


def _unchanged(context: MutableMapping[str, Any], copy: dict[str, Any]) -> bool:
    """Whether `copy` still holds what `context` holds (its localsiteurl aside)."""
    if len(context) != len(copy):
        return False
    return all(
        copy.get(key, _UNSET) is value
        for key, value in context.items()
        if key != "localsiteurl"
    )


def _render(job: PageJob) -> tuple[Written | None, tuple[str, ...]]:
    """Render and write one page as Pelican does: what was written (or None), and
    the templates the render loaded."""
    with recording_loads() as loaded:
        output = job.template.render(job.localcontext)
    os.makedirs(os.path.dirname(job.path), exist_ok=True)
    if not job.kept:
        pelican_logger.info('Writing "%s"', job.path)
        return None, tuple(loaded)
    with open(job.path, "w", encoding="utf-8") as file:
        file.write(output)
    pelican_logger.info('Writing "%s"', job.path)
    if os.linesep == "\n":
        data = output.encode("utf-8")
    else:  # text mode wrote other line ends: hash what is on disk
        with open(job.path, "rb") as file:
            data = file.read()
    return Written.of_file(job.path, data), tuple(loaded)


def _portable(error: Exception) -> Exception:
    """`error` if it survives the trip back from a worker, else its text as RenderError."""
    try:
        pickle.loads(pickle.dumps(error))
    except Exception:
        return RenderError(f"{type(error).__name__}: {error}")
    return error


def get_writer(pelican: Any, **kwargs: Any) -> type:
    """get_writer: Pelican's writer class for this build (it makes one a run)."""
    return GuestWriter
