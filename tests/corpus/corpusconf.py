"""Settings for the test corpus: the project's, with the paths a public blog chooses.

`make check` reads this file as a site's pelicanconf.py; the in-process build
takes CORPUS as its overrides.
"""

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parents[1]))

from pelicanconf import *  # noqa: E402, F403

CORPUS = {
    "PATH": str(HERE / "content"),
    "ARTICLE_PATHS": ["blog", "archive"],
    "ARTICLE_EXCLUDES": [],
    "PAGE_PATHS": ["pages"],
    "STATIC_PATHS": ["images", "extra/robots.txt"],
    "EXTRA_PATH_METADATA": {"extra/robots.txt": {"path": "robots.txt"}},
    # Jekyll's and the importer's file names: the date and slug are in the name.
    "PATH_METADATA": r"archive/(?P<date>\d{4}-\d{2}-\d{2})-(?P<slug>[^/]+)\.html",
    "USE_FOLDER_AS_CATEGORY": True,
    "TEMPLATE_PAGES": {},
    "TIMEZONE": "UTC",
}
globals().update(CORPUS)
