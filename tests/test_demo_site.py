"""The shipped demo site builds cleanly and reads like the blog it is."""

import re


def test_demo_builds_without_a_single_warning(demo_site):
    assert demo_site.messages == []


def test_home_lists_the_latest_posts_and_the_running_series(demo_site):
    home = demo_site.page("")
    titles = [a.get_text() for a in home.select("article.summary h2 a")]
    assert len(titles) >= 8
    assert titles[0] == "What the Birthday Week Taught Me"  # newest first
    running = home.select_one(".running-series")
    assert running.h2.get_text(strip=True) == "Birthday Bloggers"
    assert "Start with Guest #1" in running.get_text()


def test_every_guest_post_carries_its_number_and_host_note(demo_site):
    series_page = demo_site.page("series/birthday-bloggers/")
    links = series_page.select("ol.series-list h2 a")
    assert len(links) == 7
    for number, link in enumerate(links, start=1):
        page = demo_site.page(link["href"])
        bar = page.select_one(".series-bar")
        assert bar.strong.get_text() == f"Guest #{number}"
        assert f"({number} of 7)" in bar.get_text()
        note = page.select_one(".post-body .admonition.host-note")
        assert note.select_one(".admonition-title").get_text() == "Note from Ollie"
        # The note is the last thing in the post, apart from the guest's text.
        assert note is page.select_one(".post-body").find_all(recursive=False)[-1]


def test_guest_posts_show_the_guest_and_their_handle(demo_site):
    page = demo_site.page(
        demo_site.page("series/birthday-bloggers/").select("ol.series-list h2 a")[1]["href"]
    )
    box = page.select_one(".author-box")
    assert box.h2.get_text(" ", strip=True) == "About PFNDF"
    assert box.find("a", href=re.compile(r"^https://x\.com/\w+$"))


def test_about_page_and_posts_outside_the_series(demo_site):
    about = demo_site.page("about/")
    assert about.h1.get_text() == "About"
    outside = demo_site.page("2026/03/seven-guests-for-seven-years/")
    assert outside.select_one(".series-bar") is None
    assert outside.select_one('.post-neighbours a[rel="next"]')


def test_profiles_and_descriptions_are_not_articles(demo_site):
    posts = sorted((demo_site.content / "posts").glob("*.md"))
    archive = demo_site.page("archives/").select("ul.archive li a")
    assert len(archive) == len(posts)
    profile_names = {
        line.split(":", 1)[1].strip()
        for path in (demo_site.content / "authors").glob("*.md")
        for line in path.read_text().splitlines()
        if line.startswith("Name:")
    }
    assert not profile_names & {link.get_text() for link in archive}
    assert "Birthday Bloggers" not in {link.get_text() for link in archive}


def test_every_page_has_one_h1_and_a_main(demo_site):
    for path in demo_site.files():
        page = demo_site.page(path)
        assert len(page.find_all("h1")) == 1, path
        assert page.find("main"), path
