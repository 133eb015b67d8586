"""The redirect maps servers read: Netlify's `_redirects` and an nginx `map`."""

from __future__ import annotations

from collections.abc import Sequence
from urllib.parse import quote

from .paths import Redirect


def netlify_map(redirects: Sequence[Redirect]) -> str:
    """Netlify's `_redirects`: one `old new 301` line a redirect."""
    lines = ["# Old addresses and where they forward to, from each post's Redirect_from."]
    lines += [
        f"{quote(redirect.old_path)}  {quote(redirect.target_url)}  301"
        for redirect in sorted(redirects, key=lambda item: item.old_path)
    ]
    return "\n".join(lines) + "\n"


def nginx_map(redirects: Sequence[Redirect]) -> str:
    """An nginx `map` from old paths to new ones (see docs/publishing.md)."""
    lines = [
        "# Old addresses and where they forward to, from each post's Redirect_from.",
        "# In nginx's http block: include this file; in the server block:",
        "#     if ($guestlist_redirect) { return 301 $guestlist_redirect; }",
        "map $uri $guestlist_redirect {",
    ]
    lines += [
        f'    "{redirect.old_path}" "{redirect.target_url}";'
        for redirect in sorted(redirects, key=lambda item: item.old_path)
    ]
    lines.append("}")
    return "\n".join(lines) + "\n"


MAPS = (
    ("GUEST_SERIES_REDIRECTS_NETLIFY_SAVE_AS", netlify_map),
    ("GUEST_SERIES_REDIRECTS_NGINX_SAVE_AS", nginx_map),
)
