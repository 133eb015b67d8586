"""sitemap.xml lists every page worth indexing; robots.txt points at it."""

import xml.etree.ElementTree as ElementTree

import pytest
from meta_sites import SITE, site_files

from conftest import post

NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}


def sitemap(site):
    root = ElementTree.fromstring(site.path("sitemap.xml").read_bytes())
    assert root.tag == "{http://www.sitemaps.org/schemas/sitemap/0.9}urlset"
    return {
        url.findtext("s:loc", namespaces=NS): url.findtext("s:lastmod", namespaces=NS)
        for url in root.findall("s:url", NS)
    }


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    from conftest import run_pelican, write_files

    root = tmp_path_factory.mktemp("sitemap")
    write_files(root / "content", site_files())
    return run_pelican(root / "content", root / "output", SITEURL=SITE)


def test_the_sitemap_lists_every_post_page_and_listing(site):
    listed = sitemap(site)
    expected = [
        "",
        "page/2/",
        "2026/03/desk/",
        "2026/03/first/",
        "2026/03/own/",
        "2026/02/note-01/",
        "about/",
        "series/",
        "series/birthday-bloggers/",
        "authors/",
        "authors/jo-example/",
        "authors/sam/",
        "tags/",
        "tags/guests/",
        "tags/notes/",
        "tags/notes/page/2/",
        "archives/",
    ]
    for url in expected:
        assert f"{SITE}/{url}" in listed, url
    assert list(listed) == sorted(listed)  # the same bytes for the same site
    # Every page the theme wrote is listed, but the ones left out on purpose.
    pages = {f"{SITE}/{path.removesuffix('index.html')}" for path in site.pages()}
    assert pages - set(listed) == {
        f"{SITE}/404.html",
        f"{SITE}/drafts/draft-post/",
        f"{SITE}/2026/03/hidden-post/",
    }


def test_the_sitemap_leaves_out_redirects_drafts_hidden_posts_and_the_404_page(site):
    listed = " ".join(sitemap(site))
    assert site.exists("2013/03/jos-desk.html")  # the redirect page is written …
    assert "jos-desk" not in listed  # … and not listed
    assert "hidden-post" not in listed and "draft-post" not in listed
    assert "404" not in listed


def test_lastmod_is_the_contents_date_never_the_builds(site):
    listed = sitemap(site)
    assert listed[f"{SITE}/2026/03/desk/"] == "2026-03-04T10:00:00+00:00"  # Modified
    assert listed[f"{SITE}/2026/03/first/"] == "2026-03-01T09:00:00+00:00"
    # A listing: its newest post; the series page: its newest post (the modified one).
    assert listed[f"{SITE}/"] == "2026-03-05T09:00:00+00:00"
    assert listed[f"{SITE}/series/birthday-bloggers/"] == "2026-03-04T10:00:00+00:00"
    assert listed[f"{SITE}/about/"] is None


def test_robots_txt_names_the_sitemap_by_its_absolute_address(site):
    text = site.path("robots.txt").read_text(encoding="utf-8")
    assert text == f"User-agent: *\nDisallow:\n\nSitemap: {SITE}/sitemap.xml\n"


def test_a_development_build_writes_neither(build_site):
    site = build_site(site_files(), SITEURL="")
    assert site.exists("index.html")
    assert not site.exists("sitemap.xml") and not site.exists("robots.txt")


def test_an_address_with_xml_characters_is_escaped_in_the_sitemap(build_site):
    site = build_site(
        {"posts/a.md": post("A", URL="a&b/", Save_as="a&b/index.html")}, SITEURL=SITE
    )
    assert site.errors == []  # the lint lets such an address through
    assert f"{SITE}/a&b/" in sitemap(site)  # parsed back: it was escaped


def test_no_sitemap_setting_leaves_robots_txt_without_a_sitemap_line(build_site):
    site = build_site(site_files(), SITEURL=SITE, GUEST_SERIES_SITEMAP_SAVE_AS="")
    assert not site.exists("sitemap.xml")
    assert "Sitemap" not in site.path("robots.txt").read_text(encoding="utf-8")


def test_a_sitemap_path_outside_the_output_stops_the_build_naming_it(build_site):
    site = build_site(site_files(), SITEURL=SITE, GUEST_SERIES_SITEMAP_SAVE_AS="../x.xml")
    assert site.stopped
    assert any("GUEST_SERIES_SITEMAP_SAVE_AS" in error for error in site.errors)


def test_a_guest_cannot_take_the_sitemap_or_robots_txt(build_site):
    site = build_site(
        {
            "posts/a.md": post("A", Save_as="sitemap.xml"),
            "posts/b.md": post("B", date="2026-03-03 09:00"),
            "images/robots.txt": "User-agent: *\nDisallow: /\n",
        },
        SITEURL=SITE,
        STATIC_PATHS=["images"],
        EXTRA_PATH_METADATA={},
        # A guest's file that lands at the top, as a misconfigured path might.
        PATH_METADATA="images/(?P<path>robots.txt)",
    )
    errors = site.errors
    assert any(
        "content/posts/a.md" in error and "sitemap.xml" in error and "the sitemap" in error
        for error in errors
    ), errors
    assert any("robots.txt" in error and "copied" in error for error in errors), errors
    assert sitemap(site)  # still the sitemap, not the post
    assert "Disallow: /\n" not in site.path("robots.txt").read_text(encoding="utf-8")


def test_the_hosts_own_robots_txt_wins(build_site):
    own = "User-agent: *\nDisallow: /private/\n"
    site = build_site(
        {**site_files(), "extra/robots.txt": own},
        SITEURL=SITE,
        STATIC_PATHS=["images", "extra/robots.txt"],
        EXTRA_PATH_METADATA={"extra/robots.txt": {"path": "robots.txt"}},
    )
    assert site.path("robots.txt").read_text(encoding="utf-8") == own
    assert not [error for error in site.errors if "robots" in error]
    assert sitemap(site)


def test_an_unchanged_rebuild_leaves_both_files_alone(build_site):
    first = build_site(site_files(), SITEURL=SITE)
    paths = [first.path("sitemap.xml"), first.path("robots.txt")]
    for path in paths:
        path.touch()
        import os

        os.utime(path, ns=(10**18, 10**18))
    build_site({}, SITEURL=SITE)
    assert [path.stat().st_mtime_ns for path in paths] == [10**18, 10**18]


def test_no_robots_setting_writes_no_robots_txt_but_the_sitemap(build_site):
    site = build_site(site_files(), SITEURL=SITE, GUEST_SERIES_ROBOTS_SAVE_AS="")
    assert not site.exists("robots.txt")
    assert sitemap(site)


def test_every_page_of_the_demo_names_itself_and_is_in_its_sitemap(tmp_path):
    import json
    import shutil

    from conftest import DEMO_CONTENT, run_pelican

    content = tmp_path / "content"
    shutil.copytree(DEMO_CONTENT, content)
    site = run_pelican(content, tmp_path / "output", SITEURL=SITE)
    listed = sitemap(site)
    for path in site.pages():
        page = site.page(path)
        scripts = page.head.select('script[type="application/ld+json"]')
        links = page.head.select('link[rel="canonical"]')
        if path == "404.html":
            assert not links and not scripts
            continue
        own = f"{SITE}/{path.removesuffix('index.html')}"
        assert [link["href"] for link in links] == [own], path
        (script,) = scripts
        assert json.loads(script.string)["url"] == own, path
        status = page.find("meta", attrs={"name": "robots"})
        assert own in listed or "drafts/" in path, path
        assert status is None, path
    assert all(url.startswith(f"{SITE}/") for url in listed)
