"""Each kind of page described once: its title, address, description, image, JSON-LD.

`describe` is the one place that decides a page's head meta. It is called
once a page, from the head partial, with the template variables that tell
the kinds apart (`article`, `page`, `series`, `author`, `tag` …), so a
page's key (build/keys.py) covers everything its meta depends on.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from typing import TYPE_CHECKING, Any

from jinja2 import Undefined
from markupsafe import Markup

from ..core.markers import has_tweet_cards
from .json_ld import image_object, item_list, script_safe_json, thing, top
from .model import Image, MetaTag, PageFacts, PageMeta
from .open_graph import open_graph_tags
from .text import html_text, plain_text, shorten, url_of_file
from .x_cards import x_card_tags

if TYPE_CHECKING:
    from .site import SiteFacts

# Avatars a share preview can show: X and Open Graph readers take no SVG.
RASTER_IMAGES = (".png", ".jpg", ".jpeg", ".gif", ".webp")
# Pages that get no meta: the 404 page is served at any missing address, so
# it has no address of its own to name.
UNDESCRIBED_PAGES = frozenset({"404"})


def describe(site: SiteFacts, variables: Mapping[str, Any]) -> PageMeta | None:
    """The PageMeta of one page, from its template variables; None: no meta."""
    given = {
        name: value
        for name, value in variables.items()
        if value is not None and not isinstance(value, Undefined)
    }
    facts = _facts(site, given)
    if facts is None:
        return None
    content = given.get("article") or given.get("page")
    x_widgets = (
        site.x_widgets
        and content is not None
        and has_tweet_cards(getattr(content, "_content", None))
    )
    return PageMeta(
        canonical=facts.url,
        tags=(
            *x_card_tags(facts, site.x_handle),
            *open_graph_tags(facts, site.name),
            *facts.own_tags,
        ),
        json_ld=Markup(script_safe_json(facts.json_ld)),
        x_widgets=bool(x_widgets),
    )


def _facts(site: SiteFacts, given: dict[str, Any]) -> PageFacts | None:
    template = site.direct_pages.get(str(given.get("page_name", "")))
    if "redirect" in given or template in UNDESCRIBED_PAGES:
        return None  # a redirect page names its target itself
    for name, describer in _DESCRIBERS:
        if name in given:
            return describer(site, given[name], given)
    if template == "index":
        return _home(site, given)
    if template in _LISTINGS:
        title, description = _LISTINGS[template]
        return _collection(site, given, title, description.format(site=site.name), None)
    return _other_page(site, given)


# Posts and pages.


def _article(site: SiteFacts, article: Any, given: dict[str, Any]) -> PageFacts:
    title = plain_text(article.title)
    url = site.absolute(article.url)
    description = html_text(article.summary)
    author = getattr(article, "author", None)
    author_name = getattr(author, "name", None)
    guest = getattr(article, "guest", None)
    image = _social_image(site, article, title)
    modified = getattr(article, "modified", None)
    position = getattr(article, "series", None)
    posting = {
        "headline": title,
        "name": title,
        "url": url,
        "mainEntityOfPage": url,
        "datePublished": article.date.isoformat(),
        "dateModified": (modified or article.date).isoformat(),
        "description": description,
        "inLanguage": getattr(article, "lang", None),
        "image": image_object(image),
        "author": site.person(author_name, guest) if author_name else None,
        "publisher": site.publisher,
        "keywords": [str(tag) for tag in getattr(article, "tags", None) or ()],
    }
    host = (position.host if position else None) or site.host
    if host and host != author_name:
        posting["editor"] = site.person(host)
    if position:
        posting["isPartOf"] = thing(
            "CreativeWorkSeries",
            name=plain_text(position.name),
            url=site.absolute(position.url),
        )
        posting["position"] = position.number
    own = [MetaTag("property", "article:published_time", article.date.isoformat())]
    if modified:
        own.append(MetaTag("property", "article:modified_time", modified.isoformat()))
    author_url = site.absolute(site.author_urls.get(author_name))
    if author_url:
        own.append(MetaTag("property", "article:author", author_url))
    own += [MetaTag("property", "article:tag", str(tag)) for tag in posting["keywords"]]
    x_creator = getattr(article, "guest_x", None)
    if x_creator:
        own.append(MetaTag("name", "twitter:creator", x_creator.text))
    mastodon = getattr(guest, "mastodon", None)
    if mastodon:
        own.append(MetaTag("name", "fediverse:creator", mastodon.text))
    return PageFacts(
        title=title,
        description=description,
        url=url,
        og_type="article",
        json_ld=top("BlogPosting", **posting),
        image=image,
        own_tags=tuple(own),
    )


def _page(site: SiteFacts, page: Any, given: dict[str, Any]) -> PageFacts:
    title = plain_text(page.title)
    url = site.absolute(page.url)
    description = html_text(getattr(page, "summary", None)) or site.description
    image = _social_image(site, page, title)
    modified = getattr(page, "modified", None)
    return PageFacts(
        title=title,
        description=description,
        url=url,
        og_type="website",
        json_ld=top(
            "WebPage",
            name=title,
            url=url,
            description=description,
            inLanguage=getattr(page, "lang", None),
            dateModified=modified.isoformat() if modified else None,
            image=image_object(image),
            isPartOf=site.website(),
        ),
        image=image,
    )


def _social_image(site: SiteFacts, content: Any, title: str) -> Image | None:
    """The post's social card or own image, set by the cards feature (if it is on)."""
    found = getattr(content, "social_image", None)
    url = site.absolute(getattr(found, "url", None))
    if url is None:
        return None
    return Image(
        url=url,
        alt=plain_text(getattr(found, "alt", None)) or title,
        width=getattr(found, "width", None),
        height=getattr(found, "height", None),
        large=True,
    )


