"""A corpus of real-looking content, built as `make html` and checked as `make check`.

tests/corpus/content/ does what public Pelican blogs do: reStructuredText and
Markdown side by side, translations, a page in a series, a file saved with a
byte order mark and CRLF line ends, `.html` articles dated by their file
name (PATH_METADATA), dates with offsets, folders as categories, custom
ARTICLE_PATHS, PAGE_PATHS and STATIC_PATHS, decorator-heavy prose, and
series with and without a description and a Series_index. Its settings are
tests/corpus/corpusconf.py, a site's pelicanconf.py as `make check` reads it.

The expectations are what the content calls for: every article counted,
every series in pelican-series' order, no error, and each file's warnings
counted.
"""

import runpy
from collections import Counter
from pathlib import Path

import pytest

from conftest import ROOT, run_make, run_pelican
from guestlist.cli.checks import check_site
from guestlist.core.problems import ERROR, WARNING

HERE = Path(__file__).resolve().parent
CONF = HERE / "corpusconf.py"
CORPUS = runpy.run_path(str(CONF))["CORPUS"]
CONTENT = Path(CORPUS["PATH"])

# Published articles in their own language, by URL; translations apart.
ARTICLES = {
    "2012/11/hello-wordpress/",  # as pelican-import writes it, with an empty Tags:
    "2013/03/old-school/",  # .html, dated by its file name
    "2014/07/fireworks/",  # .html, dated by its meta tag
    "2019/05/hello-world/",  # rst
    "2020/02/written-on-windows/",  # BOM and CRLF
    "2021/06/dates-with-offsets/",
    "2022/01/a-field-guide-to-decorators/",
    "2022/02/fd-briefly/",
    "2022/03/jq-briefly/",
    "2022/04/entr-briefly/",
    "2023/08/desks-shelves/",  # rst, in a series
    "2023/08/bread-every-day/",
    "2023/08/the-host-writes-the-last-one/",
    "2024/01/reading-club-month-1/",
    "2024/02/reading-club-month-2/",
    "2024/03/reading-club-month-3/",
}
TRANSLATIONS = {"hello-world-fr.html", "a-field-guide-to-decorators-de.html"}
PAGES = {"about/", "the-reading-clubs-list/"}

# Each series as pelican-series orders it: Series_index first, in its order,
# then the posts without one, by date.
SERIES = {
    "summer-guests": [
        # Numbered 1, 2, 3; the third is dated before the second.
        "/2023/08/desks-shelves/",
        "/2023/08/bread-every-day/",
        "/2023/08/the-host-writes-the-last-one/",
    ],
    "small-tools": [
        "/2022/03/jq-briefly/",
        "/2022/04/entr-briefly/",
        "/2022/02/fd-briefly/",  # no Series_index: after the numbered, though first
    ],
    "reading-club": [  # no description and no numbers: by date
        "/2024/01/reading-club-month-1/",
        "/2024/02/reading-club-month-2/",
        "/2024/03/reading-club-month-3/",
    ],
}

# Every warning the corpus calls for, by file; any other file has none.
WARNINGS = {
    # A post without Series_index in a series whose other posts are numbered.
    # (Reading Club and the page series number none: ordered by date and by
    # title, as pelican-series orders them, without a word.)
    "content/blog/python/tool-c.md": 1,
    # Reading Club has no description.
    "content/blog/reading/club-1.md": 1,
    # Summer Guests has host's notes, but not on this post yet.
    "content/blog/reading/summer-3.md": 1,
}


@pytest.fixture(scope="module")
def corpus_site(tmp_path_factory):
    root = tmp_path_factory.mktemp("corpus")
    overrides = {key: value for key, value in CORPUS.items() if key != "PATH"}
    return run_pelican(CONTENT, root / "output", **overrides)


@pytest.fixture(scope="module")
def corpus_check():
    return check_site(CONF)


def by_file(messages):
    """{file: number of messages} from the build's 'path:line: warning: …' lines."""
    files = Counter()
    for message in messages:
        where = message.split(": warning:", 1)[0].split(": error:", 1)[0]
        files[where.split(":", 1)[0]] += 1
    return dict(files)


