"""What every page's head says of the site, worked out once a build.

A `SiteFacts` is put in the context as `guest_site_meta` once every
generator has read its content: plain data (names, addresses, the
publisher), so that a page's key covers it, and the one place templates ask
for a page's meta (`guest_site_meta.page(...)`, pages.py).
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit

from .json_ld import thing
from .pages import describe
from .text import absolute

# Where a build keeps its SiteFacts in the templates' context.
CONTEXT_NAME = "guest_site_meta"


def absolute_site_url(settings: Mapping[str, Any]) -> str:
    """SITEURL without its trailing slash if it is an absolute http(s) address, else ""."""
    site_url = str(settings.get("SITEURL") or "")
    parts = urlsplit(site_url)
    if parts.scheme in ("http", "https") and parts.netloc:
        return site_url.rstrip("/")
    return ""


@dataclass(frozen=True)
class SiteFacts:
    """The site as its pages' meta names it; `page()` describes one page."""

    url: str  # SITEURL, absolute, without a trailing slash; "" in a development build
    name: str
    description: str
    lang: str
    x_handle: str | None  # the site's own X handle (twitter:site)
    x_widgets: bool  # GUEST_SERIES_X_WIDGETS
    host: str | None  # THEME_HOST_NAME, or AUTHOR: the editor of guests' posts
    publisher: dict[str, Any]  # JSON-LD Person (the host) or Organization (the site)
    author_urls: Mapping[str, str] = field(default_factory=dict)  # name -> author page
    same_as: Mapping[str, tuple[str, ...]] = field(default_factory=dict)  # name -> links
    # Pelican's page_name of each direct template's page ("tags/index") -> "tags".
    direct_pages: Mapping[str, str] = field(default_factory=dict)

    def absolute(self, url: Any) -> str | None:
        """The absolute address of a site-relative URL; None in a development build."""
        return absolute(self.url, url)

    def person(self, name: str, profile: Any = None) -> dict[str, Any]:
        """JSON-LD Person for an author or host: their author page and profiles."""
        same_as = list(profile.same_as) if profile is not None else None
        return thing(
            "Person",
            name=name,
            url=self.absolute(self.author_urls.get(name)),
            sameAs=same_as if same_as is not None else list(self.same_as.get(name, ())),
        )

    def website(self) -> dict[str, Any]:
        """The WebSite a page is part of."""
        return thing("WebSite", name=self.name, url=self.absolute(""))

    def page(self, **variables: Any) -> Any:
        """The PageMeta of the page whose template variables these are, or None."""
        return describe(self, variables)


def site_facts(settings: Mapping[str, Any], context: Mapping[str, Any]) -> SiteFacts:
    """The build's SiteFacts, from its settings and what the series feature found."""
    site_url = absolute_site_url(settings)
    profiles = context.get("guest_profiles") or {}
    author_urls = dict(context.get("guest_author_urls") or {})
    same_as = {name: tuple(profile.same_as) for name, profile in sorted(profiles.items())}
    host = settings.get("THEME_HOST_NAME") or settings.get("AUTHOR")
    name = str(settings.get("SITENAME") or "")
    if host:
        host_link = getattr(settings.get("THEME_HOST_LINK"), "url", None)
        links = list(same_as.get(host, ()))
        if host_link and host_link not in links:
            links.insert(0, host_link)
        publisher = thing(
            "Person", name=str(host), url=absolute(site_url, ""), sameAs=links
        )
    else:
        publisher = thing("Organization", name=name, url=absolute(site_url, ""))
    return SiteFacts(
        url=site_url,
        name=name,
        description=str(settings.get("SITESUBTITLE") or name),
        lang=str(settings.get("DEFAULT_LANG") or ""),
        x_handle=settings.get("GUEST_SERIES_SITE_X_HANDLE") or None,
        x_widgets=bool(settings.get("GUEST_SERIES_X_WIDGETS")),
        host=str(host) if host else None,
        publisher=publisher,
        author_urls=author_urls,
        same_as=same_as,
        direct_pages=direct_pages(settings),
    )


def direct_pages(settings: Mapping[str, Any]) -> dict[str, str]:
    """The page_name Pelican gives each direct template's page, mapped to the template."""
    pages = {}
    for template in settings.get("DIRECT_TEMPLATES") or ():
        save_as = settings.get(f"{template.upper()}_SAVE_AS", f"{template}.html")
        if save_as:
            pages[os.path.splitext(save_as)[0]] = template
    return pages
