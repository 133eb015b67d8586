"""The theme's pages, read as built: structure, links, and nothing from elsewhere.

What the browser tests check by running a page, these check in the HTML
itself, so that they run everywhere `make test` does.
"""

import itertools
import re

import pytest

from conftest import HOST_NOTE, post

SERIES = "Series: Birthday Bloggers"
LANDMARK_ROLES = {"nav", "aside", "section", "header", "footer", "main"}
# Elements and attributes through which a page makes the browser fetch something.
FETCHED = [
    ("img", "src"),
    ("source", "src"),
    ("video", "src"),
    ("audio", "src"),
    ("iframe", "src"),
    ("embed", "src"),
    ("object", "data"),
    ("script", "src"),
]
LOADED_LINK_RELS = {
    "stylesheet",
    "icon",
    "preload",
    "modulepreload",
    "manifest",
    "prefetch",
}


def three_guests():
    return {
        f"posts/guest-{number}.md": post(
            f"Guest post {number}",
            date=f"2026-03-0{number + 1} 09:00",
            body=f"Words by guest {number}.{HOST_NOTE}",
            Series="Birthday Bloggers",
            Series_index=number,
            Tags="writing, birthday week",
        )
        for number in (1, 2, 3)
    }


def fetched_urls(page):
    """Every address the page itself makes a browser load."""
    urls = [
        element[attribute]
        for tag, attribute in FETCHED
        for element in page.find_all(tag)
        if element.has_attr(attribute)
    ]
    urls += [
        link["href"]
        for link in page.find_all("link", href=True)
        if LOADED_LINK_RELS & set(link.get("rel", []))
    ]
    for element in page.find_all(style=True):
        urls += re.findall(r"url\(\s*['\"]?([^'\")]+)", element["style"])
    for style in page.find_all("style"):
        urls += re.findall(r"url\(\s*['\"]?([^'\")]+)", style.get_text())
    return urls


def test_every_page_has_the_landmarks_and_a_working_skip_link(demo_site):
    for path in demo_site.pages():
        page = demo_site.page(path)
        body = page.body
        assert body.find("header", class_="site-header", recursive=False), path
        assert body.find("main", id="main", recursive=False), path
        assert body.find("footer", class_="site-footer", recursive=False), path
        assert page.select_one("header nav[aria-label]"), path
        first_link = body.find("a")
        assert first_link["href"] == "#main" and "skip-link" in first_link["class"], path


def test_landmarks_of_one_kind_have_different_names(demo_site):
    for path in demo_site.pages():
        page = demo_site.page(path)
        for role in ("nav", "aside"):
            names = [element.get("aria-label") for element in page.find_all(role)]
            assert len(names) == len(set(names)), (path, names)


def test_headings_never_skip_a_level(demo_site):
    for path in demo_site.pages():
        levels = [
            int(h.name[1]) for h in demo_site.page(path).find_all(re.compile("^h[1-6]$"))
        ]
        assert levels[0] == 1, path
        for before, after in itertools.pairwise(levels):
            assert after <= before + 1, (path, levels)


def test_no_page_needs_a_script(demo_site):
    for path in demo_site.pages():
        page = demo_site.page(path)
        scripts = [
            script
            for script in page.find_all("script")
            if script.get("type") != "application/ld+json"  # data, not a program
        ]
        assert scripts == [], path
        handlers = [
            (element.name, name)
            for element in page.find_all(True)
            for name in element.attrs
            if name.startswith("on")
        ]
        assert handlers == [], path


def test_no_page_loads_anything_from_another_host(demo_site):
    for path in demo_site.pages():
        for url in fetched_urls(demo_site.page(path)):
            assert not re.match(r"^([a-z][a-z0-9+.-]*:)?//", url, re.IGNORECASE), (
                path,
                url,
            )
    stylesheet = (demo_site.output / "theme" / "css" / "style.css").read_text()
    assert "@import" not in stylesheet
    assert re.findall(r"url\(\s*['\"]?(?!data:)", stylesheet) == []


def test_the_home_page_highlights_the_running_series_in_order(build_site):
    site = build_site(three_guests())
    home = site.page("")
    assert home.h1.get_text() == "Ollie's Workbench"
    running = home.select_one("section.running-series")
    assert running.h2.a["href"] == "/series/birthday-bloggers/"
    entries = running.select("ol.series-entries li")
    assert [entry.select_one(".series-number").get_text() for entry in entries] == [
        "Guest #1",
        "Guest #2",
        "Guest #3",
    ]
    assert entries[1].a["href"] == "/2026/03/guest-post-2/"
    # The latest posts follow under their own heading, each one a level below.
    assert home.find("h2", string="Latest posts")
    assert [h.a.get_text() for h in home.select("article.summary h3")] == [
        "Guest post 3",
        "Guest post 2",
        "Guest post 1",
    ]


def test_later_home_pages_have_their_own_heading_and_page_links(build_site):
    site = build_site(three_guests(), DEFAULT_PAGINATION=2)
    first, second = site.page(""), site.page("page/2/")
    assert first.select_one(".pagination a[rel=next]")["href"] == "/page/2/"
    assert second.h1.get_text() == "Posts, page 2"
    assert second.select_one("section.running-series") is None
    assert second.select_one(".pagination a[rel=prev]")["href"] == "/"
    assert "Page 2 of 2" in second.select_one(".pagination").get_text()


