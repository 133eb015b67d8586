"""Publishing settings: `make publish` builds the site for the web with these.

Everything in pelicanconf.py holds, but for absolute URLs and feeds.
"""

import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from pelicanconf import *  # noqa: F403

# The public address of the blog, without a trailing slash. A deploy can set
# it from the environment (GitHub Pages gives each repository its own).
SITEURL = os.environ.get("GUESTLIST_SITEURL", "https://ollie.example.com")
RELATIVE_URLS = False

FEED_ALL_ATOM = "feeds/all.atom.xml"
FEED_ALL_RSS = "feeds/all.rss.xml"
AUTHOR_FEED_ATOM = "feeds/authors/{slug}.atom.xml"
AUTHOR_FEED_RSS = "feeds/authors/{slug}.rss.xml"
TAG_FEED_ATOM = "feeds/tags/{slug}.atom.xml"
TAG_FEED_RSS = "feeds/tags/{slug}.rss.xml"
RSS_FEED_SUMMARY_ONLY = False

# A published build starts from an empty output folder, so that nothing
# removed from content lingers on the site.
DELETE_OUTPUT_DIRECTORY = True
# A publish build reads everything afresh.
LOAD_CONTENT_CACHE = False
