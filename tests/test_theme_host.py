"""The host's handle becomes a link to their profile on the right network."""

import pytest

from guestlist_theme.host import ProfileLink, profile_link


@pytest.mark.parametrize(
    ("handle", "expected"),
    [
        (
            "@ollie_example",
            ProfileLink("@ollie_example", "X", "https://x.com/ollie_example"),
        ),
        (
            "ollie_example",
            ProfileLink("@ollie_example", "X", "https://x.com/ollie_example"),
        ),
        (
            "@ollie@Social.Example",
            ProfileLink(
                "@ollie@social.example", "Mastodon", "https://social.example/@ollie"
            ),
        ),
        (
            "ollie.bsky.social",
            ProfileLink(
                "@ollie.bsky.social",
                "Bluesky",
                "https://bsky.app/profile/ollie.bsky.social",
            ),
        ),
        (
            "@Ollie.Example.com",
            ProfileLink(
                "@ollie.example.com",
                "Bluesky",
                "https://bsky.app/profile/ollie.example.com",
            ),
        ),
    ],
)
def test_each_networks_handle_links_to_its_profile(handle, expected):
    assert profile_link(handle) == expected


@pytest.mark.parametrize(
    "handle",
    [
        "@this_name_is_far_too_long",  # X allows 15 characters
        "@ollie example",
        "ollie.123",  # a Bluesky domain's last label cannot start with a digit
        "@ollie@",
        "<script>",
        "https://x.com/ollie",
    ],
)
def test_anything_else_is_refused_with_the_forms_it_should_take(handle):
    with pytest.raises(ValueError, match="@user@server"):
        profile_link(handle)
