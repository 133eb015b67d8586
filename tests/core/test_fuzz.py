"""Fuzzing guest input: whatever a guest sends, no exception escapes and no markup runs.

Guests send the text of posts, profiles and metadata; none of it is trusted.
Each test here feeds arbitrary text (or, for a whole content file, arbitrary
bytes) to one reader of guest input and checks that it either gives a valid
result or says what is wrong the way it is documented to, and that nothing
it writes can carry a script.

`make test` runs the "ci" Hypothesis profile from tests/conftest.py: a few
dozen examples per test, the same every run, a few seconds in all. For a
longer run, with new examples each time:

    GUESTLIST_FUZZ=long make test PYTEST_ARGS=tests/core/test_fuzz.py
"""

import os
import re
import tempfile
import unicodedata
import xml.etree.ElementTree as ElementTree
from pathlib import Path

import markdown
import pytest
from bs4 import BeautifulSoup
from hypothesis import example, given, settings
from hypothesis import strategies as st

import conftest
from guestlist.core.frontmatter import parse_header, source_lines
from guestlist.core.handles import (
    Handle,
    HandleError,
    parse_bluesky,
    parse_mastodon,
    parse_website,
    parse_x,
)
from guestlist.markdown.mentions import link_mentions
from guestlist.redirects.paths import RedirectPathError, parse_old_path

# Beautiful Soup warns when the HTML it is given looks like a file name or URL.
pytestmark = pytest.mark.filterwarnings("ignore::bs4.MarkupResemblesLocatorWarning")

# Characters that break naive readers: markup, quotes, entities, NUL, a vertical
# tab, a byte-order mark, carriage returns, Unicode line and paragraph separators.
NASTY = list("<>\"'&\x00\x0b\x0c\ufeff\r\n\t \u2028\u2029\u00a0@:/\\`*_[]()!#%;=.-")
# (No lone surrogates: a file read as UTF-8 never has one.)
nasty_text = st.text(
    alphabet=st.one_of(st.sampled_from(NASTY), st.characters(codec="utf-8"))
)

# Markup a guest might send on purpose; the sanitiser must take every piece out.
ATTACKS = [
    "<script>alert(1)</script>",
    "<SCRIPT SRC=//evil.example/x.js></SCRIPT>",
    "<img src=x onerror=alert(1)>",
    '<a href="javascript:alert(1)">x</a>',
    "<a href=' JaVaScRiPt:alert(1)'>x</a>",
    "[x](javascript:alert(1))",
    "![x](javascript:alert(1))",
    "<iframe src=https://evil.example></iframe>",
    "<svg onload=alert(1)>",
    "<div style=x onmouseover='alert(1)'>x</div>",
    "</script><script>alert(1)</script>",
    "<!--<script>-->",
    "<style>x</style>",
    "`<script>`",
    "```\n<script>\n```\n",
    "&lt;script&gt;",
    "@jo @ann@social.example",
    "https://x.com/jo/status/123",
    "\n\n",
    "\n    ",
    "\n> ",
    "- ",
    "[^1]\n\n[^1]: ",
    '!!! note "<script>"\n    ',
]
attack_text = st.lists(
    st.one_of(st.sampled_from(ATTACKS), nasty_text.filter(lambda t: len(t) < 12)),
    max_size=12,
).map("".join)
guest_text = st.one_of(nasty_text, attack_text)


def bad_url_characters(url):
    """The characters of `url` that may not be in an href: space, quotes, <, >, controls."""
    return {
        char
        for char in url
        if char.isspace()
        or char in "\"'<>`"
        or unicodedata.category(char) in {"Cc", "Cf", "Zl", "Zp"}
    }


# The metadata reader.

header_line = st.one_of(
    st.builds(
        "{}{}:{}{}".format,
        st.sampled_from(["", " ", "   ", "    "]),
        st.sampled_from(["Title", "date", "Tags", "x-y_1", "Bad key", ""]),
        st.sampled_from(["", " ", "\t"]),
        nasty_text,
    ),
    st.builds("    {}".format, nasty_text),
    st.sampled_from(["", "---", "...", "--- x", "```", "    "]),
    nasty_text,
)
header_like = st.lists(
    st.tuples(header_line, st.sampled_from(["\n", "\r\n", "\r", "\x0b", "\u2028"])),
    max_size=8,
).map(lambda lines: "".join(line + end for line, end in lines))


