"""Every kind of page names itself: canonical link, Open Graph, X card, JSON-LD."""

import textwrap

import pytest
from meta_sites import (
    AVATAR,
    HOSTILE_BIO_SHOWN,
    PAGE_KINDS,
    SITE,
    canonical,
    head_tags,
    json_ld,
    shown_title,
    site_files,
)

from guestlist import FEATURES


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    from conftest import run_pelican, write_files

    root = tmp_path_factory.mktemp("meta")
    write_files(root / "content", site_files())
    return run_pelican(root / "content", root / "output", SITEURL=SITE)


@pytest.mark.parametrize(("url", "kind", "og_type"), PAGE_KINDS)
def test_every_kind_of_page_has_its_own_canonical_tags_and_json_ld(
    site, url, kind, og_type
):
    page = site.page(url)
    own = f"{SITE}/{url}"
    tags = head_tags(page)
    data = json_ld(page)

    assert canonical(page) == own  # a later page of a listing names itself
    assert tags["og:url"] == own
    assert tags["og:type"] == og_type
    assert tags["og:title"] and tags["og:description"]
    assert tags["og:site_name"] == "Ollie\u2019s Workbench" or tags["og:site_name"]
    assert tags["twitter:card"] in ("summary", "summary_large_image")
    assert tags["twitter:site"] == "@ollie_example"
    assert data["@context"] == "https://schema.org"
    assert data["@type"] == kind
    assert data["url"] == own


def test_a_post_is_a_blog_posting_with_image_publisher_and_date_modified(site):
    page = site.page("2026/03/desk/")
    data = json_ld(page)
    tags = head_tags(page)

    assert data["headline"] == shown_title(page)
    assert data["datePublished"] == "2026-03-02T09:00:00+00:00"
    assert data["dateModified"] == "2026-03-04T10:00:00+00:00"
    assert tags["article:modified_time"] == "2026-03-04T10:00:00+00:00"
    assert data["publisher"]["@type"] == "Person"
    assert data["publisher"]["name"] == "Ollie Brennan"
    assert data["publisher"]["url"] == f"{SITE}/"
    if "og:image" in tags:  # its social card (guestlist.cards), when that is on
        assert data["image"]["url"] == tags["og:image"] == tags["twitter:image"]
        assert tags["twitter:card"] == "summary_large_image"
    assert data["isPartOf"]["url"] == f"{SITE}/series/birthday-bloggers/"
    assert data["keywords"] == ["guests"]


def test_a_post_without_modified_is_modified_when_published(site):
    data = json_ld(site.page("2026/03/first/"))
    assert data["dateModified"] == data["datePublished"] == "2026-03-01T09:00:00+00:00"
    assert "article:modified_time" not in head_tags(site.page("2026/03/first/"))


def test_a_guest_author_page_is_a_profile_page_of_a_person(site):
    page = site.page("authors/jo-example/")
    data = json_ld(page)
    person = data["mainEntity"]
    tags = head_tags(page)

    assert person["@type"] == "Person"
    assert person["name"] == "Jo Example"
    # The bio as text: what the sanitiser left of it, entities decoded.
    assert person["description"] == HOSTILE_BIO_SHOWN
    assert person["image"] == f"{SITE}/{AVATAR}"
    assert person["sameAs"] == ["https://x.com/jo_example", "https://jo.example.com/"]
    assert tags["og:image"] == f"{SITE}/{AVATAR}"
    assert tags["og:image:alt"] == "Jo Example"
    assert tags["twitter:card"] == "summary"  # an avatar is no wide card


def test_a_series_page_lists_its_posts_in_order(site):
    data = json_ld(site.page("series/birthday-bloggers/"))
    items = data["mainEntity"]
    assert items["@type"] == "ItemList"
    assert items["numberOfItems"] == 2
    assert [
        (item["position"], item["url"], item["name"]) for item in items["itemListElement"]
    ] == [
        (1, f"{SITE}/2026/03/first/", "First"),
        (2, f"{SITE}/2026/03/desk/", shown_title(site.page("2026/03/desk/"))),
    ]
    assert data["description"] == "A week of guests, one a day."


def test_a_later_listing_page_lists_its_own_posts_numbered_on(site):
    data = json_ld(site.page("tags/notes/page/2/"))
    tags = head_tags(site.page("tags/notes/page/2/"))
    positions = [item["position"] for item in data["mainEntity"]["itemListElement"]]
    assert positions == [11, 12]
    assert tags["og:title"] == "Posts tagged \u201cnotes\u201d, page 2"


def test_the_home_page_is_the_website(site):
    data = json_ld(site.page(""))
    assert data["name"] == head_tags(site.page(""))["og:title"]
    assert data["publisher"]["name"] == "Ollie Brennan"
    assert "page/2" in json_ld(site.page("page/2/"))["url"]


