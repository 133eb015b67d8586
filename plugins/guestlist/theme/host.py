"""The host's handle, as a link to their profile: X, Mastodon or Bluesky.

The theme takes one handle in any of the three networks' forms and reads it
with core's own parsers (so the host's handle follows exactly the
rules guests' handles do); the first network whose rules it meets wins.
"""

from __future__ import annotations

from ..core.handles import Handle, HandleError, parse_bluesky, parse_mastodon, parse_x

FORMS = "write @name for X, @user@server for Mastodon or name.example.com for Bluesky"


def profile_link(handle: object, x_domain: str = "x.com") -> Handle:
    """The Handle of `handle`; ValueError when it is none of the three."""
    for parse in (parse_mastodon, lambda text: parse_x(text, x_domain), parse_bluesky):
        try:
            return parse(handle)
        except HandleError:
            continue
    raise ValueError(f"{str(handle).strip()!r} is not a handle: {FORMS}")
