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
    assert all("Allow_unsafe_html: yes" in m for m in about)
    assert len(about) == 4
    # The site is still built: one guest's mistake takes nothing else down.
    assert site.exists("")


def test_a_host_can_allow_one_file_to_keep_its_html(build_site):
    site = build_site(
        {
            "posts/embed.md": post(
                "Embed",
                body='<iframe src="https://video.example/1"></iframe>',
                Allow_unsafe_html="yes",
            ),
            "posts/other.md": post(
                "Other", body='<iframe src="https://video.example/2"></iframe>'
            ),
        }
    )
    assert site.page("2026/03/embed/").select_one('iframe[src="https://video.example/1"]')
    assert not site.page("2026/03/other/").select("iframe")
    assert not site.messages_about("content/posts/embed.md")
    assert site.messages_about("content/posts/other.md")


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
    assert page.select_one("div.admonition.host-note p.admonition-title")
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
