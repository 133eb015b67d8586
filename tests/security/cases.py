"""The catalogue of bad guest input: each case a few small files and what the build says.

Guests send posts, profiles, series descriptions and pictures, and none of it
is trusted. Each case here is data: the files it adds under `content/` (text
written as given, or bytes), the links it makes to files outside the content
folder, and the exact lines `make html` logs and `make check` prints about
its files. tests/security/test_catalogue.py builds one site holding every case
at once, plus a good post that must survive them all, checks each case's lines
and pages, and then reads every file the build wrote for anything that would
run in a reader's browser.

Lines are numbered as the file is written: `post()` gives Title on line 1,
Date on line 2, then the fields in the order given, a blank line and the body.
Pelican's own messages name a file by its absolute path: `{content}` in an
expected line stands for the content folder's.

A case whose behaviour is wrong today says so in `xfail` (by aspect: "build",
"check", "site"), with the right behaviour as its expectation; the engineer
who fixes the plugin removes the entry.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from conftest import HOST_NOTE, post


class Prefix(str):
    """An expected line known only by its start (for behaviour not written yet)."""


@dataclass(frozen=True)
class Case:
    """One bad input: its files, and the exact lines the build and the check give."""

    name: str
    kind: str  # markup, html, trust, files, bytes, silent, paths
    files: dict[str, str | bytes]  # path under content/ -> text (as is) or bytes
    build: tuple[str, ...] = ()  # every message the build logs naming these files
    check: tuple[str, ...] | None = None  # every line `make check` prints; None: build's
    # Symbolic links: content path -> target, under the build's folder, beside the
    # site (or "content/…" for one in the content folder).
    links: dict[str, str] = field(default_factory=dict)
    outside: dict[str, str] = field(default_factory=dict)  # files outside the site
    pages: tuple[str, ...] = ()  # URLs the build must write for this case
    absent: tuple[str, ...] = ()  # URLs it must not write
    shows: tuple[tuple[str, str], ...] = ()  # (URL, text its HTML must hold)
    hides: tuple[tuple[str, str], ...] = ()  # (URL, text its HTML must not hold)
    alone: bool = False  # built on its own (it would change the others' messages)
    settings: dict = field(default_factory=dict)  # the host's settings, built alone
    scan: bool = True  # whether its own build's output is scanned for markup
    xfail: dict[str, str] = field(default_factory=dict)  # aspect -> what is wrong

    @property
    def check_lines(self) -> tuple[str, ...]:
        return self.build if self.check is None else self.check

    @property
    def paths(self) -> tuple[str, ...]:
        """Its files as the messages name them."""
        return tuple(f"content/{path}" for path in (*self.files, *self.links))

    @property
    def own_build(self) -> bool:
        return self.alone or bool(self.settings)


CASES: list[Case] = []


def case(name: str, kind: str, files: dict, *build: str, **options) -> None:
    CASES.append(Case(name=name, kind=kind, files=files, build=tuple(build), **options))


def lines(*text: str) -> str:
    """A file's text from its lines, with a final newline."""
    return "\n".join(text) + "\n"


def profile(*fields: str, bio: str = "A guest.") -> str:
    return lines(*fields, "", bio)


def description(*fields: str, body: str = "A series.") -> str:
    return lines(*fields, "", body)


def in_series(title: str, series: str, index: int | str, **fields: str) -> str:
    """A series post with its host's note, so that only the case's own problem shows."""
    return post(
        title, Series=series, Series_index=index, body="Words." + HOST_NOTE, **fields
    )


def at(path: str, line: int | None, level: str, message: str) -> str:
    """A line as the build and the check write it."""
    where = f"content/{path}:{line}" if line else f"content/{path}"
    return f"{where}: {level}: {message}"


def as_check(*build: str) -> tuple[str, ...]:
    """The build's warnings about handles, websites and avatars: errors in the check."""
    return tuple(line.replace(": warning: ", ": error: ", 1) for line in build)


# What the sanitiser says, in its words. Of a post or a page, it adds how the host
# could keep the part (TRUST); of a bio or a series description, which the host
# cannot trust, it does not (`untrusted`).
TRUST = " (a host who trusts this file can keep it: GUEST_SERIES_TRUSTED_HTML_FILES)"
SCRIPT = (
    "a <script> would run on the blog's pages, so the build removes it; delete it" + TRUST
)
EMBED = (
    "an <{}> would load another site into the blog's pages, so the build removes it; "
    "link to the page instead" + TRUST
)
IFRAME = EMBED.format("iframe")
ELEMENT = (  # "a <form>", "an <input>"
    "{} element is not allowed, so the build removes it (keeping its text); delete it"
    + TRUST
)
STYLE = (
    "the style property {} on <p> is not allowed (it could cover or restyle the page), "
    "so the build removes it; use only background-color, color, font-style, "
    "font-weight, height, max-width, text-align, text-decoration, vertical-align, width"
    + TRUST
)
ALLOW = (
    "the file asks to keep raw HTML (Allow_unsafe_html), but only the host can allow "
    "that, so the build cleans it as any other; remove the line, or ask the host to add "
    "the file to GUEST_SERIES_TRUSTED_HTML_FILES"
)
LINKED_OUT = (
    "the file is a link to something outside the content folder, so the build does not "
    "{}; put the file itself in the content folder"
)
NOT_A_KIND = (
    "{} are not among the kinds a blog publishes, so the build does not copy it; use an "
    "image, PDF, audio or video file (the host can allow more kinds: "
    "GUEST_SERIES_STATIC_EXTENSIONS)"
)
SVG_RUNS = (
    "the SVG image holds {!r}, which runs when the image is opened, so the build does not "
    "copy it; export it again as a plain image (no scripts, events or links)"
)
NOT_UTF8 = (
    "byte {} (0x{:02x}) is not UTF-8 text, so the build does not read the file; save it "
    "as UTF-8 (in most editors: Save As, Encoding: UTF-8)"
)
X_RULE = "an X handle is 1 to 15 letters, digits or underscores, as in @jo_example"
LEFT_OUT = "; it is left out of the pages until fixed"
NOT_A_PATH = "; write an old path of this site, such as /2013/03/old-post.html"
NOT_WRITTEN = "so it is not written; give it another Slug (or remove its Save_as)"
NOT_IN_THE_SITE = (
    " is not a path inside the site, so it is not used; remove the line (the post's "
    "address comes from its Slug)"
)
LANG = (
    "Lang {!r} is not a language code, so it is not used; write it like `Lang: en` or "
    "`Lang: pt-BR`, or remove the line"
)


def scheme(name: str, tag: str = "a") -> str:
    return (
        f"a {name}: link on <{tag}> would run code or hide what it opens, so the build "
        "removes it; link to a web address (https://…) instead" + TRUST
    )


def event(attribute: str, tag: str) -> str:
    return (
        f"the {attribute}= attribute on <{tag}> runs a script, so the build removes it; "
        "delete it" + TRUST
    )


def untrusted(message: str) -> str:
    """The sanitiser's `message` about a bio or a series description: no TRUST hint."""
    assert message.endswith(TRUST), message
    return message.removesuffix(TRUST)


GOOD_POST = post(
    "A Good Post",
    date="2026-03-01 09:00",
    body="Nothing is wrong here; every bad file around it must leave it be.",
)
GOOD_URL = "2026/03/a-good-post/"
GOOD_FILES = {
    "posts/good.md": GOOD_POST,
    "authors/ollie-brennan.md": profile(
        "Name: Ollie Brennan", "Twitter: @ollie_example", bio="The host."
    ),
    "images/good.png": "png",
}
SVG = '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"'
MARKUP = "<img src=x onerror=alert(1)>"

