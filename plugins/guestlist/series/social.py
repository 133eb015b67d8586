"""Social and structured-data meta for an article's `<head>`.

Built in Python, once per article, from values that are already validated:
X card and Open Graph tags (the template escapes their content), the
`fediverse:creator` tag, and JSON-LD `BlogPosting` naming the guest as author,
the host as editor and, for a series post, the series it is part of.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from markupsafe import Markup

from ..core.markers import has_tweet_cards

if TYPE_CHECKING:
    from .model import GuestProfile

# Characters that could end the <script> element or start markup inside it,
# written as JSON escapes (JSON readers decode them back).
_SCRIPT_SAFE = str.maketrans(
    {
        "<": "\\u003c",
        ">": "\\u003e",
        "&": "\\u0026",
        "\u2028": "\\u2028",
        "\u2029": "\\u2029",
    }
)


@dataclass(frozen=True, slots=True)
class MetaTag:
    """<meta {attribute}="{key}" content="{content}">."""

    attribute: str  # "name" or "property"
    key: str
    content: str


def script_safe_json(data: Any) -> str:
    """`data` as JSON that cannot close or break out of a <script> element."""
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")).translate(
        _SCRIPT_SAFE
    )


def attach_social_meta(generator: Any, content: Any, **kwargs: Any) -> None:
    """Give `content` its head meta just before Pelican writes its page.

    Not earlier, while the site is read: an article's summary is worked out
    (and memoised) on first use, and asking for it before the static files
    are known would leave its `{static}` links unresolved for good.
    """
    context = generator.context
    content.social = ArticleSocial(
        content,
        generator.settings,
        context.get("guest_profiles", {}),
        context.get("guest_author_urls", {}),
    )


class ArticleSocial:
    """What `partials/social_meta.html` puts in an article's head.

    Each part is worked out when the template asks for it and not kept: every
    article keeps its `social` until the build ends, and finished tags and
    JSON-LD kept for pages long written would grow with the blog. What both
    say of the article (its address costs Pelican a format each time) is
    worked out once, for the tags, and let go by the JSON-LD, which the
    template asks for last.
    `profiles` maps names to GuestProfile (to describe the host); `author_urls`
    maps author names to their author page's URL, for authors who have one.
    """

    __slots__ = ("_facts_for_page", "article", "author_urls", "profiles", "settings")

    def __init__(
        self,
        article: Any,
        settings: Mapping[str, Any],
        profiles: Mapping[str, GuestProfile],
        author_urls: Mapping[str, str],
    ) -> None:
        self.article = article
        self.settings = settings
        self.profiles = profiles
        self.author_urls = author_urls
        self._facts_for_page = None

    @property
    def tags(self) -> list[MetaTag]:
        """The <meta> tags: X card, Open Graph, article and fediverse ones."""
        article, settings = self.article, self.settings
        facts = self._facts()
        tags = [MetaTag("name", "twitter:card", "summary")]
        if settings.get("GUEST_SERIES_SITE_X_HANDLE"):
            tags.append(
                MetaTag("name", "twitter:site", settings["GUEST_SERIES_SITE_X_HANDLE"])
            )
        x_creator = getattr(article, "guest_x", None)
        if x_creator:
            tags.append(MetaTag("name", "twitter:creator", x_creator.text))
        tags += [
            MetaTag("property", "og:type", "article"),
            MetaTag("property", "og:title", facts.title),
            MetaTag("property", "og:url", facts.url),
        ]
        if facts.description:
            tags.append(MetaTag("property", "og:description", facts.description))
        if settings.get("SITENAME"):
            tags.append(MetaTag("property", "og:site_name", str(settings["SITENAME"])))
        tags.append(MetaTag("property", "article:published_time", article.date.isoformat()))
        if getattr(article, "modified", None):
            tags.append(
                MetaTag("property", "article:modified_time", article.modified.isoformat())
            )
        if facts.author_url:
            tags.append(MetaTag("property", "article:author", facts.author_url))
        mastodon = facts.guest.mastodon if facts.guest else None
        if mastodon:
            tags.append(MetaTag("name", "fediverse:creator", mastodon.text))
        return tags

    @property
    def json_ld(self) -> str:
        """JSON-LD `BlogPosting`, safe to put between <script> tags as it is."""
        article, settings = self.article, self.settings
        facts = self._facts()
        self._facts_for_page = None  # the template's last use of them
        posting = {
            "@context": "https://schema.org",
            "@type": "BlogPosting",
            "headline": facts.title,
            "url": facts.url,
            "mainEntityOfPage": facts.url,
            "datePublished": article.date.isoformat(),
        }
        if getattr(article, "modified", None):
            posting["dateModified"] = article.modified.isoformat()
        if facts.description:
            posting["description"] = facts.description
        if facts.author_name:
            posting["author"] = _person(facts.author_name, facts.author_url, facts.guest)
        position = getattr(article, "series", None)
        host = (position.host if position else None) or settings.get("AUTHOR")
        if host and host != facts.author_name:
            posting["editor"] = _person(
                host, self._absolute(self.author_urls.get(host)), self.profiles.get(host)
            )
        if position:
            posting["isPartOf"] = {"@type": "CreativeWorkSeries", "name": position.name}
            if position.url:  # a series of translations has no page of its own
                posting["isPartOf"]["url"] = self._absolute(position.url)
            posting["position"] = position.number
        return script_safe_json(posting)

    @property
    def x_widgets(self) -> bool:
        """Whether to load X's widget script: the site opted in and the post
        has a tweet card."""
        return bool(self.settings.get("GUEST_SERIES_X_WIDGETS")) and has_tweet_cards(
            self.article._content
        )

    def _absolute(self, url):
        site_url = (self.settings.get("SITEURL") or "").rstrip("/")
        return f"{site_url}/{url}" if url is not None else None

    def _facts(self):
        if self._facts_for_page is None:
            self._facts_for_page = self._work_out_facts()
        return self._facts_for_page

    def _work_out_facts(self):
        article = self.article
        author_name = article.author.name if getattr(article, "author", None) else None
        return _Facts(
            title=str(article.title or ""),
            url=self._absolute(article.url),
            description=Markup(article.summary or "").striptags(),
            author_name=author_name,
            author_url=self._absolute(self.author_urls.get(author_name)),
            guest=getattr(article, "guest", None),
        )


@dataclass(frozen=True, slots=True)
class _Facts:
    """What both the tags and the JSON-LD say of the article."""

    title: str
    url: str
    description: str
    author_name: str | None
    author_url: str | None
    guest: object  # its GuestProfile, or None


def _person(name, url, profile):
    person = {"@type": "Person", "name": name}
    if url:
        person["url"] = url
    if profile and profile.same_as:
        person["sameAs"] = profile.same_as
    return person
