"""The theme's pages, read as built: structure, links, and nothing from elsewhere.

What the browser tests check by running a page, these check in the HTML
itself, so that they run everywhere `make test` does.
"""

import hashlib
import itertools
import re
import shutil
from urllib.parse import urlsplit

import pytest

from conftest import HOST_NOTE, ROOT, post

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


def accessible_name(page, element):
    """The element's aria-label, or the text of what aria-labelledby names."""
    if element.get("aria-label"):
        return element["aria-label"]
    labels = [page.find(id=label) for label in element.get("aria-labelledby", "").split()]
    return " ".join(label.get_text(" ", strip=True) for label in labels if label) or None


def is_landmark(element, name):
    # An aside inside an article or section is a landmark only when named
    # (HTML-AAM): a post's host note is an aside of the post, not of the page.
    if element.name == "aside" and name is None:
        return element.find_parent(["article", "section"]) is None
    return True


def test_landmarks_of_one_kind_have_different_names(demo_site):
    for path in demo_site.pages():
        page = demo_site.page(path)
        for role in ("nav", "aside"):
            names = [
                name
                for element in page.find_all(role)
                if is_landmark(element, name := accessible_name(page, element))
            ]
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
    stylesheet = linked_stylesheet(demo_site, "").read_text()
    assert "@import" not in stylesheet
    assert re.findall(r"url\(\s*['\"]?(?!data:)", stylesheet) == []


def test_the_home_page_highlights_the_running_series_in_order(build_site):
    site = build_site(three_guests())
    home = site.page("")
    assert home.h1.get_text() == "Ollie’s Workbench"  # the site's name gets curly quotes
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


# Guest first, designed index pages, the redirect page and the hashed stylesheet.

ARTICLE = "2026/03/the-last-detective-will-be-very-good-at-waiting/"
JO_PROFILE = "Name: Jo Example\nTwitter: @jo_example\n{avatar}\n\nJo writes about desks.\n"
JO_POST = post("My Desk", Author="Jo Example", Series="Birthday Bloggers", Series_index=1)


def linked_stylesheet(site, url):
    """The file the page at `url` links as its stylesheet (root-relative links)."""
    links = site.page(url).select('link[rel="stylesheet"]')
    assert len(links) == 1, url
    return site.output / urlsplit(links[0]["href"]).path.lstrip("/")


def heading_levels(page, within=None):
    root = page.select_one(within) if within else page
    return [int(h.name[1]) for h in root.find_all(re.compile("^h[1-6]$"))]


def test_a_post_header_shows_the_guest_then_the_series_line_before_the_text(demo_site):
    page = demo_site.page(ARTICLE)
    post_element = page.select_one("article.post")
    order = {id(element): place for place, element in enumerate(post_element.descendants)}
    header = post_element.select_one("header.post-header")
    avatar = header.select_one(".byline .avatar")
    name = header.select_one(".byline-name a[rel=author]")
    handle = header.select_one(".byline-name a.handle")
    series_line = header.select_one(".series-bar .series-number")
    body = post_element.select_one(".post-body")
    assert avatar.name == "img" and avatar["src"] == "/images/avatars/pfndf.svg"
    assert avatar["alt"] == "" and avatar["width"] == avatar["height"] == "48"
    assert (name.get_text(), name["href"]) == ("PFNDF", "/authors/pfndf/")
    assert (handle.get_text(), handle["href"]) == (
        "@pfndf_example",
        "https://x.com/pfndf_example",
    )
    assert " ".join(series_line.get_text().split()).startswith(
        "Guest #2 in Birthday Bloggers"
    )
    places = [order[id(element)] for element in (avatar, name, handle, series_line, body)]
    assert places == sorted(places)


