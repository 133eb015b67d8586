"""Development settings: `make html`, `make devserver` and the tests build with these.

`publishconf.py` imports everything here and changes only what the web needs.
Guestlist's own settings (GUEST_SERIES_*, THEME_*) are listed with their
defaults and meaning in docs/settings.md; set any of them here to override.
"""

from pathlib import Path

ROOT = Path(__file__).resolve().parent

# The blog.
SITENAME = "Ollie's Workbench"
SITESUBTITLE = "Writing, making things and working in public"
AUTHOR = "Ollie Brennan"
SITEURL = ""
TIMEZONE = "Europe/London"
DEFAULT_LANG = "en"
DEFAULT_DATE_FORMAT = "%-d %B %Y"

# Where things are. Articles are every Markdown file outside the folders that
# hold pages, guest profiles, series descriptions and images.
PATH = "content"
ARTICLE_PATHS = [""]
ARTICLE_EXCLUDES = ["pages", "authors", "series", "images"]
PAGE_PATHS = ["pages"]
STATIC_PATHS = ["images"]
THEME = str(ROOT / "theme")

# Guestlist's plugins: "guestlist" is every feature (series and guests,
# Markdown extensions, sanitising, feeds, redirects, the theme's settings, the
# content cache); list "guestlist.series", "guestlist.feeds" … to pick some
# (plugins/guestlist/README.md). PLUGINS is always set: unset, Pelican would
# load every installed namespace plugin as well.
PLUGIN_PATHS = [str(ROOT / "plugins")]
PLUGINS = ["guestlist"]
# The blog's own X handle, for the twitter:site tag on every post.
GUEST_SERIES_SITE_X_HANDLE = "@ollie_example"

# Clean addresses: /2026/03/some-post/ rather than /some-post.html.
ARTICLE_URL = "{date:%Y}/{date:%m}/{slug}/"
ARTICLE_SAVE_AS = "{date:%Y}/{date:%m}/{slug}/index.html"
DRAFT_URL = "drafts/{slug}/"
DRAFT_SAVE_AS = "drafts/{slug}/index.html"
PAGE_URL = "{slug}/"
PAGE_SAVE_AS = "{slug}/index.html"
AUTHOR_URL = "authors/{slug}/"
AUTHOR_SAVE_AS = "authors/{slug}/index.html"
AUTHORS_URL = "authors/"
AUTHORS_SAVE_AS = "authors/index.html"
TAG_URL = "tags/{slug}/"
TAG_SAVE_AS = "tags/{slug}/index.html"
TAGS_URL = "tags/"
TAGS_SAVE_AS = "tags/index.html"
# The home page is "/", also in the "Newer posts" link from its page 2.
INDEX_URL = ""
ARCHIVES_URL = "archives/"
ARCHIVES_SAVE_AS = "archives/index.html"
# The blog has tags, not categories: every post is in one category, "Blog",
# and the theme links no category page. Its page is still written, because
# Pelican 4.12 gives posts no category at all when CATEGORY_SAVE_AS is empty,
# and then fails on the first draft.
USE_FOLDER_AS_CATEGORY = False
DEFAULT_CATEGORY = "Blog"
CATEGORY_URL = "category/{slug}/"
CATEGORY_SAVE_AS = "category/{slug}/index.html"
CATEGORIES_SAVE_AS = ""
# "404" writes the theme's 404.html to /404.html, the page hosts serve for a
# missing address.
DIRECT_TEMPLATES = ["index", "tags", "authors", "archives", "404"]

DEFAULT_PAGINATION = 10
# Listings of summaries, ten a page. The category page is left out: it lists
# titles on one page, as the archives do (theme/templates/category.html).
PAGINATED_TEMPLATES = {"index": None, "tag": None, "author": None}
PAGINATION_PATTERNS = (
    (1, "{url}", "{save_as}"),
    (2, "{base_name}/page/{number}/", "{base_name}/page/{number}/index.html"),
)

# Templates escape every value unless it is marked safe (rendered Markdown):
# a title carrying markup shows as text, not as markup.
JINJA_ENVIRONMENT = {
    "trim_blocks": True,
    "lstrip_blocks": True,
    "autoescape": True,
    "extensions": [],
}

# Markdown: the host's note is an admonition (`!!! host-note "Note from Ollie"`);
# the series plugin adds the admonition extension if a site leaves it out.
# Smart quotes and dashes come from the guestlist.markdown plugin, not smarty.
MARKDOWN = {
    "extension_configs": {
        "markdown.extensions.codehilite": {"css_class": "highlight", "guess_lang": False},
        "markdown.extensions.extra": {},
        "markdown.extensions.meta": {},
        "markdown.extensions.admonition": {},
        "markdown.extensions.toc": {},
    },
    "output_format": "html5",
}

# Feeds are the guestlist.feeds plugin's (feedgen), written only when SITEURL is
# absolute: a development build has relative URLs, and a feed with relative
# links is invalid (see docs/feeds.md). Pelican's own feed writer is off for
# every kind of feed, here and in publishconf.py.
FEED_ATOM = None
FEED_RSS = None
FEED_ALL_ATOM = None
FEED_ALL_RSS = None
CATEGORY_FEED_ATOM = None
CATEGORY_FEED_RSS = None
AUTHOR_FEED_ATOM = None
AUTHOR_FEED_RSS = None
TAG_FEED_ATOM = None
TAG_FEED_RSS = None
TRANSLATION_FEED_ATOM = None
TRANSLATION_FEED_RSS = None

# The content cache: a rebuild reads only what changed. md5, not the default
# mtime, so the cache still holds after a fresh clone or checkout.
CACHE_CONTENT = True
LOAD_CONTENT_CACHE = True
CHECK_MODIFIED_METHOD = "md5"
CACHE_PATH = "cache"

# Future-dated posts wait as drafts until a build after their date.
WITH_FUTURE_DATES = False

MENUITEMS = ()
DISPLAY_PAGES_ON_MENU = True
DISPLAY_CATEGORIES_ON_MENU = False

# The theme (docs/settings.md lists every THEME_* setting and its default).
THEME_HOST_HANDLE = "@ollie_example"
THEME_ACCENT_COLOUR = "#a63d1c"
THEME_FOOTER_LINKS = (("Write a guest post", "/about/#pitching-a-guest-post"),)