# ---------------------------------------------------------------------------
# Markup in metadata. A plain-text field shows it as text, escaped; the Summary
# is rendered, so what would run is removed and reported on its line.
# Titles and series' names are typeset as bodies are (docs/content.md), so
# their straight quotes show curled: the text still cannot leave its element.

case(
    "title-script",
    "markup",
    {"posts/m-title-script.md": post('<script>alert("t")</script> Title Script')},
    shows=(
        (
            "2026/03/alertt-title-script/",
            "<h1>&lt;script&gt;alert(“t”)&lt;/script&gt; Title Script</h1>",
        ),
    ),
)
case(
    "title-img-onerror",
    "markup",
    {"posts/m-title-img.md": post(f"{MARKUP} Title Img")},
    shows=(
        ("2026/03/title-img/", "<h1>&lt;img src=x onerror=alert(1)&gt; Title Img</h1>"),
    ),
)
case(
    "title-iframe",
    "markup",
    {
        "posts/m-title-iframe.md": post(
            '<iframe src="https://evil.example/"></iframe> Iframe'
        )
    },
    shows=(("2026/03/iframe/", "<h1>&lt;iframe src=”https://evil.example/”&gt;"),),
)
case(
    "title-javascript-link",
    "markup",
    {"posts/m-title-js.md": post('<a href="javascript:alert(1)">Title Link</a>')},
    shows=(("2026/03/title-link/", "<h1>&lt;a href=”javascript:alert(1)”&gt;"),),
)
case(
    "title-quotes-in-attributes",
    "markup",
    {"posts/m-title-quote.md": post('Quote" onmouseover="alert(1)" x="')},
    shows=(("2026/03/quote-onmouseoveralert1-x/", "Quote” onmouseover=”alert(1)"),),
)
case(
    "summary-script",
    "markup",
    {
        "posts/m-summary-script.md": post(
            "Summary Script", Summary="<script>x</script>Fine.", Tags="summary-script"
        )
    },
    at("posts/m-summary-script.md", 3, "error", SCRIPT),
    shows=(("tags/summary-script/", "Fine."),),
)
case(
    "summary-img-onerror",
    "markup",
    {"posts/m-summary-img.md": post("Summary Img", Summary=f"{MARKUP} words")},
    at("posts/m-summary-img.md", 3, "error", event("onerror", "img")),
)
case(
    "summary-iframe",
    "markup",
    {
        "posts/m-summary-iframe.md": post(
            "Summary Iframe", Summary="<iframe src=//e.example>"
        )
    },
    at("posts/m-summary-iframe.md", 3, "error", IFRAME),
)
case(
    "summary-javascript-link",
    "markup",
    {
        "posts/m-summary-js.md": post(
            "Summary Link", Summary="A [link](javascript:alert(1))."
        )
    },
    at("posts/m-summary-js.md", 3, "error", scheme("javascript")),
)
case(
    "summary-under-a-title-with-markup",
    "markup",
    {
        "posts/m-summary-line.md": post(
            "</script><script>alert(1)</script> Json Ld",
            Summary="</script><script>alert(2)</script>",
        )
    },
    at("posts/m-summary-line.md", 3, "error", SCRIPT),
)
case(
    "short-title",
    "markup",
    {
        "series/m-short.md": description("Title: Short Series"),
        "posts/m-short-1.md": in_series("Short One", "Short Series", 1, Short_title=MARKUP),
        "posts/m-short-2.md": in_series(
            "Short Two", "Short Series", 2, Short_title='<script>alert("s")</script>'
        ),
    },
    shows=(
        ("2026/03/short-two/", "Previous Guest: &lt;img src=x onerror=alert(1)&gt;</a>"),
        (
            "2026/03/short-one/",
            "Next Guest: &lt;script&gt;alert(“s”)&lt;/script&gt;",
        ),
    ),
)
case(
    "tags",
    "markup",
    {"posts/m-tags.md": post("Markup Tags", Tags='<script>alert("tag")</script>, ok')},
    pages=("tags/alerttag/",),
    shows=(
        (
            "2026/03/markup-tags/",
            'rel="tag">&lt;script&gt;alert(&#34;tag&#34;)&lt;/script&gt;</a>',
        ),
    ),
)
case(
    "tag-without-a-slug",
    "markup",
    {"posts/m-tag-empty.md": post("Empty Tag", Tags=MARKUP)},
    at(
        "posts/m-tag-empty.md",
        3,
        "error",
        f"Tags '{MARKUP}' has no letter or digit to make its page's address from, so it is "
        "left out; write it in words",
    ),
    alone=True,
    pages=("2026/03/empty-tag/",),
    hides=(("2026/03/empty-tag/", "/tags//"),),
)
case(
    "author",
    "markup",
    {"posts/m-author.md": post("Markup Author", Author=f"{MARKUP} Guest")},
    at(
        "posts/m-author.md",
        3,
        "warning",
        f"the Author '{MARKUP} Guest' has no profile, so the post shows the name alone; "
        f"add content/authors/<your-name>.md with `Name: {MARKUP} Guest` (see "
        "CONTRIBUTING.md)",
    ),
    pages=("authors/guest/",),
    shows=(("authors/guest/", "&lt;img src=x onerror=alert(1)&gt; Guest"),),
)
case(
    "series-name",
    "markup",
    {
        "series/m-series.md": description('Title: <script>alert("series")</script>'),
        "posts/m-series.md": in_series(
            "Markup Series", '<script>alert("series")</script>', 1
        ),
    },
    pages=("series/m-series/",),
    shows=(("series/m-series/", "&lt;script&gt;alert(“series”)&lt;/script&gt;"),),
)
case(
    "series-index",
    "markup",
    {
        "series/m-index.md": description("Title: Index Series"),
        "posts/m-index.md": in_series("Markup Index", "Index Series", "<script>1</script>"),
    },
    at(
        "posts/m-index.md",
        4,
        "error",
        "Series_index '<script>1</script>' is not a positive whole number; write the "
        "guest's number as 1, 2, 3 … (until then the post is placed after the numbered "
        "ones, by date)",
    ),
)
case(
    "slug",
    "markup",
    {"posts/m-slug.md": post("Markup Slug", Slug='<script>alert("slug")</script>')},
    at(
        "posts/m-slug.md",
        3,
        "warning",
        "Slug '<script>alert(\"slug\")</script>' is not a short address segment (letters, "
        "digits, - and _, at most 80), so the post's address uses 'script-alert-slug-"
        "script'; write the Slug like that",
    ),
    pages=("2026/03/script-alert-slug-script/",),
)
case(
    "date",
    "markup",
    {"posts/m-date.md": post("Markup Date", date="<script>alert(1)</script>")},
    at(
        "posts/m-date.md",
        2,
        "error",
        "Date '<script>alert(1)</script>' is not a date; write it as YYYY-MM-DD HH:MM, "
        "e.g. 2026-03-09 09:00",
    ),
)
case(
    "modified",
    "markup",
    {"posts/m-modified.md": post("Markup Modified", Modified=MARKUP)},
    at(
        "posts/m-modified.md",
        3,
        "error",
        f"Modified '{MARKUP}' is not a date; write it as YYYY-MM-DD HH:MM, e.g. "
        "2026-03-09 09:00",
    ),
    absent=("2026/03/markup-modified/",),
)
case(
    "redirect-from",
    "markup",
    {"posts/m-redirect.md": post("Markup Redirect", Redirect_from="/old/<script>.html")},
    at(
        "posts/m-redirect.md",
        3,
        "error",
        "Redirect_from '/old/<script>.html' contains '<' '>'; use the path as the old site "
        "had it" + NOT_A_PATH,
    ),
)
case(
    "post-twitter",
    "markup",
    {"posts/m-twitter.md": post("Markup Twitter", Twitter="<script>alert(1)</script>")},
    at(
        "posts/m-twitter.md",
        3,
        "warning",
        "Twitter '<script>alert(1)</script>' is not an X handle: "
        f"'<script>alert(1)</script>' is 25 characters long; {X_RULE}; the post shows "
        "its guest's own handle until fixed",
    ),
    check=as_check(
        at(
            "posts/m-twitter.md",
            3,
            "warning",
            "Twitter '<script>alert(1)</script>' is not an X handle: "
            f"'<script>alert(1)</script>' is 25 characters long; {X_RULE}; the post shows "
            "its guest's own handle until fixed",
        )
    ),
)
case(
    "post-x",
    "markup",
    {"posts/m-x.md": post("Markup X", X=f'">{MARKUP}')},
    at(
        "posts/m-x.md",
        3,
        "warning",
        f"X '\">{MARKUP}' is not an X handle: '\">{MARKUP}' is 30 characters long; "
        f"{X_RULE}; the post shows its guest's own handle until fixed",
    ),
    check=as_check(
        at(
            "posts/m-x.md",
            3,
            "warning",
            f"X '\">{MARKUP}' is not an X handle: '\">{MARKUP}' is 30 characters long; "
            f"{X_RULE}; the post shows its guest's own handle until fixed",
        )
    ),
)
BOTH_HANDLES = (
    "both Twitter ('@one_handle') and X ('@other_handle') are given, and X is another "
    "name for Twitter; keep one line (the Twitter one is used)"
)
case(
    "post-twitter-and-x",
    "silent",
    {
        "posts/m-twitter-x.md": post(
            "Twitter And X", Twitter="@one_handle", X="@other_handle"
        )
    },
    at("posts/m-twitter-x.md", 4, "warning", BOTH_HANDLES),
    check=as_check(at("posts/m-twitter-x.md", 4, "warning", BOTH_HANDLES)),
)
case(
    "url-javascript",
    "markup",
    {"posts/m-url.md": post("Markup Url", Url="javascript:alert(1)")},
    at(
        "posts/m-url.md",
        3,
        "error",
        "Url 'javascript:alert(1)'" + NOT_IN_THE_SITE,
    ),
    pages=("2026/03/markup-url/",),
)
case(
    "url-elsewhere",
    "markup",
    {"posts/m-url-away.md": post("Url Away", Url="https://evil.example/")},
    at(
        "posts/m-url-away.md",
        3,
        "error",
        "Url 'https://evil.example/'" + NOT_IN_THE_SITE,
    ),
    pages=("2026/03/url-away/",),
)
case(
    "mentions",
    "markup",
    {"posts/m-mentions.md": post("Mentions Value", Mentions="<script>alert(1)</script>")},
    at(
        "posts/m-mentions.md",
        3,
        "warning",
        "Mentions '<script>alert(1)</script>' is neither on nor off, so @handles are "
        "linked; write `Mentions: off` to leave them as plain text",
    ),
)
case(
    "category-and-keywords",
    "markup",
    {
        "posts/m-category.md": post(
            "Category Value",
            Category="<script>alert(1)</script>",
            Keywords='"><script>alert(2)</script>',
        )
    },
    pages=("category/alert1/",),
)
case(
    "lang-markup",
    "paths",
    {"posts/m-lang.md": post("Lang Value", Lang='"><script>alert(1)</script>')},
    at("posts/m-lang.md", 3, "error", LANG.format('"><script>alert(1)</script>')),
    alone=True,
    pages=("2026/03/lang-value/",),
)
case(
    "profile-name",
    "markup",
    {
        "authors/m-name.md": profile(f"Name: {MARKUP} Named"),
        "posts/m-name.md": post("Markup Name", Author=f"{MARKUP} Named"),
    },
    pages=("authors/m-name/",),
    shows=(("authors/m-name/", "&lt;img src=x onerror=alert(1)&gt; Named"),),
)
case(
    "profile-name-closes-json-ld",
    "markup",
    {
        "authors/m-name-ld.md": profile("Name: </script><script>alert(1)</script>"),
        "posts/m-name-ld.md": post(
            "Json Ld Name", Author="</script><script>alert(1)</script>"
        ),
    },
    pages=("authors/m-name-ld/", "2026/03/json-ld-name/"),
)
case(
    "profile-twitter",
    "markup",
    {"authors/m-p-twitter.md": profile("Name: P Twitter", "Twitter: <script>x</script>")},
    at(
        "authors/m-p-twitter.md",
        2,
        "warning",
        "Twitter '<script>x</script>' is not an X handle: '<script>x</script>' is 18 "
        f"characters long; {X_RULE}{LEFT_OUT}",
    ),
    check=as_check(
        at(
            "authors/m-p-twitter.md",
            2,
            "warning",
            "Twitter '<script>x</script>' is not an X handle: '<script>x</script>' is 18 "
            f"characters long; {X_RULE}{LEFT_OUT}",
        )
    ),
)
case(
    "profile-x",
    "markup",
    {"authors/m-p-x.md": profile("Name: P X", f'X: ">{MARKUP}')},
    at(
        "authors/m-p-x.md",
        2,
        "warning",
        f"X '\">{MARKUP}' is not an X handle: '\">{MARKUP}' is 30 characters long; "
        f"{X_RULE}{LEFT_OUT}",
    ),
    check=as_check(
        at(
            "authors/m-p-x.md",
            2,
            "warning",
            f"X '\">{MARKUP}' is not an X handle: '\">{MARKUP}' is 30 characters long; "
            f"{X_RULE}{LEFT_OUT}",
        )
    ),
)
case(
    "profile-twitter-and-x",
    "silent",
    {"authors/m-p-both.md": profile("Name: P Both", "Twitter: @one_handle", "X: @other")},
    at(
        "authors/m-p-both.md",
        3,
        "warning",
        "both Twitter ('@one_handle') and X ('@other') are given, and X is another name "
        "for Twitter; keep one line (the Twitter one is used)",
    ),
    check=as_check(
        at(
            "authors/m-p-both.md",
            3,
            "warning",
            "both Twitter ('@one_handle') and X ('@other') are given, and X is another "
            "name for Twitter; keep one line (the Twitter one is used)",
        )
    ),
)
MASTODON = (
    "Mastodon '@<script>@social.example' is not a Mastodon handle: the user name "
    "'<script>' is not allowed; a Mastodon handle is @user@server: a user name of up to 30 "
    "letters, digits or underscores, then the server's host name, as in "
    "@jo@social.example" + LEFT_OUT
)
case(
    "profile-mastodon",
    "markup",
    {
        "authors/m-p-mastodon.md": profile(
            "Name: P Mastodon", "Mastodon: @<script>@social.example"
        )
    },
    at("authors/m-p-mastodon.md", 2, "warning", MASTODON),
    check=as_check(at("authors/m-p-mastodon.md", 2, "warning", MASTODON)),
)
BLUESKY = (
    f"Bluesky '{MARKUP}.bsky.social' is not a Bluesky handle: the label '{MARKUP}' has a "
    "character other than a letter, digit or hyphen, or starts or ends with a hyphen; a "
    "Bluesky handle is a domain name, as in jo.bsky.social: two or more labels of 1 to 63 "
    "letters, digits or hyphens, at most 253 characters in all, the last label not "
    "starting with a digit" + LEFT_OUT
)
case(
    "profile-bluesky",
    "markup",
    {
        "authors/m-p-bluesky.md": profile(
            "Name: P Bluesky", f"Bluesky: {MARKUP}.bsky.social"
        )
    },
    at("authors/m-p-bluesky.md", 2, "warning", BLUESKY),
    check=as_check(at("authors/m-p-bluesky.md", 2, "warning", BLUESKY)),
)
WEBSITE = (
    "Website {!r} is not a website address: {}; a website is a full address starting "
    "with https:// (or http://)" + LEFT_OUT
)
case(
    "profile-website-javascript",
    "markup",
    {"authors/m-p-web-js.md": profile("Name: P Web Js", "Website: javascript:alert(1)")},
    at(
        "authors/m-p-web-js.md",
        2,
        "warning",
        WEBSITE.format("javascript:alert(1)", "the address does not start with https://"),
    ),
    check=as_check(
        at(
            "authors/m-p-web-js.md",
            2,
            "warning",
            WEBSITE.format(
                "javascript:alert(1)", "the address does not start with https://"
            ),
        )
    ),
)
DATA_URL = "data:text/html,<script>alert(1)</script>"
case(
    "profile-website-data",
    "markup",
    {"authors/m-p-web-data.md": profile("Name: P Web Data", f"Website: {DATA_URL}")},
    at(
        "authors/m-p-web-data.md",
        2,
        "warning",
        WEBSITE.format(DATA_URL, "the address contains a space or a quote"),
    ),
    check=as_check(
        at(
            "authors/m-p-web-data.md",
            2,
            "warning",
            WEBSITE.format(DATA_URL, "the address contains a space or a quote"),
        )
    ),
)
AVATAR_JS = 'javascript:alert(1)"><script>'
case(
    "profile-avatar-markup",
    "markup",
    {"authors/m-p-avatar.md": profile("Name: P Avatar", f"Avatar: {AVATAR_JS}")},
    at(
        "authors/m-p-avatar.md",
        2,
        "warning",
        f"Avatar {AVATAR_JS!r} is not a file under content/ (check the spelling){LEFT_OUT}",
    ),
    check=as_check(
        at(
            "authors/m-p-avatar.md",
            2,
            "warning",
            f"Avatar {AVATAR_JS!r} is not a file under content/ (check the "
            f"spelling){LEFT_OUT}",
        )
    ),
)
case(
    "profile-avatar-outside",
    "paths",
    {
        "authors/m-p-avatar-up.md": profile(
            "Name: P Avatar Up", "Avatar: ../outside/face.png"
        )
    },
    at(
        "authors/m-p-avatar-up.md",
        2,
        "warning",
        "Avatar '../outside/face.png' is not a path under content/ (write it like "
        f"images/avatars/jo.svg){LEFT_OUT}",
    ),
    check=as_check(
        at(
            "authors/m-p-avatar-up.md",
            2,
            "warning",
            "Avatar '../outside/face.png' is not a path under content/ (write it like "
            f"images/avatars/jo.svg){LEFT_OUT}",
        )
    ),
    outside={"outside/face.png": "SECRET-AVATAR"},
)
case(
    "description-fields",
    "markup",
    {
        "series/m-desc.md": description(
            "Title: <script>alert('d')</script> Described",
            f"Singular: {MARKUP}",
            "Plural: <iframe src=https://evil.example/></iframe>",
            'Host: <a href="javascript:alert(1)">Host</a>',
        ),
        "posts/m-desc.md": in_series(
            "Markup Described", "<script>alert('d')</script> Described", 1
        ),
    },
    pages=("series/m-desc/",),
    shows=(
        ("series/m-desc/", "&lt;script&gt;alert(‘d’)&lt;/script&gt; Described"),
        (
            "2026/03/markup-described/",
            "All 1 &lt;iframe src=https://evil.example/&gt;&lt;/iframe&gt;</a>",
        ),
    ),
)

