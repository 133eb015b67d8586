"""Old addresses forward to new ones; no redirect ever replaces a page."""

import pytest

from conftest import post
from guestlist.redirects.paths import RedirectPathError, parse_old_path

NEW = "2026/03/the-wonky-stool/"


def stool(redirects, **fields):
    return post("The Wonky Stool", Redirect_from=redirects, **fields)


def refresh_target(page):
    content = page.select_one('meta[http-equiv="refresh"]')["content"]
    delay, _, url = content.partition(";")
    assert delay.strip() == "0"
    return url.strip().removeprefix("url=")


def test_each_old_path_gets_a_page_that_forwards(build_site):
    site = build_site(
        {"posts/stool.md": stool("/2013/03/wonky-stool.html, /old/stool/, /stool")}
    )
    for old in ("2013/03/wonky-stool.html", "old/stool/", "stool/"):
        page = site.page(old)
        assert refresh_target(page) == "/" + NEW
        assert page.select_one('link[rel="canonical"]')["href"] == "/" + NEW
        # The link names the post it leads to, never "click here".
        link = page.find("a", string="The Wonky Stool")
        assert link["href"] == "/" + NEW
        assert "click here" not in page.get_text()
    assert site.messages == []


def test_a_publish_build_forwards_to_the_absolute_address(build_site):
    site = build_site(
        {"posts/stool.md": stool("/2013/03/wonky-stool.html")},
        SITEURL="https://blog.example.org",
    )
    page = site.page("2013/03/wonky-stool.html")
    assert refresh_target(page) == "https://blog.example.org/" + NEW
    assert page.select_one('link[rel="canonical"]')["href"] == (
        "https://blog.example.org/" + NEW
    )


def test_the_maps_list_every_redirect_for_servers(build_site):
    site = build_site(
        {
            "posts/stool.md": stool("/2013/03/wonky-stool.html, /feed/stool.xml"),
            "posts/desk.md": post("Desk", Redirect_from="/desk/"),
        }
    )
    netlify = (site.output / "_redirects").read_text().splitlines()
    assert [line for line in netlify if not line.startswith("#")] == [
        "/2013/03/wonky-stool.html  /2026/03/the-wonky-stool/  301",
        "/desk/  /2026/03/desk/  301",
        "/feed/stool.xml  /2026/03/the-wonky-stool/  301",
    ]
    nginx = (site.output / "redirects.nginx.conf").read_text()
    assert "map $uri $guestlist_redirect {" in nginx
    assert '    "/desk/" "/2026/03/desk/";' in nginx.splitlines()
    assert nginx.rstrip().endswith("}")
    # A .xml address gets a map line but no page: it would be served as XML.
    assert not site.exists("feed/stool.xml")


def test_a_title_with_markup_is_shown_as_text(build_site):
    site = build_site(
        {"posts/x.md": post("<b>Bold</b> & Co", Slug="bold", Redirect_from="/old.html")}
    )
    page = site.page("old.html")
    assert page.find("b") is None
    assert "<b>Bold</b> & Co" in page.get_text()


def test_a_path_that_would_overwrite_a_post_is_an_error_naming_both(build_site):
    site = build_site(
        {
            "posts/desk.md": post("Desk", body="The desk post."),
            "posts/stool.md": stool("/2026/03/desk/"),
        }
    )
    assert "The desk post." in site.page("2026/03/desk/").get_text()
    [message] = site.messages_about("content/posts/stool.md")
    assert message.startswith(
        "content/posts/stool.md:3: error: Redirect_from '/2026/03/desk/'"
    )
    assert "would overwrite content/posts/desk.md" in message


def test_a_path_that_would_overwrite_a_tag_page_is_refused(build_site):
    site = build_site({"posts/stool.md": stool("/tags/making/", Tags="making")})
    assert site.page("tags/making/").select_one('meta[http-equiv="refresh"]') is None
    [message] = site.messages_about("content/posts/stool.md")
    assert "would overwrite the page tags/making/index.html" in message


def test_a_post_cannot_redirect_its_own_address(build_site):
    site = build_site({"posts/stool.md": stool("/" + NEW)})
    assert site.page(NEW).select_one('meta[http-equiv="refresh"]') is None
    [message] = site.messages_about("content/posts/stool.md")
    assert "is this file's own address" in message


def test_a_path_claimed_by_two_posts_is_kept_by_the_first_and_names_both(build_site):
    site = build_site(
        {
            "posts/a-desk.md": post("Desk", Redirect_from="/old.html"),
            "posts/stool.md": stool("/old.html"),
        }
    )
    assert refresh_target(site.page("old.html")) == "/2026/03/desk/"
    [message] = site.messages_about("content/posts/stool.md")
    assert "error: Redirect_from '/old.html' is also in content/posts/a-desk.md" in message
    assert not any(m.startswith("content/posts/a-desk.md") for m in site.messages)


@pytest.mark.parametrize(
    ("written", "reason"),
    [
        ("https://elsewhere.example/old.html", "leaves the site"),
        ("//elsewhere.example/old.html", "leaves the site"),
        ("/../../escaped.html", "leaves the site"),
        ("/a/%2e%2e/%2e%2e/escaped.html", "leaves the site"),
        ("/old.html?id=3", "query or fragment"),
        ('/old"; rm -rf.html', "contains"),
    ],
)
def test_a_path_that_leaves_the_site_is_refused_and_nothing_is_written(
    build_site, tmp_path, written, reason
):
    site = build_site({"posts/stool.md": stool(written)})
    [message] = site.messages_about("content/posts/stool.md")
    assert message.startswith("content/posts/stool.md:3: error: Redirect_from")
    assert reason in message
    outside = [
        path.relative_to(tmp_path).as_posix()
        for path in tmp_path.rglob("*")
        if path.is_file()
        and not path.is_relative_to(site.output)
        and not path.is_relative_to(site.content)
        and not path.is_relative_to(tmp_path / "cache")
    ]
    assert outside == []
    assert "escaped" not in "".join(site.files("**/*"))


def test_a_map_the_host_sets_over_a_static_file_wins_and_says_so(build_site):
    site = build_site(
        {
            "images/notes.txt": "a file of the content\n",
            "posts/stool.md": stool("/old.html"),
        },
        GUEST_SERIES_REDIRECTS_NETLIFY_SAVE_AS="images/notes.txt",
    )
    # The settings are the host's; a file in content/ never replaces what they name.
    assert "/old.html" in (site.output / "images/notes.txt").read_text()
    (message,) = site.messages_about("content/images/notes.txt")
    assert "which is the redirect map images/notes.txt, so it is not copied" in message


@pytest.mark.parametrize(
    ("written", "old_path", "save_as"),
    [
        ("/2013/03/old.html", "/2013/03/old.html", "2013/03/old.html"),
        ("2013/03/old.html", "/2013/03/old.html", "2013/03/old.html"),
        ("/old/", "/old/", "old/index.html"),
        ("/old", "/old", "old/index.html"),
        ("/caf%C3%A9/", "/café/", "café/index.html"),
        ("/feed.xml", "/feed.xml", ""),
    ],
)
def test_old_paths_become_files(written, old_path, save_as):
    assert parse_old_path(written) == (old_path, save_as)


@pytest.mark.parametrize("written", ["mailto:x@example.com", "/a//b.html", "/a b.html"])
def test_paths_that_are_not_site_paths_are_refused(written):
    with pytest.raises(RedirectPathError):
        parse_old_path(written)
