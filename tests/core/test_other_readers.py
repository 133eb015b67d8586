"""Posts and pages read by Pelican's own readers (rst, HTML), and Pelican's own settings.

Pelican's reStructuredText reader gives a title as HTML (`&amp;`), and its
HTML reader keeps the text of <title> as written; the theme escapes every
value, so without core/reader.py's plain_title a title with `&`, `<` or `"`
showed its entities to readers. `make check` is the build into a scratch
folder, so a Pelican setting that works in `make html` must work there too.
"""

import textwrap

from guestlist.cli.checks import check_site

RST_POST = """\
Fish & Chips <Tonight> "Live"
#############################

:date: 2026-03-02 09:00
:tags: food

Body with **bold** text.
"""

HTML_POST = """\
<html><head><title>Old &amp; Gold &lt;2013&gt;</title>
<meta name="date" content="2026-03-03 09:00" />
</head><body><p>An old post.</p></body></html>
"""

RST_PAGE = """\
Q&A *with* the host
###################

The questions.
"""


def test_an_rst_title_shows_once_escaped(build_site):
    site = build_site({"posts/fish.rst": RST_POST, "pages/qa.rst": RST_PAGE})
    assert site.errors == []
    # The address is made from the title as Pelican read it ('tonight' too): the
    # title is made plain after the slug, so no address changes.
    article = site.page("2026/03/fish-chips-tonight-live/")
    assert article.find("main").find("h1").get_text() == 'Fish & Chips <Tonight> "Live"'
    raw = site.path("2026/03/fish-chips-tonight-live/").read_text(encoding="utf-8")
    assert "&amp;amp;" not in raw and "&amp;lt;" not in raw
    listed = site.path("").read_text(encoding="utf-8")
    assert "Fish &amp; Chips &lt;Tonight&gt;" in listed
    assert "&amp;amp;" not in listed
    # Emphasis in an rst title is markup Pelican rendered: the text is kept, once.
    page = site.page("qa-with-the-host/")
    assert page.find("main").find("h1").get_text() == "Q&A with the host"


def test_an_rst_title_keeps_its_angle_brackets_in_the_head(build_site):
    site = build_site({"posts/fish.rst": RST_POST})
    title = site.page("2026/03/fish-chips-tonight-live/").find("title").get_text()
    assert title.startswith('Fish & Chips <Tonight> "Live"')


def test_an_html_article_is_a_pelican_article_with_a_plain_title(build_site):
    site = build_site({"posts/old.html": HTML_POST})
    assert site.errors == []
    article = site.page("2026/03/old-gold-2013/")
    assert article.find("main").find("h1").get_text() == "Old & Gold <2013>"
    assert "An old post." in article.get_text()


def test_a_markdown_title_is_left_as_written(build_site):
    site = build_site(
        {"posts/a.md": "Title: Tom &amp; Jerry\nDate: 2026-03-02 09:00\n\nWords.\n"}
    )
    # Markdown titles are text: what the guest wrote is what readers see.
    assert site.page("2026/03/tom-jerry/").find("main").find("h1").get_text() == (
        "Tom &amp; Jerry"
    )


SETTINGS = """\
import sys
sys.path.insert(0, {root!r})
from pelicanconf import *
PATH = {content!r}
ARTICLE_EXCLUDES = ["pages", "authors", "series", "images", "templates"]
TEMPLATE_PAGES = {{"templates/extra.html": "extra/index.html"}}
"""


def test_template_pages_work_in_the_build_and_in_make_check(tmp_path, build_site):
    from conftest import ROOT, write_files

    files = {
        "posts/a.md": "Title: A\nDate: 2026-03-02 09:00\n\nWords.\n",
        "templates/extra.html": (
            '{% extends "base.html" %}{% block content %}<p>Extra page</p>{% endblock %}\n'
        ),
    }
    site = build_site(
        files,
        TEMPLATE_PAGES={"templates/extra.html": "extra/index.html"},
        ARTICLE_EXCLUDES=["pages", "authors", "series", "images", "templates"],
    )
    assert site.errors == []
    assert "Extra page" in site.path("extra/").read_text(encoding="utf-8")

    settings = tmp_path / "checkconf.py"
    settings.write_text(
        textwrap.dedent(SETTINGS).format(root=str(ROOT), content=str(tmp_path / "content")),
        encoding="utf-8",
    )
    write_files(tmp_path / "content", {})
    result = check_site(settings)
    assert [str(problem) for problem in result.problems] == []


def test_an_empty_tags_line_is_no_problem(build_site):
    """Pelican's importer writes `Tags:` with nothing after it; Pelican drops it."""
    site = build_site(
        {
            "posts/a.md": "Title: Hello world!\nDate: 2012-11-30 09:01\nTags:\n"
            "Authors:\nStatus: published\n\n<p>Welcome.</p>\n"
        }
    )
    assert site.messages == []
    assert site.exists("2012/11/hello-world/")