def test_hostile_titles_and_bios_reach_the_head_as_text_only(site):
    for url in (
        "2026/03/desk/",
        "authors/jo-example/",
        "series/birthday-bloggers/",
        "about/",
    ):
        html = site.path(url).read_text(encoding="utf-8")
        head = html[: html.index("</head>")]
        assert "<script>alert(1)" not in head, url
        assert "<b>tools</b>" not in head, url
        # One <script> a JSON-LD block (and nothing a guest wrote ends it early).
        assert head.count("</script>") == head.count("<script"), url
    page = site.page("2026/03/desk/")
    # Escaped once: read back whole, the title as the page shows it.
    assert head_tags(page)["og:title"] == shown_title(page)
    assert head_tags(site.page("about/"))["og:title"] == "About \u201cus\u201d & <them>"


def test_the_404_and_redirect_pages_name_no_address_of_their_own(site):
    not_found = site.page("404.html")
    assert canonical(not_found) is None
    assert not not_found.head.select('script[type="application/ld+json"]')
    assert not_found.head.select_one('meta[name="robots"]')["content"] == "noindex"
    moved = site.page("2013/03/jos-desk.html")
    assert canonical(moved) == f"{SITE}/2026/03/desk/"  # the target, as before
    assert not moved.head.select('script[type="application/ld+json"]')


def test_a_development_build_gives_no_relative_canonical_or_og_url(build_site):
    site = build_site(site_files(), SITEURL="")
    for url, kind, _ in PAGE_KINDS:
        page = site.page(url)
        tags = head_tags(page)
        assert canonical(page) is None, url
        assert "og:url" not in tags and "og:image" not in tags, url
        assert tags["og:title"], url
        data = json_ld(page)
        assert data["@type"] == kind and "url" not in data, url


def test_a_stand_in_social_image_is_used_while_the_cards_feature_is_off(
    build_site, tmp_path
):
    # What guestlist.cards sets on each published post, set here by a tiny plugin.
    plugins = tmp_path / "test_plugins"
    plugins.mkdir()
    (plugins / "stand_in_cards.py").write_text(
        textwrap.dedent(
            """
            from dataclasses import dataclass
            from pelican import signals

            @dataclass(frozen=True)
            class SocialImage:
                url: str
                width: int
                height: int
                alt: str

            def give_images(generators, **kwargs):
                # Plugins stay connected for the test run: act only when asked.
                if not generators[0].settings.get("STAND_IN_CARDS"):
                    return
                for article in generators[0].context["articles"]:
                    article.social_image = SocialImage(
                        f"cards/{article.slug}.png", 1200, 630, f"Card: {article.title}"
                    )

            def register():
                signals.all_generators_finalized.connect(give_images)
            """
        ),
        encoding="utf-8",
    )
    from conftest import ROOT

    features = [f"guestlist.{name}" for name in FEATURES if name != "cards"]
    site = build_site(
        site_files(),
        SITEURL=SITE,
        PLUGIN_PATHS=[str(ROOT / "plugins"), str(plugins)],
        PLUGINS=[*features, "stand_in_cards"],
        STAND_IN_CARDS=True,
    )
    tags = head_tags(site.page("2026/03/first/"))
    assert tags["og:image"] == f"{SITE}/cards/first.png"
    assert tags["og:image:width"] == "1200" and tags["og:image:height"] == "630"
    assert tags["og:image:alt"] == tags["twitter:image:alt"] == "Card: First"
    assert tags["twitter:card"] == "summary_large_image"
    assert json_ld(site.page("2026/03/first/"))["image"] == {
        "@type": "ImageObject",
        "url": f"{SITE}/cards/first.png",
        "width": 1200,
        "height": 630,
        "caption": "Card: First",
    }
    # A page with no image is a summary card with no og:image.
    about = head_tags(site.page("about/"))
    assert about["twitter:card"] == "summary" and "og:image" not in about


def test_a_post_shows_its_real_social_card(build_site):
    # The card the guestlist.cards feature draws for each post: 1200×630, wide.
    pytest.importorskip("guestlist.cards")
    features = [f"guestlist.{name}" for name in FEATURES]
    if "cards" not in FEATURES:
        features.append("guestlist.cards")
    site = build_site(site_files(), SITEURL=SITE, PLUGINS=features)
    page = site.page("2026/03/first/")
    tags = head_tags(page)
    card = f"{SITE}/images/cards/first.png"
    assert site.exists("images/cards/first.png")
    assert tags["og:image"] == tags["twitter:image"] == card
    assert (tags["og:image:width"], tags["og:image:height"]) == ("1200", "630")
    assert tags["og:image:alt"] and tags["twitter:card"] == "summary_large_image"
    assert json_ld(page)["image"]["url"] == card


def test_an_svg_avatar_or_none_gives_no_share_image(site):
    # Share previews take no SVG: the host's SVG avatar, and Sam's none, give none.
    for url in ("authors/ollie/", "authors/sam/"):
        tags = head_tags(site.page(url))
        assert "og:image" not in tags and "twitter:image" not in tags, url
        assert "image" not in json_ld(site.page(url))["mainEntity"], url