def test_every_article_and_page_is_built(corpus_site):
    assert corpus_site.stopped is None
    for url in ARTICLES | PAGES:
        assert corpus_site.exists(url), url
    written = {
        path.removesuffix("index.html")
        for path in corpus_site.files("[0-9]*/*/*/index.html")
    }
    assert written == ARTICLES
    for name in TRANSLATIONS:
        assert corpus_site.exists(name), name
    # Drafts are written apart, and listed nowhere.
    assert corpus_site.exists("drafts/not-ready-yet/")
    assert "not-ready-yet" not in corpus_site.path("archives/").read_text(encoding="utf-8")
    archive_links = {
        a["href"].strip("/") + "/"
        for a in corpus_site.page("archives/").select("main a[href]")
        if a["href"][1:5].isdigit()
    }
    assert archive_links == ARTICLES


def test_pelicans_own_settings_hold(corpus_site):
    # USE_FOLDER_AS_CATEGORY: each folder a category.
    for category in ("notes", "python", "reading", "archive"):
        assert corpus_site.exists(f"category/{category}/"), category
    # STATIC_PATHS and EXTRA_PATH_METADATA.
    assert (
        corpus_site.path("robots.txt").read_text(encoding="utf-8").startswith("User-agent")
    )
    assert (corpus_site.output / "images" / "pixel.png").is_file()
    # A date with an offset is kept with it.
    time = corpus_site.page("2021/06/dates-with-offsets/").find("time")
    assert time["datetime"] == "2021-06-01T08:30:00+02:00"


def test_every_series_is_in_pelican_series_order(corpus_site):
    for slug, expected in SERIES.items():
        page = corpus_site.page(f"series/{slug}/")
        links = [a["href"] for a in page.select("main .series-list h3 a[href]")]
        assert links == expected, slug


def test_titles_and_bodies_read_as_written(corpus_site):
    def heading(url):
        return corpus_site.page(url).find("main").find("h1").get_text(" ", strip=True)

    assert heading("2019/05/hello-world/") == "Hello, World & Everyone"
    assert heading("2013/03/old-school/") == "Old School & New Tricks"
    assert heading("2023/08/desks-shelves/") == "Desks & Shelves"
    # The file is as Notepad saved it (Git must not normalise it).
    raw = (CONTENT / "blog" / "notes" / "written-on-windows.md").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbfTitle:") and b"\r\n" in raw
    windows = corpus_site.page("2020/02/written-on-windows/")
    assert heading("2020/02/written-on-windows/") == "Written on Windows"
    assert "\ufeff" not in windows.get_text()
    items = [li.get_text() for li in windows.select("main li")]
    assert "one item" in items and "another item" in items
    assert corpus_site.exists("tags/windows/")


def test_decorators_are_not_mentions(corpus_site):
    page = corpus_site.page("2022/01/a-field-guide-to-decorators/")
    links = [a["href"] for a in page.select("main a[href]")]
    for name in ("property", "staticmethod", "classmethod", "dataclass", "functools"):
        assert not any(name in href for href in links), name


def test_the_build_has_no_error_and_the_expected_warnings(corpus_site):
    assert corpus_site.errors == []
    assert by_file(corpus_site.warnings) == WARNINGS


def test_make_check_agrees(corpus_check):
    problems = corpus_check.problems
    assert [str(p) for p in problems if p.severity == ERROR] == []
    warned = Counter(p.path for p in problems if p.severity == WARNING)
    assert dict(warned) == WARNINGS


def test_make_check_on_the_corpus_passes_and_prints_each_warning():
    result = run_make(
        "check",
        f"CONFFILE={CONF.relative_to(ROOT)}",
        f"INPUTDIR={CONTENT.relative_to(ROOT)}",
    )
    assert result.returncode == 0, result.stdout + result.stderr
    printed = Counter(
        line.split(":", 1)[0].removeprefix("tests/corpus/")
        for line in (result.stdout + result.stderr).splitlines()
        if ": warning:" in line
    )
    assert dict(printed) == WARNINGS
    assert "0 errors, 3 warnings" in result.stdout + result.stderr
