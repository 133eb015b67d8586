"""Every setting of the plugin, with its default and what it means.

Pelican settings are read once, at `initialized`: defaults are filled in, the
content folders the plugin owns are kept out of articles and pages, and the
Markdown extensions the content format needs are switched on.
"""

import logging

from ..cache.fingerprint import separate_content_cache
from ..core.handles import HandleError, check_host_name, parse_x

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
    # The domain of X profile and post links: "twitter.com" for sites that prefer it.
    "GUEST_SERIES_X_DOMAIN": "x.com",
    # The blog's own X handle, for the twitter:site meta tag (e.g. "@ollie_example").
    # None: no such tag.
    "GUEST_SERIES_SITE_X_HANDLE": None,
    # Link @name (X) and @user@server (fediverse) in posts to the person's profile.
    # A post can still say `Mentions: off`.
    "GUEST_SERIES_MENTIONS": True,
    # Load X's widgets.js on pages with tweet cards. A third-party script that
    # tracks readers: off by default, and the cards read well without it.
    "GUEST_SERIES_X_WIDGETS": False,
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
    # Remove scripts, iframes, on…= attributes and javascript: links from every
    # post and page (and from profiles and series descriptions) as they are
    # read; a post or page keeps them only with `Allow_unsafe_html: yes`.
    "GUEST_SERIES_SANITIZE": True,
    # Redirect maps for servers, written under the output folder from every
    # post's Redirect_from; an empty value writes no such map.
    "GUEST_SERIES_REDIRECTS_NETLIFY_SAVE_AS": "_redirects",
    "GUEST_SERIES_REDIRECTS_NGINX_SAVE_AS": "redirects.nginx.conf",
    # Metadata keys other plugins read, so that `make check` does not call them
    # unknown; e.g. ("og_image",).
    "GUEST_SERIES_KNOWN_FIELDS": (),
    # The folder under PATH where `make newpost` puts new posts.
    "GUEST_SERIES_NEW_POSTS_PATH": "posts",
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

    _check_x_settings(settings)
    # Our own extensions, by dotted name so that they work in any site using
    # the plugin, under whatever name the plugin was loaded.
    extension_configs["guestlist.markdown.tweets"] = {
        "x_domain": settings["GUEST_SERIES_X_DOMAIN"],
        "date_format": settings.get("DEFAULT_DATE_FORMAT", "%Y-%m-%d"),
        "widgets": bool(settings["GUEST_SERIES_X_WIDGETS"]),
    }
    if settings["GUEST_SERIES_MENTIONS"]:
        extension_configs["guestlist.markdown.mentions"] = {
            "x_domain": settings["GUEST_SERIES_X_DOMAIN"]
        }

    # Last: the cache's folder depends on everything above.
    separate_content_cache(settings)


def _check_x_settings(settings):
    """A bad X domain or site handle is reported now, naming the setting."""
    domain = str(settings["GUEST_SERIES_X_DOMAIN"] or "").strip().lower()
    try:
        check_host_name(domain, "give a domain such as x.com or twitter.com")
        settings["GUEST_SERIES_X_DOMAIN"] = domain
    except HandleError as error:
        logger.error(
            "Setting GUEST_SERIES_X_DOMAIN = %r is not a domain name (%s); using %r.",
            settings["GUEST_SERIES_X_DOMAIN"],
            error,
            DEFAULTS["GUEST_SERIES_X_DOMAIN"],
        )
        settings["GUEST_SERIES_X_DOMAIN"] = DEFAULTS["GUEST_SERIES_X_DOMAIN"]
    handle = settings["GUEST_SERIES_SITE_X_HANDLE"]
    if handle:
        try:
            settings["GUEST_SERIES_SITE_X_HANDLE"] = parse_x(handle).text
        except HandleError as error:
            logger.error(
                "Setting GUEST_SERIES_SITE_X_HANDLE = %r is not an X handle (%s); "
                "the twitter:site tag is left out.",
                handle,
                error,
            )
            settings["GUEST_SERIES_SITE_X_HANDLE"] = None


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