# ---------------------------------------------------------------------------
# Raw HTML in bodies, bios and descriptions: removed, one error a part, on its line.

case(
    "body-script",
    "html",
    {"posts/h-script.md": post("Body Script", body="Before.\n\n<script>alert(1)</script>")},
    at("posts/h-script.md", 6, "error", SCRIPT),
    shows=(("2026/03/body-script/", "<p>Before.</p>"),),
)
case(
    "body-iframe",
    "html",
    {
        "posts/h-iframe.md": post(
            "Body Iframe", body='<iframe src="https://e.example/"></iframe>'
        )
    },
    at("posts/h-iframe.md", 4, "error", IFRAME),
)
case(
    "body-object-and-embed",
    "html",
    {
        "posts/h-embed.md": post(
            "Body Embed",
            body='<object data="https://e.example/x.swf"></object>\n\n'
            '<embed src="https://e.example/y.swf">',
        )
    },
    at("posts/h-embed.md", 4, "error", EMBED.format("object")),
    at("posts/h-embed.md", 6, "error", EMBED.format("embed")),
)
case(
    "body-onerror",
    "html",
    {
        "posts/h-onerror.md": post(
            "Body Onerror", body='<img src="/x.png" alt="x" onerror="a()">'
        )
    },
    at("posts/h-onerror.md", 4, "error", event("onerror", "img")),
)
case(
    "body-uppercase-onclick",
    "html",
    {"posts/h-onclick.md": post("Body Onclick", body='<P ONCLICK="alert(1)">Click.</P>')},
    at("posts/h-onclick.md", 4, "error", event("onclick", "p")),
)
case(
    "body-inline-svg",
    "html",
    {
        "posts/h-svg.md": post(
            "Body Svg", body='<svg onload="alert(1)"><circle r="1"/></svg>'
        )
    },
    at("posts/h-svg.md", 4, "error", ELEMENT.format("a <circle>")),
    at("posts/h-svg.md", 4, "error", ELEMENT.format("a <svg>")),
)
case(
    "body-markdown-javascript-link",
    "html",
    {"posts/h-md-js.md": post("Body Md Js", body="A [link](javascript:alert(1)) here.")},
    at("posts/h-md-js.md", 4, "error", scheme("javascript")),
)
case(
    "body-markdown-javascript-image",
    "html",
    {
        "posts/h-md-img.md": post(
            "Body Md Img", body="An ![image](javascript:alert(1)) here."
        )
    },
    at("posts/h-md-img.md", 4, "error", scheme("javascript", "img")),
)
case(
    "body-data-link",
    "html",
    {
        "posts/h-data.md": post(
            "Body Data", body='<a href="data:text/html;base64,PHM+">x</a>'
        )
    },
    at("posts/h-data.md", 4, "error", scheme("data")),
)
case(
    "body-entity-javascript",
    "html",
    {
        "posts/h-entity.md": post(
            "Body Entity", body='<a href="&#106;avascript&#58;a()">x</a>'
        )
    },
    at("posts/h-entity.md", 4, "error", scheme("javascript")),
)
case(
    "body-tab-javascript",
    "html",
    {"posts/h-tab.md": post("Body Tab", body='<a href="java&#9;script:alert(1)">tab</a>')},
    at("posts/h-tab.md", 4, "error", scheme("javascript")),
)
case(
    "body-newline-javascript",
    "html",
    {
        "posts/h-newline.md": post(
            "Body Newline", body='<a href="java\nscript:a()">newline</a>'
        )
    },
    at("posts/h-newline.md", 4, "error", scheme("javascript")),
)
case(
    "body-style-position-fixed",
    "html",
    {"posts/h-style.md": post("Body Style", body='<p style="position:fixed;top:0">x</p>')},
    at("posts/h-style.md", 4, "error", STYLE.format("position")),
    at("posts/h-style.md", 4, "error", STYLE.format("top")),
)
case(
    "body-form-meta-base",
    "html",
    {
        "posts/h-form.md": post(
            "Body Form",
            body='<form action="https://e.example/"><input name="p"></form>\n\n'
            '<meta http-equiv="refresh" content="0;url=https://e.example/">\n\n'
            '<base href="https://e.example/">',
        )
    },
    at("posts/h-form.md", 4, "error", ELEMENT.format("a <form>")),
    at("posts/h-form.md", 4, "error", ELEMENT.format("an <input>")),
    at("posts/h-form.md", 6, "error", ELEMENT.format("a <meta>")),
    at("posts/h-form.md", 8, "error", ELEMENT.format("a <base>")),
)
case(
    "page-body",
    "html",
    {"pages/h-page.md": lines("Title: Html Page", "", "<script>alert('page')</script>")},
    at("pages/h-page.md", 3, "error", SCRIPT),
    pages=("html-page/",),
)
case(
    "bio",
    "html",
    {
        "authors/h-bio.md": profile(
            "Name: Html Bio",
            bio='<script>alert("bio")</script>\n\n[me](javascript:alert(1))\n\n'
            '<img src="/x.png" alt="me" onerror="alert(2)">',
        ),
        "posts/h-bio.md": post("Bio Post", Author="Html Bio"),
    },
    at("authors/h-bio.md", 3, "error", untrusted(SCRIPT)),
    at("authors/h-bio.md", 5, "error", untrusted(scheme("javascript"))),
    at("authors/h-bio.md", 7, "error", untrusted(event("onerror", "img"))),
    pages=("authors/h-bio/",),
)
case(
    "description-body",
    "html",
    {
        "series/h-desc.md": description(
            "Title: Html Series",
            body='<iframe src="https://e.example/"></iframe>\n\n'
            '<p style="position:fixed">x</p>',
        ),
        "posts/h-desc.md": in_series("Html Series Post", "Html Series", 1),
    },
    at("series/h-desc.md", 3, "error", untrusted(IFRAME)),
    at("series/h-desc.md", 5, "error", untrusted(STYLE.format("position"))),
    pages=("series/h-desc/",),
)

