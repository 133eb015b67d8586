"""Unsafe HTML in guest posts: the build removes it and says where it was."""

from textwrap import dedent

import pytest

from conftest import HOST_NOTE, post
from guestlist.sanitize.policy import clean_html
from guestlist.sanitize.report import unsafe_parts

HOSTILE_BODY = """\
    A guest's first paragraph stays.

    <script>alert("stolen cookies")</script>

    <iframe src="https://tracker.example/"></iframe>

    <img src="/images/cat.png" alt="A cat" onerror="alert(1)">

    A [harmless-looking link](javascript:alert(2)) and the last words stay.
    """
URL = "2026/03/hostile/"


def test_scripts_iframes_handlers_and_javascript_links_never_reach_the_page(build_site):
    site = build_site({"posts/hostile.md": post("Hostile", body=HOSTILE_BODY)})
    html = site.path(URL).read_text(encoding="utf-8")
    content = site.page(URL).select_one(".entry-content, article")

    assert "alert" not in html
    assert not site.page(URL).select("iframe")
    assert "tracker.example" not in html
    image = content.select_one('img[alt="A cat"]')
    assert image is not None and image.get("src") == "/images/cat.png"
    assert not any(name.startswith("on") for name in image.attrs)
    link = content.find("a", string="harmless-looking link")
    assert link is not None and "href" not in link.attrs
    text = content.get_text()
    assert "first paragraph stays." in text
    assert "the last words stay." in text


def test_the_build_names_the_file_and_line_of_each_removed_part(build_site):
    site = build_site({"posts/hostile.md": post("Hostile", body=HOSTILE_BODY)})
    about = site.messages_about("content/posts/hostile.md")
    # post() puts Title and Date on lines 1-2, a blank line, then the body.
    assert any(m.startswith("content/posts/hostile.md:6: error: a <script>") for m in about)
    assert any(
        m.startswith("content/posts/hostile.md:8: error: an <iframe>") for m in about
    )
    assert any(
        m.startswith("content/posts/hostile.md:10: error: the onerror= attribute")
        for m in about
    )
    assert any(
        m.startswith("content/posts/hostile.md:12: error: a javascript: link")
        for m in about
    )
    assert all("GUEST_SERIES_TRUSTED_HTML_FILES" in m for m in about)
    assert len(about) == 4
    # The site is still built: one guest's mistake takes nothing else down.
    assert site.exists("")


def test_the_host_not_the_guest_decides_which_file_keeps_its_html(build_site):
    files = {
        "posts/embed.md": post(
            "Embed", body='<iframe src="https://video.example/1"></iframe>'
        ),
        "posts/asks.md": post(
            "Asks",
            body='<iframe src="https://video.example/2"></iframe>',
            Allow_unsafe_html="yes",
        ),
    }
    site = build_site(files, GUEST_SERIES_TRUSTED_HTML_FILES=("posts/embed.md",))
    assert site.page("2026/03/embed/").select_one('iframe[src="https://video.example/1"]')
    assert not site.messages_about("content/posts/embed.md")
    # A guest's own line asks; without the host's grant it is an error, and cleaned.
    assert not site.page("2026/03/asks/").select("iframe")
    asks = site.messages_about("content/posts/asks.md")
    assert asks[0].startswith(
        "content/posts/asks.md:3: error: the file asks to keep raw HTML "
        "(Allow_unsafe_html), but only the host can allow that"
    )
    assert "content/posts/asks.md:5: error: an <iframe>" in asks[1]


def test_the_host_can_trust_one_author_by_name(build_site):
    files = {
        "posts/a.md": post(
            "A", Author="Ollie Brennan", body="<iframe src='https://v.example/'></iframe>"
        ),
        "posts/b.md": post(
            "B", Author="Guest", body="<iframe src='https://v.example/'></iframe>"
        ),
    }
    site = build_site(files, GUEST_SERIES_TRUSTED_HTML_AUTHORS=("Ollie Brennan",))
    assert site.page("2026/03/a/").select("iframe")
    assert not site.page("2026/03/b/").select("iframe")


def test_a_summary_is_cleaned_too_and_reported_on_its_line(build_site):
    site = build_site(
        {
            "posts/a.md": post(
                "A",
                Summary='Hi <img src="x.png" onerror="alert(1)"> [x](javascript:alert(2))',
            )
        }
    )
    for page in ("", "2026/03/a/", "tags/", "authors/ollie-brennan/"):
        if site.exists(page):
            assert "onerror" not in str(site.page(page)) and "javascript:" not in str(
                site.page(page)
            )
    about = site.messages_about("content/posts/a.md")
    assert any(
        m.startswith("content/posts/a.md:3: error: the onerror= attribute") for m in about
    )
    assert any(
        m.startswith("content/posts/a.md:3: error: a javascript: link") for m in about
    )


