"""Unit tests of handles.py: every accepted form, and the rule each bad value breaks."""

import pytest

from guestlist.core.handles import (
    HandleError,
    parse_bluesky,
    parse_mastodon,
    parse_website,
    parse_x,
    website_label,
)


@pytest.mark.parametrize(
    "raw",
    [
        "@jo_smith",
        "jo_smith",
        "  @jo_smith ",
        "https://x.com/jo_smith",
        "https://twitter.com/jo_smith/",
        "http://www.twitter.com/jo_smith?lang=en",
        "https://mobile.x.com/jo_smith",
    ],
)
def test_x_handles_in_every_form_become_one_handle(raw):
    handle = parse_x(raw)
    assert (handle.network, handle.name, handle.text) == ("x", "jo_smith", "@jo_smith")
    assert handle.url == "https://x.com/jo_smith"
    assert handle.network_name == "X"


def test_the_x_domain_is_chosen_by_the_site():
    handle = parse_x("https://x.com/Jo", domain="twitter.com")
    assert handle.url == "https://twitter.com/Jo"
    assert handle.network_name == "Twitter"


@pytest.mark.parametrize(
    "raw, reason",
    [
        ("", "empty"),
        ("@", "empty"),
        ("jo-smith", "contains '-'"),
        ("a" * 16, "16 characters long"),
        ("jo smith", "contains ' '"),
        ("<b>jo</b>", "contains '<'"),
        ("https://example.com/jo", "not x.com or twitter.com"),
        ("https://x.com/jo/status/1", "not a profile's"),
        ("javascript://x.com/jo", "not an http(s) address"),
    ],
)
def test_bad_x_handles_say_which_rule_they_break(raw, reason):
    with pytest.raises(HandleError) as caught:
        parse_x(raw)
    assert reason in caught.value.reason
    assert "1 to 15 letters, digits or underscores" in str(caught.value)


@pytest.mark.parametrize(
    "raw",
    [
        "@jo@social.example",
        "jo@social.example",
        "@jo@Social.Example",
        "https://social.example/@jo",
        "https://social.example/@jo/",
    ],
)
def test_mastodon_handles_in_every_form(raw):
    handle = parse_mastodon(raw)
    assert handle.name == "jo@social.example"
    assert handle.text == "@jo@social.example"
    assert handle.url == "https://social.example/@jo"


@pytest.mark.parametrize(
    "raw, reason",
    [
        ("@jo", "names no server"),
        ("@jo.smith@social.example", "user name 'jo.smith'"),
        ("@" + "a" * 31 + "@social.example", "user name"),
        ("@jo@localhost", "has no dot"),
        ("@jo@social..example", "empty label"),
        ("@jo@-social.example", "starts or ends with a hyphen"),
        ("@jo@10.0.0.1", "starts with a digit"),
        ("@jo@" + "a" * 64 + ".example", "over 63 characters"),
        ("https://social.example/users/jo", "not a profile's"),
    ],
)
def test_bad_mastodon_handles_say_which_rule_they_break(raw, reason):
    with pytest.raises(HandleError) as caught:
        parse_mastodon(raw)
    assert reason in caught.value.reason
    assert "@user@server" in caught.value.rule


@pytest.mark.parametrize(
    "raw",
    [
        "jo.bsky.social",
        "@jo.bsky.social",
        "Jo.Bsky.Social",
        "https://bsky.app/profile/jo.bsky.social",
    ],
)
def test_bluesky_handles_in_every_form(raw):
    handle = parse_bluesky(raw)
    assert handle.name == "jo.bsky.social"
    assert handle.url == "https://bsky.app/profile/jo.bsky.social"


def test_a_bluesky_handle_may_be_253_characters_and_no_more():
    labels = ["a" * 63] * 3 + ["b" * 57]  # 63 * 3 + 57 + 3 dots = 249
    longest = ".".join(labels) + ".com"[: 253 - 249]
    assert len(longest) == 253
    assert parse_bluesky(longest).name == longest
    with pytest.raises(HandleError, match="254 characters long, over 253"):
        parse_bluesky(longest + "m")


@pytest.mark.parametrize(
    "raw, reason",
    [
        ("jo", "has no dot"),
        ("jo.bsky.123social", "starts with a digit"),
        ("jo_smith.bsky.social", "other than a letter, digit or hyphen"),
        ("did:plc:abc123", "DID, not its handle"),
        ("https://bsky.app/jo.bsky.social", "not a profile's"),
    ],
)
def test_bad_bluesky_handles_say_which_rule_they_break(raw, reason):
    with pytest.raises(HandleError) as caught:
        parse_bluesky(raw)
    assert reason in caught.value.reason


def test_websites_are_absolute_http_addresses():
    assert parse_website("https://jo.example.com/notes/") == "https://jo.example.com/notes/"
    assert website_label("https://www.jo.example.com/notes/") == "jo.example.com"
    for bad in (
        "javascript:alert(1)",
        "jo.example.com",
        "https://",
        'https://jo.example.com/"onmouseover=x',
        "https://jo.example.com:port/",
        "ftp://jo.example.com/",
    ):
        with pytest.raises(HandleError):
            parse_website(bad)