@pytest.mark.parametrize(
    ("url", "current", "state"),
    [
        ("", "Home", "page"),
        ("series/", "Series", "page"),
        ("series/birthday-bloggers/", "Series", "true"),
        ("authors/", "Guests", "page"),
        ("authors/pfndf/", "Guests", "true"),
        ("archives/", "Archives", "page"),
        ("about/", "About", "page"),
    ],
)
def test_the_site_menu_marks_the_current_section(demo_site, url, current, state):
    marked = demo_site.page(url).select(".site-nav a[aria-current]")
    assert [(link.get_text(), link["aria-current"]) for link in marked] == [
        (current, state)
    ]


def test_an_article_marks_no_section(demo_site):
    article = next(path for path in demo_site.pages() if path.startswith("20"))
    assert demo_site.page(article).select(".site-nav a[aria-current]") == []


def test_an_article_shows_its_tags_host_note_and_where_to_read_on(build_site):
    site = build_site(three_guests())
    page = site.page("2026/03/guest-post-2/")
    tags = page.select("article.post .tag-list a[rel=tag]")
    assert [tag.get_text() for tag in tags] == ["writing", "birthday week"]
    assert page.select_one(".post-body .admonition.host-note")
    after = page.select_one("main > nav.post-neighbours")
    assert after["aria-label"] == "More from Birthday Bloggers"
    assert after.select_one("a[rel=prev]")["href"] == "/2026/03/guest-post-1/"
    assert after.select_one("a[rel=next]")["href"] == "/2026/03/guest-post-3/"


def test_titles_with_markup_show_as_text_on_every_listing(build_site):
    files = three_guests()
    files["posts/guest-2.md"] = files["posts/guest-2.md"].replace(
        "Title: Guest post 2", "Title: <em>Loud</em> & proud"
    )
    site = build_site(files)
    for url in ("", "archives/", "series/birthday-bloggers/", "tags/writing/", "404.html"):
        page = site.page(url)
        assert page.find("em", string="Loud") is None, url
        assert "<em>Loud</em> & proud" in page.get_text(), url


def test_the_404_page_links_from_the_sites_root(demo_site):
    page = demo_site.page("404.html")
    assert page.h1.get_text() == "Page not found"
    assert page.find("meta", attrs={"name": "robots"})["content"] == "noindex"
    for link in page.select("main a[href]"):
        assert link["href"].startswith("/"), link


def test_yearly_archives_list_the_years_posts(build_site):
    site = build_site(
        three_guests(),
        YEAR_ARCHIVE_URL="{date:%Y}/",
        YEAR_ARCHIVE_SAVE_AS="{date:%Y}/index.html",
    )
    page = site.page("2026/")
    assert page.h1.get_text() == "Archives: 2026"
    assert len(page.select("ul.archive li a")) == 3


def test_the_category_page_lists_every_title_on_one_page(build_site):
    # Every post is in one category; its page lists titles as the archives do,
    # not ten summaries a page.
    site = build_site(three_guests(), DEFAULT_PAGINATION=2)
    page = site.page("category/blog/")
    assert page.h1.get_text() == "Blog"
    titles = [link.get_text() for link in page.select("ul.archive li a")]
    assert titles == ["Guest post 3", "Guest post 2", "Guest post 1"]
    assert page.select_one(".pagination") is None
    assert not any(path.startswith("category/blog/page/") for path in site.pages())


def test_every_page_of_the_demo_says_its_own_language(demo_site):
    for path in demo_site.pages():
        page = demo_site.page(path)
        if page.html is not None:
            assert page.html.get("lang") == "en", path


def test_a_translation_says_its_language_and_links_back(build_site):
    files = three_guests()
    files["posts/guest-1-fr.md"] = post(
        "Invité 1",
        date="2026-03-02 09:00",
        Slug="guest-post-1",
        Lang="fr",
        Series="Birthday Bloggers",
        Series_index=1,
        body="Des mots." + HOST_NOTE,
    )
    site = build_site(files)
    french = site.page("guest-post-1-fr.html")
    assert french.html["lang"] == "fr"
    head = french.head.select('link[rel="alternate"][hreflang="en"]')
    assert [link["href"] for link in head] == ["/2026/03/guest-post-1/"]
    shown = french.select_one(".post-header .translations a[hreflang='en']")
    assert shown["href"] == "/2026/03/guest-post-1/"
    # In the French series, alone: a bar with its number, no empty one.
    bar = french.select_one(".series-bar")
    assert bar.select_one("strong").get_text() == "Guest #1"
    assert "Birthday Bloggers" in bar.get_text()


def test_a_page_in_a_series_lists_its_parts(build_site):
    files = {
        f"pages/{name.lower()}.md": f"Title: {name}\nSeries: Handbook\n\nA page.\n"
        for name in ("Basics", "Advanced")
    }
    site = build_site(files)
    page = site.page("basics/")
    assert [li.get_text(strip=True) for li in page.select("ol.parts li")] == [
        "Advanced",
        "Basics",
    ]
    assert page.select_one("ol.parts [aria-current='page']").get_text() == "Basics"