@pytest.mark.parametrize(
    "avatar_line",
    ["", "Avatar: images/avatars/missing.svg"],
    ids=["no avatar", "an avatar that is not there"],
)
def test_a_guest_without_a_usable_picture_gets_an_initials_avatar(build_site, avatar_line):
    site = build_site(
        {
            "authors/jo-example.md": JO_PROFILE.format(avatar=avatar_line),
            "posts/desk.md": JO_POST,
        }
    )
    pages = {
        "post header": (site.page("2026/03/my-desk/"), ".post-header"),
        "author box": (site.page("2026/03/my-desk/"), ".author-box"),
        "author page": (site.page("authors/jo-example/"), ".author-header"),
        "guests page": (site.page("authors/"), "#people-guests + ul"),
        "series page": (site.page("series/birthday-bloggers/"), ".series-list"),
    }
    for where, (page, selector) in pages.items():
        part = page.select_one(selector)
        assert part.select("img") == [], where
        initials = part.select_one(".avatar.avatar-initials")
        assert initials.get_text() == "JE", where
        assert initials["aria-hidden"] == "true", where
    # No page shows a picture that is not there.
    for path in site.pages():
        for image in site.page(path).select("img[src]"):
            assert site.exists(image["src"]), (path, image["src"])


def test_an_author_without_a_profile_gets_initials_from_the_name_as_text(build_site):
    site = build_site({"posts/a.md": post("A", Author="<b>Bo</b> &Co")})
    byline = site.page("2026/03/a/").select_one(".post-header .byline")
    assert byline.select_one(".avatar-initials").get_text() == "BC"
    assert byline.select_one(".byline-name a").get_text() == "<b>Bo</b> &Co"
    assert byline.find("b") is None


def test_the_guests_page_labels_the_host_and_shows_one_line_bios(demo_site):
    page = demo_site.page("authors/")
    host_section, guests_section = page.select("section.people")
    hosts = host_section.select("li.person")
    assert [li.h3.a.get_text() for li in hosts] == ["Ollie Brennan"]
    assert hosts[0].select_one(".role").get_text() == "Host"
    guests = guests_section.select("li.person")
    assert "Ollie Brennan" not in [li.h3.a.get_text() for li in guests]
    assert len(guests) == 7
    for person in hosts + guests:
        assert person.select_one(".avatar")
        bio = person.select_one(".person-bio").get_text()
        assert bio.endswith(".") and "\n" not in bio and "<" not in bio
    sam = next(li for li in guests if li.h3.a.get_text() == "Sam Okafor")
    assert sam.select_one(".person-bio").get_text() == (
        "Sam Okafor maintains tinydate, a small and stubborn open source library "
        "for parsing date strings, in the evenings and at weekends."
    )
    assert demo_site.page("authors/ollie-brennan/").select_one(".kicker").get_text() == (
        "Host"
    )
    assert demo_site.page("authors/pfndf/").select_one(".kicker").get_text() == "Guest"


def test_the_series_page_shows_each_guests_picture_and_one_line_bio(demo_site):
    entries = demo_site.page("series/birthday-bloggers/").select("ol.series-list > li")
    assert len(entries) == 7
    for entry in entries:
        # The number is a column of its own, beside the text, not in it.
        number, text = entry.find_all(recursive=False)
        assert "series-number" in number["class"]
        assert "series-entry-text" in text["class"]
        assert text.select_one(".series-guest .avatar")
        assert text.select_one(".person-bio").get_text().endswith(".")


def test_the_running_series_keeps_each_title_out_of_its_number_column(demo_site):
    for entry in demo_site.page("").select("ol.series-entries > li"):
        number, text = entry.find_all(recursive=False)
        assert "series-number" in number["class"]
        assert "series-entry-text" in text["class"] and text.a