@given(st.one_of(st.text(), nasty_text, header_like))
@example("Title: A\r\nDate: 2026-03-02\r\n\r\nBody")
@example("---\nTitle: A\n---\n")
@example("\ufeffTitle: A\n")
def test_the_metadata_reader_reads_any_text(text):
    lines = source_lines(text)
    header = parse_header(text)
    assert header.body_line >= 1
    assert header.body_line <= len(lines) + 1
    for field in header.fields:
        assert 1 <= field.line <= len(lines), (field, lines)
        assert field.written in lines[field.line - 1]
        assert field.key == field.written.lower()


# The mention linker.

mention_like = st.text(alphabet="@ab_Z9.-/:\\\x02\x03 \n<>\"'=&wxyz", max_size=40)


@given(st.one_of(st.text(), nasty_text, mention_like))
@example("@jo @ann@social.example jo@example.com https://x.com/@jo")
def test_the_mention_linker_keeps_the_text_and_links_only_https(text):
    pieces = link_mentions(text, "x.com")
    if pieces is None:
        return
    joined = "".join(p if isinstance(p, str) else p.text for p in pieces)
    assert joined == text
    for piece in pieces:
        if isinstance(piece, str):
            continue
        href = piece.get("href")
        assert href.startswith("https://"), href
        assert not bad_url_characters(href), href
        assert piece.text.startswith("@")


@given(st.one_of(nasty_text, attack_text, mention_like))
@example("Mentions: on\n\n@jo <a href='x'>@ann@social.example</a> `@code`")
def test_markdown_with_mentions_converts_any_text(text):
    md = markdown.Markdown(
        extensions=["markdown.extensions.meta", "guestlist.markdown.mentions"]
    )
    html = md.convert(text)
    for link in BeautifulSoup(html, "html.parser").select("a.mention"):
        assert link["href"].startswith("https://"), html
        assert not bad_url_characters(link["href"]), html
        assert link.get_text().startswith("@"), html


# The handle parsers.

url_like = st.builds(
    "{}{}{}{}".format,
    st.sampled_from(["", "@", "https://", "http://", "HTTPS://", "ftp://", "//", "\x01"]),
    st.sampled_from(
        ["x.com/", "twitter.com/", "bsky.app/profile/", "social.example/@", "a.b", ""]
    ),
    st.text(alphabet="ab_.-@/:?#%[]0123456789 \t\x00<>\"'\\", max_size=20),
    st.sampled_from(["", "/", ".com", "@social.example", "?q=1"]),
)
handle_input = st.one_of(st.text(), nasty_text, url_like, st.none(), st.integers())


def assert_handle(result, network):
    assert isinstance(result, Handle), result
    assert result.network == network
    assert result.url.startswith("https://"), result.url
    assert not bad_url_characters(result.url), result.url
    assert not set(result.text) & set('<>"'), result.text


@given(handle_input)
@example("https://x.com/jo")
@example("@jo@social.example")
@example("https://bsky.app/profile/jo.bsky.social")
def test_the_handle_parsers_give_a_handle_or_a_handle_error(raw):
    for network, parse in [
        ("x", parse_x),
        ("mastodon", parse_mastodon),
        ("bluesky", parse_bluesky),
    ]:
        try:
            handle = parse(raw)
        except HandleError:
            continue
        assert_handle(handle, network)


@given(handle_input)
@example("https://jo.example/")
@example("\x01https://jo.example/")
@example("https://jo.example/\x00")
def test_the_website_parser_gives_an_http_address_or_a_handle_error(raw):
    try:
        url = parse_website(raw)
    except HandleError:
        return
    assert isinstance(url, str)
    assert url.lower().startswith(("https://", "http://")), url
    assert not bad_url_characters(url), repr(url)


@pytest.mark.parametrize("raw", ["\x01https://jo.example/", "https://jo.example/\x00"])
def test_a_website_with_a_control_character_is_refused(raw):
    """Found by the fuzzer: urlsplit skips the \\x01, so it read as an https address."""
    with pytest.raises(HandleError, match="invisible character"):
        parse_website(raw)


