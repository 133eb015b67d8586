"""What a feed entry says around the post: where it stands, and who wrote it.

On the site a guest post is framed by its page: the series bar above it, the
guest's box below it. A feed reader shows the post's text alone, so each
entry's text starts with the series line ("Guest #2 in Birthday Bloggers",
the series linked) and ends with the guest's bio and handles. Both are HTML
made here from values the build has already checked and cleaned (the
series' name, the profile's sanitised bio, validated handles), every value
escaped and every link absolute, as the rest of the entry's text.
"""

from __future__ import annotations

from collections.abc import Callable, MutableMapping
from typing import Any

from markupsafe import escape

from .absolute_urls import make_absolute


def series_line(position: Any, absolute: Callable[[str], str]) -> str:
    """`<p>` "Guest #2 in Birthday Bloggers", the name linked to the series' page.

    `absolute` makes a site path absolute. A series of translations has no
    page, and its name is not linked.
    """
    name = escape(position.name)
    if position.url:
        name = f'<a href="{escape(absolute(position.url))}">{name}</a>'
    return f"<p><em>{escape(position.label)} in {name}</em></p>\n"


def about_guest(guest: Any, page_url: str | None, home_url: str) -> str:
    """The guest's name (linked to their page), bio and profile links, after a rule.

    `page_url` is the guest's author page, absolute, or None when the site
    writes none; the bio's own links are made absolute against it, or else
    against `home_url`, the site's home page.
    """
    name = escape(guest.name)
    if page_url:
        name = f'<a href="{escape(page_url)}">{name}</a>'
    parts = ["\n<hr>\n", f"<p><strong>About {name}</strong></p>\n"]
    if guest.bio_html:
        bio = guest.bio_html
        parts.append(make_absolute(bio, page_url or home_url))
        parts.append("\n")
    links = [
        f'<li><a href="{escape(link.url)}">{escape(link.text)}</a></li>'
        for link in guest.links
    ]
    if links:
        parts.append(f"<ul>{''.join(links)}</ul>\n")
    return "".join(parts)


def guest_footer(
    article: Any,
    author_urls: dict[str, str],
    home_url: str,
    known: MutableMapping[int, tuple[Any, str]],
) -> str:
    """The end of `article`'s entry: about its guest, or "" for a post with no profile.

    `known` keeps each guest's text for the rest of the build's entries: a
    guest's many posts share it.
    """
    guest = getattr(article, "guest", None)
    if guest is None:
        return ""
    # By identity: a profile is one object a build (kept beside its text, so
    # that its id stays its own), and identity asks nothing of its fields.
    found = known.get(id(guest))
    if found is None:
        footer = about_guest(guest, author_urls.get(guest.name), home_url)
        found = known[id(guest)] = (guest, footer)
    return found[1]