# ---------------------------------------------------------------------------
# A file's own Allow_unsafe_html: only the host trusts, in the settings.

case(
    "allow-unsafe-html-yes",
    "trust",
    {
        "posts/t-yes.md": post(
            "Allow Yes", Allow_unsafe_html="yes", body="<script>a()</script>"
        )
    },
    at("posts/t-yes.md", 3, "error", ALLOW),
    at("posts/t-yes.md", 5, "error", SCRIPT),
)
case(
    "allow-unsafe-html-true-on-a-page",
    "trust",
    {
        "pages/t-page.md": lines(
            "Title: Allow Page", "Allow_unsafe_html: true", "", "<iframe src=//e.example/>"
        )
    },
    at("pages/t-page.md", 2, "error", ALLOW),
    at("pages/t-page.md", 4, "error", IFRAME),
    pages=("allow-page/",),
)
case(
    "host-trusts-a-file-and-an-author",
    "trust",
    {
        "posts/t-trusted.md": post(
            "Trusted File", body='<iframe src="https://video.example/1"></iframe>'
        ),
        "posts/t-by-trusted.md": post(
            "Trusted Author",
            Author="Trusted Guest",
            body='<iframe src="https://video.example/2"></iframe>',
        ),
        "authors/t-trusted.md": profile("Name: Trusted Guest"),
        "posts/t-asks.md": post(
            "Asks Too",
            Allow_unsafe_html="1",
            body='<iframe src="https://video.example/3"></iframe>',
        ),
    },
    at("posts/t-asks.md", 3, "error", ALLOW),
    at("posts/t-asks.md", 5, "error", IFRAME),
    settings={
        "GUEST_SERIES_TRUSTED_HTML_FILES": ("posts/t-trusted.md",),
        "GUEST_SERIES_TRUSTED_HTML_AUTHORS": ("Trusted Guest",),
    },
    scan=False,  # the host's own choice keeps two iframes
    shows=(
        ("2026/03/trusted-file/", '<iframe src="https://video.example/1"></iframe>'),
        ("2026/03/trusted-author/", '<iframe src="https://video.example/2"></iframe>'),
    ),
)

