"""The host's handle becomes a link to their profile on the right network."""

import pytest

from guestlist.theme.host import profile_link


@pytest.mark.parametrize(
    ("handle", "expected"),
    [
        (
            "@ollie_example",
            ("@ollie_example", "X", "https://x.com/ollie_example"),
        ),
        (
            "ollie_example",
            ("@ollie_example", "X", "https://x.com/ollie_example"),
        ),
        (
            "@ollie@Social.Example",
            ("@ollie@social.example", "Mastodon", "https://social.example/@ollie"),
        ),
        (
            "ollie.bsky.social",
            ("@ollie.bsky.social", "Bluesky", "https://bsky.app/profile/ollie.bsky.social"),
        ),
        (
            "@Ollie.Example.com",
            ("@ollie.example.com", "Bluesky", "https://bsky.app/profile/ollie.example.com"),
        ),
    ],
)
def test_each_networks_handle_links_to_its_profile(handle, expected):
    link = profile_link(handle)
    assert (link.text, link.network_name, link.url) == expected


def test_a_profile_address_is_read_as_its_handle():
    assert profile_link("https://x.com/ollie_example").text == "@ollie_example"
    assert profile_link("@ollie_example", "twitter.com").url == (
        "https://twitter.com/ollie_example"
    )


@pytest.mark.parametrize(
    "handle",
    [
        "@this_name_is_far_too_long",  # X allows 15 characters
        "@ollie example",
        "ollie.123",  # a Bluesky domain's last label cannot start with a digit
        "@ollie@",
        "<script>",
    ],
)
def test_anything_else_is_refused_with_the_forms_it_should_take(handle):
    with pytest.raises(ValueError, match="@user@server"):
        profile_link(handle)