# The redirect-path parser.

path_like = st.builds(
    "{}{}".format,
    st.sampled_from(["", "/", "//", "http:", "./", "../", "%2e%2e/", " /"]),
    st.text(alphabet="ab/._-%2eEfF0?#~ \x00\\", max_size=24),
)


@given(st.one_of(st.text(), nasty_text, path_like))
@example("/2013/03/old.html")
@example("/a/%2e%2e/%2E%2E/etc/passwd")
@example("/%00/x")
def test_the_redirect_path_parser_gives_a_path_inside_the_site_or_an_error(raw):
    try:
        path, save_as = parse_old_path(raw)
    except RedirectPathError:
        return
    assert path.startswith("/"), path
    assert ".." not in path.split("/"), path
    assert all(char.isprintable() and not char.isspace() for char in path), repr(path)
    assert not save_as.startswith("/"), save_as
    if save_as:
        output = os.path.normpath("/srv/fuzz-output")
        written = os.path.normpath(os.path.join(output, save_as))
        assert written.startswith(output + os.sep), (path, save_as, written)


# A whole content file, as bytes, through a whole build.

# Whole builds take a tenth of a second or more each: fewer of them.
BUILD_EXAMPLES = 300 if conftest.FUZZ_PROFILE == "long" else 15
METADATA_KEYS = [
    "Summary",
    "Tags",
    "Slug",
    "Redirect_from",
    "Guest",
    "Series",
    "Series_index",
    "Mentions",
    "Lang",
    "Status",
]
post_text = st.builds(
    "Title: {}\nDate: 2026-03-02\n{}\n{}".format,
    guest_text,
    st.lists(
        st.builds("{}: {}\n".format, st.sampled_from(METADATA_KEYS), guest_text),
        max_size=3,
    ).map("".join),
    guest_text,
)
post_bytes = st.one_of(
    st.binary(max_size=300),
    post_text.map(lambda text: text.encode("utf-8")),
    st.tuples(post_text, st.binary(max_size=8)).map(
        lambda pair: pair[0].encode("utf-8") + pair[1]
    ),
)

# Attributes whose value a browser follows as an address.
URL_ATTRIBUTES = {"href", "src", "action", "formaction", "poster", "xlink:href", "data"}
JSON_LD = "application/ld+json"


def live_markup(html):
    """What in `html` could run a script: each finding as text, none if it is safe."""
    found = []
    scripts = re.findall(r"<script\b[^>]*>", html, re.IGNORECASE)
    found += [tag for tag in scripts if tag != f'<script type="{JSON_LD}">']
    found += re.findall(r"<(?:iframe|object|embed)\b", html, re.IGNORECASE)
    for tag in BeautifulSoup(html, "html.parser").find_all(True):
        if tag.name == "script" and tag.get("type") != JSON_LD:
            found.append(str(tag)[:80])
        if tag.name in {"iframe", "object", "embed", "frame"}:
            found.append(str(tag)[:80])
        for name, value in tag.attrs.items():
            if name.lower().startswith("on"):
                found.append(f"<{tag.name} {name}=…>")
            if name.lower() in URL_ATTRIBUTES:
                address = "".join(
                    char for char in str(value) if char.isprintable() and not char.isspace()
                ).lower()
                if address.startswith(("javascript:", "vbscript:", "data:text/html")):
                    found.append(f"<{tag.name} {name}={value!r}>")
    return found


def html_in_feed(root):
    """The HTML a feed carries: Atom's type="html" and "xhtml", an RSS item's body.

    The rest, such as a title or a channel's description, is plain text, in
    which "<script>" is only words.
    """
    for element in root.iter():
        name = element.tag.rpartition("}")[2]
        if element.get("type") == "html" or name == "encoded":
            yield element.text or ""
        elif element.get("type") == "xhtml":
            yield "".join(
                ElementTree.tostring(child, encoding="unicode") for child in element
            )
    for item in root.iter("item"):
        yield from (element.text or "" for element in item.iter("description"))