# ---------------------------------------------------------------------------
# Files: links out of the content folder, files that run, names.

case(
    "symlinked-post",
    "files",
    {},
    at("posts/f-link.md", None, "error", LINKED_OUT.format("read it")),
    links={"posts/f-link.md": "outside/secret.md"},
    outside={"outside/secret.md": post("Secret Outside", body="SECRET-POST")},
    absent=("2026/03/secret-outside/",),
)
case(
    "symlinked-folder",
    "files",
    {},
    at("posts/f-folder/inner.md", None, "error", LINKED_OUT.format("read it")),
    links={"posts/f-folder": "outside/folder"},
    outside={"outside/folder/inner.md": post("Folder Outside", body="SECRET-FOLDER")},
    absent=("2026/03/folder-outside/",),
)
case(
    "symlinked-static-file",
    "files",
    {},
    at("images/f-link.png", None, "error", LINKED_OUT.format("copy it")),
    links={"images/f-link.png": "outside/secret.png"},
    outside={"outside/secret.png": "SECRET-STATIC"},
    absent=("images/f-link.png",),
)
case(
    "symlinked-profile",
    "files",
    {},
    at("authors/f-link.md", None, "error", LINKED_OUT.format("read it")),
    links={"authors/f-link.md": "outside/profile.md"},
    outside={"outside/profile.md": profile("Name: Secret Guest", bio="SECRET-BIO")},
)
AVATAR_LINKED_OUT = (
    "Avatar 'images/f-face.png' is a link to something outside the content folder, which "
    "is not copied" + LEFT_OUT
)
case(
    "symlinked-avatar",
    "files",
    {
        "authors/f-avatar.md": profile("Name: Linked Avatar", "Avatar: images/f-face.png"),
        "posts/f-avatar.md": post("Avatar Post", Author="Linked Avatar"),
    },
    at("images/f-face.png", None, "error", LINKED_OUT.format("copy it")),
    at("authors/f-avatar.md", 2, "warning", AVATAR_LINKED_OUT),
    check=(
        at("images/f-face.png", None, "error", LINKED_OUT.format("copy it")),
        *as_check(at("authors/f-avatar.md", 2, "warning", AVATAR_LINKED_OUT)),
    ),
    links={"images/f-face.png": "outside/face.png"},
    outside={"outside/face.png": "SECRET-AVATAR"},
    pages=("authors/f-avatar/",),
    hides=(("authors/f-avatar/", "images/f-face.png"),),
)
case(
    "dangling-symlink",
    "files",
    {},
    at("posts/f-dangling.md", None, "error", LINKED_OUT.format("read it")),
    links={"posts/f-dangling.md": "outside/missing.md"},
)
LOOP = (
    "the file is a link to itself (a loop of links), so the build does not read it; "
    "replace the link with the file"
)
case(
    "symlink-loop",
    "files",
    {},
    at("posts/f-loop.md", None, "error", LOOP),
    check=(at("posts/f-loop.md", None, "error", LOOP),),
    links={"posts/f-loop.md": "content/posts/f-loop.md"},
    alone=True,
)
case(
    "svg-with-script",
    "files",
    {"images/f-script.svg": SVG + "><script>alert(1)</script></svg>\n"},
    at("images/f-script.svg", None, "error", SVG_RUNS.format("<script")),
    absent=("images/f-script.svg",),
)
case(
    "svg-with-onload",
    "files",
    {"images/f-onload.svg": SVG + ' onload="alert(1)"></svg>\n'},
    at("images/f-onload.svg", None, "error", SVG_RUNS.format("onload=")),
    absent=("images/f-onload.svg",),
)
case(
    "svg-with-javascript-link",
    "files",
    {
        "images/f-link.svg": SVG + ' xmlns:xlink="http://www.w3.org/1999/xlink">'
        '<a xlink:href="javascript:alert(1)"><rect width="5" height="5"/></a></svg>\n'
    },
    at("images/f-link.svg", None, "error", SVG_RUNS.format("javascript:")),
    absent=("images/f-link.svg",),
)
case(
    "html-in-images",
    "files",
    {"images/f-page.html": "<script>alert(1)</script>\n"},
    at("images/f-page.html", None, "error", NOT_A_KIND.format(".html files")),
    absent=("images/f-page.html",),
)
case(
    "js-in-images",
    "files",
    {"images/f-code.js": "alert(1);\n"},
    at("images/f-code.js", None, "error", NOT_A_KIND.format(".js files")),
    absent=("images/f-code.js",),
)
case(
    "htaccess-in-images",
    "files",
    {"images/.htaccess": "Redirect / https://evil.example/\n"},
    at("images/.htaccess", None, "error", NOT_A_KIND.format("files without an extension")),
    absent=("images/.htaccess",),
)
case(
    "names-with-spaces-and-unicode",
    "files",
    {
        "posts/f Naïve Café post.md": post(
            "Naïve Café", body="![photo]({static}/images/f%20my%20phötö.png)"
        ),
        "images/f my phötö.png": "png",
        "authors/f Jöse Ümlaut.md": profile("Name: Jöse Ümlaut"),
        "posts/f-jose.md": post("Jose Post", Author="Jöse Ümlaut"),
    },
    pages=("2026/03/naive-cafe/", "images/f my phötö.png", "authors/f-jose-umlaut/"),
)