# Series, guests and listings.


def _series(site: SiteFacts, series: Any, given: dict[str, Any]) -> PageFacts:
    name = plain_text(series.name)
    url = site.absolute(series.url)
    text = html_text(series.description_html)
    description = shorten(text) if text else name
    posts = item_list(
        (site.absolute(article.url), plain_text(article.title))
        for article in series.articles
    )
    return PageFacts(
        title=name,
        description=description,
        url=url,
        og_type="website",
        json_ld=top(
            "CollectionPage",
            name=name,
            url=url,
            description=description,
            about=thing("CreativeWorkSeries", name=name, url=url),
            mainEntity=posts,
            isPartOf=site.website(),
        ),
    )


def _series_list(site: SiteFacts, all_series: Any, given: dict[str, Any]) -> PageFacts:
    url = site.absolute(url_of_file(str(given.get("output_file", ""))))
    description = f"Every guest series on {site.name}"
    listed = item_list(
        (site.absolute(series.url), plain_text(series.name)) for series in all_series
    )
    return PageFacts(
        title="Series",
        description=description,
        url=url,
        og_type="website",
        json_ld=top(
            "CollectionPage",
            name="Series",
            url=url,
            description=description,
            mainEntity=listed,
            isPartOf=site.website(),
        ),
    )


def _author(site: SiteFacts, author: Any, given: dict[str, Any]) -> PageFacts:
    name = plain_text(author.name)
    listing = given.get("articles_page")
    url = site.absolute(listing.url if listing is not None else author.url)
    guest = getattr(author, "guest", None)
    bio = html_text(getattr(guest, "bio_html", None))
    description = shorten(bio) if bio else f"Posts by {name} on {site.name}"
    avatar = str(getattr(guest, "avatar", None) or "")
    image = None
    if avatar.lower().endswith(RASTER_IMAGES) and site.url:
        image = Image(url=site.absolute(avatar), alt=name)
    person = thing(
        "Person",
        name=name,
        url=site.absolute(author.url),
        description=bio,
        image=image.url if image else None,
        sameAs=list(guest.same_as) if guest is not None else None,
    )
    title = _numbered(name, listing)
    return PageFacts(
        title=title,
        description=description,
        url=url,
        og_type="profile",
        json_ld=top(
            "ProfilePage",
            name=title,
            url=url,
            description=description,
            mainEntity=person,
            isPartOf=site.website(),
        ),
        image=image,
    )


