"""@mentions: linked in a post's text, never in code, links, e-mail addresses or URLs."""

import markdown
import pytest
from bs4 import BeautifulSoup
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import DEMO_CONTENT, ROOT, post, project_settings
from guestlist.core.markers import switch_is_on as mentions_wanted
from guestlist.markdown.mentions import link_mentions

URL = "2026/03/thanks/"


def body_of(site, url=URL):
    return site.page(url).select_one(".post-body")


def mentions_in(element):
    return {a.get_text(): a["href"] for a in element.select("a.mention")}


def test_x_and_fediverse_mentions_link_to_the_profile(build_site):
    site = build_site(
        {
            "posts/thanks.md": post(
                "Thanks",
                body="""
                Thanks to @jo_example, to @Sam_Example's editor and to
                @ann@social.example. Also "@quoted" and (@paren).

                ## With @heading_one
                """,
            )
        }
    )
    body = body_of(site)
    assert mentions_in(body) == {
        "@jo_example": "https://x.com/jo_example",
        "@Sam_Example": "https://x.com/Sam_Example",
        "@ann@social.example": "https://social.example/@ann",
        "@paren": "https://x.com/paren",
        "@heading_one": "https://x.com/heading_one",
    }
    # The visible text is exactly what was written (smart quotes aside).
    text = body.get_text(" ", strip=True)
    assert "Thanks to @jo_example , to @Sam_Example ’s editor" in text
    assert "@ann@social.example ." in text
    # A quoted @name is an identifier, not a person: "@quoted" is not linked.
    assert "“@quoted”" in text


def test_no_mention_is_linked_in_code_links_e_mails_or_urls(build_site):
    site = build_site(
        {
            "posts/thanks.md": post(
                "Thanks",
                body="""
                Run `git blame @code_span` now.

                ```
                @fenced_block
                ```

                    @indented_block

                [a link to @in_link](https://example.com/) and
                <https://x.com/@autolink> and <jo@example.com>.

                Mail jo@example.com or first.last@example.org, see
                https://mastodon.example/@bare_url and www.example.com/@www_url.

                Raw: <a href="https://example.com/">@raw_link and *@raw_em*</a>,
                <code>@raw_code</code>, <kbd>@raw_kbd</kbd>.

                <pre>
                @raw_pre
                </pre>

                Not handles: @jo-smith, @jo.example.com, @sixteen_letters1,
                @ann@localhost, @ann@10.0.0.1, \\_@escaped.
                """,
            )
        }
    )
    body = body_of(site)
    assert mentions_in(body) == {}
    text = body.get_text()
    for written in (
        "@code_span",
        "@fenced_block",
        "@indented_block",
        "a link to @in_link",
        "jo@example.com",
        "first.last@example.org",
        "https://mastodon.example/@bare_url",
        "www.example.com/@www_url",
        "@raw_link and @raw_em",
        "@raw_code",
        "@raw_pre",
        "@jo-smith, @jo.example.com, @sixteen_letters1",
        "@ann@localhost, @ann@10.0.0.1, _@escaped",
    ):
        assert written in text, written


def test_a_post_can_turn_mentions_off(build_site):
    site = build_site(
        {
            "posts/thanks.md": post(
                "Thanks", body="Thanks @jo_example.", Mentions="off", Summary="By @jo."
            ),
            "posts/other.md": post("Other", body="Hi @jo_example.", Summary="By @jo."),
        }
    )
    assert mentions_in(body_of(site)) == {}
    assert "Thanks @jo_example." in body_of(site).get_text()
    assert mentions_in(body_of(site, "2026/03/other/")) == {
        "@jo_example": "https://x.com/jo_example"
    }
    summaries = {
        summary.select_one('a[rel="bookmark"]').get_text(strip=True): summary.select_one(
            ".summary-text"
        )
        for summary in site.page("").select("article.summary")
    }
    assert mentions_in(summaries["Thanks"]) == {}
    assert mentions_in(summaries["Other"]) == {"@jo": "https://x.com/jo"}
    assert site.messages == []


def test_a_site_can_turn_mentions_off_or_link_to_twitter_com(build_site, tmp_path):
    files = {"posts/thanks.md": post("Thanks", body="Thanks @jo_example.")}
    off = build_site(files, GUEST_SERIES_MENTIONS=False)
    assert mentions_in(body_of(off)) == {}
    twitter = build_site(files, GUEST_SERIES_X_DOMAIN="twitter.com")
    assert mentions_in(body_of(twitter)) == {
        "@jo_example": "https://twitter.com/jo_example"
    }


