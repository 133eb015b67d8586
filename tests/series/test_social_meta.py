"""The head of an article: X card and Open Graph tags, fediverse:creator, JSON-LD."""

import json

from conftest import HOST_NOTE, post

SITE = "https://blog.example"
SERIES = (
    "Title: Birthday Bloggers\nSingular: Birthday Blogger\nHost: Ollie Brennan\n\nA week.\n"
)
FILES = {
    "series/birthday-bloggers.md": SERIES,
    "authors/jo-example.md": (
        "Name: Jo Example\nTwitter: jo_example\nMastodon: @jo@social.example\n"
        "Website: https://jo.example.com/\n\nJo.\n"
    ),
    "authors/ollie.md": "Name: Ollie Brennan\nTwitter: @ollie_example\n\nThe host.\n",
    "authors/sam.md": "Name: Sam\nBluesky: sam.bsky.social\n\nSam.\n",
    "posts/desk.md": post(
        "My Desk",
        body="Words." + HOST_NOTE,
        Author="Jo Example",
        Series="Birthday Bloggers",
        Series_index=2,
        Summary="A desk, <em>rebuilt</em>.",
    ),
    "posts/first.md": post(
        "First",
        date="2026-03-01 09:00",
        body="Words." + HOST_NOTE,
        Author="Sam",
        Series="Birthday Bloggers",
        Series_index=1,
    ),
    "posts/own.md": post("Host's own", date="2026-03-05 09:00", Author="Ollie Brennan"),
}


def head_meta(page):
    return {
        tag.get("name") or tag.get("property"): tag["content"]
        for tag in page.head.select("meta[content]")
        if tag.get("name") != "viewport"
    }


def json_ld(page):
    (script,) = page.head.select('script[type="application/ld+json"]')
    return json.loads(script.string)


def test_a_guest_post_has_card_open_graph_and_fediverse_tags(build_site):
    site = build_site(FILES, SITEURL=SITE, GUEST_SERIES_SITE_X_HANDLE="ollie_example")
    meta = head_meta(site.page("2026/03/my-desk/"))

    # A post's social card (guestlist.cards, when it is on) makes it a large-image card.
    assert meta["twitter:card"] == (
        "summary_large_image" if "og:image" in meta else "summary"
    )
    assert meta["twitter:site"] == "@ollie_example"
    assert meta["twitter:creator"] == "@jo_example"
    assert meta["og:type"] == "article"
    assert meta["og:title"] == "My Desk"
    assert meta["og:description"] == "A desk, rebuilt."
    assert meta["og:url"] == f"{SITE}/2026/03/my-desk/"
    assert meta["article:author"] == f"{SITE}/authors/jo-example/"
    assert meta["article:published_time"] == "2026-03-02T09:00:00+00:00"
    assert meta["fediverse:creator"] == "@jo@social.example"


def test_tags_are_left_out_where_there_is_nothing_to_say(build_site):
    site = build_site(FILES, SITEURL=SITE, GUEST_SERIES_SITE_X_HANDLE=None)
    meta = head_meta(site.page("2026/03/first/"))  # Sam: Bluesky only
    assert "twitter:site" not in meta
    assert "twitter:creator" not in meta
    assert "fediverse:creator" not in meta
    assert meta["og:title"] == "First"


def test_json_ld_names_the_guest_the_host_and_the_series(build_site):
    site = build_site(FILES, SITEURL=SITE)
    data = json_ld(site.page("2026/03/my-desk/"))

    assert data["@context"] == "https://schema.org"
    assert data["@type"] == "BlogPosting"
    assert data["headline"] == "My Desk"
    assert data["url"] == f"{SITE}/2026/03/my-desk/"
    assert data["datePublished"] == "2026-03-02T09:00:00+00:00"
    assert data["author"] == {
        "@type": "Person",
        "name": "Jo Example",
        "url": f"{SITE}/authors/jo-example/",
        "sameAs": [
            "https://x.com/jo_example",
            "https://social.example/@jo",
            "https://jo.example.com/",
        ],
    }
    assert data["editor"] == {
        "@type": "Person",
        "name": "Ollie Brennan",
        "url": f"{SITE}/authors/ollie/",
        "sameAs": ["https://x.com/ollie_example"],
    }
    assert data["isPartOf"] == {
        "@type": "CreativeWorkSeries",
        "name": "Birthday Bloggers",
        "url": f"{SITE}/series/birthday-bloggers/",
    }
    assert data["position"] == 2


def test_the_hosts_own_post_outside_a_series_has_no_editor_nor_series(build_site):
    site = build_site(FILES, SITEURL=SITE)
    data = json_ld(site.page("2026/03/hosts-own/"))
    assert data["author"]["name"] == "Ollie Brennan"
    assert "editor" not in data
    assert "isPartOf" not in data and "position" not in data


def test_a_bad_site_handle_stops_the_build_naming_its_setting(build_site):
    site = build_site(FILES, GUEST_SERIES_SITE_X_HANDLE="ollie example")
    (error,) = site.errors
    assert "GUEST_SERIES_SITE_X_HANDLE = 'ollie example' is not an X handle" in error
    assert site.stopped and not site.exists("2026/03/my-desk/")


def test_the_demo_posts_each_carry_valid_json_ld(demo_site):
    posts = [
        path
        for path in demo_site.files()
        if demo_site.page(path).select_one("article.post")
    ]
    assert posts
    for path in posts:
        data = json_ld(demo_site.page(path))
        assert data["@type"] == "BlogPosting", path
        assert data["author"]["name"], path


def test_head_meta_leaves_static_links_in_the_post_working(build_site):
    # The description comes from the summary, which Pelican works out from the
    # content and memoises: built too early, the {static} link stays unresolved.
    site = build_site(
        {
            "images/desk.png": "not really a png",
            "posts/desk.md": post("Desk", body="![My desk]({static}/images/desk.png)"),
        }
    )
    page = site.page("2026/03/desk/")
    assert page.select_one(".post-body img")["src"] == "/images/desk.png"
    assert page.select_one('meta[property="og:title"]')["content"] == "Desk"
    assert site.messages == []