def _tag(site: SiteFacts, tag: Any, given: dict[str, Any]) -> PageFacts:
    name = plain_text(tag.name)
    return _collection(
        site,
        given,
        f"Posts tagged “{name}”",
        f"Posts on {site.name} tagged “{name}”",
        tag.url,
    )


def _category(site: SiteFacts, category: Any, given: dict[str, Any]) -> PageFacts:
    name = plain_text(category.name)
    return _collection(
        site,
        given,
        name,
        f"Every post on {site.name} in {name}, newest first",
        category.url,
    )


def _period(site: SiteFacts, period: Any, given: dict[str, Any]) -> PageFacts:
    when = " ".join(str(part) for part in period)
    return _collection(
        site, given, f"Archives: {when}", f"Posts on {site.name} from {when}", None
    )


def _home(site: SiteFacts, given: dict[str, Any]) -> PageFacts:
    listing = given.get("articles_page")
    if listing is not None and listing.number > 1:
        return _collection(
            site, given, "Posts", f"Posts on {site.name}, newest first", listing.url
        )
    url = site.absolute(listing.url if listing is not None else "")
    return PageFacts(
        title=site.name,
        description=site.description,
        url=url,
        og_type="website",
        json_ld=top(
            "WebSite",
            name=site.name,
            url=url,
            description=site.description,
            inLanguage=site.lang,
            publisher=site.publisher,
        ),
    )


def _collection(
    site: SiteFacts,
    given: dict[str, Any],
    title: str,
    description: str,
    first_url: str | None,
) -> PageFacts:
    """A listing of posts: CollectionPage, with the posts of this page in order."""
    listing = given.get("articles_page")
    if listing is not None:
        own_url = listing.url
    elif first_url is not None:
        own_url = first_url
    else:
        own_url = url_of_file(str(given.get("output_file", "")))
    url = site.absolute(own_url)
    title = _numbered(title, listing)
    posts = None
    if listing is not None:
        posts = item_list(_named_posts(site, listing.object_list), listing.start_index())
    return PageFacts(
        title=title,
        description=description,
        url=url,
        og_type="website",
        json_ld=top(
            "CollectionPage",
            name=title,
            url=url,
            description=description,
            mainEntity=posts,
            isPartOf=site.website(),
        ),
    )


def _other_page(site: SiteFacts, given: dict[str, Any]) -> PageFacts:
    """A page of a kind not known here (a TEMPLATE_PAGES page): a WebPage."""
    url = site.absolute(url_of_file(str(given.get("output_file", ""))))
    return PageFacts(
        title=site.name,
        description=site.description,
        url=url,
        og_type="website",
        json_ld=top("WebPage", name=site.name, url=url, isPartOf=site.website()),
    )


def _named_posts(site: SiteFacts, posts: Iterable[Any]) -> list[tuple[str | None, str]]:
    return [(site.absolute(post.url), plain_text(post.title)) for post in posts]


def _numbered(title: str, listing: Any) -> str:
    """A later page of a listing says which page it is."""
    if listing is not None and listing.number > 1:
        return f"{title}, page {listing.number}"
    return title


# The variable that tells each kind apart, in the order they are tried: a
# post's page also has its `category`, so posts and pages come first.
_DESCRIBERS: tuple[tuple[str, Callable[[SiteFacts, Any, dict], PageFacts]], ...] = (
    ("article", _article),
    ("page", _page),
    ("series", _series),
    ("all_series", _series_list),
    ("author", _author),
    ("tag", _tag),
    ("category", _category),
    ("period", _period),
)
# Pelican's direct templates but the home page: (title, description).
_LISTINGS = {
    "tags": ("Tags", "Every tag on {site}, with the number of posts under it"),
    "authors": ("Guests", "Every guest who has written on {site}"),
    "archives": ("Archives", "Every post on {site}, newest first"),
    "categories": ("Categories", "Every category on {site}"),
}
