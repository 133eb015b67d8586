"""The meta feature's pieces, alone: text, JSON-LD, tags, sitemap entries."""

import datetime
import json
import xml.etree.ElementTree as ElementTree
from types import SimpleNamespace

from markupsafe import Markup

from guestlist.meta.json_ld import compact, item_list, script_safe_json
from guestlist.meta.model import Image, PageFacts
from guestlist.meta.robots import host_owned, robots_txt
from guestlist.meta.site import absolute_site_url, site_facts
from guestlist.meta.sitemap import SitemapEntry, entry_for, sitemap_xml
from guestlist.meta.text import absolute, plain_text, shorten, url_of_file
from guestlist.meta.x_cards import x_card_tags

WHEN = datetime.datetime(2026, 3, 2, 9, tzinfo=datetime.UTC)


def test_script_safe_json_cannot_end_the_script_and_reads_back():
    data = {"name": "</script><script>alert('x')</script> & \u2028"}
    text = script_safe_json(data)
    assert "<" not in text and ">" not in text and "&" not in text
    assert "\u2028" not in text
    assert json.loads(text) == data


def test_plain_text_takes_strings_as_text_and_markup_as_html():
    assert plain_text("Jo's <b>") == "Jo's <b>"
    assert plain_text(Markup("Jo&#8217;s <b>desk</b>")) == "Jo\u2019s desk"
    assert plain_text(None) == ""


def test_shorten_cuts_at_a_word():
    assert shorten("short") == "short"
    assert shorten("one two three four", 10) == "one two…"


def test_addresses_are_absolute_or_none():
    assert absolute("https://x.example", "a/") == "https://x.example/a/"
    assert absolute("", "a/") is None
    assert absolute("https://x.example", None) is None
    assert url_of_file("index.html") == ""
    assert url_of_file("tags/index.html") == "tags/"
    assert url_of_file("404.html") == "404.html"
    assert absolute_site_url({"SITEURL": "https://x.example/"}) == "https://x.example"
    assert absolute_site_url({"SITEURL": "/blog"}) == ""
    assert absolute_site_url({"SITEURL": ""}) == ""


def test_empty_facts_are_left_out_not_null():
    assert compact({"a": None, "b": "", "c": [], "d": 0, "e": "x"}) == {"d": 0, "e": "x"}
    listed = item_list([("u1", "One"), (None, "Two")], first=11)
    assert [item["position"] for item in listed["itemListElement"]] == [11, 12]
    assert "url" not in listed["itemListElement"][1]


def test_the_card_is_large_only_for_a_wide_image():
    facts = PageFacts("T", "", None, "website", {})
    assert x_card_tags(facts, None)[0].content == "summary"
    avatar = PageFacts("T", "", None, "profile", {}, Image("https://x/a.png", "A"))
    assert x_card_tags(avatar, None)[0].content == "summary"
    card = PageFacts(
        "T", "", None, "article", {}, Image("https://x/c.png", "C", large=True)
    )
    assert x_card_tags(card, "@site")[0].content == "summary_large_image"


def test_the_publisher_is_the_host_or_else_the_site():
    settings = {"SITEURL": "https://x.example", "SITENAME": "X", "AUTHOR": "Ann"}
    assert site_facts(settings, {}).publisher == {
        "@type": "Person",
        "name": "Ann",
        "url": "https://x.example/",
    }
    settings["AUTHOR"] = ""
    assert site_facts(settings, {}).publisher["@type"] == "Organization"
    assert site_facts(settings, {}).publisher["name"] == "X"


def test_sitemap_entries_leave_out_what_is_not_for_search_engines():
    out = "/out"
    post = SimpleNamespace(url="a/", date=WHEN, status="published")
    assert entry_for("/out/a/index.html", out, {"article": post}) == SitemapEntry(
        "a/", WHEN
    )
    hidden = SimpleNamespace(url="h/", date=WHEN, status="hidden")
    assert entry_for("/out/h/index.html", out, {"article": hidden}) is None
    assert entry_for("/out/old.html", out, {"redirect": object()}) is None
    assert entry_for("/out/404.html", out, {}, {"404.html"}) is None
    assert entry_for("/out/feed.xml", out, {}) is None
    assert entry_for("/elsewhere/x.html", out, {}) is None
    assert entry_for("/out/tags/index.html", out, {"articles": [post]}) == SitemapEntry(
        "tags/", WHEN
    )


def test_sitemap_xml_escapes_and_encodes_addresses():
    text = sitemap_xml(
        "https://x.example",
        [SitemapEntry("a&b/<c> d/", None), SitemapEntry("", WHEN), SitemapEntry("", WHEN)],
    )
    root = ElementTree.fromstring(text)
    locs = [element.text for element in root.iter() if element.tag.endswith("loc")]
    assert locs == ["https://x.example/", "https://x.example/a&b/%3Cc%3E%20d/"]


def test_robots_txt_and_the_hosts_own_file():
    assert robots_txt(None) == "User-agent: *\nDisallow:\n"
    settings = {"EXTRA_PATH_METADATA": {"extra/robots.txt": {"path": "robots.txt"}}}
    assert host_owned("robots.txt", settings) == "extra/robots.txt"
    assert host_owned("sitemap.xml", settings) is None
    assert host_owned("robots.txt", {"EXTRA_PATH_METADATA": {"x": "not a dict"}}) is None