def test_a_mentions_switch_that_is_neither_on_nor_off_is_reported(build_site):
    site = build_site({"posts/thanks.md": post("Thanks", body="@jo", Mentions="of")})
    (message,) = site.messages_about("content/posts/thanks.md")
    assert message.startswith("content/posts/thanks.md:3: warning: Mentions 'of'")
    assert "`Mentions: off`" in message
    assert mentions_in(body_of(site)) == {"@jo": "https://x.com/jo"}


@pytest.mark.parametrize(
    "value, wanted",
    [
        ("off", False),
        (" OFF ", False),
        ("no", False),
        ("false", False),
        ("on", True),
        ("", True),
    ],
)
def test_the_switch_reads_off_and_its_synonyms(value, wanted):
    assert mentions_wanted(value) is wanted


def test_the_linker_splits_text_into_the_same_text_and_links():
    text = "Hi @jo, ask @ann@social.example or mail x@y.com."
    pieces = link_mentions(text, "x.com")
    assert "".join(p if isinstance(p, str) else p.text for p in pieces) == text
    assert [p.get("href") for p in pieces if not isinstance(p, str)] == [
        "https://x.com/jo",
        "https://social.example/@ann",
    ]
    assert link_mentions("no handle here, a@b.com", "x.com") is None


# The property: on any HTML-like Markdown, the linker changes no visible text,
# puts no link inside a link (or code), and never raises.

MARKDOWN_SETTINGS = project_settings(DEMO_CONTENT, ROOT / "output")["MARKDOWN"]
FRAGMENTS = [
    "@jo",
    "@jo_example",
    "@ann@social.example",
    "@a@b.c",
    "jo@example.com",
    "https://x.com/@jo",
    "www.x.com/@jo",
    "<a href='https://e.com'>",
    '<a href="x>y">',
    "</a>",
    "<a/>",
    "<code>",
    "</code>",
    "<pre>",
    "</pre>",
    "<script>",
    "</script>",
    "<!--",
    "-->",
    "<em>",
    "</em>",
    "<br>",
    "`",
    "```\n",
    "\n    ",
    "\n\n",
    "\n> ",
    "[",
    "](https://e.com)",
    "<https://e.com/@jo>",
    "<jo@example.com>",
    "*",
    "_",
    "\\",
    "&amp;",
    "&",
    '"',
    "'",
    "--",
    "# ",
    "- ",
    "1. ",
    '!!! note "N"\n    ',
]
html_like = st.lists(
    st.one_of(
        st.sampled_from(FRAGMENTS),
        st.text(alphabet="@ab_.-/:<>=\"' \n#&;x1", max_size=6),
    ),
    max_size=30,
).map("".join)


def render(text, mentions):
    configs = dict(MARKDOWN_SETTINGS["extension_configs"])
    # Without mentions: the extension still loaded (its \@ escape shows @), but
    # with no account to link.
    configs["guestlist.markdown.mentions"] = {
        "x_domain": "x.com",
        "limited": not mentions,
    }
    md = markdown.Markdown(
        extensions=list(configs),
        extension_configs=configs,
        output_format=MARKDOWN_SETTINGS.get("output_format", "html5"),
    )
    return BeautifulSoup(md.convert(text), "html.parser")


def visible(soup):
    return " ".join(soup.get_text().split())


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(html_like)
def test_linking_never_changes_the_text_nor_nests_links(text):
    plain, linked = render(text, mentions=False), render(text, mentions=True)
    # Compared as a reader sees it, with runs of white space as one: Beautiful
    # Soup itself shortens a white-space-only string between two tags to "\n".
    assert visible(linked) == visible(plain)
    for link in linked.select("a.mention"):
        assert link.find_parent(["a", "code", "pre", "script"]) is None, str(linked)
    # Nothing but the mention links is added.
    assert len(linked.find_all("a")) == len(plain.find_all("a")) + len(
        linked.select("a.mention")
    )


@given(st.text())
def test_the_linker_gives_back_any_text_it_is_given(text):
    pieces = link_mentions(text, "x.com") or [text]
    assert "".join(p if isinstance(p, str) else p.text for p in pieces) == text


def test_the_property_sees_mentions_at_all():
    """Guards the property test: its inputs do get linked, so it tests something."""
    assert render("Hi @jo and @ann@social.example", mentions=True).select("a.mention")
