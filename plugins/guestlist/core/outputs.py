"""Every file the build will write, known before any is written: nothing overwrites another.

A guest chooses a post's address (its Slug, its date, even a Save_as), so a
post could be written over the home page, a tag page, a feed, the theme's
files or another post, or a static file copied over a page. Pelican would
stop the whole build at the second write, or let the copy win silently.
Once every generator has read its content (`all_generators_finalized`), this
lists what each output path will hold, in the order of who decides: the
site's own pages (home, archives, tags, categories, authors, series, feeds,
redirect maps, the theme's folder) first, then pages, then posts, then
static files. A later claim on a path already taken is an error naming both
files, and the later file is not written; the rest of the site is. Where the
settings write no drafts (DRAFT_SAVE_AS = "", as a publish build), no draft
is written or linked, even at an address of its own.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, MutableMapping, Sequence
from dataclasses import replace
from pathlib import PurePosixPath
from typing import Any

from pelican.generators import ArticlesGenerator, PagesGenerator, StaticGenerator

from .problems import ERROR, ContentProblem, collector_for, display_path, problem

# A setting that names a feed's path: Pelican's (FEED_ATOM …) and ours.
FEED_SETTING = re.compile(r"^(FEED_|[A-Z_]+_FEED_)(ATOM|RSS)$")


# Files a feature writes at addresses of its own (a post's social card), put
# in the build's context before every output is claimed: {path: what it is}.
FEATURE_OUTPUTS = "guestlist_feature_outputs"


def claim_outputs(context: MutableMapping[str, Any], outputs: Mapping[str, str]) -> None:
    """Claim `outputs` ({path: what it is, in words}) for a feature, before any post."""
    claimed = context.setdefault(FEATURE_OUTPUTS, {})
    claimed.update({normal(path): what for path, what in outputs.items()})


def normal(save_as: str) -> str:
    """A save-as path as one string per file: no leading slash, no `./`."""
    return PurePosixPath(str(save_as).lstrip("/")).as_posix()


def guard_outputs(generators: Sequence[Any], **kwargs: Any) -> None:
    """all_generators_finalized: refuse every output that would replace another."""
    if not generators:
        return
    settings = generators[0].settings
    context = generators[0].context
    content_root = settings["PATH"]
    taken: dict[str, str] = dict(site_outputs(generators, settings, context))
    theme_folder = normal(settings.get("THEME_STATIC_DIR") or "theme") + "/"
    problems = []
    embargo = not settings.get("DRAFT_SAVE_AS")
    for content in contents_in_order(generators):
        if embargo and getattr(content, "status", "") == "draft":
            # A draft's own Save_as or URL would win over DRAFT_SAVE_AS = "":
            # where the settings publish no drafts, none is written or linked.
            content.override_save_as = ""
            content.override_url = ""
            continue
        save_as = getattr(content, "save_as", "")
        if not save_as:
            continue
        path = normal(save_as)
        shown = display_path(content.source_path, content_root)
        other = taken.get(path)
        if other is None and path.startswith(theme_folder):
            other = "the theme's own files"
        if other is None:
            taken[path] = shown
            continue
        chosen_by = next(
            (key for key in ("save_as", "slug") if key in content.metadata), None
        )
        refused = problem(
            content.source_path,
            f"its page would be written to {path}, which is {other}, so it is not written",
            field=chosen_by,
            severity=ERROR,
            content_root=content_root,
        )
        problems.append(
            replace(refused, fix="give it another Slug (or remove its Save_as)")
        )
        content.override_save_as = ""  # Pelican's writer writes nothing for ""
    for generator in generators:
        if isinstance(generator, StaticGenerator):
            problems += _keep_free_statics(generator, taken, content_root)
    collector_for(settings).extend(problems)


def site_outputs(
    generators: Iterable[Any], settings: Mapping[str, Any], context: Mapping[str, Any]
) -> Iterable[tuple[str, str]]:
    """(path, what it is) for each file of the site's own, decided by the host."""
    for template in settings.get("DIRECT_TEMPLATES", ()):
        save_as = settings.get(f"{template.upper()}_SAVE_AS", f"{template}.html")
        if save_as:
            yield normal(save_as), f"the {template} page"
    for generator in generators:
        if not isinstance(generator, ArticlesGenerator):
            continue
        for kind, items in (
            ("tag", generator.tags),
            ("category", generator.categories),
            ("author", generator.authors),
        ):
            for item in items:
                if getattr(item, "save_as", ""):
                    yield normal(item.save_as), f"the {kind} page of {item.name!r}"
    for series in context.get("guest_series", ()):
        yield normal(series.save_as), f"the series page of {series.name!r}"
    yield from context.get(FEATURE_OUTPUTS, {}).items()
    index = settings.get("GUEST_SERIES_INDEX_SAVE_AS")
    if index:
        yield normal(index), "the page listing every series"
    for name, value in settings.items():
        if isinstance(value, str) and value and "{" not in value:
            if FEED_SETTING.match(name):
                yield normal(value), f"the feed {value}"
            elif name.startswith("GUEST_SERIES_REDIRECTS_") and name.endswith("_SAVE_AS"):
                yield normal(value), f"the redirect map {value}"


def contents_in_order(generators: Iterable[Any]) -> list[Any]:
    """Pages, then posts (each in path order): who keeps a path claimed twice."""
    pages, posts = [], []
    for generator in generators:
        if isinstance(generator, PagesGenerator):
            pages += [
                *generator.pages,
                *generator.translations,
                *generator.hidden_pages,
                *generator.hidden_translations,
                *generator.draft_pages,
                *generator.draft_translations,
            ]
        elif isinstance(generator, ArticlesGenerator):
            posts += [
                *generator.articles,
                *generator.translations,
                *generator.hidden_articles,
                *generator.hidden_translations,
                *generator.drafts,
                *generator.drafts_translations,
            ]

    def by_path(content: Any) -> str:
        return str(content.source_path)

    return sorted(pages, key=by_path) + sorted(posts, key=by_path)


def _keep_free_statics(
    generator: Any, taken: dict[str, str], content_root: str
) -> list[ContentProblem]:
    """Drop the static files whose copy would replace a page; report each."""
    kept, problems = [], []
    for static in generator.staticfiles:
        path = normal(static.save_as)
        shown = display_path(static.source_path, content_root)
        other = taken.get(path)
        if other is None:
            taken[path] = shown
            kept.append(static)
            continue
        problems.append(
            ContentProblem(
                path=shown,
                message=f"it would be copied to {path}, which is {other}, so it is not "
                "copied",
                severity=ERROR,
                fix="rename or move the file",
            )
        )
        generator.context.get("static_content", {}).pop(
            static.get_relative_source_path(), None
        )
    generator.staticfiles[:] = kept
    return problems
