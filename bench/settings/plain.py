"""Configurations B and C of the benchmark: Pelican's defaults, with its own theme.

Only what a site needs to build at all is set; everything else, the theme
("notmyidea"), the Markdown extensions, URLs and the feeds Pelican writes by
default, is Pelican's. C adds pelican-series and pelican-neighbors on the
command line (see bench/configs.py), so B and C differ in nothing else.
"""

SITENAME = "Ollie's Workbench"
AUTHOR = "Ollie Brennan"
# Absolute, as for a publish build: Pelican writes its default feeds only with
# a SITEURL (or FEED_DOMAIN).
SITEURL = "https://ollie.example.com"
TIMEZONE = "Europe/London"
DEFAULT_LANG = "en"

# The guests' profiles and series descriptions are not posts. Read as posts,
# they would have no Title or Date and fail, which is work Guestlist never does.
ARTICLE_EXCLUDES = ["authors", "series"]

# No plugins: unset, Pelican would load any namespace plugin installed.
PLUGINS = []
