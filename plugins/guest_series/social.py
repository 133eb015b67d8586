"""Social and structured-data meta for an article's `<head>`.

Built in Python, once per article, from values that are already validated:
X card and Open Graph tags (the template escapes their content), the
`fediverse:creator` tag, and JSON-LD `BlogPosting` naming the guest as author,
the host as editor and, for a series post, the series it is part of.
"""

import json
from dataclasses import dataclass, field

from markupsafe import Markup

from .tweets import has_tweet_cards

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


@dataclass(frozen=True)
class MetaTag:
    """<meta {attribute}="{key}" content="{content}">."""

    attribute: str  # "name" or "property"
    key: str
    content: str


@dataclass(frozen=True)
class ArticleSocial:
    """What `partials/social_meta.html` puts in an article's head."""

    tags: list = field(default_factory=list)
    json_ld: str = ""  # safe to put between <script> tags as it is
    x_widgets: bool = False  # load X's widget script (the site opted in)


def script_safe_json(data):
    """`data` as JSON that cannot close or break out of a <script> element."""
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")).translate(
        _SCRIPT_SAFE
    )


def attach_social_meta(generator, content, **kwargs):
    """Give `content` its head meta just before Pelican writes its page.

    Not earlier, while the site is read: an article's summary is worked out
    (and memoised) on first use, and asking for it before the static files
    are known would leave its `{static}` links unresolved for good.
    """
    context = generator.context
    content.social = article_social(
        content,
        generator.settings,
        context.get("guest_profiles", {}),
        context.get("guest_author_urls", {}),
    )


def article_social(article, settings, profiles, author_urls):
    """The head meta of `article` (guest profile and series already attached).

    `profiles` maps names to GuestProfile (to describe the host); `author_urls`
    maps author names to their author page's URL, for authors who have one.
    """
    site_url = (settings.get("SITEURL") or "").rstrip("/")

    def absolute(url):
        return f"{site_url}/{url}" if url is not None else None

    url = absolute(article.url)
    title = str(article.title or "")
    description = Markup(article.summary or "").striptags()
    guest = getattr(article, "guest", None)
    author_name = article.author.name if getattr(article, "author", None) else None
    author_url = absolute(author_urls.get(author_name))
    x_creator = getattr(article, "guest_x", None)
    mastodon = guest.mastodon if guest else None

    tags = [MetaTag("name", "twitter:card", "summary")]
    if settings.get("GUEST_SERIES_SITE_X_HANDLE"):
        tags.append(MetaTag("name", "twitter:site", settings["GUEST_SERIES_SITE_X_HANDLE"]))
    if x_creator:
        tags.append(MetaTag("name", "twitter:creator", x_creator.text))
    tags += [
        MetaTag("property", "og:type", "article"),
        MetaTag("property", "og:title", title),
        MetaTag("property", "og:url", url),
    ]
    if description:
        tags.append(MetaTag("property", "og:description", description))
    if settings.get("SITENAME"):
        tags.append(MetaTag("property", "og:site_name", str(settings["SITENAME"])))
    tags.append(MetaTag("property", "article:published_time", article.date.isoformat()))
    if getattr(article, "modified", None):
        tags.append(
            MetaTag("property", "article:modified_time", article.modified.isoformat())
        )
    if author_url:
        tags.append(MetaTag("property", "article:author", author_url))
    if mastodon:
        tags.append(MetaTag("name", "fediverse:creator", mastodon.text))

    posting = {
        "@context": "https://schema.org",
        "@type": "BlogPosting",
        "headline": title,
        "url": url,
        "mainEntityOfPage": url,
        "datePublished": article.date.isoformat(),
    }
    if getattr(article, "modified", None):
        posting["dateModified"] = article.modified.isoformat()
    if description:
        posting["description"] = description
    if author_name:
        posting["author"] = _person(author_name, author_url, guest)
    position = getattr(article, "series", None)
    host = (position.host if position else None) or settings.get("AUTHOR")
    if host and host != author_name:
        posting["editor"] = _person(
            host, absolute(author_urls.get(host)), profiles.get(host)
        )
    if position:
        posting["isPartOf"] = {
            "@type": "CreativeWorkSeries",
            "name": position.name,
            "url": absolute(position.url),
        }
        posting["position"] = position.number

    return ArticleSocial(
        tags=tags,
        json_ld=script_safe_json(posting),
        x_widgets=bool(settings.get("GUEST_SERIES_X_WIDGETS"))
        and has_tweet_cards(article._content),
    )


def _person(name, url, profile):
    person = {"@type": "Person", "name": name}
    if url:
        person["url"] = url
    if profile and profile.same_as:
        person["sameAs"] = profile.same_as
    return person