@pytest.mark.parametrize(
    ("url", "outline"),
    [
        # One h1; sections are h2; the posts listed in them are h3.
        ("authors/pfndf/", [1, 2, 3]),
        ("authors/ollie-brennan/", [1, 2, 3, 3]),
        ("series/birthday-bloggers/", [1, 2] + [3] * 7),
        ("series/", [1, 2]),
        ("authors/", [1, 2, 3, 2] + [3] * 7),
        ("tags/", [1]),
        ("archives/", [1, 2]),
        ("", [1, 2, 2, 3, 3, 3, 3, 3, 3, 3, 3, 3]),
    ],
    ids=lambda value: value if isinstance(value, str) else "",
)
def test_each_index_page_has_a_sensible_heading_outline(demo_site, url, outline):
    assert heading_levels(demo_site.page(url), "main") == outline or (
        # the home page's h1 is the site's name, in the site's header
        url == "" and heading_levels(demo_site.page(url)) == outline
    )


def test_the_author_page_offers_its_feed_once_and_gives_its_picture_room(demo_site):
    page = demo_site.page("authors/pfndf/")
    header = page.select_one("main .author-header")
    # The picture sits in the author's header, below the site's header rule.
    assert header.select_one(".avatar") and header.h1.get_text() == "PFNDF"
    text = page.select_one("main").get_text()
    assert text.count("by feed") <= 1


def test_the_tags_page_shows_each_tag_with_its_count(demo_site):
    page = demo_site.page("tags/")
    items = page.select("ul.tag-index li")
    assert items
    for item in items:
        link = item.a
        count = link.select_one(".count").get_text(" ", strip=True)
        assert re.fullmatch(r"\d+ posts?", count), count
        assert demo_site.exists(link["href"])


def test_the_series_list_links_each_series_and_its_first_guest(demo_site):
    item = demo_site.page("series/").select_one("ul.series-index > li")
    assert item.h2.a["href"] == "/series/birthday-bloggers/"
    assert item.select_one(".summary-text").get_text().startswith("Every March,")
    start = item.select_one(".series-start a")
    assert start.get_text().startswith("Start with Guest #1: ")
    assert demo_site.exists(start["href"])


def test_a_redirect_page_is_styled_names_the_post_and_forwards_without_a_script(
    demo_site,
):
    url = "2013/03/birthday-blogger-1.html"
    page = demo_site.page(url)
    target = "/2026/03/write-the-post-you-wished-youd-found/"
    refresh = page.select_one('meta[http-equiv="refresh"]')["content"]
    assert refresh == f"0; url={target}"
    title = demo_site.page(target).h1.get_text()
    links = page.select(f'main a[href="{target}"]')
    assert [link.get_text() for link in links] == [title]
    assert "click here" not in page.get_text().lower()
    assert linked_stylesheet(demo_site, url).is_file()
    assert page.find("script") is None
    assert page.select_one("main h1") and page.select_one("header.site-header")


def stylesheet_hash_matches_name(file):
    digest = hashlib.sha256(file.read_bytes()).hexdigest()[:10]
    return file.name == f"style.{digest}.css"


def test_every_page_links_a_stylesheet_named_by_its_content(demo_site):
    for path in demo_site.files():
        stylesheet = linked_stylesheet(demo_site, path)
        assert stylesheet.is_file(), path
        assert stylesheet_hash_matches_name(stylesheet), path
        assert stylesheet.parent == demo_site.output / "theme" / "css"


def test_a_changed_stylesheet_gets_a_new_name_and_the_old_one_goes(build_site, tmp_path):
    theme = tmp_path / "theme"
    shutil.copytree(ROOT / "theme", theme)
    files = {"posts/a.md": post("A")}
    before = linked_stylesheet(build_site(files, THEME=str(theme)), "2026/03/a/")
    with (theme / "static" / "css" / "style.css").open("a") as css:
        css.write(".changed { color: inherit; }\n")
    site = build_site(files, THEME=str(theme))
    after = linked_stylesheet(site, "2026/03/a/")
    assert after.name != before.name
    assert stylesheet_hash_matches_name(after)
    assert after.read_text().endswith(".changed { color: inherit; }\n")
    assert not before.exists()
    assert linked_stylesheet(site, "") == after
