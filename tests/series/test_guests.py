"""Guests as readers see them: the author box, author pages, the guests page, problems."""

import json

from conftest import post

AVATAR = '<svg xmlns="http://www.w3.org/2000/svg" width="1" height="1"></svg>\n'
PROFILE = """\
    Name: Jo Example
    Twitter: @jo_example
    Mastodon: @jo@social.example
    Bluesky: jo.bsky.social
    Website: https://jo.example.com/
    Avatar: images/avatars/jo.svg

    Jo writes about *desks*.
    """
JO = {
    "authors/jo-example.md": PROFILE,
    "images/avatars/jo.svg": AVATAR,
    "posts/desk.md": post("My Desk", Author="Jo Example"),
    "posts/shelf.md": post("My Shelf", date="2026-03-03 09:00", Author="Jo Example"),
    "posts/host.md": post("Host's post", date="2026-03-04 09:00"),
}
DESK = "2026/03/my-desk/"


def links(element):
    return {a.get_text(strip=True): a["href"] for a in element.select(".guest-links a")}


def test_the_author_box_shows_avatar_bio_and_every_link(build_site):
    site = build_site(JO)
    box = site.page(DESK).select_one("aside.author-box")

    assert box.select_one("img.avatar")["src"] == "/images/avatars/jo.svg"
    assert box.h2.get_text(" ", strip=True) == "About Jo Example"
    assert box.h2.a["href"] == "/authors/jo-example/"
    assert box.select_one(".guest-bio em").get_text() == "desks"
    assert links(box) == {
        "Follow @jo_example on X": "https://x.com/jo_example",
        "Follow @jo@social.example on Mastodon": "https://social.example/@jo",
        "Follow @jo.bsky.social on Bluesky": "https://bsky.app/profile/jo.bsky.social",
        "Visit jo.example.com": "https://jo.example.com/",
    }
    # rel="me" claims the guest's profiles for the page it is on: only their own.
    assert not box.select('a[rel~="me"]')
    assert site.messages_about("jo-example.md") == []
    assert site.messages_about("desk.md") == []


def test_a_site_can_link_to_twitter_com_instead(build_site):
    site = build_site(JO, GUEST_SERIES_X_DOMAIN="twitter.com")
    box = site.page(DESK).select_one("aside.author-box")
    assert links(box)["Follow @jo_example on Twitter"] == "https://twitter.com/jo_example"


def test_x_is_another_name_for_twitter_and_urls_are_accepted(build_site):
    files = dict(JO)
    files["authors/jo-example.md"] = """\
        Name: Jo Example
        X: https://twitter.com/jo_example
        Mastodon: https://Social.Example/@jo
        Bluesky: https://bsky.app/profile/Jo.Bsky.Social

        Jo.
        """
    site = build_site(files)
    assert links(site.page(DESK)) == {
        "Follow @jo_example on X": "https://x.com/jo_example",
        "Follow @jo@social.example on Mastodon": "https://social.example/@jo",
        "Follow @jo.bsky.social on Bluesky": "https://bsky.app/profile/jo.bsky.social",
    }
    assert site.messages_about("jo-example.md") == []


def test_the_author_page_has_bio_verified_links_and_every_post(build_site):
    site = build_site(JO)
    page = site.page("authors/jo-example/")

    assert page.h1.get_text() == "Jo Example"
    assert page.select_one(".author-page img.avatar")["src"] == "/images/avatars/jo.svg"
    assert "Jo writes about desks." in page.select_one(".guest-bio").get_text()
    me = page.select('.guest-links a[rel~="me"]')
    assert {a["href"] for a in me} == {
        "https://x.com/jo_example",
        "https://social.example/@jo",
        "https://bsky.app/profile/jo.bsky.social",
        "https://jo.example.com/",
    }
    listed = [a.get_text() for a in page.select("article.summary h3 a")]
    assert sorted(listed) == ["My Desk", "My Shelf"]


def test_the_guests_page_lists_every_author_with_their_avatar(build_site):
    site = build_site(JO)
    items = site.page("authors/").select("ul.author-index li")
    by_name = {li.a.get_text(): li for li in items}
    assert set(by_name) == {"Jo Example", "Ollie Brennan"}
    assert by_name["Jo Example"].a["href"] == "/authors/jo-example/"
    assert "2 posts" in by_name["Jo Example"].get_text()
    assert by_name["Jo Example"].img["src"] == "/images/avatars/jo.svg"
    assert by_name["Ollie Brennan"].img is None  # no profile: the name alone


