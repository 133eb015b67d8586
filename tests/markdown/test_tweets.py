"""Tweet cards: a quote and a post's address become a static card, with no script."""

import socket

import pytest

from conftest import post

URL = "2026/03/quoting/"
STATUS = "https://x.com/ollie_example/status/1896223345718370304"
CARD_POST = post(
    "Quoting",
    body=f"""
    Before.

    > Seven years of the *Workbench* today. Thank you, @vid_example!
    > — 2026-03-01

    {STATUS}

    After.
    """,
)


@pytest.fixture
def no_network(monkeypatch):
    """Any attempt to connect anywhere fails the test: nothing is fetched."""

    def refuse(self, address):
        raise AssertionError(f"the build tried to connect to {address!r}")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket.socket, "connect_ex", refuse)


def test_a_quote_and_a_post_address_become_a_static_card(build_site, no_network):
    site = build_site({"posts/quoting.md": CARD_POST})
    page = site.page(URL)
    (card,) = page.select(".post-body figure.tweet-card")

    quote = card.blockquote
    assert quote["cite"] == STATUS
    assert quote.get_text(" ", strip=True) == (
        "Seven years of the Workbench today. Thank you, @vid_example !"
    )
    assert quote.em.get_text() == "Workbench"  # the quote is Markdown as usual
    assert quote.select_one("a.mention")["href"] == "https://x.com/vid_example"

    caption = card.figcaption
    author = caption.select_one("a.tweet-author")
    assert (author.get_text(), author["href"]) == (
        "@ollie_example",
        "https://x.com/ollie_example",
    )
    assert caption.time["datetime"] == "2026-03-01"
    assert caption.time.get_text() == "1 March 2026"  # the site's DEFAULT_DATE_FORMAT
    link = caption.select_one("a.tweet-link")
    assert (link.get_text(), link["href"]) == ("View on X", STATUS)
    # The address paragraph is gone: it is the card's link now.
    assert STATUS not in page.select_one(".post-body").get_text()

    assert page.select("script[src]") == []
    assert {script.get("type") for script in page.select("script")} == {
        "application/ld+json"
    }
    assert site.messages == []


def test_the_address_may_end_the_quote_and_twitter_com_is_read_as_x(build_site):
    site = build_site(
        {
            "posts/quoting.md": post(
                "Quoting",
                body="""
                > No date this time.
                > https://twitter.com/Sam_Example/status/42?s=20
                """,
            )
        },
        GUEST_SERIES_X_DOMAIN="twitter.com",
    )
    card = site.page(URL).select_one("figure.tweet-card")
    assert card.blockquote.get_text(strip=True) == "No date this time."
    assert card.time is None
    assert (
        card.select_one("a.tweet-link")["href"]
        == "https://twitter.com/Sam_Example/status/42"
    )
    assert card.select_one("a.tweet-link").get_text() == "View on Twitter"


def test_anything_else_stays_as_written(build_site):
    site = build_site(
        {
            "posts/quoting.md": post(
                "Quoting",
                body="""
                > A plain quote.

                Between.

                > A quote with an impossible date.
                > — 2026-02-30

                https://x.com/jo/status/1

                Between.

                > A quote before an address that is not a post's.

                https://x.com/jo-smith/status/1
                """,
            )
        }
    )
    body = site.page(URL).select_one(".post-body")
    cards = body.select("figure.tweet-card")
    assert len(cards) == 1
    assert "— 2026-02-30" in cards[0].blockquote.get_text()  # kept, not lost
    assert cards[0].time is None
    assert len(body.select("blockquote")) == 3
    assert "https://x.com/jo-smith/status/1" in body.get_text()


def test_x_widget_script_loads_only_when_the_site_opts_in(build_site):
    files = {
        "posts/quoting.md": CARD_POST,
        "posts/plain.md": post("Plain", date="2026-03-03 09:00"),
    }
    site = build_site(files, GUEST_SERIES_X_WIDGETS=True)
    page = site.page(URL)
    (script,) = page.select("script[src]")
    assert script["src"] == "https://platform.twitter.com/widgets.js"
    quote = page.select_one("figure.tweet-card blockquote.twitter-tweet")
    # X's script reads the post's address from a link inside the quote.
    assert quote.select_one("a.tweet-link")["href"] == STATUS
    assert site.page("2026/03/plain/").select("script[src]") == []


def test_the_quote_keeps_its_line_breaks(build_site):
    site = build_site(
        {
            "posts/quoting.md": post(
                "Quoting",
                body="> Roses are red,  \n> violets are blue.\n\nhttps://x.com/jo/status/7",
            )
        }
    )
    quote = site.page(URL).select_one("figure.tweet-card blockquote")
    assert quote.br is not None
    assert quote.get_text(" ", strip=True) == "Roses are red, violets are blue."