# ---------------------------------------------------------------------------
# Bytes.

case(
    "non-utf8-post",
    "bytes",
    {
        "posts/b-latin1.md": b"Title: Latin One\nDate: 2026-03-02 09:00\n\n"
        b"Caf\xe9 au lait.\n"
    },
    at("posts/b-latin1.md", 4, "error", NOT_UTF8.format(44, 0xE9)),
    absent=("2026/03/latin-one/",),
)
case(
    "utf16-post",
    "bytes",
    {"posts/b-utf16.md": post("Utf Sixteen").encode("utf-16")},
    at("posts/b-utf16.md", 1, "error", NOT_UTF8.format(0, 0xFF)),
)
case(
    "non-utf8-profile",
    "bytes",
    {"authors/b-latin1.md": b"Name: Jos\xe9\n\nBio.\n"},
    at("authors/b-latin1.md", 1, "error", NOT_UTF8.format(9, 0xE9)),
)
case(
    "non-utf8-description",
    "bytes",
    {"series/b-latin1.md": b"Title: Latin Series\n\nS\xe9ries text.\n"},
    at("series/b-latin1.md", 3, "error", NOT_UTF8.format(22, 0xE9)),
)
case(
    "byte-order-mark",
    "bytes",
    {"posts/b-bom.md": "\ufeff" + post("Bom Post")},
    pages=("2026/03/bom-post/",),
)
case(
    "crlf",
    "bytes",
    {"posts/b-crlf.md": post("Crlf Post", Tags="crlf-one, crlf-two").replace("\n", "\r\n")},
    pages=("2026/03/crlf-post/", "tags/crlf-two/"),
)
case(
    "byte-order-mark-and-crlf-profile",
    "bytes",
    {
        "authors/b-bom.md": "\ufeff"
        + profile("Name: Bom Guest", "Twitter: @bom_guest").replace("\n", "\r\n"),
        "posts/b-bom-guest.md": post("Bom Guest Post", Author="Bom Guest"),
    },
    pages=("authors/b-bom/",),
    shows=(("2026/03/bom-guest-post/", "https://x.com/bom_guest"),),
)
case(
    "empty-file",
    "bytes",
    {"posts/b-empty.md": ""},
    at(
        "posts/b-empty.md",
        None,
        "error",
        "there is no Title or Date, so the build leaves this file out; add lines such as "
        "`Title: What My Desk Taught Me` and `Date: 2026-03-09 09:00` to the block at the "
        "top (no blank line inside the block)",
    ),
)
case(
    "no-title",
    "bytes",
    {"posts/b-no-title.md": "Date: 2026-03-02 09:00\n\nA body without a title.\n"},
    at(
        "posts/b-no-title.md",
        None,
        "error",
        "there is no Title, so the build leaves this file out; add a line such as "
        "`Title: What My Desk Taught Me` to the block at the top (no blank line inside the "
        "block)",
    ),
)
case(
    "metadata-only",
    "bytes",
    {"posts/b-meta-only.md": "Title: Meta Only\nDate: 2026-03-02 09:00\n"},
    pages=("2026/03/meta-only/",),
)
case(
    "five-megabytes",
    "bytes",
    {"posts/b-huge.md": post("Huge Post", body="word " * (1024 * 1024))},
    at(
        "posts/b-huge.md",
        None,
        "error",
        "the file is 5.0 MB, more than the 4 MB a post can be, so the build does not read "
        "it; keep large files under images/ and link to them",
    ),
    absent=("2026/03/huge-post/",),
)
LONG_SLUG = "long-" + "x" * 75  # cut to 80 characters
LONG_TITLE = (
    f"the title makes an address of 10005 characters, so it is cut to '{LONG_SLUG}'; give "
    "a Short_title and a Slug of your own to choose a better one"
)
case(
    "ten-thousand-character-title",
    "bytes",
    {"posts/b-long.md": post("Long " + "x" * 10_000)},
    at("posts/b-long.md", 1, "warning", LONG_TITLE),
    pages=(f"2026/03/{LONG_SLUG}/",),
)
case(
    "thirty-digit-series-index",
    "bytes",
    {
        "series/b-index.md": description("Title: Huge Index Series"),
        "posts/b-index.md": in_series("Huge Index", "Huge Index Series", "1" * 30),
    },
    at(
        "posts/b-index.md",
        4,
        "error",
        "Series_index '11111111111111111111…' is more than 9999, the highest number a "
        "series takes; write the guest's number as 1, 2, 3 … (until then the post is "
        "placed after the numbered ones, by date)",
    ),
    pages=("2026/03/huge-index/",),
)
case(
    "control-characters",
    "bytes",
    {
        "posts/b-control.md": post(
            "Control\x0b Char",
            date="2026-03-20 09:00",  # the newest post, so that it is in the feeds
            body="Form\x0cfeed, NUL\x00, ESC\x1b.",
        )
    },
    at(
        "posts/b-control.md",
        1,
        "warning",
        "control characters that XML forbids in Title, the text, Summary are left out of "
        "the feeds; delete them from the file (they are invisible: retype the text around "
        "them)",
    ),
    check=(),  # the check builds without feeds
    pages=("2026/03/control-char/",),
)