def test_the_profile_file_name_gives_the_author_page_its_address(build_site):
    files = dict(JO)
    files["authors/jo.md"] = files.pop("authors/jo-example.md")
    site = build_site(files)

    assert site.exists("authors/jo/")
    assert not site.exists("authors/jo-example/")
    page = site.page(DESK)
    assert page.select_one(".post-header .byline-name a")["href"] == "/authors/jo/"
    assert page.select_one("aside.author-box h2 a")["href"] == "/authors/jo/"
    # An author without a profile keeps the address made from the name.
    assert site.exists("authors/ollie-brennan/")
    assert site.page("authors/jo/").h1.get_text() == "Jo Example"


def test_two_authors_on_one_address_is_reported_and_both_pages_stay(build_site):
    files = dict(JO)
    files["authors/jo.md"] = files.pop("authors/jo-example.md")
    files["posts/other.md"] = post("Other Jo", date="2026-03-05 09:00", Author="Jo")
    site = build_site(files)

    (clash,) = site.messages_about("content/authors/jo.md")
    assert "error" in clash and "authors/jo/" in clash and "'Jo'" in clash
    assert "rename the file" in clash
    assert site.page("authors/jo/").h1.get_text() == "Jo"
    assert site.page("authors/jo-example/").h1.get_text() == "Jo Example"


def test_two_profiles_on_one_address_are_both_reported(build_site):
    site = build_site(
        {
            "authors/jo.md": "Name: Jo Ash\n\nAsh.\n",
            "authors/JO.md": "Name: Jo Birch\n\nBirch.\n",
            "posts/ash.md": post("Ash", Author="Jo Ash"),
            "posts/birch.md": post("Birch", date="2026-03-03 09:00", Author="Jo Birch"),
        }
    )
    assert site.messages_about("content/authors/jo.md") != []
    assert site.messages_about("content/authors/JO.md") != []
    assert not site.exists("authors/jo/")
    assert (
        site.page("authors/jo-ash/").select_one(".guest-bio").get_text(strip=True) == "Ash."
    )
    assert site.page("authors/jo-birch/").h1.get_text() == "Jo Birch"


def test_bad_handles_are_reported_with_their_rule_and_left_out(build_site):
    files = dict(JO)
    files["authors/jo-example.md"] = """\
        Name: Jo Example
        Twitter: @jo-example
        Mastodon: @jo
        Bluesky: jo.bsky.123
        Website: javascript:alert(1)
        Avatar: ../../etc/passwd

        Jo.
        """
    site = build_site(files)

    about = site.messages_about("content/authors/jo-example.md")
    by_line = {message.split(":")[1]: message for message in about}
    assert set(by_line) == {"2", "3", "4", "5", "6"}
    assert "Twitter '@jo-example' is not an X handle" in by_line["2"]
    assert "1 to 15 letters, digits or underscores" in by_line["2"]
    assert "names no server" in by_line["3"] and "@user@server" in by_line["3"]
    assert "starts with a digit" in by_line["4"]
    assert "does not start with https://" in by_line["5"]
    assert "is not a path under content/" in by_line["6"]
    assert all("left out of the pages until fixed" in message for message in about)
    assert all("warning" in message for message in about)

    box = site.page(DESK).select_one("aside.author-box")
    assert box.select_one(".guest-bio").get_text(strip=True) == "Jo."
    assert links(box) == {}
    assert box.img is None
    every_href = [a["href"] for path in site.files() for a in site.page(path).select("a")]
    assert not any(href.startswith("javascript:") for href in every_href)


def test_an_avatar_that_is_missing_or_not_copied_is_reported(build_site):
    files = dict(JO)
    files["authors/jo-example.md"] = PROFILE.replace("images/avatars/jo.svg", "jo.svg")
    files["jo.svg"] = AVATAR
    files["authors/sam.md"] = "Name: Sam\nAvatar: images/avatars/sam.png\n\nSam.\n"
    files["posts/sam.md"] = post("Sam's post", date="2026-03-06 09:00", Author="Sam")
    site = build_site(files)
    (outside,) = site.messages_about("content/authors/jo-example.md:6")
    assert "outside the folders copied to the site (images/)" in outside
    (missing,) = site.messages_about("content/authors/sam.md:2")
    assert "is not a file under content/" in missing


