"""Publishing settings: `make publish` builds the site for the web with these.

Everything in pelicanconf.py holds, but for absolute URLs (and so feeds).
"""

import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from pelicanconf import *  # noqa: F403

# The public address of the blog, without a trailing slash. A deploy can set
# it from the environment (GitHub Pages gives each repository its own).
SITEURL = os.environ.get("GUESTLIST_SITEURL", "https://ollie.example.com")
RELATIVE_URLS = False

# With an absolute SITEURL, the guestlist.feeds plugin writes the feeds (site,
# series, author and tag; Atom and RSS) with feedgen: see docs/feeds.md for
# their paths. Pelican's own feed writer stays off, as in pelicanconf.py, or
# two writers would fight over the same files.
FEED_ATOM = FEED_RSS = FEED_ALL_ATOM = FEED_ALL_RSS = None
CATEGORY_FEED_ATOM = CATEGORY_FEED_RSS = None
AUTHOR_FEED_ATOM = AUTHOR_FEED_RSS = None
TAG_FEED_ATOM = TAG_FEED_RSS = None
TRANSLATION_FEED_ATOM = TRANSLATION_FEED_RSS = None

# The embargo: a draft, and a post dated after the build (WITH_FUTURE_DATES is
# False in pelicanconf.py, so Pelican makes it a draft), gets no page on the
# web. Pelican writes drafts to DRAFT_SAVE_AS, where anyone who guesses the
# address could read them; the development build still does, for their authors.
# Every draft kind is covered: posts and pages, and their translations. Their
# URLs are empty too, so no link names a draft's slug. A draft's own Save_as or
# URL outranks these; `make publish` (tools/publish.py) empties those as well.
# Drafts are in no listing, feed, series, redirect or map of either build
# (Pelican lists only published posts; the plugins follow it).
DRAFT_URL = DRAFT_SAVE_AS = ""
DRAFT_LANG_URL = DRAFT_LANG_SAVE_AS = ""
DRAFT_PAGE_URL = DRAFT_PAGE_SAVE_AS = ""
DRAFT_PAGE_LANG_URL = DRAFT_PAGE_LANG_SAVE_AS = ""

# A published build starts from an empty output folder, so that nothing
# removed from content lingers on the site.
DELETE_OUTPUT_DIRECTORY = True
# A publish build reads everything afresh.
LOAD_CONTENT_CACHE = False
# ... and writes none: nothing reads a publish build's cache, and writing it
# costs about 5% of the build (make bench).
CACHE_CONTENT = False
