"""The demo builds and reads right, whatever posts it holds.

These tests build the tests' own copy of the demo (tests/fixtures/demo/, not
content/, which a host replaces with their blog; the shipped content/ is
checked by the golden snapshot, tests/site/test_golden.py). They assert what
must hold for any content (no errors, every series post numbered and linked
consistently), not the demo's particular posts, so they hold as the copy
changes.
"""

import re
from datetime import datetime


def posts_on(page):
    return page.select("article.summary")


def test_the_site_builds_without_errors(demo_site):
    assert demo_site.errors == []
    assert demo_site.exists("")


def test_home_lists_posts_newest_first(demo_site):
    home = demo_site.page("")
    dates = [
        datetime.fromisoformat(t["datetime"]) for t in home.select("article.summary time")
    ]
    assert dates, "the home page lists no posts"
    assert dates == sorted(dates, reverse=True)


def test_every_series_post_is_numbered_and_linked_consistently(demo_site):
    series_index = demo_site.page("series/")
    for series_link in series_index.select(".series-index h2 a"):
        series_page = demo_site.page(series_link["href"])
        entries = series_page.select("ol.series-list h3 a")
        count = len(entries)
        assert count >= 1
        for place, link in enumerate(entries, start=1):
            page = demo_site.page(link["href"])
            bar = page.select_one("header .series-bar")
            assert f"({place} of {count})" in bar.get_text()
            assert bar.select_one(".series-all a")["href"] == series_link["href"]
            previous = bar.select_one('a[rel="prev"]')
            following = bar.select_one('a[rel="next"]')
            assert (previous is None) == (place == 1)
            assert (following is None) == (place == count)
            if previous is not None:
                assert previous["href"] == entries[place - 2]["href"]
            if following is not None:
                assert following["href"] == entries[place]["href"]


def test_host_notes_render_apart_from_the_guests_text(demo_site):
    notes = 0
    for path in demo_site.files():
        for note in demo_site.page(path).select(".post-body .admonition.host-note"):
            notes += 1
            assert note.select_one(".admonition-title").get_text().startswith("Note from")
    assert notes >= 1


def test_guest_posts_show_the_guest_and_their_handle(demo_site):
    boxes = [
        box
        for path in demo_site.files()
        for box in demo_site.page(path).select(".author-box")
    ]
    assert boxes
    for box in boxes:
        assert box.h2.get_text(" ", strip=True).startswith("About ")
    assert any(
        box.find("a", href=re.compile(r"^https://x\.com/\w{1,15}$")) for box in boxes
    )


def test_profiles_and_descriptions_are_not_articles(demo_site):
    posts = [
        path
        for path in demo_site.content.rglob("*.md")
        if path.relative_to(demo_site.content).parts[0]
        not in {"authors", "series", "pages"}
    ]
    archive = demo_site.page("archives/").select("ul.archive li a")
    assert len(archive) == len(posts)
    shown = {link.get_text() for link in archive}
    for folder in ("authors", "series"):
        for path in (demo_site.content / folder).glob("*.md"):
            first = path.read_text(encoding="utf-8").splitlines()[0]
            assert first.split(":", 1)[1].strip() not in shown, path


def test_every_page_has_one_h1_and_a_main(demo_site):
    for path in demo_site.files():
        page = demo_site.page(path)
        assert len(page.find_all("h1")) == 1, path
        assert page.find("main"), path
