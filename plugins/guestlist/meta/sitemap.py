"""The sitemap: every page worth indexing, as Pelican's writer wrote it.

Pages are recorded as the writer reports them (`content_written`), so the
sitemap lists what was written, paginated listings included. Left out: any
page that is not HTML, a redirect page, the 404 page, and any post or page
that is not published (drafts and hidden posts, where a build writes them).
The XML is the same for the same site: addresses sorted, each `lastmod` the
date (or `Modified`) of the page's content, never the time of the build.
"""

from __future__ import annotations

import datetime
import os
from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass
from typing import Any
from urllib.parse import quote
from xml.sax.saxutils import escape

from .text import url_of_file

# Characters an address may keep as they are; anything else is percent-encoded.
_URL_SAFE = "/:@!$&'()*+,;=-._~%?#[]"
# Direct templates whose pages are not for search engines.
UNINDEXED_TEMPLATES = ("404",)


@dataclass(frozen=True, slots=True)
class SitemapEntry:
    url: str  # site-relative
    lastmod: datetime.datetime | None


def entry_for(
    path: str,
    output_path: str,
    context: Mapping[str, Any],
    unindexed: Collection[str] = (),
) -> SitemapEntry | None:
    """The sitemap entry of a page written to `path`, or None to leave it out.

    `output_path` is absolute and normal, as the writer joins it to each page's
    path; `unindexed`: the paths of pages not for search engines (the 404 page).
    """
    if not path.endswith(".html"):
        return None
    folder = os.path.join(output_path, "")
    if not path.startswith(folder):  # the writer joins the output folder and the path
        return None
    relative = path[len(folder) :].replace(os.sep, "/")
    if "redirect" in context or relative in unindexed:
        return None
    content = context.get("article") or context.get("page")
    if content is not None:
        if getattr(content, "status", "published") != "published":
            return None
        return SitemapEntry(str(content.url), _changed(content))
    listing = context.get("articles_page")
    if listing is not None:
        return SitemapEntry(str(listing.url), _newest(listing.object_list))
    series = context.get("series")
    posts = series.articles if series is not None else context.get("articles") or ()
    return SitemapEntry(url_of_file(relative), _newest(posts))


def sitemap_xml(site_url: str, entries: Iterable[SitemapEntry]) -> str:
    """The sitemap's XML (sitemaps.org 0.9), one <url> per address, sorted."""
    unique = {entry.url: entry for entry in entries}
    lines = [
        '<?xml version="1.0" encoding="utf-8"?>',
        '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">',
    ]
    for url in sorted(unique):
        address = quote(f"{site_url}/{url.lstrip('/')}", safe=_URL_SAFE)
        lines += ["  <url>", f"    <loc>{escape(address)}</loc>"]
        lastmod = unique[url].lastmod
        if lastmod is not None:
            lines.append(f"    <lastmod>{lastmod.isoformat()}</lastmod>")
        lines.append("  </url>")
    lines.append("</urlset>")
    return "\n".join(lines) + "\n"


def _changed(content: Any) -> datetime.datetime | None:
    return getattr(content, "modified", None) or getattr(content, "date", None)


def _newest(posts: Iterable[Any]) -> datetime.datetime | None:
    dates = [date for date in map(_changed, posts) if date is not None]
    return max(dates) if dates else None
