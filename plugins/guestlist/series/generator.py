"""The plugin's Generator: reads profiles and series, links articles, writes pages.

Pelican runs it after its own ArticlesGenerator, so the articles are read and
sorted by the time `generate_context` runs here, and not yet written.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Any

from pelican.generators import Generator

from ..core.problems import collector_for
from ..core.signals import source_html_read
from .guests import attach_profiles, attach_to_authors
from .neighbours import attach_chronological_neighbours
from .ordering import (
    build_page_series,
    build_series,
    host_note_problems,
    label_series,
    now_for,
    short_title_problems,
)
from .sources import SmallFileReader, read_descriptions, read_profiles


def cleaned_sources(sources: dict, html_field: str, settings: dict) -> dict:
    """Profiles or descriptions with their rendered body as the sanitiser returns it.

    `sources` maps names to frozen values whose `html_field` holds the body;
    with the sanitize feature off, nothing answers and the body stays.
    """
    cleaned = {}
    for name, source in sources.items():
        html = getattr(source, html_field)
        path = Path(settings["PATH"]) / source.source_path
        for _, answer in source_html_read.send(html, path=path, settings=settings):
            if answer is not None:
                html = answer
        cleaned[name] = replace(source, **{html_field: html})
    return cleaned


def _translations(items: list) -> list:
    """The translations of `items` (Pelican keeps them on each original)."""
    return [
        translation for item in items for translation in getattr(item, "translations", [])
    ]


def _by_language(items: list) -> list[tuple[str, list]]:
    """(lang, its items) for every language of `items`, in the order of the names."""
    languages = {}
    for item in items:
        languages.setdefault(item.lang, []).append(item)
    return sorted(languages.items())


class GuestSeriesGenerator(Generator):
    """Series and guests: context for the templates, and the series pages."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.series = []
        self.translated_series = []
        self.page_series = []
        self.profiles = {}
        self.problems = []

    def generate_context(self) -> None:
        content_root = Path(self.path)
        settings = self.settings
        if self.readers.readers.get("md") is None:
            # Without Python-Markdown no profile or description can be read;
            # Pelican has already said why Markdown is off.
            return
        markdown_reader = SmallFileReader(settings["MARKDOWN"], content_root)
        profiles_folder = settings["GUEST_SERIES_PROFILES_PATH"]
        self.profiles, found = read_profiles(
            content_root / profiles_folder, markdown_reader, content_root, settings
        )
        self.problems += found
        self.profiles = cleaned_sources(self.profiles, "bio_html", settings)
        descriptions, found = read_descriptions(
            content_root / settings["GUEST_SERIES_DESCRIPTIONS_PATH"],
            markdown_reader,
            content_root,
        )
        self.problems += found
        descriptions = cleaned_sources(descriptions, "description_html", settings)

        published = self.context.get("articles", [])
        unlisted = self.context.get("drafts", []) + self.context.get("hidden_articles", [])
        everything = published + unlisted

        self.problems += attach_profiles(
            everything,
            self.profiles,
            profiles_folder,
            content_root,
            settings["GUEST_SERIES_X_DOMAIN"],
        )
        authors = self.context.get("authors", [])
        self.problems += attach_to_authors(everything, authors, self.profiles, content_root)
        attach_chronological_neighbours(published, unlisted)

        translations = _translations(published)
        for article in everything + translations + _translations(unlisted):
            # Pelican set `series` from the metadata (a plain string); only
            # articles placed in a built series get a SeriesPosition below.
            article.series = None
        now = now_for(settings)
        built, found = build_series(published, descriptions, settings, now, content_root)
        self.problems += found
        in_series = []
        for series, indexes in built:
            label_series(series, indexes, settings)
            in_series += series.articles
        self.series = [series for series, _ in built]
        # Each language's translations form series of their own (docs/content.md).
        self.translated_series = []
        for lang, items in _by_language(translations):
            built, found = build_series(
                items, descriptions, settings, now, content_root, translations=True
            )
            self.problems += found
            for series, indexes in built:
                series.lang, series.url, series.save_as = lang, None, ""
                label_series(series, indexes, settings)
                in_series += series.articles
                self.translated_series.append(series)
        self.page_series = self._page_series(settings, content_root)
        self.problems += short_title_problems(in_series, settings, content_root)
        self.problems += host_note_problems(
            self.series + self.translated_series, settings, content_root
        )

        # Author pages' addresses, by name: what head meta (guestlist.meta)
        # links a post's author and editor to.
        self.context["guest_author_urls"] = {
            author.name: author.url for author, _ in authors
        }
        self.context["guest_series"] = self.series
        self.context["guest_translated_series"] = self.translated_series
        # pelican-series' names: series name -> its articles (pages), in order.
        self.context["article_series"] = {s.name: s.articles for s in self.series}
        self.context["page_series"] = {s.name: s.articles for s in self.page_series}
        self.context["guest_profiles"] = self.profiles
        collector_for(settings).extend(self.problems)

    def _page_series(self, settings: dict, content_root: Path) -> list:
        """Series of published pages, as pelican-series builds them: by
        Series_index, then by title; no series page is written for them."""
        pages = self.context.get("pages", [])
        unlisted = self.context.get("hidden_pages", []) + self.context.get(
            "draft_pages", []
        )
        everything = pages + unlisted
        for page in everything + _translations(everything):
            page.series = None
        built, found = build_page_series(pages, settings, content_root)
        self.problems += found
        for series, indexes in built:
            label_series(series, indexes, settings)
        return [series for series, _ in built]

    def generate_output(self, writer: Any) -> None:
        relative_urls = self.settings.get("RELATIVE_URLS", False)
        template = self.get_template("series")
        for series in self.series:
            writer.write_file(
                series.save_as,
                template,
                self.context,
                relative_urls,
                url=series.url,
                series=series,
                articles=series.articles,
                page_name=series.url,
            )
        index_save_as = self.settings["GUEST_SERIES_INDEX_SAVE_AS"]
        if index_save_as and self.series:
            writer.write_file(
                index_save_as,
                self.get_template("series_list"),
                self.context,
                relative_urls,
                url=self.settings["GUEST_SERIES_INDEX_URL"],
                all_series=self.series,
            )
