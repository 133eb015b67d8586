"""Every setting of the plugin, with its default and what it means.

Pelican settings are read once, at `initialized`: defaults are filled in, the
content folders the plugin owns are kept out of articles and pages, and the
Markdown extensions the content format needs are switched on.
"""

import logging

logger = logging.getLogger(__name__)

DEFAULTS = {
    # Folder under PATH holding one Markdown profile per guest (Name, Twitter …).
    "GUEST_SERIES_PROFILES_PATH": "authors",
    # Folder under PATH holding one Markdown description per series.
    "GUEST_SERIES_DESCRIPTIONS_PATH": "series",
    # Where each series page lives; {slug} is the series' slug.
    "GUEST_SERIES_URL": "series/{slug}/",
    "GUEST_SERIES_SAVE_AS": "series/{slug}/index.html",
    # The page listing every series. An empty SAVE_AS writes no such page.
    "GUEST_SERIES_INDEX_URL": "series/",
    "GUEST_SERIES_INDEX_SAVE_AS": "series/index.html",
    # A series without a description (or without Singular) calls its posts this.
    "GUEST_SERIES_DEFAULT_SINGULAR": "Guest",
    # Labels. {number}, {count}, {singular}, {plural}, {title} (the neighbour's
    # Short_title) and {series} (the series name) may be used.
    "GUEST_SERIES_NUMBER_LABEL": "Guest #{number}",
    "GUEST_SERIES_POSITION_LABEL": "{number} of {count}",
    "GUEST_SERIES_PREVIOUS_LABEL": "Previous {singular}: {title}",
    "GUEST_SERIES_NEXT_LABEL": "Next {singular}: {title}",
    "GUEST_SERIES_ALL_LABEL": "All {count} {plural}",
    # The longest Short_title (or Title, when there is none) a label takes.
    "GUEST_SERIES_LABEL_MAX_LENGTH": 60,
    # The admonition type that marks the host's note: !!! host-note "Note from …".
    "GUEST_SERIES_HOST_NOTE_TYPE": "host-note",
    #
    # --- Guests, handles, mentions and social meta ---
    #
    # --- Feeds ---
    # Where each feed is written under the output folder, in Atom and RSS 2.0;
    # {slug} is the series', author's or tag's slug. None: no feed of that kind.
    "GUEST_SERIES_FEED_ATOM": "feeds/all.atom.xml",
    "GUEST_SERIES_FEED_RSS": "feeds/all.rss.xml",
    "GUEST_SERIES_SERIES_FEED_ATOM": "feeds/series/{slug}.atom.xml",
    "GUEST_SERIES_SERIES_FEED_RSS": "feeds/series/{slug}.rss.xml",
    "GUEST_SERIES_AUTHOR_FEED_ATOM": "feeds/authors/{slug}.atom.xml",
    "GUEST_SERIES_AUTHOR_FEED_RSS": "feeds/authors/{slug}.rss.xml",
    "GUEST_SERIES_TAG_FEED_ATOM": "feeds/tags/{slug}.atom.xml",
    "GUEST_SERIES_TAG_FEED_RSS": "feeds/tags/{slug}.rss.xml",
    # How many of the latest posts the site's feeds hold (series feeds hold all).
    "GUEST_SERIES_FEED_MAX_ITEMS": 20,
    # How many of the latest posts an author's or a tag's feed holds; None: all.
    "GUEST_SERIES_AUTHOR_TAG_FEED_MAX_ITEMS": 20,
    # Feeds need absolute links, so they are written only when SITEURL is an
    # absolute URL (make publish). A development build (SITEURL = "") writes
    # them only if this names the address it is served at, e.g.
    # "http://127.0.0.1:8000"; None: development builds write no feeds.
    "GUEST_SERIES_DEVELOPMENT_FEED_URL": None,
    #
    # --- Checks, publishing and redirects ---
    #
}

# Markdown extensions the content format relies on.
REQUIRED_MARKDOWN_EXTENSIONS = ("markdown.extensions.admonition",)


def prepare_settings(pelican, **kwargs):
    """Fill in defaults and make Pelican read content the way the format says."""
    settings = pelican.settings
    for name, default in DEFAULTS.items():
        settings.setdefault(name, default)
    _check_label_formats(settings)

    # Profiles and series descriptions are not articles nor pages.
    own_folders = [
        settings["GUEST_SERIES_PROFILES_PATH"],
        settings["GUEST_SERIES_DESCRIPTIONS_PATH"],
    ]
    for key in ("ARTICLE_EXCLUDES", "PAGE_EXCLUDES"):
        excludes = list(settings.get(key, []))
        excludes += [folder for folder in own_folders if folder not in excludes]
        settings[key] = excludes

    extension_configs = settings.setdefault("MARKDOWN", {}).setdefault(
        "extension_configs", {}
    )
    for extension in REQUIRED_MARKDOWN_EXTENSIONS:
        extension_configs.setdefault(extension, {})


def _check_label_formats(settings):
    """Catch a label setting with an unknown placeholder now, not mid-build."""
    sample = {
        "number": 1,
        "count": 1,
        "singular": "",
        "plural": "",
        "title": "",
        "series": "",
    }
    for name in DEFAULTS:
        if not name.endswith("_LABEL"):
            continue
        try:
            settings[name].format(**sample)
        except (KeyError, IndexError, ValueError, AttributeError) as error:
            logger.error(
                "Setting %s = %r is not a usable label (%s); placeholders are "
                "{number}, {count}, {singular}, {plural}, {title} and {series}. "
                "Using the default %r.",
                name,
                settings[name],
                error,
                DEFAULTS[name],
            )
            settings[name] = DEFAULTS[name]