def test_a_post_can_give_its_own_x_handle(build_site):
    files = dict(JO)
    files["posts/desk.md"] = post("My Desk", Author="Jo Example", X="@jo_at_work")
    site = build_site(files)

    page = site.page(DESK)
    assert links(page)["Follow @jo_at_work on X"] == "https://x.com/jo_at_work"
    creator = page.head.select_one('meta[name="twitter:creator"]')["content"]
    assert creator == "@jo_at_work"
    # The guest's own page and other posts keep the profile's handle.
    assert "Follow @jo_example on X" in links(site.page("authors/jo-example/"))
    assert "Follow @jo_example on X" in links(site.page("2026/03/my-shelf/"))


def test_a_bad_handle_in_a_post_is_reported_and_the_profiles_is_used(build_site):
    files = dict(JO)
    files["posts/desk.md"] = post("My Desk", Author="Jo Example", Twitter="jo example")
    site = build_site(files)
    (message,) = site.messages_about("content/posts/desk.md")
    assert message.startswith("content/posts/desk.md:4: warning: Twitter 'jo example'")
    assert "contains ' '" in message
    assert "Follow @jo_example on X" in links(site.page(DESK))


def test_markup_in_a_name_or_title_comes_out_as_text(build_site):
    name = 'Jo "<b>Bold</b>" & Co'
    site = build_site(
        {
            "authors/jo.md": f"Name: {name}\nTwitter: jo\n\nA bio.\n",
            "posts/desk.md": post(
                "Why <em> matters & </script> too", Author=name, Summary="<i>Sum</i>"
            ),
        }
    )
    page = site.page("2026/03/why-matters-too/")  # Pelican's slug drops the tags
    box = page.select_one("aside.author-box")
    assert box.h2.a.get_text() == name
    assert box.b is None
    assert (
        page.select_one("article.post h1").get_text() == "Why <em> matters & </script> too"
    )
    assert page.select_one("article.post em") is None
    og_title = page.head.select_one('meta[property="og:title"]')["content"]
    assert og_title == "Why <em> matters & </script> too"

    (script,) = page.head.select('script[type="application/ld+json"]')
    raw = script.string
    assert "<" not in raw and ">" not in raw and "&" not in raw
    data = json.loads(raw)
    assert data["headline"] == "Why <em> matters & </script> too"
    assert data["author"]["name"] == name
    author_page = site.page("authors/jo/")
    assert author_page.h1.get_text() == name


def test_an_author_without_a_profile_gets_the_name_alone_and_a_warning(build_site):
    files = dict(JO)
    files["posts/typo.md"] = post(
        "Typo", date="2026-03-07 09:00", Author="Jo Exampel", Summary="A slip."
    )
    site = build_site(files)

    (message,) = site.messages_about("content/posts/typo.md")
    assert message.startswith("content/posts/typo.md:3: warning:")
    assert "the Author 'Jo Exampel' has no profile" in message
    assert "add content/authors/<your-name>.md with `Name: Jo Exampel`" in message
    page = site.page("2026/03/typo/")
    assert page.select_one("aside.author-box") is None
    assert page.select_one(".post-header .byline-name a").get_text() == "Jo Exampel"
    assert site.page("authors/jo-exampel/").h1.get_text() == "Jo Exampel"


def test_a_rebuild_from_the_content_cache_keeps_profiles_and_addresses(build_site):
    files = dict(JO)
    files["authors/jo.md"] = files.pop("authors/jo-example.md")
    cached = {"CACHE_CONTENT": True, "LOAD_CONTENT_CACHE": True}
    build_site(files, **cached)
    files["authors/jo.md"] = files["authors/jo.md"].replace("@jo_example", "@jo_new")
    site = build_site(files, **cached)  # posts from the cache, the profile read anew

    page = site.page(DESK)
    assert page.select_one(".post-header .byline-name a")["href"] == "/authors/jo/"
    assert "Follow @jo_new on X" in links(page)
    assert "Follow @jo_new on X" in links(site.page("authors/jo/"))