# ---------------------------------------------------------------------------
# Silent mistakes: each must now say something, on its line.

case(
    "blank-line-in-metadata",
    "silent",
    {
        "posts/s-blank.md": lines(
            "Title: Blank Line", "Date: 2026-03-02 09:00", "", "Tags: lost"
        )
    },
    at(
        "posts/s-blank.md",
        4,
        "error",
        "line 3 is blank, so the metadata block ends there and `Tags: lost` is read as the "
        "post's text; remove the blank line (a blank line may only follow the last "
        "metadata line)",
    ),
)
case(
    "ambiguous-date",
    "silent",
    {"posts/s-date.md": post("Ambiguous Date", date="12/03/2026")},
    at(
        "posts/s-date.md",
        2,
        "error",
        "Date '12/03/2026' could be read as either of two days (day first or month first), "
        "so the build leaves the file out; write it as YYYY-MM-DD, e.g. 2026-03-12",
    ),
    absent=("2026/03/ambiguous-date/", "2026/12/ambiguous-date/"),
)
case(
    "impossible-date",
    "silent",
    {"posts/s-feb30.md": post("Feb Thirty", date="2026-02-30 09:00")},
    at(
        "posts/s-feb30.md",
        2,
        "error",
        "Date '2026-02-30 09:00' is not a date; write it as YYYY-MM-DD HH:MM, e.g. "
        "2026-03-09 09:00",
    ),
)
case(
    "loose-date",
    "silent",
    {"posts/s-loose.md": post("Loose Date", date="9 March 2026")},
    at(
        "posts/s-loose.md",
        2,
        "warning",
        "Date '9 March 2026' is read as 2026-03-09 00:00; write it as YYYY-MM-DD HH:MM so "
        "that nobody has to guess",
    ),
    pages=("2026/03/loose-date/",),
)
case(
    "date-with-an-offset",
    "silent",
    {"posts/s-offset.md": post("Offset Date", date="2026-03-02 09:00 +02:00")},
    pages=("2026/03/offset-date/",),
)
case(
    "misspelt-key",
    "silent",
    {"posts/s-misspelt.md": post("Misspelt Key", Sumary="Lost.")},
    at(
        "posts/s-misspelt.md",
        3,
        "warning",
        "unknown field 'Sumary' is ignored; did you mean Summary?",
    ),
)
case(
    "key-set-twice",
    "silent",
    {"posts/s-twice.md": post("Key Twice", Tags="a", tags="b")},
    "Duplicate definition of `tags` for {content}/posts/s-twice.md. Using first one.",
    at(
        "posts/s-twice.md", 4, "warning", "tags is set twice (lines 3 and 4); keep one line"
    ),
    check=(
        at(
            "posts/s-twice.md",
            4,
            "warning",
            "tags is set twice (lines 3 and 4); keep one line",
        ),
    ),
)
case(
    "title-set-twice",
    "silent",
    {"posts/s-title.md": lines("Title: First", "title: Second", "Date: 2026-03-02 09:00")},
    at(
        "posts/s-title.md",
        2,
        "warning",
        "title is set twice (lines 1 and 2); keep one line",
    ),
    pages=("2026/03/first/",),  # the first value is used
    absent=("2026/03/first-second/", "2026/03/second/"),
    shows=(("2026/03/first/", "<h1>First</h1>"),),
)
case(
    "series-without-series-index",
    "silent",
    {
        "series/s-noindex.md": description("Title: No Index Series"),
        "posts/s-noindex.md": post(
            "No Index", Series="No Index Series", body="W." + HOST_NOTE
        ),
        "posts/s-noindex-1.md": in_series("Numbered One", "No Index Series", 1),
    },
    at(
        "posts/s-noindex.md",
        3,
        "warning",
        "this is in a series whose other posts are numbered, but has no Series_index, so "
        "it is placed after them, by date; add `Series_index: N` with the number the "
        "host gave you",
    ),
)
case(
    "unknown-series",
    "silent",
    {
        "series/s-known.md": description("Title: Known Series"),
        "posts/s-unknown.md": in_series("Unknown Series", "Known Serie", 1),
    },
    at(
        "posts/s-unknown.md",
        3,
        "warning",
        "the series 'Known Serie' has no description under content/series/; did you mean "
        "'Known Series'? (the series is built with default labels)",
    ),
    at(
        "series/s-known.md",
        1,
        "warning",
        "no published post is in the series 'Known Series'; give posts `Series: Known "
        "Series`, or delete this description if the series is gone",
    ),
)
case(
    "duplicate-series-index",
    "silent",
    {
        "series/s-dup.md": description("Title: Dup Series"),
        "posts/s-dup-a.md": in_series("Dup A", "Dup Series", 1),
        "posts/s-dup-b.md": in_series("Dup B", "Dup Series", 1),
    },
    at(
        "posts/s-dup-a.md",
        4,
        "error",
        "Series_index 1 in the series 'Dup Series' is also used by "
        "content/posts/s-dup-b.md; give each post its own number",
    ),
    at(
        "posts/s-dup-b.md",
        4,
        "error",
        "Series_index 1 in the series 'Dup Series' is also used by "
        "content/posts/s-dup-a.md; give each post its own number",
    ),
    pages=("2026/03/dup-a/", "2026/03/dup-b/"),
)
case(
    "series-set-twice",
    "silent",
    {
        "series/s-twice.md": description("Title: Twice One"),
        "posts/s-series-twice.md": lines(
            "Title: Series Twice",
            "Date: 2026-03-02 09:00",
            "Series: Twice One",
            "Series: Twice Two",
            "Series_index: 1",
            "",
            "Words." + HOST_NOTE,
        ),
    },
    at(
        "posts/s-series-twice.md",
        3,
        "error",
        "a post belongs to one series at most, but this one names 2 (Twice One, Twice "
        "Two); keep one Series line",
    ),
    pages=("series/s-twice/",),
)
case(
    "unknown-status",
    "silent",
    {"posts/s-status.md": post("Status Unknown", Status="drafty")},
    at(
        "posts/s-status.md",
        3,
        "error",
        "Status 'drafty' is not published, draft, hidden or skip, so the post is kept as "
        "a draft; write it like `Status: draft`, or remove the line",
    ),
    absent=("2026/03/status-unknown/",),
)
case(
    "status-in-capitals-and-skip",
    "silent",
    {
        "posts/s-status-draft.md": post("Status Capital Draft", Status="Draft"),
        "posts/s-status-skip.md": post("Status Skip", Status="skip"),
    },
    absent=("2026/03/status-capital-draft/", "2026/03/status-skip/"),
)

# ---------------------------------------------------------------------------
# Paths a guest chooses: none may leave output/ or take another page's place.

