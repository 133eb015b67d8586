"""Relative addresses in a post's HTML become absolute for feeds; nothing else changes."""

import re
from urllib.parse import urljoin

import pytest
from bs4 import BeautifulSoup
from hypothesis import given
from hypothesis import strategies as st

from guestlist.feeds.absolute_urls import make_absolute

PAGE = "https://blog.example.com/2026/03/a-post/"


def addresses(html):
    soup = BeautifulSoup(html, "html.parser")
    return [
        (tag.name, attribute, value)
        for tag in soup.find_all(True)
        for attribute, value in tag.attrs.items()
        if attribute in ("href", "src", "srcset", "poster")
    ]


@pytest.mark.parametrize(
    ("written", "absolute"),
    [
        ("/images/x.png", "https://blog.example.com/images/x.png"),
        ("pic.png", "https://blog.example.com/2026/03/a-post/pic.png"),
        ("../other/", "https://blog.example.com/2026/03/other/"),
        ("#part-2", "https://blog.example.com/2026/03/a-post/#part-2"),
        ("?page=2", "https://blog.example.com/2026/03/a-post/?page=2"),
        ("//cdn.example.net/x.js", "https://cdn.example.net/x.js"),
        ("/a/./b/../c", "https://blog.example.com/a/c"),
        ("https://elsewhere.example.org/", "https://elsewhere.example.org/"),
        ("mailto:jo@example.com", "mailto:jo@example.com"),
        ("data:image/png;base64,AAAA", "data:image/png;base64,AAAA"),
    ],
)
def test_an_address_resolves_as_the_browser_would(written, absolute):
    html = make_absolute(f'<p><a href="{written}">x</a></p>', PAGE)
    assert addresses(html) == [("a", "href", absolute)]
    assert urljoin(PAGE, written) == absolute


def test_images_sources_and_single_or_unquoted_values():
    html = make_absolute(
        '<img src=\'/a.png\' alt="A"> <video poster=p.jpg src="v.mp4"></video>'
        '<img srcset="/s.png 1x, big.png 2x" src="/s.png">',
        PAGE,
    )
    assert addresses(html) == [
        ("img", "src", "https://blog.example.com/a.png"),
        ("video", "poster", "https://blog.example.com/2026/03/a-post/p.jpg"),
        ("video", "src", "https://blog.example.com/2026/03/a-post/v.mp4"),
        (
            "img",
            "srcset",
            "https://blog.example.com/s.png 1x, "
            "https://blog.example.com/2026/03/a-post/big.png 2x",
        ),
        ("img", "src", "https://blog.example.com/s.png"),
    ]
    assert 'alt="A"' in html


def test_text_and_code_that_look_like_attributes_are_left_alone():
    html = (
        '<p>Write href="/x" in text,</p>'
        '<pre><code>&lt;a href="/y"&gt;link&lt;/a&gt;</code></pre>'
        '<p title="see src=/z">and <a data-href="/d" href="/real">this</a></p>'
    )
    result = make_absolute(html, PAGE)
    assert 'Write href="/x" in text' in result
    assert '&lt;a href="/y"&gt;' in result
    assert 'title="see src=/z"' in result
    assert 'data-href="/d"' in result
    assert 'href="https://blog.example.com/real"' in result


def test_entities_and_quotes_in_a_value_stay_escaped():
    html = make_absolute('<a href="search?q=a&amp;b=&quot;c&quot;">s</a>', PAGE)
    assert addresses(html) == [
        ("a", "href", 'https://blog.example.com/2026/03/a-post/search?q=a&b="c"')
    ]


def test_html_without_addresses_is_returned_unchanged():
    html = '<h2 id="x">A <em class="y">title</em></h2><p>x = "y"</p>'
    assert make_absolute(html, PAGE) == html
    assert make_absolute("", PAGE) == ""


def test_html_with_only_absolute_addresses_is_the_same_object_not_a_copy():
    # A feed entry keeps the text it is given: a copy of every post would
    # double the memory the feeds take (make bench).
    html = '<p><a href="https://blog.example.com/a/">a</a> <img src="data:x" alt=""></p>'
    assert make_absolute(html, PAGE) is html
    assert make_absolute(html + '<a href="/b/">b</a>', PAGE) != html


@given(
    st.lists(
        st.sampled_from(["/a", "b/c", "../d", "#e", "https://f.example/g", "?h=1", "i j"]),
        max_size=5,
    ),
    st.text(alphabet=st.characters(blacklist_characters='<>&"'), max_size=30),
)
def test_every_link_ends_absolute_and_text_is_kept(paths, text):
    html = "".join(f'<a href="{path}">{text}</a>' for path in paths)
    result = make_absolute(html, PAGE)
    soup = BeautifulSoup(result, "html.parser")
    links = soup.find_all("a")
    assert [a["href"] for a in links] == [urljoin(PAGE, path) for path in paths]
    # The text as written, not as a parser reads it back: html.parser turns a
    # lone tab or carriage return into a space (which made this test flaky).
    assert re.findall(r">([^<]*)</a>", result) == [text] * len(paths)