@pytest.mark.parametrize(
    ("href", "line_text"),
    [
        ("java&#9;script:alert(1)", "tab written as an entity"),
        ("&#106;avascript:alert(1)", "first letter written as an entity"),
        ("java\nscript:alert(1)", "split by a line break"),
        (" javascript:alert(1)", "a leading space"),
    ],
)
def test_a_disguised_javascript_link_is_reported_on_its_line(build_site, href, line_text):
    body = f'{line_text}\n\n<a href="{href}">click</a>\n'
    site = build_site({"posts/a.md": post("A", body=body)})
    assert "script:alert" not in str(site.page("2026/03/a/"))
    (message,) = site.messages_about("content/posts/a.md")
    assert message.startswith("content/posts/a.md:6: error: a javascript: link on <a>")


def test_a_style_property_the_sanitiser_drops_is_reported(build_site):
    body = '<p style="position: fixed; top: 0; color: red">Covering text</p>\n'
    site = build_site({"posts/a.md": post("A", body=body)})
    p = site.page("2026/03/a/").find("p", string="Covering text")
    assert p["style"] == "color:red"
    messages = site.messages_about("content/posts/a.md")
    assert [m.split("property ")[1].split(" ")[0] for m in messages] == ["position", "top"]
    assert all(m.startswith("content/posts/a.md:4: error:") for m in messages)


def test_what_the_content_format_makes_is_left_alone(build_site):
    body = """\
        A table:

        | Left | Right |
        |:-----|------:|
        | a    | b     |

        Some code:

        ```python
        print("<script>")
        ```

        A footnote.[^1]

        [^1]: The note.
        """
    site = build_site(
        {"posts/fine.md": post("Fine", body=dedent(body) + HOST_NOTE, Author="A Guest")}
    )
    assert site.messages_about("content/posts/fine.md") == []
    page = site.page("2026/03/fine/")
    assert page.select_one("aside.admonition.host-note p.admonition-title strong")
    assert page.select_one('td[style*="text-align"]')
    assert page.select_one("div.highlight pre code span")
    assert 'print("<script>")' in page.select_one("div.highlight").get_text()
    assert page.select_one('sup a[href^="#fn"]')


def test_a_profile_bio_is_cleaned_too(build_site):
    site = build_site(
        {
            "authors/jo.md": """\
                Name: Jo Example

                Jo writes.<script>alert(1)</script>
                """,
            "posts/jo.md": post("Jo's Post", Author="Jo Example"),
        }
    )
    page = site.page("2026/03/jos-post/")
    assert "alert" not in str(page)
    assert "Jo writes." in page.get_text()
    assert any(
        m.startswith("content/authors/jo.md:3: error: a <script>")
        for m in site.messages_about("content/authors/jo.md")
    )


def test_pages_are_cleaned_and_the_setting_turns_cleaning_off(build_site):
    files = {"pages/about.md": "Title: About\n\n<script>alert(1)</script>Hello.\n"}
    assert "alert" not in str(build_site(files).page("about/"))
    assert "alert(1)" in str(build_site(files, GUEST_SERIES_SANITIZE=False).page("about/"))


@pytest.mark.parametrize(
    ("html", "found"),
    [
        ("<p>x</p><script>x()</script>", ["<script"]),
        ('<p onclick="x()">x</p>', ["onclick="]),
        ('<a href="JavaScript:x()">x</a>', ["JavaScript:"]),
        ('<object data="x.swf"></object>', ["<object"]),
        ("<style>body { display: none }</style>", ["<style"]),
    ],
)
def test_each_unsafe_part_is_found_and_removed(html, found):
    cleaned, removed = clean_html(html)
    assert removed
    assert [needle for needle, _ in unsafe_parts(html)] == found
    assert not unsafe_parts(cleaned)


@pytest.mark.parametrize(
    "html",
    [
        '<p class="x" id="y">Text &amp; more</p>',
        '<div class="admonition host-note"><p class="admonition-title">Note</p></div>',
        '<a href="https://example.com/" title="t">x</a> <a href="mailto:a@b.example">m</a>',
        '<table><tr><td style="text-align: left;">a</td></tr></table>',
        "<p>It&rsquo;s &ldquo;quoted&rdquo;</p>",
    ],
)
def test_safe_html_is_not_reported(html):
    assert clean_html(html)[1] is False
