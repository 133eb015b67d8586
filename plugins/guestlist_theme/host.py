"""The host's handle, as a link to their profile: X, Mastodon or Bluesky.

The handle forms are the networks' own (see the X, Mastodon and Bluesky
rules in the project's field notes): `@name` on X, `@user@server` on
Mastodon, a domain name on Bluesky.
"""

import re
from dataclasses import dataclass

_X = re.compile(r"@?([A-Za-z0-9_]{1,15})")
_MASTODON = re.compile(r"@?([A-Za-z0-9_]+)@([A-Za-z0-9.-]+\.[A-Za-z]{2,})")
_DOMAIN_LABEL = re.compile(r"[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?")


@dataclass(frozen=True)
class ProfileLink:
    """What the theme shows for a handle: the text, the network and the address."""

    text: str
    network: str
    url: str


def profile_link(handle):
    """The ProfileLink of `handle`; ValueError when it is none of the three forms."""
    text = str(handle).strip()
    if match := _MASTODON.fullmatch(text):
        user, server = match.groups()
        server = server.lower()
        return ProfileLink(f"@{user}@{server}", "Mastodon", f"https://{server}/@{user}")
    if match := _X.fullmatch(text):
        name = match.group(1)
        return ProfileLink(f"@{name}", "X", f"https://x.com/{name}")
    domain = text.removeprefix("@").lower()
    if _is_domain(domain):
        return ProfileLink(f"@{domain}", "Bluesky", f"https://bsky.app/profile/{domain}")
    raise ValueError(
        f"{text!r} is not a handle: write @name for X, @user@server for Mastodon "
        "or name.example.com for Bluesky"
    )


def _is_domain(text):
    labels = text.split(".")
    return (
        len(text) <= 253
        and len(labels) >= 2
        and all(_DOMAIN_LABEL.fullmatch(label) for label in labels)
        and not labels[-1][0].isdigit()
    )
