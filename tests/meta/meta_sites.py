"""A small site with every kind of page, for the head meta and sitemap tests.

A series of two guests (Jo with a PNG avatar and a hostile bio, Sam), a
host's own post, twelve notes (so the home page and the `notes` tag page
have a second page), a page, a hidden post, a draft, and a post that
forwards an old address. Titles and the bio carry quotes, `&`, `<` and
`</script>`: what a guest controls must reach the page as text.
"""

import json
import textwrap

from conftest import post

SITE = "https://blog.example"
HOSTILE_TITLE = "Jo's \u201cdesk\u201d & <b>tools</b></script><script>alert(1)</script>"
HOSTILE_BIO = "Jo writes \u201cthings\u201d & more. </script><script>alert(1)</script> <3"
# What the sanitiser leaves of the bio, as text.
HOSTILE_BIO_SHOWN = "Jo writes \u201cthings\u201d & more. <3"
NOTES = 12
# A real PNG header is not needed: the avatar is only linked.
AVATAR = "images/avatars/jo.png"


def site_files():
    files = {
        "series/birthday-bloggers.md": (
            "Title: Birthday Bloggers\nSingular: Birthday Blogger\nHost: Ollie Brennan\n\n"
            "A week of guests, one a day.\n"
        ),
        "authors/jo-example.md": (
            f"Name: Jo Example\nTwitter: jo_example\nWebsite: https://jo.example.com/\n"
            f"Avatar: {AVATAR}\n\n{HOSTILE_BIO}\n"
        ),
        "authors/sam.md": "Name: Sam\nBluesky: sam.bsky.social\n\nSam.\n",
        "authors/ollie.md": (
            "Name: Ollie Brennan\nTwitter: @ollie_example\n"
            "Avatar: images/avatars/ollie.svg\n\nThe host.\n"
        ),
        "images/avatars/ollie.svg": '<svg xmlns="http://www.w3.org/2000/svg"/>',
        AVATAR: "not really a png",
        "pages/about.md": "Title: About \u201cus\u201d & <them>\nSlug: about\n\nA blog.\n",
        "posts/desk.md": post(
            HOSTILE_TITLE,
            date="2026-03-02 09:00",
            Slug="desk",
            Author="Jo Example",
            Series="Birthday Bloggers",
            Series_index=2,
            Tags="guests",
            Modified="2026-03-04 10:00",
            Summary="A desk & a <em>chair</em>.",
            Redirect_from="/2013/03/jos-desk.html",
        ),
        "posts/first.md": post(
            "First",
            date="2026-03-01 09:00",
            Slug="first",
            Author="Sam",
            Series="Birthday Bloggers",
            Series_index=1,
            Tags="guests",
        ),
        "posts/own.md": post("Host's own", date="2026-03-05 09:00", Slug="own"),
        "posts/hidden.md": post("Hidden", Slug="hidden-post", Status="hidden"),
        "posts/draft.md": post("Draft", Slug="draft-post", Status="draft"),
    }
    for number in range(1, NOTES + 1):
        files[f"posts/note-{number:02}.md"] = post(
            f"Note {number}",
            date=f"2026-02-{number:02} 09:00",
            Slug=f"note-{number:02}",
            Tags="notes",
        )
    return {path: textwrap.dedent(text) for path, text in files.items()}


# Every kind of page: (its URL, its JSON-LD @type, its og:type).
PAGE_KINDS = [
    ("", "WebSite", "website"),
    ("page/2/", "CollectionPage", "website"),
    ("2026/03/desk/", "BlogPosting", "article"),
    ("about/", "WebPage", "website"),
    ("series/birthday-bloggers/", "CollectionPage", "website"),
    ("series/", "CollectionPage", "website"),
    ("authors/jo-example/", "ProfilePage", "profile"),
    ("authors/ollie/", "ProfilePage", "profile"),
    ("authors/", "CollectionPage", "website"),
    ("tags/", "CollectionPage", "website"),
    ("tags/notes/", "CollectionPage", "website"),
    ("tags/notes/page/2/", "CollectionPage", "website"),
    ("archives/", "CollectionPage", "website"),
    ("category/blog/", "CollectionPage", "website"),
]


def head_tags(page):
    """{name or property: content} of the head's meta tags (each key once)."""
    found = {}
    for tag in page.head.select("meta[content]"):
        key = tag.get("name") or tag.get("property")
        if key in found and key not in ("article:tag",):
            raise AssertionError(f"{key} twice")
        found[key] = tag["content"]
    return found


def json_ld(page):
    (script,) = page.head.select('script[type="application/ld+json"]')
    return json.loads(script.string)


def canonical(page):
    links = page.head.select('link[rel="canonical"]')
    assert len(links) <= 1
    return links[0]["href"] if links else None


def shown_title(page):
    """A post's title as its <title> shows it (typographic quotes and all)."""
    title = page.head.title.string.rsplit(" \u00b7 ", 1)[0]
    # The same title as written, but for its curled apostrophe.
    assert title.replace("\u2019", "'") == HOSTILE_TITLE or "Jo" not in title
    return title