case(
    "slug-going-up",
    "paths",
    {"posts/p-parent.md": post("Slug Parent", Slug="../../../evil")},
    at(
        "posts/p-parent.md",
        3,
        "warning",
        "Slug '../../../evil' is not a short address segment (letters, digits, - and _, at "
        "most 80), so the post's address uses 'evil'; write the Slug like that",
    ),
    pages=("2026/03/evil/",),
)
case(
    "slug-with-slashes",
    "paths",
    {"posts/p-slashes.md": post("Slug Slashes", Slug="a/b/c")},
    at(
        "posts/p-slashes.md",
        3,
        "warning",
        "Slug 'a/b/c' is not a short address segment (letters, digits, - and _, at most "
        "80), so the post's address uses 'a-b-c'; write the Slug like that",
    ),
    pages=("2026/03/a-b-c/",),
)
case(
    "slug-tags-on-a-page",
    "paths",
    {"pages/p-tags.md": lines("Title: Tags Page", "Slug: tags", "", "Mine now.")},
    at(
        "pages/p-tags.md",
        2,
        "error",
        "its page would be written to tags/index.html, which is the tags page, "
        + NOT_WRITTEN,
    ),
    shows=(("tags/", "<title>Tags · Ollie’s Workbench</title>"),),
)
case(
    "slug-theme-on-a-page",
    "paths",
    {"pages/p-theme.md": lines("Title: Theme Page", "Slug: theme", "", "x")},
    at(
        "pages/p-theme.md",
        2,
        "error",
        "its page would be written to theme/index.html, which is the theme's own files, "
        + NOT_WRITTEN,
    ),
    absent=("theme/",),
)
case(
    "lang-going-up",
    "paths",
    {"posts/p-lang-up.md": post("Lang Up", Lang="../../../../lang-evil")},
    at("posts/p-lang-up.md", 3, "error", LANG.format("../../../../lang-evil")),
    pages=("2026/03/lang-up/",),
)
REDIRECT_OUT = "Redirect_from {!r} leaves the site: {}" + NOT_A_PATH
case(
    "redirect-from-outside",
    "paths",
    {
        "posts/p-redirect-out.md": post(
            "Redirect Out",
            Redirect_from="/../../out.html, https://e.example/x, //e.example/y",
        )
    },
    at(
        "posts/p-redirect-out.md",
        3,
        "error",
        REDIRECT_OUT.format("/../../out.html", "it goes up a folder with '..'"),
    ),
    at(
        "posts/p-redirect-out.md",
        3,
        "error",
        REDIRECT_OUT.format("//e.example/y", "it is a full address, not a path"),
    ),
    at(
        "posts/p-redirect-out.md",
        3,
        "error",
        REDIRECT_OUT.format("https://e.example/x", "it is a full address, not a path"),
    ),
)
# A redirect from a path the site still serves: only map lines, no page of its own.
TAKEN = (
    "Redirect_from {!r} would overwrite {}, so it is not written; remove it from "
    "Redirect_from, or give the other page another address"
)
# A redirect with no page of its own (only lines in the server maps).
SERVED = (
    "Redirect_from {!r} is {}, which the site still serves, so it is not redirected; "
    "remove it from Redirect_from"
)
case(
    "redirect-from-a-feed",
    "paths",
    {
        "posts/p-redirect-feed.md": post(
            "Redirect Feed", Redirect_from="/feeds/all.atom.xml"
        )
    },
    at(
        "posts/p-redirect-feed.md",
        3,
        "error",
        SERVED.format("/feeds/all.atom.xml", "the feed feeds/all.atom.xml"),
    ),
    hides=(
        ("_redirects", "/feeds/all.atom.xml"),
        ("redirects.nginx.conf", "/feeds/all.atom.xml"),
    ),
)
case(
    "redirect-from-a-static-file-and-the-theme",
    "paths",
    {
        "posts/p-redirect-static.md": post(
            "Redirect Static", Redirect_from="/images/good.png, /theme/css/style.css"
        )
    },
    at(
        "posts/p-redirect-static.md",
        3,
        "error",
        SERVED.format("/images/good.png", "content/images/good.png"),
    ),
    at(
        "posts/p-redirect-static.md",
        3,
        "error",
        SERVED.format("/theme/css/style.css", "the theme's own files"),
    ),
    hides=(
        ("_redirects", "/images/good.png"),
        ("_redirects", "/theme/"),
        ("redirects.nginx.conf", "/images/good.png"),
        ("redirects.nginx.conf", "/theme/"),
    ),
)
case(
    "redirect-from-another-page",
    "paths",
    {
        "posts/p-redirect-page.md": post(
            "Redirect Page", Redirect_from="/redirect-target/"
        ),
        "pages/p-target.md": lines("Title: Redirect Target", "", "A page."),
    },
    at(
        "posts/p-redirect-page.md",
        3,
        "error",
        "Redirect_from '/redirect-target/' would overwrite content/pages/p-target.md "
        "(redirect-target/index.html), so it is not written; remove it from Redirect_from, "
        "or give the other page another address",
    ),
    shows=(("redirect-target/", "A page."),),
)
case(
    "redirect-from-the-home-page",
    "paths",
    {
        "posts/p-redirect-home.md": post(
            "Redirect Home", Redirect_from="/index.html, /tags/, /"
        )
    },
    at(
        "posts/p-redirect-home.md",
        3,
        "error",
        "Redirect_from '/index.html' would overwrite the page index.html (index.html), so "
        "it is not written; remove it from Redirect_from, or give the other page another "
        "address",
    ),
    at(
        "posts/p-redirect-home.md",
        3,
        "error",
        "Redirect_from '/tags/' would overwrite the page tags/index.html "
        "(tags/index.html), so it is not written; remove it from Redirect_from, or give "
        "the other page another address",
    ),
    at(
        "posts/p-redirect-home.md",
        3,
        "warning",
        "Redirect_from lists '/' twice (as '/index.html' too); keep it once",
    ),
)
case(
    "save-as-going-up",
    "paths",
    {"posts/p-save-parent.md": post("Save Parent", Save_as="../../x")},
    at(
        "posts/p-save-parent.md",
        3,
        "error",
        "Save_as '../../x'" + NOT_IN_THE_SITE,
    ),
    pages=("2026/03/save-parent/",),
)
case(
    "save-as-the-home-page",
    "paths",
    {"posts/p-save-index.md": post("Save Index", Save_as="index.html")},
    at(
        "posts/p-save-index.md",
        3,
        "error",
        f"its page would be written to index.html, which is the index page, {NOT_WRITTEN}",
    ),
    shows=(("", "<title>Ollie’s Workbench: Writing, making things"),),
)
case(
    "save-as-the-stylesheet",
    "paths",
    {"posts/p-save-css.md": post("Save Css", Save_as="theme/css/style.css")},
    at(
        "posts/p-save-css.md",
        3,
        "error",
        "its page would be written to theme/css/style.css, which is the theme's own files, "
        + NOT_WRITTEN,
    ),
)
case(
    "save-as-a-feed",
    "paths",
    {"posts/p-save-feed.md": post("Save Feed", Save_as="feeds/all.atom.xml")},
    at(
        "posts/p-save-feed.md",
        3,
        "error",
        "its page would be written to feeds/all.atom.xml, which is the feed "
        f"feeds/all.atom.xml, {NOT_WRITTEN}",
    ),
)
case(
    "save-as-the-redirect-map",
    "paths",
    {"posts/p-save-map.md": post("Save Map", Save_as="_redirects")},
    at(
        "posts/p-save-map.md",
        3,
        "error",
        "its page would be written to _redirects, which is the redirect map _redirects, "
        + NOT_WRITTEN,
    ),
)
case(
    "template",
    "paths",
    {"posts/p-template.md": post("Template Post", Template="../../../etc/passwd")},
    at(
        "posts/p-template.md",
        3,
        "error",
        "Template '../../../etc/passwd' is not one of the theme's templates, so the post "
        "uses its usual one; remove the line",
    ),
    alone=True,
    pages=("2026/03/template-post/",),
)