def live_markup_in_feed(xml):
    """live_markup of the feed's own tags and of every piece of HTML it carries."""
    found = re.findall(r"<(?:script|iframe|object|embed)\b", xml, re.IGNORECASE)
    root = ElementTree.fromstring(xml.encode("utf-8"))
    for element in root.iter():
        for name, value in element.attrib.items():
            if value.strip().lower().startswith("javascript:"):
                found.append(f"<{element.tag} {name}={value!r}>")
    for html in html_in_feed(root):
        found += live_markup(html)
    return found


def build(files):
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        content = root / "content"
        for relative, data in files.items():
            target = content / relative
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(data)
        # An absolute SITEURL, so that the feeds are written (and checked) too.
        site = conftest.run_pelican(
            content, root / "output", SITEURL="https://blog.example"
        )
        problems = {}
        for path in sorted(site.output.rglob("*")):
            if path.suffix not in {".html", ".xml"}:
                continue
            text = path.read_text(encoding="utf-8")
            check = live_markup_in_feed if path.suffix == ".xml" else live_markup
            found = check(text)
            if found:
                problems[path.relative_to(site.output).as_posix()] = found
        return site, site.exists("2026/03/good/"), site.files("**/*.xml"), problems


GOOD = conftest.post("Good").encode("utf-8")


def check_post(data):
    """Build `data` as a post beside a good one: no exception, no live markup."""
    site, good, _, problems = build({"posts/good.md": GOOD, "posts/fuzz.md": data})
    assert good, site.messages
    assert not problems, problems


def test_the_build_writes_feeds_and_finds_live_markup():
    """Guards the fuzzer: its build writes feeds, and its checks see a script."""
    site, good, feeds, problems = build({"posts/good.md": GOOD})
    assert good and feeds and not problems, (site.messages, feeds, problems)
    assert live_markup('<p><img src="x" onerror="alert(1)"></p>')
    assert live_markup('<a href=" java\tscript:alert(1)">x</a>')
    assert live_markup("<script>alert(1)</script>")
    assert not live_markup(f'<script type="{JSON_LD}">{{}}</script><p>&lt;script&gt;</p>')
    entry = "<entry><content type='html'>&lt;iframe src=x&gt;</content></entry>"
    assert live_markup_in_feed(f"<feed>{entry}</feed>")
    assert not live_markup_in_feed("<feed><title>&lt;script&gt;</title></feed>")
    channel = "<channel><description>&lt;b onclick=x&gt;</description>{}</channel>"
    assert not live_markup_in_feed(f"<rss>{channel.format('')}</rss>")
    item = "<item><description>&lt;b onclick=x&gt;</description></item>"
    assert live_markup_in_feed(f"<rss>{channel.format(item)}</rss>")


@settings(max_examples=BUILD_EXAMPLES)
@given(post_bytes)
@example(b"\xff\xfe\x00T\x00i\x00t\x00l\x00e\x00")
@example(b"Title: A\nDate: 2026-03-02\n\n\xe9t\xe9")
@example("\ufeffTitle: <script>alert(1)</script>\nDate: 2026-03-02\n\nx".encode())
@example(("Title: A\nDate: 2026-03-02\n\n" + "".join(ATTACKS)).encode())
@example(b"Title: A\rDate: 2026-03-02\r\r<script>alert(1)</script>\r")
@example(b"Title: A\nDate: 2026-03-02\nRedirect_from: /old/, /a/../../x, /%3Cs%3E\n\nx")
def test_any_bytes_as_a_post_build_a_site_without_live_markup(data):
    check_post(data)


@pytest.mark.parametrize(
    "data",
    [
        # The Summary is HTML in listings and feeds, and was not cleaned.
        b"Title: A\nDate: 2026-03-02\nSummary: <script>alert(1)</script>\n\nx",
        # A Title continued on a second line is a list: the feeds raised TypeError,
        b"Title: A\n    B\nDate: 2026-03-02\n\nx",
        # and a series' ordering AttributeError.
        b"Title: \n    <b>x</b>\nDate: 2026-03-02\nSeries: <script>alert(1)</script>\n\nx",
        # A series whose name has no letter or digit gets an empty slug, and its
        # page was series/index.html, the list of series: FileOverwriteFailedError.
        b"Title: A\nDate: 2026-03-02\nSeries: !!!\n\nx",
    ],
)
def test_posts_the_fuzzer_found(data):
    check_post(data)
